import base from '@tsumiki/eslint-config';
export default base;
