// Strings of the pane additions (export, waivers, separate reversible actions, workbook result, help, articles): zh first, en second.
import type { Lang, SheetKind } from '../engine/types';

export interface AdditionStrings {
  exportButton: string;
  exportReplaceAsk: (sheet: string) => string;
  exportReplace: string;
  exportCancel: string;
  exported: (rows: number, sheet: string, replaced: boolean) => string;
  exportFailed: string;
  // waivers
  waiverButton: string;
  waiverEdit: string;
  waiverRemove: string;
  waiverTitle: string;
  waiverStatus: string;
  waiverReason: string;
  waiverReasonRequired: string;
  waiverName: string;
  waiverNameRequired: string;
  waiverSave: string;
  waiverCancel: string;
  waiverSaved: string;
  waiverRemoved: string;
  waiverFailed: string;
  waiverStale: string;
  waiverBy: (by: string, date: string) => string;
  waivedCount: (n: number) => string;
  currentFinding: string;
  // separate, reversible actions
  removeComputed: string;
  removeComputedExplain: (cells: number, columns: number) => string;
  removeComputedNone: string;
  removeComputedConfirm: string;
  removedComputed: (cells: number) => string;
  clearMarksCount: (cells: number) => string;
  undoFill: string;
  undoFillExplain: (cells: number) => string;
  undone: (cells: number) => string;
  undoNone: string;
  keep: string;
  actionFailed: string;
  // workbook result
  resultTitle: string;
  checkedSheets: string;
  notCheckedSheets: string;
  sheetLine: (name: string, kind: string, findings: number) => string;
  notCheckedLine: (name: string, reason: string) => string;
  holdsData: string;
  regulationLine: (regulation: string) => string;
  noRegulation: string;
  asOfLine: (asOf: string) => string;
  perProject: string;
  projectLine: (project: string, sheet: string, findings: number) => string;
  earlierMarks: (cells: number) => string;
  kindNames: Record<SheetKind, string>;
  // help
  helpTab: string;
  helpForms: string;
  helpFormsList: string[];
  helpButtons: string;
  helpButtonsList: string[];
  helpVersion: (v: string) => string;
  helpRegulations: string;
  inForce: (from: string | null, to: string | null) => string;
  // articles
  articleButton: string;
  articleClose: string;
  articleWhatToDo: string;
  articleMissing: string;
  articleCited: string;
}

