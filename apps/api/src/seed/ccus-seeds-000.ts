import type { NewCcusFact } from '@tsumiki/db';
import type { YearMonth } from '@tsumiki/domain/ccus';

/**
 * What the associations reported in 「CCUS普及に向けた各団体の取組状況」 (令和6年度), which the
 * demo reproduces for the months it speaks of, so a newcomer can hold the dashboard against the
 * document. Everything else in the demo is generated around these figures.
 */
export const SEEDS_000 = {
  /** 日建連: 「最新の1月の目標達成率は189%」 (work-history records against the month's target). */
  nikkenren: { association: '日建連', fiscalYear: 2024, month: '2025-01' as YearMonth, monthlyAchievement: 1.89 },
  /** 日空衛: 「年間の就業履歴登録数110万件。（1月末現在の達成率約52%）」. */
  nikkuei: {
    association: '日空衛',
    fiscalYear: 2024,
    annualTarget: 1_100_000,
    // April to January, 572,400 records: 52% of the year's target by the end of January.
    records: {
      '2024-04': 51_200, '2024-05': 55_800, '2024-06': 58_100, '2024-07': 60_300, '2024-08': 49_900,
      '2024-09': 57_400, '2024-10': 60_100, '2024-11': 61_700, '2024-12': 63_000, '2025-01': 54_900,
    } as Record<YearMonth, number>,
  },
  /** 日本電設工業協会: 「2024年度の事業者登録更新率（80％）の維持」. */
  densetsu: { association: '日本電設工業協会', fiscalYear: 2024, metricCode: 'registration_renewal_rate', rate: 0.8 },
  /** 建専連: 「参考：R5（正会員） 企業ID取得率40.7% 個人ID取得率58.1%」, at the end of R5 (March 2024). */
  kensenren: {
    association: '建専連',
    month: '2024-03' as YearMonth,
    rates: { company_id_rate: 0.407, individual_id_rate: 0.581 } as Record<string, number>,
  },
} as const;

/** The fiscal years the document speaks of: the demo always covers them, whatever today is. */
export const SEEDS_000_FISCAL_YEARS = [2023, 2024] as const;

/** The month's records as the document reports them, when it does. */
export function reportedRecords(association: string, month: YearMonth): number | undefined {
  return association === SEEDS_000.nikkuei.association ? SEEDS_000.nikkuei.records[month] : undefined;
}

/**
 * The annual target of work-history records that gives the document's achievement, or undefined
 * for the years and associations it does not speak of. `monthly` holds the year's generated months.
 */
export function reportedRecordsTarget(association: string, fiscalYear: number, monthly: ReadonlyMap<YearMonth, number>): number | undefined {
  const { nikkenren, nikkuei } = SEEDS_000;
  if (association === nikkuei.association && fiscalYear === nikkuei.fiscalYear) return nikkuei.annualTarget;
  if (association === nikkenren.association && fiscalYear === nikkenren.fiscalYear) {
    // The month's target is a twelfth of the year's: January's records are 189% of it.
    return Math.round((12 * monthly.get(nikkenren.month)!) / nikkenren.monthlyAchievement);
  }
  return undefined;
}

/** The rate the document reports for this association, metric and snapshot month, if any. */
export function reportedRate(association: string, metricCode: string, month: YearMonth, fiscalYear: number): number | undefined {
  const { densetsu, kensenren } = SEEDS_000;
  if (association === densetsu.association && metricCode === densetsu.metricCode && fiscalYear === densetsu.fiscalYear) return densetsu.rate;
  if (association === kensenren.association && month === kensenren.month) return kensenren.rates[metricCode];
  return undefined;
}

/** The rate target the document states (日本電設工業協会 keeps 80%), if any. */
export function reportedRateTarget(association: string, metricCode: string, fiscalYear: number): number | undefined {
  const { densetsu } = SEEDS_000;
  return association === densetsu.association && metricCode === densetsu.metricCode && fiscalYear === densetsu.fiscalYear ? densetsu.rate : undefined;
}

/**
 * Moves the members' numerators so that the association's rate (Σ numerators ÷ Σ denominators, as
 * the roll-up computes it) is `rate`, keeping each member between 0 and its denominator and the
 * members' spread as generated.
 */
export function holdRate(members: NewCcusFact[], rate: number): void {
  const total = members.reduce((s, m) => s + m.denominator!, 0);
  const wanted = Math.round(rate * total);
  const generated = members.reduce((s, m) => s + m.numerator, 0);
  for (const m of members) m.numerator = Math.min(m.denominator!, Math.round((m.numerator * wanted) / Math.max(1, generated)));
  let gap = wanted - members.reduce((s, m) => s + m.numerator, 0);
  for (const m of members) {
    if (gap === 0) break;
    const step = gap > 0 ? Math.min(gap, m.denominator! - m.numerator) : Math.max(gap, -m.numerator);
    m.numerator += step;
    gap -= step;
  }
}
