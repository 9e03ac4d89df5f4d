// RULES.md §2: the Wulong expense-scope table over expense rows and project names/descriptions (binding for Wulong, a
// reference elsewhere), plus each regulation's own scope articles as overlays.
import { F } from './fields';
import type { FieldId } from './fields';
import { classifyExpense } from '../expense';
import { classifyScope, classifyScopeCell } from '../expense/classify';
import type { ScopeVerdict } from '../expense/classify';
import { createRule, recordCache } from './api';
import type { Message, RecordContext } from './api';
import { ALL_KINDS, PROJECT_KINDS, fieldLabel } from './util';
import { EXPENSE_TABLE_REFERENCE, FEE_TABLE, SCOPE_TABLE, type ScopeEntry } from '../packs/expense-table';
import type { Citation } from '../types';
import type { Profile } from '../profiles/types';

type Classification = ScopeVerdict;

/** Fields whose text is classified: the expense item, or a project's name and description. */
const PROJECT_TEXT_FIELDS: FieldId[] = [F.projectName, F.description, F.content];
const EXPENSE_TEXT_FIELDS: FieldId[] = [F.item];

// Expense items repeat down a ledger, so they go through classifyExpense and its cache. A string cell is classified
// as typed: the spaces normalised text drops still part Latin words (Dell PC).
function itemClassification(field: FieldId): (ctx: RecordContext) => Classification | null {
  return (ctx) => {
    const text = ctx.text(field);
    if (text === '') return null;
    const v = ctx.raw(field);
    return classifyExpense(typeof v === 'string' ? v : text, ctx.profile.overlayKey);
  };
}

// Names and descriptions hardly ever repeat: they skip the cache and the matched words no rule reads, and a string
// cell is classified straight from the cell (classifyScopeCell equals classifyScope of the cell, null when ctx.text
// is empty) without building the normalised text.
function cellClassification(field: FieldId): (ctx: RecordContext) => Classification | null {
  return (ctx) => {
    const v = ctx.raw(field);
    if (typeof v === 'string') return classifyScopeCell(v, ctx.profile.overlayKey);
    const text = ctx.text(field);
    return text === '' ? null : classifyScope(text, ctx.profile.overlayKey);
  };
}

// By field id: the classification of each classified field, cached per record (the scope and overlay rules share it).
const CLASSIFIED: ((ctx: RecordContext) => Classification | null)[] = [];
CLASSIFIED[F.item] = recordCache(itemClassification(F.item));
for (const field of PROJECT_TEXT_FIELDS) CLASSIFIED[field] = recordCache(cellClassification(field));

