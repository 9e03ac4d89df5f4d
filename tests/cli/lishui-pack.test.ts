// The 丽水 pack as a user loads it (fundcheck --rules assets/packs/lishui/lishui.json): detected, its findings on the sample exactly as assets/packs/lishui/README.md lists them, the copy marked, and its articles word for word the text in src/engine/packs/sources/lishui.txt.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { NOTE_MARKER, SEVERITY_FILL } from '../../src/cli/annotate';
import { readWorkbook } from '../../src/cli/read';
import type { Severity } from '../../src/engine/types';
import { load, noteString, runCli } from './helpers';
import { makeLishuiSample } from '../fixtures/packs/make-lishui-sample';

// Generous on purpose: a busy 2-core machine runs this several times slower.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const PACK = 'assets/packs/lishui/lishui.json';
const SAMPLE = 'assets/packs/lishui/sample.xlsx';
const AS_OF = '2026-06-30';
const TITLE = '《丽水市本级政府投资信息化项目管理办法》';
/** The Wulong table, shown as a reference under every other regulation (expenseTable binding false). */
const WULONG_TABLE = '《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类（参照，不是本项目所适用办法的规定）';

interface Expected {
  sheet: string;
  cell: string;
  rule: string;
  severity: Severity;
  /** The article cited (of the 丽水 measures unless it is the Wulong reference table). */
  article: string;
  /** Words the message must contain. */
  gist: string;
}

// The README's table, row for row, in report order. Each row: what the sample plants and the article that decides it.
const EXPECTED: Expected[] = [
  // 第十条 “总投资1000万元及以上的项目，由市数据局组织项目涉及相关单位进行书面审查”: 1000 itself is in (及以上).
  { sheet: '申报表', cell: 'G5', rule: 'threshold/on-boundary', severity: 'info', article: '第十条', gist: '金额1,000.00万元恰好等于1,000.00万元的门槛' },
  // 第十五条 “项目总投资100万元及以上的应当实行信息系统工程监理制”: 100 itself is in.
  { sheet: '申报表', cell: 'G7', rule: 'threshold/on-boundary', severity: 'info', article: '第十五条', gist: '金额100.00万元恰好等于100.00万元的门槛' },
  // 第三十二条 “楼宇智能化项目（含视频会议系统设备）……不纳入本办法管理的范畴”.
  { sheet: '申报表', cell: 'C10', rule: 'eligibility/outside-regulation', severity: 'error', article: '第三十二条', gist: '“市行政中心楼宇智能化改造”：属楼宇智能化项目（含视频会议系统设备）' },
  // The Wulong expense table as a reference: 办公设施更换 is not covered there.
  { sheet: '申报表', cell: 'C11', rule: 'eligibility/project-scope', severity: 'warning', article: 'reference', gist: '“办公电脑及打印机更新”属于不纳入信息化经费的“办公设施更换”' },
  // 第三十二条 “集中采购的通用设备（包含电脑主机、显示器、打印机、一体机等）……不纳入本办法管理的范畴”.
  { sheet: '申报表', cell: 'C11', rule: 'eligibility/outside-regulation', severity: 'warning', article: '第三十二条', gist: '如属集中采购的通用设备，不纳入本办法管理，请确认采购方式' },
  { sheet: '申报表', cell: 'E11', rule: 'eligibility/project-scope', severity: 'warning', article: 'reference', gist: '“更新老旧办公电脑和打印机”属于不纳入信息化经费的“办公设施更换”' },
  // 第十六条（二） “实际调整内容涉及金额超过批复总金额10%或50万元的，应报市数据局审批”: 60 of 800 is 7.5% but over 50万.
  { sheet: '进度情况表', cell: 'G4', rule: 'change-limit/filing-required', severity: 'info', article: '第十六条', gist: '资金调整数额60.00万元未超过概算总投资的10%（占7.50%）：办法对10%以内的调整未规定报批或备案；但调整内容涉及金额超过50万元的' },
  { sheet: '进度情况表', cell: 'G5', rule: 'change-limit/filing-required', severity: 'info', article: '第十六条', gist: '资金调整数额29.90万元未超过概算总投资的10%（占9.97%）' },
  { sheet: '进度情况表', cell: 'G6', rule: 'change-limit/over-15-percent', severity: 'error', article: '第十六条', gist: '资金调整数额40.04万元超过概算总投资400.00万元的10%（占10.01%）' },
  // “超过” is strict: exactly 10% is within.
  { sheet: '进度情况表', cell: 'G7', rule: 'change-limit/filing-required', severity: 'info', article: '第十六条', gist: '资金调整数额20.00万元未超过概算总投资的10%（占10.00%）' },
  // 第十六条（一） “项目实际投资原则上不得超过批复总投资”: 原则上, so a warning.
  { sheet: '进度情况表', cell: 'H8', rule: 'change-limit/exceeds-approved-budget', severity: 'warning', article: '第十六条', gist: '调整后总投资520.00万元超过批复概算500.00万元（超出20.00万元）' },
  { sheet: '进度情况表', cell: 'M9', rule: 'consistency/invested-exceeds-total', severity: 'warning', article: '第十六条', gist: '已投资160.00万元超过总投资150.00万元' },
  { sheet: '进度情况表', cell: 'C12', rule: 'eligibility/outside-regulation', severity: 'error', article: '第三十二条', gist: '“行政中心视频会议系统扩容”：属楼宇智能化项目（含视频会议系统设备）' },
];

