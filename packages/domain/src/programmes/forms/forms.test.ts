import { describe, expect, it } from 'vitest';
import { assessApplication } from '../application-form';
import { cltExampleApplicationContent } from '../clt/examples';
import { BUILTIN_PROGRAMMES } from '../input';
import type { TApplicationContent } from '../content/schema';
import { applicationFormDocument, citeSource, formValueText, type FormDocument, type FormRow } from './index';

const documentOf = (content: TApplicationContent, title?: string): FormDocument =>
  applicationFormDocument({ content, result: assessApplication(content.programme, content, undefined, BUILTIN_PROGRAMMES[content.programme]).result, definition: BUILTIN_PROGRAMMES[content.programme], ...(title !== undefined ? { title } : {}) });

const rowsOf = (doc: FormDocument): Map<string, FormRow> =>
  new Map(doc.parts.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => [r.key, r] as const) : []))));

/** Everything a reader sees, in one language: titles, labels, values, explanations and sources. */
function visibleText(doc: FormDocument, locale: 'ja' | 'en'): string {
  const out: string[] = [];
  for (const part of doc.parts) {
    out.push(part.title[locale]);
    for (const b of part.blocks) {
      if (b.kind === 'note') out.push(b.text[locale]);
      if (b.kind === 'fields')
        for (const r of b.rows) {
          out.push(r.label[locale], formValueText(r.value, locale));
          if (r.explanation) out.push(...r.explanation.steps.map((s) => s[locale]), r.explanation.source[locale]);
        }
      if (b.kind === 'table') {
        if (b.title) out.push(b.title[locale]);
        out.push(...b.columns.map((c) => c.label[locale]), ...b.rows.flat().map((v) => formValueText(v, locale)), ...(b.footer ?? []).map((v) => formValueText(v, locale)));
      }
    }
  }
  return out.join('\n');
}

