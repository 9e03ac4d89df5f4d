// Choosing the rows below a header to check: data rows, totals rows, and rows to skip (blank, notes, seals, repeats).
import type { CellValue, MergeRange, SheetSnapshot } from '../types';
import { countNonBlank, firstNonBlank, isBlank } from './grid';
import { normalizeHeader } from './normalize';

/** 'formulas-no-result': no value, but formulas saved without their results (the formula check names the cells). */
export type SkipReason = 'blank' | 'note' | 'seal' | 'repeated-header' | 'title' | 'formulas-no-result';

export interface RowPick {
  dataRows: number[];
  totalsRows: number[];
  skippedRows: { row: number; reason: SkipReason }[];
}

export interface RowScope {
  /** First row after the header. */
  start: number;
  /** Columns of the user's table. */
  left: number;
  right: number;
  /** Per header column: its normalised label(s), to spot the header repeated after a page break. */
  headerTexts: Map<number, string[]>;
}

const S = '[\\s\\u3000]*';
const TOTALS = new RegExp(`^${S}(总${S}合${S}计|合${S}计|总${S}计|小${S}计)${S}([:：]|[（(][^）)]*[）)])?${S}$`);
const NOTE = new RegExp(
  `^${S}((填表|填报)?说明|备注|附注|注)${S}[0-9０-９]*${S}[：:．.、]|^${S}((填表|填报)?说明|注|注意事项|填表须知)${S}$|^${S}(注意事项|填表须知)`,
);
const NOTE_CONTINUATION = new RegExp(`^${S}([0-9０-９]+${S}[．.、)）]|[（(][0-9０-９一二三四五六七八九十]+[）)])`);
const SEAL = new RegExp(
  `盖${S}章|签${S}字|签${S}章|^${S}(项目)?主管部门意见|^${S}(填表人|制表人|填报人|审核人|复核人|审批人|单位负责人|分管领导)${S}[:：]` +
    `|^${S}((填报|填表)?日期${S}[:：]?)?${S}年${S}月${S}日${S}$`,
);
/** Cells considered when looking for 合计: the first few non-blank ones, near the left edge. */
const TOTALS_CELLS = 3;
const TOTALS_SPAN = 6;
const LONG = 40;

/** Fraction of the table a merged cell must span to be a note line rather than a value. */
const NOTE_MERGE_SHARE = 0.6;

/** Last row (scanning up from the end, cheap for a million empty formatted rows) with a value in [0, right]. */
export function lastNonBlankRow(rows: (CellValue[] | null | undefined)[], from: number, right: number): number {
  for (let r = rows.length - 1; r >= from; r--) {
    const row = rows[r];
    if (!row || row.length === 0) continue;
    if (firstNonBlank(row, 0, right) >= 0) return r;
  }
  return -1;
}

function firstChar(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code <= 32 || code === 0x3000 || code === 0xa0) continue;
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
    return s[i].toLowerCase();
  }
  return '';
}

function hasFormulaIn(row: readonly (string | null | undefined)[] | undefined, left: number, right: number): boolean {
  if (!row) return false;
  for (let c = left; c <= right && c < row.length; c++) if (row[c]) return true;
  return false;
}

