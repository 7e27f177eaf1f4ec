import { Anchor, createTheme, darken, DEFAULT_THEME, luminance, type MantineColorsTuple } from '@mantine/core';

/** WCAG 2.1 AA for normal text (1.4.3), with a little room for anti-aliasing. */
const AA_TEXT = 4.6;
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};
/** Darkens a colour in small steps until it reads as text on every given background. */
function darkUntilReadable(color: string, backgrounds: string[]): string {
  let out = color;
  for (let step = 0; step < 40 && backgrounds.some((b) => contrast(out, b) < AA_TEXT); step++) out = darken(out, 0.04);
  return out;
}

/**
 * Mantine's palettes with shades 6–9 darkened where they are too light for text: shade 6 is what
 * filled buttons and badges (white text), links and the dimmed/error texts use, shade 9 is the text
 * of light variants on shade 1 (the active navigation link). Lighter shades, used as backgrounds,
 * stay as they are. Each darker shade stays darker than the one before, so hover still shows.
 */
function readablePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const shades: [...MantineColorsTuple] = [...palette];
  // The page, the grey panels (gray.0/1) and this colour's own light background.
  const backgrounds = ['#ffffff', DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1], palette[1]];
  for (let i = 6; i <= 9; i++) {
    const readable = darkUntilReadable(palette[i] ?? palette[6], backgrounds);
    const previous = shades[i - 1] ?? readable;
    shades[i] = i > 6 && luminance(readable) >= luminance(previous) ? darken(previous, 0.08) : readable;
  }
  return shades;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, palette]) => [name, name === 'dark' ? palette : readablePalette(palette)]),
);

/** One look across the three apps; Noto Sans JP first so Japanese renders the same everywhere. */
export const theme = createTheme({
  colors,
  primaryColor: 'teal',
  primaryShade: 6,
  // White or black text on filled colours, whichever reads (yellow and lime stay light).
  autoContrast: true,
  defaultRadius: 'sm',
  fontFamily:
    '"Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", system-ui, -apple-system, "Segoe UI", sans-serif',
  headings: { fontWeight: '600' },
  // WCAG: visible focus for keyboard users, not only on hover.
  focusRing: 'auto',
  components: {
    // Links inside running text must not be told apart by colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});
