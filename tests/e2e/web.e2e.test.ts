// End-to-end in real Chromium: the web page (check.html) built by the project's webpack config, opened as a local copy
// (file://) and hosted over http: several files at once with a broken one, findings beside the grid, downloads opened
// with SheetJS and compared with the CLI's, English, cancel, a 20,000-row declaration (time logged), axe-core, no requests.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeViolations } from './harness';
import webpack from 'webpack';
import { check } from '../../src/engine';
import { FINDINGS_TABLE_HEADER } from '../../src/engine/findings-table';
import { fillArgb, NOTE_MARKER } from '../../src/engine/presentation';
import type { Report } from '../../src/engine/types';
import { annotatedCopy } from '../../src/cli/annotate';
import { csvHeader, formatCsvRows } from '../../src/cli/format';
import { preflight } from '../../src/cli/preflight';
import { readSpreadsheet } from '../../src/cli/read';
import { writeDeclarationXlsx } from '../../src/bench/xlsx';
import { SUMMARY_SHEET_NAMES } from '../../src/engine/summary';
import { checkWorkbookBytes, summaryDownload, summaryInput } from '../../src/web/job';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
/** Pinned so deadline findings do not drift with the calendar (the samples were written for it). */
const TODAY = '2026-05-20';
const SAMPLE = path.join(ROOT, 'assets/samples/01-yeji-declaration.xlsx');
const ODS = path.join(ROOT, 'tests/fixtures/other-tools/lo-declaration.ods');
const GBK_CSV = path.join(ROOT, 'tests/fixtures/other-tools/declaration-gbk.csv');
const ET = path.join(ROOT, 'tests/fixtures/other-tools/wps-declaration.et');

// Building dominates; a busy 2-core machine (other suites build webpack too) runs everything several times slower.
jest.setTimeout(600_000);
const WAIT = { timeout: 120_000 };

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-web-'));
const DIST = path.join(WORK, 'dist');
/** The local copy a clerk would open: dist/ copied elsewhere, opened as file://. */
const LOCAL = path.join(WORK, 'local copy 本地');
const INPUTS = path.join(WORK, 'inputs');
const BROKEN = path.join(INPUTS, '损坏的文件.xlsx');
const LARGE = path.join(INPUTS, 'declaration-20000.xlsx');

let browser: Browser;
let server: http.Server;
let hostedUrl = '';