/** Rows from scope.start to the last non-blank row, sorted into data, totals and skipped rows. */
export function pickRows(sheet: SheetSnapshot, scope: RowScope): RowPick {
  const rows = sheet.rows;
  const { start, left, right, headerTexts } = scope;
  const dataRows: number[] = [];
  const totalsRows: number[] = [];
  const skippedRows: RowPick['skippedRows'] = [];
  let last = lastNonBlankRow(rows, start, right);
  // A row of formulas saved without results reads as blank; keep it in view, so it is not dropped without a word.
  const formulas = sheet.formulas;
  if (formulas) {
    for (let r = formulas.length - 1; r > last && r >= start; r--) {
      if (hasFormulaIn(formulas[r], left, right)) {
        last = r;
        break;
      }
    }
  }
  if (last < 0) return { dataRows, totalsRows, skippedRows };

  const width = right - left + 1;
  const wideMergeAt = new Map<number, MergeRange>();
  for (const m of sheet.merges) {
    if (m.top < start || m.top > last || m.right - m.left + 1 < Math.max(2, width * NOTE_MERGE_SHARE)) continue;
    if (m.left > left + 1) continue;
    wideMergeAt.set(m.top, m);
  }
  const headerFirst = new Map<number, Set<string>>();
  for (const [c, texts] of headerTexts) {
    const set = new Set<string>();
    for (const t of texts) if (t.length > 0) set.add(t[0]);
    headerFirst.set(c, set);
  }

  const totalsEnd = Math.min(right, left + TOTALS_SPAN);
  let inNotes = false;
  for (let r = start; r <= last; r++) {
    const row = rows[r];
    const c0 = firstNonBlank(row, 0, right);
    if (c0 < 0) {
      skippedRows.push({ row: r, reason: formulas && hasFormulaIn(formulas[r], left, right) ? 'formulas-no-result' : 'blank' });
      continue;
    }
    const cells = row as CellValue[];
    const v0 = cells[c0];

    // 合计 / 总计 / 小计 in one of the first few cells
    let totals = false;
    for (let c = c0, seen = 0; c <= totalsEnd && seen < TOTALS_CELLS; c++) {
      const v = cells[c];
      if (isBlank(v)) continue;
      seen++;
      // the indexOf keeps the regex off ordinary cells
      if (typeof v === 'string' && v.length <= 16 && v.indexOf('计') >= 0 && TOTALS.test(v)) {
        totals = true;
        break;
      }
    }
    if (totals) {
      totalsRows.push(r);
      continue;
    }

    if (typeof v0 === 'string' && v0.length <= LONG && isRepeatedHeader(cells, c0, v0, headerTexts, headerFirst)) {
      skippedRows.push({ row: r, reason: 'repeated-header' });
      continue;
    }

    if (typeof v0 === 'string') {
      const wide = wideMergeAt.get(r);
      const spansTable = wide !== undefined && wide.left <= c0 && wide.right >= c0;
      // notes first: 说明：本表由项目建设单位填写，主管部门盖章 is a note that mentions a seal
      if (NOTE.test(v0) && (spansTable || countNonBlank(cells, 0, right) <= 2)) {
        inNotes = true;
        skippedRows.push({ row: r, reason: 'note' });
        continue;
      }
      if (SEAL.test(v0) && (spansTable || countNonBlank(cells, 0, right) <= 4)) {
        inNotes = true;
        skippedRows.push({ row: r, reason: 'seal' });
        continue;
      }
      if (spansTable && countNonBlank(cells, 0, right) === 1) {
        skippedRows.push({ row: r, reason: 'note' });
        continue;
      }
      if (inNotes && (NOTE_CONTINUATION.test(v0) || countNonBlank(cells, 0, right) === 1)) {
        skippedRows.push({ row: r, reason: 'note' });
        continue;
      }
    }
    dataRows.push(r);
  }
  return { dataRows, totalsRows, skippedRows };
}

function isRepeatedHeader(
  cells: CellValue[],
  c0: number,
  v0: string,
  headerTexts: Map<number, string[]>,
  headerFirst: Map<number, Set<string>>,
): boolean {
  // a cheap first-character test keeps normalisation off ordinary data rows
  const first = headerFirst.get(c0);
  if (!first || !first.has(firstChar(v0))) return false;
  if (!(headerTexts.get(c0) as string[]).includes(normalizeHeader(v0))) return false;
  let matches = 0;
  let filled = 0;
  for (const [c, texts] of headerTexts) {
    const v = cells[c];
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string' && v.length <= LONG && texts.includes(normalizeHeader(v))) matches++;
  }
  return matches >= 2 || matches === filled;
}

/** Non-blank rows above the header: titles, 填报单位 lines. */
export function titleRows(rows: (CellValue[] | null | undefined)[], headerTop: number): { row: number; reason: SkipReason }[] {
  const out: { row: number; reason: SkipReason }[] = [];
  for (let r = 0; r < headerTop && r < rows.length; r++) {
    if (firstNonBlank(rows[r], 0, Number.MAX_SAFE_INTEGER) >= 0) out.push({ row: r, reason: 'title' });
  }
  return out;
}
