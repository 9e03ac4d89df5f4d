// The rule API: rules declare metadata and messages and report by field; the engine attaches places, text and severity.
import type { CellValue, Category, Citation, ComputedKey, ComputedStatus, FieldKey, Lang, Severity, SheetKind, SheetSnapshot, WorkbookSnapshot } from '../types';
import type { Profile, ProfileParams } from '../profiles/types';
import type { Recognition } from '../recognize';
import type { FieldId, FieldRef } from './fields';
import { F } from './fields';
import type { AmountResult } from '../values/amount';
import type { Cents } from '../values/money';
import type { DayNumber, parseDate } from '../values/date';
import type { parsePeriod } from '../values/period';

export type DateResult = ReturnType<typeof parseDate>;
export type PeriodResult = ReturnType<typeof parsePeriod>;
export type ParsedPeriod = Extract<PeriodResult, { ok: true }>;
export type { AmountResult, Cents, DayNumber, FieldId, FieldRef };

/** A message in both languages; `{name}` placeholders are filled from the finding's params. */
export interface Message {
  zh: string;
  en: string;
}

/** A param is plain, or a pair the engine picks the report's language from (field labels, category texts). */
export type ParamValue = string | number | Message;
export type Params = Record<string, ParamValue>;

export interface ReportInput {
  /** Field the finding is about: the engine turns it into the cell's column (and, on forms, row). */
  field?: FieldRef;
  messageId: string;
  params?: Params;
  /** Overrides the rule's default severity (a profile's override still wins). */
  severity?: Severity;
  /** Overrides the rule's citation (e.g. a deadline's own article). */
  citation?: Citation | null;
}

/** One record: a table row, or the whole of a form. Accessors parse lazily and cache per record. */
export interface RecordContext {
  readonly profile: Profile;
  readonly params: ProfileParams;
  readonly asOf: DayNumber;
  readonly lang: Lang;
  readonly sheetKind: SheetKind;
  readonly sheetName: string;
  /** 0-based rows of the sheet's totals rows (合计/小计), which are not records. */
  readonly totalsRows: readonly number[];
  readonly date1904: boolean;
  /** 0-based sheet row of the record (forms: the first form row). */
  readonly row: number;
  // Accessors take a field by key ('projectName') or by id (F.projectName): an id skips the key's lookup, which
  // counts in a check run on every record; a list of keys is resolved once per sheet with fieldsOnSheet.
  /** The field has a column (table) or a label (form) on this sheet. */
  has(field: FieldRef): boolean;
  /** The cell value; null when the field is absent or the cell empty. */
  raw(field: FieldRef): CellValue;
  /** Normalised text (NFKC, no whitespace), '' when empty: for matching. */
  text(field: FieldRef): string;
  /** Text as shown (trimmed), for messages and length counts. */
  display(field: FieldRef): string;
  /** Formula text when the cell holds a formula. */
  formula(field: FieldRef): string | null;
  /** True when the cell is empty (or blank text) and holds no formula. */
  isEmpty(field: FieldRef): boolean;
  amountResult(field: FieldRef): AmountResult | null;
  /** Amount in 万元 cents (column unit applied), or null when absent/unreadable. */
  amount(field: FieldRef): Cents | null;
  dateResult(field: FieldRef): DateResult | null;
  date(field: FieldRef): DayNumber | null;
  periodResult(field: FieldRef): PeriodResult | null;
  period(field: FieldRef): ParsedPeriod | null;
  /** Fields mapped on this sheet (columns or form labels); 'amount' / 'date': only the money / date fields. */
  fields(group?: 'amount' | 'date'): readonly FieldId[];
  /** True when the sheet snapshot carries any formula text (lets formula checks skip clean sheets). */
  readonly hasFormulas: boolean;
  /** The engine's side of recordCache (rules call what recordCache returns, not this). */
  memo<T>(slot: number, compute: (ctx: RecordContext) => T): T;
  /** The engine's side of sheetState (rules call what sheetState returns, not this). */
  sheetMemo<T>(slot: number, init: () => T): T;
  report(input: ReportInput): void;
  compute(key: ComputedKey, value: string, type: 'date' | 'text', provisional?: boolean, status?: ComputedStatus): void;
}

