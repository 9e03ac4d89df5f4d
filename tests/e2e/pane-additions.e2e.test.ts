// End-to-end in real Chromium for the pane additions (issue #14): waive a finding (kept in the very hidden sheet, seen
// after a re-check), export 检查结果, the whole-workbook result, 帮助 and an article — with axe-core at each state.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';

// The helpers below (build, serve, browser) are copied from preview.e2e.test.ts, which another engineer owns.
const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SAMPLES_DIR = path.join(ROOT, 'assets/samples');
const SAMPLE = '01-yeji-declaration.xlsx';
/** Pinned so deadline findings do not drift with the calendar. */
const TODAY = '2024-06-01';

// Building the bundle dominates; the browser part takes a few seconds. Generous on purpose: a busy 2-core machine
// (other suites build webpack at the same time) runs both several times slower.
jest.setTimeout(300_000);
/** How long the page may take to show something, on that busy machine. */
const WAIT = { timeout: 60_000 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The project's own webpack config in preview mode (as `webpack --env preview`), built into `outDir`. */
async function buildPreview(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(path.join(ROOT, 'webpack.config.js'));
  const env = { preview: true, WEBPACK_BUILD: true, WEBPACK_BUNDLE: true };
  let config = typeof exported === 'function' ? await exported(env, { mode: 'development', env }) : exported;
  if (Array.isArray(config)) {
    config = config.find((c: webpack.Configuration) => JSON.stringify(c.entry ?? '').includes('preview')) ?? config[0];
  }
  // Development mode without source maps: a minified build of Fluent + ExcelJS would take minutes here.
  const final: webpack.Configuration = {
    ...config,
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
  if (!fs.existsSync(path.join(outDir, 'preview.html'))) {
    throw new Error(`webpack --env preview did not produce preview.html (got: ${fs.readdirSync(outDir).join(', ')})`);
  }
}

/** Serves the build, and samples/ from assets/samples when the build did not copy them. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'preview.html';
    const candidates = [path.join(dir, rel)];
    if (rel.startsWith('samples/')) candidates.push(path.join(SAMPLES_DIR, rel.slice('samples/'.length)));
    const file = candidates.find(
      (f) => (f.startsWith(dir + path.sep) || f.startsWith(SAMPLES_DIR + path.sep)) && fs.existsSync(f) && fs.statSync(f).isFile(),
    );
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let outDir = '';
let profileDir = '';
let server: http.Server | null = null;
let context: BrowserContext | null = null;
let page: Page;
let baseUrl = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  // The test must fail, not skip, on a machine without Chromium (CI installs it: .ci/run).
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!fs.existsSync(path.join(SAMPLES_DIR, SAMPLE))) throw new Error(`sample ${SAMPLE} is missing from assets/samples`);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-preview-'));
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-chromium-'));
  await buildPreview(outDir);
  server = await serve(outDir);
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 120_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Nothing outside the local server may be fetched (the preview must work offline).
  await page.route('**/*', (route) =>
    route.request().url().startsWith(baseUrl) ? route.continue() : route.abort('blockedbyclient'),
  );
  page.setDefaultTimeout(WAIT.timeout);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  for (const d of [outDir, profileDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});


async function axeViolations(state: string): Promise<string[]> {
  // Evaluated through the debugging protocol, so the page's CSP (no inline script) is left as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('waive a finding, export 检查结果, read the workbook result, help and an article in the preview', async () => {
  const violations: string[] = [];
  await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
  await page.waitForSelector('td[data-cell="A1"]', WAIT);
  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="finding"]', WAIT);
  await page.waitForSelector('text=检查完成', WAIT);

  // The whole workbook first: regulation, reference date, sheets.
  const result = page.locator('[data-testid="workbook-result"]');
  await result.waitFor(WAIT);
  expect(await page.textContent('[data-testid="result-regulation"]')).toContain('依据：《六安市叶集区政务信息化项目管理办法》');
  expect(await page.textContent('[data-testid="result-asof"]')).toContain(TODAY);
  expect(await page.locator('[data-testid="result-checked"] li').count()).toBeGreaterThan(0);
  violations.push(...(await axeViolations('checked')));

  // Waive the first finding that has a cell.
  const item = page.locator('[data-testid="finding"]:not([data-cell=""])').first();
  const cell = (await item.getAttribute('data-cell'))!;
  const sheet = (await item.getAttribute('data-sheet'))!;
  await item.click();
  await page.click('[data-testid="waive"]');
  await page.waitForSelector('[data-testid="waiver-dialog"]', WAIT);
  violations.push(...(await axeViolations('waiver dialog')));
  await page.click('[data-testid="waiver-save"]');
  await page.waitForSelector('text=请填写理由。', WAIT);
  await page.getByRole('radio', { name: '经评估同意' }).check();
  await page.getByRole('textbox', { name: /理由/ }).fill('已与建设单位核对，情况属实');
  await page.getByRole('textbox', { name: /姓名/ }).fill('李娜');
  await page.click('[data-testid="waiver-save"]');
  await page.waitForSelector('[data-testid="waiver-message"]', WAIT);
  expect(await page.textContent('[data-testid="waiver-message"]')).toContain('已记录核实情况');
  const badge = page.locator(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"] [data-testid="waiver"]`).first();
  await badge.waitFor(WAIT);
  expect(await badge.textContent()).toContain('经评估同意已与建设单位核对，情况属实李娜，');
  // Kept in the workbook, in a sheet that has no tab.
  expect(await page.locator('[data-sheet-tab="fundcheck_核实记录"]').count()).toBe(0);

  // A new check reads it back from the workbook.
  await page.click('[data-testid="check"]');
  await page.waitForSelector('text=检查完成', WAIT);
  await page.locator(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"] [data-testid="waiver"]`).first().waitFor(WAIT);

  // The article on demand.
  const cited = page.locator('[data-testid="finding"]:not([data-cell=""])').first();
  await cited.click();
  const open = page.locator('[data-testid="article-open"]');
  if ((await open.count()) > 0) {
    await open.click();
    await page.waitForSelector('[data-testid="article"]', WAIT);
    expect(await page.textContent('[data-testid="article-heading"]')).toMatch(/^引用：/);
    expect(await page.textContent('[data-testid="article-todo"]')).toContain('重新检查');
    violations.push(...(await axeViolations('article open')));
  }

  // Export: a new sheet 检查结果 with the findings.
  const n = await page.locator('[data-testid="finding"]').count();
  await page.click('[data-testid="export-button"]');
  await page.waitForSelector('[data-testid="export-message"]', WAIT);
  expect(await page.textContent('[data-testid="export-message"]')).toContain('写入');
  await page.click('[data-sheet-tab="检查结果"]');
  await page.waitForSelector('[data-testid="grid"][data-sheet="检查结果"]', WAIT);
  expect(await page.textContent('td[data-sheet="检查结果"][data-cell="A1"]')).toBe('工作表');
  expect(await page.textContent('td[data-sheet="检查结果"][data-cell="G1"]')).toBe('核实情况');
  expect(await page.locator('td[data-sheet="检查结果"][data-cell="A1"]').evaluate((td) => getComputedStyle(td).fontWeight)).toBe('600');
  expect(await page.textContent('[data-testid="export-message"]')).toContain(`${n}`);
  // Exporting again asks before replacing.
  await page.click('[data-testid="export-button"]');
  await page.waitForSelector('[data-testid="export-confirm"]', WAIT);
  violations.push(...(await axeViolations('export confirm')));
  await page.click('[data-testid="export-replace"]');
  await page.waitForSelector('text=已替换工作表“检查结果”', WAIT);

  // Help.
  await page.click('[data-testid="help-toggle"]');
  await page.waitForSelector('[data-testid="help"]', WAIT);
  expect(await page.textContent('[data-testid="help-regulations"]')).toContain('2020-07-17');
  violations.push(...(await axeViolations('help open')));

  expect(violations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
