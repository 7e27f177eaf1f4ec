import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DataTable, type DataColumn } from './data-table';
import { fakeApi, renderWithTsumiki } from './testing';

type Row = { id: string; name: string; amount: number | null };
const columns: DataColumn<Row>[] = [
  { id: 'name', header: '事業名', cell: (r) => r.name, sortValue: (r) => r.name },
  { id: 'amount', header: '金額', cell: (r) => (r.amount === null ? '—' : `${r.amount}円`), sortValue: (r) => r.amount, align: 'right' },
  { id: 'note', header: '備考', cell: () => '' },
];
const rows: Row[] = [
  { id: 'a', name: 'い', amount: 300 },
  { id: 'b', name: 'あ', amount: null },
  { id: 'c', name: 'う', amount: 20 },
];
const names = () => within(screen.getByTestId('t')).getAllByRole('row').slice(1).map((r) => r.firstChild?.textContent);

describe('data table', () => {
  it('labels every cell with its header, sorts by the columns that can sort (blanks last) and marks the sorted header', () => {
    renderWithTsumiki(<DataTable data={rows} columns={columns} rowKey={(r) => r.id} label="一覧" empty="なし" data-testid="t" />, { api: fakeApi({}) });
    expect(screen.getByRole('table', { name: '一覧' })).toBeTruthy();
    expect(names()).toEqual(['い', 'あ', 'う']);
    expect(screen.getAllByRole('cell')[1]?.getAttribute('data-label')).toBe('金額');
    fireEvent.click(screen.getByTestId('sort-amount'));
    expect(names()).toEqual(['う', 'い', 'あ']);
    expect(screen.getAllByRole('columnheader')[1]?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByTestId('sort-amount'));
    expect(names()).toEqual(['い', 'う', 'あ']);
    expect(screen.getAllByRole('columnheader')[1]?.getAttribute('aria-sort')).toBe('descending');
    expect(screen.queryByTestId('sort-note')).toBeNull();
    // The arrow is held to the header's last character by a no-break space, so it never wraps alone.
    expect(screen.getByTestId('sort-name').textContent).toBe('事業名\u00a0⇅');
  });

  it('keeps a one-word header on one line and lets a phrase wrap', () => {
    const headed: DataColumn<Row>[] = [{ ...columns[0]!, header: '評価平均' }, { ...columns[1]!, header: '年間目標に対する達成率' }];
    renderWithTsumiki(<DataTable data={rows} columns={headed} rowKey={(r) => r.id} label="一覧" empty="なし" data-testid="t" />, { api: fakeApi({}) });
    const [word, phrase] = screen.getAllByRole('columnheader');
    expect(word?.style.whiteSpace).toBe('nowrap');
    expect(phrase?.style.whiteSpace).toBe('');
  });

  it('keeps a column marked noWrap on one line, and leaves the others free to wrap', () => {
    const amounts: DataColumn<Row>[] = [{ ...columns[0]! }, { ...columns[1]!, noWrap: true }];
    renderWithTsumiki(<DataTable data={rows} columns={amounts} rowKey={(r) => r.id} label="一覧" empty="なし" data-testid="t" />, { api: fakeApi({}) });
    const [name, amount] = within(screen.getAllByRole('row')[1]!).getAllByRole('cell');
    expect(amount?.style.whiteSpace).toBe('nowrap');
    expect(name?.style.whiteSpace).toBe('');
  });

  it('shows the empty state, with its way back, instead of an empty body', () => {
    renderWithTsumiki(<DataTable data={[]} columns={columns} rowKey={(r) => r.id} label="一覧" empty={<a href="/">条件を解除</a>} data-testid="t" />, { api: fakeApi({}) });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByTestId('t-empty').textContent).toBe('条件を解除');
  });

  it('gives headers their scope, names a row by its row-header cell, and shows a caption, a detail row and a foot', () => {
    const withRowHeader: DataColumn<Row>[] = [{ ...columns[0]!, rowHeader: true }, ...columns.slice(1)];
    renderWithTsumiki(
      <DataTable
        data={rows}
        columns={withRowHeader}
        rowKey={(r) => r.id}
        label="一覧"
        caption="事業の一覧"
        empty="なし"
        rowDetail={(r) => (r.id === 'b' ? <span>編集中</span> : null)}
        rowProps={(r) => ({ 'data-line': r.id })}
        footer={
          <tfoot>
            <tr>
              <th scope="row">合計</th>
              <td>320円</td>
            </tr>
          </tfoot>
        }
        data-testid="t"
      />,
      { api: fakeApi({}) },
    );
    const table = screen.getByRole('table', { name: '一覧' });
    expect(within(table).getByText('事業の一覧').tagName).toBe('CAPTION');
    expect(within(table).getAllByRole('columnheader').map((h) => h.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['い', 'あ', 'う', '合計']);
    const detail = within(table).getByText('編集中').closest('td');
    expect(detail?.getAttribute('colspan')).toBe('3');
    expect(detail?.closest('tr')?.previousElementSibling?.getAttribute('data-line')).toBe('b');
    expect(within(table).getByText('320円')).toBeTruthy();
  });

  it('keeps an input in a cell, and its focus, while the table renders again with new columns (an editable grid)', () => {
    function Editable() {
      const [names, setNames] = useState<Record<string, string>>({ a: 'い' });
      // Columns made anew on every render, as screens do.
      const editable: DataColumn<Row>[] = [
        { id: 'name', header: '事業名', cell: (r) => <input aria-label={`事業名 ${r.id}`} value={names[r.id] ?? ''} onChange={(e) => setNames({ ...names, [r.id]: e.currentTarget.value })} /> },
      ];
      return <DataTable data={rows.slice(0, 1)} columns={editable} rowKey={(r) => r.id} label="一覧" empty="なし" />;
    }
    renderWithTsumiki(<Editable />, { api: fakeApi({}) });
    const input = screen.getByLabelText<HTMLInputElement>('事業名 a');
    input.focus();
    fireEvent.change(input, { target: { value: 'いろ' } });
    expect(screen.getByLabelText('事業名 a')).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('いろ');
  });
});
