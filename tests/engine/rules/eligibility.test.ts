// §2 expense eligibility: the Wulong table over expense rows and project names, profile overlays, expenseScope column.
import { computedOf, declaration, expense, investmentRow, of, others } from './harness';
import { computedValues } from '../../../src/engine/computed';
import { layoutOf } from '../../support/report';
import { SCOPE_TABLE } from '../../../src/engine/expense';

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

// Issue #11 §4. 武隆第二条 holds 武隆 projects to the 附件《武隆区政务信息化项目申报范围及边界》; no other regulation
// adopts it, so elsewhere it is a reference: one step milder, and the citation and message say so.
describe('the Wulong table binds Wulong only', () => {
  const REFERENCE = '参照《武隆区政务信息化项目管理办法》附件';
  type P = Parameters<typeof expense>[1];
  // [profile, item, severity, computed 经费口径, the table's words for the item]
  test.each<[P, string, 'error' | 'warning' | 'info' | null, string, string]>([
    ['wulong', '差旅费', 'error', '不纳入（差旅费）', '差旅费……不纳入信息化经费'],
    ['wulong', '台式电脑', 'warning', '经评估后可纳入（电脑）', '确与项目建设紧密相关的，经评估通过后可纳入'],
    ['wuhan', '差旅费', 'warning', '不纳入（差旅费）', '差旅费……不纳入信息化经费'],
    ['yeji', '差旅费', 'warning', '不纳入（差旅费）', '差旅费……不纳入信息化经费'],
    ['laizhou', '差旅费', 'warning', '不纳入（差旅费）', '差旅费……不纳入信息化经费'],
    ['generic', '差旅费', 'warning', '不纳入（差旅费）', '差旅费……不纳入信息化经费'],
    ['yeji', '办公软件正版化', 'warning', '不纳入（办公软件正版化）', '办公软件正版化……不纳入信息化经费'],
    ['yeji', '服务器', 'info', '经评估后可纳入（服务器存储）', '因特殊需要，经评估通过后可纳入'],
    ['laizhou', '数据库软件授权', 'info', '经评估后可纳入', '跟业务系统紧密相关，且部署在该业务系统的'],
    ['generic', '台式电脑', 'info', '经评估后可纳入（电脑）', '确与项目建设紧密相关的，经评估通过后可纳入'],
    ['wuhan', '监控摄像机', null, '纳入（摄像头）', '摄像头……纳入信息化经费'],
    ['yeji', '花卉绿植租摆', 'info', '未识别', ''],
  ])('%s: %s → %s', (profile, item, severity, scope, quote) => {
    const r = expense([[item, 10]], profile);
    const f = of(r, 'eligibility/expense-scope');
    expect(computedOf(r, 'expenseScope')[0]).toContain(scope);
    if (severity === null) return expect(f).toEqual([]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe(severity);
    expect(f[0].citation).toMatchObject({ profile: 'wulong', article: expect.stringContaining(TABLE) });
    if (f[0].messageId === 'unknown') return;
    // the table's words for the item, as quoted, are those of the entry the finding names
    const entry = SCOPE_TABLE.find((e) => f[0].message.includes(`“${e.item}”`))!;
    for (const part of quote.split('……')) expect(`${entry.item}${entry.rule}`).toContain(part);
    if (profile === 'wulong') {
      expect(f[0].message.startsWith(REFERENCE)).toBe(false);
      expect(f[0].citation!.article).not.toContain('参照');
    } else {
      expect(f[0].message.startsWith(REFERENCE)).toBe(true);
      expect(f[0].citation!.article).toContain('参照');
    }
  });

  test('project names follow the same split', () => {
    const row = investmentRow(100, { 项目名称: '办公耗材采购', 项目简要说明及建设依据: '采购全年打印纸、硒鼓' });
    expect(of(declaration([row], 'wulong'), 'eligibility/project-scope').map((f) => f.severity)).toEqual(['error', 'error']);
    const ref = of(declaration([row], 'yeji'), 'eligibility/project-scope');
    expect(ref.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(ref.every((f) => f.message.startsWith(REFERENCE) && f.citation!.article.includes('参照'))).toBe(true);
  });

  test('English in the reference message too', () => {
    const [f] = of(expense([['差旅费', 1]], 'wuhan', { lang: 'en' }), 'eligibility/expense-scope');
    expect(f.message).toMatch(/^For reference only, the Wulong Measures/);
  });

  // [profile, project name, rule severity, article, the article's words]
  test.each<[P, string, string, string, string]>([
    ['wuhan', '视频会议系统建设', 'error', '第三条', '楼宇智能化项目（含会议、视频等系统）不纳入本办法管理的范畴'],
    ['wuhan', '机房土建', 'warning', '第十二条', '不得新建机房、专网等基础设施'],
    ['laizhou', '笔记本电脑采购', 'error', '第二条', '笔记本电脑、平板电脑、手机、打印机、复印机、传真机等通用设备的采购'],
    ['laizhou', '微信公众号开发', 'error', '第二条', '网站、公众号、小程序、抖音、微博等新媒体的建设运维'],
    ['yeji', '新建应用类数据中心', 'warning', '第十六条', '各单位不再重复建设应用类数据中心和专网'],
    ['yeji', '乡镇视频专网建设', 'warning', '第十六条', '各单位不再重复建设应用类数据中心和专网'],
  ])('%s: its own article keeps its severity and citation: %s', (profile, name, severity, article, words) => {
    const r = declaration([investmentRow(100, { 项目名称: name })], profile);
    const f = of(r, 'eligibility/outside-regulation');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity, column: 'C', citation: { profile, article } });
    expect(f[0].message).toContain(words);
  });
});

