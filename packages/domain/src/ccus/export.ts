import type { Locale } from '../errors';
import type { Cell, ExportTable } from '../export';
import { metricValue, type PaceStatus } from './compute';
import { builtinMetric, type MetricDefinition, type MetricKind } from './metrics';
import type { MetricSummary, MonthlyAggregate } from './summary';

const LABELS = {
  ja: {
    summary: '概要',
    monthly: '月次データ',
    members: '会員企業',
    metric: '指標',
    metricCode: '指標コード',
    kind: '区分',
    month: '基準月',
    actual: '実績（累計・値）',
    costWeighted: '事業費加重（%）',
    target: '目標',
    annualAchievement: '年間目標に対する達成率（%）',
    proratedAchievement: '経過月按分の達成率（%）',
    projection: '年度末見込み',
    projectionMethod: '見込みの算出方法',
    yearOnYear: '前年比',
    status: '状況',
    yearMonth: '年月',
    numerator: '実績',
    denominator: '分母',
    value: '値',
    firm: '会員企業名',
    projectCost: '事業費（円）',
    flow: '累計（月次）',
    ratio: '率',
    stock: '件数（時点）',
    points: 'pt',
    linear: '直近の月平均で延長',
    seasonal: '前年度の季節変動で延長',
    statuses: { on_track: '順調', at_risk: '注意', behind: '遅れ', no_target: '目標なし' },
  },
  en: {
    summary: 'Summary',
    monthly: 'Monthly data',
    members: 'Member firms',
    metric: 'Metric',
    metricCode: 'Metric code',
    kind: 'Kind',
    month: 'As of',
    actual: 'Actual (cumulative / value)',
    costWeighted: 'Weighted by project cost (%)',
    target: 'Target',
    annualAchievement: 'Achievement of annual target (%)',
    proratedAchievement: 'Achievement of pro-rated target (%)',
    projection: 'Year-end projection',
    projectionMethod: 'Projection method',
    yearOnYear: 'Year on year',
    status: 'Status',
    yearMonth: 'Month',
    numerator: 'Actual',
    denominator: 'Denominator',
    value: 'Value',
    firm: 'Member firm',
    projectCost: 'Project cost (yen)',
    flow: 'Cumulative (monthly)',
    ratio: 'Rate',
    stock: 'Count (snapshot)',
    points: 'pt',
    linear: 'Linear from the months so far',
    seasonal: "Scaled by last year's seasonality",
    statuses: { on_track: 'On track', at_risk: 'At risk', behind: 'Behind', no_target: 'No target' },
  },
} as const satisfies Record<Locale, unknown>;

/** Rates go out as percentages rounded to 0.01 so a spreadsheet shows what the page shows. */
const percent = (fraction: number | null | undefined): Cell => (fraction == null ? null : Math.round(fraction * 10_000) / 100);
/** A rate as a percentage, a count as it is. */
const shown = (kind: MetricKind, figure: { numerator: number | null; denominator?: number | null }): Cell =>
  kind === 'ratio' ? percent(metricValue(kind, figure)) : metricValue(kind, figure);

type Metric = Pick<MetricDefinition, 'code' | 'nameJa' | 'nameEn' | 'kind'>;

/**
 * The association page as tables: the KPI summary, the monthly figures (in the import file's
 * columns, so an export can be corrected and imported back) and, when given, member figures.
 */
export function associationExportTables(input: {
  summaries: readonly MetricSummary[];
  series: readonly MonthlyAggregate[];
  members?: { metricCode: string; month: string; rows: readonly { name: string; numerator: number | null; denominator: number | null; projectCostYen: number | null }[] };
  customMetrics?: readonly Metric[];
  locale: Locale;
}): ExportTable[] {
  const l = LABELS[input.locale];
  const metricOf = (code: string): Metric | undefined => builtinMetric(code) ?? input.customMetrics?.find((m) => m.code === code);
  const nameOf = (code: string) => {
    const m = metricOf(code);
    return m ? (input.locale === 'en' ? m.nameEn : m.nameJa) : code;
  };
  const status = (s: PaceStatus) => l.statuses[s];
  const change = (s: MetricSummary): Cell => {
    if (!s.yearOnYear) return null;
    return s.yearOnYear.kind === 'points' ? `${(Math.round(s.yearOnYear.change * 1000) / 10).toFixed(1)} ${l.points}` : `${Math.round(s.yearOnYear.change * 10_000) / 100}%`;
  };
  const summary: ExportTable = {
    name: l.summary,
    header: [l.metric, l.kind, l.month, l.actual, l.costWeighted, l.target, l.annualAchievement, l.proratedAchievement, l.projection, l.projectionMethod, l.yearOnYear, l.status],
    rows: input.summaries.map((s): Cell[] =>
      s.kind === 'flow'
        ? [
            nameOf(s.metricCode),
            l.flow,
            s.year.asOf,
            s.year.cumulative,
            null,
            s.year.annualTarget,
            percent(s.year.annualAchievement),
            percent(s.year.proratedAchievement),
            Math.round(s.year.projection.value),
            l[s.year.projection.method],
            change(s),
            status(s.year.status),
          ]
        : [
            nameOf(s.metricCode),
            l[s.kind],
            s.month,
            s.kind === 'ratio' ? percent(s.value) : s.value,
            percent(s.costWeightedValue),
            s.kind === 'ratio' ? percent(s.target) : s.target,
            percent(s.achievement),
            null,
            null,
            null,
            change(s),
            status(s.status),
          ],
    ),
  };
  const monthly: ExportTable = {
    name: l.monthly,
    header: [l.metricCode, l.metric, l.yearMonth, l.numerator, l.denominator, l.value],
    rows: [...input.series]
      .sort((a, b) => a.metricCode.localeCompare(b.metricCode) || a.month.localeCompare(b.month))
      .map((a) => {
        const kind = metricOf(a.metricCode)?.kind ?? 'flow';
        return [a.metricCode, nameOf(a.metricCode), a.month, a.numerator, a.denominator, shown(kind, a)];
      }),
  };
  const tables = [summary, monthly];
  if (input.members) {
    const ratio = metricOf(input.members.metricCode)?.kind === 'ratio';
    tables.push({
      name: l.members,
      header: [l.firm, l.metricCode, l.yearMonth, l.numerator, l.denominator, ratio ? `${l.value}（%）` : l.value, l.projectCost],
      rows: input.members.rows.map((r) => [
        r.name,
        input.members!.metricCode,
        input.members!.month,
        r.numerator,
        r.denominator,
        shown(ratio ? 'ratio' : 'flow', r),
        r.projectCostYen,
      ]),
    });
  }
  return tables;
}
