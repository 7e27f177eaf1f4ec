import { describe, expect, it } from 'vitest';
import { errorMessages } from '../errors';
import { PROGRAMME_KINDS } from '../programme';
import { ENVIRONMENTAL_CHECKLIST } from './shared/checklist';
import { CLT_DEMONSTRATION, CLT_INELIGIBLE_NATURES } from './clt/definition';
import { CONSTRUCTION_WORKS, DESIGN_COSTS, judgeWork, workRow } from './clt/tables';
import { CO2_FACTOR_SUPPORT } from './co2/definition';
import { ZProgrammeDefinition } from './shared/definition';
import { checkPageCount, requiredDocuments, retentionUntil } from './shared/documents';
import { BUILTIN_PROGRAMMES } from './input';
import { isProgrammeCode } from './shared/rules';

describe('the built-in programmes', () => {
  it('are one per programme kind, and each validates against the schema', () => {
    expect(Object.keys(BUILTIN_PROGRAMMES).sort()).toEqual([...PROGRAMME_KINDS].sort());
    for (const def of Object.values(BUILTIN_PROGRAMMES))
      expect(ZProgrammeDefinition.safeParse(def).success).toBe(true);
  });

  it('only use reason codes that the catalogue has, in both languages', () => {
    for (const def of Object.values(BUILTIN_PROGRAMMES))
      for (const c of [...def.eligibility, ...def.itemEligibility]) {
        expect(isProgrammeCode(c.code), c.code).toBe(true);
        expect(errorMessages.en[c.code as keyof typeof errorMessages.en], c.code).toBeTruthy();
      }
  });

  it('carry the documents’ windows, budget and rates', () => {
    expect(CLT_DEMONSTRATION.windows[0]).toMatchObject({
      opensAt: '2026-03-06T00:00',
      closesAt: '2026-04-06T13:00',
    });
    expect(CLT_DEMONSTRATION.projectPeriod).toMatchObject({
      standardEnd: '2026-03-31',
      latestEnd: '2027-02-19',
    });
    expect(CLT_DEMONSTRATION.budget).toMatchObject({
      amount: 627_000_000,
      approximate: true,
      expectedProjects: 20,
    });
    expect(CLT_DEMONSTRATION.evaluationItems).toHaveLength(6);
    expect(CLT_DEMONSTRATION.bonusItems).toHaveLength(8);
    expect(CLT_DEMONSTRATION.specialRateConditions).toHaveLength(4);
    expect(CLT_DEMONSTRATION.ineligibleCosts.map((c) => c.code)).toEqual([...CLT_INELIGIBLE_NATURES]);
    expect(CO2_FACTOR_SUPPORT.windows[0]).toMatchObject({
      opensAt: '2025-04-01T00:00',
      closesAt: '2025-12-25T00:00',
      closesEarlyWhenBudgetExhausted: true,
    });
    expect(CO2_FACTOR_SUPPORT.costCategories.map((c) => c.code)).toEqual([
      'personnel',
      'database',
      'verification',
      'publication',
      'tool',
    ]);
    // A grant of FY2025 (ending 2026-03-31): accounts kept 10 years → 2036-03-31, e-mails 5 → 2031-03-31.
    expect(retentionUntil(CO2_FACTOR_SUPPORT, 2025).map((r) => r.until)).toEqual([
      '2036-03-31',
      '2031-03-31',
    ]);
  });
});

