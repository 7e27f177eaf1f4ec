import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '../messages';
import { BudgetEditor } from './budget-editor';
import { BUILTIN_PROGRAMMES } from '@tsumiki/domain/programmes';

const choose = (name: string, text: string) => {
  const input = screen.getByTestId('budget-import').querySelector('input[type=file]')!;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
};

describe('budget import in the editor', () => {
  it('lists the file lines that cannot be taken, in Japanese, and changes nothing', async () => {
    const onChange = vi.fn();
    const api = fakeApi({
      'applications.previewBudgetImport': { data: { ok: false, issues: [{ line: 3, column: '金額（税込・円）', code: 'budget_import.amount_invalid', params: { value: '-5' } }] } },
    });
    renderWithTsumiki(<BudgetEditor rules={BUILTIN_PROGRAMMES.clt_demonstration} applicationId="a1" content={{ programme: 'clt_demonstration' }} issues={[]} showErrors={false} onChange={onChange} />, { api, messages });
    choose('budget.csv', '表,経費区分\n');
    const issues = await screen.findByTestId('budget-import-issues');
    expect(issues.textContent).toContain('3行目: 金額は0以上の整数（円）で入力してください（入力値: -5）。');
    expect(onChange).not.toHaveBeenCalled();
    expect(api.calls.find((c) => c.path === 'applications.previewBudgetImport')?.input).toEqual({ applicationId: 'a1', file: { format: 'csv', text: '表,経費区分\n' } });
  });

  it('replaces every budget table with the imported lines once the applicant takes them', async () => {
    const onChange = vi.fn();
    const lines = [{ id: 'b1', category: 'supplies', description: 'CLTパネル', amount: 1_100_000 }];
    const api = fakeApi({ 'applications.previewBudgetImport': { data: { ok: true, rowCount: 1, tables: { building: lines, design: [], performance: [], council: [] } } } });
    renderWithTsumiki(<BudgetEditor rules={BUILTIN_PROGRAMMES.clt_demonstration} applicationId="a1" content={{ programme: 'clt_demonstration' }} issues={[]} showErrors={false} onChange={onChange} />, { api, messages });
    choose('budget.csv', 'x');
    expect((await screen.findByTestId('budget-import-ready')).textContent).toContain('1行を読み込みました');
    fireEvent.click(screen.getByRole('button', { name: '取り込む' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(4));
    expect(onChange).toHaveBeenCalledWith('grant.building', { lines });
    expect(onChange).toHaveBeenCalledWith('grant.council', undefined);
  });
});
