import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertStorageKey, newStorageKey, StorageFullError, StorageUnavailableError, type AttachmentStore } from './attachment-store';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

function storageError(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && FULL.has(code) ? new StorageFullError(message) : new StorageUnavailableError(message);
}

/**
 * Bytes as files under one directory (a mounted volume, NFS): written to a temporary name and
 * renamed into place, so a crash or a full disk never leaves a half-written file under a key.
 */
export function filesystemStore(root: string): AttachmentStore {
  const base = resolve(root);
  const pathOf = (key: string) => join(base, ...assertStorageKey(key).split('/'));
  return {
    kind: 'filesystem',
    async put(bytes) {
      const key = newStorageKey();
      const path = pathOf(key);
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporary, bytes, { flag: 'wx', flush: true });
        await rename(temporary, path);
        return { storageKey: key, inline: null };
      } catch (error) {
        await unlink(temporary).catch(() => {});
        throw storageError(error);
      }
    },
    async get(row) {
      if (!row.storage_key) throw new StorageUnavailableError('the row keeps its bytes in the database');
      try {
        return new Uint8Array(await readFile(pathOf(row.storage_key)));
      } catch (error) {
        throw storageError(error);
      }
    },
    async remove(key) {
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'ENOENT') throw storageError(error);
      }
    },
  };
}
