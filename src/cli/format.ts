// Renders check results as readable text, a stable JSON document, or CSV that Excel opens safely.
import { citationText } from '../engine/regulations';
import { computedValues } from '../engine/computed';
import { uncheckedSheets } from '../engine/rules/coverage';
import { isWaived, waiverText } from '../engine/waivers';
import { SEVERITIES, SEVERITY_NAME } from '../engine/presentation';
import type { Citation, Finding, Lang, Report, Severity, SheetKind } from '../engine/types';
import type { ProjectFact } from '../engine/summary';

/** One checked file: its report, or why it could not be used. */
export interface FileResult {
  /** The path as the user will recognise it (relative to the working directory when inside it). */
  file: string;
  report?: Report;
  /** One-line reason the file was unusable. */
  error?: string;
  /**
   * Why a file found in a folder was not checked (a lock file, .xlsb, .numbers…): listed in every output, without
   * affecting the exit code.
   */
  skipped?: string;
  /** Where the annotated copy was written. */
  outPath?: string;
  /** The project rows a --summary needs (what crosses from a worker thread instead of the workbook). */
  facts?: ProjectFact[];
}

export type OutputFormat = 'text' | 'json' | 'csv';

const L = {
  zh: {
    severity: SEVERITY_NAME.zh,
    kind: {
      declaration: '申报表',
      'progress-table': '进度台账',
      'progress-form': '进度情况表（表单）',
      expense: '费用明细',
      unknown: '未识别',
    } as Record<SheetKind, string>,
    regulation: '适用办法',
    generic: '通用规则（未识别出适用办法）',
    detected: '自动识别',
    chosen: '指定',
    asOf: '基准日期',
    sheet: (n: string) => `工作表「${n}」`,
    headerRow: (r: number) => `表头第 ${r} 行`,
    counts: (e: number, w: number, i: number) => `错误 ${e}，警告 ${w}，提示 ${i}`,
    row: (r: number) => `第 ${r} 行`,
    sheetLevel: '整表',
    workbookLevel: '整个工作簿',
    noFindings: '未发现问题',
    computed: (n: number) => `计算列写入 ${n} 个值`,
    unusable: '无法检查',
    notChecked: '未检查',
    annotated: '已写出标注副本',
    total: (files: number, bad: number, skipped = 0) => {
      const parts = [bad ? `${bad} 个无法检查` : '', skipped ? `${skipped} 个未检查` : ''].filter(Boolean);
      return `共 ${files} 个文件${parts.length ? `（其中 ${parts.join('，')}）` : ''}`;
    },
    unmapped: (cols: { column: string; header: string }[]) => `未用到的列：${cols.map((c) => `${c.column}“${c.header}”`).join('、')}`,
    verdict: '结论',
    unchecked: (n: number) => `${n} 张工作表有数据未检查`,
    nothingChecked: '没有识别出可检查的表，未做任何检查',
    noticesToo: (n: number) => `另有 ${n} 条警告或错误提示（见上）`,
    waived: (n: number) => `另有 ${n} 个问题已核实或经评估同意（不计入上述数目）`,
    semi: '；',
    left: '左',
    csvHeader: ['文件', '工作表', '行', '单元格', '严重程度', '规则', '类别', '说明', '依据', '核实情况'],
  },
  en: {
    // English text and CSV print the severity ids themselves, which scripts filter on.
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    kind: {
      declaration: 'declaration table',
      'progress-table': 'progress ledger',
      'progress-form': 'progress report form',
      expense: 'expense detail',
      unknown: 'not recognised',
    } as Record<SheetKind, string>,
    regulation: 'Regulation',
    generic: 'generic rules (no regulation recognised)',
    detected: 'detected',
    chosen: 'chosen',
    asOf: 'reference date',
    sheet: (n: string) => `Sheet "${n}"`,
    headerRow: (r: number) => `header row ${r}`,
    counts: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s), ${i} info`,
    row: (r: number) => `Row ${r}`,
    sheetLevel: 'whole sheet',
    workbookLevel: 'whole workbook',
    noFindings: 'no problems found',
    computed: (n: number) => `${n} computed value(s) written`,
    unusable: 'cannot be checked',
    notChecked: 'not checked',
    annotated: 'annotated copy written',
    total: (files: number, bad: number, skipped = 0) => {
      const parts = [bad ? `${bad} could not be checked` : '', skipped ? `${skipped} not checked` : ''].filter(Boolean);
      return `${files} file(s)${parts.length ? ` (${parts.join(', ')})` : ''}`;
    },
    unmapped: (cols: { column: string; header: string }[]) => `Unused columns: ${cols.map((c) => `${c.column} "${c.header}"`).join(', ')}`,
    verdict: 'Verdict',
    unchecked: (n: number) => `${n} sheet(s) hold data that was not checked`,
    nothingChecked: 'no sheet was recognised; nothing was checked',
    noticesToo: (n: number) => `${n} more warning or error notice(s) above`,
    waived: (n: number) => `${n} more finding(s) verified or approved after assessment (not counted above)`,
    semi: '; ',
    left: 'L',
    csvHeader: ['file', 'sheet', 'row', 'cell', 'severity', 'ruleId', 'category', 'message', 'citation', 'waiver'],
  },
};

function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

function cite(c: Citation | null): string | null {
  return c ? citationText(c) : null;
}

function countBySeverity(items: { severity: Severity }[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of items) n[f.severity]++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// text

/** Readable summary of one workbook, in the user's language; ends with a newline. */
export function formatText(result: FileResult, lang: Lang): string {
  const t = L[lang];
  const out: string[] = [];
  out.push(`== ${result.file} ==`);
  if (result.skipped !== undefined) {
    out.push(`  ${t.notChecked}${colon(lang)}${result.skipped}`);
    return out.join('\n') + '\n';
  }
  if (!result.report) {
    out.push(`  ${t.unusable}${colon(lang)}${result.error ?? ''}`);
    return out.join('\n') + '\n';
  }
  const r = result.report;
  const how = r.profile.detected ? t.detected : t.chosen;
  const reg = r.profile.id === 'generic' ? t.generic : r.profile.regulation;
  const why = `${how}${r.profile.reason ? `${colon(lang)}${r.profile.reason}` : ''}`;
  out.push(`  ${t.regulation}${colon(lang)}${reg}${lang === 'zh' ? `（${why}）` : ` (${why})`}`);
  out.push(`  ${t.asOf}${colon(lang)}${r.asOf}`);
  for (const n of r.notices) {
    const c = cite(n.citation);
    out.push(`  [${t.severity[n.severity]}] ${n.message}${c ? `  〔${c}〕` : ''}`);
  }
  const wbLevel = r.findings.filter((f) => f.row === 0 && !f.sheet);
  for (const f of wbLevel) out.push(findingLine(f, t, '  '));

  for (const s of r.sheets) {
    const findings = r.findings.filter((f) => f.sheet === s.name);
    const n = countBySeverity(findings.filter((f) => !isWaived(f)));
    const waivedHere = findings.filter(isWaived).length;
    const parts = [t.kind[s.kind]];
    if (s.headerRow) parts.push(t.headerRow(s.headerRow));
    const head = `  ${t.sheet(s.name)}${colon(lang)}${parts.join(lang === 'zh' ? '，' : ', ')}`;
    if (s.kind === 'unknown') {
      // Its findings (the warning that its data went unchecked) follow; never "no problems found" for it.
      out.push(`${head}${s.reason ? (lang === 'zh' ? `（${s.reason}）` : ` (${s.reason})`) : ''}`);
    } else {
      out.push(`${head} — ${findings.length ? t.counts(n.error, n.warning, n.info) + (waivedHere ? `${t.semi}${t.waived(waivedHere)}` : '') : t.noFindings}`);
    }
    if (s.unmappedColumns.length) out.push(`    ${t.unmapped(s.unmappedColumns)}`);
    const sorted = findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => a.f.row - b.f.row || a.f.column.length - b.f.column.length || (a.f.column < b.f.column ? -1 : a.f.column > b.f.column ? 1 : a.i - b.i));
    let currentRow = -1;
    for (const { f } of sorted) {
      if (f.row !== currentRow) {
        currentRow = f.row;
        out.push(`    ${f.row > 0 ? t.row(f.row) : t.sheetLevel}`);
      }
      out.push(findingLine(f, t, '      '));
    }
    let computed = 0;
    for (const c of s.computedColumns) computed += c.rows.length;
    if (computed) out.push(`    ${t.computed(computed)}`);
  }
  out.push(`  ${t.verdict}${colon(lang)}${verdict(r, lang)}`);
  if (result.outPath) out.push(`  ${t.annotated}${colon(lang)}${result.outPath}`);
  return out.join('\n') + '\n';
}

function findingLine(
  f: { cell: string; severity: Severity; message: string; citation: Citation | null; waiver?: Finding['waiver'] },
  t: (typeof L)[Lang],
  indent: string,
): string {
  const c = cite(f.citation);
  const where = f.cell ? `${f.cell.padEnd(5)} ` : '';
  const line = `${indent}${where}${t.severity[f.severity]}  ${f.message}${c ? `  〔${c}〕` : ''}`;
  // The reader's assessment on its own line under the finding, in the report's language.
  return f.waiver ? `${line}\n${indent}${' '.repeat(where.length)}↳ ${waiverText(f.waiver, t === L.en ? 'en' : 'zh')}` : line;
}

/**
 * One workbook's verdict. "No problems found" only when something was checked, nothing was found, no sheet with data
 * went unchecked and no notice warns; otherwise the counts, and what was left unchecked.
 */
export function verdict(r: Report, lang: Lang): string {
  const t = L[lang];
  // Waived findings (assessed, cell unchanged) are counted apart; a stale waiver counts as none.
  const open = r.findings.filter((f) => !isWaived(f));
  const waived = r.findings.length - open.length;
  const n = countBySeverity(open);
  const unchecked = uncheckedSheets(r).length;
  const loud = r.notices.filter((x) => x.severity !== 'info').length;
  const checked = r.sheets.some((s) => s.kind !== 'unknown');
  if (r.findings.length === 0 && loud === 0) return checked ? t.noFindings : t.nothingChecked;
  const parts = [t.counts(n.error, n.warning, n.info)];
  if (waived) parts.push(t.waived(waived));
  if (unchecked) parts.push(t.unchecked(unchecked));
  if (loud) parts.push(t.noticesToo(loud));
  return parts.join(t.semi);
}

/** Closing line of a text run: totals over every workbook, and how many sheets with data went unchecked. */
export function formatTextTotals(results: FileResult[], lang: Lang): string {
  const t = L[lang];
  const all = results.flatMap((r) => r.report?.findings ?? []);
  const n = countBySeverity(all.filter((f) => !isWaived(f)));
  const waived = all.filter(isWaived).length;
  const bad = results.filter((r) => !r.report && r.skipped === undefined).length;
  const notChecked = results.filter((r) => r.skipped !== undefined).length;
  let unchecked = 0;
  for (const r of results) if (r.report) unchecked += uncheckedSheets(r.report).length;
  const tail = (waived ? `${t.semi}${t.waived(waived)}` : '') + (unchecked ? `${t.semi}${t.unchecked(unchecked)}` : '');
  return `${t.total(results.length, bad, notChecked)}${colon(lang)}${t.counts(n.error, n.warning, n.info)}${tail}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// json

export interface JsonWorkbook {
  file: string;
  profile: Report['profile'];
  notices: { id: string; severity: Severity; message: string; citation: string | null }[];
  sheets: {
    name: string;
    kind: SheetKind;
    headerRow: number | null;
    columns: Record<string, string>;
    /** Header cells of the table no field was read from (column letter and header text). */
    unmappedColumns: { column: string; header: string }[];
  }[];
  /** The engine's findings without message ids and params, the citation as one string. */
  findings: (Omit<Finding, 'messageId' | 'params' | 'citation'> & { citation: string | null })[];
  computed: { sheet: string; row: number; key: string; header: string; value: string }[];
}

export interface JsonDocument {
  asOf: string;
  workbooks: JsonWorkbook[];
  /** Present only when some file could not be checked: which, and why. */
  errors?: { file: string; error: string }[];
  /** Present only when files found in a folder look like spreadsheets but were not checked: which, and why. */
  skipped?: { file: string; reason: string }[];
  /** Present only with --summary: the reviewer's summary (projects, cross-file findings, files not checked). */
  summary?: Record<string, unknown>;
}

/** The JSON shape of one report (plain data, key order fixed). */
export function toJsonWorkbook(file: string, r: Report): JsonWorkbook {
  return {
    file,
    profile: r.profile,
    notices: r.notices.map((n) => ({ id: n.id, severity: n.severity, message: n.message, citation: cite(n.citation) })),
    sheets: r.sheets.map((s) => {
      const columns: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.columns)) if (v) columns[k] = v;
      return { name: s.name, kind: s.kind, headerRow: s.headerRow, columns, unmappedColumns: s.unmappedColumns.map((u) => ({ column: u.column, header: u.header })) };
    }),
    findings: r.findings.map((f) => ({
      sheet: f.sheet,
      row: f.row,
      column: f.column,
      cell: f.cell,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      citation: cite(f.citation),
      ...(f.project !== undefined ? { project: f.project } : {}),
      ...(f.waiver ? { waiver: f.waiver } : {}),
    })),
    computed: computedValues(r).map((c) => ({ sheet: c.sheet, row: c.row, key: c.key, header: c.header, value: c.value })),
  };
}

