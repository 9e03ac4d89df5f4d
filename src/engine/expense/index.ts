// Public API of the expense-scope classifier: the Wulong 附件 table as data, and classifyExpense with the Wuhan/Laizhou overlays.
export type { ExpenseClass, ScopeEntry } from '../packs/expense-table';
export { SCOPE_TABLE } from '../packs/expense-table';
export type { OverlayHit, Classification } from './classify';
export { classifyExpense } from './classify';
