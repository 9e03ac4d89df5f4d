// What an annotated copy adds, planned from the report and the snapshot alone: fills, notes and computed columns per sheet.
import { COMPUTED_HEADER_MARKER } from '../../engine/types';
import { bySeverity, fillArgb, noteText, ownNote, ownNoteBody } from '../../engine/presentation';
import type { CellValue, Finding, Lang, Report, Severity, SheetSnapshot, WorkbookSnapshot } from '../../engine/types';
import type { CellEdit, SheetEdits } from './sheet';
import { colIndex, colLetters, textWidth } from './xml';

/** ARGB fills by severity, from the shared presentation so the add-in marks a cell the same way. */
export const SEVERITY_FILL: Record<Severity, string> = { error: fillArgb('error'), warning: fillArgb('warning'), info: fillArgb('info') };

/**
 * Fills a re-check takes for an earlier run's marks and removes before marking again: today's, and the amber earlier
 * copies used for warnings. Their light-blue info fill (FFDDEBF7) is not listed: it is the templates' own header band.
 */
const MARK_FILLS: readonly string[] = [...Object.values(SEVERITY_FILL), 'FFFFE699'];

const PROVISIONAL: Record<Lang, string> = {
  zh: '暂定：所依据年份的节假日调休安排尚未公布，按周一至周五计算工作日。',
  en: 'Provisional: the holiday schedule for that year is not published yet; working days counted Monday–Friday.',
};

export interface SheetPlan {
  edits: SheetEdits;
  /** Cell reference → our note. */
  notes: Map<string, string>;
}

/** Serial number of a YYYY-MM-DD day in the workbook's date system. */
export function dateSerial(iso: string, date1904: boolean): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function edit(plan: SheetPlan, row: number, col: number): CellEdit {
  let cols = plan.edits.cells.get(row);
  if (!cols) plan.edits.cells.set(row, (cols = new Map()));
  let e = cols.get(col);
  if (!e) cols.set(col, (e = {}));
  return e;
}

/** The first header row: the top of any merge over the header row, or of a group header merged just above it. */
function topHeaderRow(snap: SheetSnapshot | undefined, headerRow: number, left: number, right: number): number {
  let top = headerRow;
  for (const m of snap?.merges ?? []) {
    if (m.right + 1 < left || m.left + 1 > right) continue;
    const covers = m.top + 1 < headerRow && m.bottom + 1 >= headerRow;
    // A group header spans some of the table's columns; a title or subtitle spans all of them and is no header row.
    const groupAbove = m.bottom + 1 === headerRow - 1 && m.right > m.left && (m.left + 1 > left || m.right + 1 < right);
    if (covers || groupAbove) top = Math.min(top, m.top + 1);
  }
  return top;
}

/**
 * Plans every sheet's marks. Computed columns go where their header cells are empty with nothing typed below, or where an
 * earlier run wrote them (header ending in （自动）); they take the table's last column's styles and span its header rows.
 */
