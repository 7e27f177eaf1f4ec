import { db } from '@tsumiki/eslint-config';
export default db;
