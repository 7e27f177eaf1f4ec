import { isErrorCode, type ErrorCode } from '../errors';
import type { TCarbonIssue } from './result';

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let value = raw;
  for (const p of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

/** Turns zod's issues into ours, naming the BoQ line where there is one. */
export function zodIssues(
  raw: unknown,
  issues: readonly { message: string; path: PropertyKey[] }[],
): TCarbonIssue[] {
  const boq =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { boq?: unknown }).boq)
      ? (raw as { boq: unknown[] }).boq
      : [];
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const code: ErrorCode = isErrorCode(issue.message) ? issue.message : 'carbon.input_invalid';
    const params: Record<string, string | number> = { field: path.join('.') };
    const value = valueAt(raw, path);
    if (typeof value === 'string' || typeof value === 'number') params.value = value;
    let lineId: string | undefined;
    if (path[0] === 'boq' && typeof path[1] === 'number') {
      const row = boq[path[1]] as
        { id?: unknown; unit?: unknown; materialKey?: unknown; subItem?: unknown } | undefined;
      lineId = typeof row?.id === 'string' && row.id !== '' ? row.id : undefined;
      params.line = lineId ?? `#${path[1] + 1}`;
      params.row = path[1] + 1;
      if (row && typeof row.unit === 'string') params.unit = row.unit;
      if (row && typeof row.subItem === 'string') params.subItem = row.subItem;
    }
    return lineId === undefined ? { code, params, path } : { code, params, path, lineId };
  });
}
