import { listCcusRollups, listCcusTargets, listCustomMetrics, listOrganisations, type CcusRollupRow, type Executor } from '@tsumiki/db';
import {
  BUILTIN_METRICS,
  combineAggregates,
  cumulativeSeries,
  mayReadAssociation,
  mayReportForAssociation,
  monthsOfFiscalYear,
  summariseMetric,
  ZMetricDefinition,
  type MetricDefinition,
  type MetricTarget,
  type MonthlyAggregate,
  type YearMonth,
} from '@tsumiki/domain/ccus';
import type { TRole } from '@tsumiki/domain';
import { appError } from '../../errors';
import type { SignedInAuth } from '../../trpc-types';
import type { MinistryOverviewCache } from './overview-cache';

export const DASHBOARD_ROLES = ['ministry', 'association_reporter', 'association_viewer'] as const satisfies readonly TRole[];

/**
 * The ministry reads every association; association staff read their own and only reporters
 * write it. Anything else is "not found", so an association's figures do not admit to existing.
 */
export function assertAssociationAccess(auth: SignedInAuth, associationId: string, mode: 'read' | 'write') {
  const allowed = mode === 'read' ? mayReadAssociation(auth.memberships, associationId) : mayReportForAssociation(auth.memberships, associationId);
  if (!allowed) throw appError(mode === 'read' ? 'ccus.association_not_found' : 'auth.forbidden_role', { roles: 'association_reporter' });
}

const RECORDS = 'work_history_records';
const toMonth = (date: string) => date.slice(0, 7);
export const toDate = (month: YearMonth) => `${month}-01`;

/** A reported association total wins over the sum of its members; weighting always comes from members. */
export function aggregateOf(row: CcusRollupRow): MonthlyAggregate {
  const reported = row.reportedNumerator != null;
  return {
    metricCode: row.metricCode,
    month: toMonth(row.periodMonth),
    numerator: reported ? row.reportedNumerator! : row.sumNumerator,
    denominator: reported ? row.reportedDenominator : row.sumDenominator,
    weightedRateSum: row.sumWeightedRate,
    weightSum: row.sumWeight,
  };
}

/** This fiscal year and the one before, which the projections and the year-on-year changes need. */
function twoYears(fiscalYear: number) {
  return { fromMonth: toDate(monthsOfFiscalYear(fiscalYear - 1)[0]!), toMonth: toDate(monthsOfFiscalYear(fiscalYear)[11]!) };
}

/** An association's own metrics, each checked again on the way out of the database. */
export async function customMetricsOf(db: Executor, associationId: string): Promise<MetricDefinition[]> {
  const rows = await listCustomMetrics(db, associationId);
  return rows.map((r) => ZMetricDefinition.parse({ ...r.definition, code: r.code, ownerAssociationId: associationId }));
}

function summarise(
  aggregates: MonthlyAggregate[],
  targets: Map<string, MetricTarget>,
  fiscalYear: number,
  asOf: YearMonth,
  custom: readonly Pick<MetricDefinition, 'code' | 'kind'>[] = [],
) {
  // Each metric gets its own months, sorted out once: summariseMetric would otherwise scan every
  // metric's rows for each of them.
  const byMetric = new Map<string, MonthlyAggregate[]>();
  for (const a of aggregates) {
    const list = byMetric.get(a.metricCode);
    if (list) list.push(a);
    else byMetric.set(a.metricCode, [a]);
  }
  return [...BUILTIN_METRICS, ...custom].map((metric) =>
    summariseMetric({ metric, aggregates: byMetric.get(metric.code) ?? [], fiscalYear, asOf, target: targets.get(metric.code) ?? null }),
  );
}

