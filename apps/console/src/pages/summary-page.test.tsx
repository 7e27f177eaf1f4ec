import { fireEvent, screen, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const programmes = { data: [{ id: 'p1', kind: 'clt_demonstration', name: 'CLT実証（令和8年度）', budgetYen: 627_000_000, roles: ['programme_admin'] }] };
const row = (proposalId: string, position: number, title: string, average: number | null, cumulativeMaximum: number) => ({
  proposalId,
  position,
  title,
  provisional: false,
  provisionalBecause: [],
  tieBrokenBy: null,
  score: { evaluationAverage: average, total: average === null ? null : average + 2 },
  bonus: { total: 2 },
  cumulativeMaximum,
  withinBudget: cumulativeMaximum <= 627_000_000,
  excluded: [],
  specialRate: { status: 'criteria_not_met' },
});

const render = (rows: unknown[]) => {
  const api = fakeApi({ 'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') }, 'review.programmes': programmes, 'review.summary': { data: { rows } } });
  renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/summary' });
};
const positions = () => within(screen.getByTestId('summary-table')).getAllByRole('row').slice(1).map((r) => r.firstChild?.textContent?.trim());

describe('committee summary', () => {
  it('lists the ranking in the committee’s order and sorts by the average, blanks last', async () => {
    render([row('a', 1, '提案A', 80, 300_000_000), row('b', 2, '提案B', null, 500_000_000), row('c', 3, '提案C', 60, 700_000_000)]);
    await screen.findByTestId('summary-row-a');
    expect(screen.getByRole('table', { name: '審査結果一覧（順位）' })).toBeTruthy();
    expect(positions()).toEqual(['1 提案A', '2 提案B', '3 提案C']);
    expect(within(screen.getByTestId('summary-row-c')).getByText('予算超過')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sort-average'));
    expect(positions()).toEqual(['3 提案C', '1 提案A', '2 提案B']);
  });

  it('says under a provisional row what can still move it, and under a tied one what ordered it', async () => {
    render([
      row('a', 1, '提案A', 80, 300_000_000),
      { ...row('b', 2, '提案B', null, 500_000_000), provisional: true, provisionalBecause: ['no_scores', 'bonus_unchecked'], tieBrokenBy: 'submitted_at' },
    ]);
    const b = await screen.findByTestId('summary-row-b');
    expect(within(b).getByTestId('summary-row-note').textContent).toBe('暫定：評価なし（受付順）・加点未確認　同点：受付の早い順');
    expect(within(screen.getByTestId('summary-row-a')).queryByTestId('summary-row-note')).toBeNull();
  });

  it('says so in Japanese when nothing can be ranked, with the way back to the queue', async () => {
    render([]);
    const empty = await screen.findByTestId('summary-table-empty');
    expect(empty.textContent).toContain('まだ順位を付けられる提案がありません');
    expect(within(empty).getByRole('link', { name: '審査一覧に戻る' }).getAttribute('href')).toBe('/');
  });
});
