// Test harness: builds a one-sheet workbook from a header list and rows, runs check(), and picks findings.
import { check } from '../../../src/engine/engine';
import type { CellValue, CheckOptions, Finding, ProfileId, Report, WorkbookSnapshot } from '../../../src/engine/types';
import { computedValues } from '../../../src/engine/computed';

export const DECLARATION_HEADERS = [
  '序号',
  '建设单位',
  '项目名称',
  '项目简要说明及建设依据',
  '建设年度',
  '项目投资（万元）',
  '财政资金（万元）',
  '银行贷款（万元）',
  '自筹（万元）',
  '其他资金（万元）',
  '负责人',
  '联系人',
  '联系电话',
  '电子邮箱',
  '备注',
];

/** A clean declaration row (values by header), to be overridden per case. */
export function declarationRow(over: Record<string, CellValue> = {}, seq = 1): CellValue[] {
  const base: Record<string, CellValue> = {
    序号: seq,
    建设单位: '区数据资源管理局',
    项目名称: `政务数据共享交换平台建设项目${seq}`,
    项目简要说明及建设依据: '建设全区政务数据共享交换平台，实现部门间数据共享。',
    建设年度: '2025年01月至2025年12月',
    '项目投资（万元）': 120,
    '财政资金（万元）': 100,
    '银行贷款（万元）': 0,
    '自筹（万元）': 20,
    '其他资金（万元）': 0,
    负责人: '张伟',
    联系人: '李娜',
    联系电话: '0564-6012345',
    电子邮箱: 'lina@example.gov.cn',
    备注: '',
  };
  const merged = { ...base, ...over };
  return DECLARATION_HEADERS.map((h) => (h in merged ? merged[h] : null));
}

export interface SheetSpec {
  headers: string[];
  rows: CellValue[][];
  /** Rows above the header (titles). */
  above?: CellValue[][];
  /** Rows below the data (notes). */
  below?: CellValue[][];
  name?: string;
  formulas?: Record<string, string>;
}

/** A workbook of one sheet: title rows, the header, data rows, notes. */
export function workbook(spec: SheetSpec, fileName = 'test.xlsx'): WorkbookSnapshot {
  const rows: CellValue[][] = [...(spec.above ?? []), spec.headers, ...spec.rows, ...(spec.below ?? [])];
  const formulas: (string | null)[][] = rows.map((r) => r.map(() => null));
  for (const [cell, f] of Object.entries(spec.formulas ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (m === null) throw new Error(cell);
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = +m[2] - 1;
    while (formulas.length <= row) formulas.push([]);
    formulas[row][col] = f;
  }
  return { name: fileName, sheets: [{ name: spec.name ?? '申报表', rows, merges: [], formulas }] };
}

export function run(spec: SheetSpec, profile: ProfileId, options: Partial<CheckOptions> = {}): Report {
  return check(workbook(spec), { asOf: '2025-03-01', profile, ...options });
}

/** Findings of one rule. */
export function of(report: Report, ruleId: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === ruleId);
}

/** A declaration sheet with the given rows, checked under a profile. */
export function declaration(rows: CellValue[][], profile: ProfileId = 'wuhan', options: Partial<CheckOptions> = {}): Report {
  return run({ headers: DECLARATION_HEADERS, rows, above: [['政务信息化项目申报表']] }, profile, options);
}

export const PROGRESS_HEADERS = [
  '序号',
  '项目名称',
  '建设单位',
  '批复概算（万元）',
  '调整金额（万元）',
  '调整后总投资（万元）',
  '调整日期',
  '采购日期',
  '总投资（万元）',
  '已投资（万元）',
  '建设进度',
  '开工日期',
  '建成日期',
  '初步验收日期',
  '竣工验收日期',
  '投入运行日期',
  '绩效自评价日期',
  '项目类别',
  '填报日期',
  '年度运维费用（万元）',
];