// Slots are small integers, so the engine keeps cached values in plain arrays: two array reads per lookup, no hashing.
let slots = 0;
function memoSlot(): number {
  return slots++;
}

/**
 * A per-record cache: `const projectAmount = recordCache(computeProjectAmount)` at module level, then
 * `projectAmount(ctx)` in any rule computes once per record however many rules ask (and again on the next record).
 */
export function recordCache<T>(compute: (ctx: RecordContext) => T): (ctx: RecordContext) => T {
  const slot = memoSlot();
  return (ctx) => ctx.memo(slot, compute);
}

/**
 * Per-sheet state shared across records and a row rule's `after` hook: `const seen = sheetState(() => new Names())`
 * at module level, then `seen(ctx)` is the same object for every record of a sheet and a fresh one on the next sheet.
 */
export function sheetState<T>(init: () => T): (ctx: RecordContext | SheetContext) => T {
  const slot = memoSlot();
  return (ctx) => ctx.sheetMemo(slot, init);
}

/**
 * The fields of a list that a sheet has, resolved once per sheet: `const summed = fieldsOnSheet(SUMMED_FIELDS)` at
 * module level, then `summed(ctx)` gives their ids, in list order, for every record of the sheet without looking a key
 * up again.
 */
export function fieldsOnSheet(keys: readonly FieldKey[]): (ctx: RecordContext) => readonly FieldId[] {
  const resolved = sheetState((): { ids: FieldId[] | null } => ({ ids: null }));
  return (ctx) => {
    const st = resolved(ctx);
    if (st.ids === null) st.ids = keys.map((k) => F[k]).filter((id) => ctx.has(id));
    return st.ids;
  };
}

export interface SheetReportInput extends ReportInput {
  /** 0-based sheet row; omitted → a sheet-level finding (row 0, no cell). */
  row?: number;
  /** 0-based column, with `row`, for a finding about a place no field names (where a sheet's data starts). */
  col?: number;
}

export interface SheetContext {
  readonly profile: Profile;
  readonly params: ProfileParams;
  readonly asOf: DayNumber;
  readonly lang: Lang;
  readonly sheet: SheetSnapshot;
  readonly recognition: Recognition;
  readonly kind: SheetKind;
  readonly dataRows: readonly number[];
  readonly totalsRows: readonly number[];
  /** The field has a column (table) or a label (form). */
  hasField(field: FieldRef): boolean;
  /** Fields mapped on this sheet (columns or form labels). */
  fields(): readonly FieldId[];
  sheetMemo<T>(slot: number, init: () => T): T;
  /** Position the shared record accessor on a 0-based sheet row and return it (valid until the next call). */
  record(row: number): RecordContext;
  report(input: SheetReportInput): void;
}

export interface WorkbookNoticeInput {
  messageId: string;
  params?: Params;
  severity?: Severity;
  citation?: Citation | null;
}

export interface WorkbookContext {
  readonly profile: Profile;
  readonly asOf: DayNumber;
  readonly lang: Lang;
  readonly snapshot: WorkbookSnapshot;
  readonly sheets: readonly { sheet: SheetSnapshot; recognition: Recognition }[];
  notice(input: WorkbookNoticeInput): void;
}

interface RuleMetaInput {
  id: string;
  category: Category;
  /** Default severity. */
  severity: Severity;
  /** What the rule checks, for documentation. */
  description: Message;
  /** Sheet kinds it runs on (ignored by workbook rules). */
  appliesTo: SheetKind[];
  /**
   * What the regulation must provide for the rule to run (a change limit, deadlines…); omitted = every profile,
   * including generic (RULES.md "all"). Rules switch on by what a pack holds, never by which place it is.
   */
  requires?: Requirement;
  citation: (profile: Profile) => Citation | null;
  messages: Record<string, Message>;
}

