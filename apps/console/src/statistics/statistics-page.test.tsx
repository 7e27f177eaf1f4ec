import { screen } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const programmes = { data: [{ id: 'p1', kind: 'clt_demonstration', name: 'CLT実証（令和8年度）', budgetYen: 627_000_000, roles: ['programme_admin'] }] };
const byStatus = { submitted: 1, grant_decided: 1, not_selected: 1 };
const row = (key: string | null, count: number, selected: number, requested: number) => ({ key, count, selected, requested, granted: 0 });

describe('statistics and publication pages', () => {
  it('shows the counts, the amounts and the breakdowns of the chosen round', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'review.programmes': programmes,
      'review.statistics': {
        data: {
          programme: { id: 'p1', nameJa: 'CLT実証', nameEn: 'CLT', kind: 'clt_demonstration' },
          statistics: {
            byStatus,
            received: 3,
            inReview: 1,
            selected: 1,
            notSelected: 1,
            withdrawn: 0,
            cancelled: 0,
            selectionRate: { numerator: 1, denominator: 2, value: 0.5 },
            amounts: { requested: 35_430_000, granted: 11_800_000, fixed: 0, paid: 0, reclaimRequested: 0, reclaimed: 0 },
            budget: { budget: 627_000_000, committed: 11_800_000, remaining: 615_200_000, decisions: 1 },
          },
          breakdowns: [
            { breakdown: 'use', rows: [row('事務所', 2, 1, 23_620_000), row(null, 1, 0, 11_810_000)] },
            { breakdown: 'structure', rows: [row('CLTパネル工法のみ', 3, 1, 35_430_000)] },
            { breakdown: 'site', rows: [row('高知県', 2, 1, 23_620_000), row('東京都', 1, 0, 11_810_000)] },
          ],
          scores: { maximum: 30, scored: 0, bins: [] },
        },
      },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/statistics' });
    await screen.findByTestId('stat-received');
    expect(screen.getByTestId('stat-received').textContent).toContain('3');
    expect(screen.getByTestId('stat-selectionRate').textContent).toContain('50.0%');
    expect(screen.getByTestId('stat-amount-requested').textContent).toBe('35,430,000円');
    expect(screen.getByTestId('stat-amount-remaining').textContent).toBe('615,200,000円');
    expect(screen.getByTestId('by-use').textContent).toContain('記載なし');
    expect(screen.getByTestId('by-site').textContent).toContain('高知県');
    expect(screen.getByRole('figure', { name: 'CLTの利用方法別' })).toBeTruthy();
    expect(screen.getByTestId('score-distribution').textContent).toContain('提出済みの評価票はまだありません');
    expect(api.calls.find((c) => c.path === 'review.statistics')?.input).toEqual({ programmeId: 'p1' });
  });

  it('shows the CO2 programme its own breakdowns, none of CLT', async () => {
    const statistics = { byStatus: { submitted: 2 }, received: 2, inReview: 0, selected: 0, notSelected: 0, withdrawn: 0, cancelled: 0, selectionRate: { numerator: 0, denominator: 0, value: null }, amounts: { requested: 4_000_000, granted: 0, fixed: 0, paid: 0, reclaimRequested: 0, reclaimed: 0 }, budget: null };
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'review.programmes': { data: [{ ...programmes.data[0], kind: 'co2_factor_support', name: 'CO2原単位' }] },
      'review.statistics': {
        data: {
          programme: { id: 'p1', nameJa: 'CO2原単位', nameEn: 'CO2', kind: 'co2_factor_support' },
          statistics,
          breakdowns: [
            { breakdown: 'applicantKind', rows: [row('業界団体', 2, 0, 4_000_000)] },
            { breakdown: 'factorKind', rows: [row('EPD又はCFP', 2, 0, 4_000_000)] },
            { breakdown: 'applicantRegion', rows: [row('東京都', 2, 0, 4_000_000)] },
          ],
          scores: null,
        },
      },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/statistics' });
    await screen.findByTestId('by-applicantKind');
    expect(screen.getByRole('figure', { name: '原単位の種類別' })).toBeTruthy();
    expect(screen.queryByText('CLTの利用方法別')).toBeNull();
    expect(screen.queryByText('用途別')).toBeNull();
  });

  it('lists the selected projects for publication with CSV and Excel', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.programmes': { data: programmes.data.map((p) => ({ ...p, roles: ['reviewer'] })) },
      'review.publication': {
        data: { programme: { id: 'p1', nameJa: 'CLT実証', nameEn: 'CLT', fiscalYear: 2026 }, rows: [{ title: '高知の事務所', implementers: '株式会社〇〇木材', summary: '4階建て事務所の実証' }] },
      },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/publication' });
    const table = await screen.findByTestId('publication-table');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[⇅▲▼]/g, '').trim())).toEqual(['事業名', '実施者', '概要']);
    expect(table.textContent).toContain('高知の事務所株式会社〇〇木材4階建て事務所の実証');
    expect(screen.getByTestId<HTMLButtonElement>('publication-export-csv').disabled).toBe(false);
    expect(screen.getByTestId<HTMLButtonElement>('publication-export-xlsx').disabled).toBe(false);
  });

  it('offers no file or print of a round with nothing selected, and says so', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.programmes': { data: programmes.data.map((p) => ({ ...p, roles: ['reviewer'] })) },
      'review.publication': { data: { programme: { id: 'p1', nameJa: 'CLT実証', nameEn: 'CLT', fiscalYear: 2026 }, rows: [] } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/publication' });
    await screen.findByText('この公募で採択された事業はまだありません。');
    for (const format of ['csv', 'xlsx', 'print']) {
      expect(screen.getByTestId<HTMLButtonElement>(`publication-export-${format}`).disabled).toBe(true);
    }
  });
});
