import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { computeGrantFromJson } from './application-form';
import { CLT_EXAMPLE_FACTS, CLT_FORM_4_1, CLT_FORM_4_2 } from './clt/examples';
import { ZCltGrantInput } from './clt/input';
import { co2LicenceExampleContent } from './co2/examples';
import { ZCo2GrantInput } from './co2/input';
import { BUILTIN_PROGRAMMES } from './input';

/**
 * What `tsumiki grant compute` and the console's "try it" say about a value outside a closed
 * choice: the field by its name on the form, in Japanese and in English, never its path in the
 * JSON (`facts.otherNationalSubsidy`). Every closed choice of both engines' inputs is tried, found
 * by walking their schemas, so a choice added later is held to it too.
 */

/** A path inside the JSON or a camelCase key: what a message must never show. */
const INTERNAL = /[A-Za-z_]\w*\.\w+|\b[a-z]+[A-Z]\w*/;

type Path = (string | number)[];

/** The paths of a schema's values (0 for a list's items), each with its type ("enum", "number"…). */
function leafPaths(schema: z.core.$ZodType, at: Path = []): { path: Path; type: string }[] {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; innerType?: z.core.$ZodType; element?: z.core.$ZodType; in?: z.core.$ZodType };
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, s]) => leafPaths(s, [...at, key]));
    case 'array':
      return def.element ? leafPaths(def.element, [...at, 0]) : [];
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return def.innerType ? leafPaths(def.innerType, at) : [];
    case 'pipe':
      return def.in ? leafPaths(def.in, at) : [];
    default:
      return [{ path: at, type: def.type }];
  }
}

/** A copy of `node` with `value` at `path`, lists and objects made where missing. */
function put(node: unknown, [head, ...rest]: Path, value: unknown): unknown {
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(node) ? [...(node as unknown[])] : [];
    list[head] = put(list[head], rest, value);
    return list;
  }
  const object = typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as Record<string, unknown>) } : {};
  object[head] = put(object[head], rest, value);
  return object;
}

const PROGRAMMES = [
  { code: 'clt_demonstration', schema: ZCltGrantInput, input: { facts: CLT_EXAMPLE_FACTS, ...CLT_FORM_4_1, ...CLT_FORM_4_2 } },
  { code: 'co2_factor_support', schema: ZCo2GrantInput, input: co2LicenceExampleContent().grant },
] as const;

/** The messages about `value` at `path`. */
function refusalsAt(code: (typeof PROGRAMMES)[number]['code'], input: unknown, path: Path, value: unknown) {
  const computed = computeGrantFromJson(BUILTIN_PROGRAMMES[code], put(input, path, value));
  const issues = computed.ok ? [] : computed.issues.filter((i) => i.path.join('.').startsWith(path.join('.')));
  if (issues.length === 0) throw new Error(`${code}: nothing refused at ${path.join('.')}`);
  return issues.map((issue) => ({ code: issue.code, ja: errorMessage(issue.code, 'ja', issue.params), en: errorMessage(issue.code, 'en', issue.params) }));
}
const refusalAt = (code: (typeof PROGRAMMES)[number]['code'], input: unknown, path: Path) => refusalsAt(code, input, path, 'not_a_choice')[0]!;

/** Neither message shows a path or a key ("e.g." is English, not a path). */
function expectWords(path: Path, { ja, en }: { ja: string; en: string }) {
  expect(ja, `${path.join('.')}: ${ja}`).not.toMatch(INTERNAL);
  expect(en.replaceAll('e.g.', ''), `${path.join('.')}: ${en}`).not.toMatch(INTERNAL);
}

describe('a value outside a closed choice names its field as the form does', () => {
  for (const { code, schema, input } of PROGRAMMES) {
    it(`${code}: every closed choice, in Japanese and in English, with no path or key`, () => {
      const paths = leafPaths(schema).filter((l) => l.type === 'enum');
      expect(paths.length, code).toBeGreaterThan(4);
      for (const { path } of paths) expectWords(path, refusalAt(code, input, path));
    });

    // grant.field_type, grant.field_invalid and the rest name their field the same way.
    it(`${code}: a value of the wrong type anywhere, named the same way`, () => {
      for (const { path } of leafPaths(schema)) for (const refusal of refusalsAt(code, input, path, { wrong: true })) expectWords(path, refusal);
    });
  }

  it('the CLT form’s other national subsidy, and the committee’s decision the form does not ask', () => {
    const { input } = PROGRAMMES[0];
    const subsidy = refusalAt('clt_demonstration', input, ['facts', 'otherNationalSubsidy']);
    expect(subsidy).toEqual({
      code: 'grant.option_unknown',
      ja: '「国の他の補助金」は次のいずれかを選んでください: なし、あり（対象部分を明確に切り分けられる）、あり（同一内容）',
      en: 'Choose one of these for "Other national subsidies": None, Yes, clearly separable, Yes, for the same content',
    });
    expect(refusalAt('clt_demonstration', input, ['rate', 'committeeDecision']).ja).toBe('「特例の補助率に対する検討委員会の判断」は次のいずれかを選んでください: 審議中、承認、不承認');
  });

  it('a CO2 factor’s answer by the factor’s row and the question it answers', () => {
    const { ja, en } = refusalAt('co2_factor_support', PROGRAMMES[1].input, ['factors', 0, 'dataType']);
    expect(ja).toBe('「策定する原単位（1行目）データの種類（個社製品データ・個社製品群データ・業界代表データ）」は次のいずれかを選んでください: 個社製品データ、個社製品群データ、業界代表データ');
    expect(en).toContain('"Factors to develop #1 Kind of data (company product, product group or industry representative)"');
  });
});
