import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

/** Repositories take either the database or a transaction, so callers compose them atomically. */
export type Executor = Kysely<DB> | Transaction<DB>;
