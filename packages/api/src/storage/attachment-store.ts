import { randomUUID } from 'node:crypto';

/**
 * Where attachment bytes live. The metadata row is always in PostgreSQL; the bytes either go in
 * the row (the database store, the default) or in a filesystem or S3-compatible store under a key
 * the server makes up. Upload order: bytes first, then the row in a transaction, and the bytes
 * removed again if the row is not written, so no row ever points at nothing.
 */
export interface AttachmentStore {
  readonly kind: 'database' | 'filesystem' | 's3';
  /** Stores the bytes: a key for the row, or the bytes themselves to keep in the row. */
  put(bytes: Uint8Array): Promise<StoredBytes>;
  /** The bytes of a row written with what put() returned. */
  get(row: { storage_key: string | null; content: Uint8Array | null }): Promise<Uint8Array>;
  /** Removes stored bytes (after a failed row write); absent bytes are not an error. */
  remove(storageKey: string): Promise<void>;
}

export type StoredBytes = { storageKey: string; inline: null } | { storageKey: null; inline: Uint8Array };

/** The store cannot take more bytes (disk full, quota): nothing was stored. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
}

/** The store cannot be written or read just now (read-only, permissions, network, 5xx): nothing was stored. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** year/month/uuid: made by the server, never from a file name, so it cannot leave the store. */
export const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

export function assertStorageKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new StorageUnavailableError(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/** The default: bytes in the attachments row itself, written in the same transaction as the row. */
export const databaseStore: AttachmentStore = {
  kind: 'database',
  put: (bytes) => Promise.resolve({ storageKey: null, inline: bytes }),
  get: (row) => {
    if (!row.content) return Promise.reject(new StorageUnavailableError('the row names an external store, the database store is configured'));
    return Promise.resolve(row.content);
  },
  remove: () => Promise.resolve(),
};