/** The whole run as one JSON document (pretty-printed, newline-terminated). */
export function formatJson(results: FileResult[], asOf: string, summary?: Record<string, unknown>): string {
  const doc: JsonDocument = {
    asOf,
    workbooks: results.filter((r) => r.report).map((r) => toJsonWorkbook(r.file, r.report!)),
  };
  const errors = results.filter((r) => !r.report && r.skipped === undefined).map((r) => ({ file: r.file, error: r.error ?? '' }));
  if (errors.length) doc.errors = errors;
  const skipped = results.filter((r) => r.skipped !== undefined).map((r) => ({ file: r.file, reason: r.skipped! }));
  if (skipped.length) doc.skipped = skipped;
  if (summary) doc.summary = summary;
  return JSON.stringify(doc, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// csv

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: neutralised if Excel would run it as a formula, quoted per RFC 4180 when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) || s !== value ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** Header line of the CSV output (with the BOM in front). */
export function csvHeader(lang: Lang): string {
  return BOM + csvLine(L[lang].csvHeader);
}

/**
 * The CSV lines of one workbook: its notices (row and cell empty), then one line per finding. A file that could not
 * be checked is one line (rule cli/unusable, severity error), one listed as not checked too (cli/not-checked, warning).
 */
export function formatCsvRows(result: FileResult, lang: Lang): string {
  const t = L[lang];
  if (result.skipped !== undefined) return csvLine([result.file, '', '', '', t.severity.warning, 'cli/not-checked', '', `${t.notChecked}${colon(lang)}${result.skipped}`, '', '']);
  if (!result.report) return csvLine([result.file, '', '', '', t.severity.error, 'cli/unusable', '', `${t.unusable}${colon(lang)}${result.error ?? ''}`, '', '']);
  const r = result.report;
  let s = '';
  for (const n of r.notices) s += csvLine([result.file, '', '', '', t.severity[n.severity], n.id, '', n.message, cite(n.citation), '']);
  for (const f of r.findings) {
    s += csvLine([result.file, f.sheet, f.row || '', f.cell, t.severity[f.severity], f.ruleId, f.category, f.message, cite(f.citation), f.waiver ? waiverText(f.waiver, lang) : '']);
  }
  return s;
}

export { SEVERITIES };
