// Unusable files through the real command (spawned, with its worker pool): one line naming the file and the reason,
// exit 2, no stack trace; in a batch every other file is still checked and reported.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonDocument } from '../../src/cli/format';
import { DEFAULT_LIMITS, preflightXlsx } from '../../src/cli/preflight';
import { makeZip, xlsxLikeZip } from '../support/zip';
import { buildCli, goodWorkbook, malformedFiles, realWorkbookParts } from '../support/hostile';
import type { MalformedFile } from '../support/hostile';

const ROOT = path.join(__dirname, '../..');
const AS_OF = '2026-05-20';
// Generous on purpose: the hooks compile the CLI and spawn it dozens of times; under load on 2 cores that took ~2 minutes.
jest.setTimeout(300_000);

let bin: string;
let cleanupCli: () => void;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-malformed-'));
const bad = path.join(dir, 'bad');
const batch = path.join(dir, 'batch');
const files: MalformedFile[] = malformedFiles();

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function write(folder: string, f: MalformedFile): void {
  const p = path.join(folder, f.file);
  fs.writeFileSync(p, f.data);
  if (f.sparseSize) fs.truncateSync(p, f.sparseSize);
}

/** No stack frames, no exception class names, no source paths: only "fundcheck: <file>: <reason>". */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/\b(?:TypeError|RangeError|SyntaxError|ReferenceError)\b/);
  expect(stderr).not.toMatch(/node_modules|\.js:\d+/);
}

beforeAll(async () => {
  ({ bin, cleanup: cleanupCli } = buildCli(ROOT));
  fs.mkdirSync(bad);
  fs.mkdirSync(batch);
  for (const f of files) {
    write(bad, f);
    write(batch, f);
  }
  const good = await goodWorkbook();
  fs.writeFileSync(path.join(batch, '00-good.xlsx'), good);
  fs.writeFileSync(path.join(batch, 'zz-good.xlsx'), good);
});

afterAll(() => {
  cleanupCli?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('each unusable file alone', () => {
  // One process per case, three at a time (the machine has two cores), asserted one by one.
  const runs = new Map<string, Run>();
  const runOf = (f: MalformedFile) => runs.get(f.file)!;
  beforeAll(async () => {
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const f = files[next++]!;
        runs.set(f.file, await cli([`bad/${f.file}`, '--as-of', AS_OF]));
      }
    };
    await Promise.all([lane(), lane(), lane()]);
  });

  test.each(files.map((f) => [f.what, f] as const))('%s: exit 2 and one line "fundcheck: <file>: <reason>", no stack', async (_what, f) => {
    const r = runOf(f);
    expect({ what: f.what, code: r.code }).toEqual({ what: f.what, code: 2 });
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const prefix = `fundcheck: bad/${f.file}: `;
    expect(lines[0]!.startsWith(prefix)).toBe(true);
    expect(lines[0]!.slice(prefix.length)).toMatch(f.reason);
    expectNoStack(r.err);
    // Never the workbook's contents (the broken-part cases still hold readable strings).
    for (const text of ['智慧城管平台', '项目投资', '序号', 'lollol']) expect(r.err).not.toContain(text);
    // The text report on stdout says the same, under the file's name.
    expect(r.out).toContain(`== bad/${f.file} ==`);
    expect(r.out).toContain('无法检查');
  });

  test('nothing read from outside the workbook: the external entity’s target never appears', async () => {
    const r = runOf(files.find((f) => f.file === 'xxe.xlsx')!);
    expect(r.out + r.err).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
  });

  test('zip bombs and oversized files are refused before anything is inflated; the XML bomb is refused, not expanded', () => {
    // No wall-clock bound here (it would depend on how busy the machine is): the refusals are decided by the size
    // checks (tests/cli/preflight.test.ts), and a run that really expanded 4 GB or a billion entities would exhaust
    // the memory or the timeout instead of exiting 2 with one line.
    for (const name of ['bomb-declared.xlsx', 'bomb-real.xlsx', 'too-large.xlsx']) {
      const r = runOf(files.find((f) => f.file === name)!);
      expect([name, r.code, /拒绝展开|文件过大/.test(r.err)]).toEqual([name, 2, true]);
    }
    const xmlBomb = runOf(files.find((f) => f.file === 'xml-bomb.xlsx')!);
    expect(xmlBomb.code).toBe(2);
    expect(xmlBomb.err).not.toMatch(/heap|memory|allocation/i);
  });
});