export interface RowRuleInput extends RuleMetaInput {
  scope?: 'row';
  check(ctx: RecordContext): void;
  /**
   * Runs once after the row pass, for what only the whole sheet can tell (a name repeated rows apart): state the
   * checks gathered with sheetMemo is still there. Findings give their `row`; they sort among the row findings.
   */
  after?(ctx: SheetContext): void;
}
export interface SheetRuleInput extends RuleMetaInput {
  scope: 'sheet';
  /** 'before' the row pass (e.g. missing columns) or 'after' it (totals, duplicates); default 'after'. */
  phase?: 'before' | 'after';
  check(ctx: SheetContext): void;
}
export interface WorkbookRuleInput extends RuleMetaInput {
  scope: 'workbook';
  check(ctx: WorkbookContext): void;
}

export type RowRule = RowRuleInput & { scope: 'row' };
export type SheetRule = SheetRuleInput;
export type WorkbookRule = WorkbookRuleInput;
export type Rule = RowRule | SheetRule | WorkbookRule;

const ID = /^(threshold|eligibility|change-limit|deadline|consistency|format|completeness|profile)\/[a-z0-9-]+$/;

/** Declares a rule (ESLint-module style). Validates the metadata once, at module load. */
export function createRule(def: RowRuleInput): RowRule;
export function createRule(def: SheetRuleInput): SheetRule;
export function createRule(def: WorkbookRuleInput): WorkbookRule;
export function createRule(def: RowRuleInput | SheetRuleInput | WorkbookRuleInput): Rule {
  if (!ID.test(def.id)) throw new Error(`rule id ${def.id} must read category/name`);
  if (Object.keys(def.messages).length === 0) throw new Error(`rule ${def.id} has no messages`);
  for (const [k, m] of Object.entries(def.messages)) {
    if (!m.zh || !m.en) throw new Error(`rule ${def.id} message ${k} needs zh and en`);
  }
  return { ...def, scope: def.scope ?? 'row' } as Rule;
}

/** What a rule can require of a regulation, in words (for the rule list) and as a test on its profile. */
export const REQUIREMENTS = {
  regulation: { zh: '任一办法', en: 'any regulation', holds: () => true },
  thresholds: { zh: '办法规定了金额档次', en: 'the regulation sets amount bands', holds: (p: Profile) => p.params.thresholds.length > 0 },
  changeLimit: { zh: '办法规定了资金调整比例', en: 'the regulation sets a change limit', holds: (p: Profile) => p.params.changeLimit !== null },
  adjustBeforeProcurement: { zh: '办法规定只能在采购前调整', en: 'the regulation allows adjustments before procurement only', holds: (p: Profile) => p.params.adjustBeforeProcurement !== null },
  adjustmentNeedsApproval: { zh: '办法规定调整一律须报批', en: 'the regulation requires approval for any adjustment', holds: (p: Profile) => p.params.adjustmentNeedsApproval !== null },
  adjustmentMayNotRaiseTotal: { zh: '办法规定调整不得增加总投资', en: 'the regulation forbids adjustments raising the total', holds: (p: Profile) => p.params.adjustmentMayNotRaiseTotal !== null },
  omFeeLimit: { zh: '办法规定了运维费比例上限', en: 'the regulation caps the yearly O&M fee', holds: (p: Profile) => p.params.omFeeLimit !== null },
  deadlines: { zh: '办法规定了期限', en: 'the regulation sets deadlines', holds: (p: Profile) => p.deadlines.length > 0 },
  quarterlyReports: { zh: '办法规定按季度报送进度', en: 'the regulation requires quarterly progress reports', holds: (p: Profile) => p.deadlines.some((d) => d.kind === 'quarterlyWindow') },
  declarationCutoff: { zh: '办法规定了申报截止', en: 'the regulation sets a declaration cut-off', holds: (p: Profile) => p.deadlines.some((d) => d.kind === 'beforeProjectYear') },
} as const satisfies Record<string, { zh: string; en: string; holds: (p: Profile) => boolean }>;
export type Requirement = keyof typeof REQUIREMENTS;

/** Whether a rule runs under a profile (the generic profile runs only rules that require nothing). */
export function ruleRunsIn(rule: Rule, profile: Profile): boolean {
  if (profile.rules[rule.id] === 'off') return false;
  if (rule.requires === undefined) return true;
  if (profile.onlyAllProfileRules) return false;
  return REQUIREMENTS[rule.requires].holds(profile);
}
