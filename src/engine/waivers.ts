// Waivers: the user's 已核实 / 经评估同意 on a finding, kept in a very hidden sheet of the workbook so every host sees them.
import type { CellValue, Finding, Lang, SheetSnapshot, Waiver, WaiverStatus, WorkbookSnapshot } from './types';
import { dayFromSerial, isoFromDay } from './values/date';

/** The very hidden sheet holding one row per waiver; never checked as data. */
export const WAIVER_SHEET = 'fundcheck_核实记录';

/** Its header row; the rows below follow it (a reader finds the columns by these words, so their order may change). */
export const WAIVER_HEADER: readonly string[] = ['工作表', '单元格', '规则', '记录时的单元格值', '状态', '理由', '姓名', '日期'];

export const WAIVER_STATUSES: readonly WaiverStatus[] = ['verified', 'approved'];

export const WAIVER_STATUS_NAME: Readonly<Record<Lang, Readonly<Record<WaiverStatus, string>>>> = {
  zh: { verified: '已核实', approved: '经评估同意' },
  en: { verified: 'Verified', approved: 'Approved after assessment' },
};

/** Said of a waiver whose cell changed since it was recorded. */
export const WAIVER_STALE_NAME: Readonly<Record<Lang, string>> = { zh: '已过期', en: 'Outdated' };

/** One row of the waiver sheet. */
export interface WaiverEntry {
  sheet: string;
  /** A1 address; '' for a sheet-level finding. */
  cell: string;
  /** Rule id of the finding (Finding.ruleId). */
  rule: string;
  /** The cell's value when the waiver was recorded, as waiverValueText gives it. */
  value: string;
  status: WaiverStatus;
  reason: string;
  by: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** One line for a waiver: status, reason, who and when; stale ones say so first. */
export function waiverText(w: Waiver, lang: Lang): string {
  const status = WAIVER_STATUS_NAME[lang][w.status];
  if (lang === 'zh') {
    const s = `${status}：${w.reason}（${w.by}，${w.date}）`;
    return w.stale ? `${WAIVER_STALE_NAME.zh}（单元格已改动）：${s}` : s;
  }
  const s = `${status}: ${w.reason} (${w.by}, ${w.date})`;
  return w.stale ? `${WAIVER_STALE_NAME.en} (cell changed since): ${s}` : s;
}

/**
 * A cell value as the waiver sheet records it. Numbers by their shortest round-trip text, so 100 and 100.0 written by
 * any tool read the same; a date is its serial, as every reader hands it over.
 */
export function waiverValueText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(v) : v;
}

/** The row written for an entry, in WAIVER_HEADER's order; the status in Chinese, as a reader of the sheet sees it. */
export function waiverRow(e: WaiverEntry): string[] {
  return [e.sheet, e.cell, e.rule, e.value, WAIVER_STATUS_NAME.zh[e.status], e.reason, e.by, e.date];
}

function statusOf(v: CellValue | undefined): WaiverStatus | null {
  const s = typeof v === 'string' ? v.trim() : '';
  for (const st of WAIVER_STATUSES) {
    if (s === st || s === WAIVER_STATUS_NAME.zh[st] || s.toLowerCase() === WAIVER_STATUS_NAME.en[st].toLowerCase()) return st;
  }
  return null;
}

function text(v: CellValue | undefined): string {
  return waiverValueText(v).trim();
}

/**
 * The entries of a waiver sheet: the first row holding 工作表 and 规则 is the header; a row without sheet, rule or a
 * known status is skipped (a reader's typing in the sheet cannot make a finding disappear by accident).
 */
export function readWaiverSheet(sheet: SheetSnapshot, date1904 = false): WaiverEntry[] {
  const rows = sheet.rows;
  let head = -1;
  const col: Record<string, number> = {};
  for (let r = 0; r < Math.min(rows.length, 10) && head < 0; r++) {
    const row = rows[r] ?? [];
    const labels = row.map((v) => (typeof v === 'string' ? v.trim() : ''));
    if (!labels.includes(WAIVER_HEADER[0]) || !labels.includes(WAIVER_HEADER[2])) continue;
    head = r;
    WAIVER_HEADER.forEach((h, i) => (col[i] = labels.indexOf(h)));
  }
  if (head < 0) return [];
  const at = (row: CellValue[], i: number) => (col[i] >= 0 ? row[col[i]] : undefined);
  const out: WaiverEntry[] = [];
  for (let r = head + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const status = statusOf(at(row, 4));
    const sheetName = text(at(row, 0));
    const rule = text(at(row, 2));
    if (!status || !sheetName || !rule) continue;
    const d = at(row, 7);
    const date = typeof d === 'number' && Number.isFinite(d) ? isoFromDay(dayFromSerial(d, date1904)) : text(d);
    out.push({
      sheet: sheetName,
      cell: text(at(row, 1)).toUpperCase().replace(/\$/g, ''),
      rule,
      value: waiverValueText(at(row, 3)),
      status,
      reason: text(at(row, 5)),
      by: text(at(row, 6)),
      date,
    });
  }
  return out;
}

/** The snapshot without its waiver sheet (what is checked) and the entries that sheet holds. */
export function splitWaivers(snapshot: WorkbookSnapshot): { data: WorkbookSnapshot; entries: WaiverEntry[] } {
  const i = snapshot.sheets.findIndex((s) => s.name === WAIVER_SHEET);
  if (i < 0) return { data: snapshot, entries: [] };
  const sheets = snapshot.sheets.slice();
  const [ws] = sheets.splice(i, 1);
  return { data: { ...snapshot, sheets }, entries: readWaiverSheet(ws, snapshot.date1904 === true) };
}

const A1 = /^([A-Z]{1,3})([1-9]\d*)$/;

function cellValue(snapshot: WorkbookSnapshot, sheet: string, cell: string): CellValue | undefined {
  const m = A1.exec(cell);
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!m || !s) return undefined;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[c - 1];
}

/** The key a waiver and a finding share: same sheet, cell and rule. */
export function waiverKey(x: { sheet: string; cell: string; rule?: string; ruleId?: string }): string {
  return `${x.sheet}\u0000${x.cell}\u0000${x.rule ?? x.ruleId ?? ''}`;
}

/**
 * Gives each finding the waiver recorded for its sheet, cell and rule (the last row wins when one is recorded twice),
 * stale when the cell's value is not the one recorded. A waiver whose finding is gone is simply not shown.
 */
export function attachWaivers(findings: Finding[], snapshot: WorkbookSnapshot, entries: readonly WaiverEntry[]): void {
  if (!entries.length) return;
  const byKey = new Map<string, WaiverEntry>();
  for (const e of entries) byKey.set(waiverKey(e), e);
  for (const f of findings) {
    const e = byKey.get(waiverKey(f));
    if (!e) continue;
    const stale = f.cell !== '' && waiverValueText(cellValue(snapshot, f.sheet, f.cell)) !== e.value;
    f.waiver = { status: e.status, reason: e.reason, by: e.by, date: e.date, stale };
  }
}

/** A finding the user assessed and whose cell has not changed since: counted apart, no longer failing a check. */
export function isWaived(f: { waiver?: Waiver }): boolean {
  return f.waiver !== undefined && !f.waiver.stale;
}
