// RULES.md §2: the Wulong expense-scope table over expense rows and project names/descriptions, plus profile overlays.
import { F } from './fields';
import type { FieldId } from './fields';
import { classifyExpense } from '../expense';
import { classifyScope, classifyScopeCell } from '../expense/classify';
import type { ScopeVerdict } from '../expense/classify';
import { createRule, memoSlot } from './api';
import type { Message, RecordContext } from './api';
import { ALL_KINDS, PROJECT_KINDS, REGULATION_PROFILES, fieldLabel } from './util';
import { cite } from '../regulations';

type Classification = ScopeVerdict;

/** Fields whose text is classified: the expense item, or a project's name and description. */
const PROJECT_TEXT_FIELDS: FieldId[] = [F.projectName, F.description, F.content];
const EXPENSE_TEXT_FIELDS: FieldId[] = [F.item];

// Expense items repeat down a ledger, so they go through classifyExpense and its cache.
function itemClassifier(field: FieldId): [number, (ctx: RecordContext) => Classification | null] {
  return [
    memoSlot(),
    (ctx) => {
      const text = ctx.text(field);
      return text === '' ? null : classifyExpense(text, ctx.profile.id);
    },
  ];
}

// Names and descriptions hardly ever repeat: they skip the cache and the matched words no rule reads, and a string
// cell is classified straight from the cell (classifyScopeCell equals classifyScope of ctx.text, empty → null)
// without building the normalised text.
function cellClassifier(field: FieldId): [number, (ctx: RecordContext) => Classification | null] {
  return [
    memoSlot(),
    (ctx) => {
      const v = ctx.raw(field);
      if (typeof v === 'string') return classifyScopeCell(v, ctx.profile.id);
      const text = ctx.text(field);
      return text === '' ? null : classifyScope(text, ctx.profile.id);
    },
  ];
}
// By field id: memo slot and classifier of each classified field.
const SLOTS: number[] = [];
const COMPUTES: ((ctx: RecordContext) => Classification | null)[] = [];
for (const [field, [slot, compute]] of [
  [F.item, itemClassifier(F.item)],
  [F.projectName, cellClassifier(F.projectName)],
  [F.description, cellClassifier(F.description)],
  [F.content, cellClassifier(F.content)],
] as const) {
  SLOTS[field] = slot;
  COMPUTES[field] = compute;
}

/** One classification per field and record, shared by the scope and overlay rules. */
function classified(ctx: RecordContext, field: FieldId): Classification | null {
  if (!ctx.has(field)) return null;
  return ctx.memo(SLOTS[field], COMPUTES[field]);
}

const EXCERPT_MAX = 30;
const SPACES = /\s+/g;
const HAS_SPACE = /\s/;
function excerpt(ctx: RecordContext, field: FieldId): string {
  const shown = ctx.display(field);
  // The usual name: short and without line breaks or runs of spaces; no need to split it into code points.
  if (shown.length <= EXCERPT_MAX && !HAS_SPACE.test(shown)) return shown;
  const s = shown.replace(SPACES, ' ');
  const chars = Array.from(s);
  return chars.length > EXCERPT_MAX ? chars.slice(0, EXCERPT_MAX).join('') + '…' : s;
}

const CLASS_LABELS: Record<Classification['class'], Message> = {
  included: { zh: '纳入', en: 'Included' },
  conditional: { zh: '经评估后可纳入', en: 'Included after assessment' },
  excluded: { zh: '不纳入', en: 'Excluded' },
  unknown: { zh: '未识别', en: 'Not recognised' },
};

function scopeText(c: Classification, lang: 'zh' | 'en'): string {
  const label = CLASS_LABELS[c.class][lang];
  if (c.entry === null) return label;
  return lang === 'zh' ? `${label}（${c.entry.item}）` : `${label} (${c.entry.itemEn})`;
}

const TABLE_CITATION = cite('wulong', '附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类');

const SCOPE_MESSAGES = {
  excluded: {
    zh: '{field}“{text}”属于不纳入信息化经费的“{item}”',
    en: '{field} "{text}" is {item}, which is not covered by informatization funds',
  },
  conditional: {
    zh: '{field}“{text}”属于“{item}”：{condition}',
    en: '{field} "{text}" is {item}: {condition}',
  },
  unknown: {
    zh: '{field}“{text}”在经费口径表中没有对应项，请人工判断是否纳入信息化经费',
    en: '{field} "{text}" matches nothing in the expense-scope table; decide by hand whether informatization funds cover it',
  },
};

