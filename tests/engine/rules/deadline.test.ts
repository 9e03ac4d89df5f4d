// §4 deadlines: computed columns for every deadline, overdue / due-soon / late findings, Yeji's report window and
// declaration cut-off, and the once-per-sheet note on years without a holiday schedule.
import { computedOf, declaration, form, CLEAN_FORM, investmentRow, of, progress, progressRow, run } from './harness';
import type { ProfileId } from '../../../src/engine/types';
import { computedValues } from '../../../src/engine/computed';

describe('acceptance within six months of completion', () => {
  test.each<[ProfileId, string, string | null, string, string | null, string]>([
    // profile, 建成日期, 竣工验收日期, asOf, expected rule (null: none), article
    ['wuhan', '2024-06-30', null, '2025-03-01', 'deadline/overdue', '第二十一条'],
    ['wulong', '2024-06-30', null, '2025-03-01', 'deadline/overdue', '第二十八条'],
    ['laizhou', '2024-06-30', null, '2024-03-01', null, '第二十三条'],
    ['wuhan', '2024-09-15', null, '2025-03-01', 'deadline/due-soon', '第二十一条'],
    ['wuhan', '2024-06-30', '2024-11-20', '2025-03-01', null, '第二十一条'],
    ['wuhan', '2024-06-30', '2025-01-20', '2025-03-01', 'deadline/done-late', '第二十一条'],
  ])('%s: built %s, accepted %s, as of %s → %s', (profile, built, accepted, asOf, ruleId, article) => {
    const r = progress([progressRow({ 建成日期: built, 竣工验收日期: accepted })], profile, { asOf });
    const found = r.findings.filter((f) => f.category === 'deadline');
    if (ruleId === null) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ ruleId, column: 'O', citation: { profile, article } });
    }
    expect(computedOf(r, 'acceptanceDue')).toHaveLength(1);
  });

  // The computed value carries the deadline's standing, so a view can tell a recorded event from an overdue one.
  test.each<[string | null, string, string]>([
    [null, '2025-03-01', 'overdue'],
    ['2024-11-20', '2025-03-01', 'done'],
    ['2025-01-20', '2025-03-01', 'done'],
    [null, '2024-12-10', 'due-soon'],
    [null, '2024-07-01', 'pending'],
  ])('accepted %s, as of %s → status %s', (accepted, asOf, status) => {
    const r = progress([progressRow({ 建成日期: '2024-06-30', 竣工验收日期: accepted })], 'wuhan', { asOf });
    expect(computedValues(r).filter((c) => c.key === 'acceptanceDue')).toEqual([expect.objectContaining({ value: '2024-12-30', status })]);
    expect(computedValues(r).find((c) => c.key === 'approvalPath')?.status).toBeUndefined();
  });

  test('overdue is an error that names the deadline and the missing event', () => {
    const r = progress([progressRow({ 建成日期: '2024-06-30' })], 'wuhan', { asOf: '2025-03-01' });
    const [f] = of(r, 'deadline/overdue');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('已逾期');
    expect(f.message).toContain('2024年12月30日'); // 6 calendar months after 06-30, written as Chinese text writes dates
    expect(f.message).toContain('验收日期');
  });

  test('the deadline goes to its own computed column, formatted as a date', () => {
    const r = progress([progressRow({ 建成日期: '2024-08-31' }), progressRow({}, 2)], 'wuhan', { asOf: '2024-09-01' });
    const col = r.sheets[0].computedColumns.find((c) => c.key === 'acceptanceDue');
    expect(col).toMatchObject({ key: 'acceptanceDue', header: '验收截止（自动）', column: expect.any(String), type: 'date', rows: [3] });
    const v = computedValues(r).filter((c) => c.key === 'acceptanceDue');
    expect(v).toEqual([expect.objectContaining({ row: 3, value: '2025-02-28', type: 'date', column: col!.column })]);
  });

  test('a missing input is not an error', () => {
    const r = progress([progressRow()], 'wuhan', { asOf: '2025-03-01' });
    expect(r.findings.filter((f) => f.category === 'deadline')).toEqual([]);
  });

  test('the generic profile computes no deadline', () => {
    const r = progress([progressRow({ 建成日期: '2024-06-30' })], 'generic', { asOf: '2025-03-01' });
    expect(computedValues(r).filter((c) => c.type === 'date')).toEqual([]);
  });
});

describe('yeji progress-report window (第十五条)', () => {
  test.each<[string, boolean]>([
    ['2025年4月2日', true],
    ['2025-04-07', true],
    ['2025-04-20', false],
    ['2025-05-06', false],
  ])('填报日期 %s in window: %s', (reportDate, ok) => {
    const r = form({ ...CLEAN_FORM, reportDate });
    const f = of(r, 'deadline/report-date-window');
    if (ok) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'D3', citation: expect.objectContaining({ profile: 'yeji', article: '第十五条' }) })]);
  });

  test('not checked under other profiles', () => {
    expect(of(form({ ...CLEAN_FORM, reportDate: '2025-04-20' }, 'wuhan'), 'deadline/report-date-window')).toEqual([]);
  });
});

describe('yeji declaration cut-off (第六条, 第八条)', () => {
  test.each<[string, string, boolean, string]>([
    ['2026年01月至2026年12月', '2025-09-30', false, '2025-09-30'],
    ['2026年01月至2026年12月', '2025-10-01', true, '2025-09-30'],
    ['2025年03月至2025年12月', '2025-03-01', true, '2024-09-30'],
  ])('%s checked %s → late %s', (period, asOf, late, due) => {
    const r = declaration([investmentRow(100, { 建设年度: period })], 'yeji', { asOf });
    const f = of(r, 'deadline/declaration-late');
    if (!late) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ severity: 'warning', column: 'E', citation: expect.objectContaining({ article: '第六条、第八条' }) })]);
    expect(computedOf(r, 'declarationDue')).toEqual([due]);
    // a late declaration is not also an "overdue" error
    expect(of(r, 'deadline/overdue')).toEqual([]);
  });
});

