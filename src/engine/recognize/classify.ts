// Deciding what kind of sheet a mapped header belongs to, and the kind-specific meaning of ambiguous columns.
import type { FieldKey, SheetKind } from '../types';
import { FIELDS, FIELD_KEYS, fieldsOfKind } from '../vocabulary';

export type TitleHint = 'declaration' | 'progress' | 'expense' | null;

/** What the title rows say the sheet is. */
export function titleHint(title: string): TitleHint {
  if (/申报表|申报汇总|申报计划/.test(title)) return 'declaration';
  if (/进度情况|进度表|进展情况|项目台账|进度台账/.test(title)) return 'progress';
  if (/费用明细|概算明细|预算明细|支出明细|明细表/.test(title)) return 'expense';
  return null;
}

export interface Classification {
  kind: SheetKind;
  /** Set when the kind was a best effort from the title despite missing key columns. */
  bestEffort?: boolean;
  /** Key columns the sheet lacks, for the reason when it stays unknown or is a best effort. */
  missing?: FieldKey[];
  /** A reading that came close, and the columns that spoke for it: said in the reason instead of silently lost. */
  runnerUp?: { kind: SheetKind; because: FieldKey[] };
}

function count(cols: Partial<Record<FieldKey, number>>, keys: FieldKey[]): number {
  let n = 0;
  for (const k of keys) if (cols[k] !== undefined) n++;
  return n;
}

type Family = 'declaration' | 'progress' | 'expense';
const FAMILY_OF: Record<Exclude<SheetKind, 'unknown'>, Family> = {
  declaration: 'declaration',
  'progress-table': 'progress',
  'progress-form': 'progress',
  expense: 'expense',
};

/** The one template family a field belongs to, or null when several templates have it (项目名称, 联系人 …). */
function familyOf(k: FieldKey): Family | null {
  const fams = new Set(FIELDS[k].sheets.map((s) => FAMILY_OF[s]));
  return fams.size === 1 ? [...fams][0] : null;
}

/** Columns only a declaration has, beside its amount: funding sources, period, description. */
const DECLARATION_MARKERS: FieldKey[] = FIELD_KEYS.filter((k) => familyOf(k) === 'declaration' && k !== 'investment');
/** Columns only a progress report has, beside its total: amounts to date, changes, milestones. */
const PROGRESS_MARKERS: FieldKey[] = FIELD_KEYS.filter((k) => familyOf(k) === 'progress' && k !== 'totalInvestment');
/** Dates of a project's events (the report date is the form's, not the project's). */
const DATE_FIELDS: FieldKey[] = fieldsOfKind('date').filter((k) => k !== 'reportDate');

/** Columns that only a table of projects has: who answers for it and how to reach them. Expense sheets have none. */
const PROJECT_PEOPLE: FieldKey[] = ['unit', 'owner', 'contact', 'phone', 'email', 'mobile', 'period', 'description'];

/** The columns that speak for each template family. */
function evidence(cols: Partial<Record<FieldKey, number>>): Record<Family, FieldKey[]> {
  const out: Record<Family, FieldKey[]> = { declaration: [], progress: [], expense: [] };
  for (const k of Object.keys(cols) as FieldKey[]) {
    const f = familyOf(k);
    if (f) out[f].push(k);
  }
  return out;
}

/**
 * The sheet kind a table header implies (see TEMPLATES.md), from all its columns together: each column that only
 * one template has is a vote for it; a table with contacts and phone numbers lists projects, not expenses.
 */
export function classifyTable(cols: Partial<Record<FieldKey, number>>, hint: TitleHint): Classification {
  const found = decide(cols, hint);
  if (found.kind === 'unknown') return found;
  const ev = evidence(cols);
  const mine = FAMILY_OF[found.kind];
  // the strongest other family, if its votes come within one of the chosen kind's
  let best: Family | null = null;
  for (const f of ['declaration', 'progress', 'expense'] as Family[]) {
    if (f === mine || ev[f].length === 0) continue;
    if (ev[f].length + 1 >= ev[mine].length && (!best || ev[f].length > ev[best].length)) best = f;
  }
  if (best) {
    const kind: SheetKind = best === 'progress' ? 'progress-table' : best;
    found.runnerUp = { kind, because: ev[best] };
  }
  return found;
}

