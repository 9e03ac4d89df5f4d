// The Wulong 附件 table as data: every item RULES.md §2 lists, in its class, with the table's wording and citation.
import * as fs from 'fs';
import * as path from 'path';
import { classifyExpense, SCOPE_TABLE } from '../../../src/engine/expense';
import { builtinRegistry } from '../../../src/engine/packs/registry';

const titleOf = (id: string) => builtinRegistry().regulation(id)!.title;

// RULES.md §2, item by item: [table wording, class].
const RULES_ITEMS: [string, 'included' | 'conditional' | 'excluded'][] = [
  ['遥感设备', 'included'],
  ['传感器', 'included'],
  ['摄像头', 'included'],
  ['RFID', 'included'],
  ['数据采集终端（专用采集终端）', 'included'],
  ['购买、维护业务应用系统的备品备件', 'included'],
  ['运行维护专用工具', 'included'],
  ['服务台', 'included'],
  ['专用车辆', 'included'],
  ['政务外网', 'included'],
  ['政务内网', 'included'],
  ['互联网', 'included'],
  ['安全测评、安全整改', 'included'],
  ['租用云服务', 'included'],
  ['政务基础数据', 'included'],
  ['政务主题数据', 'included'],
  ['标准规范编制', 'included'],
  ['等级保护测评', 'included'],
  ['系统测评', 'included'],
  ['履行政务职能业务系统', 'included'],
  ['办公自动化系统', 'included'],
  ['视频会议系统', 'included'],
  ['楼宇智能化系统', 'included'],
  ['人事系统', 'included'],
  ['财务系统', 'included'],
  ['公共服务网站', 'included'],
  ['设计咨询', 'included'],
  ['招标代理', 'included'],
  ['工程监理', 'included'],
  ['软件测评', 'included'],
  ['其他感知设备', 'conditional'],
  ['数据采集终端（手机终端）', 'conditional'],
  ['电脑', 'conditional'],
  ['业务专网', 'conditional'],
  ['服务器存储', 'conditional'],
  ['安全咨询', 'conditional'],
  ['局域网络', 'conditional'],
  ['机房环境（如机房物管费、电费等）', 'conditional'],
  ['虚拟化、数据库等正版软件授权', 'conditional'],
  ['培训类系统购买电子课件、课程', 'conditional'],
  ['数据采集', 'conditional'],
  ['数据加工处理', 'conditional'],
  ['办公耗材', 'excluded'],
  ['办公设施更换', 'excluded'],
  ['人员工资', 'excluded'],
  ['差旅费', 'excluded'],
  ['学习培训费', 'excluded'],
  ['会议室升级改造', 'excluded'],
  ['办公软件正版化', 'excluded'],
  ['电话线路', 'excluded'],
  ['门户网站、公众号、app 等推广宣传及内容更新维护', 'excluded'],
];

describe('SCOPE_TABLE', () => {
  test('has one entry per item, with unique ids', () => {
    const ids = SCOPE_TABLE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SCOPE_TABLE.map((e) => e.item).sort()).toEqual(RULES_ITEMS.map(([item]) => item).sort());
  });

  test.each(RULES_ITEMS)('%s is %s', (item, cls) => {
    expect(SCOPE_TABLE.find((e) => e.item === item)?.class).toBe(cls);
  });

  test.each(SCOPE_TABLE.map((e) => [e.item, e] as const))('%s: the table wording classifies as itself', (item, e) => {
    expect(classifyExpense(item, 'wulong').entry).toBe(e);
  });

  test.each(SCOPE_TABLE.map((e) => [e.id, e] as const))('%s: complete, bilingual, cited', (_id, e) => {
    expect(e.itemEn).toMatch(/[a-z]/i);
    expect(e.rule).toMatch(/信息化经费|费用/);
    expect(e.citation.profile).toBe('wulong');
    expect(e.citation.regulation).toBe(titleOf('wulong'));
    expect(e.citation.article).toMatch(/^附件《武隆区政务信息化项目申报范围及边界》/);
    if (e.class === 'conditional') {
      expect(e.condition).toBeTruthy();
      expect(e.conditionEn).toMatch(/[a-z]/);
      expect(e.rule).toContain(e.condition!.slice(0, 4));
    } else {
      expect(e.condition).toBeUndefined();
    }
    if (e.class === 'included') expect(e.rule).toMatch(/纳入信息化经费|设计咨询、招标代理、工程监理、软件测评/);
    if (e.class === 'excluded') expect(e.rule).toBe('不纳入信息化经费。');
  });

  test('设计咨询/招标代理/工程监理/软件测评 cite the 新建、改扩建项目 row, the rest the fee table', () => {
    for (const e of SCOPE_TABLE) {
      const newBuild = ['design-consulting', 'tendering-agent', 'engineering-supervision', 'software-testing'].includes(e.id);
      expect(e.citation.article.endsWith(newBuild ? '新建、改扩建项目' : '政务信息化项目费用分类')).toBe(true);
    }
  });

  test('is frozen', () => {
    expect(Object.isFrozen(SCOPE_TABLE)).toBe(true);
    for (const e of SCOPE_TABLE) expect(Object.isFrozen(e)).toBe(true);
  });

  // The regulation's 附件 table, verbatim (fixtures/wulong-scope-table.txt; its # lines say where it comes from).
  const annex = path.join(__dirname, 'fixtures/wulong-scope-table.txt');
  test('rules quote the regulation’s 附件 table (punctuation width aside)', () => {
    const flat = (s: string) =>
      s
        .replace(/\s+/g, '')
        .replace(/,/g, '，')
        .replace(/\(/g, '（')
        .replace(/\)/g, '）');
    const text = flat(fs.readFileSync(annex, 'utf8').replace(/^#.*$/gm, ''));
    const missing: string[] = [];
    for (const e of SCOPE_TABLE) {
      // The 新建、改扩建项目 row is split by a page break in the text: its closing 费用。 opens the next table.
      const rule = flat(e.rule).replace(/。$/, '').replace(/等费用$/, '等');
      if (!text.includes(rule)) missing.push(rule);
      for (const part of e.item.replace(/（[^）]*）$/, '').split('、')) if (!text.includes(flat(part))) missing.push(part);
    }
    expect(missing).toEqual([]);
  });
});
