// Deciding what kind of sheet a mapped header belongs to, and the kind-specific meaning of ambiguous columns.
import type { FieldKey, SheetKind } from '../types';

const FUND_FIELDS: FieldKey[] = ['fundFiscal', 'fundLoan', 'fundSelf', 'fundOther'];
const DECLARATION_MARKERS: FieldKey[] = [...FUND_FIELDS, 'period', 'description'];
/** Columns only a progress ledger has: amounts to date, changes, milestones. */
export const PROGRESS_MARKERS: FieldKey[] = [
  'invested', 'approvedBudget', 'adjustment', 'adjustedTotal', 'adjustmentDate', 'procurementDate', 'progress',
  'builder', 'content', 'startDate', 'completionDate', 'preliminaryAcceptanceDate', 'acceptanceDate', 'operationDate',
  'selfEvaluationDate', 'performanceReportDate', 'acceptanceApplicationDate', 'standardPublishedDate',
  'maintenanceFee', 'reportDate',
];
const DATE_FIELDS: FieldKey[] = [
  'adjustmentDate', 'procurementDate', 'startDate', 'completionDate', 'preliminaryAcceptanceDate', 'acceptanceDate',
  'operationDate', 'selfEvaluationDate', 'performanceReportDate', 'acceptanceApplicationDate', 'standardPublishedDate',
];

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
}

function count(cols: Partial<Record<FieldKey, number>>, keys: FieldKey[]): number {
  let n = 0;
  for (const k of keys) if (cols[k] !== undefined) n++;
  return n;
}

/** The sheet kind a table header implies (see spec/TEMPLATES.md). */
export function classifyTable(cols: Partial<Record<FieldKey, number>>, hint: TitleHint): Classification {
  const has = (k: FieldKey): boolean => cols[k] !== undefined;
  const decl = count(cols, DECLARATION_MARKERS);
  const prog = count(cols, PROGRESS_MARKERS);
  const money = has('investment') || has('totalInvestment');
  if (has('amount') && (has('item') || (has('projectName') && prog === 0)) && !money) return { kind: 'expense' };
  if (has('projectName')) {
    if (money && decl > prog) return { kind: 'declaration' };
    if (has('totalInvestment') || has('invested') || has('approvedBudget') || has('adjustedTotal')) {
      return { kind: 'progress-table' };
    }
    if (count(cols, DATE_FIELDS) > 0) return { kind: 'progress-table' };
    if (money) return { kind: hint === 'progress' ? 'progress-table' : 'declaration' };
    const mapped = Object.keys(cols).length;
    if (hint === 'declaration' && mapped >= 3) return { kind: 'declaration', bestEffort: true, missing: ['investment'] };
    if (hint === 'progress' && mapped >= 3) return { kind: 'progress-table', bestEffort: true, missing: ['totalInvestment'] };
    return { kind: 'unknown', missing: ['investment'] };
  }
  if (has('item') || has('amount')) return { kind: 'unknown', missing: has('item') ? ['amount'] : ['item'] };
  if (money || decl > 0) return { kind: 'unknown', missing: ['projectName'] };
  return { kind: 'unknown', missing: ['projectName', 'investment'] };
}

type Moves = [from: FieldKey, to: FieldKey][];
const REMAP: Record<SheetKind, Moves> = {
  declaration: [
    ['totalInvestment', 'investment'],
    ['item', 'description'],
    ['content', 'description'],
    ['builder', 'unit'],
  ],
  'progress-table': [
    ['investment', 'totalInvestment'],
    ['item', 'content'],
  ],
  'progress-form': [],
  expense: [
    ['projectName', 'item'],
    ['description', 'remark'],
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
    if (c === undefined || cols[to] !== undefined) continue;
    cols[to] = c;
    delete cols[from];
    const u = units[from];
    if (u) {
      units[to] = u;
      delete units[from];
    }
    done.push([from, to]);
  }
  return done;
}
