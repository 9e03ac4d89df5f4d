// manifest.xml: valid against the Office add-in XSDs (offline, xmllint), complete resources and locales, icons real, and the ExcelApi minimum exactly what the adapter needs.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import type { Report } from '../../src/engine/types';
import { columnsOf } from '../support/report';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
// Microsoft's add-in manifest schemas, vendored (patched so libxml2 compiles them): see tests/manifest/schemas/README.md.
const XSD = path.join(__dirname, 'schemas/OfficeAppManifestV1_1.xsd');
const xml = fs.readFileSync(MANIFEST, 'utf8');

function xmllint(file: string) {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { encoding: 'utf8' });
}

describe('schema', () => {
  test('xmllint is installed (no silent skip) and the vendored schemas are present', () => {
    expect(() => execFileSync('xmllint', ['--version'], { stdio: 'pipe' })).not.toThrow();
    expect(fs.existsSync(XSD)).toBe(true);
  });

  test('manifest.xml validates against OfficeAppManifestV1_1.xsd', () => {
    const r = xmllint(MANIFEST);
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  test.each([
    ['an unknown permission', (s: string) => s.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')],
    ['elements out of order', (s: string) => s.replace(/(<Permissions>[^<]*<\/Permissions>)([\s\S]*?)(<\/OfficeApp>)/, '$2$1$3').replace('<Version>0.1.0.0</Version>', '')],
    ['a bad add-in id', (s: string) => s.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>')],
  ])('the check fails for %s', (_name, mutate) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, mutate(xml));
    const r = xmllint(file);
    expect(r.status).not.toBe(0);
  });
});

describe('content', () => {
  test('every resid is defined, and every string has an en-US override', () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(defined).toContain(id);
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(3);
    for (const s of strings) expect(s[2]).toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
  });

  test('the ribbon button is on the Home tab and shows the task pane at the same page as the default', () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toContain('<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).not.toContain('<AppDomains>');
  });

  test('every URL is on localhost:3000 and every icon is a real PNG of the size it claims', () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://localhost:3000/')).toBe(true);
    for (const m of xml.matchAll(/assets\/icon-(\d+)\.png/g)) {
      const buf = fs.readFileSync(path.join(ROOT, 'assets', `icon-${m[1]}.png`));
      expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([+m[1], +m[1]]);
    }
    for (const n of [16, 32, 64, 80]) expect(fs.existsSync(path.join(ROOT, 'assets', `icon-${n}.png`))).toBe(true);
  });

  test('the icons on disk are what the generator draws', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { png, SIZES } = require('../../src/excel/icons/make-icons.js');
    for (const n of SIZES) expect(fs.readFileSync(path.join(ROOT, 'assets', `icon-${n}.png`)).equals(png(n))).toBe(true);
  });
});

describe('ExcelApi minimum', () => {
  const minVersion = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(xml);

  /** Everything the pane does, on a host that supports exactly ExcelApi 1.minor. */
  async function everything(minor: number) {
    const fake = createFakeExcel(
      { sheets: [{ name: '表', values: [['项目名称', '金额'], ['甲', 1]], merges: ['A4:B4'] }] },
      { excelApiMinor: minor },
    );
    const host = createOfficeHost(fake.Excel, fake.Office);
    const rep: Report = {
      asOf: '2024-06-01', lang: 'zh', profile: { id: 'generic', regulation: '', detected: false, reason: '' }, notices: [],
      sheets: [{ name: '表', kind: 'expense', headerRow: 1, columns: {}, dataRows: [2], reason: '', unmappedColumns: [], computedColumns: columnsOf([{ key: 'expenseScope', header: '经费口径（自动）', column: 'C' }], [{ sheet: '表', row: 2, key: 'expenseScope', header: '经费口径（自动）', column: 'C', value: '建设费', type: 'text' }]) }],
      findings: [{ sheet: '表', row: 2, column: 'B', cell: 'B2', ruleId: 'r', category: 'format', severity: 'error', messageId: 'm', params: {}, message: '问题', citation: null }],
    };
    await host.readSnapshot();
    await host.applyReport(rep, { lang: 'zh', fillComputed: true });
    await host.clearMarks();
    await host.saveSettings({ profile: 'wulong' });
    await host.loadSettings();
    await host.selectCell('表', 'B2');
    const stop = await host.watchChanges(() => undefined);
    await stop();
  }

  test('the manifest names one ExcelApi minimum', () => {
    expect(minVersion).not.toBeNull();
  });

  test('every feature works on a host with exactly that set', async () => {
    await expect(everything(+minVersion![1])).resolves.toBeUndefined();
  });

  test('one set lower is not enough (so the minimum is not set higher than needed)', async () => {
    await expect(everything(+minVersion![1] - 1)).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
