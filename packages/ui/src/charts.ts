/**
 * A chart's accessible name: screen readers announce the figure by what it shows, and its bars and
 * labels stay readable inside it.
 */
export const chartName = (label: string) => ({ role: 'figure', 'aria-label': label }) as const;

/** The value axis of a chart of counts: whole numbers only (no "0.25 applications"). */
export const COUNT_AXIS = { allowDecimals: false } as const;

/**
 * A chart's legend in the order its series are drawn. recharts sorts legend items by their key
 * unless told otherwise, so 事業費割合 (byCost) stood before 件数ベース (byCount) beside bars drawn
 * the other way round, and the survey's 「なし」 came after 「80%以上」.
 */
export const legendInSeriesOrder = (series: readonly { name: string }[]) => ({
  itemSorter: (item: { dataKey?: unknown }) => series.findIndex((s) => s.name === item.dataKey),
});
