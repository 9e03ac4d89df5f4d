// Public API of the expense-scope classifier: the Wulong 附件 table as data, and classifyExpense with the Wuhan/Laizhou overlays.
export type { ExpenseClass, ScopeEntry } from '../packs/wulong-expense-scope';
export { WULONG_SCOPE_TABLE } from '../packs/wulong-expense-scope';
export type { OverlayHit, Classification } from './classify';
export { classifyExpense } from './classify';
