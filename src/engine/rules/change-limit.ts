// RULES.md §3: adjustment limits (15% of 概算总投资), over-budget totals, Laizhou's before-procurement rule, Yeji's approval.
import { exceedsPercent, formatWan, percentString } from '../values/money';
import { isoFromDay } from '../values/date';
import { createRule } from './api';
import { F } from './fields';
import type { RecordContext } from './api';
import { PROJECT_KINDS } from './util';
import type { FieldKey } from '../types';

/** 概算总投资: 批复概算, else 总投资 (ledgers often keep only one of them). */
function budget(ctx: RecordContext): { field: FieldKey; cents: number } | null {
  const a = ctx.amount(F.approvedBudget);
  if (a !== null) return { field: 'approvedBudget', cents: a };
  const t = ctx.amount(F.totalInvestment);
  if (t !== null) return { field: 'totalInvestment', cents: t };
  return null;
}

/** The adjusted total is above 概算总投资 (批复概算, else 总投资): the first condition of every article fails (超概算). */
function overBudget(ctx: RecordContext): boolean {
  const adjusted = ctx.amount(F.adjustedTotal);
  if (adjusted === null) return false;
  const b = budget(ctx);
  return b !== null && adjusted > b.cents;
}

/**
 * A pack's adjustment.mayNotRaiseTotal (不增加项目总投资) adds: an adjusted total above the project's 总投资 raises it even while the
 * approved estimate still covers it. The 总投资 compared is the row's own (批复概算 where it has none).
 */
function raisedTotal(ctx: RecordContext): { adjusted: number; total: number; field: FieldKey } | null {
  const adjusted = ctx.amount(F.adjustedTotal);
  if (adjusted === null) return null;
  const t = ctx.amount(F.totalInvestment);
  if (t !== null) return adjusted > t ? { adjusted, total: t, field: 'totalInvestment' } : null;
  const a = ctx.amount(F.approvedBudget);
  return a !== null && adjusted > a ? { adjusted, total: a, field: 'approvedBudget' } : null;
}

/** The adjustment, or null when the row records none. */
function adjustment(ctx: RecordContext): number | null {
  if (!ctx.has(F.adjustment)) return null;
  const a = ctx.amount(F.adjustment);
  return a === null || a === 0 ? null : a;
}