/** One classification per field and record, shared by the scope and overlay rules. */
function classified(ctx: RecordContext, field: FieldId): Classification | null {
  if (!ctx.has(field)) return null;
  return CLASSIFIED[field](ctx);
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

const TABLE_CITATION = FEE_TABLE;

// The table binds the regulation whose pack says so (its own 附件); under any other it is only a reference, and its
// citation says so.
const REFERENCE_NOTE = '（参照，不是本项目所适用办法的规定）';
const referenceOf = (c: Citation): Citation => Object.freeze({ ...c, article: c.article + REFERENCE_NOTE });
const TABLE_REFERENCE = referenceOf(TABLE_CITATION);
const REFERENCE_CITATIONS = new Map<ScopeEntry, Citation>(SCOPE_TABLE.map((e) => [e, referenceOf(e.citation)]));

const bindsTable = (profile: Profile): boolean => profile.expenseTable.binding;

const REFERENCE_ZH = EXPENSE_TABLE_REFERENCE.zh;
const REFERENCE_EN = EXPENSE_TABLE_REFERENCE.en;

const SCOPE_MESSAGES = {
  excluded: {
    zh: '{field}“{text}”属于不纳入信息化经费的“{item}”',
    en: '{field} "{text}" is {item}, which is not covered by informatization funds',
  },
  conditional: {
    zh: '{field}“{text}”属于“{item}”：{condition}；请核实是否满足，并在说明或备注中写明依据',
    en: '{field} "{text}" is {item}: {condition}; check that it qualifies and give the grounds in the description or remark',
  },
  excludedReference: {
    zh: REFERENCE_ZH + '{field}“{text}”属于不纳入信息化经费的“{item}”',
    en: REFERENCE_EN + '{field} "{text}" is {item}, which it does not cover with informatization funds',
  },
  conditionalReference: {
    zh: REFERENCE_ZH + '{field}“{text}”属于“{item}”：{condition}；请核实是否满足，并在说明或备注中写明依据',
    en: REFERENCE_EN + '{field} "{text}" is {item}: {condition}; check that it qualifies and give the grounds in the description or remark',
  },
  unknown: {
    zh: '{field}“{text}”在经费口径表中没有对应项，请人工判断是否纳入信息化经费',
    en: '{field} "{text}" matches nothing in the expense-scope table; decide by hand whether informatization funds cover it',
  },
};

// Binding (Wulong): 不纳入 error, 经评估后可纳入 warning. As a reference: one step milder, warning and info.
function reportClass(ctx: RecordContext, field: FieldId, c: Classification, withUnknown: boolean): void {
  const e = c.entry;
  const binding = bindsTable(ctx.profile);
  if (c.class === 'excluded' && e !== null) {
    ctx.report({
      field,
      messageId: binding ? 'excluded' : 'excludedReference',
      severity: binding ? 'error' : 'warning',
      citation: binding ? e.citation : REFERENCE_CITATIONS.get(e)!,
      params: { field: fieldLabel(field), text: excerpt(ctx, field), item: { zh: e.item, en: e.itemEn } },
    });
  } else if (c.class === 'conditional' && e !== null) {
    ctx.report({
      field,
      messageId: binding ? 'conditional' : 'conditionalReference',
      severity: binding ? 'warning' : 'info',
      citation: binding ? e.citation : REFERENCE_CITATIONS.get(e)!,
      params: { field: fieldLabel(field), text: excerpt(ctx, field), item: { zh: e.item, en: e.itemEn }, condition: { zh: e.condition ?? e.rule, en: e.conditionEn ?? e.itemEn } },
    });
  } else if (c.class === 'unknown' && withUnknown && c.overlays.length === 0) {
    // Where the regulation's own article speaks (新建机房 under 武汉第十二条) its finding says what to do.
    ctx.report({ field, messageId: 'unknown', severity: 'info', params: { field: fieldLabel(field), text: excerpt(ctx, field) } });
  }
}

export const expenseScope = createRule({
  id: 'eligibility/expense-scope',
  category: 'eligibility',
  // Per finding: 不纳入 error, 经评估后可纳入 warning, 未识别 info (RULES.md §2); one step milder where the table is a reference.
  severity: 'error',
  description: {
    zh: '费用明细逐项对照经费口径表：该表为办法自身附件时，不纳入为错误、经评估后可纳入为警告（附条件）；其他办法下该表仅作参照，分别为警告、提示；未识别为提示；计算“经费口径”列',
    en: 'Each expense item against the expense-scope table: where the table is the regulation’s own annex, excluded is an error and conditional a warning with its condition; elsewhere it is a reference (warning, info); unrecognised is info; fills the expense-scope column',
  },
  appliesTo: ['expense'],
  citation: (profile) => (bindsTable(profile) ? TABLE_CITATION : TABLE_REFERENCE),
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
  citation: (profile) => (bindsTable(profile) ? TABLE_CITATION : TABLE_REFERENCE),
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
    zh: '办法本身排除或限制的内容（各办法数据包的 overlays，如不得新建机房、专网），按各条的严重程度提示',
    en: 'Content a regulation itself excludes or restricts (its pack’s overlays, e.g. no new machine rooms or private networks), at each article’s severity',
  },
  appliesTo: ALL_KINDS,
  requires: 'regulation',
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
