// fundcheck --summary (and --previous) through the command line: the 汇总.xlsx read back, the cross-file findings, sorting, files not checked, exit codes, worker threads.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { runCli } from './helpers';
import { DECL_HEADERS, LEDGER, LEDGER_HEADERS, LEDGER_TITLE, writeSummaryFixtures, writeTable } from './summary-fixtures';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '../..');
const AS_OF = '2026-05-20';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-summary-'));
let current = '';

beforeAll(async () => {
  ({ current } = await writeSummaryFixtures(dir));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args, dir, AS_OF);

type Row = (string | number | Date | undefined)[];

/** Every sheet of the summary as rows of values (dates as YYYY-MM-DD), header first. */
function readSummary(file: string): Record<string, Row[]> {
  const wb = XLSX.read(fs.readFileSync(file), { cellDates: true });
  const out: Record<string, Row[]> = {};
  for (const name of wb.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<Row>(wb.Sheets[name]!, { header: 1, defval: undefined });
    out[name] = rows.map((r) => Array.from(r, (v) => (v instanceof Date ? isoDay(v) : v)));
  }
  return out;
}

/** SheetJS gives a date cell as local midnight give or take its rounding: the nearest calendar day. */
function isoDay(d: Date): string {
  const t = new Date(d.getTime() + 12 * 3600_000 - d.getTimezoneOffset() * 60_000);
  return t.toISOString().slice(0, 10);
}

/** Rows as objects keyed by the header row's texts. */
function records(rows: Row[]): Record<string, string | number | undefined>[] {
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] as string | number | undefined])));
}

