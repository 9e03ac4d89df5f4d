// A sheet the copy cannot mark (namespace-prefixed XML) is said in the report, never left silently unmarked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readZip, makeZip } from '../support/zip';
import { runCli } from './helpers';

jest.setTimeout(120_000);

const AS_OF = '2026-05-20';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-unmarked-'));
  const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'samples', '01-yeji-declaration.xlsx'));
  // the same workbook with its sheet written as some tools do: every element carries the x: prefix
  const parts = readZip(sample).map(({ name, data }) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return { name, data };
    const xml = data
      .toString('utf8')
      .replace(/<(\/?)(?!\?|x:)([A-Za-z]+)\b/g, '<$1x:$2')
      .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
    return { name, data: Buffer.from(xml, 'utf8') };
  });
  fs.writeFileSync(path.join(dir, 'prefixed.xlsx'), makeZip(parts));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the problems are found, and the copy says which sheet it could not mark', async () => {
  const out = path.join(dir, 'out');
  const { out: json } = await runCli([path.join(dir, 'prefixed.xlsx'), '--format', 'json', '--as-of', AS_OF, '--out', out], dir, AS_OF);
  const wb = JSON.parse(json).workbooks[0];
  expect(wb.findings.length).toBeGreaterThan(0);
  const notice = wb.notices.find((n: { id: string }) => n.id === 'cli/copy-unmarked');
  expect(notice).toMatchObject({ severity: 'warning' });
  expect(notice.message).toContain('未能标注工作表“申报表”');
  expect(fs.existsSync(path.join(out, 'prefixed.xlsx'))).toBe(true);
});

test('an ordinary workbook gets no such notice', async () => {
  const out = path.join(dir, 'out2');
  const sample = path.join(__dirname, '..', '..', 'assets', 'samples', '01-yeji-declaration.xlsx');
  const { out: json } = await runCli([sample, '--format', 'json', '--as-of', AS_OF, '--out', out], dir, AS_OF);
  expect(JSON.parse(json).workbooks[0].notices.map((n: { id: string }) => n.id)).not.toContain('cli/copy-unmarked');
});
