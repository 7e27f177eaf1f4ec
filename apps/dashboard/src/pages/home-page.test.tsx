import { screen, waitFor, within } from '@testing-library/react';
import { BUILTIN_METRICS, monthsOfFiscalYear, summariseMetric, type MonthlyAggregate } from '@tsumiki/domain/ccus';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { surveyHistory } from '@tsumiki/domain/ccus';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { DashboardRoutes } from '../routes';

const FY = 2025;
const AS_OF = '2026-01';
const route = `/?fy=${FY}&asOf=${AS_OF}`;

/** Summaries made by the domain itself from monthly figures, as the API would. */
function summaries(perMonth: number, annualTarget: number, rate?: [number, number]) {
  const aggregates: MonthlyAggregate[] = monthsOfFiscalYear(FY)
    .slice(0, 10)
    .map((month) => ({ metricCode: 'work_history_records', month, numerator: perMonth, denominator: null, weightedRateSum: 0, weightSum: 0 }));
  if (rate) {
    aggregates.push({ metricCode: 'business_registration_rate', month: '2025-09', numerator: rate[0], denominator: rate[1], weightedRateSum: 0.5 * 10, weightSum: 10 });
  }
  return BUILTIN_METRICS.map((metric) =>
    summariseMetric({ metric, aggregates, fiscalYear: FY, asOf: AS_OF, target: metric.code === 'work_history_records' ? { annualTarget } : null }),
  );
}

const associations = [
  { id: '10000000-0000-4000-8000-000000000001', nameJa: '一般社団法人日本建設業連合会', nameEn: 'JFCC', shortNameJa: '日建連' },
  { id: '10000000-0000-4000-8000-000000000002', nameJa: '一般社団法人日本空調衛生工事業協会', nameEn: 'JACCA', shortNameJa: '日空衛' },
];

