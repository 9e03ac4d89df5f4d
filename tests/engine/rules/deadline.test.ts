// §4 deadlines: computed columns for every deadline, overdue / due-soon / late findings, Yeji's report window and
// declaration cut-off, and the once-per-sheet note on years without a holiday schedule.
import { computedOf, declaration, form, CLEAN_FORM, investmentRow, of, progress, progressRow } from './harness';
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
    expect(f.message).toContain('2024-12-30'); // 6 calendar months after 06-30
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
