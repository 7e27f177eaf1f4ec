import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { STARTER_LIBRARY, type TBoqDraftLine } from '@tsumiki/domain/carbon';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { BoqGrid } from './boq-grid';
import { VIRTUALISE_ABOVE } from './use-boq-rows';

const many = (n: number): TBoqDraftLine[] =>
  Array.from({ length: n }, (_, i) => ({ id: `L${i + 1}`, category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: i + 1, unit: 'm3' }));

function Harness({ initial, onLines }: { initial: TBoqDraftLine[]; onLines: (lines: TBoqDraftLine[]) => void }) {
  const [lines, setLines] = useState(initial);
  return (
    <BoqGrid
      lines={lines}
      onChange={(next) => {
        setLines(next);
        onLines(next);
      }}
      onBuilding={() => undefined}
      library={STARTER_LIBRARY}
      issuesByLine={new Map([['L3', [{ code: 'carbon.quantity_negative', params: { line: 'L3', row: 3 }, path: ['boq', 2, 'quantity'], lineId: 'L3' }]]])}
      onPickFactor={() => undefined}
      assessmentDate="2026-04-01"
    />
  );
}

describe('BoQ grid with thousands of lines', () => {
  it('renders only the rows in view of 5,000 lines, moves down with Enter into rows not yet rendered, and still takes a paste', async () => {
    let latest: TBoqDraftLine[] = [];
    renderWithTsumiki(<Harness initial={many(5000)} onLines={(l) => (latest = l)} />, { api: fakeApi({}), messages });
    const grid = await screen.findByTestId('boq-grid');
    expect(5000).toBeGreaterThan(VIRTUALISE_ABOVE);
    expect(grid.getAttribute('aria-rowcount')).toBe('5001');
    const rendered = grid.querySelectorAll('tr[data-line]');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    // A material's name longer than its input is there whole when hovered.
    const material = grid.querySelector<HTMLInputElement>('[data-cell="0:2"]')!;
    expect(material.value).not.toBe('');
    expect(material.title).toBe(material.value);
    // The third line's issue is shown with it.
    expect(within(grid).getByRole('note').textContent).toContain('L3');

    // Enter on the last rendered row's quantity: the next line scrolls in and takes the focus.
    const last = rendered[rendered.length - 1]!;
    const row = Number(last.getAttribute('aria-rowindex')) - 2;
    const quantity = last.querySelector<HTMLElement>(`[data-cell="${row}:3"]`)!;
    quantity.focus();
    fireEvent.keyDown(quantity, { key: 'Enter' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-cell')).toBe(`${row + 1}:3`), { timeout: 5000 });
    // Shift+Enter goes back up.
    fireEvent.keyDown(document.activeElement!, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-cell')).toBe(`${row}:3`), { timeout: 5000 });

    // Cells pasted from Excel into the grid are added after the 5,000th line.
    fireEvent.paste(screen.getByTestId('boq-scroll'), { clipboardData: { getData: () => '3\t3.5\twood.lvl\t7\tm3\n3\t3.5\twood.lvl\t8\tm3' } });
    await waitFor(() => expect(latest).toHaveLength(5002));
    expect(latest.at(-1)).toMatchObject({ id: 'L5002', materialKey: 'wood.lvl', quantity: 8 });
  }, 60_000);

  it('renders every row of a short BoQ (so it prints whole)', async () => {
    renderWithTsumiki(<Harness initial={many(30)} onLines={() => undefined} />, { api: fakeApi({}), messages });
    const grid = await screen.findByTestId('boq-grid');
    expect(grid.querySelectorAll('tr[data-line]')).toHaveLength(30);
    expect(screen.getByTestId('boq-scroll').hasAttribute('data-virtual')).toBe(false);
  });
});
