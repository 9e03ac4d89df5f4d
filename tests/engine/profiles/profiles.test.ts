// Profiles: extends/merge, thresholds as data with citations, severity overrides, period-of-force notices.
import { getProfile } from '../../../src/engine/profiles';
import { check } from '../../../src/engine/engine';
import { declaration, declarationRow, of } from '../rules/harness';

describe('resolved profiles', () => {
  test('thresholds are data with their citations', () => {
    const wuhan = getProfile('wuhan').params.thresholds.map((b) => [b.min?.cents ?? b.max?.cents, b.citation.article]);
    expect(wuhan).toEqual([
      [5000, '第八条'],
      [5000, '第八条'],
      [300000, '第十五条'],
    ]);
    expect(getProfile('yeji').params.thresholds[0].max).toEqual({ cents: 1000, inclusive: true });
    expect(getProfile('laizhou').params.omFeeLimit).toMatchObject({ percent: 10, citation: { article: '第二十九条' } });
    for (const p of ['wuhan', 'wulong', 'laizhou'] as const) expect(getProfile(p).params.changeLimit?.percent).toBe(15);
    expect(getProfile('yeji').params.changeLimit).toBeNull();
  });

  test('every profile extends common: params the profile leaves out come from it', () => {
    expect(getProfile('generic').params.thresholds).toEqual([]);
    expect(getProfile('wuhan').params.omFeeLimit).toBeNull();
    expect(getProfile('generic').onlyAllProfileRules).toBe(true);
    expect(getProfile('wuhan').onlyAllProfileRules).toBe(false);
  });

  test('severity overrides reach the findings', () => {
    const long = [declarationRow({ 项目简要说明及建设依据: '政'.repeat(201), 建设年度: '2026年01月至2026年12月' })];
    expect(of(declaration(long, 'wuhan'), 'format/description-length')[0].severity).toBe('warning');
    expect(of(declaration(long, 'yeji'), 'format/description-length')[0].severity).toBe('error');
  });
});

describe('notices', () => {
  const snapshot = (name: string) => ({ name, sheets: [{ name: 'S', rows: [['项目名称'], ['x']], merges: [] }] });

  test.each<[string, string, string | null]>([
    ['laizhou', '2024-09-28', null],
    ['laizhou', '2024-09-29', 'profile/expired'],
    ['laizhou', '2022-09-28', 'profile/not-yet-in-force'],
    ['yeji', '2020-07-16', 'profile/not-yet-in-force'],
    ['yeji', '2030-01-01', null],
    ['wulong', '2022-07-03', 'profile/not-yet-in-force'],
    ['wulong', '2022-07-04', null],
    ['wuhan', '2030-01-01', null],
  ])('%s checked on %s → %s', (profile, asOf, id) => {
    const r = check(snapshot('a.xlsx'), { asOf, profile: profile as 'laizhou' });
    const ids = r.notices.map((n) => n.id).filter((n) => n.startsWith('profile/'));
    expect(ids).toEqual(id === null ? [] : [id]);
  });

  // The notices cite the article that sets the period of force: 莱州第四十二条 "本办法自2022年9月29日起施行，有效期至2024年9月28日",
  // 武隆第三十九条 "本办法自印发之日起施行", 叶集第三十一条 "本办法自发布之日起施行". 武汉第三十一条 "自印发之日起施行" prints no
  // date, so Wuhan never gets either notice.
  test.each<[string, string, string, string]>([
    ['laizhou', '2024-09-29', 'profile/expired', '第四十二条'],
    ['laizhou', '2022-09-28', 'profile/not-yet-in-force', '第四十二条'],
    ['wulong', '2022-07-03', 'profile/not-yet-in-force', '第三十九条'],
    ['yeji', '2020-07-16', 'profile/not-yet-in-force', '第三十一条'],
  ])('%s on %s: %s cites %s', (profile, asOf, id, article) => {
    const r = check(snapshot('a.xlsx'), { asOf, profile: profile as 'laizhou' });
    expect(r.notices.find((n) => n.id === id)?.citation).toMatchObject({ profile, article });
  });

  test('the expiry notice names the date and still runs the rules', () => {
    const r = declaration([declarationRow({ '项目投资（万元）': 500, '财政资金（万元）': 480 })], 'laizhou', { asOf: '2025-01-01' });
    const n = r.notices.find((x) => x.id === 'profile/expired');
    expect(n?.message).toContain('2024年9月28日');
    expect(n?.severity).toBe('warning');
    expect(of(r, 'threshold/on-boundary')).toHaveLength(1);
  });

  test('generic says which checks ran', () => {
    const r = check(snapshot('a.xlsx'), { asOf: '2025-01-01' });
    expect(r.profile).toMatchObject({ id: 'generic', detected: false, regulation: '' });
    expect(r.notices.map((n) => n.id)).toContain('profile/generic');
  });

  test('auto detection fills ProfileInfo; a conflict is a notice', () => {
    const r = check(snapshot('武汉与武隆.xlsx'), { asOf: '2025-01-01', profile: 'auto' });
    expect(r.profile).toMatchObject({ id: 'wuhan', detected: true });
    expect(r.notices.map((n) => n.id)).toContain('profile/conflict');
  });

  test('a chosen profile is not "detected"', () => {
    const r = check(snapshot('武汉.xlsx'), { asOf: '2025-01-01', profile: 'wulong' });
    expect(r.profile).toMatchObject({ id: 'wulong', detected: false, regulation: expect.stringContaining('武隆') });
  });
});
