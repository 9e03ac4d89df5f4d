// Small helpers shared by rules: which amount a threshold reads, kind groups, label texts.
import type { ComputedKey, FieldKey, SheetKind } from '../types';
import { DEADLINE_HEADERS } from '../deadlines';
import { recordCache } from './api';
import type { Message, RecordContext } from './api';
import { F, FIELD_LABELS, fieldKey } from './fields';
import type { FieldId, FieldRef } from './fields';

export const PROJECT_KINDS: SheetKind[] = ['declaration', 'progress-table', 'progress-form'];
export const PROGRESS_KINDS: SheetKind[] = ['progress-table', 'progress-form'];
export const ALL_KINDS: SheetKind[] = ['declaration', 'progress-table', 'progress-form', 'expense'];

/** The project's amount for thresholds: 项目投资, else 总投资, else 批复概算 (the first the sheet has a value for). */
const BASE_FIELDS: FieldKey[] = ['investment', 'totalInvestment', 'approvedBudget'];
const BASE_IDS: FieldId[] = BASE_FIELDS.map((f) => F[f]);

/** Cached per record: the threshold and deadline rules each ask for it. */
export const projectAmount: (ctx: RecordContext) => { field: FieldKey; cents: number } | null = recordCache(computeProjectAmount);

function computeProjectAmount(ctx: RecordContext): { field: FieldKey; cents: number } | null {
  for (let i = 0; i < BASE_FIELDS.length; i++) {
    const id = BASE_IDS[i];
    if (!ctx.has(id)) continue;
    const c = ctx.amount(id);
    if (c !== null) return { field: BASE_FIELDS[i], cents: c };
  }
  return null;
}

export function fieldLabel(f: FieldRef): Message {
  return FIELD_LABELS[fieldKey(f)];
}

const AUTO_ZH = /（自动）$/;
const AUTO_EN = / \(auto\)$/;
const DEADLINE_LABELS = new Map<ComputedKey, Message>();
/** A computed key's header without the "(auto)" marker, for messages. */
export function computedLabel(key: ComputedKey): Message {
  let m = DEADLINE_LABELS.get(key);
  if (m === undefined) {
    const h = DEADLINE_HEADERS[key];
    m = { zh: h.zh.replace(AUTO_ZH, ''), en: h.en.replace(AUTO_EN, '') };
    DEADLINE_LABELS.set(key, m);
  }
  return m;
}

const UPGRADE = /升级|改造/;
/** The row says it is an upgrade project (项目类别, 备注 or the name). */
export function isUpgrade(ctx: RecordContext): boolean {
  return UPGRADE.test(ctx.text(F.projectType)) || UPGRADE.test(ctx.text(F.remark)) || UPGRADE.test(ctx.text(F.projectName));
}