describe('English reasons', () => {
  test.each([
    ['empty.xlsx', /the file is empty/],
    ['csv-renamed.xlsx', /text file \(such as CSV\)/],
    ['password.xlsx', /password-protected/],
    ['bomb-real.xlsx', /refused to expand/],
    ['sheet-garbage.xlsx', /cannot read the workbook \(.+\)$/m],
  ])('%s → %s', async (file, reason) => {
    const r = await cli([`bad/${file}`, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^fundcheck: bad/${file.replace('.', '\\.')}: `));
    expect(r.err).toMatch(reason);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('a batch mixing every unusable file with two good ones', () => {
  const expectBatch = (r: Run) => {
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as JsonDocument;
    expect(doc.workbooks.map((w) => w.file)).toEqual(['batch/00-good.xlsx', 'batch/zz-good.xlsx']);
    for (const w of doc.workbooks) expect(w.findings.some((f) => f.ruleId === 'format/negative-amount' && f.cell === 'F4')).toBe(true);
    expect(doc.errors!.map((e) => e.file).sort()).toEqual(files.map((f) => `batch/${f.file}`).sort());
    for (const f of files) {
      const e = doc.errors!.find((x) => x.file === `batch/${f.file}`)!;
      expect([f.file, f.reason.test(e.error)]).toEqual([f.file, true]);
    }
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines).toHaveLength(files.length);
    for (const l of lines) expect(l).toMatch(/^fundcheck: batch\/[^:]+\.xlsx: .+/);
    expectNoStack(r.err);
  };

  test('with the worker pool (more than 8 files): json has both good reports and every error', async () => {
    expectBatch(await cli(['batch', '--format', 'json', '--as-of', AS_OF]));
  });

  test('in one thread (FUNDCHECK_WORKERS=0): the same', async () => {
    expectBatch(await cli(['batch', '--format', 'json', '--as-of', AS_OF], { FUNDCHECK_WORKERS: '0' }));
  });

  test('csv: the good files’ findings are there; the unusable ones are on stderr', async () => {
    const r = await cli(['batch', '--format', 'csv', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.out.split('\r\n').filter((l) => l.startsWith('batch/00-good.xlsx,')).length).toBeGreaterThan(0);
    expect(r.out.split('\r\n').filter((l) => l.startsWith('batch/zz-good.xlsx,')).length).toBeGreaterThan(0);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(files.length);
  });

  test('--out: copies of the good files are written, none of the unusable ones, and no temp file is left', async () => {
    const out = path.join(dir, 'out');
    const r = await cli(['batch', '--out', 'out', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(out).sort()).toEqual(['00-good.xlsx', 'zz-good.xlsx']);
  });
});

describe('output that nobody reads any more', () => {
  test('a reader that stops early (`fundcheck … | head -1`): no crash, no stack, copies still written, exit status kept', async () => {
    const out = path.join(dir, 'out-piped');
    const r = await new Promise<{ code: number | null; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'batch', '--as-of', AS_OF, '--out', 'out-piped'], { cwd: dir, env: { ...process.env, FUNDCHECK_WORKERS: '0' } });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      // Like `head -1`: read the first chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, err }));
    });
    expect(r.code).toBe(2);
    expectNoStack(r.err);
    expect(r.err).not.toMatch(/EPIPE|Unhandled/);
    expect(fs.readdirSync(out).sort()).toEqual(['00-good.xlsx', 'zz-good.xlsx']);
  });
});

describe('preflight does not trust the sizes a zip declares', () => {
  const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 256 * 1024 };
  const sheet = Buffer.from(`<worksheet>${'<row><c><v>1</v></c></row>'.repeat(8000)}</worksheet>`);

  test('an honest entry is verified and passes when its worst case could exceed the limit', () => {
    const p = path.join(dir, 'honest.xlsx');
    fs.writeFileSync(p, xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet }]));
    expect(preflightXlsx(p, limits)).toMatchObject({ ok: true });
  });

  test('an entry holding more than it declares is refused without expanding it', () => {
    const p = path.join(dir, 'liar.xlsx');
    fs.writeFileSync(p, xlsxLikeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 1000 }]));
    expect(preflightXlsx(p, limits)).toMatchObject({ ok: false, code: 'zip-bomb' });
  });
});

describe('sheets the reader skips on purpose are not unreadable', () => {
  test('a workbook with a chart sheet besides its worksheet is checked as usual', async () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const parts = realWorkbookParts().map((p) => {
      const x = p.data.toString('utf8');
      if (p.name === 'xl/workbook.xml') return { name: p.name, data: Buffer.from(x.replace('</sheets>', '<sheet name="图表" sheetId="2" r:id="rId9"/></sheets>')) };
      if (p.name === 'xl/_rels/workbook.xml.rels') {
        return { name: p.name, data: Buffer.from(x.replace('</Relationships>', `<Relationship Id="rId9" Type="${rel}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`)) };
      }
      return p;
    });
    parts.push({ name: 'xl/chartsheets/sheet1.xml', data: Buffer.from('<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') });
    fs.writeFileSync(path.join(dir, 'chartsheet.xlsx'), makeZip(parts));
    const r = await cli(['chartsheet.xlsx', '--format', 'json', '--as-of', AS_OF]);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as JsonDocument).workbooks.map((w) => w.sheets.map((s) => s.name))).toEqual([['申报表']]);
  });
});
