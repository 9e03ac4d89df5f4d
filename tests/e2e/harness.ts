// Shared by the preview's end-to-end tests: build the preview with the project's webpack config, serve it, drive it in Chromium, run axe-core on a page.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';

export const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
export const SAMPLES_DIR = path.join(ROOT, 'assets/samples');

/** How long the page may take to show something, on that busy machine. */
export const WAIT = { timeout: 60_000 };

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

/** The preview in a browser, filled in by the beforeAll that usePreview registers. */
export interface PreviewSession {
  page: Page;
  baseUrl: string;
  /** Uncaught errors of the page, for tests to assert there were none. */
  pageErrors: string[];
}

/**
 * Registers, in the calling test file, the beforeAll that builds, serves and opens the preview and the afterAll that
 * closes it; `sample` must be among assets/samples. The session's fields are set once that beforeAll has run.
 */
export function usePreview(sample: string): PreviewSession {
  // Building the bundle dominates; the browser part takes a few seconds. Generous on purpose: a busy 2-core machine
  // (other suites build webpack at the same time) runs both several times slower.
  jest.setTimeout(300_000);
  const session = { pageErrors: [] as string[] } as PreviewSession;
  let outDir = '';
  let profileDir = '';
  let server: http.Server | null = null;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    // The test must fail, not skip, on a machine without Chromium (CI installs it: .ci/run).
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    if (!fs.existsSync(path.join(SAMPLES_DIR, sample))) throw new Error(`sample ${sample} is missing from assets/samples`);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-preview-'));
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-chromium-'));
    await buildPreview(outDir);
    server = await serve(outDir);
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session.baseUrl = baseUrl;
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
    const page = context.pages()[0] ?? (await context.newPage());
    session.page = page;
    page.on('pageerror', (e) => session.pageErrors.push(String(e)));
    // Nothing outside the local server may be fetched (the preview must work offline).
    await page.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort('blockedbyclient')));
    page.setDefaultTimeout(WAIT.timeout);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const d of [outDir, profileDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });
  return session;
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page, or within `root` (a selector), each as one line prefixed
 * with `state`. The source is evaluated through the driver: the pages' CSP forbids injected script tags.
 */
export async function axeViolations(page: Page, state: string, root?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (el?: Element) => Promise<Result> } }).axe;
    const res = sel === undefined ? await axe.run() : await axe.run(document.querySelector(sel)!);
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | ')}`);
  }, root);
  return found.map((v) => `${state}: ${v}`);
}
