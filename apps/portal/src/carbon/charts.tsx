import { Group, Stack, Text } from '@mantine/core';
import { moduleLabel, STAGE_GROUPS, type TModule, type TModuleValues } from '@tsumiki/domain/carbon';

/** Whole-life modules stacked (D and storage are reported apart, never stacked with them). */
const STACKED: readonly TModule[] = STAGE_GROUPS.wholeLife;
const COLOURS: Record<TModule, string> = {
  'A1-A3': 'blue-7',
  A4: 'blue-4',
  A5: 'cyan-5',
  B1: 'grape-5',
  B2: 'violet-3',
  B3: 'violet-6',
  B4: 'indigo-5',
  B5: 'indigo-3',
  B6: 'orange-6',
  B7: 'yellow-6',
  C1: 'gray-7',
  C2: 'gray-6',
  C3: 'gray-5',
  C4: 'gray-4',
  D: 'green-6',
};
const colour = (m: TModule) => `var(--mantine-color-${COLOURS[m]})`;
const fmt = (v: number, locale: string, digits = 1) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: digits }).format(v);

/**
 * One horizontal bar per scenario, stacked by module, per m²: simple SVG, so it prints, scales and
 * needs no chart library. The figures are also in the table beside it, for screen readers.
 */
export function ModulesChart({ bars, locale, label }: { bars: { name: string; modules: TModuleValues }[]; locale: string; label: string }) {
  const totals = bars.map((b) => STACKED.reduce((s, m) => s + Math.max(0, b.modules[m]), 0));
  const max = Math.max(1e-9, ...totals);
  const rowHeight = 28;
  const lang = locale === 'en' ? 'en' : 'ja';
  const used = STACKED.filter((m) => bars.some((b) => b.modules[m] > 0));
  return (
    <Stack gap={4} data-testid="modules-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 600 ${bars.length * rowHeight + 4}`} width="100%" style={{ maxWidth: 720 }}>
        {bars.map((bar, i) => {
          let x = 120;
          return (
            <g key={bar.name}>
              <text x={0} y={i * rowHeight + 18} fontSize={11}>
                {bar.name.slice(0, 14)}
              </text>
              {STACKED.map((m) => {
                const width = (Math.max(0, bar.modules[m]) / max) * 400;
                const rect = (
                  <rect key={m} x={x} y={i * rowHeight + 4} width={width} height={rowHeight - 8} fill={colour(m)}>
                    <title>{`${moduleLabel(m, lang)}: ${fmt(bar.modules[m], locale)}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 4} y={i * rowHeight + 18} fontSize={11}>
                {fmt(totals[i]!, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="xs">
        {used.map((m) => (
          <Group key={m} gap={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: colour(m) }} aria-hidden />
            <Text size="xs">{moduleLabel(m, lang)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** Horizontal bars, one per row (work categories): largest first is left to the caller. */
export function BarsChart({ rows, locale, label }: { rows: { key: string; name: string; value: number }[]; locale: string; label: string }) {
  const max = Math.max(1e-9, ...rows.map((r) => Math.abs(r.value)));
  const rowHeight = 24;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 600 ${rows.length * rowHeight + 4}`} width="100%" style={{ maxWidth: 720 }} data-testid="categories-chart">
      {rows.map((r, i) => {
        const width = (Math.abs(r.value) / max) * 360;
        return (
          <g key={r.key}>
            <text x={0} y={i * rowHeight + 16} fontSize={11}>
              {r.name.slice(0, 18)}
            </text>
            <rect x={180} y={i * rowHeight + 4} width={width} height={rowHeight - 8} fill="var(--mantine-color-teal-6)">
              <title>{`${r.name}: ${fmt(r.value, locale)}`}</title>
            </rect>
            <text x={184 + width} y={i * rowHeight + 16} fontSize={11}>
              {fmt(r.value, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Difference from the baseline, one row per module group: reductions to the left of the axis
 * (green), increases to the right (red), each labelled with its value and share of the baseline.
 */
export function DifferenceChart({ rows, locale, label }: { rows: { key: string; name: string; difference: number; change: number | null }[]; locale: string; label: string }) {
  const max = Math.max(1e-9, ...rows.map((r) => Math.abs(r.difference)));
  const rowHeight = 24;
  const axis = 380;
  const half = 150;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 600 ${rows.length * rowHeight + 4}`} width="100%" style={{ maxWidth: 720 }} data-testid="comparison-chart">
      <line x1={axis} x2={axis} y1={0} y2={rows.length * rowHeight + 4} stroke="var(--mantine-color-gray-5)" />
      {rows.map((r, i) => {
        const width = (Math.abs(r.difference) / max) * half;
        const x = r.difference < 0 ? axis - width : axis;
        const text = `${fmt(r.difference, locale)}${r.change === null ? '' : ` (${fmt(r.change * 100, locale)}%)`}`;
        return (
          <g key={r.key}>
            <text x={0} y={i * rowHeight + 16} fontSize={11}>
              {r.name.slice(0, 24)}
            </text>
            <rect x={x} y={i * rowHeight + 4} width={width} height={rowHeight - 8} fill={r.difference < 0 ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)'}>
              <title>{`${r.name}: ${text}`}</title>
            </rect>
            <text x={r.difference < 0 ? axis + 4 : axis + width + 4} y={i * rowHeight + 16} fontSize={10}>
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
