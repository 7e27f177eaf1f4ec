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

/**
 * A horizontal reference line (the 100% of a target, the eight associations' total) labelled in a
 * margin right of the plot. recharts draws the label inside the plot by default, at the left, where
 * it lay over the first bar. Spread both into the chart: `<BarChart {...referenceLineAtRight(…)} />`.
 */
export function referenceLineAtRight(line: { y: number; label: string; color: string }) {
  // recharts writes the label 5 px right of the plot, in 12 px text: a full-width character
  // (「団」) takes about 12 px, a digit or a Latin letter about 7.
  const labelWidth = [...line.label].reduce((width, c) => width + (c.charCodeAt(0) > 0xff ? 12 : 7), 0);
  return {
    referenceLines: [{ ...line, labelPosition: 'right' as const }],
    barChartProps: { margin: { right: labelWidth + 10 } },
  };
}