function reportClass(ctx: RecordContext, field: FieldId, c: Classification, withUnknown: boolean): void {
  const e = c.entry;
  if (c.class === 'excluded' && e !== null) {
    ctx.report({ field, messageId: 'excluded', severity: 'error', citation: e.citation, params: { field: fieldLabel(field), text: excerpt(ctx, field), item: { zh: e.item, en: e.itemEn } } });
  } else if (c.class === 'conditional' && e !== null) {
    ctx.report({
      field,
      messageId: 'conditional',
      severity: 'warning',
      citation: e.citation,
      params: { field: fieldLabel(field), text: excerpt(ctx, field), item: { zh: e.item, en: e.itemEn }, condition: { zh: e.condition ?? e.rule, en: e.conditionEn ?? e.itemEn } },
    });
  } else if (c.class === 'unknown' && withUnknown) {
    ctx.report({ field, messageId: 'unknown', severity: 'info', params: { field: fieldLabel(field), text: excerpt(ctx, field) } });
  }
}

export const expenseScope = createRule({
  id: 'eligibility/expense-scope',
  category: 'eligibility',
  // Per finding: 不纳入 error, 经评估后可纳入 warning, 未识别 info (RULES.md §2).
  severity: 'error',
  description: {
    zh: '费用明细逐项对照武隆经费口径表：不纳入为错误，经评估后可纳入为警告（附条件），未识别为提示；计算“经费口径”列',
    en: 'Each expense item against the Wulong expense-scope table: excluded is an error, conditional a warning with its condition, unrecognised info; fills the expense-scope column',
  },
  appliesTo: ['expense'],
  citation: () => TABLE_CITATION,
  messages: SCOPE_MESSAGES,
  check(ctx) {
    for (let i = 0; i < EXPENSE_TEXT_FIELDS.length; i++) {
      const field = EXPENSE_TEXT_FIELDS[i];
      const c = classified(ctx, field);
      if (c === null) continue;
      ctx.compute('expenseScope', scopeText(c, ctx.lang), 'text');
      reportClass(ctx, field, c, true);
    }
  },
});

export const projectScope = createRule({
  id: 'eligibility/project-scope',
  category: 'eligibility',
  severity: 'error',
  description: {
    zh: '项目名称、简要说明（主要内容）中出现不纳入或需评估的费用项时提示；未识别不提示，以免干扰',
    en: 'Flags excluded or conditional expense items named in a project’s name or description; unrecognised text is not flagged, to avoid noise',
  },
  appliesTo: PROJECT_KINDS,
  citation: () => TABLE_CITATION,
  messages: SCOPE_MESSAGES,
  check(ctx) {
    for (let i = 0; i < PROJECT_TEXT_FIELDS.length; i++) {
      const field = PROJECT_TEXT_FIELDS[i];
      const c = classified(ctx, field);
      if (c !== null) reportClass(ctx, field, c, false);
    }
  },
});

export const outsideRegulation = createRule({
  id: 'eligibility/outside-regulation',
  category: 'eligibility',
  severity: 'warning',
  description: {
    zh: '办法本身排除的内容（武汉第三条、第十二条，莱州第二条），按各条的严重程度提示',
    en: 'Content a regulation itself excludes (Wuhan art. 3 and 12, Laizhou art. 2), at each article’s severity',
  },
  appliesTo: ALL_KINDS,
  profiles: [...REGULATION_PROFILES],
  citation: () => null,
  messages: {
    overlay: { zh: '{field}“{text}”：{reason}', en: '{field} "{text}": {reason}' },
  },
  check(ctx) {
    const fields = ctx.sheetKind === 'expense' ? EXPENSE_TEXT_FIELDS : PROJECT_TEXT_FIELDS;
    let said: string[] | null = null;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const c = classified(ctx, field);
      if (c === null || c.overlays.length === 0) continue;
      for (let j = 0; j < c.overlays.length; j++) {
        const o = c.overlays[j];
        // The same overlay in the name and the description is one problem: say it once, on the first field.
        if (said !== null && said.includes(o.id)) continue;
        (said ??= []).push(o.id);
        ctx.report({
          field,
          messageId: 'overlay',
          severity: o.severity,
          citation: o.citation,
          params: { field: fieldLabel(field), text: excerpt(ctx, field), reason: { zh: o.reason, en: o.reasonEn } },
        });
      }
    }
  },
});

export const ELIGIBILITY_RULES = [expenseScope, projectScope, outsideRegulation];