describe('fundcheck FOLDER --summary 汇总.xlsx --previous DIR', () => {
  let result: { code: number; out: string; err: string };
  let sheets: Record<string, Row[]>;
  const summaryFile = () => path.join(dir, 'out', '汇总.xlsx');

  beforeAll(async () => {
    result = await run(['本轮', '--summary', 'out/汇总.xlsx', '--previous', '上一轮']);
    sheets = readSummary(summaryFile());
  });

  test('the exit code is the one the run gives without --summary', async () => {
    const plain = await run(['本轮']);
    expect(plain.code).toBe(1);
    expect(result.code).toBe(plain.code);
    expect(result.err).toBe(plain.err);
  });

  test('sheets: 项目汇总, one per severity, 跨文件核对, 不能检查的文件', () => {
    expect(Object.keys(sheets)).toEqual(['项目汇总', '错误', '警告', '提示', '跨文件核对', '不能检查的文件']);
  });

  test('项目汇总 has one row per project of every file, with amount, approval path, counts and the next deadline', () => {
    const rows = records(sheets['项目汇总']!);
    expect(sheets['项目汇总']![0]).toEqual([
      '文件', '工作表', '行', '建设单位', '项目名称', '项目投资/总投资（万元）', '审批/管理路径', '错误', '警告', '提示', '已核实/同意', '跨文件问题', '下一期限', '期限类型', '是否逾期',
    ]);
    // 3 + 3 declared projects, 3 ledger rows.
    expect(rows).toHaveLength(9);
    const find = (file: string, project: string) => rows.find((r) => r['文件'] === file && r['项目名称'] === project)!;
    const city = find('本轮/进度台账.xlsx', LEDGER.city.name);
    expect(city).toMatchObject({ 建设单位: LEDGER.city.unit, '项目投资/总投资（万元）': 800, 错误: 1, 下一期限: '2026-04-30', 期限类型: '验收截止', 是否逾期: '是', 行: 4 });
    expect(String(city['审批/管理路径'])).toContain('第二十八条');
    // The nearest deadline on or after the reference date.
    expect(find('本轮/进度台账.xlsx', LEDGER.emergency.name)).toMatchObject({ 警告: 1, 错误: 0, 下一期限: '2026-06-10', 期限类型: '验收截止', 是否逾期: '否' });
    // Waived (已核实, same value as recorded) is counted apart; a stale waiver leaves the error counted.
    expect(find('本轮/街道-申报表.xlsx', '社区网格化管理系统')).toMatchObject({ 错误: 0, '已核实/同意': 1 });
    expect(find('本轮/街道-申报表.xlsx', '智慧社区服务平台')).toMatchObject({ 错误: 1, '已核实/同意': 0 });
    expect(find('本轮/教委-申报表.xlsx', LEDGER.campus.name)).toMatchObject({ '项目投资/总投资（万元）': 1000, 跨文件问题: 1 });
    // The ledger row: total differs from the declaration, and 已投资 went down since the previous round.
    expect(find('本轮/进度台账.xlsx', LEDGER.campus.name)).toMatchObject({ '项目投资/总投资（万元）': 1200, 跨文件问题: 2 });
  });

  test('sorted for action: overdue first, then by errors, then by unit', () => {
    const rows = records(sheets['项目汇总']!);
    expect(rows[0]!['项目名称']).toBe(LEDGER.city.name);
    expect(rows[1]!['项目名称']).toBe('智慧社区服务平台');
    const key = rows.map((r) => [r['是否逾期'] === '是' ? 0 : 1, -Number(r['错误']), String(r['建设单位'])] as const);
    for (let i = 1; i < key.length; i++) {
      const [a, b] = [key[i - 1]!, key[i]!];
      const order = a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2], 'zh-Hans-CN');
      expect(order).toBeLessThanOrEqual(0);
    }
    // By unit (pinyin order) once overdue and errors are equal: 凤山 < 公安 < 教育 < 应急.
    expect(rows.slice(2).map((r) => r['建设单位'])).toEqual([
      '武隆区凤山街道办事处',
      '武隆区凤山街道办事处',
      '武隆区公安局',
      '武隆区教育委员会',
      '武隆区教育委员会',
      '武隆区教育委员会',
      '武隆区应急管理局',
    ]);
  });

  test('one sheet per severity lists each finding with file, cell, unit, project, message and citation', () => {
    const errors = records(sheets['错误']!);
    expect(sheets['错误']![0]).toEqual(['文件', '工作表', '单元格', '建设单位', '项目名称', '问题', '依据', '核实情况']);
    // In the projects' order of action: the overdue one, then F5 (an error left) before F4 (its error waived).
    expect(errors.map((e) => `${e['文件']} ${e['单元格']}`)).toEqual(['本轮/进度台账.xlsx J4', '本轮/街道-申报表.xlsx F5', '本轮/街道-申报表.xlsx F4']);
    expect(errors[0]).toMatchObject({ 建设单位: LEDGER.city.unit, 项目名称: LEDGER.city.name });
    expect(String(errors[0]!['问题'])).toContain('已逾期');
    expect(String(errors[0]!['依据'])).toContain('《武隆区政务信息化项目管理办法》');
    expect(String(errors[1]!['核实情况'])).toMatch(/^已过期/);
    expect(String(errors[2]!['核实情况'])).toMatch(/^已核实：资金来源另有批复/);
    const warnings = records(sheets['警告']!);
    expect(warnings).toContainEqual(expect.objectContaining({ 文件: '本轮/进度台账.xlsx', 单元格: 'J5', 项目名称: LEDGER.emergency.name }));
  });

  test('跨文件核对: the declaration against the ledger, one name by two units, and the previous round, each naming both files and cells', () => {
    const cross = records(sheets['跨文件核对']!);
    const of = (kind: string) => cross.filter((c) => c['核对项'] === kind);
    expect(of('申报与进度总投资不一致')).toEqual([
      expect.objectContaining({ 项目名称: LEDGER.campus.name, 文件1: '本轮/教委-申报表.xlsx', 单元格1: '申报表!F3', 值1: '1000.00 万元', 文件2: '本轮/进度台账.xlsx', 单元格2: '进度台账!D3', 值2: '1200.00 万元' }),
    ]);
    expect(of('同名项目多个单位申报')).toEqual([
      expect.objectContaining({ 项目名称: '雪亮工程视频监控补点', 文件1: '本轮/教委-申报表.xlsx', 单元格1: '申报表!C5', 值1: '武隆区公安局', 文件2: '本轮/街道-申报表.xlsx', 单元格2: '申报表!C3', 值2: '武隆区凤山街道办事处' }),
    ]);
    expect(of('已投资比上一轮减少')).toEqual([
      expect.objectContaining({ 项目名称: LEDGER.campus.name, 文件1: '上一轮/进度台账.xlsx（上一轮）', 单元格1: '进度台账!F3', 值1: '700.00 万元', 文件2: '本轮/进度台账.xlsx', 单元格2: '进度台账!F3', 值2: '600.00 万元' }),
    ]);
    // 数字城管平台 reads the same both rounds; 应急指挥调度平台 moved from 70% to 80% and is not listed.
    expect(of('建设进度未推进')).toEqual([expect.objectContaining({ 项目名称: LEDGER.city.name, 单元格1: '进度台账!G4', 单元格2: '进度台账!G4' })]);
    expect(cross).toHaveLength(4);
  });

  test('the text output ends with the cross-file findings and where the summary went', () => {
    const tail = result.out.slice(result.out.indexOf('== 跨文件核对 =='));
    expect(tail.split('\n').filter((l) => l.startsWith('  警告')).length).toBe(4);
    expect(tail).toContain('本轮/教委-申报表.xlsx「申报表」F3 为 1000.00 万元，本轮/进度台账.xlsx「进度台账」D3 为 1200.00 万元');
    expect(tail).toContain('审核汇总：out/汇总.xlsx（9 个项目，跨文件问题 4 条）');
  });

  test('不能检查的文件 lists the lock file found in the folder', () => {
    expect(records(sheets['不能检查的文件']!)).toEqual([expect.objectContaining({ 文件: '本轮/~$进度台账.xlsx', 轮次: '本轮', 情况: '未检查' })]);
  });

  test('headers bold, first row frozen, widths set, an autofilter on every sheet', () => {
    const zip = unzipSync(fs.readFileSync(summaryFile()));
    const styles = strFromU8(zip['xl/styles.xml']!);
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => +m[1]!);
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!);
    for (let i = 1; i <= 6; i++) {
      const xml = strFromU8(zip[`xl/worksheets/sheet${i}.xml`]!);
      expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      expect(xml).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
      const headerStyles = [...xml.slice(0, xml.indexOf('</row>')).matchAll(/<c r="[A-Z]+1" s="(\d+)"/g)].map((m) => +m[1]!);
      expect(headerStyles.length).toBeGreaterThan(3);
      for (const s of headerStyles) expect(fonts[xfs[s]!]).toContain('<b/>');
    }
    // Data rows are not bold.
    const body = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    const dataStyle = /<c r="A2"(?: s="(\d+)")?/.exec(body)!;
    expect(fonts[xfs[+(dataStyle[1] ?? 0)]!]).not.toContain('<b/>');
  });
});

