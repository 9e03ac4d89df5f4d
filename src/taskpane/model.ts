// Pure view-model helpers for the task pane: ordering, filtering and counting findings, and the deadline list.
import type { Category, CellValue, ComputedKey, Finding, Report, Severity, WorkbookSnapshot } from '../engine/types';
import { computedValues } from '../engine/computed';
import { SEVERITIES, SEVERITY_RANK } from '../engine/presentation';

export { SEVERITIES };
export const CATEGORIES: readonly Category[] = [
  'threshold',
  'eligibility',
  'change-limit',
  'deadline',
  'consistency',
  'format',
  'completeness',
];

/** Column letters → 0-based index ('A' → 0, 'AA' → 26); -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Findings in reading order: workbook-level first, then sheets in workbook order, rows top to bottom,
 * columns left to right, errors before warnings before info within one cell. Navigation follows this order.
 */
export function orderFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetRank = new Map<string, number>();
  sheetOrder.forEach((s, i) => sheetRank.set(s, i));
  const rankOf = (f: Finding) => (f.sheet === '' ? -1 : sheetRank.get(f.sheet) ?? sheetOrder.length);
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        rankOf(a.f) - rankOf(b.f) ||
        a.f.row - b.f.row ||
        columnIndex(a.f.column) - columnIndex(b.f.column) ||
        SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

export interface FindingFilter {
  severity: Severity | 'all';
  category: Category | 'all';
  /** Only the findings of OVERDUE_RULE (只看逾期). */
  overdueOnly?: boolean;
  /** Group by project: the list, and so next/previous, follows projectGroups' order. */
  byProject?: boolean;
}

/** The rule whose findings 只看逾期 keeps. */
export const OVERDUE_RULE = 'deadline/overdue';

/** The findings that pass the filter, in the order the list shows them and navigation follows. */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  const kept = findings.filter(
    (f) =>
      (filter.severity === 'all' || f.severity === filter.severity) &&
      (filter.category === 'all' || f.category === filter.category) &&
      (!filter.overdueOnly || f.ruleId === OVERDUE_RULE),
  );
  return filter.byProject ? projectGroups(kept).flatMap((g) => g.findings) : kept;
}

export interface ProjectGroup {
  /** The project's name; '' with `sheet` set for findings of a whole sheet, '' and '' for those without a project. */
  project: string;
  /** Set only for the findings of a whole sheet (or '' of the whole workbook), which are grouped under the sheet. */
  sheet: string | null;
  findings: Finding[];
  counts: Record<Severity, number>;
  /** Holds an error or an overdue finding: such groups come first. */
  urgent: boolean;
}

/**
 * Ordered findings grouped by project (a row's 项目名称; findings of a whole sheet under the sheet; the rest under
 * "no project name"), keeping their order inside a group; groups holding errors or overdue findings first, then in
 * the order their first finding has (sheet order).
 */
export function projectGroups(ordered: readonly Finding[]): ProjectGroup[] {
  const byKey = new Map<string, ProjectGroup>();
  const groups: ProjectGroup[] = [];
  for (const f of ordered) {
    const project = f.project?.trim() ?? '';
    const sheet = project === '' && f.row === 0 ? f.sheet : null;
    const key = sheet !== null ? `sheet\u0000${sheet}` : `project\u0000${project}`;
    let g = byKey.get(key);
    if (!g) {
      g = { project, sheet, findings: [], counts: { error: 0, warning: 0, info: 0 }, urgent: false };
      byKey.set(key, g);
      groups.push(g);
    }
    g.findings.push(f);
    g.counts[f.severity]++;
    if (f.severity === 'error' || f.ruleId === OVERDUE_RULE) g.urgent = true;
  }
  // Array.prototype.sort is stable: equal urgency keeps the order of first appearance.
  return groups.sort((a, b) => Number(b.urgent) - Number(a.urgent));
}

export interface FindingGroup {
  sheet: string;
  rows: { row: number; findings: Finding[] }[];
}

/** Groups already ordered findings by sheet, then by row, keeping their order. */
export function groupFindings(ordered: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const f of ordered) {
    let g = groups[groups.length - 1];
    if (!g || g.sheet !== f.sheet) {
      g = { sheet: f.sheet, rows: [] };
      groups.push(g);
    }
    let r = g.rows[g.rows.length - 1];
    if (!r || r.row !== f.row) {
      r = { row: f.row, findings: [] };
      g.rows.push(r);
    }
    r.findings.push(f);
  }
  return groups;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function countByCategory(findings: readonly Finding[]): Partial<Record<Category, number>> {
  const out: Partial<Record<Category, number>> = {};
  for (const f of findings) out[f.category] = (out[f.category] ?? 0) + 1;
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days from `from` to `to` (both YYYY-MM-DD); NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return NaN;
  const ta = Date.UTC(+a[1], +a[2] - 1, +a[3]);
  const tb = Date.UTC(+b[1], +b[2] - 1, +b[3]);
  return Math.round((tb - ta) / 86_400_000);
}

