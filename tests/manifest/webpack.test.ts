// The production build: pages with their CSP first, office.js as the only outside script, manifest rewritten to ADDIN_URL, icons copied, exceljs kept out of Excel's bundles.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-dist-'));
const ADDIN_URL = 'https://addin.example.org/fundcheck';
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  // One production build with the preview, no certificates involved.
  build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'preview', '--output-path', OUT], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_URL, CI: 'true' },
    encoding: 'utf8',
    timeout: 540_000,
  });
}, 600_000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

const read = (f: string) => fs.readFileSync(path.join(OUT, f), 'utf8');
const bundle = (name: string) => read(fs.readdirSync(OUT).find((f) => f.startsWith(name + '.') && f.endsWith('.js'))!);

test('the build succeeds', () => {
  expect(build.error).toBeUndefined();
  expect(`${build.stdout}\n${build.stderr}`).toContain('compiled successfully');
  expect(build.status).toBe(0);
});

test.each(['taskpane', 'commands', 'preview'])('%s.html has the CSP as its first policy-bearing tag and loads its bundle', (name) => {
  const html = read(`${name}.html`);
  const cspAt = html.search(/http-equiv="?Content-Security-Policy/);
  expect(cspAt).toBeGreaterThan(0);
  const firstScript = html.indexOf('<script');
  expect(cspAt).toBeLessThan(firstScript);
  const csp = /content="([^"]*)"/.exec(html.slice(cspAt))![1];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Office's CDN is the only outside origin, and only where Office.js is loaded.
  const origins = csp.match(/https?:\/\/[^\s;']+/g) ?? [];
  if (name === 'preview') expect(origins).toEqual([]);
  else expect(origins.every((o) => /^https:\/\/(appsforoffice\.microsoft\.com|ajax\.aspnetcdn\.com)$/.test(o))).toBe(true);
  const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
  const outside = scripts.filter((s) => /^https?:/.test(s));
  expect(outside).toEqual(name === 'preview' ? [] : ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  expect(scripts.some((s) => s.startsWith(name + '.'))).toBe(true);
});

test('the manifest in dist points at ADDIN_URL and icons are copied', () => {
  const m = read('manifest.xml');
  expect(m).not.toContain('localhost');
  expect(m).toContain(`${ADDIN_URL}/taskpane.html`);
  expect(m).toContain(`${ADDIN_URL}/commands.html`);
  for (const n of [16, 32, 64, 80]) expect(fs.existsSync(path.join(OUT, 'assets', `icon-${n}.png`))).toBe(true);
  for (const u of m.matchAll(new RegExp(`${ADDIN_URL}/([^"]+)`, 'g'))) expect(fs.existsSync(path.join(OUT, u[1]))).toBe(true);
});

test('exceljs stays out of the task pane and commands bundles; the preview has its browser build', () => {
  const marker = 'xl/sharedStrings.xml';
  expect(bundle('preview')).toContain(marker);
  expect(bundle('taskpane')).not.toContain(marker);
  expect(bundle('commands')).not.toContain(marker);
  // Fluent UI is tree-shaken: the task pane stays small enough to load quickly in Excel's webview.
  expect(fs.statSync(path.join(OUT, fs.readdirSync(OUT).find((f) => f.startsWith('taskpane.') && f.endsWith('.js'))!)).size).toBeLessThan(2_000_000);
});