// The computed 审批/管理路径 per row: 第十五条 from 100 (及以上), 第十条 from 1000 (及以上) except for 运维 (第三十二条).
const SUPERVISION = '项目总投资100万元及以上：实行信息系统工程监理制（第十五条）';
const REVIEW = '总投资1000万元及以上：由市数据局组织项目涉及相关单位书面审查，审查单位书面反馈意见（第十条）';
const PATHS: [string, number, string][] = [
  ['申报表', 4, `${SUPERVISION}；${REVIEW}`], // 1200
  ['申报表', 5, `${SUPERVISION}；${REVIEW}`], // 1000
  ['申报表', 6, SUPERVISION], // 999.99
  ['申报表', 7, SUPERVISION], // 100
  ['申报表', 10, SUPERVISION], // 380
  ['申报表', 12, SUPERVISION], // 1500, 运维: no written review
  ['申报表', 13, SUPERVISION], // 250
  ['进度情况表', 4, SUPERVISION],
  ['进度情况表', 5, SUPERVISION],
  ['进度情况表', 6, SUPERVISION],
  ['进度情况表', 7, SUPERVISION],
  ['进度情况表', 8, SUPERVISION],
  ['进度情况表', 9, SUPERVISION],
  ['进度情况表', 10, SUPERVISION],
  ['进度情况表', 11, SUPERVISION],
  ['进度情况表', 13, `${SUPERVISION}；${REVIEW}`], // 1350
];

interface JsonFinding {
  sheet: string;
  cell: string;
  ruleId: string;
  severity: Severity;
  message: string;
  citation: string | null;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-lishui-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const citationOf = (e: Expected) => (e.article === 'reference' ? WULONG_TABLE : `${TITLE}${e.article}`);

describe('the 丽水 pack loaded from its file', () => {
  test('the sample is detected as 丽水 and gives exactly the README’s findings, each citing its article', async () => {
    const r = await runCli(['--rules', PACK, '--format', 'json', '--as-of', AS_OF, SAMPLE], ROOT, AS_OF);
    expect(r.err).toContain(`已读入办法数据包 ${PACK}：${TITLE}（--profile lishui`);
    expect(r.code).toBe(1);
    const wb = JSON.parse(r.out).workbooks[0];
    expect(wb.profile).toMatchObject({ id: 'lishui', regulation: TITLE, detected: true });
    expect(wb.profile.reason).toContain('“丽水市”');
    expect(wb.notices).toEqual([]);
    const findings = wb.findings as JsonFinding[];
    expect(findings.map((f) => [f.sheet, f.cell, f.ruleId, f.severity, f.citation])).toEqual(EXPECTED.map((e) => [e.sheet, e.cell, e.rule, e.severity, citationOf(e)]));
    findings.forEach((f, i) => expect(f.message).toContain(EXPECTED[i]!.gist));
    const paths = (wb.computed as { sheet: string; row: number; key: string; value: string }[]).filter((c) => c.key === 'approvalPath');
    expect(paths.map((c) => [c.sheet, c.row, c.value])).toEqual(PATHS);
  });

  test('the README’s table of expected findings is this table (sheet, cell, rule, severity, article)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'assets/packs/lishui/README.md'), 'utf8');
    const rows = readme
      .split('\n')
      .filter((l) => /^\| (申报表|进度情况表) \|/.test(l))
      .map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
    expect(rows.map((c) => [c[0], c[1], c[2], c[3], c[5]!.startsWith('Wulong') ? 'reference' : c[5]])).toEqual(
      EXPECTED.map((e) => [e.sheet, e.cell, e.rule, e.severity, e.article]),
    );
  });

  test('the overlays quote 第三十二条 in the message itself', async () => {
    const r = await runCli(['--rules', PACK, '--format', 'json', '--as-of', AS_OF, SAMPLE], ROOT, AS_OF);
    const f = (JSON.parse(r.out).workbooks[0].findings as JsonFinding[]).find((x) => x.cell === 'C10')!;
    expect(f.message).toContain('第三十二条：“集中采购的通用设备（包含电脑主机、显示器、打印机、一体机等）和楼宇智能化项目（含视频会议系统设备）……不纳入本办法管理的范畴。”');
  });

  test('the annotated copy (--out) marks each cell of the table with its worst severity and our note, and no other data cell', async () => {
    const out = path.join(dir, 'out');
    const r = await runCli(['--rules', PACK, '--as-of', AS_OF, '--out', out, SAMPLE], ROOT, AS_OF);
    expect(r.code).toBe(1);
    const copy = await load(path.join(out, 'sample.xlsx'));
    const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
    const worst = new Map<string, Severity>();
    for (const e of EXPECTED) {
      const k = `${e.sheet}!${e.cell}`;
      const w = worst.get(k);
      if (w === undefined || rank[e.severity] > rank[w]) worst.set(k, e.severity);
    }
    for (const [k, severity] of worst) {
      const [sheet, cell] = k.split('!') as [string, string];
      const c = copy.getWorksheet(sheet)!.getCell(cell);
      expect([k, (c.fill as ExcelJS.FillPattern | undefined)?.fgColor]).toEqual([k, { argb: SEVERITY_FILL[severity] }]);
      const note = noteString(c.note);
      expect(note.startsWith(NOTE_MARKER.zh + '\n')).toBe(true);
      for (const e of EXPECTED.filter((x) => `${x.sheet}!${x.cell}` === k)) expect(note).toContain(e.gist);
    }
    // Every other cell of the data rows (rows 4–13, the sample's columns) carries no note of ours.
    const original = await load(path.join(ROOT, SAMPLE));
    for (const ws of original.worksheets) {
      const width = ws.getRow(3).cellCount;
      for (let row = 4; row <= 13; row++) {
        for (let col = 1; col <= width; col++) {
          const addr = ws.getCell(row, col).address;
          if (worst.has(`${ws.name}!${addr}`)) continue;
          expect([ws.name, addr, noteString(copy.getWorksheet(ws.name)!.getCell(addr).note)]).toEqual([ws.name, addr, '']);
        }
      }
    }
  });

  test('the committed sample is what tests/fixtures/packs/make-lishui-sample.ts writes', async () => {
    const fresh = path.join(dir, 'fresh.xlsx');
    await makeLishuiSample(fresh);
    expect((await readWorkbook(fresh)).snapshot.sheets).toEqual((await readWorkbook(path.join(ROOT, SAMPLE))).snapshot.sheets);
  });
});

