import { describe, expect, it } from 'vitest';
import { applicationForm, assessApplication, formFields } from '../application-form';
import { budgetTables, newBudgetRow } from '../budget-tables';
import { emptyContent, ZApplicationContent, type TGenericContent } from '../content/schema';
import { applicationFormDocument, grantFigures } from '../forms';
import { missingDocuments } from '../submission-documents';
import { defineProgramme, type TProgrammeDefinition, type TProgrammeDefinitionInput } from '../shared/definition';
import { PROGRAMME_TEMPLATES } from '../templates';
import { GENERIC_COST_SHARE } from './definition';

const KIND = 'generic_cost_share';

const complete = (lines: NonNullable<NonNullable<TGenericContent['grant']>['lines']>): TGenericContent => ({
  programme: KIND,
  applicant: { name: '株式会社〇〇', representative: '代表取締役 山田 一郎', address: '東京都千代田区1-1', contactName: '杉山 美咲', contactEmail: 'misaki@example.jp', contactPhone: '03-0000-0000' },
  outline: { purpose: '設備を導入し省エネルギー化を図る。', schedule: '令和8年4月〜令和9年2月' },
  pledge: { agreed: true },
  grant: { facts: {}, lines },
});

// 2,200,000 incl. tax (taxable: 2,000,000 without tax) + 1,000,000 personnel (no tax): 3,000,000 eligible.
const LINES = [
  { id: 'l1', section: 'project', category: 'equipment', description: '高効率空調機', amount: 2_200_000 },
  { id: 'l2', section: 'project', category: 'personnel', description: '技術者', amount: 1_000_000 },
];

/** The template with another rate and cap, as an office would publish them. */
function withRateAndCap(numerator: number, denominator: number, cap: number): TProgrammeDefinition {
  const input = structuredClone(GENERIC_COST_SHARE) as TProgrammeDefinitionInput;
  input.sections[0]!.rates[0]!.rate = { numerator, denominator };
  input.caps![0]!.amount = cap;
  return defineProgramme(input);
}

describe('the generic cost-share form', () => {
  it('is the template’s form: applicant, outline with the definition’s own questions, pledge', () => {
    expect(PROGRAMME_TEMPLATES.generic_cost_share.kind).toBe(KIND);
    expect(applicationForm(KIND, GENERIC_COST_SHARE).map((s) => s.code)).toEqual(['applicant', 'outline', 'pledge']);
    const asked = defineProgramme({
      ...(structuredClone(GENERIC_COST_SHARE) as TProgrammeDefinitionInput),
      questions: [{ fact: 'firstTime', text: { ja: '初めて申請する', en: 'First application' }, answer: 'yes_no', source: '公募要領' }],
    });
    const outline = applicationForm(KIND, asked).find((s) => s.code === 'outline')!;
    expect(outline.fields.map((f) => f.path)).toEqual(['outline.purpose', 'outline.schedule', 'grant.facts.firstTime']);
    expect(formFields(KIND, asked).find((f) => f.path === 'grant.facts.firstTime')?.label.ja).toBe('初めて申請する');
  });

  it('budgets by the definition’s sections and categories, named in Japanese, a new row on the first section', () => {
    const def = defineProgramme({
      ...(structuredClone(GENERIC_COST_SHARE) as TProgrammeDefinitionInput),
      sections: [
        ...structuredClone(GENERIC_COST_SHARE.sections),
        { code: 'study', name: { ja: '調査', en: 'Study' }, categories: ['outsourcing'], rates: [{ id: 'study', rate: { numerator: 1, denominator: 3 }, name: { ja: '補助率 1/3', en: 'Rate 1/3' }, source: '公募要領' }], source: '公募要領' },
      ],
    });
    const [table] = budgetTables(def);
    const column = (key: string) => table!.columns.find((c) => c.key === key)!;
    expect(column('section').options?.map((o) => o.label.ja)).toEqual(['補助事業', '調査']);
    expect(column('category').options?.map((o) => o.label.ja)).toEqual(['設備費', '外注費', '人件費']);
    expect(newBudgetRow(table!, [])).toEqual({ id: 'l1', section: 'project', amount: 0 });
    // The LCA form's single section stays implied.
    expect(budgetTables(PROGRAMME_TEMPLATES.lca_implementation.definition)[0]!.columns.some((c) => c.key === 'section')).toBe(false);
  });

  it('a complete application computes rate × the tax-exclusive cost, with its explanation, and needs no attachment', () => {
    const content = complete(LINES);
    const { issues, result } = assessApplication(KIND, content, [], GENERIC_COST_SHARE);
    expect(issues).toEqual([]);
    expect(result?.grant).toMatchObject({ requested: 3_200_000, base: 3_000_000, amount: 1_500_000, ownShare: 1_700_000, capHit: null });
    expect(missingDocuments(KIND, GENERIC_COST_SHARE, content, [])).toEqual([]);
    const figures = grantFigures(applicationFormDocument({ content, result, definition: GENERIC_COST_SHARE }));
    const grant = figures.find((r) => r.key === 'grant')!;
    expect(grant.value).toMatchObject({ kind: 'yen', amount: 1_500_000 });
    expect(JSON.stringify(grant.explanation)).toContain('1/2');
  });

  it('computes with the rate and cap the office published', () => {
    const twoThirds = assessApplication(KIND, complete(LINES), undefined, withRateAndCap(2, 3, 10_000_000)).result!;
    expect(twoThirds.grant.amount).toBe(2_000_000);
    const capped = assessApplication(KIND, complete(LINES), undefined, withRateAndCap(2, 3, 1_800_000)).result!;
    expect(capped.grant).toMatchObject({ amount: 1_800_000, computed: 1_800_000, capHit: 'per_project', cap: 1_800_000 });
  });
});

