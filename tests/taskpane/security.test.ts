/** @jest-environment jsdom */
// Nothing runs, nothing leaks: workbook text is shown as text in the pane, no HTML sink or eval in the sources, no
// console output from the add-in's code, and the production bundle makes no network request under a strict CSP.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as React from 'react';
import '@testing-library/jest-dom';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Report } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { fakeHost, stubReport } from './fixtures';
import { columnsOf } from '../support/report';

jest.mock('../../src/engine', () => ({
  check: () => {
    throw new Error('tests inject runCheck');
  },
}));
jest.setTimeout(180_000);
// findBy*/waitFor give up after 1 s by default; a busy 2-core machine renders Fluent under jsdom several times slower.
configure({ asyncUtilTimeout: 20_000 });

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const ROOT = path.join(__dirname, '../..');
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

/** A report whose every text a workbook can influence carries markup. */
function hostileReport(): Report {
  const r = stubReport('zh');
  const sheet = `${SCRIPT}表`;
  r.profile.reason = `名称含 ${IMG}`;
  r.notices[0]!.message = `提示 ${IMG}`;
  r.sheets[0]!.name = sheet;
  r.sheets[0]!.reason = `表头含 ${IMG}`;
  r.sheets[0]!.computedColumns = columnsOf(
    [{ key: 'acceptanceDue', header: `验收截止${IMG}（自动）`, column: 'E' }],
    [{ sheet, row: 3, key: 'acceptanceDue', header: `验收截止${IMG}（自动）`, column: 'E', value: '2024-06-30', type: 'date' }],
  );
  for (const f of r.findings) if (f.sheet === '申报表') f.sheet = sheet;
  r.findings[0]!.message = `费用“${IMG}”不在范围内`;
  r.findings[1]!.citation = { profile: 'wulong', regulation: `《${IMG}》`, article: '第九条' };
  return r;
}

function expectNoInjectedMarkup(container: HTMLElement): void {
  expect(container.querySelector('img[src="x"]')).toBeNull();
  expect(container.querySelector('[onerror]')).toBeNull();
  expect(container.querySelector('script')).toBeNull();
  expect(document.querySelector('[onerror]')).toBeNull();
}

describe('the pane shows workbook text as text', () => {
  test('finding, notice, profile reason, sheet name and citation with <img onerror> and <script> are text, not elements', async () => {
    const host = fakeHost();
    const user = userEvent.setup({ delay: null });
    const { container } = render(React.createElement(App, { host, runCheck: () => hostileReport(), today: '2024-06-01', lang: 'zh' }));
    await user.click(screen.getByRole('button', { name: '检查' }));
    await screen.findByText(/检查完成/);
    expect(screen.getByText(`费用“${IMG}”不在范围内`)).toBeInTheDocument();
    expect(container.textContent).toContain(`提示 ${IMG}`);
    expect(container.textContent).toContain(`名称含 ${IMG}`);
    expect(container.textContent).toContain(SCRIPT);
    expectNoInjectedMarkup(container);
    // The other tabs render the same hostile names.
    for (const tab of screen.queryAllByRole('tab')) {
      await user.click(tab);
      expectNoInjectedMarkup(container);
    }
    expect(container.textContent).toContain(`表头含 ${IMG}`);
  });

  test('an error message carrying markup (from the host or the engine) is shown as text', async () => {
    const host = fakeHost({ readSnapshot: jest.fn(async () => Promise.reject(new Error(`读取失败 ${IMG}`))) });
    const user = userEvent.setup({ delay: null });
    const { container } = render(React.createElement(App, { host, runCheck: () => hostileReport(), today: '2024-06-01', lang: 'zh' }));
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByTestId('error')).toHaveTextContent(`读取失败 ${IMG}`);
    expectNoInjectedMarkup(container);
  });
});

/** Source files under the given folders, with comments removed (a comment may name what the code must not do). */
function sources(dirs: string[], ext = /\.(ts|tsx)$/): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (ext.test(e.name)) {
        const code = fs
          .readFileSync(p, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
        out.push({ file: path.relative(ROOT, p), code });
      }
    }
  };
  for (const d of dirs) walk(path.join(ROOT, d));
  return out;
}

