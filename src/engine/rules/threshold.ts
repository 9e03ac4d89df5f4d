// RULES.md §1: threshold categories (approval path), values on a threshold, a band below the scope, the O&M fee cap.
import type { Lang } from '../types';
import type { Profile, ThresholdBand } from '../profiles/types';
import { exceedsPercent, formatWan, percentString } from '../values/money';
import { createRule, recordCache } from './api';
import { F } from './fields';
import type { RecordContext } from './api';
import { PROJECT_KINDS, isUpgrade, projectAmount } from './util';
import { projectClassOf, saysMaintenance } from '../deadlines/project-type';

/** The row says it is an O&M project, not a 建设项目 (cached per record: the bands and the standard deadline both ask). */
export const isMaintenanceProject: (ctx: RecordContext) => boolean = recordCache(computeMaintenance);

function computeMaintenance(ctx: RecordContext): boolean {
  return saysMaintenance(ctx.text(F.projectType), ctx.text(F.remark), ctx.text(F.projectName));
}

function inBand(b: ThresholdBand, cents: number): boolean {
  if (b.min !== undefined && (b.min.inclusive ? cents < b.min.cents : cents <= b.min.cents)) return false;
  if (b.max !== undefined && (b.max.inclusive ? cents > b.max.cents : cents >= b.max.cents)) return false;
  return true;
}

interface Banding {
  field: 'investment' | 'totalInvestment' | 'approvedBudget';
  cents: number;
  /** 批复概算 of the row, for bands that read it (basis 'approved'); null when the row has none. */
  approved: number | null;
  /** Bit i set when thresholds[i] applies. */
  mask: number;
}

/** The amount and field a band reads on a record. */
function bandAmount(band: ThresholdBand, b: Banding): number {
  return band.basis === 'approved' && b.approved !== null ? b.approved : b.cents;
}
function bandField(band: ThresholdBand, b: Banding): Banding['field'] {
  return band.basis === 'approved' && b.approved !== null ? 'approvedBudget' : b.field;
}

/** Which of the profile's bands the record falls in (cached per record: three rules read it). */
const banding: (ctx: RecordContext) => Banding | null = recordCache(computeBanding);

function computeBanding(ctx: RecordContext): Banding | null {
  const base = projectAmount(ctx);
  if (base === null) return null;
  const bands = ctx.params.thresholds;
  let mask = 0;
  let upgrade: boolean | null = null;
  let approved: number | null | undefined;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i];
    let cents = base.cents;
    if (b.basis === 'approved') {
      if (approved === undefined) approved = base.field === 'approvedBudget' ? base.cents : ctx.has(F.approvedBudget) ? ctx.amount(F.approvedBudget) : null;
      if (approved !== null) cents = approved;
    }
    if (!inBand(b, cents)) continue;
    if (b.when === 'upgrade') {
      if (upgrade === null) upgrade = isUpgrade(ctx);
      if (!upgrade) continue;
    }
    if (b.unless === 'maintenance' && isMaintenanceProject(ctx)) continue;
    mask |= 1 << i;
  }
  return { field: base.field as Banding['field'], cents: base.cents, approved: approved ?? null, mask };
}

// Joined path texts per profile, language and band set: rows repeat the same few combinations.
const PATH_CACHE = new Map<string, { zh: string[]; en: string[] }>();
function pathText(profile: Profile, lang: Lang, mask: number): string {
  let byLang = PATH_CACHE.get(profile.id);
  if (byLang === undefined) PATH_CACHE.set(profile.id, (byLang = { zh: [], en: [] }));
  const texts = byLang[lang];
  let s = texts[mask];
  if (s === undefined) {
    const parts: string[] = [];
    profile.params.thresholds.forEach((b, i) => {
      // The article goes with each category, so the path written into the sheet can be looked up.
      if (mask & (1 << i)) parts.push(lang === 'zh' ? `${b.zh}（${b.citation.article}）` : `${b.en} (${b.citation.article})`);
    });
    s = parts.join(lang === 'zh' ? '；' : '; ');
    texts[mask] = s;
  }
  return s;
}

