// What header and form labels each field key answers to, and the matcher that picks the most specific one.
import type { FieldKey } from '../types';

/**
 * A synonym. A plain string matches a label equal to it or containing it (`项目投资` in `项目投资(万元)`);
 * `exact` ones only match the whole label (short words like 投资 or 其他 are too ambiguous inside longer ones);
 * `context` must also match the label together with its group header (其他 counts only under 资金筹措).
 * Labels are compared after normalizeHeader and with bracketed parts such as (万元) removed.
 */
export interface SynonymSpec {
  text: string;
  exact?: boolean;
  context?: RegExp;
}
export type Synonym = string | SynonymSpec;

const exact = (text: string): SynonymSpec => ({ text, exact: true });

/** Every label recognised for every field. Lower-case Latin; CJK as printed. */
export const FIELD_SYNONYMS: Record<FieldKey, readonly Synonym[]> = {
  seq: ['序号', '编号', exact('序'), exact('no'), exact('no.')],
  unit: [
    '建设单位', '项目建设单位', '建设单位名称', '项目建设单位名称', '申报单位', '项目单位', '牵头单位', '责任单位',
    '主管单位', exact('单位'), exact('单位名称'),
  ],
  projectName: ['项目名称', exact('项目'), '项目全称'],
  description: [
    '项目简要说明及建设依据', '简要说明', '项目简要说明', '项目说明', '项目简介', '项目概况', '建设依据', '项目描述',
  ],
  period: ['建设年度', '建设期限', '建设周期', '建设期', '建设工期', '建设起止时间', '实施周期', '建设起止年月'],
  investment: ['项目投资', '投资金额', exact('投资'), '投资额', '计划投资', '投资估算', '估算投资'],
  fundFiscal: ['财政资金', '财政', '财政拨款', '财政性资金'],
  fundLoan: ['银行贷款', '银行货款', '贷款'],
  fundSelf: ['自筹', '自筹资金', '单位自筹'],
  fundOther: ['其他资金', '其它资金', { text: '其他', context: /资金|筹措/ }, { text: '其它', context: /资金|筹措/ }],
  owner: ['负责人', '项目负责人', '单位负责人'],
  contact: ['联系人', '经办人'],
  phone: ['联系电话', '电话', '联系方式', '办公电话', '电话号码'],
  email: ['电子邮箱', '邮箱', '电子邮件', 'e-mail', 'email', exact('邮件')],
  remark: ['备注', '说明', '附注'],
  reportDate: ['填报日期', '填表日期', '报送日期', '填报时间'],
  fax: ['传真'],
  mobile: ['手机', '手机号码', '移动电话'],
  content: ['主要内容', '主要建设内容', '项目内容'],
  builder: ['承建单位', '施工单位', '中标单位', '承建商'],
  progress: ['建设进度', '进度', '进展情况', '项目进展', '形象进度'],
  totalInvestment: ['总投资', '项目总投资', '计划总投资'],
  invested: ['已投资', '累计投资', '已完成投资', '累计完成投资', '完成投资'],
  approvedBudget: ['批复概算', '概算总投资', '批复金额', '批复概算金额', '批复投资', '概算批复', '核定概算'],
  adjustment: ['调整金额', '资金调整数额', '调整数额', '调整额', '变更金额'],
  adjustedTotal: ['调整后总投资', '调整后概算', '调整后金额', '调整后投资'],
  adjustmentDate: ['调整日期', '调整时间', '变更日期'],
  procurementDate: ['采购日期', '采购时间', '招标日期'],
  projectType: ['项目类别', '项目类型', exact('类别'), exact('类型'), '项目性质', '建设性质'],
  startDate: ['开工日期', '开始日期', '开工时间', '开始时间', '启动日期'],
  completionDate: [
    '预计完成时间', '建成日期', '完工日期', '完成时间', '完成日期', '预计完成日期', '计划完成时间', '建成时间',
    '完工时间', '竣工日期',
  ],
  preliminaryAcceptanceDate: ['初步验收日期', '初验日期', '初步验收时间', '初验时间'],
  acceptanceDate: ['竣工验收日期', '验收日期', '验收时间', '竣工验收时间'],
  operationDate: ['投入运行日期', '上线日期', '上线时间', '投入运行时间', '投运日期', '运行日期'],
  selfEvaluationDate: ['绩效自评价日期', '自评日期', '自评价日期', '绩效自评日期', '自评时间'],
  performanceReportDate: ['绩效评价报告日期', '绩效报告提交日期', '绩效报告日期', '绩效评价报告提交日期'],
  acceptanceApplicationDate: ['竣工验收申请日期', '验收申请日期', '申请验收日期', '验收申请时间'],
  standardPublishedDate: ['标准发布日期', '标准发布时间'],
  maintenanceFee: ['年度运维费用', '运维费', '运维费用', '运维经费', '年度运维费'],
  item: ['费用名称', '费用项目', '建设内容', '明细', '费用明细', '支出项目', exact('名称'), exact('内容'), '子项名称'],
  amount: ['金额', '预算金额', '概算金额', '合价', '总价', exact('费用'), exact('小计金额')],
  quantity: ['数量'],
  unitPrice: ['单价'],
};

