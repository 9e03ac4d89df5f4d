// §3 change limits: 15% of 概算总投资 (exact cents), over-budget totals, Laizhou before procurement, Yeji approval.
import { PROGRESS_HEADERS, of, others, progress, progressRow, run } from './harness';
import type { ProfileId } from '../../../src/engine/types';

describe('adjustment ≤ 15% of the approved total', () => {
  test.each<[ProfileId, number, string | null]>([
    ['wuhan', 120, null],
    ['wuhan', 120.01, '第十九条'],
    ['wuhan', -120.01, '第十九条'],
    ['wulong', 120, null],
    ['wulong', 121, '第二十六条'],
    ['laizhou', 120.01, '第十九条'],
  ])('%s: %d on 800', (profile, adjustment, article) => {
    const r = progress([progressRow({ '批复概算（万元）': 800, '调整金额（万元）': adjustment })], profile);
    const f = of(r, 'change-limit/over-15-percent');
    const filing = of(r, 'change-limit/filing-required');
    if (article === null) {
      expect(f).toEqual([]);
      expect(filing).toHaveLength(1);
      expect(filing[0]).toMatchObject({ severity: 'info', column: 'E' });
      expect(filing[0].message).toContain('15.00%');
    } else {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', cell: 'E3', citation: { profile, article } });
      expect(filing).toEqual([]);
    }
  });

  test('yeji has no percentage: any adjustment needs 区政府 approval', () => {
    const r = progress([progressRow({ '调整金额（万元）': 5 })], 'yeji');
    expect(of(r, 'change-limit/over-15-percent')).toEqual([]);
    expect(of(r, 'change-limit/needs-approval')).toEqual([
      expect.objectContaining({ severity: 'warning', citation: expect.objectContaining({ profile: 'yeji', article: '第二十条' }) }),
    ]);
  });

  test('yeji: an adjusted total differing from the budget is an adjustment too', () => {
    const r = progress([progressRow({ '调整后总投资（万元）': 780 })], 'yeji');
    expect(of(r, 'change-limit/needs-approval')).toHaveLength(1);
  });

  test('rows without adjustments are clean', () => {
    for (const p of ['wuhan', 'yeji', 'wulong', 'laizhou'] as ProfileId[]) {
      const r = progress([progressRow()], p, { asOf: '2025-01-10' });
      expect(r.findings.filter((f) => f.category === 'change-limit')).toEqual([]);
    }
  });
});

describe('over the approved budget', () => {
  test.each<[ProfileId, number, string | null | undefined]>([
    ['wuhan', 800, undefined],
    ['wuhan', 800.01, '第十九条'],
    ['wulong', 900, '第二十六条'],
    ['yeji', 900, '第二十条'],
    ['laizhou', 900, '第十九条'],
    // No regulation: the progress template as a whole (it has no 调整后总投资 field to point at).
    ['generic', 900, '附件2《六安市叶集区政务信息化项目进度情况表》'],
  ])('%s: adjusted %d on 800', (profile, adjusted, article) => {
    const r = progress([progressRow({ '调整后总投资（万元）': adjusted })], profile);
    const f = of(r, 'change-limit/exceeds-approved-budget');
    if (article === undefined) expect(f).toEqual([]);
    else {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', column: 'F' });
      expect(f[0].citation?.article ?? null).toBe(article);
    }
  });
});

describe('laizhou: adjust only before procurement', () => {
  test.each<[string, string, string | null]>([
    ['2024-03-01', '2024-05-01', null],
    ['2024-06-01', '2024-05-01', 'error'],
    ['2024-05-01', '2024-05-01', 'info'],
  ])('adjusted %s, procured %s', (adjusted, procured, severity) => {
    const r = progress([progressRow({ '调整金额（万元）': 10, 调整日期: adjusted, 采购日期: procured })], 'laizhou');
    const f = of(r, 'change-limit/after-procurement');
    if (severity === null) expect(f).toEqual([]);
    else expect(f).toEqual([expect.objectContaining({ severity, column: 'G', citation: expect.objectContaining({ article: '第十九条' }) })]);
  });

  test('not a rule elsewhere', () => {
    const r = progress([progressRow({ 调整日期: '2024-06-01', 采购日期: '2024-05-01' })], 'wuhan');
    expect(of(r, 'change-limit/after-procurement')).toEqual([]);
  });
});