export function planMarks(report: Report, snapshot: WorkbookSnapshot, lang: Lang): Map<string, SheetPlan> {
  const plans = new Map<string, SheetPlan>();
  const planOf = (name: string): SheetPlan => {
    let p = plans.get(name);
    if (!p) plans.set(name, (p = { edits: { cells: new Map(), widths: new Map(), merges: [], markFills: MARK_FILLS }, notes: new Map() }));
    return p;
  };
  const snaps = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const date1904 = !!snapshot.date1904;

  for (const s of report.sheets) {
    if (!s.headerRow || !s.computedColumns.some((c) => c.column)) continue;
    const snap = snaps.get(s.name);
    const at = (r: number, c: number): CellValue | undefined => snap?.rows[r - 1]?.[c - 1];
    const computedCols = new Set(s.computedColumns.map((c) => colIndex(c.column)));
    let lastCol = 0;
    let firstCol = 0;
    for (const letter of [...Object.values(s.columns), ...s.unmappedColumns.map((u) => u.column)]) {
      if (!letter) continue;
      const c = colIndex(letter);
      if (computedCols.has(c)) continue;
      if (c > lastCol) lastCol = c;
      if (!firstCol || c < firstCol) firstCol = c;
    }
    if (!lastCol) lastCol = Math.max(1, Math.min(...computedCols) - 1);
    const top = topHeaderRow(snap, s.headerRow, firstCol || lastCol, lastCol);

    for (const cc of s.computedColumns) {
      const col = colIndex(cc.column);
      if (!col) continue;
      let owned = false;
      let empty = true;
      for (let r = top; r <= s.headerRow; r++) {
        const v = at(r, col);
        if (typeof v === 'string' && v.endsWith(COMPUTED_HEADER_MARKER)) owned = true;
        else if (!isEmpty(v)) empty = false;
      }
      if (!owned) {
        // Under an empty header there may still be what the user typed beside the table: then the column is theirs.
        if (!empty || s.dataRows.some((r) => !isEmpty(at(r, col)))) continue;
      }
      const plan = planOf(s.name);
      for (let r = top; r <= s.headerRow; r++) {
        const e = edit(plan, r, col);
        e.styleFrom = { col: lastCol, date: false };
        e.value = r === top ? { text: cc.header } : { clear: true };
      }
      if (top < s.headerRow) plan.edits.merges.push(`${cc.column}${top}:${cc.column}${s.headerRow}`);
      const written = new Set<number>();
      let width = textWidth(cc.header);
      for (let i = 0; i < cc.rows.length; i++) {
        const row = cc.rows[i]!;
        const value = cc.values[i]!;
        const e = edit(plan, row, col);
        e.styleFrom = { col: lastCol, date: cc.type === 'date' };
        e.value = cc.type === 'date' ? { number: dateSerial(value, date1904) } : { text: value };
        width = Math.max(width, cc.type === 'date' ? 10 : textWidth(value));
        if (cc.provisional?.[i]) plan.notes.set(`${cc.column}${row}`, ownNote([PROVISIONAL[lang]], lang));
        written.add(row);
      }
      // A value from an earlier run that no longer applies would mislead: clear it, in our own columns only.
      for (const r of s.dataRows) if (!written.has(r) && !isEmpty(at(r, col))) edit(plan, r, col).value = { clear: true };
      plan.edits.widths.set(col, Math.min(50, Math.max(8, width + 2)));
    }
  }

  // Findings by cell; row-level findings (no column) go on the row's first recognised column, merged cells on their master.
  const firstColumn = new Map<string, number>();
  for (const s of report.sheets) {
    let min = 0;
    for (const letter of Object.values(s.columns)) {
      if (!letter) continue;
      const c = colIndex(letter);
      if (!min || c < min) min = c;
    }
    if (min) firstColumn.set(s.name, min);
  }
  const byCell = new Map<string, Map<string, { row: number; col: number; findings: Finding[] }>>();
  for (const f of report.findings) {
    if (f.row <= 0) continue;
    let col = f.column ? colIndex(f.column) : firstColumn.get(f.sheet) ?? 0;
    if (!col) continue;
    let row = f.row;
    for (const m of snaps.get(f.sheet)?.merges ?? []) {
      if (m.top + 1 <= row && row <= m.bottom + 1 && m.left + 1 <= col && col <= m.right + 1) {
        row = m.top + 1;
        col = m.left + 1;
        break;
      }
    }
    let cells = byCell.get(f.sheet);
    if (!cells) byCell.set(f.sheet, (cells = new Map()));
    const key = `${colLetters(col)}${row}`;
    let entry = cells.get(key);
    if (!entry) cells.set(key, (entry = { row, col, findings: [] }));
    entry.findings.push(f);
  }
  for (const [sheet, cells] of byCell) {
    const plan = planOf(sheet);
    for (const [ref, { row, col, findings }] of cells) {
      findings.sort(bySeverity);
      edit(plan, row, col).fill = SEVERITY_FILL[findings[0]!.severity];
      const text = noteText(findings, lang);
      const prior = plan.notes.get(ref);
      plan.notes.set(ref, prior ? [text, ...ownNoteBody(prior)].join('\n') : text);
    }
  }
  return plans;
}
