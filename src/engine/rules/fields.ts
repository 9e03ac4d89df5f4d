// Field keys as a dense index (for per-row caches without per-cell objects) and their labels for messages.
import type { FieldKey } from '../types';

/** Every FieldKey once; the record type below makes the compiler catch a key added to types.ts and not here. */
const LABELS: Record<FieldKey, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'No.' },
  unit: { zh: '建设单位', en: 'Building unit' },
  projectName: { zh: '项目名称', en: 'Project name' },
  description: { zh: '项目简要说明及建设依据', en: 'Brief description and basis' },
  period: { zh: '建设年度', en: 'Construction period' },
  investment: { zh: '项目投资（万元）', en: 'Project investment (10k yuan)' },
  fundFiscal: { zh: '财政资金（万元）', en: 'Fiscal funds (10k yuan)' },
  fundLoan: { zh: '银行贷款（万元）', en: 'Bank loans (10k yuan)' },
  fundSelf: { zh: '自筹（万元）', en: 'Self-raised (10k yuan)' },
  fundOther: { zh: '其他（万元）', en: 'Other funds (10k yuan)' },
  owner: { zh: '负责人', en: 'Person in charge' },
  contact: { zh: '联系人', en: 'Contact person' },
  phone: { zh: '联系电话', en: 'Telephone' },
  email: { zh: '电子邮箱', en: 'Email' },
  remark: { zh: '备注', en: 'Remarks' },
  reportDate: { zh: '填报日期', en: 'Report date' },
  fax: { zh: '传真', en: 'Fax' },
  mobile: { zh: '手机', en: 'Mobile' },
  content: { zh: '主要内容', en: 'Main content' },
  builder: { zh: '建设单位', en: 'Builder' },
  progress: { zh: '建设进度', en: 'Construction progress' },
  totalInvestment: { zh: '总投资（万元）', en: 'Total investment (10k yuan)' },
  invested: { zh: '已投资（万元）', en: 'Invested to date (10k yuan)' },
  approvedBudget: { zh: '批复概算（万元）', en: 'Approved budget estimate (10k yuan)' },
  adjustment: { zh: '调整金额（万元）', en: 'Adjustment amount (10k yuan)' },
  adjustedTotal: { zh: '调整后总投资（万元）', en: 'Total after adjustment (10k yuan)' },
  adjustmentDate: { zh: '调整日期', en: 'Adjustment date' },
  procurementDate: { zh: '采购日期', en: 'Procurement date' },
  projectType: { zh: '项目类别', en: 'Project type' },
  startDate: { zh: '开工日期', en: 'Start date' },
  completionDate: { zh: '建成日期', en: 'Completion date' },
  preliminaryAcceptanceDate: { zh: '初步验收日期', en: 'Preliminary acceptance date' },
  acceptanceDate: { zh: '验收日期', en: 'Acceptance date' },
  operationDate: { zh: '投入运行日期', en: 'Operation date' },
  selfEvaluationDate: { zh: '绩效自评价日期', en: 'Self-evaluation date' },
  performanceReportDate: { zh: '绩效评价报告日期', en: 'Performance report date' },
  acceptanceApplicationDate: { zh: '竣工验收申请日期', en: 'Acceptance application date' },
  standardPublishedDate: { zh: '标准发布日期', en: 'Standard published date' },
  maintenanceFee: { zh: '运维费用（万元）', en: 'O&M fee (10k yuan)' },
  item: { zh: '费用名称', en: 'Expense item' },
  amount: { zh: '金额（万元）', en: 'Amount (10k yuan)' },
  quantity: { zh: '数量', en: 'Quantity' },
  unitPrice: { zh: '单价', en: 'Unit price' },
};

export const FIELD_LABELS: Readonly<Record<FieldKey, { zh: string; en: string }>> = LABELS;

export const FIELD_KEYS = Object.keys(LABELS) as FieldKey[];
export const FIELD_COUNT = FIELD_KEYS.length;

// Keyed by string this lookup is a dictionary probe, run some 85 times per row; rules on hot paths pass the field's
// number (F.projectName) instead, which needs no lookup at all.
const INDEX = {} as Record<FieldKey, number>;
FIELD_KEYS.forEach((k, i) => {
  INDEX[k] = i;
});

/** A field's dense index as a branded number, so it cannot be mixed up with other numbers. */
export type FieldId = number & { readonly __fieldId: true };
/** A field as rules name it: its key, or its id from F. */
export type FieldRef = FieldKey | FieldId;

/** Field ids by key: F.projectName is the id of 'projectName'. */
export const F: { readonly [K in FieldKey]: FieldId } = Object.freeze(Object.fromEntries(FIELD_KEYS.map((k, i) => [k, i])) as { [K in FieldKey]: FieldId });

/** Dense index of a field (0 … FIELD_COUNT-1). */
export function fieldIndex(f: FieldRef): number {
  return typeof f === 'number' ? f : INDEX[f];
}

/** The key of a field given either way. */
export function fieldKey(f: FieldRef): FieldKey {
  return typeof f === 'number' ? FIELD_KEYS[f] : f;
}

/** Money columns (万元 unless the header says 元): parsed with parseAmount and summed by the totals-row rule. */
export const AMOUNT_FIELDS: readonly FieldKey[] = [
  'investment',
  'fundFiscal',
  'fundLoan',
  'fundSelf',
  'fundOther',
  'totalInvestment',
  'invested',
  'approvedBudget',
  'adjustment',
  'adjustedTotal',
  'maintenanceFee',
  'amount',
  'unitPrice',
];

/** Columns the totals row sums (unitPrice is a price, not an additive amount). */
export const SUMMED_FIELDS: readonly FieldKey[] = AMOUNT_FIELDS.filter((f) => f !== 'unitPrice');

export const DATE_FIELDS: readonly FieldKey[] = [
  'reportDate',
  'adjustmentDate',
  'procurementDate',
  'startDate',
  'completionDate',
  'preliminaryAcceptanceDate',
  'acceptanceDate',
  'operationDate',
  'selfEvaluationDate',
  'performanceReportDate',
  'acceptanceApplicationDate',
  'standardPublishedDate',
];
