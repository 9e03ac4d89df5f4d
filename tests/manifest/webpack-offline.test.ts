// The offline build (issue #14, `--env offline`): office.js and the Excel host files from the add-in's own host, pages and
// CSP naming no outside host, and no file of the build pointing anywhere but the add-in's host.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-offline-'));
const ADDIN_URL = 'https://addin.example.org/fundcheck';
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', 'offline', '--output-path', OUT], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_URL, CI: 'true' },
    encoding: 'utf8',
    timeout: 1_100_000,
  });
}, 1_200_000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

const read = (f: string) => fs.readFileSync(path.join(OUT, f), 'utf8');

function files(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(dir, path.join(rel, d.name)) : [path.join(rel, d.name)],
  );
}

/** Hosts a file names: absolute http(s) URLs, and protocol-relative ones in quotes ("//host/…", how office.js builds some). */
function hosts(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)) out.add(m[1]!.toLowerCase());
  for (const m of text.matchAll(/["'`]\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g)) out.add(m[1]!.toLowerCase());
  return out;
}

const OWN_HOST = new URL(ADDIN_URL).host;

/**
 * Hosts our own bundles may name without pointing there: XML namespace identifiers the reader and copy writer parse and
 * write (never fetched), React's error-decoder link inside its minified error messages, and the link SheetJS puts in a
 * Numbers template it could write.
 */
const BUNDLE_IDENTIFIERS = new Set([
  'www.w3.org',
  'schemas.openxmlformats.org',
  'schemas.microsoft.com',
  'purl.org',
  'purl.oclc.org',
  'docs.oasis-open.org',
  'openoffice.org',
  'sheetjs.openxmlformats.org',
  'reactjs.org',
  'sheetjs.com',
]);

/**
 * What Microsoft's office.js files name, and why an Excel add-in on an intranet never loads it. Anything else fails the
 * test, so a new office.js version that starts loading from elsewhere is noticed when the pin is moved.
 */
const OFFICE_JS_URLS: Record<string, string> = {
  'docs.microsoft.com': 'a help link inside error message text (office_strings.js)',
  'support.microsoft.com': 'a help link inside error message text',
  'go.microsoft.com': 'a licence link in a comment',
  'raw.githubusercontent.com': "es6-promise's licence link in a comment",
  'document.localhost': 'a placeholder origin for the host document, not a network host',
  'ajax.aspnetcdn.com': 'MicrosoftAjax, loaded only for Office 2013 hosts (below the ExcelApi 1.9 the manifest requires)',
  'alcdn.msauth.net': 'MSAL, loaded only for nested app authentication, which fundcheck does not use',
  'telemetryservice.firstpartyapps.oaspapps.com': "Microsoft's own first-party add-ins' telemetry",
};

test('the offline build succeeds', () => {
  expect(build.error).toBeUndefined();
  expect(`${build.stdout}\n${build.stderr}`).toContain('compiled successfully');
  expect(build.status).toBe(0);
});

test.each(['taskpane', 'commands'])('%s.html loads office.js from the add-in, and its CSP names no outside host', (name) => {
  const html = read(`${name}.html`);
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)/g)].map((m) => m[1]);
  expect(scripts[0]).toBe('office-js/office.js');
  expect(scripts.slice(1).every((s) => s!.startsWith(`${name}.`))).toBe(true);
  const refs = [...html.matchAll(/\b(?:src|href|action)\s*=\s*"?([^" >]+)/g)].map((m) => m[1]!);
  expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html)![1]!;
  expect(csp).not.toMatch(/https?:|\/\//);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(hosts(html)).toEqual(new Set());
});

test("office.js and the Excel host files are Microsoft's, unchanged, at the pinned version", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pinned = require(path.join(ROOT, 'package.json')).devDependencies['@microsoft/office-js'];
  expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(require('@microsoft/office-js/package.json').version).toBe(pinned);
  for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
    expect([f, fs.readFileSync(path.join(OUT, 'office-js', f)).equals(fs.readFileSync(path.join(OFFICE_DIST, f)))]).toEqual([f, true]);
  }
  expect(files(path.join(OUT, 'office-js')).filter((f) => /\.debug\.js$|LICENSE/.test(f))).toEqual([]);
});

test("no file of the build points outside the add-in's host", () => {
  const outside: string[] = [];
  for (const f of files(OUT)) {
    if (!/\.(html|js|json|xml|txt|css)$/.test(f)) continue;
    const vendored = f.startsWith(`office-js${path.sep}`);
    for (const h of hosts(read(f))) {
      if (h === OWN_HOST) continue;
      if (vendored ? h in OFFICE_JS_URLS : f.endsWith('.js') && BUNDLE_IDENTIFIERS.has(h)) continue;
      // The manifest's only other URLs are its XML namespaces, in xmlns / xsi attributes.
      if (f === 'manifest.xml' && new RegExp(`xmlns(?::\\w+)?="https?://${h.replace(/\./g, '\\.')}/`).test(read(f))) continue;
      outside.push(`${f}: ${h}`);
    }
  }
  expect(outside).toEqual([]);
});