export async function associationDashboard(db: Executor, associationId: string, fiscalYear: number, asOf: YearMonth) {
  const [rows, targetRows, customMetrics] = await Promise.all([
    listCcusRollups(db, { ...twoYears(fiscalYear), associationId }),
    listCcusTargets(db, { fiscalYears: [fiscalYear], associationId }),
    customMetricsOf(db, associationId),
  ]);
  const aggregates = rows.map(aggregateOf);
  const targets = new Map(targetRows.map((t) => [t.metricCode, { annualTarget: t.annualTarget, monthlyTargets: t.monthlyTargets }]));
  return {
    customMetrics,
    summaries: summarise(aggregates, targets, fiscalYear, asOf, customMetrics),
    series: aggregates,
    /** The work-history trend chart: running totals, last year, the pro-rated target. */
    recordsTrend: cumulativeSeries({ metricCode: RECORDS, aggregates, fiscalYear, asOf, target: targets.get(RECORDS) ?? null }),
  };
}

/**
 * All associations side by side and the national roll-up. Targets are per association, so the
 * national figures carry the sum of flow targets and no target for rates.
 */
export async function ministryOverview<A extends { id: string; nameJa: string; nameEn: string; shortNameJa: string | null }>(
  db: Executor,
  listAssociations: (db: Executor) => Promise<readonly A[]>,
  fiscalYear: number,
  asOf: YearMonth,
) {
  // Three independent reads at once: the overview waits for the slowest, not for their sum.
  const [associations, rows, targetRows] = await Promise.all([
    listAssociations(db),
    listCcusRollups(db, twoYears(fiscalYear)),
    listCcusTargets(db, { fiscalYears: [fiscalYear] }),
  ]);
  const byAssociation = new Map<string, MonthlyAggregate[]>();
  const all: MonthlyAggregate[] = [];
  for (const row of rows) {
    const aggregate = aggregateOf(row);
    all.push(aggregate);
    const list = byAssociation.get(row.associationId);
    if (list) list.push(aggregate);
    else byAssociation.set(row.associationId, [aggregate]);
  }
  const nationalTargets = new Map<string, MetricTarget>();
  for (const t of targetRows) {
    const metric = BUILTIN_METRICS.find((m) => m.code === t.metricCode);
    if (metric?.kind !== 'flow') continue;
    const seen = nationalTargets.get(t.metricCode);
    nationalTargets.set(t.metricCode, { annualTarget: (seen?.annualTarget ?? 0) + t.annualTarget });
  }
  return {
    fiscalYear,
    asOf,
    associations: associations.map((a) => {
      const targets = new Map(
        targetRows.filter((t) => t.associationId === a.id).map((t) => [t.metricCode, { annualTarget: t.annualTarget, monthlyTargets: t.monthlyTargets }]),
      );
      return { ...a, summaries: summarise(byAssociation.get(a.id) ?? [], targets, fiscalYear, asOf) };
    }),
    national: summarise(combineAggregates(all), nationalTargets, fiscalYear, asOf),
  };
}

/** The associations as the overview names them, with whether their figures are demo data. */
async function associationsOf(db: Executor) {
  return (await listOrganisations(db, 'association')).map((o) => ({
    id: o.id,
    nameJa: o.name_ja,
    nameEn: o.name_en,
    shortNameJa: o.short_name_ja,
    demoFigures: o.demo_figures,
  }));
}

export type MinistryOverview = Awaited<ReturnType<typeof ministryOverview<Awaited<ReturnType<typeof associationsOf>>[number]>>>;

/**
 * The ministry's overview, from memory while nothing it is computed from has changed (see
 * overview-cache.ts), else computed and kept. Each process keeps its own.
 */
export async function keptMinistryOverview(db: Executor, cache: MinistryOverviewCache | null, fiscalYear: number, asOf: YearMonth): Promise<MinistryOverview> {
  const kept = cache?.read(fiscalYear, asOf);
  if (kept) return kept;
  const keep = cache?.begin();
  const overview = await ministryOverview(db, associationsOf, fiscalYear, asOf);
  keep?.(fiscalYear, asOf, overview);
  return overview;
}
