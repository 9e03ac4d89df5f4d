// Task pane UI strings in Chinese (default) and English; report text itself comes from the engine.
import type { Category, Lang, Severity, SheetKind } from '../engine/types';
import { SEVERITY_NAME } from '../engine/presentation';

export interface UiStrings {
  lang: Lang;
  /** A YYYY-MM-DD date as the language writes it in a sentence (2026年5月20日). */
  date: (iso: string) => string;
  appTitle: string;
  languageToggle: string;
  languageToggleLabel: string;
  profile: string;
  profileAuto: string;
  /** The generic profile's name (no regulation recognised); regulations are named by the registry. */
  profileGeneric: string;
  detectedProfile: (name: string, reason: string) => string;
  chosenProfile: (name: string, reason: string) => string;
  asOf: string;
  /** Under an emptied 基准日期: the date that will be used. */
  asOfEmpty: (today: string) => string;
  asOfUsed: (date: string) => string;
  /** After a language switch: the notes already in the sheet keep the language they were written in. */
  notesInOtherLanguage: string;
  profileMismatch: (chosen: string, chosenCount: number, others: { name: string; count: number }[]) => string;
  check: string;
  /** The group of the main buttons. */
  actions: string;
  cancel: string;
  clear: string;
  /** What 清除标记 removes and what it keeps, shown before it does anything. */
  clearExplain: string;
  clearConfirm: string;
  clearKeep: string;
  fillComputed: string;
  checkHint: string;
  phaseRead: string;
  phaseCheck: string;
  phaseWrite: string;
  phaseClear: string;
  progressLabel: string;
  cancelled: string;
  checkedStatus: (findings: number, marked: number) => string;
  /** Status after a check that recognised no sheet: never "0 problems". */
  checkedNothingStatus: (uncheckedSheets: number) => string;
  /** After 填写期限列: deadline dates and other computed values (审批/管理路径) are counted apart. */
  filledStatus: (dates: number, others: number, marked: number) => string;
  clearedStatus: (restored: number) => string;
  staleNotice: string;
  liveMode: string;
  noAnnotations: string;
  /** This Excel cannot say whether the workbook uses the 1904 date system. */
  dateSystemUnknown: string;
  overridesChanged: string;
  errors: {
    read: string;
    check: string;
    write: string;
    clear: string;
    select: string;
    loadSettings: string;
    saveSettings: string;
    unknown: string;
  };
  tabs: { label: string; findings: string; deadlines: string; sheets: string; count: (tab: string, n: number) => string };
  severityNames: Record<Severity, string>;
  categoryNames: Record<Category, string>;
  kindNames: Record<SheetKind, string>;
  kindAuto: string;
  summary: string;
  bySeverity: string;
  /** The severity counts, which are filter buttons. */
  bySeverityFilter: string;
  countFilterHint: (severity: string) => string;
  countFilterNote: string;
  /** Full-width colon in Chinese text, ": " in English. */
  colon: string;
  navigation: string;
  positionNone: (total: number) => string;
  listKeysHint: string;
  /** The group of the 只看逾期 and group-by-project toggles. */
  triage: string;
  overdueOnly: (count: number) => string;
  groupByProject: string;
  noProjectName: string;
  /** Between the per-severity counts of a project heading. */
  listSeparator: string;
  byCategory: string;
  filterSeverity: string;
  filterCategory: string;
  all: string;
  noFindings: string;
  /** In place of noFindings when no sheet was recognised. */
  nothingChecked: string;
  /** In place of noFindings when a notice warns (a rule failed, the regulation is out of force). */
  noFindingsButNotices: string;
  /** Summary line: sheets holding data that was not checked. */
  uncheckedSheets: (names: string[]) => string;
  /** Badge on such a sheet in the sheet list. */
  uncheckedBadge: string;
  unmappedColumns: (cols: { column: string; header: string }[]) => string;
  /** Column mapping: the user reads a column as a field, or ignores it. */
  columnMapping: string;
  columnMappingHint: string;
  columnLabel: (column: string, header: string) => string;
  columnAuto: string;
  columnIgnore: string;
  fieldLabel: (zh: string, en: string) => string;
  showMore: (remaining: number) => string;
  noFindingsFiltered: string;
  notChecked: string;
  previous: string;
  next: string;
  position: (index: number, total: number) => string;
  rowLabel: (row: number) => string;
  workbookLevel: string;
  sheetLevel: string;
  findingAria: (sheet: string, cell: string, severity: string, message: string) => string;
  citation: string;
  sheetsHeading: string;
  sheetKind: string;
  headerRow: string;
  headerRowHint: string;
  reason: string;
  noSheets: string;
  deadlinesHeading: string;
  deadlineSection: Record<'overdue' | 'soon' | 'later' | 'passed' | 'done', (n: number) => string>;
  deadlineGroupCount: (n: number) => string;
  expand: string;
  collapse: string;
  /** A deadline clicked before 填写期限列: its cell is still empty. */
  deadlineNotFilled: (kind: string, cell: string) => string;
  noDeadlines: string;
  overdueBy: (days: number) => string;
  dueIn: (days: number) => string;
  dueToday: string;
  deadlineDone: string;
  passedBy: (days: number) => string;
  provisional: string;
  project: string;
  notices: string;
}

