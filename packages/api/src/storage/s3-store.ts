import { AwsClient } from 'aws4fetch';
import { assertStorageKey, newStorageKey, StorageFullError, StorageUnavailableError, type AttachmentStore } from './attachment-store';

export interface S3Config {
  /** The service's base URL, e.g. https://s3.ap-northeast-1.amazonaws.com or a MinIO/R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Bytes as objects in an S3-compatible bucket, addressed path-style (endpoint/bucket/key) so the
 * same code talks to AWS, MinIO or R2. Requests are signed with AWS Signature V4 by aws4fetch.
 */
export function s3Store(config: S3Config, fetchImpl: typeof fetch = fetch): AttachmentStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: 's3', region: config.region });
  const urlOf = (key: string) => `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}/${assertStorageKey(key)}`;
  const send = async (key: string, init: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(await client.sign(urlOf(key), init));
    } catch (error) {
      throw new StorageUnavailableError(error instanceof Error ? error.message : String(error));
    }
    return response;
  };
  const failure = async (response: Response, action: string) => {
    const body = await response.text().catch(() => '');
    // S3 answers a full or over-quota bucket with these codes (507 from some compatible stores).
    if (response.status === 507 || /<Code>(QuotaExceeded|StorageFull|EntityTooLarge)<\/Code>/.test(body)) return new StorageFullError(`${action}: ${response.status}`);
    return new StorageUnavailableError(`${action}: ${response.status}`);
  };
  return {
    kind: 's3',
    async put(bytes) {
      const key = newStorageKey();
      // A copy on its own ArrayBuffer: the DOM's BodyInit (which the apps typecheck this file against) refuses a view of a shared buffer.
      const response = await send(key, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } });
      if (!response.ok) throw await failure(response, 'PUT');
      return { storageKey: key, inline: null };
    },
    async get(row) {
      if (!row.storage_key) throw new StorageUnavailableError('the row keeps its bytes in the database');
      const response = await send(row.storage_key, { method: 'GET' });
      if (!response.ok) throw await failure(response, 'GET');
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(key) {
      const response = await send(key, { method: 'DELETE' });
      // S3 answers 204 whether or not the object was there.
      if (!response.ok && response.status !== 404) throw await failure(response, 'DELETE');
    },
  };
}
