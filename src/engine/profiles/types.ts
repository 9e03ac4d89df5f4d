// What a profile (one regulation's ruleset, resolved from its pack) is: severity overrides, thresholds, deadlines and overlays as data, each with its citation.
import type { Citation, ProfileId, Severity } from '../types';
import type { Regulation, Templates } from '../packs/registry';
import type { DeadlineSpec } from '../deadlines/spec';

/** Hundredths of 万元, as helper values/money.ts counts money (safe integers, no binary floats). */
export type Cents = number;

export interface Bound {
  cents: Cents;
  /** True when the bound itself belongs to the band (以上/以下 counting the number, （含）). */
  inclusive: boolean;
}

/** One category of RULES.md §1: an amount range, optionally restricted to upgrade projects. */
export interface ThresholdBand {
  id: string;
  min?: Bound;
  max?: Bound;
  /** Band applies only when the row says it is an upgrade (升级改造) project. */
  when?: 'upgrade';
  /** Band applies to construction projects only: not when the row says it is an O&M (运行维护) project. */
  unless?: 'maintenance';
  /**
   * The amount the band reads: by default the project amount (项目投资, else 总投资, else 批复概算); 'approved' reads
   * 批复概算 where the row has one (an article that names the approved investment, 核定投资).
   */
  basis?: 'approved';
  /** The category in words, as it goes into the approvalPath computed value. */
  zh: string;
  en: string;
  citation: Citation;
  /** When set, a row in the band also gets this finding (a band below the regulation's scope). */
  finding?: { messageId: string; severity: Severity };
}

export interface PercentLimit {
  percent: number;
  citation: Citation;
}

export interface ProfileParams {
  thresholds: ThresholdBand[];
  /** 资金调整数额 ≤ percent × 概算总投资 (pack: changeLimit). */
  changeLimit: PercentLimit | null;
  /** Whom an in-limit adjustment is filed with. */
  changeFiling: { zh: string; en: string } | null;
  /** 不增加项目总投资 (pack: adjustment.mayNotRaiseTotal): an adjustment raising the project total is not the unit's to make. */
  adjustmentMayNotRaiseTotal: Citation | null;
  /** Adjustments only before procurement (pack: adjustment.beforeProcurement). */
  adjustBeforeProcurement: Citation | null;
  /** Any adjustment needs approval, with no percentage (pack: adjustment.needsApproval). */
  adjustmentNeedsApproval: Citation | null;
  /** Cited by 调整后总投资 > 批复概算 (超概算). */
  budgetCitation: Citation | null;
  /** Cited by 已投资 > 总投资/批复概算: the article that binds construction to the approved estimate. */
  withinEstimateCitation: Citation | null;
  /**
   * Yearly O&M fee ≤ 10% of 建设总投入, said of one project class only (政务治理类): `projectClass`
   * is the class's stem as the 项目类别 / 备注 would write it.
   */
  omFeeLimit: (PercentLimit & { projectClass: string }) | null;
}

/** Severity per rule id, or 'off'. */
export type RuleSettings = Record<string, Severity | 'off'>;

/** A regulation pack resolved for the engine (or the generic profile, with no regulation). */
export interface Profile {
  id: ProfileId;
  regulation: Regulation | null;
  /** Only the rules every regulation shares run (forms, totals, the expense table): the generic profile. */
  onlyAllProfileRules: boolean;
  rules: RuleSettings;
  params: ProfileParams;
  /** The regulation's deadlines, in column order; several specs of one key: the first whose condition holds. */
  deadlines: readonly DeadlineSpec[];
  /** The compiled overlays' key for the expense classifier ('' when the regulation has none). */
  overlayKey: string;
  /** The expense-scope table, and whether it binds (the regulation's own annex) or is only a reference. */
  expenseTable: { id: string; binding: boolean };
  /** The forms its form-filling findings cite. */
  templates: Templates | null;
}
