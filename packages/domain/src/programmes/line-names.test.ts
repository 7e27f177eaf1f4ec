import { describe, expect, it } from 'vitest';
import { yen } from '../money';
import { errorMessage } from '../errors';
import { assessApplication } from './application-form';
import { parseBudgetSheet, importHeader } from './budget-import';
import { GENERIC_COST_SHARE } from './generic/definition';
import { BUILTIN_PROGRAMMES, validateGrantInput } from './input';
import type { TApplicationContent } from './content/schema';
import { computeGeneric } from './shared/generic';
import { hourlyRate, ZStaff } from './shared/personnel';

/** Issue 17: budget messages name sections and categories as the definition does, never by code. */
const both = (i: { code: string; params: Record<string, string | number> }) => ({
  ja: errorMessage(i.code, 'ja', i.params),
  en: errorMessage(i.code, 'en', { ...i.params, field: i.params.fieldEn ?? i.params.field ?? '' }),
});
const issuesOf = (programme: string, raw: unknown) => {
  const v = validateGrantInput(programme, raw);
  return v.ok ? [] : v.issues;
};
const expectNoCodes = (text: string, codes: readonly string[]) => {
  for (const code of codes) expect(text, text).not.toMatch(new RegExp(`\\b${code}\\b`));
};

describe('a category its section does not take', () => {
  it('CLT: names 旅費 and 建築物の建築実証 and the categories the section takes, not travel / building_demo / supplies', () => {
    const issues = issuesOf('clt_demonstration', { building: { lines: [{ id: 'b1', category: 'travel', amount: 10_000 }] } });
    expect(issues.map((i) => i.code)).toEqual(['grant.category_not_in_section']);
    const { ja, en } = both(issues[0]!);
    expect(ja).toBe('行「b1」の費目「旅費」は「建築物の建築実証」では計上できません（計上できる費目: 需用費、役務費、使用料及び賃借料）。');
    expect(en).toBe('Line "b1": category "Travel (旅費)" cannot be claimed under "Building demonstration" (allowed: Supplies (需用費), Services (役務費), Rentals (使用料及び賃借料)).');
    expectNoCodes(`${ja} ${en}`, ['travel', 'building', 'building_demo', 'supplies', 'services', 'rentals']);
  });

  it('CLT council: 技術者給 named in the design section, the council section named in English too', () => {
    const issues = issuesOf('clt_demonstration', { design: { lines: [{ id: 'd1', category: 'engineer_pay', amount: 1 }] } });
    const { ja, en } = both(issues[0]!);
    expect(ja).toContain('費目「技術者給」は「建築物の設計実証」');
    expect(en).toContain('under "Design demonstration"');
    expectNoCodes(`${ja} ${en}`, ['engineer_pay', 'design', 'design_demo']);
  });

  it('generic: a category the definition has, in a section that does not take it, by the definition’s names', () => {
    const def = { ...GENERIC_COST_SHARE, sections: [{ ...GENERIC_COST_SHARE.sections[0]!, categories: ['equipment', 'outsourcing'] }] };
    const issues = issuesOf(def as never, { lines: [{ id: 'p1', section: 'project', category: 'personnel', amount: 1 }] });
    expect(issues.map((i) => i.code)).toEqual(['grant.category_not_in_section']);
    const { ja, en } = both(issues[0]!);
    expect(ja).toBe('行「p1」の費目「人件費」は「補助事業」では計上できません（計上できる費目: 設備費、外注費）。');
    expect(en).toBe('Line "p1": category "Personnel" cannot be claimed under "Project" (allowed: Equipment, Outsourcing).');
  });

  it('generic engine result: a line it excludes carries the names too', () => {
    const result = computeGeneric(GENERIC_COST_SHARE, { programme: 'generic_cost_share', facts: {}, lines: [{ id: 'x', section: 'project', category: 'travel', amount: yen(1) }] });
    const reason = result.breakdown.lines[0]!.reasons[0]!;
    const { ja, en } = both(reason);
    expect(ja).toContain('「補助事業」では計上できません（計上できる費目: 設備費、外注費、人件費）');
    expect(en).toContain('under "Project" (allowed: Equipment, Outsourcing, Personnel)');
    expectNoCodes(`${ja} ${en}`, ['project', 'equipment', 'outsourcing', 'personnel']);
  });
});