/** The articles of lishui.txt: 第N条 starts one, its following lines (items, second paragraphs) belong to it. */
function articlesOfText(text: string): Map<string, string> {
  const articles = new Map<string, string>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^(第[一二三四五六七八九十]+条) (.*)$/.exec(line);
    if (m !== null) {
      current = m[1]!;
      articles.set(current, m[2]!);
    } else if (line.trim() === '' || /^第[一二三四五六七八九十]+章/.test(line)) {
      current = null;
    } else if (current !== null) {
      articles.set(current, `${articles.get(current)!}\n${line}`);
    }
  }
  return articles;
}

describe('the 丽水 pack’s articles', () => {
  const pack = JSON.parse(fs.readFileSync(path.join(ROOT, PACK), 'utf8')) as {
    inForce: { article: string };
    thresholds: { article: string }[];
    changeLimit: { article: string };
    budgetArticle: string;
    withinEstimateArticle: string;
    overlays: { article: string; quote?: { zh: string } }[];
    articles: Record<string, string>;
  };
  const text = articlesOfText(fs.readFileSync(path.join(ROOT, 'src/engine/packs/sources/lishui.txt'), 'utf8'));

  test('all 34 articles, each word for word as lishui.txt prints it, in order', () => {
    expect(text.size).toBe(34);
    expect(Object.keys(pack.articles)).toEqual([...text.keys()]);
    for (const [k, v] of text) expect([k, pack.articles[k]]).toEqual([k, v]);
    // Spot checks that the parse is what it seems: an article with items, one of two paragraphs, the last.
    expect(pack.articles['第十六条']).toContain('\n（二）在不超过批复总投资的前提下，实际调整内容涉及金额超过批复总金额10%或50万元的，应报市数据局审批；\n');
    expect(pack.articles['第三十二条']!.split('\n')).toHaveLength(2);
    expect(pack.articles['第三十四条']).toBe('本办法自发布之日起施行。');
  });

  test('every article the pack cites is among its articles', () => {
    const cited = [
      pack.inForce.article,
      ...pack.thresholds.map((t) => t.article),
      pack.changeLimit.article,
      pack.budgetArticle,
      pack.withinEstimateArticle,
      ...pack.overlays.map((o) => o.article),
    ].flatMap((a) => a.split('、'));
    expect(cited.length).toBeGreaterThan(0);
    for (const a of cited) expect([a, a in pack.articles]).toEqual([a, true]);
  });
});
