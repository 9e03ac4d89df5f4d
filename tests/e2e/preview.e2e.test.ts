// End-to-end in real Chromium: build the preview, open a sample, check, jump to a finding, clear the marks; the pane at 320 px (width, axe).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';

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

async function filledCells(): Promise<string[]> {
  return page.$$eval('td[data-cell]', (tds) =>
    tds.filter((td) => td.getAttribute('data-fill')).map((td) => `${td.getAttribute('data-sheet')}!${td.getAttribute('data-cell')}=${td.getAttribute('data-fill')}`),
  );
}

/** Fills on every sheet: the grid shows one sheet at a time, so visit each tab. */
async function allFills(): Promise<string[]> {
  const tabs = await page.$$eval('[data-sheet-tab]', (els) => els.map((e) => e.getAttribute('data-sheet-tab') ?? ''));
  const out: string[] = [];
  for (const t of tabs) {
    await page.click(`[data-sheet-tab="${t}"]`);
    await page.waitForSelector(`[data-testid="grid"][data-sheet="${t}"]`);
    out.push(...(await filledCells()));
  }
  return out.sort();
}

test('check a sample in the preview, jump to a finding, clear the marks', async () => {
  await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
  await page.waitForSelector('td[data-cell="A1"]', WAIT);
  expect(await page.textContent('[data-testid="workbook-name"]')).toBe(SAMPLE);
  const before = await allFills();

  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="finding"]', WAIT);
  await page.waitForSelector('text=检查完成', WAIT);
  expect(await page.locator('[data-testid="error"]').count()).toBe(0);

  // Marks went into the workbook and the grid shows them.
  const marked = await allFills();
  expect(marked.length).toBeGreaterThan(before.length);

  // Prefer a finding on a sheet other than the one shown, so activation is exercised too.
  const active = await page.getAttribute('[data-testid="grid"]', 'data-sheet');
  const findings = await page.$$eval('[data-testid="finding"]', (els) =>
    els.map((e, i) => ({ i, sheet: e.getAttribute('data-sheet') ?? '', cell: e.getAttribute('data-cell') ?? '' })),
  );
  const withCell = findings.filter((f) => f.cell);
  expect(withCell.length).toBeGreaterThan(0);
  const target = withCell.find((f) => f.sheet !== active) ?? withCell[withCell.length - 1];
  await page.locator('[data-testid="finding"]').nth(target.i).click();
  const selected = `td[data-sheet="${target.sheet}"][data-cell="${target.cell}"][data-selected="true"]`;
  await page.waitForSelector(selected, WAIT);
  expect(await page.getAttribute(`[data-sheet-tab="${target.sheet}"]`, 'data-active')).toBe('true');
  expect(await page.getAttribute('[data-testid="grid"]', 'data-sheet')).toBe(target.sheet);

  // E2E_SCREENSHOT=/path.png keeps a picture of the pane and grid for a human to look at.
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

  // Keyboard: Enter on another finding selects its cell too.
  const other = withCell.find((f) => f !== target);
  if (other) {
    await page.locator('[data-testid="finding"]').nth(other.i).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`td[data-sheet="${other.sheet}"][data-cell="${other.cell}"][data-selected="true"]`);
  }

  await page.click('[data-testid="clear"]');
  await page.click('[data-testid="clear-confirm-yes"]');
  await page.waitForSelector('text=已清除标记', WAIT);
  expect(await allFills()).toEqual(before);
  expect(pageErrors).toEqual([]);
});

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core on the pane; the page's CSP forbids injected script tags, so the source is evaluated through the driver. */
async function seriousViolations(state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (el: Element) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const res = await axe.run(document.querySelector('[data-testid="taskpane"]')!);
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | ')}`);
  });
  return found.map((v) => `${state}: ${v}`);
}

/** The pane at a task pane's width: nothing wider than the page (no sideways scrolling), nothing axe calls serious. */
async function checkState(state: string): Promise<void> {
  // A settled page: no run in progress, no pointer over a button, no colour transition half-way (axe measures colours).
  await page.waitForSelector('[data-testid="check"]:not([aria-disabled="true"])', WAIT);
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, WAIT);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect({ state, scrollWidth: scrollWidth <= clientWidth ? 'fits' : scrollWidth }).toEqual({ state, scrollWidth: 'fits' });
  expect(await seriousViolations(state)).toEqual([]);
}

async function xlsxBuffer(rows: (string | number)[][], sheet = 'Sheet1'): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openFile(name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.waitForFunction((n) => document.querySelector('[data-testid="workbook-name"]')?.textContent === n, name, WAIT);
  await page.waitForSelector('[data-testid="check"]', WAIT);
}