describe('the sources', () => {
  test('no HTML sink or code evaluation anywhere in src (innerHTML, dangerouslySetInnerHTML, eval, new Function …)', () => {
    const SINKS = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|\bnew\s+Function\s*\(|\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]|srcdoc/;
    const all = sources(['src'], /\.(ts|tsx|js|html)$/);
    expect(all.length).toBeGreaterThan(50);
    const hits = all.flatMap(({ file, code }) => code.split('\n').flatMap((line, i) => (SINKS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(hits).toEqual([]);
  });

  test('no console output from the engine, the adapter or the pane (workbook content must not reach logs)', () => {
    const CONSOLE = /\bconsole\s*\.\s*(log|info|warn|error|debug|trace|dir|table|group)\b/;
    const all = sources(['src/engine', 'src/excel', 'src/taskpane'], /\.(ts|tsx|js)$/)
      // A developer's build script run by hand (writes the icon PNGs, prints their file names); never loaded in Excel.
      .filter(({ file }) => file !== path.join('src', 'excel', 'icons', 'make-icons.js'));
    expect(all.length).toBeGreaterThan(30);
    const hits = all.flatMap(({ file, code }) => code.split('\n').flatMap((line, i) => (CONSOLE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(hits).toEqual([]);
  });
});

describe('the production bundle', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-bundle-'));
  let html = '';
  let bundle = '';
  let commands = '';
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  beforeAll(() => {
    // webpack runs in a child node (not under jsdom), with the repository's config in production mode, into a temp dir.
    const script = `
      const webpack = require('webpack');
      require(${JSON.stringify(path.join(ROOT, 'webpack.config.js'))})({}, { mode: 'production' }).then((cfg) => {
        cfg.output.path = ${JSON.stringify(out)};
        webpack(cfg, (err, stats) => {
          if (err || stats.hasErrors()) { process.stderr.write(String(err || stats.toString('errors-only'))); process.exit(1); }
          process.exit(0);
        });
      });`;
    // No time limit that a busy machine could reach: only a hung build is cut off (like tests/manifest/webpack.test.ts).
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 1_100_000 });
    if (r.status !== 0) throw new Error(`webpack failed: ${r.stderr || r.error}`);
    html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const src = /<script[^>]+src="?(taskpane\.[^"\s>]+\.js)/.exec(html)![1]!;
    bundle = fs.readFileSync(path.join(out, src), 'utf8');
    const cmd = /<script[^>]+src="?(commands\.[^"\s>]+\.js)/.exec(fs.readFileSync(path.join(out, 'commands.html'), 'utf8'));
    commands = cmd ? fs.readFileSync(path.join(out, cmd[1]!), 'utf8') : '';
  }, 1_200_000);

  test('the task pane and command bundles have no network API (office.js is loaded from the CDN, not bundled)', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    const NETWORK = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection|serviceWorker)\b/g;
    expect(bundle.match(NETWORK) ?? []).toEqual([]);
    expect(commands.match(NETWORK) ?? []).toEqual([]);
    // Nor does office.js sneak in: it is referenced by URL only.
    expect(bundle).not.toMatch(/appsforoffice\.microsoft\.com/);
    expect(bundle).not.toMatch(/\bexceljs\b/i);
  });

  test('no URL in the bundle but XML/SVG namespaces and React’s error-decoder link (never fetched)', () => {
    const urls = new Set(bundle.match(/https?:\/\/[^\s"'`)<>\\]+/g) ?? []);
    const allowed = /^http:\/\/www\.w3\.org\/|^https:\/\/reactjs\.org\/docs\/error-decoder\.html|^https:\/\/react\.dev\/errors\//;
    expect([...urls].filter((u) => !allowed.test(u))).toEqual([]);
  });

  test('the page’s CSP allows connections only to its own origin and scripts only from itself and Office’s CDN', () => {
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    const policy = new Map(
      meta![1]!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)] as const),
    );
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    const scripts = policy.get('script-src')!;
    expect(scripts).toContain("'self'");
    for (const s of scripts) expect(["'self'", 'https://appsforoffice.microsoft.com', 'https://ajax.aspnetcdn.com']).toContain(s);
    // The policy must come before the first script, or it does not govern it.
    expect(html.search(/Content-Security-Policy/i)).toBeLessThan(html.search(/<script/i));
    // Every script the page loads is the bundle or office.js from Microsoft's CDN.
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!);
    for (const s of srcs) expect(s).toMatch(/^(taskpane\.[0-9a-f]+\.js|https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js)$/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]/);
  });
});
