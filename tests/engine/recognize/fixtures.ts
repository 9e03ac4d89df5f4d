// In-memory SheetSnapshots laid out like the workbooks people send (001 附件1/附件2, ledgers, expense sheets).
import type { CellValue, MergeRange, SheetSnapshot } from '../../../src/engine/types';

/** 'G3:J3' or 'A5' → 0-based inclusive MergeRange. */
export function range(a1: string): MergeRange {
  const [from, to = from] = a1.split(':');
  const a = cellRef(from);
  const b = cellRef(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** 'AB12' → { row: 11, col: 27 }. */
export function cellRef(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad cell ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function sheet(name: string, rows: CellValue[][], merges: (MergeRange | string)[] = []): SheetSnapshot {
  return { name, rows, merges: merges.map((m) => (typeof m === 'string' ? range(m) : m)) };
}

/** The 附件1 header as printed: upper row with 资金筹措 merged over four columns, fund labels below. */
export const DECLARATION_UPPER: CellValue[] = [
  '序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设\n年度', '项目\n投资\n（万元）',
  '资金筹措', null, null, null, '负责人', '联系人', '联系\n电话', '电子\n邮箱', '备注',
];
export const DECLARATION_LOWER: CellValue[] = [
  null, null, null, null, null, null, '财政\n资金\n（万元）', '银行\n货款\n（万元）', '自筹\n（万元）', '其他\n（万元）',
  null, null, null, null, null,
];

/** A declaration data row in the 附件1 column order. */
export function declarationRow(seq: number, name: string, investment: CellValue = 120): CellValue[] {
  return [
    seq, '叶集区数据资源管理局', name, '建设全区统一的数据共享交换平台，依据皖政办〔2019〕12号', '2024年3月至2024年12月',
    investment, 100, 0, 20, 0, '张三', '李四', '0564-6661234', 'sjj@yeji.gov.cn', '',
  ];
}

/** Vertical merges over both header rows for every column but the fund group, plus the group merge. */
export function declarationHeaderMerges(topRow: number): MergeRange[] {
  const merges: MergeRange[] = [];
  for (let c = 0; c < 15; c++) {
    if (c >= 6 && c <= 9) continue;
    merges.push({ top: topRow, left: c, bottom: topRow + 1, right: c });
  }
  merges.push({ top: topRow, left: 6, bottom: topRow, right: 9 });
  return merges;
}

/**
 * 附件1 as printed and then filled: title, 填报单位 line, two-row merged header (rows 3–4), 合计 right below it,
 * `projects` data rows, blank rows, 主管部门意见（盖章）, 年 月 日, and the three 说明 lines.
 */
export function attachment1(projects = 2): SheetSnapshot {
  const rows: CellValue[][] = [
    ['六安市叶集区政务信息化项目申报表'],
    ['填报单位：叶集区数据资源管理局'],
    [...DECLARATION_UPPER],
    [...DECLARATION_LOWER],
    ['合计', null, null, null, null, 120 * projects, 100 * projects, 0, 20 * projects, 0],
  ];
  for (let i = 1; i <= projects; i++) rows.push(declarationRow(i, `政务项目${i}`));
  rows.push([], [null, null]);
  const sealRow = rows.length;
  rows.push(['项目主管部门意见（盖章）：']);
  rows.push([]);
  rows.push([null, null, null, null, null, null, null, null, null, null, '年     月      日']);
  rows.push([]);
  const noteRow = rows.length;
  rows.push(['说明：1．本表由项目建设单位填写，主管部门盖章。 ']);
  rows.push(['2．每个项目的简要说明字数控制在200字以内。']);
  rows.push(['3．“建设年度”填写“XX年XX月至XX年XX月”。']);
  return sheet('申报表', rows, [
    'A1:O1',
    ...declarationHeaderMerges(2),
    { top: sealRow, left: 0, bottom: sealRow, right: 14 },
    { top: noteRow, left: 0, bottom: noteRow, right: 14 },
  ]);
}

/** Values typed into the 附件2 form, keyed by field. */
export interface FormValues {
  unit?: CellValue;
  owner?: CellValue;
  reportDate?: CellValue;
  fax?: CellValue;
  contact?: CellValue;
  phone?: CellValue;
  mobile?: CellValue;
  email?: CellValue;
  projectName?: CellValue;
  content?: CellValue;
  builder?: CellValue;
  progress?: CellValue;
  totalInvestment?: CellValue;
  invested?: CellValue;
}

/** Where attachment2() puts each value (0-based), for assertions. */
export const ATTACHMENT2_VALUE_CELLS = {
  unit: { row: 1, col: 1 },
  owner: { row: 1, col: 3 },
  reportDate: { row: 2, col: 3 },
  fax: { row: 2, col: 5 },
  contact: { row: 3, col: 1 },
  phone: { row: 3, col: 3 },
  mobile: { row: 4, col: 1 },
  email: { row: 4, col: 3 },
  projectName: { row: 5, col: 1 },
  content: { row: 6, col: 1 },
  builder: { row: 7, col: 1 },
  progress: { row: 8, col: 1 },
  totalInvestment: { row: 9, col: 1 },
  invested: { row: 10, col: 1 },
} as const;

/**
 * 附件2 as printed: labels with line breaks and spaced letters (传  真), the unit label merged over two rows,
 * values merged across the remaining columns; blank values stay blank, 填报日期 shows the 年 月 日 placeholder.
 */
export function attachment2(v: FormValues = {}): SheetSnapshot {
  const x = (val: CellValue | undefined): CellValue => (val === undefined ? null : val);
  const rows: CellValue[][] = [
    ['六安市叶集区政务信息化项目进度情况表'],
    ['项目建设\n单位名称\n（盖章）', x(v.unit), '负责人', x(v.owner)],
    [null, null, '填报\n日期', v.reportDate === undefined ? '年  月  日' : v.reportDate, '传  真', x(v.fax)],
    ['联系人', x(v.contact), '电  话', x(v.phone)],
    ['手  机', x(v.mobile), 'E-MAIL', x(v.email)],
    ['项目名称', x(v.projectName)],
    ['主要内容', x(v.content)],
    ['建设单位', x(v.builder)],
    ['建设进度', x(v.progress)],
    ['总投资\n（万元）', x(v.totalInvestment)],
    ['已投资\n（万元）', x(v.invested)],
    [],
    ['说明：1．本表由项目建设单位填写。'],
    ['2．每个项目的建设进度要填写预计完成时间。'],
  ];
  return sheet('进度情况表', rows, [
    'A1:F1', 'A2:A3', 'B2:B3', 'D2:F2', 'D4:F4', 'D5:F5', 'B6:F6', 'B7:F7', 'B8:F8', 'B9:F9', 'B10:F10', 'B11:F11',
  ]);
}

/** Header of a unit's progress ledger, one project per row, with the deadline columns. */
export const LEDGER_HEADER: CellValue[] = [
  '序号', '建设单位', '项目名称', '项目类别', '批复概算（万元）', '调整金额（万元）', '调整后总投资（万元）', '已投资（万元）',
  '开工日期', '预计完成时间', '初步验收日期', '竣工验收日期', '投入运行日期', '绩效自评价日期', '年度运维费用（万元）', '备注',
];

export function ledgerRow(seq: number): CellValue[] {
  return [
    seq, '叶集区数据资源管理局', `政务云扩容${seq}期`, '新建', 300, 20, 320, 150,
    45352, '2024年12月31日', null, null, null, null, 12, '',
  ];
}

export function progressLedger(projects = 3, extraHeader: CellValue[] = []): SheetSnapshot {
  const rows: CellValue[][] = [['2024年政务信息化项目进度台账'], [...LEDGER_HEADER, ...extraHeader]];
  for (let i = 1; i <= projects; i++) rows.push(ledgerRow(i));
  return sheet('台账', rows);
}

/** A 费用明细 sheet: 序号/费用名称/数量/单价（元）/金额（万元）/说明, items, 合计. */
export function expenseSheet(items: [string, number, number, number, string][] = DEFAULT_ITEMS): SheetSnapshot {
  const rows: CellValue[][] = [
    ['智慧城管平台项目费用明细'],
    ['序号', '费用名称', '数量', '单价（元）', '金额（万元）', '说明'],
  ];
  items.forEach(([name, qty, price, amount, note], i) => rows.push([i + 1, name, qty, price, amount, note]));
  rows.push(['合  计', null, null, null, items.reduce((s, it) => s + it[3], 0), null]);
  return sheet('费用明细', rows, ['A1:F1']);
}

export const DEFAULT_ITEMS: [string, number, number, number, string][] = [
  ['服务器', 4, 60000, 24, '政务云不能满足时采购'],
  ['数据库软件许可', 1, 150000, 15, ''],
  ['系统集成费', 1, 80000, 8, '按合同'],
];

/** An instructions sheet: only text lines. */
export function instructionsSheet(): SheetSnapshot {
  return sheet('填表说明', [
    ['填表说明'],
    ['1．项目名称应填写全称，与立项批复一致。'],
    ['2．项目投资、资金筹措以万元为单位，保留两位小数。'],
    ['3．建设年度填写“XX年XX月至XX年XX月”。'],
    [],
    ['联系人：王五', null, '电话：0564-6660000'],
  ]);
}

/** Data rows followed by `emptyRows` empty formatted rows (half empty arrays, half nulls). */
export function withEmptyTail(base: SheetSnapshot, emptyRows: number): SheetSnapshot {
  const rows = base.rows.slice();
  for (let i = 0; i < emptyRows; i++) rows.push(i % 2 === 0 ? [] : (null as unknown as CellValue[]));
  return { ...base, rows };
}

/** A table with `titles` title rows above a one-row header, then the data rows. */
export function simpleTable(header: CellValue[], data: CellValue[][] = [], titles: string[] = ['项目汇总表']): SheetSnapshot {
  return sheet('Sheet1', [...titles.map((t) => [t] as CellValue[]), header, ...data]);
}