describe('invested must not exceed the total', () => {
  test.each<[Record<string, number | null>, boolean]>([
    [{ '已投资（万元）': 800 }, false],
    [{ '已投资（万元）': 800.01 }, true],
    [{ '已投资（万元）': 850, '总投资（万元）': null, '批复概算（万元）': 800 }, true],
    [{ '已投资（万元）': 750, '总投资（万元）': null, '批复概算（万元）': 800 }, false],
  ])('%j → %s', (over, bad) => {
    const r = progress([progressRow(over)], 'generic');
    const f = of(r, 'consistency/invested-exceeds-total');
    expect(f).toHaveLength(bad ? 1 : 0);
    if (bad) expect(f[0]).toMatchObject({ severity: 'error', column: 'J', category: 'consistency' });
    expect(others(r, 'consistency/invested-exceeds-total')).toEqual([]);
  });

  // Each regulation binds construction to the approved estimate in its own article; generic has none, so the finding
  // cites the progress template's field it is about.
  test.each<[ProfileId, string | null]>([
    ['wuhan', '第十八条'],
    ['yeji', '第十九条'],
    ['wulong', '第二十五条'],
    ['laizhou', '第十九条'],
    ['generic', null],
  ])('%s cites %s', (profile, article) => {
    const f = of(progress([progressRow({ '已投资（万元）': 900 })], profile), 'consistency/invested-exceeds-total');
    expect(f).toHaveLength(1);
    if (article) expect(f[0].citation).toMatchObject({ profile, article });
    else expect(f[0].citation).toMatchObject({ kind: 'template', profile: 'yeji', article: expect.stringMatching(/^附件2《六安市叶集区政务信息化项目进度情况表》/) });
  });
});

// Corrections from an independent reading of the seeds (issue #11 §4).
describe('over the approved total where the sheet has 总投资 but no 批复概算 column', () => {
  // Every article's first condition: 武汉第十九条 / 叶集第二十条 "项目投资规模未超出概算批复", 武隆第二十六条 "未超出概（预）算批复",
  // 莱州第十九条 "项目投资规模未超出预算批复". A ledger or 附件2 form that keeps only 总投资 has it as the approved total.
  const headers = PROGRESS_HEADERS.filter((h) => h !== '批复概算（万元）');
  const row = (over: Record<string, number>) => {
    const full = progressRow({ '批复概算（万元）': null, ...over });
    return full.filter((_, i) => PROGRESS_HEADERS[i] !== '批复概算（万元）');
  };
  const check = (profile: ProfileId, over: Record<string, number>) =>
    run({ headers, rows: [row(over)], above: [['政务信息化项目进度台账']], name: '进度台账' }, profile);

  test.each<[ProfileId, number, string | null]>([
    // profile, 调整后总投资 on 总投资 800 (调整金额 40: 5%, within 15%), article of the error (null: none)
    ['wuhan', 840, '第十九条'],
    ['yeji', 840, '第二十条'],
    ['wulong', 840, '第二十六条'],
    ['laizhou', 840, '第十九条'],
    ['wuhan', 800, null],
    ['wulong', 800, null],
    ['laizhou', 799.99, null],
  ])('%s: adjusted %d on 总投资 800', (profile, adjusted, article) => {
    const r = check(profile, { '调整金额（万元）': 40, '调整后总投资（万元）': adjusted });
    const f = of(r, 'change-limit/exceeds-approved-budget');
    const filing = of(r, 'change-limit/filing-required');
    if (article === null) {
      expect(f).toEqual([]);
      if (profile !== 'yeji') expect(filing).toHaveLength(1);
    } else {
      expect(f).toEqual([expect.objectContaining({ severity: 'error', cell: 'E3', citation: expect.objectContaining({ profile, article }) })]);
      expect(f[0].message).toContain('总投资800.00万元');
      // not also told it may adjust and file: the article's first condition fails
      expect(filing).toEqual([]);
    }
  });
});

describe('wulong 第二十六条: 不增加项目总投资', () => {
  // "项目投资规模未超出概（预）算批复、建设目标不变，项目主要建设内容确需调整，不增加项目总投资且资金调整数额不超过概（预）算
  // 总投资 15%…可以由项目建设单位调整": an adjustment that raises the total is not the unit's, even under 15% and the estimate.
  test.each<[ProfileId, number, string | null, boolean]>([
    // profile, 调整后总投资 (批复概算 1000, 总投资 800, 调整金额 50), rule expected (null: none), filing note expected
    ['wulong', 850, 'change-limit/raises-total', false],
    ['wulong', 800, null, true], // moved between items, total unchanged
    ['wulong', 780, null, true], // lowered
    ['wulong', 1010, 'change-limit/exceeds-approved-budget', false], // over the estimate too: one error, not two
    ['wuhan', 850, null, true], // 武汉第十九条 has no such condition: within the estimate and 15%
    ['laizhou', 850, null, true],
  ])('%s: adjusted %d', (profile, adjusted, ruleId, filed) => {
    const r = progress([progressRow({ '批复概算（万元）': 1000, '总投资（万元）': 800, '调整金额（万元）': 50, '调整后总投资（万元）': adjusted })], profile);
    const errors = r.findings.filter((f) => f.category === 'change-limit' && f.severity === 'error');
    if (ruleId === null) expect(errors).toEqual([]);
    else expect(errors).toEqual([expect.objectContaining({ ruleId, cell: 'F3', citation: expect.objectContaining({ profile: 'wulong', article: '第二十六条' }) })]);
    expect(of(r, 'change-limit/filing-required')).toHaveLength(filed ? 1 : 0);
  });
});
