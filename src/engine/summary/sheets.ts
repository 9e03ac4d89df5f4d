// The summary laid out as the sheets of a workbook (headers, column widths and kinds, rows) and as plain text lines; any xlsx writer can take the sheets.
import type { Lang, Severity } from '../types';
import { SEVERITY_NAME } from '../presentation';
import { FINDINGS_TABLE_HEADER } from '../findings-table';
import type { CrossFileFinding, Summary } from './build';

export type TableCellValue = string | number | null;

export interface TableColumn {
  header: string;
  /** Width in Excel's character units. */
  width: number;
  /** 'amount': a number shown with two decimals; 'date': a YYYY-MM-DD text written as a real date. */
  type: 'text' | 'number' | 'amount' | 'date';
}

/** One sheet of the summary workbook: bold frozen header row, autofilter over the table. */
export interface TableSheet {
  name: string;
  columns: TableColumn[];
  rows: TableCellValue[][];
}

/** The sheet names, zh and en (the per-severity sheets are named after the severity). */
export const SUMMARY_SHEET_NAMES: Readonly<Record<Lang, { projects: string; crossFile: string; notChecked: string }>> = {
  zh: { projects: '项目汇总', crossFile: '跨文件核对', notChecked: '不能检查的文件' },
  en: { projects: 'Projects', crossFile: 'Cross-file checks', notChecked: 'Files not checked' },
};

const H = {
  zh: {
    projects: ['文件', '工作表', '行', '建设单位', '项目名称', '项目投资/总投资（万元）', '审批/管理路径', '错误', '警告', '提示', '已核实/同意', '跨文件问题', '下一期限', '期限类型', '是否逾期'],
    file: '文件',
    unit: '建设单位',
    cross: ['严重程度', '核对项', '建设单位', '项目名称', '说明', '文件1', '单元格1', '值1', '文件2', '单元格2', '值2', '其他位置'],
    notChecked: ['文件', '轮次', '情况', '原因'],
    yes: '是',
    no: '否',
    round: { current: '本轮', previous: '上一轮' },
    status: { unusable: '无法读取', skipped: '未检查' },
    crossKind: {
      'cross/amount-mismatch': '申报与进度总投资不一致',
      'cross/approved-mismatch': '申报与进度批复概算不一致',
      'cross/name-several-units': '同名项目多个单位申报',
      'cross/invested-decreased': '已投资比上一轮减少',
      'cross/progress-stalled': '建设进度未推进',
    },
    crossTitle: '跨文件核对',
  },
  en: {
    projects: ['File', 'Sheet', 'Row', 'Unit (建设单位)', 'Project (项目名称)', 'Investment / total (10k yuan)', 'Approval path', 'Errors', 'Warnings', 'Info', 'Verified/approved', 'Cross-file issues', 'Next deadline', 'Deadline', 'Overdue'],
    file: 'File',
    unit: 'Unit',
    cross: ['Severity', 'Check', 'Unit', 'Project', 'Details', 'File 1', 'Cell 1', 'Value 1', 'File 2', 'Cell 2', 'Value 2', 'Other places'],
    notChecked: ['File', 'Round', 'Status', 'Reason'],
    yes: 'yes',
    no: 'no',
    round: { current: 'this round', previous: 'previous round' },
    status: { unusable: 'cannot be read', skipped: 'not checked' },
    crossKind: {
      'cross/amount-mismatch': 'Total investment differs (declaration vs progress)',
      'cross/approved-mismatch': 'Approved estimate differs (declaration vs progress)',
      'cross/name-several-units': 'Same project name, several units',
      'cross/invested-decreased': 'Invested to date went down',
      'cross/progress-stalled': 'Progress has not moved',
    },
    crossTitle: 'Cross-file checks',
  },
};