/** Short display names (the first printed form of each label) for reasons and messages. */
export const FIELD_LABELS: Record<FieldKey, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'No.' },
  unit: { zh: '建设单位', en: 'building unit' },
  projectName: { zh: '项目名称', en: 'project name' },
  description: { zh: '项目简要说明及建设依据', en: 'description' },
  period: { zh: '建设年度', en: 'construction period' },
  investment: { zh: '项目投资', en: 'investment' },
  fundFiscal: { zh: '财政资金', en: 'fiscal funds' },
  fundLoan: { zh: '银行贷款', en: 'bank loan' },
  fundSelf: { zh: '自筹', en: 'self-raised' },
  fundOther: { zh: '其他', en: 'other funds' },
  owner: { zh: '负责人', en: 'person in charge' },
  contact: { zh: '联系人', en: 'contact' },
  phone: { zh: '联系电话', en: 'phone' },
  email: { zh: '电子邮箱', en: 'e-mail' },
  remark: { zh: '备注', en: 'remarks' },
  reportDate: { zh: '填报日期', en: 'report date' },
  fax: { zh: '传真', en: 'fax' },
  mobile: { zh: '手机', en: 'mobile' },
  content: { zh: '主要内容', en: 'main content' },
  builder: { zh: '建设单位（承建）', en: 'builder' },
  progress: { zh: '建设进度', en: 'progress' },
  totalInvestment: { zh: '总投资', en: 'total investment' },
  invested: { zh: '已投资', en: 'invested to date' },
  approvedBudget: { zh: '批复概算', en: 'approved budget' },
  adjustment: { zh: '调整金额', en: 'adjustment' },
  adjustedTotal: { zh: '调整后总投资', en: 'adjusted total' },
  adjustmentDate: { zh: '调整日期', en: 'adjustment date' },
  procurementDate: { zh: '采购日期', en: 'procurement date' },
  projectType: { zh: '项目类别', en: 'project type' },
  startDate: { zh: '开工日期', en: 'start date' },
  completionDate: { zh: '预计完成时间', en: 'expected completion' },
  preliminaryAcceptanceDate: { zh: '初步验收日期', en: 'preliminary acceptance date' },
  acceptanceDate: { zh: '竣工验收日期', en: 'acceptance date' },
  operationDate: { zh: '投入运行日期', en: 'operation date' },
  selfEvaluationDate: { zh: '绩效自评价日期', en: 'self-evaluation date' },
  performanceReportDate: { zh: '绩效评价报告日期', en: 'performance report date' },
  acceptanceApplicationDate: { zh: '竣工验收申请日期', en: 'acceptance application date' },
  standardPublishedDate: { zh: '标准发布日期', en: 'standard published date' },
  maintenanceFee: { zh: '年度运维费用', en: 'annual O&M fee' },
  item: { zh: '费用名称', en: 'expense item' },
  amount: { zh: '金额', en: 'amount' },
  quantity: { zh: '数量', en: 'quantity' },
  unitPrice: { zh: '单价', en: 'unit price' },
};

/**
 * On the 附件2 form the same words mean something else than in a table: 建设单位 is the builder there,
 * the unit being 项目建设单位名称（盖章）. These win over FIELD_SYNONYMS for form labels.
 */
