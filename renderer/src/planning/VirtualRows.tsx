import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Rows drawn beyond the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 8;
const FALLBACK_ROW_HEIGHT = 37;

interface VirtualRowsProps<T> {
  /** How many rows the list has in all (the server's count), loaded or not. */
  rowCount: number;
  /** The row at a position, or undefined while its page is on its way (a placeholder row is drawn). */
  rowAt(index: number): T | undefined;
  /** Rows first..last (last excluded) are about to be drawn: the caller fetches what it does not hold. */
  onRange?(first: number, last: number): void;
  columnCount: number;
  /** Off: every row is in the DOM (the benchmark's reference). */
  virtualize: boolean;
  header: ReactNode;
  renderRow(row: T, index: number): ReactNode;
  caption?: string;
  testId?: string;
}

/**
 * A table whose body only holds the rows in view, between two spacer rows
 * sized to the rows left out. Heights are SVG attributes, not style
 * attributes: the CSP allows no inline styles.
 */
export function VirtualRows<T>({ rowCount, rowAt, onRange, columnCount, virtualize, header, renderRow, caption, testId }: VirtualRowsProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  const [rowHeight, setRowHeight] = useState(FALLBACK_ROW_HEIGHT);

  const measure = useCallback(() => {
    const container = scrollRef.current;
    if (!container) return;
    setViewportHeight(container.clientHeight || 600);
    const firstRow = container.querySelector<HTMLTableRowElement>('tbody tr.vrow');
    if (firstRow && firstRow.offsetHeight > 0) setRowHeight(firstRow.offsetHeight);
  }, []);

  // Every render: the first real row may have just arrived (setting an unchanged value draws nothing again).
  useLayoutEffect(measure);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  const first = virtualize ? Math.min(Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN), Math.max(0, rowCount - 1)) : 0;
  const last = virtualize ? Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN) : rowCount;
  const topSpace = first * rowHeight;
  const bottomSpace = (rowCount - last) * rowHeight;

  useEffect(() => {
    if (last > first) onRange?.(first, last);
  }, [first, last, onRange]);

  const drawn: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rowAt(index);
    drawn.push(
      row === undefined ? (
        <tr key={`pending-${index}`} className="vrow-pending" aria-rowindex={index + 2} aria-busy="true">
          <td colSpan={columnCount}>…</td>
        </tr>
      ) : (
        renderRow(row, index)
      ),
    );
  }

  return (
    <div className="vlist" ref={scrollRef} tabIndex={0} data-testid={testId} onScroll={virtualize ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}>
      <table className="records records--fixed" aria-rowcount={rowCount + 1}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>{header}</thead>
        <tbody>
          {topSpace > 0 && <Spacer height={topSpace} columnCount={columnCount} />}
          {drawn}
          {bottomSpace > 0 && <Spacer height={bottomSpace} columnCount={columnCount} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr className="vspacer" aria-hidden="true">
      <td colSpan={columnCount}>
        <svg className="vspacer__fill" width="1" height={height} focusable="false" />
      </td>
    </tr>
  );
}
