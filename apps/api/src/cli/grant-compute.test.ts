import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_PROGRAMMES, CLT_EXAMPLE_FACTS, CLT_FORM_4_1, CLT_FORM_4_2, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { afterAll, describe, expect, it } from 'vitest';
import { grantCompute, type DefinitionLookup } from './grant-compute';

const dir = mkdtempSync(join(tmpdir(), 'tsumiki-grant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The LCA programme at twice the rate an office might publish: version 2 pays half the cost. */
const lcaV2: TProgrammeDefinition = {
  ...BUILTIN_PROGRAMMES.lca_implementation,
  sections: BUILTIN_PROGRAMMES.lca_implementation.sections.map((s) => ({ ...s, rates: s.rates.map((r) => ({ ...r, rate: { numerator: 1, denominator: 2 }, basis: 'at_most' as const })) })),
};

/** The database as a lookup: programmes by code, each with its published versions (the last the latest). */
const PROGRAMMES: Record<string, TProgrammeDefinition[]> = {
  clt_demonstration: [BUILTIN_PROGRAMMES.clt_demonstration],
  lca_implementation: [BUILTIN_PROGRAMMES.lca_implementation, lcaV2],
};
const lookup: DefinitionLookup = (code, version) => {
  const versions = PROGRAMMES[code];
  if (!versions) return Promise.resolve({ options: Object.entries(PROGRAMMES).map(([c, v]) => ({ code: c, name: v[0]!.name })) });
  const found = version === null ? versions.at(-1) : versions[version - 1];
  return Promise.resolve(found ? { definition: found } : { options: versions.map((v, i) => ({ code: `${code}@${i + 1}`, name: { ja: `${v.name.ja} 第${i + 1}版`, en: `${v.name.en}, version ${i + 1}` } })) });
};

const LCA_INPUT = { facts: { withBimModel: false, reportsLcaResult: true, cooperatesWithSurveys: true }, lines: [{ id: 'l1', category: 'lca_calculation', amount: 3_000_000 }] };

async function run(args: string[], locale: 'ja' | 'en' = 'ja') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await grantCompute(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, locale, lookup);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tsumiki grant compute', () => {
  it('prints the 様式4-1/4-2 worked example as JSON: 10,800,000 + 1,010,000 granted', async () => {
    const input = file('clt.json', JSON.stringify({ facts: CLT_EXAMPLE_FACTS, ...CLT_FORM_4_1, ...CLT_FORM_4_2 }));
    const { code, out } = await run(['clt_demonstration', input]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { ok: boolean; grant: { amount: number; requested: number }; breakdown: { form4_1: { grant: number }; form4_2: { grant: number } } };
    expect(result.ok).toBe(true);
    expect(result.breakdown.form4_1.grant).toBe(10_800_000);
    expect(result.breakdown.form4_2.grant).toBe(1_010_000);
    expect(result.grant.requested).toBe(40_631_000);
  });

  it('names the line of bad input in Japanese, with exit code 1', async () => {
    const input = file('bad.json', JSON.stringify({ building: { lines: [{ id: 'b1', category: 'supplies', amount: -1 }] } }));
    const { code, out, err } = await run(['clt_demonstration', input]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'grant.amount_negative', path: 'building.lines.0.amount' })] });
    expect(err).toContain('building.lines.0.amount');
    expect(err).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('computes under the version the office published, an earlier one by number, or a definition file', async () => {
    const input = file('lca.json', JSON.stringify(LCA_INPUT));
    const amount = async (args: string[]) => (JSON.parse((await run(args)).out) as { grant: { amount: number } }).grant.amount;
    expect(await amount(['lca_implementation', input])).toBe(1_500_000);
    expect(await amount(['lca_implementation@1', input])).toBe(3_000_000);
    expect(await amount(['--definition', file('v2.json', JSON.stringify(lcaV2)), input])).toBe(1_500_000);
    const unknownVersion = await run(['lca_implementation@7', input]);
    expect([unknownVersion.code, unknownVersion.err]).toEqual([1, expect.stringContaining('「建築GX・DX推進事業（LCA実施型） 第1版」（lca_implementation@1）、「建築GX・DX推進事業（LCA実施型） 第2版」（lca_implementation@2）')]);
  });

  it('refuses an inconsistent definition file with the named error', async () => {
    const negative = { ...lcaV2, caps: lcaV2.caps.map((c) => ({ ...c, amount: -1 })) };
    const { code, out } = await run(['--definition', file('bad-def.json', JSON.stringify(negative)), file('in.json', JSON.stringify(LCA_INPUT))]);
    expect(code).toBe(1);
    expect((JSON.parse(out) as { issues: { code: string }[] }).issues.map((i) => i.code)).toContain('programmes.definition_negative_cap');
  });

  it('names a field whose value is not one of its choices as the form does, in Japanese and in English', async () => {
    const input = file('subsidy.json', JSON.stringify({ facts: { ...CLT_EXAMPLE_FACTS, otherNationalSubsidy: 'yes' }, ...CLT_FORM_4_1, ...CLT_FORM_4_2 }));
    const messages = async (locale: 'ja' | 'en') => {
      const { code, out } = await run(['clt_demonstration', input], locale);
      expect(code).toBe(1);
      return (JSON.parse(out) as { issues: { code: string; path: string; message: string }[] }).issues;
    };
    // The path stays in the JSON for whoever edits the file; the message names the field.
    expect(await messages('ja')).toEqual([
      { code: 'grant.option_unknown', path: 'facts.otherNationalSubsidy', message: '「国の他の補助金」は次のいずれかを選んでください: なし、あり（対象部分を明確に切り分けられる）、あり（同一内容）' },
    ]);
    expect((await messages('en'))[0]!.message).toBe('Choose one of these for "Other national subsidies": None, Yes, clearly separable, Yes, for the same content');
  });

  it('refuses an unknown programme, a file that is not JSON, and a missing argument', async () => {
    const input = file('ok.json', '{}');
    const unknown = await run(['nope', input]);
    // Each programme by its name, with the code to type beside it: only the code is accepted here.
    expect([unknown.code, unknown.err]).toEqual([1, 'programme: 公募「nope」は登録されていません（選べるもの: 「令和7年度 CLT建築実証事業」（clt_demonstration）、「建築GX・DX推進事業（LCA実施型）」（lca_implementation））。']);
    expect((await run(['nope', input], 'en')).err).toBe('programme: There is no programme "nope" (choose one of: “FY2025 CLT building demonstration subsidy” (clt_demonstration), “Building GX/DX promotion: LCA implementation support” (lca_implementation)).');
    expect((await run(['--definition', file('def.json', '{}')])).code).toBe(2);
    expect((await run(['clt_demonstration', file('x.json', '{ not json')])).err).toContain('JSONとして読めません');
    expect((await run(['clt_demonstration'])).code).toBe(2);
  });
});
