// One workbook checked from its bytes, and the files the page downloads, with the CLI's own preflight, reader, check,
// copy writer and CSV: the page's worker runs this (its node:fs serves the dropped bytes to the preflight).
import { checkAsync } from '../engine/chunked';
import { findingsTable } from '../engine/findings-table';
import { buildSummary, projectFacts, summarySheets, type SummaryFileInput } from '../engine/summary';
import type { Lang, Notice, Report, WorkbookSnapshot } from '../engine/types';
import { annotatedCopy, isPatchable, rebuiltCopyNotice, unmarkedSheetsNotice, type InputFormat } from '../cli/annotate';
import { buildTableBook } from '../cli/copy/table-book';
import { csvHeader, formatCsvRows, type FileResult } from '../cli/format';
import { preflight } from '../cli/preflight';
import { readSpreadsheetBytes, spreadsheetFormat } from '../cli/read-bytes';
import type { WebCheckOptions } from './protocol';

/** A checked file as the worker keeps it for the downloads. */
export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  format: InputFormat;
  snapshot: WorkbookSnapshot;
  report: Report;
}

// The CLI's words for a file it cannot use (src/cli/process.ts), said the same way here.
const MSG = {
  zh: {
    format: '不是可检查的格式（可检查 .xlsx .xlsm .xls .et .ods .csv）',
    read: '无法读取工作簿',
    unread: (n: string[]) => `无法读取工作表${n.map((x) => `“${x}”`).join('、')}（文件结构异常，请在 Excel 中另存为 .xlsx 后再检查）`,
    check: '检查时出错',
    password: '工作簿设有打开密码（已加密），请取消密码后再检查',
  },
  en: {
    format: 'not a format the checker reads (it reads .xlsx .xlsm .xls .et .ods .csv)',
    read: 'cannot read the workbook',
    unread: (n: string[]) => `cannot read sheet(s) ${n.map((x) => `"${x}"`).join(', ')} (unusual file structure; save it as .xlsx in Excel and check again)`,
    check: 'error while checking',
    password: 'the workbook is password-protected (encrypted); remove the password and check again',
  },
} as const;

/** First line of an error, as the CLI prints it (process.ts's oneLine; that module would bring the file reader along). */
function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split(/\r?\n/)[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

const paren = (lang: Lang, text: string): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);

export type CheckOutcome = { ok: true; file: CheckedFile; ms: { preflight: number; read: number; check: number } } | { ok: false; error: string };

/**
 * Preflight (`path` is where node:fs finds the bytes), read, check. A file that cannot be used gives one plain reason,
 * as the CLI's line for it. Every copy the page offers of an .xls/.et/.ods/.csv is rebuilt, so the report carries the
 * CLI's notice saying what such a copy lacks. Null when `signal` stopped the check.
 */
export async function checkWorkbookBytes(
  input: { name: string; path: string; bytes: Uint8Array },
  options: WebCheckOptions,
  onProgress: (stage: 'read' | 'check', done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<CheckOutcome | null> {
  const { lang } = options;
  const format = spreadsheetFormat(input.name);
  if (!format) return { ok: false, error: MSG[lang].format };
  const tp = now();
  const pre = preflight(input.path, format);
  if (!pre.ok) return { ok: false, error: lang === 'zh' ? pre.message : pre.messageEn };
  onProgress('read', 0, 1);
  const t0 = now();
  let loaded;
  try {
    loaded = readSpreadsheetBytes(input.bytes, input.name);
  } catch (err) {
    if (/password|encrypt/i.test(oneLine(err))) return { ok: false, error: MSG[lang].password };
    return { ok: false, error: `${MSG[lang].read}${paren(lang, oneLine(err))}` };
  }
  if (loaded.unreadSheets.length) return { ok: false, error: MSG[lang].unread(loaded.unreadSheets) };
  const t1 = now();
  let report: Report;
  try {
    report = await checkAsync(
      loaded.snapshot,
      { asOf: options.asOf, profile: options.profile, lang, ...(options.regulations?.length ? { regulations: options.regulations } : {}) },
      { onProgress: (done, total) => onProgress('check', done, total), sliceMs: 200, ...(signal ? { signal } : {}) },
    );
  } catch (err) {
    if (signal?.aborted) return null;
    return { ok: false, error: `${MSG[lang].check}${paren(lang, oneLine(err))}` };
  }
  if (!isPatchable(loaded.format)) report.notices.push(rebuiltCopyNotice(loaded.format, lang));
  const file: CheckedFile = { name: input.name, bytes: input.bytes, format: loaded.format, snapshot: loaded.snapshot, report };
  return { ok: true, file, ms: { preflight: t0 - tp, read: t1 - t0, check: now() - t1 } };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export interface DownloadFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** Notices the download added to the file's report (a sheet the copy could not mark). */
  notices?: Notice[];
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIME = 'text/csv;charset=utf-8';

function stem(name: string): string {
  return name.replace(/\.[^./\\]*$/, '');
}

/** The annotated copy, as the CLI's --out writes it; named so it never takes the original's name in Downloads. */
export function copyDownload(f: CheckedFile, lang: Lang): DownloadFile {
  const copy = annotatedCopy({ input: f.bytes, format: f.format, snapshot: f.snapshot, report: f.report, lang });
  const ext = isPatchable(f.format) ? `.${f.format}` : '.xlsx';
  const name = `${stem(f.name)}${lang === 'zh' ? '-已标注' : '-marked'}${ext}`;
  const mime = f.format === 'xlsm' ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : XLSX_MIME;
  const out: DownloadFile = { name, mime, bytes: copy.bytes };
  if (copy.unmarked.length > 0) out.notices = [unmarkedSheetsNotice(copy.unmarked, lang)];
  return out;
}

/** The CLI's --format csv for these results (one header, then each file's lines; unusable files get their line). */
export function csvDownload(results: FileResult[], lang: Lang, name: string): DownloadFile {
  let text = csvHeader(lang);
  for (const r of results) text += formatCsvRows(r, lang);
  return { name, mime: CSV_MIME, bytes: new TextEncoder().encode(text) };
}

/** The 检查结果 workbook: findingsTable's rows on one sheet, written like the summary (bold frozen header, widths, filter). */
export function tableDownload(f: CheckedFile, lang: Lang): DownloadFile {
  const table = findingsTable(f.report, lang);
  const widths = [16, 8, 28, 8, 60, 48, 20];
  const bytes = buildTableBook([
    {
      name: lang === 'zh' ? '检查结果' : 'Findings',
      columns: table.header.map((header, i) => ({ header, width: widths[i] ?? 16, type: 'text' as const })),
      rows: table.rows,
    },
  ]);
  return { name: `${stem(f.name)}${lang === 'zh' ? '-检查结果' : '-findings'}.xlsx`, mime: XLSX_MIME, bytes };
}

/** One file as the reviewer's summary takes it: its report and project facts, or why it could not be checked. */
export function summaryInput(name: string, f: CheckedFile | undefined, error: string | undefined): SummaryFileInput {
  if (!f) return { file: name, error: error ?? '' };
  return { file: name, report: f.report, facts: projectFacts(f.snapshot, f.report) };
}

/** 汇总: the CLI's --summary workbook for the files given (src/engine/summary builds it, table-book writes it). */
export function summaryDownload(files: SummaryFileInput[], asOf: string, lang: Lang): DownloadFile {
  const summary = buildSummary({ asOf, lang, files });
  return { name: lang === 'zh' ? 'fundcheck-汇总.xlsx' : 'fundcheck-summary.xlsx', mime: XLSX_MIME, bytes: buildTableBook(summarySheets(summary, lang)) };
}
