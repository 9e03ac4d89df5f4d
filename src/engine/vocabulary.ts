// The one vocabulary: each field's key, labels, kind of value, sheets and wordings, and the headers of computed columns.
import type { ComputedKey, FieldKey, SheetKind } from './types';
import { COMPUTED_HEADER_MARKER } from './types';

/** What a field holds: it decides how a header's head word is read and how values are parsed. */
export type FieldKind =
  | 'seq'
  | 'org'
  | 'person'
  | 'phone'
  | 'email'
  | 'name'
  | 'text'
  | 'period'
  | 'money'
  | 'date'
  | 'number';

/**
 * A wording. A plain string matches a label equal to it or containing it (`项目投资` in `项目投资(万元)`);
 * `exact` ones only match the whole label (short words like 投资 or 其他 are too ambiguous inside longer ones);
 * `context` must also match the label together with its group header (其他 counts only under 资金筹措).
 * Labels are compared after normalizeHeader and with bracketed parts such as (万元) removed.
 */
export interface WordingSpec {
  text: string;
  exact?: boolean;
  context?: RegExp;
}
export type Wording = string | WordingSpec;

export interface FieldDef {
  /** Label in messages and required-column lists (money fields print their unit). */
  zh: string;
  en: string;
  kind: FieldKind;
  /** Sheet kinds whose template has this field; a field that is evidence of no kind in particular lists several. */
  sheets: readonly Exclude<SheetKind, 'unknown'>[];
  /** Wordings people type, lower-case Latin, CJK as printed. */
  wordings: readonly Wording[];
  /**
   * What the header is about, for headers no wording matches: a header whose head word is of this field's kind and
   * which names one of these subjects means this field (投入使用 + 日期 → operationDate). See recognize/meaning.ts.
   */
  about?: readonly string[];
}

const exact = (text: string): WordingSpec => ({ text, exact: true });

const DECL = 'declaration' as const;
const PT = 'progress-table' as const;
const PF = 'progress-form' as const;
const EXP = 'expense' as const;