/** 2026-05-20 → 2026年5月20日 (Chinese text never shows an ISO date); anything else is left as it is. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const zh: UiStrings = {
  lang: 'zh',
  date: zhDate,
  appTitle: '政务信息化项目资金检查',
  languageToggle: 'English',
  languageToggleLabel: 'Switch to English',
  profile: '适用办法',
  profileAuto: '自动识别',
  profileGeneric: '通用（未识别地区）',
  detectedProfile: (name, reason) => `已识别为：${name}（${reason}）`,
  chosenProfile: (name, reason) => `使用：${name}（${reason}）`,
  asOf: '基准日期',
  asOfEmpty: (today) => `未填写：按今天（${today}）计算`,
  asOfUsed: (date) => `基准日期：${date}`,
  notesInOtherLanguage: '工作表中的批注仍是英文：再点一次“检查”即改写为中文。',
  profileMismatch: (chosen, n, others) =>
    `所选办法“${chosen}”可能与工作簿不符：工作簿中提到${others.map((o) => `“${o.name}”${o.count} 处`).join('、')}，${n > 0 ? `提到“${chosen}”仅 ${n} 处` : `没有提到“${chosen}”`}。请核对适用办法，或改回“自动识别”。`,
  check: '检查',
  actions: '操作',
  cancel: '取消',
  clear: '清除标记',
  clearExplain:
    '将去掉本工具加上的单元格颜色和批注，单元格恢复原来的填充色；您自己的颜色和批注不动。已填写的期限列和审批/管理路径列保留。',
  clearConfirm: '清除颜色和批注',
  clearKeep: '不清除',
  fillComputed: '填写期限列',
  checkHint: '点击“检查”开始。检查进行中可点“取消”停止。',
  phaseRead: '正在读取工作簿…',
  phaseCheck: '正在检查…',
  phaseWrite: '正在标记单元格…',
  phaseClear: '正在清除标记…',
  progressLabel: '进度',
  cancelled: '已取消。',
  checkedStatus: (findings, marked) => `检查完成：发现 ${findings} 个问题，已标记 ${marked} 个单元格。`,
  checkedNothingStatus: (n) =>
    `检查完成：没有识别出可检查的表，未做任何检查。${n > 0 ? `${n} 张工作表有数据未检查，已在表中标出。` : ''}`,
  filledStatus: (dates, others, marked) =>
    `已填写 ${dates} 个期限日期${others > 0 ? `和 ${others} 个审批/管理路径等其他计算值` : ''}，已标记 ${marked} 个单元格。`,
  clearedStatus: (restored) => `已清除标记：${restored} 个单元格恢复原来的填充色。`,
  staleNotice: '工作簿在检查后有改动，请重新检查。',
  liveMode: '实时检查（编辑后自动重新检查）',
  noAnnotations: '此版本 Excel 不支持批注：有问题的单元格只标颜色，说明请看本窗格。',
  dateSystemUnknown:
    '此版本 Excel 无法告知本工作簿的日期系统，日期按 1900 日期系统读取。若工作簿使用 1904 日期系统（Excel 选项“使用 1904 日期系统”），各日期和期限会早 4 年，请在 Excel 中核对后再看期限结果。',
  overridesChanged: '识别设置已更改，重新检查后生效。',
  errors: {
    read: '无法读取工作簿：',
    check: '检查时出错：',
    write: '无法在工作簿中标记问题：',
    clear: '无法清除标记：',
    select: '无法定位到该单元格：',
    loadSettings: '无法读取工作簿中保存的设置：',
    saveSettings: '无法把设置保存到工作簿：',
    unknown: '未知错误',
  },
  tabs: { label: '检查结果', findings: '问题', deadlines: '期限', sheets: '工作表', count: (tab, n) => `${tab}（${n}）` },
  severityNames: SEVERITY_NAME.zh,
  categoryNames: {
    threshold: '审批路径',
    eligibility: '经费范围',
    'change-limit': '调整限额',
    deadline: '期限',
    consistency: '一致性',
    format: '格式',
    completeness: '完整性',
  },
  kindNames: {
    declaration: '申报表',
    'progress-table': '进度情况表（多项目）',
    'progress-form': '进度情况表（单项目）',
    expense: '费用明细',
    unknown: '未识别',
  },
  kindAuto: '自动',
  summary: '汇总',
  bySeverity: '按严重程度',
  bySeverityFilter: '按严重程度筛选',
  countFilterHint: (sev) => `只看${sev}；再点一次显示全部`,
  countFilterNote: '点数字可筛选',
  colon: '：',
  navigation: '逐个查看问题',
  positionNone: (n) => `共 ${n} 个`,
  listKeysHint: '用上下方向键在问题间移动，回车定位到单元格。',
  triage: '整理问题列表',
  overdueOnly: (n) => `只看逾期 ${n}`,
  groupByProject: '按项目分组',
  noProjectName: '（未写项目名称）',
  listSeparator: '，',
  byCategory: '按类别',
  filterSeverity: '严重程度',
  filterCategory: '类别',
  all: '全部',
  noFindings: '未发现问题。',
  nothingChecked: '没有识别出可检查的表，未做任何检查。可在“工作表”中指定表格类型和表头行。',
  noFindingsButNotices: '没有单元格问题，但请看上方的警告提示。',
  uncheckedSheets: (names) => `${names.length} 张工作表有数据未检查：${names.map((n) => `“${n}”`).join('、')}。检查结果不完整。`,
  uncheckedBadge: '有数据未检查',
  unmappedColumns: (cols) => `未用到的列：${cols.map((c) => `${c.column}“${c.header}”`).join('、')}`,
  columnMapping: '列对应',
  columnMappingHint: '把未识别的列指定为某一栏，或让某列不参与检查；设置保存在工作簿中，再次检查时生效。',
  columnLabel: (column, header) => (header ? `${column}列“${header}”` : `${column}列`),
  columnAuto: '自动识别',
  columnIgnore: '不读取此列',
  fieldLabel: (zh) => zh,
  showMore: (n) => `显示更多（还有 ${n} 条）`,
  noFindingsFiltered: '没有符合筛选条件的问题。',
  notChecked: '尚未检查。',
  previous: '上一个',
  next: '下一个',
  position: (i, n) => `第 ${i} / ${n} 个`,
  rowLabel: (row) => `第 ${row} 行`,
  workbookLevel: '整个工作簿',
  sheetLevel: '整张表',
  findingAria: (sheet, cell, severity, message) => `${severity}：${sheet}${cell ? ' ' + cell : ''}，${message}`,
  citation: '依据',
  sheetsHeading: '识别的工作表',
  sheetKind: '表格类型',
  headerRow: '表头行',
  headerRowHint: '留空为自动',
  reason: '识别依据',
  noSheets: '检查后显示识别结果。',
  deadlinesHeading: '期限',
  deadlineSection: {
    overdue: (n) => `已逾期，须尽快处理（${n}）`,
    soon: (n) => `30 天内到期（${n}）`,
    later: (n) => `30 天以后到期（${n}）`,
    passed: (n) => `日期已过、无需处理（${n}）`,
    done: (n) => `已完成（${n}）`,
  },
  deadlineGroupCount: (n) => `${n} 个项目同一期限`,
  expand: '展开',
  collapse: '收起',
  deadlineNotFilled: (kind, cell) =>
    `期限列还没有填写到工作表中，${cell} 单元格现在是空的。点“填写期限列”把“${kind}”等期限写入表中，再点此项定位。`,
  noDeadlines: '没有可计算的期限。',
  overdueBy: (d) => `已逾期 ${d} 天`,
  dueIn: (d) => `还有 ${d} 天`,
  dueToday: '今天到期',
  deadlineDone: '已完成',
  passedBy: (d) => `已过 ${d} 天`,
  provisional: '（节假日安排未公布，暂按周一至周五计算）',
  project: '项目',
  notices: '提示',
};

const en: UiStrings = {
  lang: 'en',
  date: (iso) => iso,
  appTitle: 'Informatization project funding check',
  languageToggle: '中文',
  languageToggleLabel: '切换到中文',
  profile: 'Regulation',
  profileAuto: 'Detect automatically',
  profileGeneric: 'Generic (no region found)',
  detectedProfile: (name, reason) => `Detected: ${name} (${reason})`,
  chosenProfile: (name, reason) => `Using: ${name} (${reason})`,
  asOf: 'Reference date',
  asOfEmpty: (today) => `Empty: today (${today}) is used`,
  asOfUsed: (date) => `Reference date: ${date}`,
  notesInOtherLanguage: 'The notes in the sheet are still in Chinese: click “Check” again to rewrite them in English.',
  profileMismatch: (chosen, n, others) =>
    `The regulation chosen, ${chosen}, may not fit this workbook: it mentions ${others.map((o) => `${o.name} ${o.count} time(s)`).join(', ')} and ${n > 0 ? `${chosen} only ${n} time(s)` : `${chosen} nowhere`}. Check the regulation, or go back to “Detect automatically”.`,
  check: 'Check',
  actions: 'Actions',
  cancel: 'Cancel',
  clear: 'Clear marks',
  clearExplain:
    'Removes the cell colours and notes this add-in added and gives each cell its own fill back; your own colours and notes stay. Filled deadline and approval-path columns stay.',
  clearConfirm: 'Clear colours and notes',
  clearKeep: 'Keep them',
  fillComputed: 'Fill deadline columns',
  checkHint: 'Click “Check” to start. While it runs, “Cancel” stops it.',
  phaseRead: 'Reading the workbook…',
  phaseCheck: 'Checking…',
  phaseWrite: 'Marking cells…',
  phaseClear: 'Clearing marks…',
  progressLabel: 'Progress',
  cancelled: 'Cancelled.',
  checkedStatus: (findings, marked) => `Check finished: ${findings} findings, ${marked} cells marked.`,
  checkedNothingStatus: (n) =>
    `Check finished: no sheet was recognised, so nothing was checked.${n > 0 ? ` ${n} sheet(s) hold data that was not checked; marked in the sheet.` : ''}`,
  filledStatus: (dates, others, marked) =>
    `Filled ${dates} deadline dates${others > 0 ? ` and ${others} other computed values (approval path …)` : ''}, marked ${marked} cells.`,
  clearedStatus: (restored) => `Marks cleared: ${restored} cells have their own fill back.`,
  staleNotice: 'The workbook changed after the check. Please check again.',
  liveMode: 'Live check (re-check after edits)',
  noAnnotations: 'This Excel cannot add notes: flagged cells are only coloured; read the explanations here.',
  dateSystemUnknown:
    'This Excel cannot tell which date system the workbook uses, so dates are read in the 1900 system. If the workbook uses the 1904 date system (Excel option "Use 1904 date system"), every date and deadline shown is 4 years early: check that option in Excel before relying on the deadlines.',
  overridesChanged: 'Recognition settings changed; they apply on the next check.',
  errors: {
    read: 'Cannot read the workbook: ',
    check: 'The check failed: ',
    write: 'Cannot mark the findings in the workbook: ',
    clear: 'Cannot clear the marks: ',
    select: 'Cannot go to that cell: ',
    loadSettings: 'Cannot read the settings saved in the workbook: ',
    saveSettings: 'Cannot save the settings to the workbook: ',
    unknown: 'unknown error',
  },
  tabs: { label: 'Results', findings: 'Findings', deadlines: 'Deadlines', sheets: 'Sheets', count: (tab, n) => `${tab} (${n})` },
  severityNames: SEVERITY_NAME.en,
  categoryNames: {
    threshold: 'Approval path',
    eligibility: 'Eligible expenses',
    'change-limit': 'Change limit',
    deadline: 'Deadline',
    consistency: 'Consistency',
    format: 'Format',
    completeness: 'Completeness',
  },
  kindNames: {
    declaration: 'Declaration',
    'progress-table': 'Progress (table)',
    'progress-form': 'Progress (form)',
    expense: 'Expense detail',
    unknown: 'Not recognised',
  },
  kindAuto: 'Automatic',
  summary: 'Summary',
  bySeverity: 'By severity',
  bySeverityFilter: 'Filter by severity',
  countFilterHint: (sev) => `Show only “${sev}”; click again to show all`,
  countFilterNote: 'click a count to filter',
  colon: ': ',
  navigation: 'Step through the findings',
  positionNone: (n) => `${n} in all`,
  listKeysHint: 'Up and Down arrows move between findings; Enter goes to the cell.',
  triage: 'Sort out the list',
  overdueOnly: (n) => `Overdue only ${n}`,
  groupByProject: 'Group by project',
  noProjectName: '(no project name)',
  listSeparator: ', ',
  byCategory: 'By category',
  filterSeverity: 'Severity',
  filterCategory: 'Category',
  all: 'All',
  noFindings: 'No findings.',
  nothingChecked: 'No sheet was recognised, so nothing was checked. Set the sheet kind and header row under “Sheets”.',
  noFindingsButNotices: 'No cell findings, but read the warnings above.',
  uncheckedSheets: (names) => `${names.length} sheet(s) hold data that was not checked: ${names.map((n) => `"${n}"`).join(', ')}. The result is incomplete.`,
  uncheckedBadge: 'data not checked',
  unmappedColumns: (cols) => `Unused columns: ${cols.map((c) => `${c.column} "${c.header}"`).join(', ')}`,
  columnMapping: 'Column mapping',
  columnMappingHint: 'Read an unrecognised column as a field, or leave a column out of the check; kept in the workbook, used on the next check.',
  columnLabel: (column, header) => (header ? `Column ${column} "${header}"` : `Column ${column}`),
  columnAuto: 'Automatic',
  columnIgnore: 'Ignore this column',
  fieldLabel: (zh, en) => `${en} (${zh})`,
  showMore: (n) => `Show more (${n} left)`,
  noFindingsFiltered: 'No findings match the filters.',
  notChecked: 'Not checked yet.',
  previous: 'Previous',
  next: 'Next',
  position: (i, n) => `${i} of ${n}`,
  rowLabel: (row) => `Row ${row}`,
  workbookLevel: 'Whole workbook',
  sheetLevel: 'Whole sheet',
  findingAria: (sheet, cell, severity, message) => `${severity}: ${sheet}${cell ? ' ' + cell : ''}, ${message}`,
  citation: 'Source',
  sheetsHeading: 'Recognised sheets',
  sheetKind: 'Sheet kind',
  headerRow: 'Header row',
  headerRowHint: 'empty = automatic',
  reason: 'Why',
  noSheets: 'Recognition results appear after a check.',
  deadlinesHeading: 'Deadlines',
  deadlineSection: {
    overdue: (n) => `Overdue: act now (${n})`,
    soon: (n) => `Due within 30 days (${n})`,
    later: (n) => `Due in more than 30 days (${n})`,
    passed: (n) => `Past dates, nothing to do (${n})`,
    done: (n) => `Done (${n})`,
  },
  deadlineGroupCount: (n) => `${n} projects share this deadline`,
  expand: 'show them',
  collapse: 'hide them',
  deadlineNotFilled: (kind, cell) =>
    `The deadline columns are not in the sheet yet: cell ${cell} is empty. “Fill deadline columns” writes “${kind}” and the other deadlines there; then click this item again.`,
  noDeadlines: 'No deadlines could be computed.',
  overdueBy: (d) => `${d} days overdue`,
  dueIn: (d) => `due in ${d} days`,
  dueToday: 'due today',
  deadlineDone: 'done',
  passedBy: (d) => `${d} days ago`,
  provisional: ' (holiday schedule not published yet; Monday–Friday assumed)',
  project: 'Project',
  notices: 'Notices',
};

export const STRINGS: Record<Lang, UiStrings> = { zh, en };

/** Office display language (e.g. zh-CN, en-US) → UI language; Chinese unless the display language is English. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'zh';
}
