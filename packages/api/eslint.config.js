import { api } from '@tsumiki/eslint-config';
export default api;
