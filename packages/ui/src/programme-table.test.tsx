import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgrammeTable } from './programme-table';
import { fakeApi, programmeFixture, renderWithTsumiki } from './testing';

describe('programme table', () => {
  it('shows the budget remaining after committed grants, marks a placeholder budget, and a call closed by its budget', () => {
    renderWithTsumiki(
      <ProgrammeTable
        programmes={[
          { ...programmeFixture, budgetRemainingYen: 600_000_000, committedYen: 27_000_000, isOpen: true, listing: 'open' },
          { ...programmeFixture, id: 'p2', kind: 'co2_factor_support', budgetYen: 100_000_000, budgetStated: false, budgetRemainingYen: 0, committedYen: 100_000_000, closedByBudget: true, listing: 'closed' },
        ]}
      />,
      { api: fakeApi({}) },
    );
    const rows = within(screen.getByTestId('programme-table')).getAllByRole('row');
    const remaining = screen.getAllByTestId('budget-remaining');
    expect(remaining[0]?.textContent).toBe('600,000,000円予算 627,000,000円 のうち');
    expect(remaining[1]?.textContent).toBe('0円仮の値（公募要領に記載なし）');
    expect(rows[2]?.textContent).toContain('予算到達により受付終了');
    expect(rows[1]?.textContent).toContain('受付中');
  });
});
