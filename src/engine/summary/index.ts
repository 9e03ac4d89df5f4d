// A reviewer's summary across many workbooks (pure: no file access), for the command line's --summary and the web page.
export { projectFacts } from './facts';
export type { FactCell, ProjectFact, ProjectSheetKind } from './facts';
export { buildSummary, matchKey } from './build';
export type { CrossFileFinding, CrossFileId, CrossPlace, FindingRow, NotCheckedRow, ProjectRow, Summary, SummaryFileInput, SummaryInput } from './build';
export { SUMMARY_SHEET_NAMES, crossFileText, summarySheets } from './sheets';
export type { TableCellValue, TableColumn, TableSheet } from './sheets';