export const approvalPath = createRule({
  id: 'threshold/approval-path',
  category: 'threshold',
  severity: 'info',
  description: {
    zh: '按项目投资所处的金额档次给出审批/管理路径（计算列），每个适用的档次都列出',
    en: 'States the approval/management path for the project amount (computed column), listing every band that applies',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'thresholds',
  citation: (p) => p.params.thresholds[0]?.citation ?? null,
  messages: {
    path: { zh: '审批/管理路径：{path}', en: 'Approval path: {path}' },
  },
  check(ctx) {
    const b = banding(ctx);
    if (b === null || b.mask === 0) return;
    ctx.compute('approvalPath', pathText(ctx.profile, ctx.lang, b.mask), 'text');
  },
});

export const onBoundary = createRule({
  id: 'threshold/on-boundary',
  category: 'threshold',
  severity: 'info',
  description: {
    zh: '金额恰好等于门槛时提示核对适用哪一档（以上/以下的含本数问题）',
    en: 'An amount exactly on a threshold: asks to confirm which side applies (whether 以上/以下 include the number)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'thresholds',
  citation: (p) => p.params.thresholds[0]?.citation ?? null,
  messages: {
    onBoundary: {
      zh: '金额{amount}万元恰好等于{bound}万元的门槛，本工具按“{side}”一档检查；条文是否包含{bound}万元本数不明确，请向主管部门确认适用哪一档',
      en: 'The amount {amount} (10k yuan) is exactly on the {bound} threshold; this check takes it as "{side}". Whether the article counts {bound} itself is unclear: confirm with the competent department which side applies',
    },
  },
  check(ctx) {
    const b = banding(ctx);
    if (b === null) return;
    const bands = ctx.params.thresholds;
    let seen = -1;
    for (let i = 0; i < bands.length; i++) {
      const band = bands[i];
      const cents = bandAmount(band, b);
      // The band that takes the bound value is the one to name (and cite).
      const bound = band.min?.cents === cents && band.min.inclusive ? band.min : band.max?.cents === cents && band.max.inclusive ? band.max : undefined;
      if (bound === undefined || seen === bound.cents) continue;
      if (!(b.mask & (1 << i))) continue;
      seen = bound.cents;
      ctx.report({
        field: bandField(band, b),
        messageId: 'onBoundary',
        params: { amount: formatWan(cents), bound: formatWan(bound.cents), side: { zh: band.zh, en: band.en } },
        citation: band.citation,
      });
    }
  },
});

export const outOfScope = createRule({
  id: 'threshold/out-of-scope',
  category: 'threshold',
  severity: 'warning',
  description: {
    zh: '金额在办法适用范围以下的项目（数据包中带 outOfScope 提示的金额档次，如列入部门预算的10万元以下项目不适用本办法）',
    en: 'Projects below the regulation’s scope (a pack’s band with an outOfScope finding, e.g. budgeted projects of 100k yuan or less)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'thresholds',
  citation: (p) => p.params.thresholds.find((b) => b.finding)?.citation ?? null,
  messages: {
    outOfScope: {
      zh: '金额{amount}万元（{band}）。请确认是否应按本办法申报',
      en: 'Amount {amount} (10k yuan): {band}. Please confirm the project belongs under these Measures',
    },
  },
  check(ctx) {
    const b = banding(ctx);
    if (b === null || b.mask === 0) return;
    const bands = ctx.params.thresholds;
    for (let i = 0; i < bands.length; i++) {
      const band = bands[i];
      if (band.finding === undefined || !(b.mask & (1 << i))) continue;
      ctx.report({
        field: b.field,
        messageId: 'outOfScope',
        params: { amount: formatWan(b.cents), band: { zh: band.zh, en: band.en } },
        severity: band.finding.severity,
        citation: band.citation,
      });
    }
  },
});

export const omFeeLimit = createRule({
  id: 'threshold/om-fee-limit',
  category: 'threshold',
  severity: 'error',
  description: {
    zh: '办法规定运维费上限时：该类项目免费运维期后每年运维费用原则上不超过建设总投入的规定比例（其他类别不适用；未写明类别的提示核对）',
    en: 'Where the regulation caps O&M fees: for that project class the yearly O&M fee after the free period should not exceed the set share of the construction investment (other classes exempt; a row that does not say asks to check)',
  },
  appliesTo: PROJECT_KINDS,
  requires: 'omFeeLimit',
  citation: (p) => p.params.omFeeLimit?.citation ?? null,
  messages: {
    overLimit: {
      zh: '年运维费用{fee}万元超过建设总投入{total}万元的{percent}%（占{share}）',
      en: 'The yearly O&M fee {fee} exceeds {percent}% of the construction investment {total} (10k yuan; it is {share})',
    },
    classUnknown: {
      zh: '年运维费用{fee}万元超过建设总投入{total}万元的{percent}%（占{share}）：若为{projectClass}类项目则超限；未写明项目类别（政务治理类/公共服务类/市场运营类），请在项目类别或备注中注明并核对',
      en: 'The yearly O&M fee {fee} exceeds {percent}% of the construction investment {total} (10k yuan; it is {share}): over the limit if this is a {projectClass} project; the project class (政务治理类/公共服务类/市场运营类) is not stated — state it under 项目类别 or 备注 and check',
    },
  },
  check(ctx) {
    const limit = ctx.params.omFeeLimit;
    if (limit === null || !ctx.has(F.maintenanceFee)) return;
    const fee = ctx.amount(F.maintenanceFee);
    if (fee === null || fee <= 0) return;
    const base = projectAmount(ctx);
    if (base === null || base.cents <= 0) return;
    if (!exceedsPercent(fee, base.cents, limit.percent)) return;
    // The cap is said of one class only (第二十九条's 政务治理类 sentence). A row that names another class is not capped; one
    // that names none may well be capped (most fiscally maintained projects are 政务治理类), so a reviewer is asked to
    // check rather than told of a breach that rests on a class the sheet does not state.
    const cls = projectClassOf(ctx.text(F.projectType), ctx.text(F.remark));
    if (cls !== null && cls !== limit.projectClass) return;
    const params = { fee: formatWan(fee), total: formatWan(base.cents), percent: limit.percent, share: percentString(fee, base.cents, 'up') };
    if (cls === null) ctx.report({ field: F.maintenanceFee, messageId: 'classUnknown', severity: 'warning', params: { ...params, projectClass: limit.projectClass } });
    else ctx.report({ field: F.maintenanceFee, messageId: 'overLimit', params });
  },
});

export const THRESHOLD_RULES = [approvalPath, onBoundary, outOfScope, omFeeLimit];
