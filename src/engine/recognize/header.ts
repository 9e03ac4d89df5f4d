// Finding a table's header rows in the top of a sheet and mapping its columns to field keys.
import type { FieldKey } from '../types';
import { HeaderGrid, displayText } from './grid';
import { baseLabel, isComputedHeader, unitOf, type MoneyUnit } from './normalize';
import { headOf, meaningOf } from './meaning';
import { matchLabel } from './synonyms';

/** Labels longer than this are text, not column names (a description typed into the top rows). */
const MAX_LABEL_LEN = 30;
const LABEL_WITH_VALUE = /:./;
const FUND_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['fundFiscal', 'fundLoan', 'fundSelf']);
const OTHER = /^其[他它]$/;
/** Lower labels that only qualify the group above them: 计划 / 实际 under 初验时间. */
const QUALIFIER = /^(?:计划|实际|预计|预算|批复|核定|调整前|调整后|完成|已完成|累计|本期|本年|合计|小计)$/;

export interface HeaderColumn {
  col: number;
  /** Last column the label covers (merged label cells). */
  right: number;
  /** Label as typed, for messages. */
  raw: string;
  /** normalizeHeader of the label. */
  norm: string;
  /** Normalised group label above it in a two-row header ('' when none). */
  group: string;
  computed: boolean;
  unit?: MoneyUnit;
}

export interface HeaderMapping {
  top: number;
  bottom: number;
  cols: HeaderColumn[];
  columns: Partial<Record<FieldKey, number>>;
  /** Number of fields mapped: the header's strength. */
  score: number;
}

/** The labels of one header candidate, one per column, with group labels of a two-row header attached. */
export function headerColumns(grid: HeaderGrid, top: number, bottom: number): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  for (let c = 0; c < grid.width; c++) {
    let labelRow = top;
    let group = '';
    if (bottom > top) {
      const mU = grid.merge(top, c);
      if (mU && mU.bottom >= bottom) {
        // one cell spanning both rows (序号, 建设单位 …)
        if (mU.left !== c) continue;
      } else {
        const lower = grid.norm(bottom, c);
        if (lower.length > 0) {
          const mL = grid.merge(bottom, c);
          if (mL && mL.left !== c) continue;
          labelRow = bottom;
          // a group merged across columns is each column's group, not only its first one's
          const upper = mU ? grid.norm(mU.top, mU.left) : grid.norm(top, c);
          if (upper !== lower) group = upper;
        } else if (mU && mU.left !== c) continue;
      }
    } else {
      // a cell merged down from the row above belongs to that row's header, not this one
      const m = grid.merge(top, c);
      if (m && (m.left !== c || m.top !== top)) continue;
    }
    const norm = grid.norm(labelRow, c);
    if (norm.length === 0) continue;
    const m = grid.merge(labelRow, c);
    const raw = displayText(grid.text(labelRow, c));
    const col: HeaderColumn = {
      col: c,
      right: m ? Math.max(c, m.right) : c,
      raw,
      norm,
      group,
      computed: isComputedHeader(norm),
    };
    const unit = unitOf(norm) ?? (group ? unitOf(group) : undefined);
    if (unit) col.unit = unit;
    out.push(col);
  }
  return out;
}

/** Field candidates of one header column, best first (computed and over-long labels get none). */
export function columnCandidates(h: HeaderColumn): ReturnType<typeof matchLabel> {
  // 联系人：王五 is a label with its value, i.e. text, not a column name
  if (h.computed || h.norm.length > MAX_LABEL_LEN) return [];
  const base = baseLabel(h.norm);
  // a unit note in brackets (单位：万元) is no value
  if (LABEL_WITH_VALUE.test(base)) return [];
  const ctx = h.group ? baseLabel(h.group) + base : base;
  const found = matchLabel(base, ctx, h.group);
  // the group's words stand in only for a label that says nothing by itself (a bare 其他 under 资金筹措)
  const own = h.group && found.length === 0 ? meaningOf(base, h.group) : null;
  // 姓名 under 项目负责人 says what it holds but not whose: the group says that
  if (own && own.kind !== null && !own.blocked) {
    const whose = baseLabel(h.group) + base;
    return matchLabel(whose, whose);
  }
  if (found.length === 0 && h.group && own?.kind === null) {
    // a qualifier under its group reads qualifier first (实际 under 初验时间 is 实际初验时间)
    return underGroup(base, baseLabel(h.group)) ?? matchLabel(ctx, ctx);
  }
  return found;
}

/**
 * A label read with the group above it, when the label alone says nothing: a qualifier goes first (实际 under
 * 初验时间 is 实际初验时间), a subject takes the group's head word (初验 under 验收时间 is 初验时间). Null when
 * neither reading applies.
 */
function underGroup(base: string, group: string): ReturnType<typeof matchLabel> | null {
  if (QUALIFIER.test(base)) return matchLabel(base + group, base + group);
  const head = headOf(group);
  if (head && head.head.length > 0) {
    const named = base + head.head;
    const m = matchLabel(named, named);
    if (m.length > 0) return m;
  }
  return null;
}

