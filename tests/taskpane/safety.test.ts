// Source guard for the pane and the preview: report and workbook text is never parsed as HTML, never logged.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(tsx?|html)$/.test(e.name) ? [p] : [];
  });
}

const SOURCES = [...files(path.join(ROOT, 'src/taskpane')), ...files(path.join(ROOT, 'src/preview'))];

test('there are sources to scan', () => expect(SOURCES.length).toBeGreaterThan(5));

test.each([
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML / insertAdjacentHTML', /\.(inner|outer)HTML\b|insertAdjacentHTML/],
  ['console output', /\bconsole\.(log|info|warn|error|debug|table|dir)\b/],
  ['eval', /\beval\(|new Function\(/],
])('no %s in src/taskpane or src/preview', (_, pattern) => {
  const hits = SOURCES.filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
  expect(hits).toEqual([]);
});
