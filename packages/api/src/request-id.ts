import { randomUUID } from 'node:crypto';

/**
 * What a client may send as `x-request-id` (to follow one request through its own logs and ours):
 * 1 to 100 letters, digits and `- _ . :` — a UUID or a tracing id. Anything else (control
 * characters, markup, an enormous value) is replaced by an id of our own, so the logs and the
 * audit log only ever hold ids of this shape.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}
