// The findings as a table (sheet, cell, project, severity, problem, citation, waiver): what 导出检查结果 and the CLI's findings sheet write.
import { citationText } from './regulations';
import { SEVERITY_NAME } from './presentation';
import type { Lang, Report, WorkbookSnapshot } from './types';
import { waiverText } from './waivers';

export interface FindingsTable {
  header: string[];
  rows: (string | number)[][];
}

export const FINDINGS_TABLE_HEADER: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['工作表', '单元格', '项目名称', '严重程度', '问题', '依据', '核实情况'],
  en: ['Sheet', 'Cell', 'Project', 'Severity', 'Problem', 'Citation', 'Assessment'],
};

/** One row per finding, in the report's order; empty text where a finding has no cell, project, citation or waiver. */
export function findingsTable(report: Report, lang: Lang): FindingsTable {
  const rows = report.findings.map((f) => [
    f.sheet,
    f.cell,
    f.project ?? '',
    SEVERITY_NAME[lang][f.severity],
    f.message,
    f.citation ? citationText(f.citation) : '',
    f.waiver ? waiverText(f.waiver, lang) : '',
  ]);
  return { header: [...FINDINGS_TABLE_HEADER[lang]], rows };
}

/** The sheet 导出检查结果 writes; a re-check must not take it for the user's data. */
export const FINDINGS_SHEET = '检查结果';

/** The snapshot without sheets holding an exported findings table (their first row is the table's header in zh or en). */
export function dropFindingsSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const ours = (row: readonly unknown[] | undefined) =>
    !!row && (['zh', 'en'] as const).some((l) => FINDINGS_TABLE_HEADER[l].every((h, i) => row[i] === h));
  const sheets = snapshot.sheets.filter((s) => !ours(s.rows[0]));
  return sheets.length === snapshot.sheets.length ? snapshot : { ...snapshot, sheets };
}
