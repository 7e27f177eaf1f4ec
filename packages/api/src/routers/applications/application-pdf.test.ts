import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import { renderPdf, type PdfBlock } from '@tsumiki/pdf';
import { pdfText } from '@tsumiki/pdf/testing';
import { describe, expect, it } from 'vitest';
import { applicationPdfModel } from './application-pdf';

const fieldsOf = (blocks: PdfBlock[]) => new Map(blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => [r.label, r.value] as const) : [])));
const headings = (blocks: PdfBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));

describe('the application PDF model', () => {
  it("lays out a CLT application as the domain's form document, 様式1–4-2 with the 記載例 figures explained", async () => {
    const content = cltExampleApplicationContent();
    const model = applicationPdfModel({
      kind: 'clt_demonstration',
      programmeName: 'CLT活用建築物等実証事業',
      organisationName: '株式会社〇〇木材',
      title: 'CLTパネル工法4階建て事務所',
      content,
      result: assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result,
      definition: BUILTIN_PROGRAMMES.clt_demonstration,
      trackingNumber: 'CLT-2026-0001',
      submittedAt: new Date('2026-04-06T03:59:00Z'),
      versionNo: 1,
    });
    expect(model.subtitle).toContain('受付番号 CLT-2026-0001　第1版　提出 2026-04-06 12:59 JST');
    expect(headings(model.blocks)).toEqual(
      expect.arrayContaining(['様式1 提案申請書', '様式2 建築物の概要', '様式3 実証内容及び実証計画', '様式4-1 事業予算書（実証事業用）', '様式4-2 事業予算書（協議会運営用）', '誓約']),
    );
    const summaries = model.blocks.filter((b) => b.kind === 'fields' && b.rows[0]?.label === '申請する事業費（消費税込み）');
    // 様式4-1: 39,600,000 / 36,000,000 / 3/10 / 10,800,000 / 28,800,000; 様式4-2: the council's fixed grant 1,010,000.
    expect(summaries.map((b) => (b.kind === 'fields' ? b.rows.map((r) => r.value) : []))).toEqual([
      ['39,600,000円', '36,000,000円', '3/10', '10,800,000円', '28,800,000円'],
      ['1,031,000円', '1,010,000円', '1,010,000円', '21,000円'],
    ]);
    expect(fieldsOf(model.blocks).get('助成額（申請額）')).toBe('11,810,000円');
    const explanations = model.blocks.flatMap((b) => (b.kind === 'paragraph' && b.small ? [b.text] : []));
    expect(explanations).toContain(
      '助成額（補助金）: 建築物の建築実証: 30,000,000円 × 3/10 ＝ 9,000,000円（円未満切り捨て）／建築物の設計実証: 3,000,000円 × 3/10 ＝ 900,000円（円未満切り捨て）／部材の性能実証等: 3,000,000円 × 3/10 ＝ 900,000円（円未満切り捨て）／上限 100,000,000円 以内（上限の適用なし）／円未満切り捨て（根拠: 令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7）',
    );
    const fields = fieldsOf(model.blocks);
    expect(fields.get('法人名（団体名）')).toBe('株式会社〇〇木材');
    expect(fields.get('事業名')).toBe('CLTパネル工法4階建て事務所');
    expect(fields.get('竣工予定日')).toBe('令和9年2月19日（2027-02-19）');
    expect(fields.get('協議会運営者は個人である')).toBe('いいえ');
    const building = model.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.includes('仮設工事')));
    expect(building?.kind === 'table' && building.footer?.[0]).toBe('合計');

    // The PDF itself says it: the 様式4-1 figures and their explanation, in Japanese, with no internal names.
    const { text } = await pdfText(await renderPdf(model));
    for (const s of ['様式4-1 事業予算書（実証事業用）', '39,600,000円', '36,000,000円', '10,800,000円', '28,800,000円', '根拠: 令和7年度 CLT建築実証事業 募集要領']) expect(text).toContain(s);
    expect(text).not.toMatch(/panel_only|will_do|\{"/);
  });

  it('lays out a CO2 application with the outline and the quote by the five categories', () => {
    const content: TApplicationContent = {
      programme: 'co2_factor_support',
      applicant: { name: '一般社団法人〇〇セメント協会' },
      outline: { purpose: '高炉セメントB種のEPD', parties: '協会', schedule: '令和9年2月公開' },
      pledge: { agreed: true },
      grant: {
        applicant: { kind: 'industry_body' },
        period: { resultsReportDate: '2027-02-26' },
        factors: [{ id: 'F1', kind: 'epd_cfp_verified', product: '高炉セメントB種', productCategory: 'セメント' }],
        lines: [{ id: 'l1', category: 'personnel', description: '算定担当者', amount: 2_000_000, factorId: 'F1' }],
      },
    };
    const model = applicationPdfModel({
      kind: 'co2_factor_support',
      programmeName: 'CO2原単位等の策定に係る支援',
      organisationName: '〇〇セメント協会',
      title: '高炉セメントB種のEPD策定',
      content,
      result: assessApplication('co2_factor_support', content, undefined, BUILTIN_PROGRAMMES['co2_factor_support']).result,
      definition: BUILTIN_PROGRAMMES.co2_factor_support,
      trackingNumber: null,
      submittedAt: null,
      versionNo: null,
    });
    expect(model.subtitle).toContain('下書き（未提出）');
    expect(headings(model.blocks)).toContain('④ 申請額の見積（5区分）');
    const byCategory = model.blocks.find((b) => b.kind === 'table' && b.columns[0]?.header === '経費区分' && b.rows.length === 5);
    expect(byCategory?.kind === 'table' && byCategory.rows.map((r) => r[1])).toEqual(['2,000,000円', '0円', '0円', '0円', '0円']);
    expect(byCategory?.kind === 'table' && byCategory.footer).toEqual(['合計', '2,000,000円']);
    expect(fieldsOf(model.blocks).get('支援額')).toBe('2,000,000円');
  });
});