/** Every field once, in template order (declaration, progress, expense). The record type makes a missing key an error. */
export const FIELDS: Readonly<Record<FieldKey, FieldDef>> = {
  seq: { zh: '序号', en: 'No.', kind: 'seq', sheets: [DECL, PT, EXP], wordings: ['行号', '序次', '行次', '序号', '编号', exact('序'), exact('no'), exact('no.')] },
  unit: {
    zh: '建设单位',
    en: 'Building unit',
    kind: 'org',
    sheets: [DECL, PT, PF],
    wordings: ['实施单位', '实施部门', '预算单位', '部门名称', '主责单位', '项目承担单位', '承担单位', 
      '建设单位', '项目建设单位', '建设单位名称', '项目建设单位名称', '申报单位', '项目单位', '牵头单位', '责任单位',
      '主管单位', exact('单位'), exact('单位名称'), '填报单位', '业主单位', '申请单位', '项目业主', '建设主体',
    ],
    about: ['建设', '申报', '申请', '填报', '业主', '项目', '主管', '牵头', '责任', '使用', '需求', '归口', '主体', '预算', '主责', '承担', '实施'],
  },
  projectName: {
    zh: '项目名称',
    en: 'Project name',
    kind: 'name',
    sheets: [DECL, PT, PF],
    wordings: ['项目名称', exact('项目'), '项目全称', exact('项目名'), '工程名称', '系统名称', '建设项目名称', '信息化项目名称', 'project name', exact('project')],
    about: ['项目', '工程', '系统', '平台'],
  },
  description: {
    zh: '项目简要说明及建设依据',
    en: 'Brief description and basis',
    kind: 'text',
    sheets: [DECL],
    wordings: [
      '项目简要说明及建设依据', '简要说明', '项目简要说明', '项目说明', '项目简介', '项目概况', '建设依据', '项目描述',
      '建设必要性', '立项依据', '建设目标', '项目摘要', '简要内容',
    ],
    about: ['简要', '简介', '概况', '依据', '描述', '必要性', '摘要', '概述', '目标'],
  },
  period: {
    zh: '建设年度',
    en: 'Construction period',
    kind: 'period',
    sheets: [DECL],
    wordings: ['建设年份', 
      '建设年度', '建设期限', '建设周期', '建设期', '建设工期', '建设起止时间', '实施周期', '建设起止年月', '实施期限',
      '建设时间', '实施时间', '实施年度', '起止年限', '建设年限', '项目周期', '起止时间', '实施期',
    ],
    about: ['建设', '实施', '项目', '起止'],
  },
  investment: {
    zh: '项目投资（万元）',
    en: 'Project investment (10k yuan)',
    kind: 'money',
    sheets: [DECL],
    wordings: [
      '项目投资', '投资金额', exact('投资'), '投资额', '计划投资', '投资估算', '估算投资', '申报金额', '立项金额',
      '申请金额', '申请资金', '项目金额', '投资规模', '估算金额', '预计投资', '拟投资', '项目预算', '申报资金',
    ],
    about: ['项目', '申报', '申请', '立项', '估算', '计划', '预计', '拟', '规模'],
  },
  fundFiscal: {
    zh: '财政资金（万元）',
    en: 'Fiscal funds (10k yuan)',
    kind: 'money',
    sheets: [DECL],
    wordings: ['财政资金', '财政', '财政拨款', '财政性资金', '财政预算', '本级财政', '上级资金', '专项资金'],
    about: ['财政', '专项', '上级', '中央', '省级', '市级', '区级', '县级', '本级'],
  },
  fundLoan: { zh: '银行贷款（万元）', en: 'Bank loans (10k yuan)', kind: 'money', sheets: [DECL], wordings: ['银行贷款', '银行货款', '贷款', '银行借款', '融资'], about: ['贷款', '货款', '借款', '融资'] },
  fundSelf: { zh: '自筹（万元）', en: 'Self-raised (10k yuan)', kind: 'money', sheets: [DECL], wordings: ['自筹', '自筹资金', '单位自筹', '自有资金'], about: ['自筹', '自有'] },
  fundOther: {
    zh: '其他（万元）',
    en: 'Other funds (10k yuan)',
    kind: 'money',
    sheets: [DECL],
    wordings: ['其他资金', '其它资金', { text: '其他', context: /资金|筹措|来源/ }, { text: '其它', context: /资金|筹措|来源/ }, '社会资本', '社会资金'],
    about: ['其他', '其它', '社会'],
  },
  owner: {
    zh: '负责人',
    en: 'Person in charge',
    kind: 'person',
    sheets: [DECL, PT, PF],
    wordings: ['负责人', '项目负责人', '单位负责人', '分管领导', '责任人', '主要负责人', '分管负责人', '法定代表人', '项目经理'],
    about: ['负责', '领导', '分管', '责任', '法定代表', '法人', '经理', '主管'],
  },
  contact: {
    zh: '联系人',
    en: 'Contact person',
    kind: 'person',
    sheets: [DECL, PT, PF],
    wordings: ['联系人及电话', '联系人及联系电话', '联系人及联系方式', '联系人电话号码', '联系人', '经办人', '填报人', '填表人', '联络人', '对接人', '具体经办人'],
    about: ['联系', '经办', '填报', '填表', '联络', '对接', '承办'],
  },
  phone: {
    zh: '联系电话',
    en: 'Telephone',
    kind: 'phone',
    sheets: [DECL, PT, PF],
    wordings: ['联系电话', '电话', '联系方式', '办公电话', '电话号码', '座机', '固定电话', 'tel', 'telephone', 'phone'],
  },
  email: {
    zh: '电子邮箱',
    en: 'Email',
    kind: 'email',
    sheets: [DECL, PT, PF],
    wordings: ['电子油箱', '邮件地址', '电子邮箱', '邮箱', '电子邮件', 'e-mail', 'email', exact('邮件'), '电子信箱', '信箱', 'mail'],
  },
  remark: { zh: '备注', en: 'Remarks', kind: 'text', sheets: [DECL, PT, EXP], wordings: ['用途', 'remarks', 'remark', 'note', 'notes', '备注', '说明', '附注', '备考'] },
  reportDate: {
    zh: '填报日期',
    en: 'Report date',
    kind: 'date',
    sheets: [PF, PT],
    wordings: ['申报日期', '填报日期', '填表日期', '报送日期', '填报时间', '上报日期', '报告日期', '填写日期'],
    about: ['填报', '填表', '报送', '上报', '填写', '报告', '申报'],
  },
  fax: { zh: '传真', en: 'Fax', kind: 'phone', sheets: [PF], wordings: ['传真', '传真号码', '传真电话', 'fax'] },
  mobile: { zh: '手机', en: 'Mobile', kind: 'phone', sheets: [PF, DECL, PT], wordings: ['手机', '手机号码', '移动电话', '手机号', 'mobile'] },
  content: {
    zh: '主要内容',
    en: 'Main content',
    kind: 'text',
    sheets: [PT, PF],
    wordings: ['主要内容', '主要建设内容', '项目内容', '建设规模及内容', '建设内容及规模'],
  },
  builder: {
    zh: '承建单位',
    en: 'Builder',
    kind: 'org',
    sheets: [PT, PF],
    wordings: ['承接单位', '承建企业', '承建单位', '施工单位', '中标单位', '承建商', '承建方', '供应商', '集成商', '开发单位', '服务商'],
    about: ['承建', '施工', '中标', '供应', '集成', '开发', '服务', '成交', '承接'],
  },
  progress: {
    zh: '建设进度',
    en: 'Construction progress',
    kind: 'text',
    sheets: [PT, PF],
    wordings: ['进展', '推进情况', '完工百分比', '完成百分比', '目前进度', '建设进度', '进度', '进展情况', '项目进展', '形象进度', '实施进度', '进度情况', '项目进度', '完成情况', '建设进展'],
  },
  totalInvestment: {
    zh: '总投资（万元）',
    en: 'Total investment (10k yuan)',
    kind: 'money',
    sheets: [PT, PF],
    wordings: ['总造价', '工程总造价', '项目总造价', '总投资', '项目总投资', '计划总投资', '投资总额', '总投资额'],
    about: ['总投资', '投资总额', '总额', '总计划'],
  },
  invested: {
    zh: '已投资（万元）',
    en: 'Invested to date (10k yuan)',
    kind: 'money',
    sheets: [PT, PF],
    wordings: ['已投资', '累计投资', '已完成投资', '累计完成投资', '完成投资', '完成投资额', '已完成投资额', '累计完成投资额', '实际完成投资'],
    about: ['已', '累计', '完成', '实际', '到目前', '截至', '截止'],
  },
  approvedBudget: {
    zh: '批复概算（万元）',
    en: 'Approved budget estimate (10k yuan)',
    kind: 'money',
    sheets: [PT],
    wordings: ['批复概算', '概算总投资', '批复金额', '批复概算金额', '批复投资', '概算批复', '核定概算', '核定投资', '审定金额', '批复总投资'],
    about: ['批复', '核定', '概算', '审定', '批准', '审批'],
  },
  adjustment: {
    zh: '调整金额（万元）',
    en: 'Adjustment amount (10k yuan)',
    kind: 'money',
    sheets: [PT],
    wordings: ['增减金额', '调增调减金额', '调整金额', '资金调整数额', '调整数额', '调整额', '变更金额', '调增金额', '调整资金'],
    about: ['调整', '变更', '调增', '调减', '增减'],
  },
  adjustedTotal: {
    zh: '调整后总投资（万元）',
    en: 'Total after adjustment (10k yuan)',
    kind: 'money',
    sheets: [PT],
    wordings: ['调整后总投资', '调整后概算', '调整后金额', '调整后投资', '变更后总投资', '变更后金额'],
    about: ['调整后', '变更后'],
  },
  adjustmentDate: { zh: '调整日期', en: 'Adjustment date', kind: 'date', sheets: [PT], wordings: ['调整日期', '调整时间', '变更日期', '变更时间'], about: ['调整', '变更'] },
  procurementDate: {
    zh: '采购日期',
    en: 'Procurement date',
    kind: 'date',
    sheets: [PT],
    wordings: ['采购日期', '采购时间', '招标日期', '招标时间', '开标日期'],
    about: ['采购', '招标', '开标', '招投标', '中标'],
  },
  projectType: {
    zh: '项目类别',
    en: 'Project type',
    kind: 'text',
    sheets: [PT, DECL],
    wordings: ['工程类型', '工程类别', '项目类别', '项目类型', exact('类别'), exact('类型'), '项目性质', '建设性质', '项目分类', '建设类型'],
  },
  startDate: {
    zh: '开工日期',
    en: 'Start date',
    kind: 'date',
    sheets: [PT],
    wordings: ['开工日期', '开始日期', '开工时间', '开始时间', '启动日期', '启动时间', '实施开始时间'],
    about: ['开工', '开始', '启动'],
  },
  completionDate: {
    zh: '建成日期',
    en: 'Completion date',
    kind: 'date',
    sheets: [PT],
    wordings: [
      '预计完成时间', '建成日期', '完工日期', '完成时间', '完成日期', '预计完成日期', '计划完成时间', '建成时间',
      '完工时间', '竣工日期', '竣工时间',
    ],
    about: ['完成', '完工', '建成', '竣工', '结束'],
  },
  preliminaryAcceptanceDate: {
    zh: '初步验收日期',
    en: 'Preliminary acceptance date',
    kind: 'date',
    sheets: [PT],
    wordings: ['初步验收日期', '初验日期', '初步验收时间', '初验时间'],
    about: ['初验', '初步验收'],
  },
  acceptanceDate: {
    zh: '验收日期',
    en: 'Acceptance date',
    kind: 'date',
    sheets: [PT],
    wordings: ['竣工验收日期', '验收日期', '验收时间', '竣工验收时间', '终验日期', '终验时间', '最终验收日期'],
    about: ['竣工验收', '终验', '最终验收', '验收'],
  },
  operationDate: {
    zh: '投入运行日期',
    en: 'Operation date',
    kind: 'date',
    sheets: [PT],
    wordings: ['投入运行日期', '上线日期', '上线时间', '投入运行时间', '投运日期', '运行日期', '投入使用日期', '投入使用时间', '交付使用日期'],
    about: ['投入使用', '投入运行', '上线', '投运', '运行', '交付使用', '启用', '使用'],
  },
  selfEvaluationDate: {
    zh: '绩效自评价日期',
    en: 'Self-evaluation date',
    kind: 'date',
    sheets: [PT],
    wordings: ['绩效自评价日期', '自评日期', '自评价日期', '绩效自评日期', '自评时间'],
    about: ['自评'],
  },
  performanceReportDate: {
    zh: '绩效评价报告日期',
    en: 'Performance report date',
    kind: 'date',
    sheets: [PT],
    wordings: ['绩效评价报告日期', '绩效报告提交日期', '绩效报告日期', '绩效评价报告提交日期'],
    about: ['绩效评价报告', '绩效报告', '绩效评价'],
  },
  acceptanceApplicationDate: {
    zh: '竣工验收申请日期',
    en: 'Acceptance application date',
    kind: 'date',
    sheets: [PT],
    wordings: ['竣工验收申请日期', '验收申请日期', '申请验收日期', '验收申请时间'],
    about: ['验收申请', '申请验收', '申请竣工验收', '申请终验'],
  },
  standardPublishedDate: { zh: '标准发布日期', en: 'Standard published date', kind: 'date', sheets: [PT], wordings: ['标准发布日期', '标准发布时间'], about: ['标准'] },
  maintenanceFee: {
    zh: '运维费用（万元）',
    en: 'O&M fee (10k yuan)',
    kind: 'money',
    sheets: [PT],
    wordings: ['年度运维费用', '运维费', '运维费用', '运维经费', '年度运维费', '运行维护费'],
    about: ['运维', '运行维护', '维护'],
  },
  item: {
    zh: '费用名称',
    en: 'Expense item',
    kind: 'name',
    sheets: [EXP],
    wordings: ['标的名称', '品名', '预算项目', '预算科目', '科目名称', '开支内容', 'item', '运维内容', '服务内容', '购置内容', '功能模块', '费用构成', '费用科目', '支出科目', '工作内容', '细目名称', '服务项目', '采购清单', '名称及规格', 'description', 
      '费用名称', '费用项目', '建设内容', '明细', '费用明细', '支出项目', exact('名称'), exact('内容'), '子项名称',
      '支出内容', '设备名称', '采购内容', '明细项目', '货物名称', '服务名称', '品目', '采购项目', '建设项目', '分项名称',
      '产品名称', '软件名称', '硬件名称', '支出明细',
    ],
    about: ['费用', '支出', '设备', '货物', '服务', '品目', '采购', '子项', '分项', '明细', '产品', '软件', '硬件', '物资', '标的', '预算', '科目', '细目', '开支', '购置', '运维', '工作', '功能', '模块', '构成', '清单', '经费', '名目'],
  },
  amount: {
    zh: '金额（万元）',
    en: 'Amount (10k yuan)',
    kind: 'money',
    sheets: [EXP],
    wordings: ['合计金额', '总金额', 'amount', '报价', '资金需求', '概算价值', '费用合计', 'total', '金额', '预算金额', '概算金额', '合价', '总价', exact('费用'), exact('小计金额'), exact('小计'), '预算数', '测算金额', '费用金额', '支出金额'],
    about: ['预算', '概算', '测算', '小计', '合计', '费用', '支出', '合价', '总价', '报价', '需求', '价值'],
  },
  quantity: { zh: '数量', en: 'Quantity', kind: 'number', sheets: [EXP], wordings: ['件数', '个数', '工程量', 'qty', 'quantity', '工作量', '人月数', '人天数', '人月', '人天', '数量', '台数', '套数'] },
  unitPrice: { zh: '单价', en: 'Unit price', kind: 'money', sheets: [EXP], wordings: ['unitprice', 'unit price', 'price', '单价', '综合单价'], about: ['单价'] },
};

