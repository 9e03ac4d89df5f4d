// What a regulation pack is: one regulation's rules as data (thresholds, change limit, deadlines, overlays) with the text of every article it cites.
import type { ComputedKey, FieldKey, Severity } from '../types';

/** The pack format this engine reads; a pack names it so an older engine can refuse a newer pack in plain words. */
export const PACK_FORMAT = 'fundcheck-regulation-pack/1';

export interface PackText {
  zh: string;
  en: string;
}

/** An amount bound in 万元, and whether the number itself belongs to the band (以上/以下 counting the number, （含）). */
export interface PackBound {
  wan: number;
  inclusive: boolean;
}

/** One amount band of the regulation (RULES.md §1): what a project of that size must do, and the article saying so. */
export interface PackThreshold {
  id: string;
  min?: PackBound;
  max?: PackBound;
  /** Band applies only when the row says it is an upgrade (升级改造) project. */
  when?: 'upgrade';
  /** Band applies to construction projects only, not to O&M (运行维护) ones. */
  unless?: 'maintenance';
  /** 'approved': the band reads 批复概算 where the row has one (an article naming the approved investment, 核定投资). */
  basis?: 'approved';
  zh: string;
  en: string;
  article: string;
  /** A row in the band also gets this finding ('outOfScope': below the regulation's scope). */
  finding?: { messageId: 'outOfScope'; severity: Severity };
}

/** When a deadline applies to a row, beyond having its dates. */
export interface PackDeadlineCondition {
  /** The project amount (项目投资, else 总投资, else 批复概算) within these bounds; `ifUnknown` says what a row without one gets. */
  investment?: { min?: PackBound; max?: PackBound; ifUnknown: boolean };
  /** 项目类别 or 备注 contains this word (e.g. 政务治理). */
  projectClass?: string;
  /** Construction projects only: not an O&M (运行维护) project. */
  notMaintenance?: boolean;
}

interface PackDeadlineBase {
  /** Which computed column it fills; several entries for one key: the first whose condition holds. */
  key: ComputedKey;
  article: string;
}

/** N months after an event, or after the later of two events (both must have happened). */
export interface PackAfterEvent extends PackDeadlineBase {
  kind: 'afterEvent';
  after: FieldKey[];
  months: number;
  /** The field recording that the duty was done; none for a date that is only to be known. */
  event?: FieldKey;
  /** A later event that proves the duty done on or before its own date (an acceptance proves the application). */
  proof?: FieldKey;
  /** A date to know, never overdue (a window's opening, a minimum period's end). */
  informational?: boolean;
  when?: PackDeadlineCondition;
}

/** Every year end while the project is under construction (在建设期内每年年底前). */
export interface PackYearEnd extends PackDeadlineBase {
  kind: 'yearEndWhileBuilding';
  event: FieldKey;
}

/** The first N working days of each quarter's first month, for projects longer than M months or across years. */
export interface PackQuarterlyWindow extends PackDeadlineBase {
  kind: 'quarterlyWindow';
  workingDays: number;
  longerThanMonths: number;
}

/** Before a day of the year before the project's first year (每年10月份前申报下一年度项目 → month 9, day 30). */
export interface PackBeforeProjectYear extends PackDeadlineBase {
  kind: 'beforeProjectYear';
  month: number;
  day: number;
  /** The articles a late declaration cites (the cut-off, and the one saying what a late one needs). */
  lateArticle?: string;
}

export type PackDeadline = PackAfterEvent | PackYearEnd | PackQuarterlyWindow | PackBeforeProjectYear;

/**
 * Something the regulation itself excludes or restricts (不得新建机房…), found in expense items and project texts by
 * the expense lexicon's concepts: any one condition set fires it (each set: every group needs one of its concepts).
 */
export interface PackOverlay {
  id: string;
  article: string;
  severity: Severity;
  when: string[][][];
  /** Concepts whose presence keeps it silent (涉密). */
  unless?: string[];
  /** Silent when the item is a system named after what the overlay is about (打印机管理系统 is no printer). */
  notForSystems?: boolean;
  /** What it means for the row and what to do. */
  reason: PackText;
  /**
   * The article's words, quoted after the reason. The zh quote must be in the article's text (parts joined by ……
   * each found in it, in order); the en is its translation.
   */
  quote?: PackText;
}

/** A printed form whose labels form-filling findings cite (附件1 申报表, 附件2 进度情况表). */
export interface PackTemplate {
  /** As cited: 附件1《…申报表》. Must be one of the pack's annex texts. */
  title: string;
  /** Printed label per field, cited after the title. */
  fields: Partial<Record<FieldKey, string>>;
}

export interface RegulationPack {
  format: typeof PACK_FORMAT;
  /** Lower-case letters, digits and '-': how `--profile` and saved choices name it. */
  id: string;
  /** The place, as a menu and a message name it: 武汉 / Wuhan. */
  name: PackText;
  /** The title as cited, with its document number: 《…办法》（…〔2022〕47号）. */
  title: PackText;
  /** The issuing number (文号) as printed, e.g. 叶政办〔2020〕19号; null when the published text has none. */
  documentNumber?: string | null;
  /** Where the text was taken from (a file name, an address and the day it was read). Never read by the checker. */
  source: { document?: string; url?: string; retrieved?: string; note?: string };
  /** First and last day in force (YYYY-MM-DD, null when the text gives none), and the article that says so. */
  inForce: { from: string | null; to: string | null; article: string };
  /** Words that tell a workbook is under this regulation: place names in titles, unit names, file names. */
  detect: string[];
  /** Severity per rule id, or 'off' (a form's own instruction is an error where the form is the regulation's). */
  rules?: Record<string, Severity | 'off'>;
  thresholds?: PackThreshold[];
  /** 资金调整 ≤ percent × 概算总投资, the article, and whom an in-limit adjustment is filed with. */
  changeLimit?: { percent: number; article: string; filing: PackText };
  adjustment?: {
    /** An adjustment raising the project total is not the unit's to make (不增加项目总投资). */
    mayNotRaiseTotal?: string;
    /** Adjustments only before procurement. */
    beforeProcurement?: string;
    /** Any adjustment needs approval (no percentage). */
    needsApproval?: string;
  };
  /** Cited when 调整后总投资 exceeds 批复概算 (超概算). */
  budgetArticle?: string;
  /** Cited when 已投资 exceeds the estimate: the article binding construction to the approved estimate. */
  withinEstimateArticle?: string;
  /** Yearly O&M fee ≤ percent of the construction total, for one project class (its stem as 项目类别 writes it). */
  omFeeLimit?: { percent: number; article: string; projectClass: string };
  deadlines?: PackDeadline[];
  overlays?: PackOverlay[];
  /**
   * The expense-scope table the regulation uses: `binding` when it is the regulation's own (its 附件), else the
   * table is shown as a reference only, one severity milder. Absent: the built-in table, as a reference.
   */
  expenseTable?: { id: string; binding: boolean };
  /** The forms form-filling findings cite: this pack's own, or another pack's by id (the forms it borrows). */
  templates?: { declaration?: PackTemplate; progress?: PackTemplate } | { from: string };
  /** The text of each article (第八条) and annex (附件1《…》) it cites, as published. */
  articles: Record<string, string>;
}