export interface DeadlineEntry {
  sheet: string;
  row: number;
  cell: string;
  /** Which deadline (its computed column). */
  key: ComputedKey;
  header: string;
  date: string;
  /** Days from the reference date to the deadline; negative when overdue. */
  days: number;
  overdue: boolean;
  /** The event the deadline bounds is recorded: no longer upcoming. */
  done: boolean;
  projectName: string | null;
  provisional: boolean;
}

function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

/**
 * Every computed date of the report, overdue ones first (most overdue first), then the rest soonest first.
 * The project name is read from the snapshot's 项目名称 column when the sheet has one.
 */
export function upcomingDeadlines(report: Report, snapshot: WorkbookSnapshot | null): DeadlineEntry[] {
  const nameColumn = new Map<string, number>();
  for (const s of report.sheets) {
    const col = s.columns.projectName;
    if (col) nameColumn.set(s.name, columnIndex(col));
  }
  const sheetRows = new Map<string, CellValue[][]>();
  for (const s of snapshot?.sheets ?? []) sheetRows.set(s.name, s.rows);

  const entries: DeadlineEntry[] = [];
  for (const c of computedValues(report)) {
    if (c.type !== 'date') continue;
    const days = daysBetween(report.asOf, c.value);
    if (Number.isNaN(days)) continue;
    const nc = nameColumn.get(c.sheet);
    const rows = sheetRows.get(c.sheet);
    const projectName = nc !== undefined && nc >= 0 && rows ? cellText(rows[c.row - 1]?.[nc]) : null;
    // The engine knows whether the event was recorded; a date alone cannot tell done from overdue.
    const done = c.status === 'done';
    entries.push({
      sheet: c.sheet,
      row: c.row,
      cell: `${c.column}${c.row}`,
      key: c.key,
      header: c.header,
      date: c.value,
      days,
      overdue: c.status !== undefined ? c.status === 'overdue' : days < 0,
      done,
      projectName,
      provisional: c.provisional === true,
    });
  }
  return entries.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(a.done) - Number(b.done) ||
      a.days - b.days ||
      a.sheet.localeCompare(b.sheet) ||
      a.row - b.row,
  );
}

/** Where a deadline stands for the clerk: what needs action comes first. */
export type DeadlineState = 'overdue' | 'soon' | 'later' | 'passed' | 'done';
export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'soon', 'later', 'passed', 'done'];
/** "Due soon": within this many days of the reference date. */
export const DUE_SOON_DAYS = 30;

export function deadlineState(d: DeadlineEntry): DeadlineState {
  if (d.done) return 'done';
  if (d.overdue) return 'overdue';
  // A past date that is neither overdue nor done bounds nothing (a window that has opened).
  if (d.days < 0) return 'passed';
  return d.days <= DUE_SOON_DAYS ? 'soon' : 'later';
}

/** One kind of deadline on one date: identical deadlines (19,707 rows of one 申报截止) are one line with a count. */
export interface DeadlineGroup {
  key: ComputedKey;
  date: string;
  days: number;
  entries: DeadlineEntry[];
}

export interface DeadlineSection {
  state: DeadlineState;
  count: number;
  groups: DeadlineGroup[];
}

/**
 * The deadlines by state (overdue, due soon, later, passed, done — empty states left out), each state's deadlines
 * grouped by kind and date, the groups in date order (the most overdue first) and by kind; entries keep their order.
 */
export function groupDeadlines(entries: readonly DeadlineEntry[]): DeadlineSection[] {
  const byState = new Map<DeadlineState, Map<string, DeadlineGroup>>();
  for (const e of entries) {
    const st = deadlineState(e);
    let groups = byState.get(st);
    if (!groups) byState.set(st, (groups = new Map()));
    const k = `${e.date}|${e.key}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: e.key, date: e.date, days: e.days, entries: [] }));
    g.entries.push(e);
  }
  const out: DeadlineSection[] = [];
  for (const state of DEADLINE_STATES) {
    const groups = byState.get(state);
    if (!groups) continue;
    const list = [...groups.values()].sort((a, b) => a.days - b.days || a.key.localeCompare(b.key));
    out.push({ state, count: list.reduce((n, g) => n + g.entries.length, 0), groups: list });
  }
  return out;
}

/** The message of whatever was thrown, for showing to the user (never logged). */
export function errorMessage(e: unknown, fallback: string): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string') {
    return (e as { message: string }).message || fallback;
  }
  return fallback;
}

export function isAbortError(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError';
}

/** Lets the browser paint and handle input between phases of long work (a macrotask, not a microtask). */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Today's date in local time as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
