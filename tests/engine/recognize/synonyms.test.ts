// The synonym table: each label people type maps to the right field, and look-alike labels do not collide.
import { baseLabel, normalizeHeader } from '../../../src/engine/recognize/normalize';
import { FIELD_LABELS, FIELD_SYNONYMS, matchLabel } from '../../../src/engine/recognize/synonyms';
import type { FieldKey } from '../../../src/engine/types';

function best(label: string, group = ''): FieldKey | undefined {
  const base = baseLabel(normalizeHeader(label));
  const ctx = group ? baseLabel(normalizeHeader(group)) + base : base;
  return matchLabel(base, ctx)[0]?.field;
}

describe('labels as typed map to their field', () => {
  test.each<[string, FieldKey]>([
    ['序号', 'seq'],
    ['建设单位', 'unit'],
    ['项目建设单位', 'unit'],
    ['项目建设单位名称（盖章）', 'unit'],
    ['项目名称', 'projectName'],
    ['项目简要说明及建设依据', 'description'],
    ['建设\n年度', 'period'],
    ['建设期限', 'period'],
    ['建设周期', 'period'],
    ['项目\n投资\n（万元）', 'investment'],
    ['投资金额（万元）', 'investment'],
    ['总投资（万元）', 'totalInvestment'],
    ['财政\n资金\n（万元）', 'fundFiscal'],
    ['银行\n货款\n（万元）', 'fundLoan'],
    ['银行贷款', 'fundLoan'],
    ['自筹（万元）', 'fundSelf'],
    ['资金筹措-财政资金（万元）', 'fundFiscal'],
    ['资金筹措-其他资金', 'fundOther'],
    ['负责人', 'owner'],
    ['项目负责人', 'owner'],
    ['联系人', 'contact'],
    ['联系\n电话', 'phone'],
    ['电话', 'phone'],
    ['联系人电话', 'phone'],
    ['负责人联系方式', 'phone'],
    ['手机', 'mobile'],
    ['手机号码', 'mobile'],
    ['移动电话', 'mobile'],
    ['电子\n邮箱', 'email'],
    ['邮箱', 'email'],
    ['E-MAIL', 'email'],
    ['Email', 'email'],
    ['备注', 'remark'],
    ['说明', 'remark'],
    ['填报日期', 'reportDate'],
    ['传  真', 'fax'],
    ['主要内容', 'content'],
    ['承建单位', 'builder'],
    ['建设进度', 'progress'],
    ['已投资（万元）', 'invested'],
    ['累计完成投资', 'invested'],
    ['批复概算（万元）', 'approvedBudget'],
    ['概算总投资', 'approvedBudget'],
    ['批复概算金额', 'approvedBudget'],
    ['调整金额（万元）', 'adjustment'],
    ['资金调整数额', 'adjustment'],
    ['调整后总投资（万元）', 'adjustedTotal'],
    ['调整日期', 'adjustmentDate'],
    ['采购日期', 'procurementDate'],
    ['项目类别', 'projectType'],
    ['项目类型', 'projectType'],
    ['开工日期', 'startDate'],
    ['开始日期', 'startDate'],
    ['预计完成时间', 'completionDate'],
    ['建成日期', 'completionDate'],
    ['完工日期', 'completionDate'],
    ['初步验收日期', 'preliminaryAcceptanceDate'],
    ['初验日期', 'preliminaryAcceptanceDate'],
    ['竣工验收日期', 'acceptanceDate'],
    ['验收日期', 'acceptanceDate'],
    ['投入运行日期', 'operationDate'],
    ['上线日期', 'operationDate'],
    ['绩效自评价日期', 'selfEvaluationDate'],
    ['自评日期', 'selfEvaluationDate'],
    ['绩效评价报告日期', 'performanceReportDate'],
    ['绩效报告提交日期', 'performanceReportDate'],
    ['竣工验收申请日期', 'acceptanceApplicationDate'],
    ['验收申请日期', 'acceptanceApplicationDate'],
    ['标准发布日期', 'standardPublishedDate'],
    ['年度运维费用（万元）', 'maintenanceFee'],
    ['运维费（万元）', 'maintenanceFee'],
    ['费用名称', 'item'],
    ['费用项目', 'item'],
    ['建设内容', 'item'],
    ['明细', 'item'],
    ['金额（万元）', 'amount'],
    ['预算金额', 'amount'],
    ['概算金额', 'amount'],
    ['数量', 'quantity'],
    ['单价（元）', 'unitPrice'],
  ])('%j → %s', (label, field) => {
    expect(best(label)).toBe(field);
  });
});

describe('substring traps', () => {
  test.each<[string, FieldKey]>([
    // 建设单位 inside longer labels, and the other 建设… labels
    ['建设单位名称', 'unit'],
    ['建设年度', 'period'],
    ['建设进度', 'progress'],
    // 总投资 inside more specific labels
    ['调整后总投资', 'adjustedTotal'],
    ['概算总投资', 'approvedBudget'],
    ['项目总投资', 'totalInvestment'],
    // 投资 inside 已投资
    ['已投资', 'invested'],
    // 联系人 vs 联系电话
    ['联系电话', 'phone'],
    ['联系人', 'contact'],
    // 说明 inside the declaration's description
    ['项目简要说明', 'description'],
    // 金额 inside other money labels
    ['调整金额', 'adjustment'],
    ['投资金额', 'investment'],
    // 验收日期 inside more specific dates
    ['初步验收日期', 'preliminaryAcceptanceDate'],
    ['竣工验收申请日期', 'acceptanceApplicationDate'],
    // the head noun comes last
    ['建设单位负责人', 'owner'],
    ['建设单位联系人', 'contact'],
  ])('%j → %s', (label, field) => {
    expect(best(label)).toBe(field);
  });

  test('其他 means other funds only under 资金筹措', () => {
    expect(best('其他（万元）', '资金筹措')).toBe('fundOther');
    expect(best('其他')).toBeUndefined();
  });
});

describe('labels that are no column of ours', () => {
  test.each(['', '六安市叶集区政务信息化项目申报表', '资金筹措', '年份', '合同编号x', 'abc', '单位：万元'])('%j', (label) => {
    const f = best(label);
    // 合同编号x contains 编号 (seq); everything else must stay unmapped
    if (label === '合同编号x') expect(f).toBe('seq');
    else expect(f).toBeUndefined();
  });
});

test('every field key has synonyms and display labels', () => {
  for (const k of Object.keys(FIELD_LABELS) as FieldKey[]) {
    expect(FIELD_SYNONYMS[k].length).toBeGreaterThan(0);
    expect(FIELD_LABELS[k].zh.length).toBeGreaterThan(0);
  }
  expect(Object.keys(FIELD_SYNONYMS).sort()).toEqual(Object.keys(FIELD_LABELS).sort());
});

test('every synonym maps to its own field when it is the whole label', () => {
  for (const k of Object.keys(FIELD_SYNONYMS) as FieldKey[]) {
    for (const s of FIELD_SYNONYMS[k]) {
      const text = typeof s === 'string' ? s : s.text;
      const ctx = typeof s !== 'string' && s.context ? `资金筹措${text}` : text;
      const got = matchLabel(baseLabel(normalizeHeader(text)), ctx)[0]?.field;
      expect({ text, got }).toEqual({ text, got: k });
    }
  }
});
