import type { TProgrammeDefinition } from '@tsumiki/domain/programmes';
import type { Path } from './definition-fields';

/** The definition with the value at `path` replaced, every object on the way copied (React state). */
export function setAt(definition: TProgrammeDefinition, path: Path, value: unknown): TProgrammeDefinition {
  const copy = (node: unknown, rest: Path): unknown => {
    if (rest.length === 0) return value;
    const [head, ...tail] = rest;
    if (Array.isArray(node)) return node.map((item: unknown, i) => (i === head ? copy(item, tail) : item));
    const record = typeof node === 'object' && node !== null ? node : {};
    return { ...record, [String(head)]: copy((record as Record<string, unknown>)[String(head)], tail) };
  };
  const next = copy(definition, path);
  return next as TProgrammeDefinition;
}

/** The definition with an item appended to, or removed from, the list at `path`. */
export function withItem(definition: TProgrammeDefinition, path: Path, list: readonly unknown[], item: unknown): TProgrammeDefinition {
  return setAt(definition, path, [...list, item]);
}
export function withoutItem(definition: TProgrammeDefinition, path: Path, list: readonly unknown[], index: number): TProgrammeDefinition {
  return setAt(definition, path, list.filter((_, i) => i !== index));
}
