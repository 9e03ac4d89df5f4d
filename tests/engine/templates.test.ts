// Template citations: the form and field a form-filling finding comes from, whatever the report's profile.
import { citationText } from '../../src/engine/regulations';
import { form1Citation, form2Citation, templateCitation } from '../../src/engine/templates';

const YEJI = '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）';

describe('templateCitation', () => {
  test.each([
    ['declaration', 'phone', '附件1《六安市叶集区政务信息化项目申报表》联系电话'],
    ['declaration', 'email', '附件1《六安市叶集区政务信息化项目申报表》电子邮箱'],
    ['declaration', 'fundLoan', '附件1《六安市叶集区政务信息化项目申报表》资金筹措'],
    ['declaration', 'approvedBudget', '附件1《六安市叶集区政务信息化项目申报表》'],
    ['declaration', undefined, '附件1《六安市叶集区政务信息化项目申报表》'],
    ['progress-form', 'phone', '附件2《六安市叶集区政务信息化项目进度情况表》电话'],
    ['progress-form', 'email', '附件2《六安市叶集区政务信息化项目进度情况表》E-MAIL'],
    ['progress-table', 'invested', '附件2《六安市叶集区政务信息化项目进度情况表》已投资（万元）'],
    ['progress-table', 'acceptanceDate', '附件2《六安市叶集区政务信息化项目进度情况表》'],
  ] as const)('%s %s → %s', (kind, field, article) => {
    const c = templateCitation(kind, field)!;
    expect(c).toEqual({ kind: 'template', profile: 'yeji', regulation: YEJI, article });
    expect(citationText(c)).toBe(`${YEJI}${article}`);
    // One object per kind and field: findings share it.
    expect(templateCitation(kind, field)).toBe(c);
  });

  test('expense sheets cite the Wulong expense-scope table; a sheet of neither kind cites both forms', () => {
    expect(templateCitation('expense', 'amount')).toMatchObject({ kind: 'template', profile: 'wulong', article: '附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类' });
    expect(templateCitation('unknown')!.article).toBe('附件1《六安市叶集区政务信息化项目申报表》、附件2《六安市叶集区政务信息化项目进度情况表》');
  });

  test('notes of the forms', () => {
    expect(form1Citation('说明2').article).toBe('附件1《六安市叶集区政务信息化项目申报表》说明2');
    expect(form2Citation('说明2').article).toBe('附件2《六安市叶集区政务信息化项目进度情况表》说明2');
  });
});
