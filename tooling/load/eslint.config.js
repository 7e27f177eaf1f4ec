import { node } from '@tsumiki/eslint-config';

export default node;
