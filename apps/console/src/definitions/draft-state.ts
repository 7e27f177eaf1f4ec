import type { TProgrammeDefinition } from '@tsumiki/domain/programmes';
import type { Path } from './definition-fields';

/**
 * The definition with the value at `path` replaced, as a new object for React state. A deep copy
 * keeps the definition's type without asserting it; the draft is checked by the domain's schema
 * on every change anyway, and a copy of tens of kB per keystroke costs nothing noticeable.
 */
export function setAt(definition: TProgrammeDefinition, path: Path, value: unknown): TProgrammeDefinition {
  const next = structuredClone(definition);
  const last = path.at(-1);
  let node: unknown = next;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return next;
    let child: unknown = Reflect.get(node, key);
    if (typeof child !== 'object' || child === null) {
      child = {};
      Reflect.set(node, key, child);
    }
    node = child;
  }
  if (last !== undefined && typeof node === 'object' && node !== null) Reflect.set(node, last, value);
  return next;
}

/** The definition with an item appended to, or removed from, the list at `path`. */
export function withItem(definition: TProgrammeDefinition, path: Path, list: readonly unknown[], item: unknown): TProgrammeDefinition {
  return setAt(definition, path, [...list, item]);
}
export function withoutItem(definition: TProgrammeDefinition, path: Path, list: readonly unknown[], index: number): TProgrammeDefinition {
  return setAt(definition, path, list.filter((_, i) => i !== index));
}