describe('generic cost-share content', () => {
  it('saves a just-started draft and a half-filled line, refuses another programme’s parts and wrong types', () => {
    expect(ZApplicationContent.safeParse(emptyContent(KIND)).success).toBe(true);
    expect(ZApplicationContent.safeParse({ programme: KIND, grant: { lines: [{ id: 'l1', section: 'project', amount: 0 }] } }).success).toBe(true);
    const issueOf = (raw: unknown) => {
      const r = ZApplicationContent.safeParse(raw);
      return r.success ? null : { path: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message };
    };
    expect(issueOf({ programme: KIND, checklist: {} })).toMatchObject({ path: '' });
    expect(issueOf({ programme: KIND, grant: { lines: [{ id: 'l1', amount: '100' }] } })).toEqual({ path: 'grant.lines.0.amount', message: 'grant.amount_not_number' });
    expect(issueOf({ programme: KIND, grant: { lines: [{ id: 'l1', section: 3 }] } })).toEqual({ path: 'grant.lines.0.section', message: 'grant.section_unknown' });
  });

  it('names a line outside the definition’s sections or categories, and keeps computing the others', () => {
    const content = complete([...LINES, { id: 'l3', section: 'project', category: 'travel', amount: 50_000 }, { id: 'l4', section: 'annex', category: 'equipment', amount: 10_000 }]);
    const { issues, result, provisional } = assessApplication(KIND, content, undefined, GENERIC_COST_SHARE);
    expect(result).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ code: 'grant.category_unknown', path: 'grant.lines.2.category', params: expect.objectContaining({ line: 'l3' }) }),
      expect.objectContaining({ code: 'grant.section_unknown', path: 'grant.lines.3.section', params: expect.objectContaining({ line: 'l4', options: '補助事業', optionsEn: 'Project' }) }),
    ]);
    expect(provisional?.result.grant.amount).toBe(1_500_000);
    expect(provisional?.excludedRows.map((r) => r.label.ja)).toEqual(['経費（3行目）', '経費（4行目）']);
  });
});