/** The project's webpack config (as `npm run build:dev`), only the web page's entries, built into `outDir`. */
async function buildWeb(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(path.join(ROOT, 'webpack.config.js'));
  const env = { WEBPACK_BUILD: true, WEBPACK_BUNDLE: true };
  const config: webpack.Configuration = await exported(env, { mode: 'development', env });
  const entry = config.entry as Record<string, string>;
  const final: webpack.Configuration = {
    ...config,
    entry: { check: entry.check!, 'check-worker': entry['check-worker']! },
    // The other pages' templates are the add-in's; only check.html is built here.
    plugins: (config.plugins ?? []).filter(
      (p) => !(p && p.constructor.name === 'HtmlWebpackPlugin' && !/^check\.html$/.test((p as { userOptions?: { filename?: string } }).userOptions?.filename ?? '')),
    ),
    mode: 'development',
    devtool: false,
    output: { ...config.output, path: outDir },
    infrastructureLogging: { level: 'error' },
    stats: 'errors-only',
  };
  delete (final as { devServer?: unknown }).devServer;
  await new Promise<void>((resolve, reject) => {
    webpack(final, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

function serve(dir: string): Promise<http.Server> {
  const mime: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png' };
  const s = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname).replace(/^\/+/, '') || 'check.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': mime[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

beforeAll(async () => {
  fs.mkdirSync(INPUTS, { recursive: true });
  fs.writeFileSync(BROKEN, 'this is not a workbook, only text saved with an .xlsx name\n');
  await writeDeclarationXlsx(20_000, LARGE);
  await buildWeb(DIST);
  fs.cpSync(DIST, LOCAL, { recursive: true });
  server = await serve(DIST);
  hostedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check.html`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  fs.rmSync(WORK, { recursive: true, force: true });
});

const localUrl = (query: string) => `file://${encodeURI(path.join(LOCAL, 'check.html'))}?${query}`;

/** A page that records every request it makes (blob: and data: are in memory, not requests anywhere). */
async function openPage(url: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-testid=choose]', WAIT);
  // Loading the page fetched it and its bundle; from here on nothing may be fetched, sent or opened.
  page.on('request', (r) => {
    if (!/^(blob|data):/.test(r.url())) requests.push(`${r.method()} ${r.url()}`);
  });
  page.on('websocket', (w) => requests.push(`websocket ${w.url()}`));
  return { page, requests, errors };
}

async function checkFiles(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=file][data-status=done], [data-testid=file][data-status=failed]').length >= n,
    files.length,
    WAIT,
  );
}


async function downloadBytes(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', WAIT), page.click(`[data-testid=${testId}]`)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file!) };
}

/** What the CLI gives for the same file: the report checked in node, with the page's options. */
async function cliReport(file: string, lang: 'zh' | 'en'): Promise<{ report: Report; bytes: Uint8Array; format: 'xlsx' }> {
  const loaded = await readSpreadsheet(file);
  return { report: check(loaded.snapshot, { asOf: TODAY, profile: 'auto', lang }), bytes: fs.readFileSync(file), format: loaded.format as 'xlsx' };
}

test('the built page forbids every connection in its CSP and says that nothing is uploaded', () => {
  const html = fs.readFileSync(path.join(DIST, 'check.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toMatch(/https?:/);
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  // No second bundle to fetch: the worker travels inside the page's bundle.
  expect(fs.readdirSync(DIST).filter((f) => f.endsWith('.js'))).toHaveLength(1);
});

test('local copy (file://): several files at once, a broken one among them, findings, grid, article, downloads, no request', async () => {
  const { page, requests, errors } = await openPage(localUrl(`today=${TODAY}`));
  expect(await page.textContent('[data-testid=privacy]')).toContain('不会上传');
  const violations = await axeViolations(page, 'empty page');

  await checkFiles(page, [SAMPLE, BROKEN, ODS, GBK_CSV, ET]);
  const status = await page.$$eval('[data-testid=file]', (els) => els.map((e) => [e.getAttribute('data-file'), e.getAttribute('data-status')]));
  expect(status).toEqual([
    ['01-yeji-declaration.xlsx', 'done'],
    ['损坏的文件.xlsx', 'failed'],
    ['lo-declaration.ods', 'done'],
    ['declaration-gbk.csv', 'done'],
    ['wps-declaration.et', 'done'],
  ]);

  // The broken file's reason in plain words: the CLI's own preflight sentence, no stack, no code.
  await page.click('[data-testid=file][data-file="损坏的文件.xlsx"]');
  const pre = preflight(BROKEN, 'xlsx');
  expect(pre.ok).toBe(false);
  expect(await page.textContent('[data-testid=file-error]')).toBe(`无法检查：${pre.ok ? '' : pre.message}`);
  violations.push(...(await axeViolations(page, 'broken file selected')));

  // The sample: its findings beside the grid, the problem cells filled as copies fill them.
  await page.click('[data-testid=file][data-file="01-yeji-declaration.xlsx"]');
  await page.waitForSelector('[data-testid=finding]', WAIT);
  const cli = await cliReport(SAMPLE, 'zh');
  const onSheet = cli.report.findings.filter((f) => f.sheet === '申报表');
  expect(await page.$$eval('[data-testid=finding]', (els) => els.length)).toBe(onSheet.length);
  const errorFinding = onSheet.find((f) => f.severity === 'error' && f.cell)!;
  const fill = await page.getAttribute(`[data-testid=grid] td[data-cell="${errorFinding.cell}"]`, 'data-fill');
  expect(fill).toBe('#FFC7CE');
  violations.push(...(await axeViolations(page, 'file checked')));

  // Clicking a finding goes to its cell and shows the article it cites.
  await page.click(`[data-testid=finding][data-cell="${errorFinding.cell}"]`);
  await page.waitForSelector(`[data-testid=grid] td[data-cell="${errorFinding.cell}"][data-selected=true]`, WAIT);
  const article = await page.textContent('[data-testid=article]');
  expect(article).toContain(errorFinding.citation!.regulation);
  expect(await page.textContent('[data-testid=article-text]')).not.toBe('');
  violations.push(...(await axeViolations(page, 'finding selected')));

  // The annotated copy: the CLI's copy of the same file, part for part; its marks read back with SheetJS.
  const copy = await downloadBytes(page, 'download-copy');
  expect(copy.name).toBe('01-yeji-declaration-已标注.xlsx');
  const expected = unzipSync(annotatedCopy({ input: cli.bytes, format: 'xlsx', snapshot: (await readSpreadsheet(SAMPLE)).snapshot, report: cli.report, lang: 'zh' }).bytes);
  const got = unzipSync(new Uint8Array(copy.bytes));
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const part of Object.keys(expected)) expect([part, Buffer.from(got[part]!).equals(Buffer.from(expected[part]!))]).toEqual([part, true]);
  const wb = XLSX.read(copy.bytes, { cellStyles: true });
  const cell = wb.Sheets['申报表']![errorFinding.cell] as XLSX.CellObject & { s?: { fgColor?: { rgb?: string } }; c?: { t: string }[] };
  expect(cell.s?.fgColor?.rgb).toBe(fillArgb('error').slice(2));
  expect(cell.c?.[0]?.t).toContain(NOTE_MARKER.zh);
  expect(cell.c?.[0]?.t).toContain(errorFinding.message);

  // The CSV: exactly the CLI's --format csv for this file.
  const csv = await downloadBytes(page, 'download-csv');
  expect(csv.bytes.toString('utf8')).toBe(csvHeader('zh') + formatCsvRows({ file: '01-yeji-declaration.xlsx', report: cli.report }, 'zh'));

  // The 检查结果 workbook: findingsTable's header and one row per finding.
  const table = await downloadBytes(page, 'download-table');
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(table.bytes).Sheets['检查结果']!, { header: 1 });
  expect(rows[0]).toEqual([...FINDINGS_TABLE_HEADER.zh]);
  expect(rows).toHaveLength(cli.report.findings.length + 1);

  // All files' CSV: the unusable one gets its cli/unusable line as in the CLI's batch output.
  const all = (await downloadBytes(page, 'download-csv-all')).bytes.toString('utf8');
  expect(all).toContain('损坏的文件.xlsx,,,,错误,cli/unusable');
  expect(all).toContain('lo-declaration.ods,');
  expect(all).toContain('declaration-gbk.csv,');

  // 汇总: the reviewer's summary of all files, as the same builder gives it in node for the same files.
  const summary = XLSX.read((await downloadBytes(page, 'download-summary')).bytes);
  const inputs = [];
  for (const file of [SAMPLE, BROKEN, ODS, GBK_CSV, ET]) {
    const name = path.basename(file);
    const o = await checkWorkbookBytes({ name, path: file, bytes: fs.readFileSync(file) }, { asOf: TODAY, profile: 'auto', lang: 'zh' });
    inputs.push(summaryInput(name, o?.ok ? o.file : undefined, o && !o.ok ? o.error : undefined));
  }
  const expectedSummary = XLSX.read(summaryDownload(inputs, TODAY, 'zh').bytes);
  expect(summary.SheetNames).toEqual(expectedSummary.SheetNames);
  expect(summary.SheetNames).toContain(SUMMARY_SHEET_NAMES.zh.projects);
  for (const name of summary.SheetNames) {
    expect([name, XLSX.utils.sheet_to_json(summary.Sheets[name]!, { header: 1 })]).toEqual([name, XLSX.utils.sheet_to_json(expectedSummary.Sheets[name]!, { header: 1 })]);
  }
  const notChecked = JSON.stringify(XLSX.utils.sheet_to_json(summary.Sheets[SUMMARY_SHEET_NAMES.zh.notChecked]!, { header: 1 }));
  expect(notChecked).toContain('损坏的文件.xlsx');

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
  await page.context().close();
});

test('a 20,000-row declaration opens and checks in the page (time logged); cancel stops a check; hosted next to the add-in', async () => {
  const { page, requests, errors } = await openPage(`${hostedUrl}?today=${TODAY}`);
  // Timed from the moment a user could pick the file: the page shown and its worker loaded (it starts with the page).
  await page.waitForSelector('main[data-worker-ready=true]', WAIT);
  const started = Date.now();
  await page.setInputFiles('[data-testid=file-input]', [LARGE]);
  await page.waitForSelector('[data-testid=progress]', WAIT);
  const violations = await axeViolations(page, 'checking (progress shown)');
  await page.waitForSelector('[data-testid=file][data-status=done]', WAIT);
  const ms = Date.now() - started;
  await page.waitForSelector('[data-testid=finding]', WAIT);
  const shown = Date.now() - started;
  const parts = JSON.parse((await page.getAttribute('[data-testid=profile-line]', 'data-ms')) ?? '{}') as Record<string, number>;
  console.log(
    `web page: 20,000-row declaration (${(fs.statSync(LARGE).size / 1e6).toFixed(1)} MB) read and checked in ${ms} ms, findings shown after ${shown} ms ` +
      `(in the worker: preflight ${Math.round(parts.preflight ?? NaN)} ms, read ${Math.round(parts.read ?? NaN)} ms, check ${Math.round(parts.check ?? NaN)} ms; ` +
      `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
  );
  expect(await page.textContent('[data-testid=profile-line]')).not.toBe('');

  // A finding far down the sheet: the grid shows a window of rows around it.
  const last = page.locator('[data-testid=finding]').last();
  const cell = await last.getAttribute('data-cell');
  await last.click();
  await page.waitForSelector(`[data-testid=grid] td[data-cell="${cell}"][data-selected=true]`, WAIT);

  // Cancel: the check again is stopped; the file says so, and checking again works.
  await page.click('[data-testid=recheck]');
  await page.waitForSelector('[data-testid=progress]', WAIT);
  await page.click('[data-testid=cancel]');
  await page.waitForSelector('[data-testid=notice]', WAIT);
  expect(await page.getAttribute('[data-testid=file]', 'data-status')).toBe('cancelled');
  await page.click('[data-testid=recheck]');
  await page.waitForSelector('[data-testid=file][data-status=done]', WAIT);

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
  await page.context().close();
});

test('en-US: the page, the findings and the downloads in English', async () => {
  const { page, requests, errors } = await openPage(localUrl(`today=${TODAY}&lang=en-US`));
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
  expect(await page.textContent('[data-testid=privacy]')).toContain('never uploaded');
  await checkFiles(page, [SAMPLE, BROKEN]);
  await page.click('[data-testid=file][data-file="01-yeji-declaration.xlsx"]');
  await page.waitForSelector('[data-testid=finding]', WAIT);
  const cli = await cliReport(SAMPLE, 'en');
  const first = cli.report.findings.find((f) => f.sheet === '申报表')!;
  expect(await page.textContent('[data-testid=findings]')).toContain(first.message);
  const violations = await axeViolations(page, 'en-US');
  const csv = await downloadBytes(page, 'download-csv');
  expect(csv.name).toBe('01-yeji-declaration-findings.csv');
  expect(csv.bytes.toString('utf8')).toBe(csvHeader('en') + formatCsvRows({ file: '01-yeji-declaration.xlsx', report: cli.report }, 'en'));
  const copy = await downloadBytes(page, 'download-copy');
  const wb = XLSX.read(copy.bytes, { cellStyles: true });
  const marked = wb.Sheets['申报表']![first.cell] as XLSX.CellObject & { c?: { t: string }[] };
  expect(marked.c?.[0]?.t).toContain(NOTE_MARKER.en);
  // Back to Chinese: the findings are checked again in Chinese.
  await page.click('[data-testid=lang-toggle]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', undefined, WAIT);
  await page.waitForFunction(() => document.querySelector('[data-testid=privacy]')?.textContent?.includes('不会上传'), undefined, WAIT);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
  await page.context().close();
});
