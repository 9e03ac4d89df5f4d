// Every rule, in the order they run on a record, and their metadata for documentation.
import type { Category, Severity, SheetKind } from '../types';
import type { Message, Rule } from './api';
import { REQUIREMENTS } from './api';
import { THRESHOLD_RULES } from './threshold';
import { ELIGIBILITY_RULES } from './eligibility';
import { CHANGE_LIMIT_RULES } from './change-limit';
import { DEADLINE_RULES } from './deadline';
import { FORM_RULES } from './forms';
import { sheetUnchecked } from './coverage';

// Formats and completeness first, so a reader of the report meets "unreadable" before what depends on the value.
export const RULES: readonly Rule[] = [sheetUnchecked, ...FORM_RULES, ...THRESHOLD_RULES, ...ELIGIBILITY_RULES, ...CHANGE_LIMIT_RULES, ...DEADLINE_RULES];

const ids = new Set<string>();
for (const r of RULES) {
  if (ids.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
  ids.add(r.id);
}

export interface RuleDoc {
  id: string;
  category: Category;
  severity: Severity;
  scope: 'row' | 'sheet' | 'workbook';
  appliesTo: SheetKind[];
  /** What the regulation must provide for it to run (in words); null = every profile, including generic. */
  requires: { zh: string; en: string } | null;
  description: Message;
  messages: Record<string, Message>;
}

/** Rule metadata for documentation and the UI (no functions). */
export const RULE_DOCS: readonly RuleDoc[] = RULES.map((r) => ({
  id: r.id,
  category: r.category,
  severity: r.severity,
  scope: r.scope,
  appliesTo: r.appliesTo,
  requires: r.requires === undefined ? null : { zh: REQUIREMENTS[r.requires].zh, en: REQUIREMENTS[r.requires].en },
  description: r.description,
  messages: r.messages,
}));
