// Reading a header by meaning: its head word says what kind of value it holds, its other words what it is about.
import type { FieldKey } from '../types';
import { FIELDS, type FieldKind } from '../vocabulary';

/** What a head word says a label holds; 'none': nothing a field holds (a share, a sheet's title). */
type HeadKind = FieldKind | 'none' | 'contents';

/**
 * Head words, matched at the end of the label (Chinese puts the head noun last: 投入使用日期 is a date, 负责人电话
 * a phone number). Longest first, so 投资额 wins over 额.
 */
const HEADS: readonly [string, HeadKind][] = (
  [
    ['日期', 'date'], ['时间', 'date'], ['时点', 'date'], ['年月日', 'date'], ['年月', 'date'], ['日', 'date'], ['date', 'date'],
    ['年度', 'period'], ['期限', 'period'], ['周期', 'period'], ['工期', 'period'], ['年限', 'period'], ['起止', 'period'],
    ['建设期', 'period'], ['实施期', 'period'], ['时段', 'period'],
    ['金额', 'money'], ['资金', 'money'], ['投资', 'money'], ['投资额', 'money'], ['总额', 'money'], ['数额', 'money'],
    ['额', 'money'], ['费用', 'money'], ['经费', 'money'], ['费', 'money'], ['概算', 'money'], ['预算', 'money'],
    ['款', 'money'], ['单价', 'money'], ['价', 'money'], ['价格', 'money'], ['预算数', 'money'], ['资金数', 'money'],
    ['单位', 'org'], ['部门', 'org'], ['机构', 'org'], ['公司', 'org'], ['企业', 'org'], ['厂商', 'org'], ['商', 'org'],
    ['承建方', 'org'], ['主体', 'org'], ['业主', 'org'],
    ['人', 'person'], ['领导', 'person'], ['姓名', 'person'], ['经理', 'person'], ['代表', 'person'],
    ['电话', 'phone'], ['座机', 'phone'], ['手机', 'phone'], ['手机号', 'phone'], ['号码', 'phone'], ['联系方式', 'phone'],
    ['tel', 'phone'], ['phone', 'phone'], ['传真', 'phone'], ['fax', 'phone'],
    ['邮箱', 'email'], ['信箱', 'email'], ['邮件', 'email'], ['e-mail', 'email'], ['email', 'email'], ['mail', 'email'],
    ['名称', 'name'], ['名', 'name'], ['全称', 'name'], ['内容', 'contents'], ['科目', 'name'], ['细目', 'name'], ['模块', 'name'],
    ['清单', 'name'], ['构成', 'name'], ['子项', 'name'], ['名目', 'name'], ['项目', 'name'],
    ['合计', 'money'], ['小计', 'money'], ['总计', 'money'], ['价值', 'money'], ['造价', 'money'], ['报价', 'money'],
    ['年份', 'period'],
    ['比例', 'none'], ['比重', 'none'], ['百分比', 'none'], ['率', 'none'],
    // a title (进度情况表, 费用明细表, 项目台账) names the sheet, not a column
    ['表', 'none'], ['台账', 'none'], ['一览', 'none'],
    // an opinion or a problem about a field is not the field (财政部门意见, 资金使用存在问题)
    ['意见', 'none'], ['问题', 'none'], ['建议', 'none'],
    ['说明', 'text'], ['简介', 'text'], ['概况', 'text'], ['描述', 'text'], ['依据', 'text'], ['摘要', 'text'],
  ] as [string, HeadKind][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Per kind, the fields it may mean, most specific first (调整后 before 调整, 验收申请 before 验收), each with the
 * subjects of its vocabulary entry. `null` entries are subjects that make the header none of ours (合同金额 is
 * money, but not the project's).
 */
type Reading = readonly [subjects: readonly string[], field: FieldKey | null];

const about = (k: FieldKey): Reading => [FIELDS[k].about ?? [], k];

const READINGS: Partial<Record<HeadKind, readonly Reading[]>> = {
  money: [
    [['合同', '中标', '成交', '支付', '付款', '结算', '决算', '审计', '到位', '拨付', '缺口', '差额', '节约', '结余', '剩余', '追加', '利润', '收入', '工资'], null],
    // to date, from the start: whatever period it names (开工至本月底累计完成投资)
    [['累计'], 'invested'],
    // a year's or a period's share is not the project's amount (上年度预算, 本年计划投资)
    [['上年', '本年', '当年', '年度计划', '本季', '本月', '本周', '本次', '比例', '占比'], null],
    about('adjustedTotal'),
    about('adjustment'),
    about('invested'),
    about('approvedBudget'),
    about('maintenanceFee'),
    about('unitPrice'),
    about('fundLoan'),
    about('fundSelf'),
    about('fundFiscal'),
    about('fundOther'),
    about('totalInvestment'),
    about('investment'),
    about('amount'),
  ],
  date: [
    [['截止', '截至', '期限', '到期', '签订', '签署', '出生', '成立', '批复', '印发', '试运行', '质保', '维保'], null],
    about('acceptanceApplicationDate'),
    about('preliminaryAcceptanceDate'),
    about('acceptanceDate'),
    about('selfEvaluationDate'),
    about('performanceReportDate'),
    about('standardPublishedDate'),
    about('adjustmentDate'),
    about('procurementDate'),
    about('startDate'),
    about('completionDate'),
    about('operationDate'),
    about('reportDate'),
    about('period'),
  ],
  period: [[['质保', '保修', '维保', '免费运维', '运维', '合同', '服务'], null], about('period')],
  org: [[['计量', '归属', '审核', '审批', '监理', '咨询', '设计', '评审'], null], about('builder'), about('unit')],
  person: [[['审核', '审批', '复核', '监理'], null], about('contact'), about('owner')],
  phone: [[['传真', 'fax'], 'fax'], [['手机', '移动'], 'mobile'], [[''], 'phone']],
  email: [[[''], 'email']],
  name: [about('item'), about('projectName')],
  // 运维内容 is an expense item, 主要建设内容 the project's content
  contents: [about('item'), [['建设', '主要', '项目', '工程', '实施'], 'content']],
  text: [[['备注', '其他', '补充', '测算', '计算'], 'remark'], about('description')],
};

/** Dates of events that a planned date does not record: a 计划验收日期 is no acceptance. */
const PLANNED = /计划|预计|拟|预定|计划中/;
const EVENT_DATES: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'preliminaryAcceptanceDate', 'acceptanceDate', 'operationDate', 'selfEvaluationDate', 'performanceReportDate',
  'acceptanceApplicationDate', 'standardPublishedDate',
]);

/** Head nouns with no field of their own kind when nothing else is said: 投资 is the project investment. */
const BARE: Readonly<Record<string, FieldKey>> = {
  投资: 'investment', 投资额: 'investment', 金额: 'amount', 名称: 'item', 合计: 'amount', 小计: 'amount', 总计: 'amount',
  科目: 'item', 名目: 'item',
};

const COMPANY: ReadonlySet<string> = new Set(['公司', '企业', '厂商', '商', '承建方']);
const PERIOD_SHARE = /(?:19|20)\d\d年|\d{1,2}(?:[-~至]\d{1,2})?月/;

/** A group header over money columns: 资金来源（万元）, 资金筹措, 其中. */
const MONEY_GROUP = /资金|投资|经费|万元|筹措|来源/;
const GROUP_PREFIX = /^(资金筹措|资金来源|筹措资金|其中)[-—_:]?/;

/** The head word and kind a label ends with, or null. A name of an organisation (建设单位名称) is an organisation. */
export function headOf(label: string): { head: string; kind: HeadKind; rest: string } | null {
  for (const [head, kind] of HEADS) {
    if (!label.endsWith(head) || label.length === 0) continue;
    const rest = label.slice(0, label.length - head.length);
    if (kind === 'name' && rest.length > 0) {
      const inner = headOf(rest);
      if (inner && (inner.kind === 'org' || inner.kind === 'person')) return inner;
    }
    return { head, kind, rest };
  }
  return null;
}

export type Meaning =
  /** no head word: the label says nothing about its kind of value */
  | { kind: null }
  /** a head word, and a field it means (null: a kind of value, but none of our fields) */
  | { kind: HeadKind; field: FieldKey | null; subject: string; blocked?: boolean };

/**
 * What a label (normalised, brackets and numbering removed) means from its head word and subjects. `group` is the
 * group header above it, whose head stands in for a label that has none (市级 under 资金来源（万元）).
 */
export function meaningOf(label: string, group = ''): Meaning {
  // a group flattened into the label (资金筹措-财政资金) is a group
  const flat = GROUP_PREFIX.exec(label);
  if (flat && flat[0].length < label.length) {
    group = flat[1];
    label = label.slice(flat[0].length);
  }
  let h = headOf(label);
  let rest = label;
  if (h) rest = h.rest;
  // a title line merged over the table (填报单位：… 金额单位：万元) is no group
  else if (MONEY_GROUP.test(group) && !/:./.test(group)) h = { head: '', kind: 'money', rest: label };
  if (!h) return { kind: null };
  const readings = READINGS[h.kind];
  if (!readings) return { kind: h.kind, field: null, subject: '' };
  // money of one year or some months is a share, not the project's amount (2025年预算, 1-6月完成投资)
  if (h.kind === 'money' && PERIOD_SHARE.test(label) && !label.includes('累计')) return { kind: h.kind, field: null, subject: '', blocked: true };
  // the head itself may be a subject (运维费 ends with 费 but is about 运维; 单价 is its own subject)
  const text = h.kind === 'money' || h.kind === 'phone' || h.kind === 'email' || h.kind === 'text' ? label : rest;
  // a company is the contractor (实施厂商); a government body never is
  if (h.kind === 'org' && COMPANY.has(h.head)) return { kind: h.kind, field: 'builder', subject: h.head };
  for (const [subjects, field] of readings) {
    if (field === 'builder' && h.head === '部门') continue;
    for (const s of subjects) {
      if (!text.includes(s)) continue;
      if (field !== null && EVENT_DATES.has(field) && PLANNED.test(label)) return { kind: h.kind, field: null, subject: s, blocked: true };
      return field === null ? { kind: h.kind, field, subject: s, blocked: true } : { kind: h.kind, field, subject: s };
    }
  }
  if (h.kind === 'date' && rest.length === 0) return { kind: h.kind, field: null, subject: '' };
  if (h.kind === 'org' && (h.head === '部门' || h.head === '单位' || h.head === '主体')) return { kind: h.kind, field: 'unit', subject: '' };
  const bare = BARE[h.head];
  if (bare && rest.length === 0) return { kind: h.kind, field: bare, subject: '' };
  if (bare === 'investment') return { kind: h.kind, field: bare, subject: '' };
  return { kind: h.kind, field: null, subject: '' };
}