describe('a section or category the programme does not have', () => {
  it('generic: names the sections to choose from, not their codes nor the code given', () => {
    const issues = issuesOf('generic_cost_share', { lines: [{ id: 'l4', section: 'annex', category: 'equipment', amount: 1 }] });
    const { ja, en } = both(issues[0]!);
    expect(ja).toBe('行「l4」の区分はこの公募にありません（選べるもの: 補助事業）。');
    expect(en).toBe('Line "l4": the section is not one of this programme\'s (choose: Project).');
    expectNoCodes(`${ja} ${en}`, ['annex', 'project']);
  });

  it('LCA: a line naming another section is told the LCA section by name', () => {
    const issues = issuesOf('lca_implementation', { lines: [{ id: 'z', section: 'other', category: 'lca_calculation', amount: 1 }] });
    expect(issues.map((i) => i.code)).toEqual(['grant.section_unknown']);
    const { ja, en } = both(issues[0]!);
    expect(ja).toBe('行「z」の区分はこの公募にありません（選べるもの: LCA実施）。');
    expect(en).toContain('(choose: LCA)');
    expectNoCodes(ja, ['lca', 'other']);
  });

  it('generic application: a category the definition lacks is asked to be chosen from the list, without its code on screen', () => {
    const content = {
      programme: 'generic_cost_share',
      grant: { facts: {}, lines: [{ id: 'l1', section: 'project', category: 'travel', amount: 50_000 }] },
    } as unknown as TApplicationContent;
    const { issues } = assessApplication('generic_cost_share', content, undefined, GENERIC_COST_SHARE);
    const issue = issues.find((i) => i.path === 'grant.lines.0.category')!;
    expect(issue.code).toBe('grant.category_unknown');
    const { ja, en } = both(issue);
    expect(ja).toContain('費目が正しくありません');
    expectNoCodes(`${ja} ${en}`, ['travel', 'lines']);
  });
});

describe('other budget messages', () => {
  it('personnel: excluded pay is named 時間外手当 / 食事手当, not overtime_allowance', () => {
    const staff = ZStaff.parse({
      type: 'regular',
      personId: 'p1',
      pay: [{ kind: 'base_salary', amount: 4_800_000 }, { kind: 'overtime_allowance', amount: 300_000 }, { kind: 'meal_allowance', amount: 60_000 }],
      welfare: [],
      businessDays: 245,
      hoursPerDay: 7.75,
    });
    const reason = hourlyRate(staff).reasons.find((r) => r.code === 'personnel.pay_excluded')!;
    const { ja, en } = both(reason);
    expect(ja).toBe('時間外手当・福利厚生面の手当（時間外手当、食事手当）計360,000円は年間総支給額から除外しました。');
    expect(en).toContain('(overtime pay, meal allowance)');
    expectNoCodes(`${ja} ${en}`, ['overtime_allowance', 'meal_allowance']);
  });

  it('budget import: an unknown choice lists the choices in the message’s language', () => {
    const def = BUILTIN_PROGRAMMES.clt_demonstration;
    const result = parseBudgetSheet(def, [importHeader(def), ['建築物の建築実証', '食糧費', '会議弁当', '3000', '', '']]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.code === 'budget_import.value_unknown')!;
    const { ja, en } = both(issue);
    expect(ja).toContain('需用費、役務費、使用料及び賃借料');
    expect(en).toContain('Supplies (需用費), Services (役務費)');
    expect(en).not.toContain('、');
  });
});
