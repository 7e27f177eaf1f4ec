import { createTheme } from '@mantine/core';

/** One look across the three apps; Noto Sans JP first so Japanese renders the same everywhere. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily:
    '"Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", system-ui, -apple-system, "Segoe UI", sans-serif',
  headings: { fontWeight: '600' },
  // WCAG: visible focus for keyboard users, not only on hover.
  focusRing: 'auto',
});
