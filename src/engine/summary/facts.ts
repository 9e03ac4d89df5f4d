// What a reviewer's summary needs of each project row (unit, name, amounts, 已投资, 建设进度 and their cells), read from the snapshot a check ran on.
import type { CellValue, FieldKey, Report, SheetOverride, WorkbookSnapshot } from '../types';
import { recognizeSheet } from '../recognize';
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
    // Recognised once more for what the report does not carry: a form's value cells and each money column's unit.
    const rec = recognizeSheet(sheet, overrides?.[sheet.name]);
    if (rec.kind !== kind) continue;
    const at = (field: FieldKey, row: number): { v: CellValue; cell: string } | null => {
      if (kind === 'progress-form') {
        const p = rec.formFields[field];
        return p === undefined ? null : { v: sheet.rows[p.row]?.[p.col] ?? null, cell: columnLetter(p.col) + (p.row + 1) };
      }
      const c = rec.columns[field];
      return c === undefined ? null : { v: sheet.rows[row]?.[c] ?? null, cell: columnLetter(c) + (row + 1) };
    };
    const text = (field: FieldKey, row: number): FactCell<string> | undefined => {
      const x = at(field, row);
      return x === null ? undefined : { value: cellText(x.v), cell: x.cell };
    };
    const money = (field: FieldKey, row: number): FactCell<number | null> | undefined => {
      const x = at(field, row);
      if (x === null) return undefined;
      const unit = rec.units[field];
      const a = parseAmount(x.v, unit === '元' || unit === '万元' ? unit : undefined);
      return { value: a.ok ? a.cents / 100 : null, cell: x.cell };
    };
    const records =
      kind === 'progress-form'
        ? [rec.formFields.projectName?.row ?? Math.min(...Object.values(rec.formFields).map((p) => p!.row))]
        : rec.dataRows;
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
