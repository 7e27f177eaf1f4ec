import { describe, expect, it } from 'vitest';
import type { PdfDocumentModel } from './model';
import { renderPdf } from './render';
import { pdfText } from './testing';

const form: PdfDocumentModel = {
  title: 'CLT活用建築物等実証事業 補助金交付申請書',
  formLabel: '様式第1',
  subtitle: '令和8年度',
  footer: '受付番号 CLT-2026-0001',
  blocks: [
    { kind: 'heading', text: '1. 申請者' },
    { kind: 'fields', rows: [{ label: '法人名', value: '株式会社つみき建設' }, { label: '所在地', value: '東京都千代田区霞が関2-1-3' }] },
    { kind: 'heading', text: '2. 所要額', level: 2 },
    {
      kind: 'table',
      columns: [{ header: '区分', width: 2 }, { header: '金額（円）', align: 'right' }],
      rows: [['建設工事費', '39,600,000']],
      footer: ['補助金額', '10,800,000'],
    },
    { kind: 'paragraph', text: '上記のとおり申請します。', small: true },
  ],
};

describe('renderPdf', () => {
  it('writes an A4 PDF whose Japanese text reads back from the file', async () => {
    const bytes = await renderPdf(form);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toHaveLength(1);
    for (const expected of ['様式第1', 'CLT活用建築物等実証事業', '株式会社つみき建設', '建設工事費', '39,600,000', '10,800,000', '上記のとおり申請します。', '受付番号 CLT-2026-0001', '1 / 1']) {
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
    }
  });

  it('embeds only the glyphs used, so a form stays small', async () => {
    const bytes = await renderPdf(form);
    expect(bytes.length).toBeLessThan(200_000);
  });

  it('continues a cell too long for one page on the next page instead of clipping it', async () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `第${i + 1}文：CLTパネル工法による実証。`);
    const long = sentences.join('');
    const bytes = await renderPdf({ title: '事業概要', blocks: [{ kind: 'fields', rows: [{ label: '概要', value: long }] }] });
    const { pages, text } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, '');
    for (const n of [1, 200, 400]) expect(flat).toContain(`第${n}文：CLTパネル工法による実証。`);
    expect(pages[1]).toContain('概要（続き）');
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
  });

  it('repeats a long table header on every page and keeps every row', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`明細${i + 1}`, (i * 1000).toLocaleString('ja-JP')]);
    const bytes = await renderPdf({ title: '内訳', blocks: [{ kind: 'table', columns: [{ header: '費目' }, { header: '金額', align: 'right' }], rows }] });
    const { pages, text } = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('費目');
    for (const n of [1, 75, 150]) expect(text).toContain(`明細${n}`);
  });
});