export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

/** Fields of one kind, in vocabulary order. */
export function fieldsOfKind(kind: FieldKind): FieldKey[] {
  return FIELD_KEYS.filter((k) => FIELDS[k].kind === kind);
}

const M = COMPUTED_HEADER_MARKER;

/**
 * The columns the checker computes and writes back, in layout order. zh headers end with COMPUTED_HEADER_MARKER so
 * recognition never mistakes a written-back column for a user column; en headers end with ' (auto)'.
 */
export const COMPUTED_HEADERS: Readonly<Record<ComputedKey, { zh: string; en: string }>> = {
  approvalPath: { zh: `审批/管理路径${M}`, en: 'Approval path (auto)' },
  expenseScope: { zh: `经费口径${M}`, en: 'Expense scope (auto)' },
  declarationDue: { zh: `申报截止${M}`, en: 'Declaration due (auto)' },
  nextProgressReportDue: { zh: `下次进度报送截止${M}`, en: 'Next progress report due (auto)' },
  annualPerformanceReportDue: { zh: `年度绩效评价报告截止${M}`, en: 'Annual performance report due (auto)' },
  acceptanceDue: { zh: `验收截止${M}`, en: 'Acceptance due (auto)' },
  acceptanceApplicationDue: { zh: `竣工验收申请截止${M}`, en: 'Acceptance application due (auto)' },
  selfEvaluationFrom: { zh: `绩效自评价起${M}`, en: 'Self-evaluation from (auto)' },
  selfEvaluationDue: { zh: `绩效自评价截止${M}`, en: 'Self-evaluation due (auto)' },
  standardPublicationDue: { zh: `标准发布截止${M}`, en: 'Standard publication due (auto)' },
  freeMaintenanceUntil: { zh: `免费运维期至（不少于）${M}`, en: 'Free maintenance until, at least (auto)' },
};