export const FORM_LABEL_OVERRIDES: Readonly<Record<string, FieldKey>> = {
  建设单位: 'builder',
  承建单位: 'builder',
  项目建设单位名称: 'unit',
  项目建设单位: 'unit',
  建设单位名称: 'unit',
  总投资: 'totalInvestment',
  项目总投资: 'totalInvestment',
  已投资: 'invested',
  主要内容: 'content',
  建设内容: 'content',
  主要建设内容: 'content',
};

/** Fields holding money, whose header may print a unit. */
export const MONEY_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'investment', 'fundFiscal', 'fundLoan', 'fundSelf', 'fundOther', 'totalInvestment', 'invested', 'approvedBudget',
  'adjustment', 'adjustedTotal', 'maintenanceFee', 'amount', 'unitPrice',
]);

// Compiled once: parallel arrays keep the per-label loop allocation-free.
const SYN_TEXT: string[] = [];
const SYN_FIELD: FieldKey[] = [];
const SYN_EXACT: boolean[] = [];
const SYN_CONTEXT: (RegExp | undefined)[] = [];
for (const field of Object.keys(FIELD_SYNONYMS) as FieldKey[]) {
  for (const s of FIELD_SYNONYMS[field]) {
    const spec: SynonymSpec = typeof s === 'string' ? { text: s } : s;
    SYN_TEXT.push(spec.text.toLowerCase());
    SYN_FIELD.push(field);
    SYN_EXACT.push(spec.exact === true);
    SYN_CONTEXT.push(spec.context);
  }
}
const SYN_COUNT = SYN_TEXT.length;
const EXACT_INDEX = new Map<string, number>();
for (let i = 0; i < SYN_COUNT; i++) if (!SYN_CONTEXT[i] && !EXACT_INDEX.has(SYN_TEXT[i])) EXACT_INDEX.set(SYN_TEXT[i], i);

export interface LabelMatch {
  field: FieldKey;
  /** Higher is more certain: whole-label matches beat contained ones, longer and label-final synonyms beat others. */
  score: number;
  exact: boolean;
}

/** Scores for an exact match; contained matches score below it. */
export const EXACT_SCORE = 1000;

/**
 * Fields a base label (normalised, brackets removed) may mean, best first. A synonym contained in a longer
 * matching synonym is dropped (总投资 inside 调整后总投资), so a column is never offered the less specific field.
 * `context` is the label with its group header, for context-bound synonyms.
 */
export function matchLabel(base: string, context?: string): LabelMatch[] {
  const out: LabelMatch[] = [];
  if (base.length === 0) return out;
  const ctx = context ?? base;
  const whole = EXACT_INDEX.get(base);
  if (whole !== undefined) {
    out.push({ field: SYN_FIELD[whole], score: EXACT_SCORE + base.length, exact: true });
    return out;
  }
  let hits: number[] | null = null;
  for (let i = 0; i < SYN_COUNT; i++) {
    const t = SYN_TEXT[i];
    if (t.length > base.length) continue;
    const ctxRe = SYN_CONTEXT[i];
    if (ctxRe) {
      if ((base === t || (!SYN_EXACT[i] && base.includes(t))) && ctxRe.test(ctx)) {
        (hits ??= []).push(i);
      }
      continue;
    }
    if (SYN_EXACT[i] || !base.includes(t)) continue;
    (hits ??= []).push(i);
  }
  if (!hits) return out;
  for (const i of hits) {
    const t = SYN_TEXT[i];
    let shadowed = false;
    for (const j of hits) {
      const u = SYN_TEXT[j];
      if (u.length > t.length && u.includes(t)) {
        shadowed = true;
        break;
      }
    }
    if (shadowed) continue;
    // Chinese labels put the head noun last (联系人电话 is a phone number), so a label-final synonym gets a bonus.
    const score = t === base ? EXACT_SCORE + t.length : t.length * 2 + (base.endsWith(t) ? 3 : 0);
    const prev = out.find((m) => m.field === SYN_FIELD[i]);
    if (prev) {
      if (score > prev.score) prev.score = score;
    } else out.push({ field: SYN_FIELD[i], score, exact: t === base });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
