// Writes the sample workbooks in assets/samples (each with planted problems, see assets/samples/README.md); re-runnable.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';

type Cell = string | number | Date | null | { formula: string; result: number } | { sharedFormula: string; result: number };

/** A calendar date as the UTC midnight ExcelJS writes as a whole serial number. */
function d(iso: string): Date {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, day!));
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BOLD: Partial<ExcelJS.Font> = { name: '黑体', size: 10, bold: true };
const TITLE: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: 16, bold: true };
const DATE_FMT = 'yyyy-mm-dd';
const CN_DATE_FMT = 'yyyy"年"m"月"d"日"';
const AMOUNT_FMT = '#,##0.00';

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so regenerating gives the same content.
  wb.creator = 'fundcheck samples';
  wb.lastModifiedBy = 'fundcheck samples';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
  return wb;
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: Cell, style: Partial<ExcelJS.Style> = {}): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  cell.value = value as ExcelJS.CellValue;
  cell.style = { font: FONT, border: BOX, alignment: { vertical: 'middle', wrapText: true }, ...style };
  return cell;
}

function title(ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.style = { font: TITLE, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(row).height = 30;
}

function note(ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.style = { font: FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
}

/** One flat header row (progress ledgers, expense sheets). */
function headerRow(ws: ExcelJS.Worksheet, row: number, headers: string[]): void {
  headers.forEach((h, i) =>
    put(ws, row, i + 1, h, { font: BOLD, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } }),
  );
  ws.getRow(row).height = 36;
}

// ---------------------------------------------------------------------------------------------------------------
// (a) 叶集 申报表, laid out as 附件1 prints it.

const LONG_DESCRIPTION =
  '依据《六安市叶集区政务信息化项目管理办法》和《安徽省“数字江淮”建设总体规划》，建设全区统一的城市运行管理服务平台，' +
  '整合城管、住建、交通、应急、生态环境、市场监管等部门的业务数据，实现城市部件事件的智能发现、自动派遣、联动处置和综合评价；' +
  '同步建设城市运行体征监测、重点场所视频智能分析、网格化巡查考核、市民诉求快速响应等子系统，接入区政务云和数据共享交换平台，' +
  '打通与市级平台的数据通道，形成“一屏观全域、一网管全城”的城市治理新格局，并配套建设指挥大厅显示系统、会商系统和运维保障体系，' +
  '全面提升城市精细化管理水平。';

interface DeclRow {
  unit: string;
  name: string;
  description: string;
  period: string;
  investment: number;
  fiscal: number | null;
  loan: number | null;
  self: number | null;
  other: number | null;
  owner: string | null;
  contact: string;
  phone: string;
  email: string;
  remark: string | null;
}

/** The declaration rows in sheet order (data starts on row 5). Exported so tests can name rows by what they plant. */
export const DECLARATION_ROWS: { row: number; plants: string; data: DeclRow }[] = [
  {
    row: 5,
    plants: 'clean',
    data: {
      unit: '叶集区数据资源管理局',
      name: '叶集区政务云平台扩容项目',
      description: '依据《六安市叶集区政务信息化项目管理办法》，扩容区政务云计算和存储资源，满足新增业务系统上云需求。',
      period: '2027年1月至2027年12月',
      investment: 300,
      fiscal: 200,
      loan: 0,
      self: 100,
      other: 0,
      owner: '张伟',
      contact: '李娜',
      phone: '0564-6612345',
      email: 'lina@yejiqu.gov.cn',
      remark: null,
    },
  },
  {
    row: 6,
    plants: 'clean',
    data: {
      unit: '叶集区人民医院',
      name: '智慧医院信息系统建设',
      description: '建设电子病历、检验检查结果互认和预约挂号系统，依据全区卫生健康信息化规划。',
      period: '2027年3月至2028年6月',
      investment: 150,
      fiscal: 150,
      loan: null,
      self: null,
      other: null,
      owner: '王强',
      contact: '赵敏',
      phone: '13805641234',
      email: 'zhaomin@163.com',
      remark: null,
    },
  },
  {
    row: 7,
    plants: 'funding sum 110 ≠ 项目投资 120',
    data: {
      unit: '叶集区教育体育局',
      name: '教育城域网改造',
      description: '改造全区中小学教育城域网核心和汇聚链路。',
      period: '2027年1月至2027年10月',
      investment: 120,
      fiscal: 80,
      loan: 0,
      self: 30,
      other: 0,
      owner: '陈刚',
      contact: '周丽',
      phone: '0564-6623456',
      email: 'zhouli@yjedu.cn',
      remark: null,
    },
  },
  {
    row: 8,
    plants: '建设年度 unreadable',
    data: {
      unit: '叶集区市场监督管理局',
      name: '食品安全追溯平台',
      description: '建设覆盖全区农贸市场和商超的食品安全追溯平台。',
      period: '明年上半年',
      investment: 60,
      fiscal: 60,
      loan: null,
      self: null,
      other: null,
      owner: '刘洋',
      contact: '孙静',
      phone: '0564-6634567',
      email: 'sunjing@yjscjg.cn',
      remark: null,
    },
  },
  {
    row: 9,
    plants: 'description longer than 200 characters',
    data: {
      unit: '叶集区城市管理局',
      name: '城市运行管理服务平台',
      description: LONG_DESCRIPTION,
      period: '2027年1月至2028年12月',
      investment: 480,
      fiscal: 480,
      loan: null,
      self: null,
      other: null,
      owner: '黄磊',
      contact: '吴芳',
      phone: '0564-6645678',
      email: 'wufang@yjcg.cn',
      remark: null,
    },
  },
  {
    row: 10,
    plants: 'amounts typed in 元 (1500000 in a 万元 column)',
    data: {
      unit: '叶集区民政局',
      name: '社会救助信息管理系统',
      description: '建设社会救助对象认定、资金发放和动态监测系统。',
      period: '2027年2月至2027年11月',
      investment: 1500000,
      fiscal: 1500000,
      loan: null,
      self: null,
      other: null,
      owner: '郑华',
      contact: '冯雪',
      phone: '0564-6656789',
      email: 'fengxue@yjmz.cn',
      remark: null,
    },
  },
  {
    row: 11,
    plants: 'duplicate 项目名称 (first of the pair)',
    data: {
      unit: '叶集区公安分局',
      name: '雪亮工程视频监控补点',
      description: '在城区主要路口和农村重点部位补建视频监控点位。',
      period: '2027年1月至2027年12月',
      investment: 200,
      fiscal: 200,
      loan: null,
      self: null,
      other: null,
      owner: '马超',
      contact: '何平',
      phone: '0564-6667890',
      email: 'heping@yjga.cn',
      remark: null,
    },
  },
  {
    row: 12,
    plants: 'duplicate 项目名称 (second of the pair)',
    data: {
      unit: '叶集区平岗街道办事处',
      name: '雪亮工程视频监控补点',
      description: '在辖区村居出入口补建视频监控点位。',
      period: '2027年4月至2027年12月',
      investment: 80,
      fiscal: 50,
      loan: null,
      self: 30,
      other: null,
      owner: '罗军',
      contact: '高燕',
      phone: '13966781234',
      email: 'gaoyan@126.com',
      remark: null,
    },
  },
  {
    row: 13,
    plants: 'excluded item (办公耗材) in the project name',
    data: {
      unit: '叶集区财政局',
      name: '2027年度办公耗材采购',
      description: '采购全局办公耗材。',
      period: '2027年1月至2027年12月',
      investment: 25,
      fiscal: 25,
      loan: null,
      self: null,
      other: null,
      owner: '林峰',
      contact: '谢婷',
      phone: '0564-6678901',
      email: 'xieting@yjcz.cn',
      remark: null,
    },
  },
  {
    row: 14,
    plants: 'bad 联系电话 and 电子邮箱',
    data: {
      unit: '叶集区住房和城乡建设局',
      name: '智慧工地监管平台',
      description: '建设在建工地扬尘、塔吊和实名制用工的在线监管平台。',
      period: '2027年1月至2027年9月',
      investment: 90,
      fiscal: 90,
      loan: null,
      self: null,
      other: null,
      owner: '唐明',
      contact: '韩梅',
      phone: '0564-661',
      email: 'hanmei#yjzj',
      remark: null,
    },
  },
  {
    row: 15,
    plants: 'missing 负责人',
    data: {
      unit: '叶集区农业农村局',
      name: '数字农业监测平台',
      description: '建设农业生产环境、病虫害和农产品质量监测平台。',
      period: '2027年1月至2027年12月',
      investment: 70,
      fiscal: 70,
      loan: null,
      self: null,
      other: null,
      owner: null,
      contact: '曹宇',
      phone: '0564-6689012',
      email: 'caoyu@yjnync.cn',
      remark: null,
    },
  },
];

export const DECLARATION_TOTAL_ROW = 16;

/** The 附件1 申报表 sheet: title, two-row header, the rows, a 合计 row of SUM formulas and the form's closing lines. */
function declarationSheet(wb: ExcelJS.Workbook, rows: { row: number; data: DeclRow }[], totalRow: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('申报表');
  const last = 15;
  ws.getCell(1, 1).value = '附件1';
  ws.getCell(1, 1).style = { font: BOLD };
  title(ws, 2, '六安市叶集区政务信息化项目申报表', last);

  const headStyle: Partial<ExcelJS.Style> = { font: BOLD, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  const singles: [number, string][] = [
    [1, '序号'],
    [2, '建设单位'],
    [3, '项目名称'],
    [4, '项目简要说明及建设依据'],
    [5, '建设\n年度'],
    [6, '项目\n投资\n（万元）'],
    [11, '负责人'],
    [12, '联系人'],
    [13, '联系\n电话'],
    [14, '电子\n邮箱'],
    [15, '备注'],
  ];
  for (const [col, text] of singles) {
    put(ws, 3, col, text, headStyle);
    put(ws, 4, col, null, headStyle);
    ws.mergeCells(3, col, 4, col);
  }
  put(ws, 3, 7, '资金筹措', headStyle);
  for (let c = 8; c <= 10; c++) put(ws, 3, c, null, headStyle);
  ws.mergeCells(3, 7, 3, 10);
  put(ws, 4, 7, '财政\n资金\n（万元）', headStyle);
  put(ws, 4, 8, '银行\n货款\n（万元）', headStyle);
  put(ws, 4, 9, '自筹\n（万元）', headStyle);
  put(ws, 4, 10, '其他\n（万元）', headStyle);
  ws.getRow(3).height = 24;
  ws.getRow(4).height = 48;

  for (const { row, data } of rows) {
    put(ws, row, 1, row - 4, { alignment: { horizontal: 'center', vertical: 'middle' } });
    put(ws, row, 2, data.unit);
    put(ws, row, 3, data.name);
    put(ws, row, 4, data.description);
    put(ws, row, 5, data.period);
    put(ws, row, 6, data.investment, { numFmt: AMOUNT_FMT });
    put(ws, row, 7, data.fiscal, { numFmt: AMOUNT_FMT });
    put(ws, row, 8, data.loan, { numFmt: AMOUNT_FMT });
    put(ws, row, 9, data.self, { numFmt: AMOUNT_FMT });
    put(ws, row, 10, data.other, { numFmt: AMOUNT_FMT });
    put(ws, row, 11, data.owner);
    put(ws, row, 12, data.contact);
    put(ws, row, 13, data.phone);
    put(ws, row, 14, data.email);
    put(ws, row, 15, data.remark);
  }

  // 合计 row with SUM formulas and their cached results, as Excel saves them.
  const t = totalRow;
  const first = rows[0]!.row;
  const lastData = rows[rows.length - 1]!.row;
  put(ws, t, 1, '合计', { font: BOLD, alignment: { horizontal: 'center', vertical: 'middle' } });
  for (let c = 2; c <= last; c++) put(ws, t, c, null);
  const keys: (keyof DeclRow)[] = ['investment', 'fiscal', 'loan', 'self', 'other'];
  keys.forEach((k, i) => {
    const col = 6 + i;
    const letter = String.fromCharCode(64 + col);
    // Summed in cents so the cached result is what Excel shows, not a binary-float tail.
    const sum = rows.reduce((s, r) => s + Math.round(((r.data[k] as number | null) ?? 0) * 100), 0) / 100;
    put(ws, t, col, { formula: `SUM(${letter}${first}:${letter}${lastData})`, result: sum }, { numFmt: AMOUNT_FMT, font: BOLD });
  });

  note(ws, t + 2, '项目主管部门意见（盖章）：', last);
  ws.getRow(t + 2).height = 40;
  note(ws, t + 3, '年     月      日', last);
  ws.getCell(t + 3, 1).alignment = { horizontal: 'right' };
  note(ws, t + 5, '说明：1．本表由项目建设单位填写，主管部门盖章。', last);
  note(ws, t + 6, '2．每个项目的简要说明字数控制在200字以内。', last);
  note(ws, t + 7, '3．“建设年度”填写“XX年XX月至XX年XX月”。', last);

  const widths = [6, 18, 22, 40, 14, 10, 10, 10, 10, 10, 8, 8, 14, 20, 10];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return ws;
}

function yejiDeclaration(): ExcelJS.Workbook {
  const wb = newWorkbook();
  declarationSheet(wb, DECLARATION_ROWS, DECLARATION_TOTAL_ROW);

  // A sheet that is none of the known kinds: the checker must report it as unrecognised and leave it alone.
  const info = wb.addWorksheet('填表说明');
  info.getCell('A1').value = '填表说明';
  info.getCell('A2').value = '请各单位于每年9月底前报送下一年度政务信息化项目申报表，金额单位为万元。';
  info.getCell('A3').value = '联系人：区数据资源管理局 李娜 0564-6612345';
  info.getColumn(1).width = 80;
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (b) 叶集 进度情况表, the 附件2 form (labels and values side by side).

export interface ProgressFormValues {
  unit: string;
  owner: string;
  reportDate: Date;
  fax: string;
  contact: string;
  phone: string;
  mobile: string;
  email: string;
  projectName: string;
  content: string;
  builder: string;
  progress: string;
  total: number;
  invested: number;
}

/** Value cells of the form (row, column), for tests. */
export const FORM_CELLS = {
  reportDate: 'C4',
  progress: 'B10',
  totalInvestment: 'B11',
  invested: 'B12',
} as const;

export const PROGRESS_FORMS: { sheet: string; plants: string; values: ProgressFormValues }[] = [
  {
    sheet: '进度情况表',
    plants: '填报日期 2026-04-15 outside the first 5 working days of Q2; 建设进度 without completion time; 已投资 320 > 总投资 300',
    values: {
      unit: '叶集区数据资源管理局',
      owner: '张伟',
      reportDate: d('2026-04-15'),
      fax: '0564-6612346',
      contact: '李娜',
      phone: '0564-6612345',
      mobile: '13905641234',
      email: 'lina@yejiqu.gov.cn',
      projectName: '叶集区政务云平台扩容项目',
      content: '扩容区政务云计算、存储和网络资源，部署云管平台。',
      builder: '叶集区数据资源管理局',
      progress: '已完成设备采购，正在部署调试。',
      total: 300,
      invested: 320,
    },
  },
  {
    sheet: '进度情况表（二）',
    plants: 'clean',
    values: {
      unit: '叶集区人民医院',
      owner: '王强',
      reportDate: d('2026-04-02'),
      fax: '0564-6690001',
      contact: '赵敏',
      phone: '0564-6690002',
      mobile: '13805641234',
      email: 'zhaomin@163.com',
      projectName: '智慧医院信息系统建设',
      content: '建设电子病历、检验检查结果互认和预约挂号系统。',
      builder: '叶集区人民医院',
      progress: '已完成需求调研和招标，预计2026年10月完成建设。',
      total: 150,
      invested: 60,
    },
  },
];

function progressForm(wb: ExcelJS.Workbook, sheet: string, v: ProgressFormValues): void {
  const ws = wb.addWorksheet(sheet);
  const label: Partial<ExcelJS.Style> = { font: BOLD, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  ws.getCell(1, 1).value = '附件2';
  ws.getCell(1, 1).style = { font: BOLD };
  title(ws, 2, '六安市叶集区政务信息化项目进度情况表', 5);

  put(ws, 3, 1, '项目建设\n单位名称\n（盖章）', label);
  put(ws, 4, 1, null, label);
  ws.mergeCells(3, 1, 4, 1);
  put(ws, 3, 2, v.unit);
  put(ws, 3, 3, null);
  ws.mergeCells(3, 2, 3, 3);
  put(ws, 3, 4, '负责人', label);
  put(ws, 3, 5, v.owner);

  put(ws, 4, 2, '填报\n日期', label);
  put(ws, 4, 3, v.reportDate, { numFmt: CN_DATE_FMT });
  put(ws, 4, 4, '传  真', label);
  put(ws, 4, 5, v.fax);

  put(ws, 5, 1, '联系人', label);
  put(ws, 5, 2, v.contact);
  put(ws, 5, 3, null);
  ws.mergeCells(5, 2, 5, 3);
  put(ws, 5, 4, '电  话', label);
  put(ws, 5, 5, v.phone);

  put(ws, 6, 1, '手  机', label);
  put(ws, 6, 2, v.mobile);
  put(ws, 6, 3, null);
  ws.mergeCells(6, 2, 6, 3);
  put(ws, 6, 4, 'E-MAIL', label);
  put(ws, 6, 5, v.email);

  const wide: [string, Cell, Partial<ExcelJS.Style>?][] = [
    ['项目名称', v.projectName],
    ['主要内容', v.content],
    ['建设单位', v.builder],
    ['建设进度', v.progress],
    ['总投资\n（万元）', v.total, { numFmt: AMOUNT_FMT }],
    ['已投资\n（万元）', v.invested, { numFmt: AMOUNT_FMT }],
  ];
  wide.forEach(([text, value, style], i) => {
    const r = 7 + i;
    put(ws, r, 1, text, label);
    put(ws, r, 2, value, style ?? {});
    for (let c = 3; c <= 5; c++) put(ws, r, c, null);
    ws.mergeCells(r, 2, r, 5);
    ws.getRow(r).height = text === '主要内容' || text === '建设进度' ? 48 : 24;
  });

  note(ws, 14, '说明：1．本表由项目建设单位填写。', 5);
  note(ws, 15, '2．每个项目的建设进度要填写预计完成时间。', 5);
  [14, 20, 16, 10, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function yejiProgressForms(): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const f of PROGRESS_FORMS) progressForm(wb, f.sheet, f.values);
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (c) 武隆 进度台账: one project per row with the change-limit and deadline columns.

export interface LedgerRow {
  row: number;
  plants: string;
  cells: Cell[];
}

export const WULONG_LEDGER_HEADERS = [
  '序号',
  '建设单位',
  '项目名称',
  '项目类别',
  '批复概算\n（万元）',
  '调整金额\n（万元）',
  '调整后总投资\n（万元）',
  '调整日期',
  '开工日期',
  '建成日期',
  '验收日期',
  '投入运行日期',
  '已投资\n（万元）',
  '备注',
  '内部编号',
];

export const WULONG_LEDGER_ROWS: LedgerRow[] = [
  {
    row: 4,
    plants: 'clean (completed, accepted in time)',
    cells: [1, '武隆区大数据发展局', '武隆区政务数据共享交换平台', '新建', 500, null, 500, null, d('2025-01-10'), d('2025-09-30'), d('2025-12-15'), d('2025-12-20'), 480, null, 'WL-01'],
  },
  {
    row: 5,
    plants: 'adjustment 200 of 1000 = 20% > 15%',
    cells: [2, '武隆区教育委员会', '智慧校园综合管理平台', '新建', 1000, 200, 1000, d('2026-03-01'), d('2025-06-01'), null, null, null, 600, '调整建设内容', 'WL-02'],
  },
  {
    row: 6,
    plants: 'adjustment 18.51 of 123.40 = exactly 15.00% (allowed; 123.4 × 0.15 is 18.509999… in binary floats)',
    cells: [3, '武隆区卫生健康委员会', '全民健康信息平台', '新建', 123.4, 18.51, 123.4, d('2026-02-10'), d('2025-08-01'), null, null, null, 50, null, 'WL-03'],
  },
  {
    row: 7,
    plants: '调整后总投资 330 > 批复概算 300 (超概算; 10% is within the limit)',
    cells: [4, '武隆区人力资源和社会保障局', '就业创业服务系统', '新建', 300, 30, 330, d('2026-01-20'), d('2025-07-01'), null, null, null, 120, null, 'WL-04'],
  },
  {
    row: 8,
    plants: 'completed 2025-10-31 (typed as text), no 验收日期: acceptance due 2026-04-30 is overdue',
    cells: [5, '武隆区城市管理局', '数字城管平台', '新建', 800, null, 800, null, d('2024-06-01'), '2025年10月31日', null, '2025.11.5', 780, null, 'WL-05'],
  },
  {
    row: 9,
    plants: 'completed 2025-12-10, no 验收日期: acceptance due 2026-06-10 is within 30 days',
    cells: [6, '武隆区应急管理局', '应急指挥调度平台', '新建', 260, null, 260, null, d('2025-05-01'), d('2025-12-10'), null, null, 200, null, 'WL-06'],
  },
  {
    row: 10,
    plants: 'clean, ≥ 3000 (threshold info only: 可研 first, acceptance by 区大数据发展局)',
    cells: [7, '武隆区政务服务管理办公室', '一网通办综合服务平台', '新建', 3500, null, 3500, null, d('2026-03-01'), null, null, null, 800, null, 'WL-07'],
  },
  {
    row: 11,
    plants: '已投资 180 > 批复概算 150',
    cells: [8, '武隆区水利局', '智慧水务监测平台', '新建', 150, null, 150, null, d('2025-09-01'), null, null, null, 180, null, 'WL-08'],
  },
];

function ledger(
  wb: ExcelJS.Workbook,
  sheetName: string,
  heading: string,
  sub: string,
  headers: string[],
  rows: LedgerRow[],
  hiddenCols: number[] = [],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName);
  title(ws, 1, heading, headers.length);
  note(ws, 2, sub, headers.length);
  ws.getCell(2, 1).style = { font: FONT, alignment: { horizontal: 'left' } };
  headerRow(ws, 3, headers);
  for (const r of rows) {
    r.cells.forEach((v, i) => {
      const style: Partial<ExcelJS.Style> = {};
      if (v instanceof Date) style.numFmt = DATE_FMT;
      else if (typeof v === 'number' && i > 0) style.numFmt = AMOUNT_FMT;
      put(ws, r.row, i + 1, v, style);
    });
  }
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = h.length > 6 ? 14 : 12));
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 24;
  for (const c of hiddenCols) ws.getColumn(c).hidden = true;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

function wulongLedger(): ExcelJS.Workbook {
  const wb = newWorkbook();
  ledger(
    wb,
    '进度台账',
    '武隆区政务信息化项目进度台账（2026年）',
    '填报单位：武隆区大数据发展局　　　金额单位：万元',
    WULONG_LEDGER_HEADERS,
    WULONG_LEDGER_ROWS,
    [15],
  );
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (d) 武隆 费用明细: one expense item per row, classified against the 003 附件 expense-scope table.

export const EXPENSE_ROWS: {
  row: number;
  item: string;
  qty: number;
  price: number;
  remark: string | null;
  expect: 'included' | 'conditional' | 'excluded' | 'unknown';
  hidden?: boolean;
}[] = [
  { row: 4, item: '高清摄像头', qty: 120, price: 0.25, remark: '路口监控补点', expect: 'included' },
  { row: 5, item: '租用政务云服务', qty: 1, price: 40, remark: '三年', expect: 'included' },
  { row: 6, item: '等保测评', qty: 1, price: 8, remark: null, expect: 'included' },
  { row: 7, item: '工程监理费', qty: 1, price: 6, remark: null, expect: 'included' },
  { row: 8, item: '服务器', qty: 4, price: 6, remark: '视频分析', expect: 'conditional' },
  { row: 9, item: '台式电脑', qty: 10, price: 0.6, remark: '指挥中心坐席', expect: 'conditional' },
  { row: 10, item: '数据库软件授权', qty: 2, price: 5, remark: '部署在本系统', expect: 'conditional' },
  { row: 11, item: '办公耗材', qty: 1, price: 2, remark: null, expect: 'excluded' },
  { row: 12, item: '差旅费', qty: 1, price: 3, remark: null, expect: 'excluded' },
  { row: 13, item: '会议室升级改造', qty: 1, price: 15, remark: null, expect: 'excluded' },
  { row: 14, item: '公众号推广宣传', qty: 1, price: 5, remark: null, expect: 'excluded' },
  { row: 15, item: '咖啡机', qty: 2, price: 0.3, remark: '值班室', expect: 'unknown' },
  // Hidden by the clerk but still part of the table (and of the 合计): hidden rows must survive annotation.
  { row: 16, item: '温湿度传感器', qty: 10, price: 0.1, remark: '机房', expect: 'included', hidden: true },
];

export const EXPENSE_TOTAL_ROW = 17;

function wulongExpenses(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('费用明细');
  title(ws, 1, '武隆区智慧城管项目概算费用明细', 6);
  note(ws, 2, '建设单位：武隆区城市管理局　　　金额单位：万元', 6);
  headerRow(ws, 3, ['序号', '费用名称', '数量', '单价（万元）', '金额（万元）', '说明']);
  const first = EXPENSE_ROWS[0]!.row;
  const lastRow = EXPENSE_ROWS[EXPENSE_ROWS.length - 1]!.row;
  let total = 0;
  for (const r of EXPENSE_ROWS) {
    const amount = Math.round(r.qty * r.price * 100) / 100;
    total += amount;
    put(ws, r.row, 1, r.row - 3);
    put(ws, r.row, 2, r.item);
    put(ws, r.row, 3, r.qty);
    put(ws, r.row, 4, r.price, { numFmt: AMOUNT_FMT });
    // 金额 = 数量 × 单价 as one shared formula, the way Excel saves a filled-down column.
    const f: Cell =
      r.row === first
        ? ({ formula: `C${first}*D${first}`, result: amount, shareType: 'shared', ref: `E${first}:E${lastRow}` } as unknown as Cell)
        : { sharedFormula: `E${first}`, result: amount };
    put(ws, r.row, 5, f, { numFmt: AMOUNT_FMT });
    put(ws, r.row, 6, r.remark);
    if (r.hidden) ws.getRow(r.row).hidden = true;
  }
  const t = EXPENSE_TOTAL_ROW;
  put(ws, t, 1, '合计', { font: BOLD });
  put(ws, t, 2, null);
  put(ws, t, 3, null);
  put(ws, t, 4, null);
  put(ws, t, 5, { formula: `SUM(E${first}:E${lastRow})`, result: Math.round(total * 100) / 100 }, { numFmt: AMOUNT_FMT, font: BOLD });
  put(ws, t, 6, null);
  [6, 22, 8, 12, 12, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (e) 莱州 台账 in the 1904 date system: the regulation expired on 2024-09-28, so every check carries a notice.

export const LAIZHOU_HEADERS = [
  '序号',
  '建设单位',
  '项目名称',
  '项目类别',
  '概算总投资（万元）',
  '调整金额（万元）',
  '调整后总投资（万元）',
  '采购日期',
  '调整日期',
  '建成日期',
  '验收日期',
  '投入运行日期',
  '绩效自评价日期',
  '标准发布日期',
  '运维费用（万元/年）',
];

export const LAIZHOU_ROWS: LedgerRow[] = [
  {
    row: 4,
    plants: 'clean (政务治理类, 300, O&M 20/yr ≤ 10%)',
    cells: [1, '莱州市大数据中心', '莱州市政务服务平台', '政务治理类', 300, null, 300, d('2023-03-01'), null, d('2023-12-01'), d('2024-03-01'), d('2024-03-05'), d('2024-12-20'), null, 20],
  },
  {
    row: 5,
    plants: '政务治理类 ≥ 500 (监理 and 标准 info); O&M 100/yr > 10% × 800 (第二十九条 caps 政务治理类 projects only)',
    cells: [2, '莱州市公安局', '智慧警务综合平台', '政务治理类', 800, null, 800, d('2023-05-01'), null, d('2024-02-01'), d('2024-04-01'), d('2024-04-10'), d('2025-03-01'), d('2025-03-15'), 100],
  },
  {
    row: 6,
    plants: 'adjustment 30 of 400 (7.5%) made 2025-08-01, after procurement 2025-05-01',
    cells: [3, '莱州市教育和体育局', '教育资源公共服务平台', '公共服务类', 400, 30, 400, d('2025-05-01'), d('2025-08-01'), null, null, null, null, null, null],
  },
];

function laizhouLedger(): ExcelJS.Workbook {
  const wb = newWorkbook();
  // Saved by Excel for Mac with the 1904 date system: serial numbers are 1462 lower than in the 1900 system.
  (wb.properties as { date1904?: boolean }).date1904 = true;
  ledger(wb, '项目台账', '莱州市政务信息化项目建设台账', '填报单位：莱州市大数据中心　　　金额单位：万元', LAIZHOU_HEADERS, LAIZHOU_ROWS);
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (f) 武汉 市级进度台账: the Wuhan thresholds (第八条 boundary, 第十五条), the 第三条/第十二条 overlays, the 第十九条
// change limit and the 第二十一条/第二十二条 deadlines.

export const WUHAN_LEDGER_HEADERS = [
  '序号',
  '建设单位',
  '项目名称',
  '项目类别',
  '批复概算\n（万元）',
  '调整金额\n（万元）',
  '调整后总投资\n（万元）',
  '开工日期',
  '建成日期',
  '验收日期',
  '投入运行日期',
  '绩效自评价日期',
  '已投资\n（万元）',
  '备注',
];

export const WUHAN_LEDGER_ROWS: LedgerRow[] = [
  {
    row: 4,
    plants: 'clean (built 2024-06-30, accepted 2024-11-20, running since 2024-12-01, self-evaluated 2026-01-15 inside its window)',
    cells: [1, '武汉市政务服务和大数据管理局', '武汉市政务数据共享交换平台', '新建', 680, null, 680, d('2023-09-01'), d('2024-06-30'), d('2024-11-20'), d('2024-12-01'), d('2026-01-15'), 650, null],
  },
  {
    row: 5,
    plants: '批复概算 exactly 50: 第八条 50万元以上（含本数）, on the boundary',
    cells: [2, '武汉市档案馆', '档案数字化管理系统', '新建', 50, null, 50, d('2026-01-10'), null, null, null, null, 20, null],
  },
  {
    row: 6,
    plants: '批复概算 3600 ≥ 3000: approval path adds 报市人民政府批准 (第十五条); no finding',
    cells: [3, '武汉市交通运输局', '武汉市智慧交通综合管理平台', '新建', 3600, null, 3600, d('2025-10-01'), null, null, null, null, 900, null],
  },
  {
    row: 7,
    plants: '楼宇智能化 in the project name: outside the regulation (第三条)',
    cells: [4, '武汉市机关事务服务中心', '市民之家楼宇智能化系统改造', '改建', 260, null, 260, d('2026-02-01'), null, null, null, null, 80, null],
  },
  {
    row: 8,
    plants: '新建机房 in the project name: not allowed except for 涉密系统 (第十二条)',
    cells: [5, '武汉市应急管理局', '应急指挥中心新建数据机房', '新建', 420, null, 420, d('2026-03-01'), null, null, null, null, 100, null],
  },
  {
    row: 9,
    plants: 'adjustment 160 of 800 = 20% > 15% (第十九条)',
    cells: [6, '武汉市教育局', '教育资源公共服务平台', '新建', 800, 160, 800, d('2025-07-01'), null, null, null, null, 500, '调整建设内容'],
  },
  {
    row: 10,
    plants: 'adjustment 54.63 of 364.20 = exactly 15.00% (allowed; 364.2 × 0.15 is 54.629999… in binary floats)',
    cells: [7, '武汉市卫生健康委员会', '全民健康信息平台升级', '升级', 364.2, 54.63, 364.2, d('2025-11-01'), null, null, null, null, 150, null],
  },
  {
    row: 11,
    plants: 'built 2025-09-15, no 验收日期: acceptance due 2026-03-15 is overdue (第二十一条)',
    cells: [8, '武汉市城市管理执法委员会', '数字城管平台', '新建', 560, null, 560, d('2024-10-01'), d('2025-09-15'), null, null, null, 540, null],
  },
  {
    row: 12,
    plants: 'running since 2025-03-01: self-evaluation window 2026-03-01 … 2027-03-01 (第二十二条), open and not yet due',
    cells: [9, '武汉市民政局', '社会救助信息管理系统', '新建', 240, null, 240, d('2024-03-01'), d('2024-12-31'), d('2025-02-20'), d('2025-03-01'), null, 235, null],
  },
  {
    row: 13,
    plants: 'clean (under construction since 2025-11-01)',
    cells: [10, '武汉市市场监督管理局', '食品安全追溯平台', '新建', 120, null, 120, d('2025-11-01'), null, null, null, null, 40, null],
  },
  {
    row: 14,
    plants: 'clean (built 2026-02-28, accepted 2026-04-20, running since 2026-05-01)',
    cells: [11, '武汉市人力资源和社会保障局', '就业创业服务系统', '新建', 280, null, 280, d('2025-04-01'), d('2026-02-28'), d('2026-04-20'), d('2026-05-01'), null, 270, null],
  },
  {
    row: 15,
    plants: 'clean, 35 < 50 (第八条: 自行组织实施并备案, shown in the approval path only)',
    cells: [12, '武汉市统计局', '统计数据采集系统', '新建', 35, null, 35, d('2026-03-15'), null, null, null, null, 10, null],
  },
];

function wuhanLedger(): ExcelJS.Workbook {
  const wb = newWorkbook();
  ledger(
    wb,
    '进度台账',
    '武汉市市级政务信息化项目建设进度台账',
    '填报单位：武汉市政务服务和大数据管理局　　　金额单位：万元',
    WUHAN_LEDGER_HEADERS,
    WUHAN_LEDGER_ROWS,
  );
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// (g) 叶集 申报表 of small projects: 第二条 puts 列入部门预算的10万元以下项目 outside the regulation (10 included).

const SMALL_CONTACT = { owner: '张伟', contact: '李娜', phone: '0564-6612345', email: 'lina@yejiqu.gov.cn', remark: null };

export const YEJI_SMALL_ROWS: { row: number; plants: string; data: DeclRow }[] = [
  {
    row: 5,
    plants: 'clean, 45 > 10',
    data: {
      unit: '叶集区数据资源管理局',
      name: '政务数据共享交换平台接口扩展',
      description: '依据《六安市叶集区政务信息化项目管理办法》，扩展区数据共享交换平台接口，接入新增部门业务数据。',
      period: '2027年1月至2027年6月',
      investment: 45,
      fiscal: 45,
      loan: null,
      self: null,
      other: null,
      ...SMALL_CONTACT,
    },
  },
  {
    row: 6,
    plants: '8 ≤ 10: outside the regulation (第二条)',
    data: {
      unit: '叶集区司法局',
      name: '法律援助案件登记系统',
      description: '建设法律援助案件受理登记和统计模块。',
      period: '2027年3月至2027年5月',
      investment: 8,
      fiscal: 8,
      loan: null,
      self: null,
      other: null,
      ...SMALL_CONTACT,
    },
  },
  {
    row: 7,
    plants: 'exactly 10: 10万元以下 counts the number, so outside the regulation, and on the boundary',
    data: {
      unit: '叶集区退役军人事务局',
      name: '退役军人服务信息登记系统',
      description: '建设退役军人基础信息登记和服务记录系统。',
      period: '2027年2月至2027年6月',
      investment: 10,
      fiscal: 10,
      loan: null,
      self: null,
      other: null,
      ...SMALL_CONTACT,
    },
  },
  {
    row: 8,
    plants: 'clean, 10.01 just above 10',
    data: {
      unit: '叶集区自然资源局',
      name: '不动产登记信息查询系统',
      description: '建设不动产登记信息自助查询功能。',
      period: '2027年1月至2027年8月',
      investment: 10.01,
      fiscal: 10.01,
      loan: null,
      self: null,
      other: null,
      ...SMALL_CONTACT,
    },
  },
  {
    row: 9,
    plants: 'clean, 60 > 10',
    data: {
      unit: '叶集区生态环境分局',
      name: '生态环境执法案件办理系统',
      description: '建设生态环境行政执法案件受理、办理和归档系统。',
      period: '2027年1月至2027年12月',
      investment: 60,
      fiscal: 40,
      loan: null,
      self: 20,
      other: null,
      ...SMALL_CONTACT,
    },
  },
];

export const YEJI_SMALL_TOTAL_ROW = 10;

function yejiSmallProjects(): ExcelJS.Workbook {
  const wb = newWorkbook();
  declarationSheet(wb, YEJI_SMALL_ROWS, YEJI_SMALL_TOTAL_ROW);
  return wb;
}

export const SAMPLE_FILES = {
  yejiDeclaration: '01-yeji-declaration.xlsx',
  yejiProgressForm: '02-yeji-progress-form.xlsx',
  wulongLedger: '03-wulong-progress-ledger.xlsx',
  wulongExpenses: '04-wulong-expenses.xlsx',
  laizhouLedger: '05-laizhou-ledger.xlsx',
  wuhanLedger: '06-wuhan-progress-ledger.xlsx',
  yejiSmallProjects: '07-yeji-small-projects.xlsx',
} as const;

/** Writes every sample into dir (created if missing); returns the paths written. */
export async function generateSamples(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const books: [string, ExcelJS.Workbook][] = [
    [SAMPLE_FILES.yejiDeclaration, yejiDeclaration()],
    [SAMPLE_FILES.yejiProgressForm, yejiProgressForms()],
    [SAMPLE_FILES.wulongLedger, wulongLedger()],
    [SAMPLE_FILES.wulongExpenses, wulongExpenses()],
    [SAMPLE_FILES.laizhouLedger, laizhouLedger()],
    [SAMPLE_FILES.wuhanLedger, wuhanLedger()],
    [SAMPLE_FILES.yejiSmallProjects, yejiSmallProjects()],
  ];
  const written: string[] = [];
  for (const [name, wb] of books) {
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    written.push(file);
  }
  return written;
}

/** Repository root: the nearest folder above this file holding package.json (works from src/ and dist/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(repoRoot(), 'assets', 'samples');
  generateSamples(dir).then(
    (files) => {
      for (const f of files) process.stdout.write(`${f}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
