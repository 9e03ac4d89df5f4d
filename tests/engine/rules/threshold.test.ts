// §1 threshold categories: approval paths (computed), values on a threshold (info), yeji out-of-scope, Laizhou O&M cap.
import { computedOf, declaration, investmentRow, of, others, progress, progressRow } from './harness';
import type { ProfileId } from '../../../src/engine/types';
import { computedValues } from '../../../src/engine/computed';
import { layoutOf } from '../../support/report';

describe('approval path and boundary findings', () => {
  test.each<[ProfileId, number, string[], string | null]>([
    // profile, 项目投资, words the path must contain, article of the boundary info (null: no boundary finding)
    ['wuhan', 49.99, ['自行组织实施'], null],
    ['wuhan', 50, ['报项目审批部门审批'], '第八条'],
    ['wuhan', 2999.99, ['报项目审批部门审批'], null],
    ['wuhan', 3000, ['报项目审批部门审批', '报市人民政府批准'], '第十五条'],
    ['yeji', 10.01, ['纳入年度政务信息化项目建设计划'], null],
    ['wulong', 2999.99, ['代可研', '建设单位组织竣工验收'], null],
    ['wulong', 3000, ['先编制可行性研究报告', '申请区大数据发展局组织竣工验收'], '第九条'],
    ['laizhou', 499.99, ['视情况设置监理'], null],
    ['laizhou', 500, ['须实行工程监理', '工程标准或团体标准'], '第二十三条'],
  ])('%s %d 万元', (profile, amount, words, boundaryArticle) => {
    const r = declaration([investmentRow(amount, { 建设年度: '2026年01月至2026年12月' })], profile);
    const [path] = computedOf(r, 'approvalPath');
    for (const w of words) expect(path).toContain(w);
    const b = of(r, 'threshold/on-boundary');
    if (boundaryArticle === null) expect(b).toHaveLength(0);
    else {
      expect(b).toHaveLength(1);
      expect(b[0]).toMatchObject({ severity: 'info', cell: 'F3', citation: { profile, article: boundaryArticle } });
    }
    expect(others(r, 'threshold/on-boundary')).toEqual([]);
  });

  test('the path lists the bands in the column right of the table', () => {
    const r = declaration([investmentRow(3000)], 'wulong');
    expect(r.sheets[0].computedColumns.map(layoutOf)).toEqual([{ key: 'approvalPath', header: '审批/管理路径（自动）', column: 'P' }]);
    expect(computedValues(r)[0]).toMatchObject({ row: 3, column: 'P', type: 'text' });
    expect(computedValues(r)[0].value.split('；')).toHaveLength(2);
  });

  test('English paths in an English report', () => {
    const r = declaration([investmentRow(60)], 'wuhan', { lang: 'en' });
    expect(computedOf(r, 'approvalPath')[0]).toMatch(/approval department/);
  });

  test('the generic profile computes no path and reports no threshold', () => {
    const r = declaration([investmentRow(3000)], 'generic');
    expect(computedOf(r, 'approvalPath')).toEqual([]);
    expect(r.findings.filter((f) => f.category === 'threshold')).toEqual([]);
  });
});

describe('yeji 10万元以下 counts the number', () => {
  test.each([
    [9.5, true, false],
    [10, true, true],
    [10.01, false, false],
  ])('%d 万元 → out of scope %s, boundary %s', (amount, outOfScope, boundary) => {
    const r = declaration([investmentRow(amount, { 建设年度: '2026年01月至2026年12月' })], 'yeji');
    const o = of(r, 'threshold/out-of-scope');
    expect(o).toHaveLength(outOfScope ? 1 : 0);
    if (outOfScope) expect(o[0]).toMatchObject({ severity: 'warning', citation: { profile: 'yeji', article: '第二条' } });
    expect(of(r, 'threshold/on-boundary')).toHaveLength(boundary ? 1 : 0);
  });
});

describe('wulong upgrade of 50万元以下 is handled as O&M', () => {
  test.each([
    ['升级改造', 50, true],
    ['升级改造', 50.01, false],
    ['', 50, false],
  ])('备注 %s, %d 万元 → O&M %s', (remark, amount, om) => {
    const r = declaration([investmentRow(amount, { 备注: remark })], 'wulong');
    expect(computedOf(r, 'approvalPath')[0].includes('作为运行维护项目处理')).toBe(om);
    const b = of(r, 'threshold/on-boundary');
    expect(b).toHaveLength(om ? 1 : 0);
    if (om) expect(b[0].citation?.article).toContain('附件');
  });
});

describe('laizhou O&M fee ≤ 10% of the construction investment', () => {
  test.each([
    [100, 0],
    [100.01, 1],
    [0, 0],
  ])('fee %d on 1000 → %d errors', (fee, n) => {
    const r = progress([progressRow({ '总投资（万元）': 1000, '批复概算（万元）': 1000, '年度运维费用（万元）': fee })], 'laizhou');
    const f = of(r, 'threshold/om-fee-limit');
    expect(f).toHaveLength(n);
    if (n) expect(f[0]).toMatchObject({ severity: 'error', column: 'T', citation: { article: '第二十九条' } });
  });

  test('other profiles have no O&M cap', () => {
    const r = progress([progressRow({ '总投资（万元）': 1000, '年度运维费用（万元）': 500 })], 'wuhan');
    expect(of(r, 'threshold/om-fee-limit')).toEqual([]);
  });
});
