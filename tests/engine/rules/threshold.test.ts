// §1 threshold categories: approval paths (computed), values on a threshold (info), yeji out-of-scope, Laizhou O&M cap.
import { PROGRESS_HEADERS, computedOf, declaration, investmentRow, of, others, progress, progressRow, run } from './harness';
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
    const r = progress([progressRow({ 项目类别: '政务治理类', '总投资（万元）': 1000, '批复概算（万元）': 1000, '年度运维费用（万元）': fee })], 'laizhou');
    const f = of(r, 'threshold/om-fee-limit');
    expect(f).toHaveLength(n);
    if (n) expect(f[0]).toMatchObject({ severity: 'error', column: 'T', citation: { article: '第二十九条' } });
  });

  test('other profiles have no O&M cap', () => {
    const r = progress([progressRow({ '总投资（万元）': 1000, '年度运维费用（万元）': 500 })], 'wuhan');
    expect(of(r, 'threshold/om-fee-limit')).toEqual([]);
  });
});

describe('laizhou 第二十九条: the 10% cap is said of 政务治理类 projects', () => {
  // "政务治理类项目约定免费运维期一般不少于3年，免费运维期结束后…原则每年不超过建设总投入费用的10%。公共服务类项目完成建设并通过
  // 需求（使用）部门验收…市财政局按程序安排年度运营补助经费。" The class is read from 项目类别, else from 备注 (as 政务治理类).
  test.each<[string, string, number, 'error' | 'warning' | null]>([
    // 项目类别, 备注, yearly fee on 建设总投入 1000, severity expected (null: no finding)
    ['政务治理类', '', 100.01, 'error'],
    ['政务治理', '', 100.01, 'error'],
    ['政务治理类', '', 100, null],
    ['公共服务类', '', 500, null],
    ['市场运营类', '', 500, null],
    ['', '政务治理类项目，免费运维期3年', 100.01, 'error'],
    ['', '公共服务类', 500, null],
    // The class not stated: a careful reviewer asks rather than calls a breach or lets it pass.
    ['', '', 100.01, 'warning'],
    ['', '为群众提供公共服务', 100.01, 'warning'],
    ['新建', '', 100.01, 'warning'],
  ])('项目类别 %s, 备注 %s, fee %d → %s', (type, remark, fee, severity) => {
    const headers = [...PROGRESS_HEADERS, '备注'];
    const rows = [[...progressRow({ 项目类别: type, '总投资（万元）': 1000, '批复概算（万元）': 1000, '年度运维费用（万元）': fee }), remark]];
    const f = of(run({ headers, rows, above: [['政务信息化项目进度台账']], name: '进度台账' }, 'laizhou'), 'threshold/om-fee-limit');
    if (severity === null) expect(f).toEqual([]);
    else {
      expect(f).toEqual([expect.objectContaining({ severity, column: 'T', citation: expect.objectContaining({ profile: 'laizhou', article: '第二十九条' }) })]);
      if (severity === 'warning') expect(f[0].message).toContain('政务治理类');
    }
  });
});

describe('laizhou 第十五条: the standard binds 500万元以上的建设项目', () => {
  // "总投资 500 万元以上的建设项目原则上应当同步编制不少于 1 项的市级及以上工程标准或团体标准…标准发布工作一般不晚于项目验收后 1 年内
  // 完成。" An O&M (运行维护) project is not a 建设项目: no standard in its path and no 标准发布截止.
  test.each<[Record<string, string>, boolean]>([
    [{ 项目类别: '新建' }, true],
    [{ 项目类别: '政务治理类' }, true],
    [{ 项目类别: '运行维护' }, false],
    [{ 项目类别: '运维项目' }, false],
    [{ 项目名称: '政务云平台运维服务项目' }, false],
    [{ 项目名称: '运维监控平台建设项目' }, true],
    [{ 项目类别: '升级改造', 项目名称: '数据中心运维' }, true], // the category names construction: it decides
  ])('%o → standard %s', (over, standard) => {
    const row = progressRow({ ...over, '批复概算（万元）': 800, '总投资（万元）': 800, 竣工验收日期: '2025-01-10' });
    const r = progress([row], 'laizhou', { asOf: '2025-03-01' });
    const [path] = computedOf(r, 'approvalPath');
    expect(path.includes('工程标准或团体标准')).toBe(standard);
    expect(path).toContain('须实行工程监理'); // 第二十三条 reads the amount alone
    expect(computedOf(r, 'standardPublicationDue')).toEqual(standard ? ['2026-01-10'] : []);
  });

  test.each<[string, boolean]>([
    ['运维', false],
    ['运行维护项目', false],
    ['免费运维期3年', true], // about the construction project's own maintenance period
    ['', true],
  ])('declaration 备注 %s → standard %s', (remark, standard) => {
    const r = declaration([investmentRow(800, { 备注: remark, 建设年度: '2026年01月至2026年12月' })], 'laizhou');
    expect(computedOf(r, 'approvalPath')[0].includes('工程标准或团体标准')).toBe(standard);
  });
});

describe('wuhan 第十五条: 核定投资 decides the 3000万 band', () => {
  // "核定投资3000万元以上的政务信息化项目，项目审批部门应当报市人民政府批准。" The approved figure (批复概算) where the sheet has it,
  // not the 总投资 of the row; without a 批复概算 the row's amount stands in.
  test.each<[number | null, number, boolean, string | null]>([
    // 批复概算, 总投资, path names 报市人民政府批准, cell of the boundary info (null: none)
    [2800, 3200, false, null],
    [3200, 2800, true, null],
    [3000, 3200, true, 'D3'],
    [2999.99, 3000, false, null],
    [null, 3000, true, 'I3'],
  ])('批复概算 %s, 总投资 %d → city %s', (approved, total, city, boundaryCell) => {
    const r = progress([progressRow({ '批复概算（万元）': approved, '总投资（万元）': total, '已投资（万元）': 100 })], 'wuhan');
    const [path] = computedOf(r, 'approvalPath');
    expect(path.includes('报市人民政府批准')).toBe(city);
    expect(path).toContain('报项目审批部门审批'); // 第八条 reads the amount as before
    const b = of(r, 'threshold/on-boundary').filter((f) => f.citation?.article === '第十五条');
    if (boundaryCell === null) expect(b).toEqual([]);
    else expect(b).toEqual([expect.objectContaining({ severity: 'info', cell: boundaryCell })]);
  });
});