describe('--summary with other inputs and outputs', () => {
  test('without --previous there is no comparison between rounds', async () => {
    const r = await run(['本轮', '--summary', 'only-this-round.xlsx']);
    const cross = records(readSummary(path.join(dir, 'only-this-round.xlsx'))['跨文件核对']!);
    expect(cross.map((c) => c['核对项']).sort()).toEqual(['同名项目多个单位申报', '申报与进度总投资不一致']);
    expect(r.out).toContain('跨文件问题 2 条');
  });

  test('a broken file among the inputs: listed in 不能检查的文件, the others summarised, exit 2 as without --summary', async () => {
    const folder = path.join(dir, 'with-broken');
    fs.cpSync(current, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '损坏.xlsx'), 'PK\u0003\u0004 this is no workbook');
    const plain = await run(['with-broken']);
    const r = await run(['with-broken', '--summary', 'broken.xlsx']);
    expect(plain.code).toBe(2);
    expect(r.code).toBe(2);
    const sheets = readSummary(path.join(dir, 'broken.xlsx'));
    const notChecked = records(sheets['不能检查的文件']!);
    expect(notChecked).toEqual([
      expect.objectContaining({ 文件: 'with-broken/损坏.xlsx', 轮次: '本轮', 情况: '无法读取' }),
      expect.objectContaining({ 文件: 'with-broken/~$进度台账.xlsx', 情况: '未检查' }),
    ]);
    // The reason is the one stderr gives for it.
    const reason = String(notChecked[0]!['原因']);
    expect(reason.length).toBeGreaterThan(4);
    expect(r.err).toContain(`with-broken/损坏.xlsx: ${reason}`);
    expect(records(sheets['项目汇总']!)).toHaveLength(9);
  });

  test('amounts compare in 万元: a ledger kept in 元 agrees with a declaration in 万元, and a real difference is still found', async () => {
    const folder = path.join(dir, 'yuan');
    const decl = (name: string, inv: number) => [1, LEDGER.campus.unit, name, '说明', '2027年1月至2027年12月', inv, inv, '张伟', '李娜', '023-77712345', 'lina@wulong.gov.cn'];
    await writeTable(path.join(folder, '申报表.xlsx'), '申报表', '武隆区政务信息化项目申报表', DECL_HEADERS, [decl(LEDGER.campus.name, 1000), decl('教育资源公共服务平台', 300)]);
    const headers = LEDGER_HEADERS.map((h) => h.replace('（万元）', '（元）'));
    const row = (name: string, total: number) => [1, LEDGER.campus.unit, name, total, total, total / 2, '已完成50%，预计2027年6月完工', new Date(Date.UTC(2026, 0, 5)), null, null];
    await writeTable(path.join(folder, '台账.xlsx'), '进度台账', LEDGER_TITLE, headers, [row(LEDGER.campus.name, 10_000_000), row('教育资源公共服务平台', 3_500_000)]);
    const r = await run(['yuan', '--summary', 'yuan.xlsx', '--format', 'json']);
    const doc = JSON.parse(r.out) as { summary: { projects: { file: string; project: string; amount: number }[]; crossFile: { id: string; project: string; message: string }[] } };
    expect(doc.summary.projects.filter((p) => p.file === 'yuan/台账.xlsx').map((p) => p.amount).sort()).toEqual([1000, 350]);
    expect(doc.summary.crossFile).toEqual([expect.objectContaining({ id: 'cross/amount-mismatch', project: '教育资源公共服务平台' })]);
    expect(doc.summary.crossFile[0]!.message).toContain('300.00 万元');
    expect(doc.summary.crossFile[0]!.message).toContain('350.00 万元');
  });

  test('the bundled samples: a progress form is one project, read from its form cells; the same projects in declaration and form agree', async () => {
    const r = await runCli([path.join(ROOT, 'assets/samples'), '--summary', path.join(dir, 'samples.xlsx'), '--format', 'json'], ROOT, AS_OF);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { summary: { projects: Record<string, unknown>[]; crossFile: unknown[] } };
    const forms = doc.summary.projects.filter((p) => p.file === 'assets/samples/02-yeji-progress-form.xlsx');
    expect(forms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '进度情况表', unit: '叶集区数据资源管理局', project: '叶集区政务云平台扩容项目', amount: 300 }),
        expect.objectContaining({ sheet: '进度情况表（二）', unit: '叶集区人民医院', project: '智慧医院信息系统建设', amount: 150, nextDeadline: '2026-07-07' }),
      ]),
    );
    expect(forms).toHaveLength(2);
    expect(doc.summary.crossFile).toEqual([]);
    // Overdue first: the two ledgers' 数字城管平台 rows, 验收截止 passed.
    expect(doc.summary.projects.slice(0, 2).map((p) => [p.project, p.overdue])).toEqual([
      ['数字城管平台', true],
      ['数字城管平台', true],
    ]);
  });

  test('--format json carries a summary object; --lang en names sheets and headers in English', async () => {
    const r = await run(['本轮', '--summary', 'en.xlsx', '--previous', '上一轮', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { workbooks: unknown[]; summary: { file: string; projects: { project: string; overdue: boolean }[]; crossFile: { id: string; places: { file: string; cell: string }[] }[]; notChecked: unknown[] } };
    expect(doc.workbooks).toHaveLength(3);
    expect(doc.summary.file).toBe('en.xlsx');
    expect(doc.summary.projects).toHaveLength(9);
    expect(doc.summary.projects[0]).toMatchObject({ project: LEDGER.city.name, overdue: true });
    expect(doc.summary.crossFile.map((c) => c.id).sort()).toEqual(['cross/amount-mismatch', 'cross/invested-decreased', 'cross/name-several-units', 'cross/progress-stalled']);
    const dec = doc.summary.crossFile.find((c) => c.id === 'cross/invested-decreased')!;
    expect(dec.places.map((p) => `${p.file} ${p.cell}`)).toEqual(['上一轮/进度台账.xlsx F3', '本轮/进度台账.xlsx F3']);
    expect(doc.summary.notChecked).toHaveLength(1);
    const sheets = readSummary(path.join(dir, 'en.xlsx'));
    expect(Object.keys(sheets)).toEqual(['Projects', 'Error', 'Warning', 'Info', 'Cross-file checks', 'Files not checked']);
    expect(sheets['Projects']![0]!.slice(0, 5)).toEqual(['File', 'Sheet', 'Row', 'Unit (建设单位)', 'Project (项目名称)']);
    expect(records(sheets['Projects']!)[0]).toMatchObject({ 'Next deadline': '2026-04-30', Deadline: 'Acceptance due', Overdue: 'yes' });
  });

  test('refused before any check: --previous without --summary, a summary that would overwrite an input, a name not ending in .xlsx', async () => {
    const before = fs.readFileSync(path.join(current, '进度台账.xlsx'));
    for (const args of [
      ['本轮', '--previous', '上一轮'],
      ['本轮', '--summary', 'x.xlsx', '--previous', '上上轮'],
      ['本轮', '--summary', '本轮/进度台账.xlsx'],
      ['本轮', '--summary', 'summary.csv'],
      ['本轮', '--summary', '本轮'],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^fundcheck: .*(--previous|--summary|覆盖输入文件)/);
    }
    expect(fs.readFileSync(path.join(current, '进度台账.xlsx')).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'summary.csv'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('the compiled command with worker threads', () => {
  // Compiled into the repository's node_modules cache, as tests/cli/bin.test.ts does, so the pool's worker.js exists.
  const OUT = path.join(ROOT, 'node_modules', '.cache', `fundcheck-summary-test-${process.pid}`);
  const BIN = path.join(OUT, 'cli', 'bin.js');
  beforeAll(() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT], { cwd: ROOT, encoding: 'utf8' });
    if (!fs.existsSync(BIN)) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  }, 300_000);
  afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

  test('the summary made from workers (facts sent across threads) equals the one made in one thread', async () => {
    // Nine workbooks (the pool starts at eight): the round three times over, in folders a, b, c.
    const folder = path.join(dir, 'many');
    for (const sub of ['a', 'b', 'c']) fs.cpSync(current, path.join(folder, sub), { recursive: true });
    const args = ['many', '--summary', 'pool.xlsx', '--previous', '上一轮', '--format', 'json', '--as-of', AS_OF];
    const pooled = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, FUNDCHECK_WORKERS: '2', FUNDCHECK_MAIN_THREAD: '0' },
      encoding: 'utf8',
    });
    const single = await run(args);
    expect(pooled.status).toBe(single.code);
    const a = JSON.parse(pooled.stdout) as { summary: { projects: unknown[]; crossFile: unknown[] } };
    const b = JSON.parse(single.out) as { summary: { projects: unknown[]; crossFile: unknown[] } };
    expect(a.summary.projects).toHaveLength(27);
    expect(a.summary).toEqual(b.summary);
    expect(records(readSummary(path.join(dir, 'pool.xlsx'))['项目汇总']!)).toHaveLength(27);
  });
});