test('at 320 px, as a task pane: every state fits the width and has no serious accessibility violation', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.goto(`${baseUrl}/preview.html?layout=pane&today=2026-05-20&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await checkState('before check');

    // The buttons stay where they were when the results arrive.
    const y0 = (await page.locator('[data-testid="check"]').boundingBox())!.y;
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=检查完成', WAIT);
    expect((await page.locator('[data-testid="check"]').boundingBox())!.y).toBe(y0);
    await page.waitForSelector('[data-testid="finding"]', WAIT);
    await checkState('after check with findings');

    // One Tab stop with arrow keys; next/previous stay in view when the pane is scrolled to the end.
    expect(await page.locator('[data-testid="finding"][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-testid="finding"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rove'))).toBe('1');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const nav = (await page.locator('[data-testid="finding-nav"]').boundingBox())!;
    expect(nav.y).toBeGreaterThanOrEqual(-1);
    expect(nav.y + nav.height).toBeLessThanOrEqual(800);

    // A severity count filters the list (aria-pressed).
    await page.click('[data-testid="count-warning"]');
    expect(await page.getAttribute('[data-testid="count-warning"]', 'aria-pressed')).toBe('true');
    const severities = await page.$$eval('[data-testid="finding"]', (els) => els.length);
    expect(severities).toBeGreaterThan(0);
    await checkState('findings filtered by severity');
    await page.click('[data-testid="count-warning"]');

    await page.getByRole('tab', { name: /期限/ }).click();
    await page.waitForSelector('[data-testid="deadlines"]', WAIT);
    await checkState('期限 tab');
    await page.getByRole('tab', { name: /工作表/ }).click();
    await checkState('sheets tab');

    // An empty workbook and one nothing is recognised in: "nothing was checked", never "0 problems".
    for (const [name, rows] of [
      ['empty.xlsx', []],
      ['资产清单.xlsx', [['资产编号', '资产名称', '数量', '存放地点'], ['ZC-001', '笔记本电脑', 3, '三楼'], ['ZC-002', '打印机', 1, '二楼']]],
    ] as const) {
      await openFile(name, await xlsxBuffer(rows.map((r) => [...r])));
      await page.click('[data-testid="check"]');
      await page.waitForSelector('text=没有识别出可检查的表，未做任何检查', WAIT);
      const text = await page.textContent('[data-testid="taskpane"]');
      expect(text).not.toMatch(/发现 0 个问题|未发现问题/);
      await checkState(name);
    }

    await page.goto(`${baseUrl}/preview.html?layout=pane&lang=en-US&today=2026-05-20&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=Check finished', WAIT);
    await checkState('en-US after check');
    expect(await page.textContent('[data-testid="taskpane"]')).not.toContain('Source：');
  } finally {
    // Back to the Chinese preview at its usual width for the tests after this one.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('td[data-cell="A1"]', WAIT);
  }
  expect(pageErrors).toEqual([]);
});

/** A bundled sample with an overdue acceptance (K8 `deadline/overdue`, due 2026-04-30; see assets/samples/README.md). */
const OVERDUE_SAMPLE = '03-wulong-progress-ledger.xlsx';

test('at 320 px: findings grouped by project and 只看逾期 fit the width, have no serious violation, and keep one Tab stop', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.goto(`${baseUrl}/preview.html?layout=pane&today=2026-05-20&sample=${encodeURIComponent(OVERDUE_SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=检查完成', WAIT);
    await page.waitForSelector('[data-testid="finding"]', WAIT);
    const all = await page.locator('[data-testid="finding"]').count();

    await page.click('[data-testid="group-by-project"]');
    expect(await page.getAttribute('[data-testid="group-by-project"]', 'aria-pressed')).toBe('true');
    await page.waitForSelector('[data-testid="project-group"]', WAIT);
    // Grouping reorders, never drops: every finding is still listed, under a heading that names its list.
    expect(await page.locator('[data-testid="finding"]').count()).toBe(all);
    const labelled = await page.$$eval('[data-testid="project-group"] ul', (uls) =>
      uls.map((ul) => !!document.getElementById(ul.getAttribute('aria-labelledby') ?? '')),
    );
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.every(Boolean)).toBe(true);
    // Groups holding errors or the overdue finding (K8) come before the others.
    const urgent = await page.$$eval('[data-testid="project-group"]', (groups) =>
      groups.map(
        (g) =>
          /错误 \d/.test(g.querySelector('h3')?.textContent ?? '') ||
          Array.from(g.querySelectorAll('[data-testid="finding"]')).some((e) => e.getAttribute('data-cell') === 'K8'),
      ),
    );
    expect(urgent[0]).toBe(true);
    expect(urgent).toEqual([...urgent].sort((a, b) => Number(b) - Number(a)));
    expect(urgent).toContain(false);
    await checkState('grouped by project');
    expect(await page.locator('[data-testid="finding"][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-testid="finding"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rove'))).toBe('1');

    await page.click('[data-testid="overdue-only"]');
    expect(await page.getAttribute('[data-testid="overdue-only"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('[data-testid="overdue-only"]')).toBe('只看逾期 1');
    expect(await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['K8']);
    await checkState('只看逾期, grouped by project');

    await page.click('[data-testid="group-by-project"]');
    expect(await page.locator('[data-testid="project-group"]').count()).toBe(0);
    await checkState('只看逾期');
    await page.getByRole('button', { name: '下一个' }).click();
    await page.waitForSelector('[data-testid="finding"][aria-current="true"][data-cell="K8"]', WAIT);
    expect(await page.textContent('[data-testid="position"]')).toBe('第 1 / 1 个');
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('td[data-cell="A1"]', WAIT);
  }
  expect(pageErrors).toEqual([]);
});

test('a file that is not a workbook is refused in words', async () => {
  await page.setInputFiles('[data-testid="file-input"]', {
    name: 'broken.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('this is not a zip'),
  });
  const alert = await page.waitForSelector('[data-testid="preview-error"]', WAIT);
  expect(await alert.textContent()).toContain('无法打开工作簿：broken.xlsx');
  expect(pageErrors).toEqual([]);
});