describe('an item whose own regulation speaks', () => {
  test('机房土建 under 武汉: 第十二条, not the 机房环境 running costs, and no “not recognised” beside it', () => {
    const r = expense([['机房土建', 50]], 'wuhan');
    expect(of(r, 'eligibility/outside-regulation')).toMatchObject([{ severity: 'warning', citation: { profile: 'wuhan', article: '第十二条' } }]);
    expect(of(r, 'eligibility/expense-scope')).toEqual([]);
    expect(computedOf(r, 'expenseScope')).toEqual(['未识别']);
  });

  test('叶集第十六条 on a name, a description and an expense item of a 叶集 workbook', () => {
    const inName = declaration([investmentRow(100, { 项目名称: '新建应用类数据中心' })], 'yeji');
    const inDescription = declaration([investmentRow(100, { 项目简要说明及建设依据: '本项目新建业务专网，连接各乡镇' })], 'yeji');
    const inItem = expense([['数据中心建设', 300]], 'yeji');
    const cite = { citation: { profile: 'yeji', article: '第十六条' }, severity: 'warning' };
    expect(of(inName, 'eligibility/outside-regulation')).toMatchObject([{ ...cite, column: 'C' }]);
    expect(of(inDescription, 'eligibility/outside-regulation')).toMatchObject([{ ...cite, column: 'D' }]);
    expect(of(inItem, 'eligibility/outside-regulation')).toMatchObject([{ ...cite, column: 'B' }]);
    expect(of(expense([['数据中心建设', 300]], 'wulong'), 'eligibility/outside-regulation')).toEqual([]);
  });

  test('systems named after costs are clean project names; Latin item texts keep their word breaks', () => {
    for (const name of ['会议室预约管理系统', '工资发放管理系统', '差旅费报销系统', '耗材管理系统', '办公用房管理系统']) {
      const r = declaration([investmentRow(100, { 项目名称: name })], 'wulong');
      expect(of(r, 'eligibility/project-scope')).toEqual([]);
    }
    const r = expense([['Dell PC', 0.6], ['RFID reader', 0.2], ['Microsoft Office 2021', 0.3]], 'wulong');
    expect(computedOf(r, 'expenseScope')).toEqual(['经评估后可纳入（电脑）', '纳入（RFID）', '不纳入（办公软件正版化）']);
  });
});
