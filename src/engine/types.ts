// Public contracts of the engine: the workbook snapshot it reads and the report it returns.
// Everything here is plain data so the add-in (Office.js) and the CLI (ExcelJS) can both produce and consume it.
import type { RegulationPack } from './packs/types';

/** An Excel error value such as `#REF!` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/**
 * A cell value as Excel gives it: numbers (dates are serial numbers, see `date1904`), strings, booleans,
 * error values, or null for an empty cell. For a formula cell this is the cached result (null when none).
 */
export type CellValue = number | string | boolean | CellError | null;

/** A merged area, 0-based and inclusive, relative to A1. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet. Row r / column c of the arrays is Excel cell (r+1, c+1): snapshots always start at A1. */
export interface SheetSnapshot {
  name: string;
  /** Row-major cell values; rows may be ragged or shorter than the sheet (missing = null). */
  rows: CellValue[][];
  /** Number formats aligned with `rows`; missing or null = General. */
  formats?: (string | null | undefined)[][];
  /** Formula text (without '=') aligned with `rows`, where the cell holds a formula. */
  formulas?: (string | null | undefined)[][];
  merges: MergeRange[];
  /** 0-based indices of hidden rows / columns. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

export interface WorkbookSnapshot {
  /** File or document name, used for profile detection and messages. */
  name?: string;
  sheets: SheetSnapshot[];
  /** True when the workbook uses the 1904 date system. */
  date1904?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';
export type Category =
  | 'threshold'
  | 'eligibility'
  | 'change-limit'
  | 'deadline'
  | 'consistency'
  | 'format'
  | 'completeness';
export type SheetKind = 'declaration' | 'progress-table' | 'progress-form' | 'expense' | 'unknown';
/** A regulation pack's id (a shipped pack's, or a user's), or 'generic' when no regulation applies. */
export type ProfileId = string;
export type Lang = 'zh' | 'en';

/**
 * Field keys a recognised column (table) or label (form) maps to. Names follow spec/TEMPLATES.md; the
 * last group are columns ledgers add so deadline "event recorded" checks and the Laizhou O&M rule can run.
 */
export type FieldKey =
  // declaration (001 附件1)
  | 'seq'
  | 'unit'
  | 'projectName'
  | 'description'
  | 'period'
  | 'investment'
  | 'fundFiscal'
  | 'fundLoan'
  | 'fundSelf'
  | 'fundOther'
  | 'owner'
  | 'contact'
  | 'phone'
  | 'email'
  | 'remark'
  // progress (001 附件2) form and table
  | 'reportDate'
  | 'fax'
  | 'mobile'
  | 'content'
  | 'builder'
  | 'progress'
  | 'totalInvestment'
  | 'invested'
  | 'approvedBudget'
  | 'adjustment'
  | 'adjustedTotal'
  | 'adjustmentDate'
  | 'procurementDate'
  | 'projectType'
  | 'startDate'
  | 'completionDate'
  | 'preliminaryAcceptanceDate'
  | 'acceptanceDate'
  | 'operationDate'
  | 'selfEvaluationDate'
  | 'performanceReportDate'
  | 'acceptanceApplicationDate'
  | 'standardPublishedDate'
  | 'maintenanceFee'
  // expense detail
  | 'item'
  | 'amount'
  | 'quantity'
  | 'unitPrice';

/** Keys of computed values (spec/RULES.md §4 plus approvalPath and expenseScope). */
export type ComputedKey =
  | 'approvalPath'
  | 'expenseScope'
  | 'declarationDue'
  | 'nextProgressReportDue'
  | 'annualPerformanceReportDue'
  | 'acceptanceDue'
  | 'acceptanceApplicationDue'
  | 'selfEvaluationFrom'
  | 'selfEvaluationDue'
  | 'standardPublicationDue'
  | 'freeMaintenanceUntil';

/** Header cells the checker writes end with this marker, so recognition never takes them for user columns. */
export const COMPUTED_HEADER_MARKER = '（自动）';

export interface Citation {
  /** Profile whose regulation is cited (for a template: the regulation that annexes it). */
  profile: ProfileId;
  /** Regulation title with its document number, e.g. 《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）. */
  regulation: string;
  /**
   * Article as printed, e.g. 第二十六条, or 附件 … for annex tables; for a template, the annex, its title and the field
   * or note, e.g. 附件1《六安市叶集区政务信息化项目申报表》联系电话.
   */
  article: string;
  /**
   * 'template': a form-filling check, citing the template (and field) it comes from rather than an article: the forms
   * the regulation's pack names (its own, or those it borrows) and, for expense sheets, the expense-scope table.
   * Absent for an article of the regulation.
   */
  kind?: 'template';
}

export interface Finding {
  sheet: string;
  /** Excel row number (1-based); for a form, the row of the value. 0 for workbook-level findings. */
  row: number;
  /** Column letter ('' for sheet- or workbook-level findings). */
  column: string;
  /** A1 address ('' for sheet- or workbook-level findings). */
  cell: string;
  ruleId: string;
  category: Category;
  severity: Severity;
  messageId: string;
  params: Record<string, string | number>;
  /** Message in the report's language. */
  message: string;
  citation: Citation | null;
  /** Project name of the row the finding is on (a form: the form's project), when the sheet has one. */
  project?: string;
  /** The user's recorded assessment of this finding (sheet, cell and rule match a row of the waiver sheet). */
  waiver?: Waiver;
}

export type WaiverStatus = 'verified' | 'approved';

/**
 * A finding marked 已核实 (verified) or 经评估同意 (approved after assessment), kept in the workbook's very hidden
 * sheet WAIVER_SHEET so every host sees it. Stale when the cell's value differs from the one recorded with it.
 */
export interface Waiver {
  status: WaiverStatus;
  reason: string;
  by: string;
  /** YYYY-MM-DD. */
  date: string;
  stale: boolean;
}

export interface Notice {
  id: string;
  severity: Severity;
  message: string;
  citation: Citation | null;
}

/** How a deadline stands: its event recorded → 'done', else against the reference date. */
export type ComputedStatus = 'done' | 'overdue' | 'due-soon' | 'pending';

/**
 * One computed column of a sheet and its values, as columns rather than one object per cell: a 100,000-row ledger
 * gets some 300,000 values, and a check should not cost an object each (computedValues() gives them per cell).
 */
export interface ComputedColumn {
  key: ComputedKey;
  /** Header text written above the column; ends with COMPUTED_HEADER_MARKER. */
  header: string;
  /**
   * Column letter the values go to: an existing computed column of the same header, else right of the table. '' on
   * a progress form, whose values have no column to go to.
   */
  column: string;
  /** 'date': values are YYYY-MM-DD; 'text' otherwise. */
  type: 'date' | 'text';
  /** Excel row numbers of the values, ascending, one value per row (on a form, the form's first row). */
  rows: number[];
  /** values[i] belongs in row rows[i]. */
  values: string[];
  /**
   * For a deadline, status[i] of values[i]: 'done' when the event it bounds is recorded, else how it stands against
   * the reference date. Null for columns whose values bound nothing (approval path, expense scope).
   */
  status: ComputedStatus[] | null;
  /** provisional[i]: values[i] rests on a holiday schedule the data does not hold. Null when none does. */
  provisional: boolean[] | null;
}

export interface SheetReport {
  name: string;
  kind: SheetKind;
  /** Excel row number of the (last) header row; for a form, the row of its first label; null when unknown. */
  headerRow: number | null;
  /** Field key → column letter. */
  columns: Partial<Record<FieldKey, string>>;
  /** Excel row numbers of the rows that were checked as data rows. */
  dataRows: number[];
  /** Why the sheet got its kind (shown to the user when recognition looks wrong). */
  reason: string;
  /** Header cells of the user's table that no field was read from: what the check ignored. */
  unmappedColumns: { column: string; header: string }[];
  /** Computed columns with their values, in layout order. */
  computedColumns: ComputedColumn[];
}

/** One computed value with its place: computedValues(report) flattens the columns into these. */
export interface ComputedValue {
  sheet: string;
  row: number;
  key: ComputedKey;
  header: string;
  /** Column letter the value belongs in ('' on a progress form). */
  column: string;
  /** Dates as YYYY-MM-DD; text otherwise. */
  value: string;
  type: 'date' | 'text';
  /** True when the value rests on a holiday schedule the data does not hold. */
  provisional?: boolean;
  /** See ComputedColumn.status; absent for values that bound nothing. */
  status?: ComputedStatus;
}

export interface ProfileInfo {
  id: ProfileId;
  /** Regulation title, empty for generic. */
  regulation: string;
  /** True when found from the workbook's own words, false when chosen by the user or defaulted. */
  detected: boolean;
  /** Why: the words that matched, or that nothing matched. */
  reason: string;
}

export interface Report {
  /** Reference date, YYYY-MM-DD. */
  asOf: string;
  lang: Lang;
  profile: ProfileInfo;
  notices: Notice[];
  sheets: SheetReport[];
  findings: Finding[];
}

export interface SheetOverride {
  kind?: SheetKind;
  /** Excel row number of the (last) header row. */
  headerRow?: number;
  /**
   * The user's reading of columns, by column letter: a field (this column holds it, whatever its header says) or
   * null (ignore this column). Tables only.
   */
  columns?: Record<string, FieldKey | null>;
}

export interface CheckOptions {
  /** Reference date YYYY-MM-DD; callers pass today's date when the user sets none. */
  asOf: string;
  profile?: ProfileId | 'auto';
  lang?: Lang;
  /** Per sheet name: the user's correction of recognition. */
  overrides?: Record<string, SheetOverride>;
  /**
   * State Council holiday schedules (放假安排) beyond the bundled data, one per year: a year given here is counted
   * by it exactly (no longer provisional), replacing any bundled days of that year. See calendar/schedule.ts.
   */
  holidays?: HolidaySchedule[];
  /**
   * Regulation packs beyond the shipped ones (loaded with packs/load.ts: `fundcheck --rules FILE`, the pane's import):
   * detected like the shipped ones and chosen by their id.
   */
  regulations?: RegulationPack[];
}

/** Days off of one festival in a year's schedule: one date, or a range from–to (inclusive), 'YYYY-MM-DD'. */
export interface HolidayEntry {
  /** The festival as the notice names it (元旦, 春节, 国庆节、中秋节…). */
  name: string;
  /** A single day off. Give either date, or from and to. */
  date?: string;
  from?: string;
  to?: string;
}

/** A make-up working day (调休上班) on a weekend. */
export interface MakeupWorkday {
  date: string;
  /** The festival it belongs to, when known. */
  name?: string;
}

/** One year's State Council holiday schedule (国务院办公厅关于YYYY年部分节假日安排的通知). */
export interface HolidaySchedule {
  year: number;
  holidays: HolidayEntry[];
  /** Make-up working days (调休上班); an empty list when the notice has none. */
  workdays: MakeupWorkday[];
  /** Where it comes from (the notice's title and number, a URL, a file name). */
  source?: string;
}