describe('the CLT form document', () => {
  const doc = documentOf(cltExampleApplicationContent(), 'CLTパネル工法4階建て事務所');
  const rows = rowsOf(doc);
  const value = (key: string) => {
    const row = rows.get(key);
    if (!row) throw new Error(`no row ${key}`);
    return formValueText(row.value, 'ja');
  };

  it('has 様式1, 2, 3, 4-1 and 4-2, the whole proposal, the checklist and the pledge, in that order', () => {
    expect(doc.parts.map((p) => p.title.ja)).toEqual([
      '様式1 提案申請書',
      '様式2 建築物の概要',
      '様式3 実証内容及び実証計画',
      '様式4-1 事業予算書（実証事業用）',
      '様式4-2 事業予算書（協議会運営用）',
      '提案全体（様式4-1・様式4-2の合計）',
      '添付様式6 環境負荷低減の取組に関するチェックシート',
      '誓約',
    ]);
  });

  it('様式4-1 of the worked example: 39,600,000 total, 36,000,000 without tax, grant 10,800,000, own share 28,800,000', () => {
    expect(value('form4_1.total')).toBe('39,600,000円');
    expect(value('form4_1.taxExcluded')).toBe('36,000,000円');
    expect(value('form4_1.rate')).toBe('3/10');
    expect(value('form4_1.grant')).toBe('10,800,000円');
    expect(value('form4_1.ownShare')).toBe('28,800,000円');
  });

  it('explains each figure of 様式4-1: the tax taken out, the rate per section, rounding, the cap, the source by title', () => {
    const tax = rows.get('form4_1.taxExcluded')!.explanation!;
    expect(tax.steps.map((s) => s.ja)).toEqual([
      '建築物の建築実証: 課税対象 33,000,000円（税込）× 100/110 ＝ 30,000,000円（円未満切り捨て）',
      '建築物の設計実証: 課税対象 3,300,000円（税込）× 100/110 ＝ 3,000,000円（円未満切り捨て）',
      '部材の性能実証等: 課税対象 3,300,000円（税込）× 100/110 ＝ 3,000,000円（円未満切り捨て）',
      '計 36,000,000円',
    ]);
    expect(tax.source.ja).toBe('令和7年度 CLT建築実証事業 募集要領 様式4-1・様式4-2');
    const grant = rows.get('form4_1.grant')!.explanation!;
    expect(grant.steps.map((s) => s.ja)).toEqual([
      '建築物の建築実証: 30,000,000円 × 3/10 ＝ 9,000,000円（円未満切り捨て）',
      '建築物の設計実証: 3,000,000円 × 3/10 ＝ 900,000円（円未満切り捨て）',
      '部材の性能実証等: 3,000,000円 × 3/10 ＝ 900,000円（円未満切り捨て）',
      '上限 100,000,000円 以内（上限の適用なし）',
      '円未満切り捨て',
    ]);
    expect(grant.source.ja).toBe('令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7');
    expect(rows.get('form4_1.ownShare')!.explanation!.steps[0]!.ja).toBe('39,600,000円 − 10,800,000円 ＝ 28,800,000円');
    expect(rows.get('form4_1.total')!.explanation!.steps[0]!.ja).toBe('需用費 1,100,000円 ＋ 役務費 38,500,000円 ＋ 使用料及び賃借料 0円 ＝ 39,600,000円（税込）');
  });

  it('様式4-2: engineer pay carries no tax, the council grant is a fixed amount', () => {
    expect(value('form4_2.total')).toBe('1,031,000円');
    expect(value('form4_2.taxExcluded')).toBe('1,010,000円');
    expect(value('form4_2.grant')).toBe('1,010,000円');
    expect(value('form4_2.ownShare')).toBe('21,000円');
    expect(rows.get('form4_2.taxExcluded')!.explanation!.steps[0]!.ja).toBe('協議会運営費: 課税対象 231,000円（税込）× 100/110 ＝ 210,000円（円未満切り捨て） ＋ 非課税 800,000円 ＝ 1,010,000円');
    expect(rows.get('form4_2.grant')!.explanation!.steps[0]!.ja).toBe('協議会運営費: 1,010,000円 を定額で助成 ＝ 1,010,000円');
  });

  it('adds the two forms up for the whole proposal', () => {
    expect(value('proposal.requested')).toBe('40,631,000円');
    expect(value('proposal.grant')).toBe('11,810,000円');
    expect(value('proposal.ownShare')).toBe('28,821,000円');
    expect(rows.get('proposal.grant')!.explanation!.steps[0]!.ja).toBe('様式4-1 10,800,000円 ＋ 様式4-2 1,010,000円 ＝ 11,810,000円');
  });

  it('prints entered values as the forms do: names, yes/no, options by label, dates with the era', () => {
    expect(value('applicant.name')).toBe('株式会社〇〇木材');
    expect(value('title')).toBe('CLTパネル工法4階建て事務所');
    expect(value('grant.facts.plannedCompletion')).toBe('令和9年2月19日（2027-02-19）');
    expect(value('grant.facts.councilOperatorIsIndividual')).toBe('いいえ');
    expect(value('grant.cltUse')).not.toBe('panel_only');
    expect(value('councilOperator.name')).toBe('（未記入）');
    const building = doc.parts[3]!.blocks.find((b) => b.kind === 'table' && b.key === 'building');
    expect(building?.kind === 'table' && building.rows.map((r) => formValueText(r[1]!, 'ja'))).toContain('CLT工事');
  });

  it('shows no codes, JSON, camelCase names or file references, in either language', () => {
    for (const locale of ['ja', 'en'] as const) {
      const all = visibleText(doc, locale);
      expect(all).not.toMatch(/[{}]|":/);
      expect(all).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
      expect(all).not.toMatch(/\b(panel_only|will_do|clt_demonstration|building_demo)\b/);
      expect(all).not.toMatch(/\b00[0-3] [§様参]|seeds\//);
    }
    expect(visibleText(doc, 'ja')).toContain('取り組む');
  });

  it('prints the tables but no figures while the budget does not compute', () => {
    const content = cltExampleApplicationContent();
    const broken = applicationFormDocument({ content, result: null, definition: BUILTIN_PROGRAMMES.clt_demonstration });
    const form41 = broken.parts.find((p) => p.key === 'form4_1')!;
    expect(form41.blocks.some((b) => b.kind === 'table' && b.key === 'building')).toBe(true);
    expect(form41.blocks.some((b) => b.kind === 'note')).toBe(true);
    expect(rowsOf(broken).has('form4_1.grant')).toBe(false);
    expect(broken.parts.some((p) => p.key === 'proposal')).toBe(false);
  });

  it('explains a refused special rate and an ineligible proposal', () => {
    const content = cltExampleApplicationContent();
    const special = documentOf({ ...content, grant: { ...content.grant, rate: { requested: 'special', committeeDecision: 'rejected' }, facts: { ...content.grant!.facts, landSecured: false } } });
    const r = rowsOf(special);
    expect(formValueText(r.get('form4_1.rate')!.value, 'ja')).toBe('3/10');
    expect(r.get('form4_1.rate')!.explanation!.steps.map((s) => s.ja)).toContain('特例（1/2）を希望したが、検討委員会で認められなかったため通常の助成率');
    expect(formValueText(r.get('proposal.grant')!.value, 'ja')).toBe('0円');
    expect(r.get('proposal.grant')!.explanation!.steps.map((s) => s.ja)).toContain('要件を満たさないため助成額は 0円（計算上の額 11,810,000円）');
  });
});

describe('the CO2 and LCA form documents', () => {
  it('CO2: outline, factors and the quote by the five categories, the support explained per factor and against the caps', () => {
    const doc = documentOf({
      programme: 'co2_factor_support',
      applicant: { name: '一般社団法人〇〇セメント協会' },
      outline: { purpose: '高炉セメントB種のEPD', parties: '協会', schedule: '令和9年2月公開' },
      pledge: { agreed: true },
      grant: {
        applicant: { kind: 'industry_body' },
        period: { resultsReportDate: '2027-02-26' },
        factors: [{ id: 'F1', kind: 'epd_cfp_verified', product: '高炉セメントB種', productCategory: 'セメント' }],
        lines: [
          { id: 'l1', category: 'personnel', description: '算定担当者', amount: 3_000_000, factorId: 'F1' },
          { id: 'l2', category: 'verification', description: '第三者検証', amount: 1_500_000, factorId: 'F1' },
        ],
      },
    });
    expect(doc.parts.map((p) => p.title.ja)).toEqual(['申請者', '① 製品の概要・② 実施体制・③ スケジュール', '策定する原単位', '④ 申請額の見積（5区分）', '誓約']);
    const quote = doc.parts[3]!;
    const categories = quote.blocks.find((b) => b.kind === 'table' && b.key === 'categories');
    expect(categories?.kind === 'table' && categories.rows.map((r) => formValueText(r[1]!, 'ja'))).toEqual(['3,000,000円', '0円', '1,500,000円', '0円', '0円']);
    const rows = rowsOf(doc);
    expect(formValueText(rows.get('requested')!.value, 'ja')).toBe('4,500,000円');
    expect(formValueText(rows.get('grant')!.value, 'ja')).toBe('4,000,000円');
    const steps = rows.get('grant')!.explanation!.steps.map((s) => s.ja);
    expect(steps).toContain('F1 高炉セメントB種: 対象経費 4,500,000円 → 4,000,000円（1原単位あたりの上限 4,000,000円 を適用）');
    expect(rows.get('grant')!.explanation!.source.ja).toContain('令和7年度 CO2原単位等の策定に係る支援 募集要領（第2版） §2.5');
    expect(formValueText(rows.get('ownShare')!.value, 'ja')).toBe('500,000円');
  });

  it('LCA: outline and costs, the grant explained', () => {
    const doc = documentOf({
      programme: 'lca_implementation',
      applicant: { name: '株式会社〇〇設計' },
      outline: { purpose: '事務所ビルのLCA' },
      pledge: { agreed: true },
      grant: { facts: { withBimModel: true, reportsLcaResult: true }, lines: [{ id: 'l1', section: 'lca', category: 'lca_calculation', description: 'LCA算定', amount: 2_200_000 }] },
    });
    expect(doc.parts.map((p) => p.key)).toEqual(['applicant', 'outline', 'costs', 'pledge']);
    const rows = rowsOf(doc);
    expect(formValueText(rows.get('requested')!.value, 'ja')).toBe('2,200,000円');
    expect(rows.get('grant')!.explanation!.steps.length).toBeGreaterThan(1);
    expect(rows.get('grant')!.explanation!.source.ja).toContain('今後の住宅・建築物の省エネルギー対策のあり方（第四次答申）参考資料');
  });
});

describe('citations', () => {
  it('names the document by its title, never by file', () => {
    expect(citeSource('003 §2.4').ja).toBe('令和7年度 CLT建築実証事業 募集要領 §2.4');
    expect(citeSource('001 §2.5').en).toBe('FY2025 support for developing CO2 emission factors, call for applications (2nd ed.) §2.5');
  });
});
