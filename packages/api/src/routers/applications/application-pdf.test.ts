import { assessApplication, cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import type { PdfBlock } from '@tsumiki/pdf';
import { describe, expect, it } from 'vitest';
import { applicationPdfModel } from './application-pdf';

const fieldsOf = (blocks: PdfBlock[]) => new Map(blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => [r.label, r.value] as const) : [])));
const headings = (blocks: PdfBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));

describe('the application PDF model', () => {
  it('lays out a CLT application as 様式1–4-2 with the 記載例 figures: totals, grant and own share per form', () => {
    const content = cltExampleApplicationContent();
    const model = applicationPdfModel({
      kind: 'clt_demonstration',
      programmeName: 'CLT活用建築物等実証事業',
      organisationName: '株式会社〇〇木材',
      title: 'CLTパネル工法4階建て事務所',
      content,
      result: assessApplication('clt_demonstration', content).result,
      trackingNumber: 'CLT-2026-0001',
      submittedAt: new Date('2026-04-06T03:59:00Z'),
      versionNo: 1,
    });
    expect(model.subtitle).toContain('受付番号 CLT-2026-0001　第1版　提出 2026-04-06 12:59 JST');
    expect(headings(model.blocks)).toEqual(
      expect.arrayContaining(['様式1 提案申請書', '様式2 建築物の概要', '様式3 実証内容及び実証計画', '様式4-1 事業予算書（実証事業用）', '様式4-2 事業予算書（協議会運営用）', '誓約']),
    );
    const summaries = model.blocks.filter((b) => b.kind === 'fields' && b.rows[0]?.label === '申請する事業費（税込）');
    // 様式4-1: 39,600,000 / 10,800,000 / 28,800,000; 様式4-2: the council's fixed grant 1,010,000; and the whole.
    expect(summaries.map((b) => (b.kind === 'fields' ? b.rows.map((r) => r.value) : []))).toEqual([
      ['39,600,000円', '10,800,000円', '28,800,000円'],
      [expect.any(String), '1,010,000円', expect.any(String)],
      [expect.any(String), '11,810,000円', expect.any(String)],
    ]);
    const fields = fieldsOf(model.blocks);
    expect(fields.get('法人名（団体名）')).toBe('株式会社〇〇木材');
    expect(fields.get('竣工予定日')).toBe('令和9年2月19日（2027-02-19）');
    expect(fields.get('協議会運営者は個人である')).toBe('いいえ');
    const building = model.blocks.find((b) => b.kind === 'table' && b.rows.some((r) => r.includes('仮設工事')));
    expect(building?.kind === 'table' && building.footer?.[0]).toBe('合計');
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
      result: assessApplication('co2_factor_support', content).result,
      trackingNumber: null,
      submittedAt: null,
      versionNo: null,
    });
    expect(model.subtitle).toContain('下書き（未提出）');
    expect(headings(model.blocks)).toContain('④ 申請額の見積（5区分）');
    const byCategory = model.blocks.find((b) => b.kind === 'table' && b.columns[0]?.header === '経費区分' && b.rows.length === 5);
    expect(byCategory?.kind === 'table' && byCategory.rows.map((r) => r[1])).toEqual(['2,000,000円', '0円', '0円', '0円', '0円']);
    expect(byCategory?.kind === 'table' && byCategory.footer).toEqual(['合計', '2,000,000円']);
    expect(fieldsOf(model.blocks).get('助成額（申請額）')).toBe('2,000,000円');
  });
});
