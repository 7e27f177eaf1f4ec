/**
 * An answer many calls return as one object: a kept ministry overview, the list of built-in
 * metrics. Marked, it is frozen all the way down, so no call can change it for the others, and
 * the transport may write it out once and send the same bytes to every caller (the overview is
 * ~32 kB of JSON, asked for far more often than its figures change).
 */
const shared = new WeakSet<object>();

export function sharedAnswer<T extends object>(value: T): T {
  deepFreeze(value);
  shared.add(value);
  return value;
}

export const isSharedAnswer = (value: unknown): value is object => typeof value === 'object' && value !== null && shared.has(value);

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