export const overLimit = createRule({
  id: 'change-limit/over-15-percent',
  category: 'change-limit',
  severity: 'error',
  description: {
    zh: '资金调整数额超过概算总投资的15%，不能由建设单位自行调整（恰好15%允许）',
    en: 'An adjustment over 15% of the approved total cannot be made by the unit itself (exactly 15% is allowed)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'changeLimit',
  citation: (p) => p.params.changeLimit?.citation ?? null,
  messages: {
    overLimit: {
      zh: '资金调整数额{adjustment}万元超过概算总投资{budget}万元的{percent}%（占{share}），不能由建设单位自行调整，须按规定履行相应手续',
      en: 'The adjustment {adjustment} exceeds {percent}% of the approved total {budget} (10k yuan; it is {share}); the unit cannot make it alone and must follow the full procedure',
    },
  },
  check(ctx) {
    const limit = ctx.params.changeLimit;
    if (limit === null) return;
    const adj = adjustment(ctx);
    if (adj === null) return;
    const b = budget(ctx);
    if (b === null || b.cents <= 0) return;
    const abs = Math.abs(adj);
    if (!exceedsPercent(abs, b.cents, limit.percent)) return;
    ctx.report({
      field: F.adjustment,
      messageId: 'overLimit',
      params: { adjustment: formatWan(abs), budget: formatWan(b.cents), percent: limit.percent, share: percentString(abs, b.cents, 'up') },
    });
  },
});

export const filingRequired = createRule({
  id: 'change-limit/filing-required',
  category: 'change-limit',
  severity: 'info',
  description: {
    zh: '在办法规定比例以内的调整可由建设单位调整，但须按办法备案或申请（如须在采购前申请）',
    en: 'An adjustment within the regulation’s percentage may be made by the unit but must be filed or applied for as it says (e.g. before procurement)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'changeLimit',
  citation: (p) => p.params.changeLimit?.citation ?? null,
  messages: {
    filing: {
      zh: '资金调整数额{adjustment}万元未超过概算总投资的{percent}%（占{share}）：{filing}',
      en: 'The adjustment {adjustment} (10k yuan) is within {percent}% of the approved total ({share}): {filing}',
    },
  },
  check(ctx) {
    const limit = ctx.params.changeLimit;
    const filing = ctx.params.changeFiling;
    if (limit === null || filing === null) return;
    const adj = adjustment(ctx);
    if (adj === null) return;
    const b = budget(ctx);
    if (b === null || b.cents <= 0) return;
    const abs = Math.abs(adj);
    if (exceedsPercent(abs, b.cents, limit.percent)) return;
    // Within the percentage but outside another condition of the article: not the unit's to make, and the rules
    // below say so; telling the unit it may adjust and file would contradict them.
    if (overBudget(ctx)) return;
    if (ctx.params.adjustmentMayNotRaiseTotal !== null && raisedTotal(ctx) !== null) return;
    ctx.report({
      field: F.adjustment,
      messageId: 'filing',
      params: { adjustment: formatWan(abs), percent: limit.percent, share: percentString(abs, b.cents), filing },
    });
  },
});

export const afterProcurement = createRule({
  id: 'change-limit/after-procurement',
  category: 'change-limit',
  severity: 'error',
  description: {
    zh: '办法规定具体建设内容只能在采购前申请调整时：采购后调整须履行项目申报和预算调整手续',
    en: 'Where the regulation allows adjusting content only before procurement: later adjustments need a new application and budget adjustment',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'adjustBeforeProcurement',
  citation: (p) => p.params.adjustBeforeProcurement,
  messages: {
    after: {
      zh: '调整日期{adjusted}晚于采购日期{procured}：采购后不能由建设单位申请调整，须履行项目申报和预算调整手续',
      en: 'Adjusted on {adjusted}, after procurement on {procured}: the unit can no longer adjust; a new application and budget adjustment are needed',
    },
    sameDay: {
      zh: '调整日期与采购日期同为{adjusted}：调整须在采购前申请，请核对先后',
      en: 'Adjustment and procurement are both dated {adjusted}: adjustments must precede procurement; please check the order',
    },
  },
  check(ctx) {
    if (ctx.params.adjustBeforeProcurement === null) return;
    const adjusted = ctx.date(F.adjustmentDate);
    const procured = ctx.date(F.procurementDate);
    if (adjusted === null || procured === null) return;
    if (adjusted > procured) {
      ctx.report({ field: F.adjustmentDate, messageId: 'after', params: { adjusted: isoFromDay(adjusted), procured: isoFromDay(procured) } });
    } else if (adjusted === procured) {
      ctx.report({ field: F.adjustmentDate, messageId: 'sameDay', severity: 'info', params: { adjusted: isoFromDay(adjusted) } });
    }
  },
});

export const needsApproval = createRule({
  id: 'change-limit/needs-approval',
  category: 'change-limit',
  severity: 'warning',
  description: {
    zh: '办法规定调整一律须报批时（无比例限额）：调整主要建设内容须申请批准并备案',
    en: 'Where the regulation requires approval for any adjustment (no percentage allowance): a change of main content needs approval and filing',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'adjustmentNeedsApproval',
  citation: (p) => p.params.adjustmentNeedsApproval,
  messages: {
    approval: {
      zh: '该项目有调整（{what}）：须向区政府申请调整，同时向区数据资源管理局备案',
      en: 'This project was adjusted ({what}): apply to the district government and file with the District Data Resources Bureau',
    },
  },
  check(ctx) {
    if (ctx.params.adjustmentNeedsApproval === null) return;
    const adj = adjustment(ctx);
    if (adj !== null) {
      ctx.report({ field: F.adjustment, messageId: 'approval', params: { what: { zh: `调整金额${formatWan(adj)}万元`, en: `adjustment ${formatWan(adj)}` } } });
      return;
    }
    const total = ctx.amount(F.adjustedTotal);
    const b = budget(ctx);
    if (total !== null && b !== null && total !== b.cents) {
      const against = AGAINST[b.field] as { zh: string; en: string };
      ctx.report({
        field: F.adjustedTotal,
        messageId: 'approval',
        params: { what: { zh: `调整后总投资${formatWan(total)}万元，${against.zh}${formatWan(b.cents)}万元`, en: `total after adjustment ${formatWan(total)}, ${against.en} ${formatWan(b.cents)}` } },
      });
    }
  },
});

export const exceedsApprovedBudget = createRule({
  id: 'change-limit/exceeds-approved-budget',
  category: 'change-limit',
  severity: 'error',
  description: {
    zh: '调整后总投资超过批复概算（没有批复概算时与总投资比较）：超概算，各办法均不允许建设单位自行调整',
    en: 'The total after adjustment exceeds the approved budget estimate (or the total investment where there is none), which no regulation lets the unit do by itself',
  },
  appliesTo: PROJECT_KINDS,
  citation: (p) => p.params.budgetCitation,
  messages: {
    over: {
      zh: '调整后总投资{adjusted}万元超过{against}{budget}万元（超出{excess}万元），超出概算批复，不能由建设单位自行调整',
      en: 'The total after adjustment {adjusted} exceeds the {against} {budget} by {excess} (10k yuan): beyond the approved estimate, the unit cannot adjust it by itself',
    },
  },
  check(ctx) {
    const adjusted = ctx.amount(F.adjustedTotal);
    if (adjusted === null) return;
    // 概算总投资 as the change-limit rules read it: 批复概算, else 总投资 (a progress form or ledger with only 总投资).
    const b = budget(ctx);
    if (b === null || adjusted <= b.cents) return;
    ctx.report({
      field: F.adjustedTotal,
      messageId: 'over',
      params: { adjusted: formatWan(adjusted), against: AGAINST[b.field] as { zh: string; en: string }, budget: formatWan(b.cents), excess: formatWan(adjusted - b.cents) },
    });
  },
});

export const raisesTotal = createRule({
  id: 'change-limit/raises-total',
  category: 'change-limit',
  severity: 'error',
  description: {
    zh: '办法规定调整不得增加总投资时：调整后总投资高于总投资的，即使在概算和比例以内也不能由建设单位自行调整',
    en: 'Where the regulation forbids raising the total: an adjustment above the project total is not the unit’s to make, even within the estimate and percentage',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'adjustmentMayNotRaiseTotal',
  citation: (p) => p.params.adjustmentMayNotRaiseTotal,
  messages: {
    raises: {
      zh: '调整后总投资{adjusted}万元高于{against}{total}万元（增加{excess}万元）：增加项目总投资的调整不能由建设单位自行调整，须按规定履行相应手续',
      en: 'The total after adjustment {adjusted} is above the {against} {total} (up {excess}, 10k yuan): an adjustment that raises the project total is not the unit’s to make and needs the full procedure',
    },
  },
  check(ctx) {
    if (ctx.params.adjustmentMayNotRaiseTotal === null) return;
    const r = raisedTotal(ctx);
    // Above the approved estimate as well: exceeds-approved-budget already says so, with the same article.
    if (r === null || overBudget(ctx)) return;
    ctx.report({
      field: F.adjustedTotal,
      messageId: 'raises',
      params: { adjusted: formatWan(r.adjusted), against: AGAINST[r.field] as { zh: string; en: string }, total: formatWan(r.total), excess: formatWan(r.adjusted - r.total) },
    });
  },
});

const AGAINST: Partial<Record<FieldKey, { zh: string; en: string }>> = {
  totalInvestment: { zh: '总投资', en: 'total investment' },
  approvedBudget: { zh: '批复概算', en: 'approved budget' },
};

export const investedExceedsTotal = createRule({
  id: 'consistency/invested-exceeds-total',
  category: 'consistency',
  severity: 'error',
  description: {
    zh: '已投资超过总投资（没有总投资时与批复概算比较）',
    en: 'Invested to date exceeds the total investment (or the approved budget where there is no total)',
  },
  appliesTo: PROJECT_KINDS,
  citation: (p) => p.params.withinEstimateCitation,
  messages: {
    over: {
      zh: '已投资{invested}万元超过{against}{total}万元',
      en: 'Invested to date {invested} exceeds the {against} {total} (10k yuan)',
    },
  },
  check(ctx) {
    const invested = ctx.amount(F.invested);
    if (invested === null) return;
    let field: FieldKey = 'totalInvestment';
    let total = ctx.amount(F.totalInvestment);
    if (total === null && !(ctx.has(F.totalInvestment) && !ctx.isEmpty(F.totalInvestment))) {
      field = 'approvedBudget';
      total = ctx.amount(F.approvedBudget);
    }
    if (total === null || invested <= total) return;
    ctx.report({ field: F.invested, messageId: 'over', params: { invested: formatWan(invested), against: AGAINST[field] as { zh: string; en: string }, total: formatWan(total) } });
  },
});

export const CHANGE_LIMIT_RULES = [overLimit, filingRequired, afterProcurement, needsApproval, exceedsApprovedBudget, raisesTotal, investedExceedsTotal];