/** A progress-ledger row by header; unspecified cells are empty. */
export function progressRow(over: Record<string, CellValue> = {}, seq = 1): CellValue[] {
  const base: Record<string, CellValue> = {
    序号: seq,
    项目名称: `智慧政务服务平台项目${seq}`,
    建设单位: '市政务服务和大数据管理局',
    '批复概算（万元）': 800,
    '总投资（万元）': 800,
    '已投资（万元）': 300,
    建设进度: '系统开发中，预计2025年12月完成',
  };
  const merged = { ...base, ...over };
  return PROGRESS_HEADERS.map((h) => (h in merged ? merged[h] : null));
}

export function progress(rows: CellValue[][], profile: ProfileId = 'wuhan', options: Partial<CheckOptions> = {}): Report {
  return run({ headers: PROGRESS_HEADERS, rows, above: [['政务信息化项目进度台账']], name: '进度台账' }, profile, options);
}

export const EXPENSE_HEADERS = ['序号', '费用名称', '数量', '单价（万元）', '金额（万元）', '备注'];

export function expense(items: [string, number][], profile: ProfileId = 'wulong', options: Partial<CheckOptions> = {}): Report {
  const rows = items.map(([name, amount], i) => [i + 1, name, 1, amount, amount, null]);
  return run({ headers: EXPENSE_HEADERS, rows, above: [['项目费用明细表']], name: '费用明细' }, profile, options);
}

/** A clean declaration row whose funding adds up: all of the investment is fiscal money. */
export function investmentRow(investment: CellValue, over: Record<string, CellValue> = {}, seq = 1): CellValue[] {
  return declarationRow({ '项目投资（万元）': investment, '财政资金（万元）': investment, '自筹（万元）': 0, ...over }, seq);
}

/** Findings other than the listed rules (to assert that a clean case stays clean). */
export function others(report: Report, ...ruleIds: string[]): Finding[] {
  return report.findings.filter((f) => !ruleIds.includes(f.ruleId));
}

/** Computed values of one key, in row order. */
export function computedOf(report: Report, key: string): string[] {
  return computedValues(report).filter((c) => c.key === key).map((c) => c.value);
}

/** Values typed into the 附件2 progress form, by field key. */
export type FormValues = Partial<Record<'unit' | 'owner' | 'reportDate' | 'fax' | 'contact' | 'phone' | 'mobile' | 'email' | 'projectName' | 'content' | 'builder' | 'progress' | 'totalInvestment' | 'invested', CellValue>>;

export const CLEAN_FORM: FormValues = {
  unit: '叶集区数据资源管理局',
  owner: '张伟',
  reportDate: '2025年4月2日',
  contact: '李娜',
  phone: '0564-6012345',
  mobile: '13912345678',
  email: 'lina@example.gov.cn',
  projectName: '叶集区政务云平台建设项目',
  content: '建设政务云平台，承载全区业务系统',
  builder: '某某信息技术有限公司',
  progress: '平台已部署，预计2025年12月完成',
  totalInvestment: 300,
  invested: 120,
};

/** The 附件2 form laid out as printed (labels and values side by side). */
export function progressForm(values: FormValues = CLEAN_FORM): WorkbookSnapshot {
  const v = (k: keyof FormValues): CellValue => values[k] ?? null;
  const rows: CellValue[][] = [
    ['六安市叶集区政务信息化项目进度情况表'],
    ['项目建设\n单位名称\n（盖章）', v('unit'), '负责人', v('owner')],
    [null, null, '填报\n日期', values.reportDate === undefined ? '年  月  日' : v('reportDate'), '传  真', v('fax')],
    ['联系人', v('contact'), '电  话', v('phone')],
    ['手  机', v('mobile'), 'E-MAIL', v('email')],
    ['项目名称', v('projectName')],
    ['主要内容', v('content')],
    ['建设单位', v('builder')],
    ['建设进度', v('progress')],
    ['总投资\n（万元）', v('totalInvestment')],
    ['已投资\n（万元）', v('invested')],
    [],
    ['说明：1．本表由项目建设单位填写。'],
    ['2．每个项目的建设进度要填写预计完成时间。'],
  ];
  return {
    name: 'form.xlsx',
    sheets: [{ name: '进度情况表', rows, merges: [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 }] }],
  };
}

export function form(values: FormValues, profile: ProfileId = 'yeji', options: Partial<CheckOptions> = {}): Report {
  return check(progressForm(values), { asOf: '2025-04-02', profile, ...options });
}
