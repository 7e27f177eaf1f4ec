/**
 * The tRPC wire format between the API and the apps: JSON, plus the paths of the Date values so
 * the other side gets Dates back. Dates are the only non-JSON values the procedures exchange; a
 * general transformer (superjson) walks every value to build its type tree and cost the API about
 * a seventh of its busy time under load. This one walks objects only, records a path only where a
 * Date is, and leaves the writing to JSON.stringify (a Date writes itself as its ISO string).
 *
 * Anything else JSON cannot carry faithfully (a Map, a Set, a class instance, a typed array) is
 * refused when sent, so a procedure that starts returning one fails its tests rather than arriving
 * changed.
 */

type Key = string | number;

export interface WireEnvelope {
  json: unknown;
  /** Where the Dates are: each a list of keys from the root (an empty list: the root itself). */
  dates?: Key[][];
}

export class WireError extends TypeError {}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function serialize(value: unknown): WireEnvelope {
  const dates: Key[][] = [];
  const path: Key[] = [];
  const visit = (v: object): void => {
    if (v instanceof Date) {
      dates.push(path.slice());
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') {
          path.push(i);
          visit(item);
          path.pop();
        }
      }
      return;
    }
    if (!isPlainObject(v)) throw new WireError(`a ${v.constructor.name} cannot be sent as JSON (at ${path.join('.') || 'the root'})`);
    for (const key in v) {
      const item: unknown = (v as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') {
        path.push(key);
        visit(item);
        path.pop();
      }
    }
  };
  if (value !== null && typeof value === 'object') visit(value);
  return dates.length > 0 ? { json: value, dates } : { json: value };
}

const MAX_DATES = 100_000;

const toDate = (iso: unknown): Date => {
  if (typeof iso !== 'string' && iso !== null) throw new WireError('a Date path does not lead to a date string');
  return new Date(iso ?? Number.NaN);
};

const isPath = (path: unknown): path is Key[] => Array.isArray(path) && path.every((k) => typeof k === 'string' || typeof k === 'number');

/** Own properties only: a path through "__proto__" or "constructor" must not reach a prototype. */
function ownProperty(parent: unknown, key: Key): parent is Record<Key, unknown> {
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key);
}

/** The value a peer sent; a malformed envelope (it may come from anyone) is a WireError. */
export function deserialize(envelope: unknown): unknown {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) throw new WireError('not a wire envelope');
  const { json, dates } = envelope as WireEnvelope;
  if (dates === undefined) return json;
  if (!Array.isArray(dates) || dates.length > MAX_DATES) throw new WireError('the Date paths are not a list');
  let root = json;
  for (const path of dates) {
    if (!isPath(path)) throw new WireError('a Date path is not a list of keys');
    if (path.length === 0) {
      root = toDate(root);
      continue;
    }
    let parent: unknown = root;
    for (let i = 0; i < path.length - 1; i++) {
      if (!ownProperty(parent, path[i]!)) throw new WireError('a Date path leads nowhere');
      parent = parent[path[i]!];
    }
    const last = path[path.length - 1]!;
    if (!ownProperty(parent, last)) throw new WireError('a Date path leads nowhere');
    parent[last] = toDate(parent[last]);
  }
  return root;
}

/** For tRPC's `transformer` option, on both ends. */
export const wire = { serialize, deserialize };
