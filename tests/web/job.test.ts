// The web page's job, run in node: a file it cannot use gets the CLI's sentence; the copy and the CSV are the CLI's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { check, parsePack } from '../../src/engine';
import { annotatedCopy } from '../../src/cli/annotate';
import { csvHeader, formatCsvRows } from '../../src/cli/format';
import { preflight } from '../../src/cli/preflight';
import { readSpreadsheet } from '../../src/cli/read';
import { checkWorkbookBytes, copyDownload, csvDownload } from '../../src/web/job';

const SAMPLE = path.resolve(__dirname, '../../assets/samples/01-yeji-declaration.xlsx');
const ODS = path.resolve(__dirname, '../fixtures/other-tools/lo-declaration.ods');
const OPTIONS = { asOf: '2026-05-20', profile: 'auto', lang: 'zh' } as const;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-webjob-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a file the preflight refuses: the CLI preflight sentence, zh and en', async () => {
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'name,amount\nx,1\n');
  const pre = preflight(bad, 'xlsx');
  if (pre.ok) throw new Error('the preflight took text for a workbook');
  const bytes = fs.readFileSync(bad);
  expect(await checkWorkbookBytes({ name: 'bad.xlsx', path: bad, bytes }, OPTIONS)).toEqual({ ok: false, error: pre.message });
  expect(await checkWorkbookBytes({ name: 'bad.xlsx', path: bad, bytes }, { ...OPTIONS, lang: 'en' })).toEqual({ ok: false, error: pre.messageEn });
  expect(await checkWorkbookBytes({ name: 'notes.txt', path: bad, bytes }, OPTIONS)).toEqual({ ok: false, error: expect.stringContaining('.xlsx .xlsm .xls .et .ods .csv') });
});

test('a workbook: the report check() gives, and downloads equal to the CLI copy and CSV', async () => {
  const bytes = fs.readFileSync(SAMPLE);
  const out = await checkWorkbookBytes({ name: '01-yeji-declaration.xlsx', path: SAMPLE, bytes }, OPTIONS);
  if (!out?.ok) throw new Error('not checked');
  const loaded = await readSpreadsheet(SAMPLE);
  const report = check(loaded.snapshot, OPTIONS);
  expect(out.file.report).toEqual(report);
  const copy = copyDownload(out.file, 'zh');
  expect(copy.name).toBe('01-yeji-declaration-已标注.xlsx');
  const expected = unzipSync(annotatedCopy({ input: bytes, format: 'xlsx', snapshot: loaded.snapshot, report, lang: 'zh' }).bytes);
  const got = unzipSync(copy.bytes);
  expect(Object.keys(got)).toEqual(Object.keys(expected));
  for (const k of Object.keys(expected)) expect([k, Buffer.from(got[k]!).equals(Buffer.from(expected[k]!))]).toEqual([k, true]);
  const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvDownload([{ file: '01-yeji-declaration.xlsx', report }], 'zh', 'x.csv').bytes);
  expect(csv).toBe(csvHeader('zh') + formatCsvRows({ file: '01-yeji-declaration.xlsx', report }, 'zh'));
});

test("an .ods is checked and its rebuilt copy's notice is in the report, as the CLI's --out adds it", async () => {
  const out = await checkWorkbookBytes({ name: 'lo-declaration.ods', path: ODS, bytes: fs.readFileSync(ODS) }, OPTIONS);
  if (!out?.ok) throw new Error('not checked');
  expect(out.file.report.notices.map((n) => n.id)).toContain('cli/copy-rebuilt');
  expect(copyDownload(out.file, 'en').name).toBe('lo-declaration-marked.xlsx');
});

test('a cancelled check gives null', async () => {
  const abort = new AbortController();
  abort.abort();
  expect(await checkWorkbookBytes({ name: 'a.xlsx', path: SAMPLE, bytes: fs.readFileSync(SAMPLE) }, OPTIONS, undefined, abort.signal)).toBeNull();
});

test('a regulation pack loaded in the page is detected and cited like a shipped one (丽水 example pack on its sample)', async () => {
  const packFile = path.resolve(__dirname, '../../assets/packs/lishui/lishui.json');
  const sample = path.resolve(__dirname, '../../assets/packs/lishui/sample.xlsx');
  const pack = parsePack(fs.readFileSync(packFile, 'utf8'), 'lishui.json');
  const bytes = fs.readFileSync(sample);
  const options = { asOf: '2026-06-30', profile: 'auto', lang: 'zh', regulations: [pack] } as const;
  const out = await checkWorkbookBytes({ name: 'sample.xlsx', path: sample, bytes }, { ...options, regulations: [pack] });
  if (!out?.ok) throw new Error('not checked');
  expect(out.file.report.profile).toMatchObject({ id: 'lishui', detected: true });
  const loaded = await readSpreadsheet(sample);
  expect(out.file.report).toEqual(check(loaded.snapshot, { ...options, regulations: [pack] }));
  // Without the pack, nothing is under 丽水's regulation.
  const without = await checkWorkbookBytes({ name: 'sample.xlsx', path: sample, bytes }, { asOf: '2026-06-30', profile: 'auto', lang: 'zh' });
  if (!without?.ok) throw new Error('not checked');
  expect(without.file.report.profile.id).not.toBe('lishui');
});
