// What a reviewer's summary needs of each project row (unit, name, amounts, 已投资, 建设进度 and their cells), read from the snapshot a check ran on.
import type { CellValue, FieldKey, Report, SheetOverride, SheetSnapshot, WorkbookSnapshot } from '../types';
import { recognizeSheet } from '../recognize';
import { unitOf, normalizeHeader } from '../recognize/normalize';
import { parseAmount } from '../values/amount';
import { cellText } from '../values/text';
import { columnLetter } from '../engine';

export type ProjectSheetKind = 'declaration' | 'progress-table' | 'progress-form';

/** A value of the row and the cell it came from ('' when the sheet has no such field). */
export interface FactCell<T> {
  value: T;
  cell: string;
}

/**
 * One project row of a declaration or progress sheet: small plain data, so a batch's worker threads send these
 * instead of the workbook. Amounts in 万元 (two decimals), null when the cell is empty or unreadable.
 */
export interface ProjectFact {
  sheet: string;
  kind: ProjectSheetKind;
  /** Excel row of the record; on a form, the row of its project name (else its first value). */
  row: number;
  unit?: FactCell<string>;
  name?: FactCell<string>;
  /** 项目投资 of a declaration, 总投资 of a ledger (whichever the sheet has, the sheet's own first). */
  amount?: FactCell<number | null> & { field: 'investment' | 'totalInvestment' };
  /** 批复概算. */
  approved?: FactCell<number | null>;
  /** 已投资 (progress sheets). */
  invested?: FactCell<number | null>;
  /** 建设进度 as written (progress sheets). */
  progress?: FactCell<string>;
}

const PROJECT_KINDS = new Set(['declaration', 'progress-table', 'progress-form']);

/** Column letters → 0-based index. */
function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const SHEET_UNIT = /单位[:：]\s*(万元|元)/;

/**
 * The unit a table's money column is in, as recognition reads it: the column's own header cells (the last header row
 * and the two above it, where a group header or a merged label sits), else a 单位：万元 line above the table.
 */
function moneyUnit(sheet: SheetSnapshot, headerRow: number | null, col: number): '万元' | '元' | undefined {
  if (headerRow === null) return undefined;
  const last = headerRow - 1;
  for (let r = last; r >= 0 && r >= last - 2; r--) {
    const v = sheet.rows[r]?.[col];
    if (typeof v !== 'string') continue;
    const u = unitOf(normalizeHeader(v));
    if (u === '万元' || u === '元') return u;
  }
  for (let r = 0; r < last && r < 10; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const m = typeof v === 'string' ? SHEET_UNIT.exec(v) : null;
      if (m) return m[1] as '万元' | '元';
    }
  }
  return undefined;
}

/**
 * The project rows of every declaration and progress sheet of a checked workbook. Pure: the CLI calls it where the
 * file was read (a worker thread), the web page where it checked. `overrides` must be the ones the check used.
 */
export function projectFacts(snapshot: WorkbookSnapshot, report: Report, overrides?: Record<string, SheetOverride>): ProjectFact[] {
  const out: ProjectFact[] = [];
  for (const sr of report.sheets) {
    if (!PROJECT_KINDS.has(sr.kind)) continue;
    const sheet = snapshot.sheets.find((s) => s.name === sr.name);
    if (!sheet) continue;
    const kind = sr.kind as ProjectSheetKind;
    // A form is recognised once more (it is a few cells) for what the report does not carry: each value's row. A
    // table's columns and rows are the report's own: recognising a 50,000-row ledger again would double its cost.
    const rec = kind === 'progress-form' ? recognizeSheet(sheet, overrides?.[sheet.name]) : null;
    if (rec !== null && rec.kind !== kind) continue;
    const at = (field: FieldKey, row: number): { v: CellValue; cell: string } | null => {
      if (rec !== null) {
        const p = rec.formFields[field];
        return p === undefined ? null : { v: sheet.rows[p.row]?.[p.col] ?? null, cell: columnLetter(p.col) + (p.row + 1) };
      }
      const letter = sr.columns[field];
      if (letter === undefined) return null;
      return { v: sheet.rows[row]?.[colOf(letter)] ?? null, cell: letter + (row + 1) };
    };
    const units: Partial<Record<FieldKey, '万元' | '元' | undefined>> = {};
    const text = (field: FieldKey, row: number): FactCell<string> | undefined => {
      const x = at(field, row);
      return x === null ? undefined : { value: cellText(x.v), cell: x.cell };
    };
    const money = (field: FieldKey, row: number): FactCell<number | null> | undefined => {
      const x = at(field, row);
      if (x === null) return undefined;
      if (rec === null && !(field in units)) units[field] = moneyUnit(sheet, sr.headerRow, colOf(sr.columns[field]!));
      const unit = rec !== null ? rec.units[field] : units[field];
      const a = parseAmount(x.v, unit === '元' || unit === '万元' ? unit : undefined);
      return { value: a.ok ? a.cents / 100 : null, cell: x.cell };
    };
    const records =
      rec !== null
        ? [rec.formFields.projectName?.row ?? Math.min(...Object.values(rec.formFields).map((p) => p!.row))]
        : sr.dataRows.map((r) => r - 1);
    for (const r of records) {
      if (!Number.isFinite(r)) continue;
      const f: ProjectFact = { sheet: sheet.name, kind, row: r + 1 };
      const unit = text('unit', r);
      const name = text('projectName', r);
      if (unit) f.unit = unit;
      if (name) f.name = name;
      // A declaration's own amount is 项目投资; a ledger's is 总投资: the other one only when the sheet lacks it.
      const order: ('investment' | 'totalInvestment')[] = kind === 'declaration' ? ['investment', 'totalInvestment'] : ['totalInvestment', 'investment'];
      for (const field of order) {
        const m = money(field, r);
        if (m) {
          f.amount = { ...m, field };
          break;
        }
      }
      const approved = money('approvedBudget', r);
      if (approved) f.approved = approved;
      if (kind !== 'declaration') {
        const invested = money('invested', r);
        if (invested) f.invested = invested;
        const progress = text('progress', r);
        if (progress) f.progress = progress;
      }
      out.push(f);
    }
  }
  return out;
}
