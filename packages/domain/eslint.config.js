import { domain } from '@tsumiki/eslint-config';
export default domain;