describe('years without a holiday schedule', () => {
  test('one info finding per sheet, and provisional computed values', () => {
    const rows = [1, 2, 3].map((i) => progressRow({ 开工日期: '2030-01-01', 建成日期: '2032-12-31' }, i));
    const r = progress(rows, 'yeji', { asOf: '2031-05-10' });
    const next = computedValues(r).filter((c) => c.key === 'nextProgressReportDue');
    expect(next).toHaveLength(3);
    expect(next.every((c) => c.provisional === true)).toBe(true);
    const f = of(r, 'deadline/provisional-schedule');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', row: 3 });
    expect(f[0].message).toContain('2031');
  });

  test('no note for years the data holds', () => {
    const rows = [progressRow({ 开工日期: '2024-01-01', 建成日期: '2025-12-31' })];
    const r = progress(rows, 'yeji', { asOf: '2025-05-10' });
    expect(computedOf(r, 'nextProgressReportDue')).toHaveLength(1);
    expect(of(r, 'deadline/provisional-schedule')).toEqual([]);
  });
});

describe('yeji 第十五条 on a 附件2 form: the span from its 建设进度 text', () => {
  // "对建设时间超过6个月的项目或跨年度项目，项目建设单位应在每季度第一个月的前5个工作日内填写《…进度情况表》（附件2），将上一季度
  // 项目进展情况报区数据资源管理局备案。" The form has no 建设年度: its 建设进度 (附件2 说明2: 预计完成时间) and 填报日期 show the
  // project under way on the report date and finishing when it says; across years or beyond 6 months, the article binds it.
  test.each<[string, string, string | null]>([
    // 填报日期 (= reference date), 建设进度, 下次进度报送截止 (null: the form cannot tell the article binds it)
    ['2026-07-03', '平台已部署，预计2027年6月完成', '2026-10-13'], // spans years; the July report is this one
    ['2026-07-03', '预计2027年1月上线', '2026-10-13'],
    ['2026-07-03', '预计2026年底完成', null], // 6 months from the report, same year: it may have begun later than 6 months before
    ['2026-04-02', '预计2026年12月完成', '2026-07-07'], // beyond 6 months after the report
    ['2026-07-03', '系统开发中', null],
  ])('reported %s, %s → %s', (reportDate, progressText, due) => {
    const r = form({ ...CLEAN_FORM, reportDate, progress: progressText }, 'yeji', { asOf: reportDate });
    const next = computedValues(r).filter((c) => c.key === 'nextProgressReportDue');
    if (due === null) expect(next).toEqual([]);
    else {
      expect(next).toEqual([expect.objectContaining({ value: due, status: 'pending' })]);
      expect(next[0].provisional).toBeFalsy();
      expect(of(r, 'deadline/report-date-window')).toEqual([]);
    }
  });

  test('due soon: the warning cites 第十五条 on the 填报日期 cell', () => {
    const r = form({ ...CLEAN_FORM, reportDate: '2026-04-02', progress: '预计2027年6月完成' }, 'yeji', { asOf: '2026-06-20' });
    expect(of(r, 'deadline/due-soon')).toEqual([expect.objectContaining({ cell: 'D3', citation: expect.objectContaining({ profile: 'yeji', article: '第十五条' }) })]);
  });

  test('a ledger row whose report is dated in this window is due next quarter', () => {
    const row = (reportDate: string | null) => progressRow({ 开工日期: '2025-03-01', 建成日期: '2027-06-30', 填报日期: reportDate });
    const r = progress([row('2026-07-03'), row(null)], 'yeji', { asOf: '2026-07-03' });
    expect(computedOf(r, 'nextProgressReportDue')).toEqual(['2026-10-13', '2026-07-07']);
  });
});

describe('laizhou 第三十四条: 项目竣工并投入使用后12个月内', () => {
  // "项目竣工并投入使用后12个月内，应当依照…要求开展自评": from the later of 竣工 (建成/竣工日期) and 投入使用 (the operation
  // date), both required; a 竣工验收 date is not the 竣工 the article counts from.
  test.each<[string | null, string | null, string | null, string | null]>([
    // 竣工日期, 投入运行日期, 竣工验收日期, 绩效自评价截止
    ['2024-01-15', '2024-02-20', null, '2025-02-20'],
    ['2024-02-29', '2023-12-01', null, '2025-02-28'],
    [null, '2024-02-20', '2024-03-01', null],
    ['2024-01-15', null, '2024-03-01', null],
  ])('竣工 %s, 投入使用 %s, 验收 %s → %s', (completed, inUse, accepted, due) => {
    // The article's own word (投入使用日期) and the ledgers' usual one (投入运行日期) are the same operation date.
    for (const inUseHeader of ['投入使用日期', '投入运行日期']) {
      const headers = ['序号', '项目名称', '建设单位', '总投资（万元）', '竣工日期', inUseHeader, '竣工验收日期', '绩效自评价日期'];
      const rows = [[1, '莱州市政务服务平台', '莱州市大数据中心', 300, completed, inUse, accepted, null]];
      const r = run({ headers, rows, above: [['莱州市政务信息化项目台账']], name: '项目台账' }, 'laizhou', { asOf: '2024-09-01' });
      expect(r.sheets[0].columns).toMatchObject({ completionDate: 'E', operationDate: 'F', acceptanceDate: 'G' });
      const v = computedValues(r).filter((c) => c.key === 'selfEvaluationDue');
      expect(v.map((c) => c.value)).toEqual(due === null ? [] : [due]);
    }
  });
});
