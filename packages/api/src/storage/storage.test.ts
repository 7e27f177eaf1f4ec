import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertStorageKey, newStorageKey, StorageFullError, StorageUnavailableError } from './attachment-store';
import { filesystemStore } from './filesystem-store';
import { s3Store } from './s3-store';

const bytes = new TextEncoder().encode('%PDF-1.4 test bytes');
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('storage keys', () => {
  it('are year/month/uuid, made by the server', () => {
    expect(newStorageKey(new Date('2026-04-01T00:00:00Z'))).toMatch(/^2026\/04\/[0-9a-f-]{36}$/);
  });

  it.each(['../../etc/passwd', '2026/04/../../x', '/etc/passwd', '2026/04/様式1.pdf', ''])('refuse %j (no path traversal)', (key) => {
    expect(() => assertStorageKey(key)).toThrow(StorageUnavailableError);
  });
});

describe('filesystem store', () => {
  let root: string;
  beforeAll(() => void (root = mkdtempSync(join(tmpdir(), 'tsumiki-store-'))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes, reads back and removes, leaving no temporary file', async () => {
    const store = filesystemStore(root);
    const stored = await store.put(bytes);
    expect(stored.inline).toBeNull();
    expect(walk(root)).toEqual([join(root, ...stored.storageKey!.split('/'))]);
    expect(await store.get({ storage_key: stored.storageKey, content: null })).toEqual(bytes);
    await store.remove(stored.storageKey!);
    await store.remove(stored.storageKey!); // already gone: not an error
    expect(walk(root)).toEqual([]);
  });

  it('reports a root it cannot write to as unavailable, with nothing stored', async () => {
    const file = join(root, 'not-a-directory');
    writeFileSync(file, 'x');
    await expect(filesystemStore(file).put(bytes)).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('never reads outside its root, whatever a row says', async () => {
    await expect(filesystemStore(root).get({ storage_key: '../../etc/passwd', content: null })).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

/**
 * A stand-in for an S3-compatible service: it keeps objects in memory and records each request.
 * It checks the request's shape (path-style URL, SigV4 Authorization naming the key id, region and
 * service, a payload hash), not the signature itself: that the signature is one AWS accepts is
 * aws4fetch's to prove, and is not tested here against a real bucket.
 */
describe('S3-compatible store (against a local fake)', () => {
  const objects = new Map<string, Buffer>();
  const seen: { method: string; url: string; authorization: string; payloadHash: string }[] = [];
  let answerPutWith: number | null = null;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: String(req.headers.authorization), payloadHash: String(req.headers['x-amz-content-sha256']) });
      if (req.method === 'PUT' && answerPutWith) return void res.writeHead(answerPutWith).end('<Error><Code>QuotaExceeded</Code></Error>');
      if (req.method === 'PUT') objects.set(req.url!, Buffer.concat(chunks));
      if (req.method === 'GET') {
        const body = objects.get(req.url!);
        return void (body ? res.writeHead(200).end(body) : res.writeHead(404).end());
      }
      if (req.method === 'DELETE') objects.delete(req.url!);
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
    });
  });
  let endpoint: string;
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => void server.close());
  const config = () => ({ endpoint, bucket: 'tsumiki-files', region: 'ap-northeast-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

  it('puts, gets and deletes path-style objects with SigV4-signed requests', async () => {
    const store = s3Store(config());
    const stored = await store.put(bytes);
    const path = `/tsumiki-files/${stored.storageKey!}`;
    expect(objects.get(path)).toEqual(Buffer.from(bytes));
    expect(await store.get({ storage_key: stored.storageKey, content: null })).toEqual(bytes);
    await store.remove(stored.storageKey!);
    expect(objects.has(path)).toBe(false);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([`PUT ${path}`, `GET ${path}`, `DELETE ${path}`]);
    for (const s of seen) {
      expect(s.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-northeast-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
      expect(s.payloadHash).toMatch(/^([0-9a-f]{64}|UNSIGNED-PAYLOAD)$/);
    }
  });

  it('reports a full bucket as full and an unreachable endpoint as unavailable', async () => {
    answerPutWith = 403;
    await expect(s3Store(config()).put(bytes)).rejects.toBeInstanceOf(StorageFullError);
    answerPutWith = null;
    await expect(s3Store({ ...config(), endpoint: 'http://127.0.0.1:1' }).put(bytes)).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
