// The findings as a table (sheet, cell, project, severity, problem, citation, waiver): what 导出检查结果 and the CLI's findings sheet write.
import { citationText } from './regulations';
import { SEVERITY_NAME } from './presentation';
import type { Lang, Report } from './types';
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
