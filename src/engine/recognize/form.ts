// Reading the 附件2 progress form: labels and values side by side, one project per sheet.
import type { FieldKey } from '../types';
import { HeaderGrid, displayText } from './grid';
import { baseLabel, unitOf, type MoneyUnit } from './normalize';
import { EXACT_SCORE, FORM_LABEL_OVERRIDES, matchLabel } from './synonyms';

const MAX_FORM_LABEL_LEN = 20;
/** Contained matches are trusted only on short labels; a longer cell is more likely a typed value. */
const MAX_CONTAINED_LEN = 8;
const UNIT_ONLY = /^\(?(单位:?)?(万元|元)\)?$/;
const DIGIT = /[0-9]/;
const LABEL_WITH_VALUE = /:./;
const FORM_BUILDER = /^建设单位$/;

export interface FormLabel {
  field: FieldKey;
  row: number;
  col: number;
  text: string;
}

export interface FormScan {
  labels: FormLabel[];
  fields: Partial<Record<FieldKey, { row: number; col: number }>>;
  units: Partial<Record<FieldKey, MoneyUnit>>;
  /** Distinct fields found with a value cell. */
  distinct: number;
  /** Distinct rows holding those labels. */
  rowCount: number;
  firstRow: number;
  lastRow: number;
  right: number;
}

/** The field a form label cell names, or null. Stricter than table headers: values sit right next to labels. */
export function formLabelField(norm: string): FieldKey | null {
  if (norm.length === 0 || norm.length > MAX_FORM_LABEL_LEN || LABEL_WITH_VALUE.test(norm)) return null;
  const base = baseLabel(norm);
  // own keys only: a label reading __proto__ is text, not a key of the table
  const forced = Object.prototype.hasOwnProperty.call(FORM_LABEL_OVERRIDES, base) ? FORM_LABEL_OVERRIDES[base] : undefined;
  if (forced) return forced;
  const found = matchLabel(base);
  if (found.length === 0) return null;
  const best = found[0];
  if (best.score >= EXACT_SCORE) return best.field;
  if (base.length <= MAX_CONTAINED_LEN && !DIGIT.test(base)) return best.field;
  return null;
}

/** Kind-specific meanings on the form: its 总投资 is totalInvestment, its 主要内容/建设内容 is content. */
function formField(f: FieldKey): FieldKey {
  if (f === 'investment') return 'totalInvestment';
  if (f === 'item' || f === 'description') return 'content';
  return f;
}

/**
 * Label cells whose right neighbour (past the label's merged span and any bare unit cell) is not another
 * label. A table header has labels next to labels and scores near zero here; the form scores one per field.
 */
export function scanForm(grid: HeaderGrid): FormScan {
  const labels: FormLabel[] = [];
  const fields: Partial<Record<FieldKey, { row: number; col: number }>> = {};
  const units: Partial<Record<FieldKey, MoneyUnit>> = {};
  const rows = new Set<number>();
  let distinct = 0;
  let firstRow = -1;
  let lastRow = -1;
  let right = -1;
  // the form's 建设单位 is the builder, unless the form names the builder otherwise (承建单位): then it is the unit
  let namedBuilder = false;
  for (let r = 0; r < grid.rowEnd && !namedBuilder; r++) {
    for (let c = 0; c < grid.width; c++) {
      const norm = grid.norm(r, c);
      if (norm.length > 0 && formLabelField(norm) === 'builder' && !FORM_BUILDER.test(baseLabel(norm))) namedBuilder = true;
    }
  }
  for (let r = 0; r < grid.rowEnd; r++) {
    for (let c = 0; c < grid.width; c++) {
      if (grid.isContinuation(r, c)) continue;
      const norm = grid.norm(r, c);
      if (norm.length === 0) continue;
      const raw = formLabelField(norm);
      if (!raw) continue;
      const field = namedBuilder && raw === 'builder' && FORM_BUILDER.test(baseLabel(norm)) ? 'unit' : formField(raw);
      const m = grid.merge(r, c);
      let next = (m ? m.right : c) + 1;
      let unit = unitOf(norm);
      for (;;) {
        const n = grid.norm(r, next);
        if (n.length === 0 || !UNIT_ONLY.test(n)) break;
        unit = unitOf(n.startsWith('(') ? n : `(${n})`) ?? unit;
        const nm = grid.merge(r, next);
        next = (nm ? nm.right : next) + 1;
      }
      if (formLabelField(grid.norm(r, next)) !== null) continue;
      if (fields[field] !== undefined) continue;
      const nm = grid.merge(r, next);
      fields[field] = { row: r, col: next };
      if (unit) units[field] = unit;
      labels.push({ field, row: r, col: c, text: displayText(grid.text(r, c)) });
      distinct++;
      rows.add(r);
      if (firstRow < 0) firstRow = r;
      lastRow = Math.max(lastRow, m ? m.bottom : r);
      right = Math.max(right, nm ? nm.right : next);
    }
  }
  return { labels, fields, units, distinct, rowCount: rows.size, firstRow, lastRow, right };
}
