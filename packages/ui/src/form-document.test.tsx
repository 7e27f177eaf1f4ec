import { screen, within } from '@testing-library/react';
import { applicationFormDocument, assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { FormDocumentView } from './form-document';
import { fakeApi, renderWithTsumiki } from './testing';

describe('the form document', () => {
  const content = cltExampleApplicationContent();
  const document = applicationFormDocument({ content, result: assessApplication(content.programme, content, undefined, BUILTIN_PROGRAMMES[content.programme]).result, definition: BUILTIN_PROGRAMMES.clt_demonstration, title: 'CLTパネル工法4階建て事務所' });

  it('shows 様式4-1 with its figures formatted in yen and each explained under it, and no internal names', () => {
    renderWithTsumiki(<FormDocumentView document={document} />, { api: fakeApi({}) });
    const form41 = screen.getByTestId('form-part-form4_1');
    expect(within(form41).getByRole('heading', { level: 3 }).textContent).toBe('様式4-1 事業予算書（実証事業用）');
    const row = (key: string) => within(form41).getByTestId(`form-row-${key}`);
    expect(within(row('form4_1.total')).getByTestId('form-value').textContent).toBe('39,600,000円');
    expect(within(row('form4_1.taxExcluded')).getByTestId('form-value').textContent).toBe('36,000,000円');
    expect(within(row('form4_1.grant')).getByTestId('form-value').textContent).toBe('10,800,000円');
    expect(within(row('form4_1.ownShare')).getByTestId('form-value').textContent).toBe('28,800,000円');
    const explanation = within(row('form4_1.grant')).getByTestId('form-explanation').textContent;
    expect(explanation).toContain('30,000,000円 × 3/10 ＝ 9,000,000円');
    expect(explanation).toContain('根拠: 令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7');
    const text = screen.getByTestId('form-document').textContent;
    expect(text).not.toMatch(/\{"|":/);
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
    expect(text).toContain('CLT工事');
  });

  it('keeps a budget table’s amounts, short cells and short headers whole, and lets long text wrap', () => {
    renderWithTsumiki(<FormDocumentView document={document} />, { api: fakeApi({}) });
    const table = screen.getAllByRole('table').find((t) => within(t).queryByRole('columnheader', { name: '経費区分' }))!;
    expect(within(table).getByRole('columnheader', { name: '経費区分' }).style.whiteSpace).toBe('nowrap');
    const cells = within(table).getAllByRole('cell');
    const amount = cells.find((c) => /^[\d,]+円$/.test(c.textContent ?? ''))!;
    expect(amount.style.whiteSpace).toBe('nowrap');
    const long = cells.find((c) => (c.textContent ?? '').length > 6 && !/円$/.test(c.textContent ?? ''))!;
    expect(long.style.whiteSpace).toBe('');
    expect(long.style.overflowWrap).toBe('anywhere');
  });
});
