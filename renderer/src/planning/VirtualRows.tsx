import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Rows drawn beyond the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 8;
const FALLBACK_ROW_HEIGHT = 37;

interface VirtualRowsProps<T> {
  rows: readonly T[];
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
export function VirtualRows<T>({ rows, columnCount, virtualize, header, renderRow, caption, testId }: VirtualRowsProps<T>) {
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

  useLayoutEffect(measure, [measure, rows.length]);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  const first = virtualize ? Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN) : 0;
  const last = virtualize ? Math.min(rows.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN) : rows.length;
  const topSpace = first * rowHeight;
  const bottomSpace = (rows.length - last) * rowHeight;

  return (
    <div className="vlist" ref={scrollRef} tabIndex={0} data-testid={testId} onScroll={virtualize ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}>
      <table className="records records--fixed" aria-rowcount={rows.length + 1}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>{header}</thead>
        <tbody>
          {topSpace > 0 && <Spacer height={topSpace} columnCount={columnCount} />}
          {rows.slice(first, last).map((row, offset) => renderRow(row, first + offset))}
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