describe('表1 and 表2 as transcribed from 003 参考資料2', () => {
  it('has the 26 work types of 表1 in the document’s order', () => {
    expect(CONSTRUCTION_WORKS.map((r) => r.name.ja)).toEqual([
      '仮設工事',
      '土工事',
      'コンクリート工事',
      '型枠工事',
      '鉄筋工事',
      '鉄骨工事',
      '組積工事',
      '防水工事',
      'タイル工事',
      '木工事',
      'CLT工事',
      '屋根及び樋工事',
      '金属工事',
      '左官工事',
      '金属製建具工事',
      '木製建具工事',
      'ガラス工事',
      '塗装工事',
      '内外装工事',
      '雑工事（家具工事、内装建具工事を含む）',
      '電気設備工事',
      '機械設備工事',
      '諸経費',
      '外構工事',
      '解体撤去工事',
      '地盤改良（杭工事を含む）',
    ]);
  });

  it('matches the document row by row (columns: panel only, panel + other, surface structural, surface non-structural)', () => {
    const marks = Object.fromEntries(
      CONSTRUCTION_WORKS.map((r) => [
        r.code,
        [
          r.cells.panel_only.mark,
          r.cells.panel_with_other.mark,
          r.cells.surface_structural.mark,
          r.cells.surface_non_structural.mark,
        ].join(''),
      ]),
    );
    expect(marks).toEqual({
      temporary: '○○○×',
      earthwork: '○○○×',
      concrete: '○○○×',
      formwork: '○○○×',
      reinforcement: '○○○×',
      steel: '△△△×',
      masonry: '××××',
      waterproofing: '△△△×',
      tiling: '××××',
      carpentry: '○○○△',
      clt: '○○○○',
      roofing: '○○△×',
      metal: '△△△×',
      plastering: '△△△×',
      metal_fittings: '○△××',
      wood_fittings: '△△××',
      glazing: '△△××',
      painting: '△△△×',
      finishes: '△△△×',
      miscellaneous: '××××',
      electrical: '××××',
      mechanical: '××××',
      overheads: '○○○○',
      external: '××××',
      demolition: '××××',
      ground_improvement: '××××',
    });
  });

  it('keeps the bracketed notes of the panel-only column', () => {
    expect(workRow('metal_fittings')!.cells.panel_only.note).toBe('CLTに取り付く場合に限る');
    expect(workRow('wood_fittings')!.cells.panel_only.note).toBe('内部建具は計上不可');
    expect(workRow('glazing')!.cells.panel_only.note).toBe('金属製建具に付随する場合は計上可');
    expect(judgeWork(workRow('glazing')!, 'panel_with_other', { withMetalFittings: true }).mark).toBe('△');
  });

  it('has 表2’s nine items', () => {
    expect(DESIGN_COSTS.map((r) => `${r.name.ja}${r.cell.mark}`)).toEqual([
      '基本設計○',
      '実施設計○',
      '構造設計○',
      '設備設計△',
      '地盤調査○',
      '性能評価○',
      '大臣認定×',
      '確認申請×',
      '完了検査×',
    ]);
  });
});

describe('添付様式6 as transcribed', () => {
  it('has 15 items in 7 groups, with ※ on ①②⑥⑨⑩⑭', () => {
    const { items, groups } = ENVIRONMENTAL_CHECKLIST;
    expect(items).toHaveLength(15);
    expect(groups.map((g) => g.name.ja)).toEqual([
      '適正な施肥',
      '適正な防除',
      'エネルギーの節減',
      '悪臭及び害虫の発生防止',
      '廃棄物の発生抑制、適正な循環的な利用及び適正な処分',
      '生物多様性への悪影響の防止',
      '環境関係法令の遵守等',
    ]);
    expect(items.map((i) => i.group)).toEqual([1, 2, 3, 3, 3, 4, 5, 5, 6, 6, 7, 7, 7, 7, 7]);
    expect(items.filter((i) => i.onlyIf).map((i) => i.label)).toEqual(['①', '②', '⑥', '⑨', '⑩', '⑭']);
    expect(items.at(-1)!.label).toBe('⑮');
    expect(CLT_DEMONSTRATION.checklists.map((c) => c.code)).toEqual(['environmental']);
  });
});

describe('required documents and page limits (003 §6.4)', () => {
  const form1 = CLT_DEMONSTRATION.requiredDocuments.find((d) => d.code === 'form_1')!;
  const drawings = CLT_DEMONSTRATION.requiredDocuments.find((d) => d.code === 'attachment_1_drawings')!;

  it('refuses a two-page 様式1, warns on drawings beyond about ten sheets', () => {
    expect(checkPageCount(form1, 1)).toBeNull();
    expect(checkPageCount(form1, 2)).toMatchObject({ code: 'programmes.pages_over_limit', level: 'error' });
    expect(checkPageCount(drawings, 10)).toBeNull();
    expect(checkPageCount(drawings, 12)).toMatchObject({
      code: 'programmes.pages_above_guide',
      level: 'warning',
    });
  });

  it('asks for two checklists and profiles when owner and council operator differ, and the wood-use agreement only when claimed', () => {
    const docs = requiredDocuments(CLT_DEMONSTRATION, 'application', {
      ownerIsCouncilOperator: false,
      woodUseAgreement: false,
      includesBuildingDemo: false,
    });
    const by = Object.fromEntries(docs.map((d) => [d.document.code, d]));
    expect(by.attachment_6).toMatchObject({ status: 'required', copies: 2 });
    expect(by.attachment_5!.status).toBe('not_required');
    expect(by.attachment_1_drawings!.status).toBe('omissible');
    expect(
      requiredDocuments(CLT_DEMONSTRATION, 'application', { ownerIsCouncilOperator: true }).find(
        (d) => d.document.code === 'attachment_6',
      )!.copies,
    ).toBe(1);
  });
});
