/**
 * A chart's accessible name: screen readers announce the figure by what it shows, and its bars and
 * labels stay readable inside it.
 */
export const chartName = (label: string) => ({ role: 'figure', 'aria-label': label }) as const;

/** The value axis of a chart of counts: whole numbers only (no "0.25 applications"). */
export const COUNT_AXIS = { allowDecimals: false } as const;