/** Maps columns to fields: strongest (column, field) pairs first, each column and each field used once. */
export function mapColumns(cols: HeaderColumn[], top: number, bottom: number): HeaderMapping {
  const pairs: { i: number; field: FieldKey; score: number }[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (const m of columnCandidates(cols[i])) pairs.push({ i, field: m.field, score: m.score });
  }
  pairs.sort((a, b) => b.score - a.score || cols[a.i].col - cols[b.i].col);
  const columns: Partial<Record<FieldKey, number>> = {};
  const fieldOf: (FieldKey | undefined)[] = new Array(cols.length);
  let score = 0;
  for (const p of pairs) {
    if (fieldOf[p.i] !== undefined || columns[p.field] !== undefined) continue;
    fieldOf[p.i] = p.field;
    columns[p.field] = cols[p.i].col;
    score++;
  }
  // a bare 其他 right after the fund columns is the fourth fund column even when 资金筹措 is not above it
  if (columns.fundOther === undefined) {
    for (let i = 1; i < cols.length; i++) {
      const prev = fieldOf[i - 1];
      if (fieldOf[i] !== undefined || !prev || !FUND_KEYS.has(prev) || !OTHER.test(baseLabel(cols[i].norm))) continue;
      fieldOf[i] = 'fundOther';
      columns.fundOther = cols[i].col;
      score++;
      break;
    }
  }
  return { top, bottom, cols, columns, score };
}

/**
 * Whether `bottom` reads as the lower row of a two-row header below `top`: no numbers, and at least half of
 * its own labels (cells not merged down from `top`) are known labels.
 */
function isLowerHeaderRow(grid: HeaderGrid, top: number, bottom: number): boolean {
  return lowerRowKind(grid, top, bottom) === 'labels';
}

/**
 * 'labels' when `bottom` is the lower row of a two-row header; 'merged' when it holds nothing but the lower
 * halves of cells merged down from `top` (a one-row header drawn two rows tall); false otherwise.
 */
function lowerRowKind(grid: HeaderGrid, top: number, bottom: number): 'labels' | 'merged' | false {
  let own = 0;
  let known = 0;
  for (let c = 0; c < grid.width; c++) {
    const mU = grid.merge(top, c);
    if (mU && mU.bottom >= bottom) continue;
    const v = grid.value(bottom, c);
    if (v === null || v === '') continue;
    if (typeof v !== 'string') return false;
    const norm = grid.norm(bottom, c);
    if (norm.length === 0) continue;
    const mL = grid.merge(bottom, c);
    if (mL && mL.left !== c) continue;
    // our own computed headers say nothing about the user's header
    if (isComputedHeader(norm)) continue;
    own++;
    if (norm.length > MAX_LABEL_LEN || LABEL_WITH_VALUE.test(norm)) continue;
    const upper = baseLabel(mU ? grid.norm(mU.top, mU.left) : grid.norm(top, c));
    const base = baseLabel(norm);
    // 计划 / 实际 under 初验时间 are known labels once read with their group
    if (matchLabel(base, upper + base, upper).length > 0 || (upper && underGroup(base, upper) !== null)) known++;
  }
  if (own === 0) return hasMergeDown(grid, top, bottom) ? 'merged' : false;
  return known * 2 >= own ? 'labels' : false;
}

function hasMergeDown(grid: HeaderGrid, top: number, bottom: number): boolean {
  for (let c = 0; c < grid.width; c++) {
    const m = grid.merge(top, c);
    if (m && m.top === top && m.bottom >= bottom) return true;
  }
  return false;
}

/** Mapping of the one- or two-row header starting at `top`, or null when neither maps two fields. */
function bestAt(grid: HeaderGrid, top: number, singles: (HeaderMapping | null)[]): HeaderMapping | null {
  const single = singles[top];
  const lower = top + 1 < grid.rowEnd ? lowerRowKind(grid, top, top + 1) : false;
  if (lower === 'labels') {
    const two = mapColumns(headerColumns(grid, top, top + 1), top, top + 1);
    const below = singles[top + 1];
    // the upper row must add something, else it is a title merged across the table
    // (a lower row of labels that only refines the upper one, 计划 / 实际 under 初验时间, still belongs to it)
    if (two.score >= (single?.score ?? 0) && two.score > (below?.score ?? 0)) return two;
  } else if (lower === 'merged' && single) {
    return { ...single, bottom: top + 1 };
  }
  return single;
}

/** The strongest header among the first `scanRows` rows (ties: the topmost), or null. */
export function findHeader(grid: HeaderGrid, scanRows: number): HeaderMapping | null {
  const end = Math.min(scanRows, grid.rowEnd);
  const singles: (HeaderMapping | null)[] = new Array(grid.rowEnd).fill(null);
  for (let r = 0; r < Math.min(end + 1, grid.rowEnd); r++) {
    const m = mapColumns(headerColumns(grid, r, r), r, r);
    singles[r] = m.score > 0 ? m : null;
  }
  let best: HeaderMapping | null = null;
  for (let r = 0; r < end; r++) {
    const m = bestAt(grid, r, singles);
    if (m && m.score >= 2 && (!best || m.score > best.score)) best = m;
  }
  return best;
}

/** The header whose last row the user named (0-based `bottom`), taking the row above when it is the upper half. */
export function headerEndingAt(grid: HeaderGrid, bottom: number): HeaderMapping {
  const single = mapColumns(headerColumns(grid, bottom, bottom), bottom, bottom);
  if (bottom > 0) {
    const top = bottom - 1;
    if (hasMergeDown(grid, top, bottom) || isLowerHeaderRow(grid, top, bottom)) {
      const two = mapColumns(headerColumns(grid, top, bottom), top, bottom);
      const upper = mapColumns(headerColumns(grid, top, top), top, top);
      if (two.score > single.score || (two.score === single.score && hasMergeDown(grid, top, bottom) && upper.score > 0)) {
        return two;
      }
    }
  }
  return single;
}