export const ADDITION_STRINGS: Record<Lang, AdditionStrings> = {
  zh: {
    exportButton: '导出检查结果',
    exportReplaceAsk: (sheet) => `工作簿中已有工作表“${sheet}”，导出会用本次结果替换它。`,
    exportReplace: '替换并导出',
    exportCancel: '不导出',
    exported: (rows, sheet, replaced) => `已${replaced ? '替换' : '新建'}工作表“${sheet}”，写入 ${rows} 条问题（表头加粗、自动换行，可直接复制到审核意见）。`,
    exportFailed: '导出失败：',
    waiverButton: '核实…',
    waiverEdit: '修改核实',
    waiverRemove: '撤销核实',
    waiverTitle: '核实这个问题',
    waiverStatus: '核实结论',
    waiverReason: '理由',
    waiverReasonRequired: '请填写理由。',
    waiverName: '姓名',
    waiverNameRequired: '请填写姓名。',
    waiverSave: '保存',
    waiverCancel: '取消',
    waiverSaved: '已记录核实情况（保存在本工作簿中，其他人打开也能看到）。',
    waiverRemoved: '已撤销核实。',
    waiverFailed: '记录核实情况失败：',
    waiverStale: '记录后单元格已改动，请重新核实',
    waiverBy: (by, date) => `${by}，${date}`,
    waivedCount: (n) => `已核实 ${n} 个`,
    currentFinding: '当前问题',
    removeComputed: '移除计算列',
    removeComputedExplain: (cells, columns) => `将移除 ${columns} 个计算列（表头以“（自动）”结尾）中的 ${cells} 个单元格；填写时覆盖的原有内容会恢复。标记（颜色和批注）不变。`,
    removeComputedNone: '工作簿中没有计算列。',
    removeComputedConfirm: '移除计算列',
    removedComputed: (cells) => `已移除计算列：${cells} 个单元格。`,
    clearMarksCount: (cells) => `当前有 ${cells} 个单元格带有本工具的标记。`,
    undoFill: '撤销上次填写',
    undoFillExplain: (cells) => `将撤销上次检查或填写写入的内容：${cells} 个单元格恢复为填写前的颜色、批注和值（之后您自己改过的单元格不动）。`,
    undone: (cells) => `已撤销上次填写：${cells} 个单元格恢复原样。`,
    undoNone: '工作簿中没有可撤销的填写。',
    keep: '保留',
    actionFailed: '操作失败：',
    resultTitle: '整个工作簿',
    checkedSheets: '已检查的工作表',
    notCheckedSheets: '未检查的工作表',
    sheetLine: (name, kind, findings) => `${name}（${kind}）：${findings} 个问题`,
    notCheckedLine: (name, reason) => `${name}：${reason}`,
    holdsData: '（表中有数据未检查）',
    regulationLine: (regulation) => `依据：${regulation}`,
    noRegulation: '依据：未识别出适用的办法，只检查了各地通用的规则',
    asOfLine: (asOf) => `基准日期：${asOf}`,
    perProject: '各项目问题数',
    projectLine: (project, sheet, findings) => `${project}（${sheet}）：${findings} 个`,
    earlierMarks: (cells) => `本工作簿已带有之前检查留下的标记（${cells} 个单元格的批注以“【fundcheck 资金规则检查】”开头）。`,
    kindNames: { declaration: '申报表', 'progress-table': '进度情况表（台账）', 'progress-form': '进度情况表（表单）', expense: '费用明细', unknown: '未识别' },
    helpTab: '帮助',
    helpForms: '能识别的表',
    helpFormsList: [
      '申报表（附件1）：一行一个项目，含项目名称、投资、资金筹措、负责人等。',
      '进度情况表（附件2）：一个项目一张表单，或一行一个项目的台账。',
      '费用明细：费用项目与金额，按费用范围表判断是否可列支。',
    ],
    helpButtons: '各按钮会改动工作簿的什么',
    helpButtonsList: [
      '检查：读取工作簿，为有问题的单元格填充颜色并加批注；不改动任何值。',
      '填写期限列：检查并在表格右侧写入表头以“（自动）”结尾的期限、审批路径列。',
      '清除标记：只去掉本工具加的颜色和批注，恢复原有填充色。',
      '移除计算列：清空“（自动）”列，恢复填写前的内容。',
      '撤销上次填写：把上次检查或填写改动的单元格恢复原样。',
      '导出检查结果：新建（或替换）工作表“检查结果”，一行一个问题。',
      '核实：在隐藏的工作表“fundcheck_核实记录”中记下核实结论、理由、姓名和日期。',
    ],
    helpVersion: (v) => `版本 ${v}`,
    helpRegulations: '支持的办法及施行日期',
    inForce: (from, to) => (from ? `自 ${from} 起施行` : '自印发之日起施行（未载明日期）') + (to ? `，有效期至 ${to}` : ''),
    articleButton: '查看条文',
    articleClose: '关闭条文',
    articleWhatToDo: '怎么办',
    articleMissing: '本条原文暂未收录，请查阅办法全文。',
    articleCited: '引用',
  },
  en: {
    exportButton: 'Export results',
    exportReplaceAsk: (sheet) => `The workbook already has a sheet “${sheet}”; exporting replaces it with this check's results.`,
    exportReplace: 'Replace and export',
    exportCancel: 'Do not export',
    exported: (rows, sheet, replaced) => `${replaced ? 'Replaced' : 'Created'} sheet “${sheet}” with ${rows} findings (bold header, wrapped text, ready to paste into a review opinion).`,
    exportFailed: 'Export failed: ',
    waiverButton: 'Assess…',
    waiverEdit: 'Edit assessment',
    waiverRemove: 'Remove assessment',
    waiverTitle: 'Assess this finding',
    waiverStatus: 'Conclusion',
    waiverReason: 'Reason',
    waiverReasonRequired: 'Please give a reason.',
    waiverName: 'Name',
    waiverNameRequired: 'Please give your name.',
    waiverSave: 'Save',
    waiverCancel: 'Cancel',
    waiverSaved: 'Assessment recorded (kept in this workbook, so others see it too).',
    waiverRemoved: 'Assessment removed.',
    waiverFailed: 'Could not record the assessment: ',
    waiverStale: 'The cell changed since; assess it again',
    waiverBy: (by, date) => `${by}, ${date}`,
    waivedCount: (n) => `${n} assessed`,
    currentFinding: 'Selected finding',
    removeComputed: 'Remove computed columns',
    removeComputedExplain: (cells, columns) => `Removes ${cells} cells in ${columns} computed columns (headers ending in “（自动）”); what the fill overwrote comes back. Marks (colours and notes) stay.`,
    removeComputedNone: 'The workbook has no computed columns.',
    removeComputedConfirm: 'Remove computed columns',
    removedComputed: (cells) => `Computed columns removed: ${cells} cells.`,
    clearMarksCount: (cells) => `${cells} cells carry marks of this tool.`,
    undoFill: 'Undo last fill',
    undoFillExplain: (cells) => `Undoes what the last check or fill wrote: ${cells} cells get back their fill, note and value from before (cells you changed since are left alone).`,
    undone: (cells) => `Last fill undone: ${cells} cells restored.`,
    undoNone: 'There is no fill to undo in this workbook.',
    keep: 'Keep',
    actionFailed: 'The action failed: ',
    resultTitle: 'Whole workbook',
    checkedSheets: 'Sheets checked',
    notCheckedSheets: 'Sheets not checked',
    sheetLine: (name, kind, findings) => `${name} (${kind}): ${findings} findings`,
    notCheckedLine: (name, reason) => `${name}: ${reason}`,
    holdsData: '(holds data that was not checked)',
    regulationLine: (regulation) => `Regulation: ${regulation}`,
    noRegulation: 'Regulation: none recognised; only the rules common to all were checked',
    asOfLine: (asOf) => `Reference date: ${asOf}`,
    perProject: 'Findings per project',
    projectLine: (project, sheet, findings) => `${project} (${sheet}): ${findings}`,
    earlierMarks: (cells) => `This workbook already carries marks from an earlier check (${cells} cells with a note starting “【fundcheck 资金规则检查】” or “[fundcheck funding check]”).`,
    kindNames: { declaration: 'Declaration', 'progress-table': 'Progress ledger', 'progress-form': 'Progress form', expense: 'Expense detail', unknown: 'Not recognised' },
    helpTab: 'Help',
    helpForms: 'Forms recognised',
    helpFormsList: [
      'Declaration (申报表, annex 1): one project per row, with name, investment, funding sources, owner…',
      'Progress report (进度情况表, annex 2): one form per project, or a ledger with one project per row.',
      'Expense detail (费用明细): items and amounts, judged against the expense-scope table.',
    ],
    helpButtons: 'What each button changes in the workbook',
    helpButtonsList: [
      'Check: reads the workbook, fills and notes the cells with problems; changes no value.',
      'Fill deadline columns: checks and writes the deadline and approval-path columns (headers ending in “（自动）”) right of each table.',
      'Clear marks: removes only the colours and notes this tool added, restoring the cells’ own fills.',
      'Remove computed columns: empties the “（自动）” columns, restoring what was there before.',
      'Undo last fill: restores the cells the last check or fill changed.',
      'Export results: creates (or replaces) the sheet “检查结果”, one finding per row.',
      'Assess: records the conclusion, reason, name and date in the hidden sheet “fundcheck_核实记录”.',
    ],
    helpVersion: (v) => `Version ${v}`,
    helpRegulations: 'Regulations and their periods of force',
    inForce: (from, to) => (from ? `in force from ${from}` : 'in force from issue (no date printed)') + (to ? `, until ${to}` : ''),
    articleButton: 'Show article',
    articleClose: 'Close article',
    articleWhatToDo: 'What to do',
    articleMissing: 'The text of this article is not included yet; see the regulation in full.',
    articleCited: 'Cited',
  },
};
