import { describe, expect, it } from 'vitest';
import { cltExampleApplicationContent } from '../clt/examples';
import type { TCltContent, TCo2Content } from './schema';
import { BUILTIN_PROGRAMMES } from '../input';
import { compareSubmittedVersions } from './version-changes';

/** The worked example as returned, with the applicant's edits applied for the resubmission. */
function resubmitted(edit: (c: TCltContent) => void): TCltContent {
  const c = cltExampleApplicationContent();
  edit(c);
  return c;
}

describe('comparing two submitted versions', () => {
  const first = cltExampleApplicationContent();

  it('finds nothing between a version and itself, and still gives the amounts', () => {
    const same = compareSubmittedVersions(first, cltExampleApplicationContent(), BUILTIN_PROGRAMMES.clt_demonstration);
    expect(same.fields).toEqual([]);
    expect(same.lines).toEqual([]);
    expect(same.amounts.grant.before).toBe(same.amounts.grant.after);
    expect(same.amounts.grant.before).toBeGreaterThan(0);
  });

  it('names a changed field by its form label, with options and yes/no shown as on the form', () => {
    const second = resubmitted((c) => {
      c.grant!.facts!.storeys = 3;
      c.grant!.cltUse = 'panel_with_other';
      c.grant!.facts!.landSecured = false;
      c.checklist!.answers!['1'] = 'not_applicable';
    });
    const { fields } = compareSubmittedVersions(first, second, BUILTIN_PROGRAMMES.clt_demonstration);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('grant.facts.storeys')).toMatchObject({ label: { ja: '階数（地上）' }, section: { ja: '建築物の概要' }, before: { ja: '4' }, after: { ja: '3' } });
    expect(byPath.get('grant.facts.landSecured')).toMatchObject({ before: { ja: 'はい' }, after: { ja: 'いいえ' } });
    expect(byPath.get('grant.cltUse')).toMatchObject({ before: { ja: 'CLTパネル工法のみ' }, after: { ja: 'CLTパネル工法と他の構造を併用する場合' } });
    expect(byPath.get('checklist.answers.1')).toMatchObject({ before: { ja: '実施する' }, after: { ja: '該当なし' } });
    expect(fields).toHaveLength(4);
    // Nothing the reviewer reads is a stored code or a camelCase name.
    for (const f of fields) for (const t of [f.label.ja, f.section.ja, f.before?.ja, f.after?.ja]) expect(t ?? '').not.toMatch(/[a-z][A-Z]|_/);
  });

  it('lists budget lines changed, added and removed with their amounts, and recomputes the grant by the programme’s rules', () => {
    const second = resubmitted((c) => {
      const building = c.grant!.building!.lines;
      building[1] = { ...building[1]!, amount: 3_300_000, unitPrice: 3_300_000 }; // 仮設工事 2,200,000 → 3,300,000
      c.grant!.performance = undefined; // 試験手数料 withdrawn
      c.grant!.council!.lines.push({ id: 'c6', category: 'travel', description: '現地視察旅費', amount: 220_000 });
    });
    const cmp = compareSubmittedVersions(first, second, BUILTIN_PROGRAMMES.clt_demonstration);
    const changed = cmp.lines.find((l) => l.change === 'changed');
    expect(changed).toMatchObject({ table: { ja: '建築物の建築実証' }, form: '様式4-1', before: { id: 'b2', description: '仮設工事', amount: 2_200_000 }, after: { amount: 3_300_000 } });
    expect(changed?.before?.category?.ja).toBe('役務費');
    expect(changed?.cells.map((c) => [c.label.ja, c.before?.ja, c.after?.ja])).toEqual([
      ['金額（税込・円）', '2,200,000円', '3,300,000円'],
      ['単価（円）', '2,200,000円', '3,300,000円'],
    ]);
    expect(cmp.lines.find((l) => l.change === 'removed')).toMatchObject({ table: { ja: '部材の性能実証等' }, before: { id: 'p1', amount: 3_300_000 }, after: null });
    expect(cmp.lines.find((l) => l.change === 'added')).toMatchObject({ form: '様式4-2', after: { id: 'c6', description: '現地視察旅費', amount: 220_000 } });
    expect(cmp.lines).toHaveLength(3);

    // 事業費 +1,100,000 −3,300,000 +220,000; the grant: building +1,000,000 tax-excluded × 3/10, the
    // performance section's 900,000 gone, the council's travel at its own rate.
    expect(cmp.amounts.requested).toEqual({ before: 40_631_000, after: 40_631_000 + 1_100_000 - 3_300_000 + 220_000 });
    expect(cmp.amounts.grant.before).toBe(11_810_000);
    expect(cmp.amounts.grant.after).toBe(11_810_000 + 300_000 - 900_000 + 200_000);
    expect(cmp.amounts.ownShare.after).toBe(cmp.amounts.requested.after! - cmp.amounts.grant.after!);
  });

  it('gives no amount for a version whose budget cannot be computed, rather than a made-up one', () => {
    const broken = resubmitted((c) => {
      c.grant!.building!.lines[0] = { id: 'b1', amount: -1 };
    });
    const cmp = compareSubmittedVersions(first, broken, BUILTIN_PROGRAMMES.clt_demonstration);
    expect(cmp.amounts.grant.after).toBeNull();
    expect(cmp.amounts.grant.before).toBe(11_810_000);
  });

  it('refuses versions of different programmes', () => {
    expect(() => compareSubmittedVersions(first, { programme: 'co2_factor_support' }, BUILTIN_PROGRAMMES.clt_demonstration)).toThrow(/different programmes/);
  });

  it('compares the CO2 budget and its factor list by line', () => {
    const line = { id: 'l1', category: 'personnel' as const, description: '算定作業', amount: 500_000 };
    const a: TCo2Content = { programme: 'co2_factor_support', grant: { factors: [{ id: 'F1', kind: 'cfp_unverified', product: '集成材' }], lines: [line] } };
    const b: TCo2Content = { ...a, grant: { ...a.grant, lines: [{ ...line, amount: 650_000 }] } };
    const cmp = compareSubmittedVersions(a, b, BUILTIN_PROGRAMMES.co2_factor_support);
    expect(cmp.lines).toHaveLength(1);
    expect(cmp.lines[0]).toMatchObject({ change: 'changed', before: { amount: 500_000 }, after: { amount: 650_000 } });
  });
});
