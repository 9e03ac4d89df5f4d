// A plain read-only grid of the fake workbook for the preview: values, fills, notes, merges, selection, sheet tabs.
import * as React from 'react';
import type { FakeSheetData, FakeValue, FakeWorkbookData } from '../fake-excel/model';
import { cellAddress as a1, colToLetters as columnLetters, parseRect } from '../excel/address';

/** Rendering more than this in a DOM table makes the page sluggish; the preview is for looking, not editing. */
export const MAX_GRID_ROWS = 400;
export const MAX_GRID_COLS = 40;

export interface GridSelection {
  sheet: string;
  /** 0-based inclusive rectangle. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A number format shows a date when, outside quoted text, escapes and [..] sections, it has a y or d code. */
function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General') return false;
  return /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** Excel serial (1900 system) → YYYY-MM-DD. */
export function serialToIso(serial: number, date1904 = false): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** How a cell reads on screen: dates (numbers under a date format) as YYYY-MM-DD, other values as text. */
export function displayValue(v: FakeValue | null | undefined, format: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (isDateFormat(format) && v > 0 && v < 2958466) return serialToIso(v);
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

interface MergeInfo {
  span: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

function mergeInfo(sheet: FakeSheetData): MergeInfo {
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const rect = parseRect(m);
    if (!rect) continue;
    span.set(`${rect.top},${rect.left}`, { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 });
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) covered.add(`${r},${c}`);
  }
  return { span, covered };
}

function extent(sheet: FakeSheetData): { rows: number; cols: number } {
  let rows = sheet.values?.length ?? 0;
  let cols = 0;
  for (const row of sheet.values ?? []) if (row && row.length > cols) cols = row.length;
  const grow = (addr: string) => {
    const p = parseRect(addr);
    if (!p) return;
    rows = Math.max(rows, p.bottom + 1);
    cols = Math.max(cols, p.right + 1);
  };
  Object.keys(sheet.fills ?? {}).forEach(grow);
  Object.keys(sheet.notes ?? {}).forEach(grow);
  Object.keys(sheet.comments ?? {}).forEach(grow);
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

export interface GridProps {
  data: FakeWorkbookData;
  activeSheet: string;
  selection: GridSelection | null;
  onActivateSheet: (name: string) => void;
  labels: { sheets: string; truncated: (rows: number, cols: number) => string; window?: (from: number, to: number, total: number) => string };
  /** First row shown (0-based; default 0): a large sheet is shown a window of maxRows rows from here. */
  firstRow?: number;
  /** Rows rendered at most (default MAX_GRID_ROWS). */
  maxRows?: number;
}

export function Grid(props: GridProps): React.ReactElement {
  const { data, activeSheet, selection, labels } = props;
  const sheet = data.sheets.find((s) => s.name === activeSheet) ?? data.sheets[0];
  const merges = React.useMemo(() => mergeInfo(sheet), [sheet]);
  const size = extent(sheet);
  const first = Math.max(0, Math.min(props.firstRow ?? 0, size.rows - 1));
  const rows = Math.min(size.rows - first, props.maxRows ?? MAX_GRID_ROWS);
  const cols = Math.min(size.cols, MAX_GRID_COLS);
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  const sel = selection && selection.sheet === sheet.name ? selection : null;

  React.useEffect(() => {
    if (selectedRef.current && typeof selectedRef.current.scrollIntoView === 'function') {
      selectedRef.current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }, [sel?.top, sel?.left, sheet.name]);

  const body: React.ReactElement[] = [];
  for (let r = first; r < first + rows; r++) {
    const tds: React.ReactElement[] = [
      <th key="h" scope="row" style={headStyle}>
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (merges.covered.has(key)) continue;
      const addr = a1(r, c);
      const span = merges.span.get(key);
      const fill = sheet.fills?.[addr] ?? '';
      const bold = !!sheet.bold?.includes(addr);
      const note = sheet.notes?.[addr] ?? sheet.comments?.[addr];
      const selected = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      const isAnchor = !!sel && r === sel.top && c === sel.left;
      tds.push(
        <td
          key={c}
          ref={isAnchor ? selectedRef : undefined}
          rowSpan={span?.rows}
          colSpan={span?.cols}
          data-sheet={sheet.name}
          data-cell={addr}
          data-fill={fill}
          data-selected={selected ? 'true' : 'false'}
          title={note || undefined}
          style={{
            ...cellStyle,
            background: fill || undefined,
            outline: selected ? '2px solid #107c41' : undefined,
            outlineOffset: selected ? -2 : undefined,
            position: note ? 'relative' : undefined,
            fontWeight: bold ? 600 : undefined,
          }}
        >
          <div style={clipStyle}>{displayValue(sheet.values?.[r]?.[c], sheet.formats?.[r]?.[c])}</div>
          {note ? <span aria-hidden="true" style={noteMark} /> : null}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      {/* Focusable so the keyboard can scroll a grid wider or taller than its box. */}
      <div tabIndex={0} role="region" aria-label={sheet.name} style={{ overflow: 'auto', flex: 1, minHeight: 0 }}>
        <table data-testid="grid" data-sheet={sheet.name} style={{ borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th style={headStyle} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" style={headStyle}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
        {first > 0 && labels.window ? (
          <p style={{ fontSize: 12 }}>{labels.window(first + 1, first + rows, size.rows)}</p>
        ) : (
          (size.rows > rows || size.cols > cols) && <p style={{ fontSize: 12 }}>{labels.truncated(rows, cols)}</p>
        )}
      </div>
      <div role="tablist" aria-label={labels.sheets} style={{ display: 'flex', gap: 2, borderTop: '1px solid #ccc' }}>
        {data.sheets.filter((s) => (s.visibility ?? 'Visible') === 'Visible').map((s) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={s.name === sheet.name}
            data-sheet-tab={s.name}
            data-active={s.name === sheet.name ? 'true' : 'false'}
            onClick={() => props.onActivateSheet(s.name)}
            style={{
              border: 'none',
              borderBottom: s.name === sheet.name ? '3px solid #107c41' : '3px solid transparent',
              background: s.name === sheet.name ? '#fff' : '#f3f3f3',
              padding: '4px 10px',
              cursor: 'pointer',
              fontWeight: s.name === sheet.name ? 600 : 400,
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

const headStyle: React.CSSProperties = {
  background: '#f3f3f3',
  border: '1px solid #d0d0d0',
  padding: '2px 6px',
  fontWeight: 400,
  color: '#444',
  position: 'sticky',
  top: 0,
};

const cellStyle: React.CSSProperties = {
  border: '1px solid #e0e0e0',
  padding: '2px 6px',
  minWidth: 60,
  maxWidth: 260,
  whiteSpace: 'pre-wrap',
  verticalAlign: 'top',
};

/** Long texts (项目说明) would make rows screen-high; the full text is in the workbook, the grid shows its start. */
const clipStyle: React.CSSProperties = { maxHeight: 48, overflow: 'hidden' };

const noteMark: React.CSSProperties = {
  position: 'absolute',
  top: 0,
  right: 0,
  width: 0,
  height: 0,
  borderTop: '6px solid #c00',
  borderLeft: '6px solid transparent',
};
