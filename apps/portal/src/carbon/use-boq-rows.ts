import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
} from '@tanstack/react-virtual';
import { useRef, useState } from 'react';

/** Above this many lines only the rows in view are rendered (the rest are measured space). */
export const VIRTUALISE_ABOVE = 200;
const ROW_ESTIMATE = 42;
export const VIEWPORT = 560;

/**
 * Which grid rows are rendered, the space standing in for the others, and moving keyboard focus
 * to a cell — which, in a long grid, may first have to be rendered and scrolled into view.
 */
export function useBoqRows(count: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = count > VIRTUALISE_ABOVE;
  // The row keyboard focus is moving to stays rendered even before it scrolls into view.
  const [activeRow, setActiveRow] = useState<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the grid is not compiled by the React Compiler; the virtualizer's functions are read each render.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    enabled: virtual,
    // Before the first layout, and where there is none (tests), assume the container's full height.
    initialRect: { width: 1000, height: VIEWPORT },
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      if (activeRow === null || activeRow >= count || rows.includes(activeRow)) return rows;
      return [...rows, activeRow].sort((a, b) => a - b);
    },
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || ROW_ESTIMATE,
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : { width: rect.width, height: VIEWPORT }),
      ),
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const focusCell = (row: number, column: number) => {
    // A row out of view is not rendered: keep it rendered, scroll it in, then focus it.
    setActiveRow(row);
    if (virtual) virtualizer.scrollToIndex(row, { align: 'auto' });
    const tryFocus = (attempt: number) => {
      const el = document.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
      if (el) el.focus();
      else if (attempt < 20) setTimeout(() => tryFocus(attempt + 1), 16);
    };
    setTimeout(() => tryFocus(0), 0);
  };
  return {
    scrollRef,
    virtual,
    shown: items ? items.map((i) => i.index) : Array.from({ length: count }, (_, i) => i),
    padTop: items?.[0]?.start ?? 0,
    padBottom: items ? Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)) : 0,
    measureRef: virtual ? virtualizer.measureElement : undefined,
    focusCell,
  };
}
