// What a profile (one regulation's ruleset) is: severity overrides plus thresholds as data, each with its citation.
import type { Citation, ProfileId, Severity } from '../types';
import type { RegulationId } from '../regulations';

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
  /** When set, a row in the band also gets this finding (yeji ≤ 10: outside the regulation's scope). */
  finding?: { messageId: string; severity: Severity };
}

export interface PercentLimit {
  percent: number;
  citation: Citation;
}

export interface ProfileParams {
  thresholds: ThresholdBand[];
  /** 资金调整数额 ≤ percent × 概算总投资 (wuhan 第十九条, wulong 第二十六条, laizhou 第十九条). */
  changeLimit: PercentLimit | null;
  /** Whom an in-limit adjustment is filed with. */
  changeFiling: { zh: string; en: string } | null;
  /** wulong 第二十六条 不增加项目总投资: an adjustment raising the project total is not the unit's to make. */
  adjustmentMayNotRaiseTotal: Citation | null;
  /** laizhou 第十九条: adjustments only before procurement. */
  adjustBeforeProcurement: Citation | null;
  /** yeji 第二十条: any adjustment needs 区政府 approval and 备案. */
  adjustmentNeedsApproval: Citation | null;
  /** Cited by 调整后总投资 > 批复概算 (超概算). */
  budgetCitation: Citation | null;
  /** Cited by 已投资 > 总投资/批复概算: the article that binds construction to the approved estimate. */
  withinEstimateCitation: Citation | null;
  /**
   * laizhou 第二十九条: yearly O&M fee ≤ 10% of 建设总投入, said of one project class only (政务治理类): `projectClass`
   * is the class's stem as the 项目类别 / 备注 would write it.
   */
  omFeeLimit: (PercentLimit & { projectClass: string }) | null;
}

/** Severity per rule id, or 'off'. */
export type RuleSettings = Record<string, Severity | 'off'>;

export interface ProfileDefinition {
  id: ProfileId | 'common';
  extends?: 'common';
  regulation: RegulationId | null;
  /**
   * When true only rules without a `profiles` list run (RULES.md "all": form, consistency and the expense table);
   * the generic profile sets it.
   */
  onlyAllProfileRules?: boolean;
  rules?: RuleSettings;
  params?: Partial<ProfileParams>;
}

/** A profile with `extends` resolved: what the engine and rules see. */
export interface Profile {
  id: ProfileId;
  regulation: RegulationId | null;
  onlyAllProfileRules: boolean;
  rules: RuleSettings;
  params: ProfileParams;
}
