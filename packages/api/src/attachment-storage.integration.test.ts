import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRows, findAttachmentBytes, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageFullError, StorageUnavailableError, type AttachmentStore } from './storage/attachment-store';
import { filesystemStore } from './storage/filesystem-store';
import { errorCodeOf, seedRoles, signedInClient, tinyPdf } from './test-support';

const backends = await testBackends();
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** A store in memory that records what it was asked, and fails on demand. */
function memoryStore(options: { failPut?: Error; key?: () => string } = {}) {
  const objects = new Map<string, Uint8Array>();
  let n = 0;
  const store: AttachmentStore = {
    kind: 's3',
    put: (bytes) => {
      if (options.failPut) return Promise.reject(options.failPut);
      const key = options.key?.() ?? `2026/11/00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      objects.set(key, bytes);
      return Promise.resolve({ storageKey: key, inline: null });
    },
    get: (row) => Promise.resolve(objects.get(row.storage_key!)!),
    remove: (key) => Promise.resolve(void objects.delete(key)),
  };
  return { store, objects };
}

describe.each(backends)('attachment stores on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let root: string;
  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    root = mkdtempSync(join(tmpdir(), 'tsumiki-attachments-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  const upload = async (attachments: AttachmentStore, fileName = '様式1.pdf') => {
    const client = await signedInClient(database, seed.users.applicant.email, { attachments });
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '添付の保存先' });
    const input = { applicationId: draft.id, fileName, declaredType: 'application/pdf' as const, contentBase64: Buffer.from(tinyPdf()).toString('base64') };
    return { draft, attempt: () => client.caller.attachments.upload(input) };
  };

  it('keeps the bytes in files under the configured directory, the row naming them by key', async () => {
    const store = filesystemStore(root);
    const { attempt } = await upload(store);
    const stored = await attempt();
    const row = (await findAttachmentBytes(database.db, stored.id))!;
    expect(row.content).toBeNull();
    expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(files(root)).toEqual([join(root, ...row.storage_key!.split('/'))]);
    expect(await store.get(row)).toEqual(tinyPdf());
  });

  it.each([
    ['full', new StorageFullError('ENOSPC'), 'SERVICE_UNAVAILABLE attachment.storage_full'],
    ['read-only or unreachable', new StorageUnavailableError('EROFS'), 'SERVICE_UNAVAILABLE attachment.storage_unavailable'],
  ])('a %s store is a clear 503 and no row, no audit entry', async (_name, failure, expected) => {
    const { store } = memoryStore({ failPut: failure });
    const { attempt } = await upload(store);
    const [attachments, audit] = [await countRows(database.db, 'attachments'), await countRows(database.db, 'audit_log')];
    expect(await errorCodeOf(attempt())).toBe(expected);
    expect(await countRows(database.db, 'attachments')).toBe(attachments);
    expect(await countRows(database.db, 'audit_log')).toBe(audit);
  });

  it('removes the stored bytes again when the row cannot be written', async () => {
    // A key the database refuses (its check constraint): the row write fails after the bytes were stored.
    const { store, objects } = memoryStore({ key: () => '2026/11/NOT-A-UUID' });
    const { attempt } = await upload(store);
    const before = await countRows(database.db, 'attachments');
    await expect(attempt()).rejects.toThrow();
    expect(objects.size).toBe(0);
    expect(await countRows(database.db, 'attachments')).toBe(before);
  });

  it('stores nothing for a refused upload (another organisation’s application)', async () => {
    const { store, objects } = memoryStore();
    const { draft } = await upload(store);
    const stranger = await signedInClient(database, 'other-applicant@example.jp', { attachments: store });
    const input = { applicationId: draft.id, fileName: 'x.pdf', declaredType: 'application/pdf' as const, contentBase64: Buffer.from(tinyPdf()).toString('base64') };
    expect(await errorCodeOf(stranger.caller.attachments.upload(input))).toBe('NOT_FOUND application.not_found');
    expect(objects.size).toBe(0);
  });
});
