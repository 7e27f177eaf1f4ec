import { react } from '@tsumiki/eslint-config';

export default react;