function decide(cols: Partial<Record<FieldKey, number>>, hint: TitleHint): Classification {
  const has = (k: FieldKey): boolean => cols[k] !== undefined;
  const ev = evidence(cols);
  const decl = count(cols, DECLARATION_MARKERS);
  const prog = count(cols, PROGRESS_MARKERS);
  const people = count(cols, PROJECT_PEOPLE);
  const money = has('investment') || has('totalInvestment');
  const expenseLike = has('amount') && (has('item') || (has('projectName') && prog === 0)) && !money;
  if (expenseLike && (people < 2 || (has('item') && ev.expense.length > people))) return { kind: 'expense' };
  // items with a money column and no project name: a bill of items, whatever its amount column is called (投资额, 概算投资)
  const anyMoney = (Object.keys(cols) as FieldKey[]).some((k) => FIELDS[k].kind === 'money');
  if (has('item') && !has('projectName') && anyMoney && people < 2) return { kind: 'expense' };
  // an amount column on a table of projects is the project's amount (申报金额, 预算金额 …)
  const amount = money || has('amount') || has('approvedBudget');
  if (has('projectName')) {
    if (amount && decl > prog) return { kind: 'declaration' };
    if (has('totalInvestment') || has('invested') || has('approvedBudget') || has('adjustedTotal')) {
      return { kind: 'progress-table' };
    }
    if (count(cols, DATE_FIELDS) > 0) return { kind: 'progress-table' };
    if (amount) return { kind: hint === 'progress' ? 'progress-table' : 'declaration' };
    // a weekly progress export: projects and how far they got, no amounts
    if (has('progress')) return { kind: 'progress-table' };
    const mapped = Object.keys(cols).length;
    if (hint === 'declaration' && mapped >= 3) return { kind: 'declaration', bestEffort: true, missing: ['investment'] };
    if (hint === 'progress' && mapped >= 3) return { kind: 'progress-table', bestEffort: true, missing: ['totalInvestment'] };
    return { kind: 'unknown', missing: ['investment'] };
  }
  if (has('item') || has('amount')) return { kind: 'unknown', missing: has('item') ? ['amount'] : ['item'] };
  if (money || decl > 0) return { kind: 'unknown', missing: ['projectName'] };
  return { kind: 'unknown', missing: ['projectName', 'investment'] };
}

/** A column read as another field in this kind of sheet; `to` null: the column means nothing here (计量单位). */
type Moves = [from: FieldKey, to: FieldKey | null][];
const REMAP: Record<SheetKind, Moves> = {
  declaration: [
    ['totalInvestment', 'investment'],
    ['amount', 'investment'],
    ['approvedBudget', 'investment'],
    ['item', 'description'],
    ['content', 'description'],
    ['builder', 'unit'],
  ],
  'progress-table': [
    ['investment', 'totalInvestment'],
    ['amount', 'totalInvestment'],
    ['item', 'content'],
  ],
  'progress-form': [],
  expense: [
    ['projectName', 'item'],
    ['description', 'remark'],
    ['investment', 'amount'],
    ['totalInvestment', 'amount'],
    ['approvedBudget', 'amount'],
    ['content', 'item'],
    ['invested', 'amount'],
    ['maintenanceFee', 'amount'],
    // an expense row's 类别 and 供应商 are not the project's
    ['projectType', null],
    ['builder', null],
    ['contact', null],
    ['owner', null],
    // 单位 beside 数量 and 单价 is the unit of measure (台、套), not the building unit
    ['unit', null],
  ],
  unknown: [],
};

/**
 * Gives ambiguous columns their meaning in this kind of sheet (总投资 is the declaration's 项目投资; 建设内容 is
 * a ledger's content but an expense sheet's item), only where the kind's own column is absent.
 * Returns the moves made, for the reason text.
 */
export function remapForKind(
  kind: SheetKind,
  cols: Partial<Record<FieldKey, number>>,
  units: Partial<Record<FieldKey, '万元' | '元'>>,
): Moves {
  const done: Moves = [];
  for (const [from, to] of REMAP[kind]) {
    const c = cols[from];
    if (c === undefined || (to !== null && cols[to] !== undefined)) continue;
    delete cols[from];
    const u = units[from];
    delete units[from];
    if (to !== null) {
      cols[to] = c;
      if (u) units[to] = u;
    }
    done.push([from, to]);
  }
  return done;
}