describe('dashboard', () => {
  it('shows the ministry all associations with achievement and status, and the national total', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('ministry', '山本 大輔') },
      'ccus.overview': {
        data: {
          fiscalYear: FY,
          asOf: AS_OF,
          associations: [
            { ...associations[0], demoFigures: true, summaries: summaries(100_000, 1_100_000, [120, 200]) },
            // 日空衛: 57,240 a month for ten months is 572,400, 52% of 1.1 million (seeds/000).
            { ...associations[1], summaries: summaries(57_240, 1_100_000) },
          ],
          national: summaries(157_240, 2_200_000),
        },
      },
    });
    renderWithTsumiki(<AuthGate><DashboardRoutes /></AuthGate>, { api, app: 'dashboard', route, messages });
    const table = await screen.findByTestId('association-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('日建連');
    expect(rows[0]?.textContent).toContain('1,000,000');
    expect(rows[0]?.textContent).toContain('60.0%'); // business registration by count, 120 of 200
    expect(rows[0]?.textContent).toContain('順調');
    expect(rows[1]?.textContent).toContain('52.0%');
    expect(rows[1]?.textContent).toContain('遅れ');
    expect(screen.getByTestId('national-cumulative-value').textContent).toBe('1,572,400');
    expect(screen.getByTestId('demo-figures').textContent).toContain('デモデータ');
    expect(screen.getByTestId('national-projection').textContent).toContain('月平均 × 12か月');
    expect(api.calls.find((c) => c.path === 'ccus.overview')?.input).toEqual({ fiscalYear: FY, asOf: AS_OF });
  });

  it('takes association staff to their own association with KPI cards, rates and members', async () => {
    const own = associations[0]!;
    const session = sessionOf('association_viewer', '渡辺 真理');
    session.memberships[0]!.organisationId = own.id;
    const api = fakeApi({
      'auth.me': { data: session },
      'organisations.listAssociations': { data: [own] },
      'ccus.association': { data: { summaries: summaries(100_000, 1_100_000, [120, 200]), series: [], recordsTrend: [], demoFigures: false } },
      'ccus.plan': {
        data: { targets: [], report: { statusText: '', goalsText: '協力会社への説明会を継続する。', actionsText: '', published: true, version: 1, updatedAt: null } },
      },
      // 全建's survey of seeds/000: 45.9% → 38.2% of firms with no site that can accumulate history.
      'ccus.surveys': {
        data: surveyHistory([
          { fiscalYear: 2023, surveyed: 1_200, counts: { none: 390, under_20: 160, from_20_to_49: 140, from_50_to_79: 90, at_least_80: 70 } },
          { fiscalYear: 2024, surveyed: 1_150, counts: { none: 344, under_20: 170, from_20_to_49: 160, from_50_to_79: 120, at_least_80: 106 } },
        ]),
      },
      'ccus.members': {
        data: {
          metricCode: 'worker_registration_rate',
          offset: 0,
          limit: 50,
          firms: 3,
          withValue: 2,
          bands: [0, 0.2, 0.4, 0.6, 0.8].map((low, i, all) => ({ low, high: all[i + 1] ?? null, firms: low === 0.2 || low === 0.8 ? 1 : 0 })),
          rows: [
            { memberFirmId: 'm1', name: '小さな工務店', projectCostYen: 50_000_000, value: 0.9, rank: 1 },
            { memberFirmId: 'm2', name: '大手建設', projectCostYen: 900_000_000_000, value: 0.3, rank: 2 },
            { memberFirmId: 'm3', name: '未報告の会社', projectCostYen: null, value: null, rank: null },
          ],
        },
      },
    });
    renderWithTsumiki(<AuthGate><DashboardRoutes /></AuthGate>, { api, app: 'dashboard', route, messages });
    await screen.findByTestId('association-page');
    expect(await screen.findByRole('heading', { level: 1, name: '一般社団法人日本建設業連合会' })).toBeTruthy();
    expect(screen.getByTestId('records-annual-value').textContent).toBe('90.9%');
    // Figures an association reported carry no demo notice.
    expect(screen.queryByTestId('demo-figures')).toBeNull();
    const rates = screen.getByTestId('rates-table');
    // Measured rates carry one decimal in their column (60.0% by count, 50.0% by project cost).
    const registration = within(rates).getByRole('rowheader', { name: '事業者登録率' }).closest('tr')?.textContent;
    expect(registration).toContain('60.0%');
    expect(registration).toContain('50.0%');
    const members = await screen.findByTestId('member-table');
    // The ranked figure's column is named by the rate chosen above it.
    const chosen = screen.getByRole<HTMLSelectElement>('combobox', { name: '指標' });
    expect(within(members).getAllByRole('columnheader').map((h) => h.textContent)).toContain(chosen.selectedOptions[0]?.textContent);
    await waitFor(() => expect(within(members).getAllByRole('row')).toHaveLength(4));
    const names = within(members).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(names[0]).toContain('小さな工務店');
    expect(names[2]).toContain('未報告');
    expect(screen.getByTestId('member-count').textContent).toBe('会員企業 3 社（うち数値のある企業 2 社）');
    expect(api.calls.find((c) => c.path === 'ccus.association')?.input).toMatchObject({ associationId: own.id, fiscalYear: FY, asOf: AS_OF });
    expect((await screen.findByTestId('report-view')).textContent).toContain('協力会社への説明会を継続する。');
    const survey = await screen.findByTestId('survey-table');
    const latest = within(survey).getAllByRole('row')[1]!.textContent;
    expect(latest).toContain('38.2%');
    expect(latest).toContain('-7.7 pt');
    expect(latest).toContain('900/1150');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends an applicant to the portal instead', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') } });
    renderWithTsumiki(<AuthGate><DashboardRoutes /></AuthGate>, { api, app: 'dashboard', messages });
    expect((await screen.findByTestId('wrong-app')).textContent).toContain('申請者ポータル');
    expect(api.calls.map((c) => c.path)).toEqual(['auth.me']);
  });
});
