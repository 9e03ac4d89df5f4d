// §2 expense eligibility: the Wulong table over expense rows and project names, profile overlays, expenseScope column.
import { computedOf, declaration, expense, investmentRow, of, others } from './harness';
import { computedValues } from '../../../src/engine/computed';
import { layoutOf } from '../../support/report';

const TABLE = '附件《武隆区政务信息化项目申报范围及边界》';

describe('expense rows against the Wulong table', () => {
  test.each<[string, 'error' | 'warning' | 'info' | null, string]>([
    ['监控摄像机', null, '纳入（摄像头）'],
    ['等保测评服务', null, '纳入'],
    ['租用政务云资源', null, '纳入'],
    ['差旅费', 'error', '不纳入（差旅费）'],
    ['办公软件正版化', 'error', '不纳入'],
    ['台式电脑', 'warning', '经评估后可纳入（电脑）'],
    ['数据库软件授权', 'warning', '经评估后可纳入'],
    ['服务器', 'warning', '经评估后可纳入（服务器存储）'],
    ['花卉绿植租摆', 'info', '未识别'],
  ])('%s → %s', (item, severity, scope) => {
    const r = expense([[item, 10]], 'wulong');
    const f = of(r, 'eligibility/expense-scope');
    if (severity === null) expect(f).toEqual([]);
    else {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity, column: 'B', row: 3 });
      if (severity !== 'info') expect(f[0].citation).toMatchObject({ profile: 'wulong', article: expect.stringContaining(TABLE) });
    }
    expect(computedOf(r, 'expenseScope')[0]).toContain(scope);
    expect(others(r, 'eligibility/expense-scope')).toEqual([]);
  });

  test('a conditional item quotes its condition', () => {
    const [f] = of(expense([['笔记本电脑', 0.8]], 'wulong'), 'eligibility/expense-scope');
    expect(f.message).toContain('确与项目建设紧密相关');
    expect(f.messageId).toBe('conditional');
  });

  test('the expense-scope column goes right of the table', () => {
    const r = expense([['摄像头', 1], ['差旅费', 1]], 'generic');
    expect(r.sheets[0].computedColumns.map(layoutOf)).toEqual([{ key: 'expenseScope', header: '经费口径（自动）', column: 'G' }]);
    expect(computedValues(r).map((c) => c.row)).toEqual([3, 4]);
  });

  test('the table applies in the generic profile too', () => {
    expect(of(expense([['差旅费', 1]], 'generic'), 'eligibility/expense-scope')).toHaveLength(1);
  });
});

describe('project names and descriptions', () => {
  test.each<[string, string, string | null]>([
    ['政务数据共享交换平台', '建设全区政务数据共享交换平台', null],
    ['办公耗材采购', '采购全年打印纸、硒鼓', 'error'],
    ['机房环境改造', '机房物管费、电费', 'warning'],
    ['某某平台', '说明中没有任何可识别的费用项目', null],
  ])('%s / %s → %s', (name, description, severity) => {
    const r = declaration([investmentRow(100, { 项目名称: name, 项目简要说明及建设依据: description })], 'wulong');
    const f = of(r, 'eligibility/project-scope');
    if (severity === null) expect(f).toEqual([]);
    else {
      expect(f.length).toBeGreaterThan(0);
      expect(f[0].severity).toBe(severity);
    }
    // an unrecognised project text is never reported (noise on clean rows)
    expect(f.filter((x) => x.severity === 'info')).toEqual([]);
  });
});

describe('profile overlays', () => {
  test.each<[Parameters<typeof declaration>[1], string, string, string | null]>([
    ['wuhan', '视频会议系统建设', 'error', '第三条'],
    ['wuhan', '新建机房', 'warning', '第十二条'],
    ['wuhan', '涉密系统新建机房', '', null],
    ['laizhou', '笔记本电脑采购', 'error', '第二条'],
    ['wulong', '视频会议系统建设', '', null],
  ])('%s: %s', (profile, name, severity, article) => {
    const r = declaration([investmentRow(100, { 项目名称: name })], profile);
    const f = of(r, 'eligibility/outside-regulation');
    if (article === null) expect(f).toEqual([]);
    else {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity, column: 'C', citation: { profile, article } });
    }
  });

  test('the same overlay in name and description is said once', () => {
    const r = declaration([investmentRow(100, { 项目名称: '视频会议系统', 项目简要说明及建设依据: '建设视频会议系统' })], 'wuhan');
    expect(of(r, 'eligibility/outside-regulation')).toHaveLength(1);
  });
});