function cols(headers: string[], widths: number[], types: TableColumn['type'][] = []): TableColumn[] {
  return headers.map((header, i) => ({ header, width: widths[i] ?? 12, type: types[i] ?? 'text' }));
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

/**
 * The summary workbook's sheets: 项目汇总, one per severity (错误 / 警告 / 提示), 跨文件核对 and 不能检查的文件 (English
 * names with lang 'en'). Rows keep the summary's order of action.
 */
export function summarySheets(summary: Summary, lang: Lang = summary.lang): TableSheet[] {
  const h = H[lang];
  const names = SUMMARY_SHEET_NAMES[lang];
  const sheets: TableSheet[] = [];
  sheets.push({
    name: names.projects,
    columns: cols(h.projects, [28, 14, 6, 24, 30, 14, 30, 7, 7, 7, 10, 10, 12, 22, 9], [
      'text', 'text', 'number', 'text', 'text', 'amount', 'text', 'number', 'number', 'number', 'number', 'number', 'date', 'text', 'text',
    ]),
    rows: summary.projects.map((p) => [
      p.file,
      p.sheet,
      p.row,
      p.unit,
      p.project,
      p.amount,
      p.approvalPath,
      p.errors,
      p.warnings,
      p.info,
      p.waivers,
      p.crossFile,
      p.nextDeadline,
      p.deadlineKind,
      p.nextDeadline === null ? '' : p.overdue ? h.yes : h.no,
    ]),
  });
  for (const sev of SEVERITY_ORDER) {
    sheets.push({
      name: SEVERITY_NAME[lang][sev],
      columns: cols(findingsHeader(lang), [28, 14, 8, 24, 30, 60, 50, 30]),
      rows: summary.findings.filter((f) => f.severity === sev).map((f) => [f.file, f.sheet, f.cell, f.unit, f.project, f.message, f.citation, f.waiver]),
    });
  }
  sheets.push({
    name: names.crossFile,
    columns: cols(h.cross, [8, 22, 24, 30, 70, 28, 8, 14, 28, 8, 14, 40]),
    rows: summary.crossFile.map((c) => {
      const [a, b, ...rest] = c.places;
      const at = (p: typeof a) => (p ? `${p.sheet}!${p.cell}` : '');
      return [
        SEVERITY_NAME[lang][c.severity],
        h.crossKind[c.id],
        c.unit,
        c.project,
        c.message,
        a ? fileLabel(a.file, a.round, lang) : '',
        at(a),
        a?.value ?? '',
        b ? fileLabel(b.file, b.round, lang) : '',
        at(b),
        b?.value ?? '',
        rest.map((p) => `${fileLabel(p.file, p.round, lang)} ${p.sheet}!${p.cell}（${p.value}）`).join(lang === 'zh' ? '；' : '; '),
      ];
    }),
  });
  sheets.push({
    name: names.notChecked,
    columns: cols(h.notChecked, [40, 10, 12, 80]),
    rows: summary.notChecked.map((n) => [n.file, h.round[n.round], h.status[n.status], n.reason]),
  });
  return sheets;
}

/** The findings table's own headers (the add-in's 检查结果 sheet), with file and unit added and severity left to the sheet's name. */
function findingsHeader(lang: Lang): string[] {
  const [sheet, cell, project, , problem, citation, waiver] = FINDINGS_TABLE_HEADER[lang];
  return [H[lang].file, sheet!, cell!, H[lang].unit, project!, problem!, citation!, waiver!];
}

function fileLabel(file: string, round: 'current' | 'previous', lang: Lang): string {
  if (round === 'current') return file;
  return lang === 'zh' ? `${file}（上一轮）` : `${file} (previous round)`;
}

/** The cross-file findings as text lines for the CLI's text output (a heading, then one line each); empty when none. */
export function crossFileText(findings: CrossFileFinding[], lang: Lang): string {
  if (!findings.length) return '';
  const h = H[lang];
  const lines = [`== ${h.crossTitle} ==`];
  // English text prints the severity ids, as the rest of the text report does.
  for (const c of findings) lines.push(`  ${lang === 'en' ? c.severity : SEVERITY_NAME.zh[c.severity]}  ${c.message}`);
  return lines.join('\n') + '\n';
}
