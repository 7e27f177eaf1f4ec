/**
 * A copy of `node` with the value at a path set, as the forms edit content and drafts by their
 * fields' dotted paths: numeric segments index arrays, missing objects are created, and a value
 * of undefined removes its key (so what is saved has no empty keys). The input is not changed.
 */
export function setAtPath(node: unknown, [head, ...rest]: readonly string[], value: unknown): unknown {
  if (head === undefined) return value;
  if (Array.isArray(node) && /^\d+$/.test(head)) {
    const items: readonly unknown[] = node;
    return items.map((item, i) => (i === Number(head) ? setAtPath(item, rest, value) : item));
  }
  const out: { [key: string]: unknown } = typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...node } : {};
  const next = setAtPath(out[head], rest, value);
  if (next === undefined) delete out[head];
  else out[head] = next;
  return out;
}
