// The per-file pipeline tells the reviewer when an annotated copy cannot carry parts of the original.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { droppedInCopy, runJob } from '../../src/cli/process';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-process-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbookWithParts(name: string, extra: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('费用明细');
  ws.addRow(['武隆区某项目费用明细']);
  ws.addRow(['序号', '费用名称', '金额（万元）', '说明']);
  ws.addRow([1, '视频监控摄像机', 20, '']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const p of extra) zip.file(p, '<x/>');
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

test.each<[string[], string[]]>([
  [['xl/worksheets/sheet1.xml', 'xl/styles.xml'], []],
  [['xl/charts/chart1.xml'], ['图表']],
  [['xl/chartsheets/sheet1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin'], ['图表', '数据透视表', '宏（VBA）']],
  [['xl/externalLinks/externalLink1.xml', 'xl/slicers/slicer1.xml'], ['外部链接', '切片器']],
])('parts %j → the copy lacks %j', (parts, lost) => {
  expect(droppedInCopy(parts, 'zh')).toEqual(lost);
});

test('with --out, a workbook holding a chart and macros gets one info notice naming them; without --out none', async () => {
  const file = await workbookWithParts('chart.xlsx', ['xl/charts/chart1.xml', 'xl/vbaProject.bin']);
  const options = { asOf: '2026-05-20', profile: 'auto' as const, lang: 'zh' as const };
  const withOut = await runJob({ index: 0, path: file, outPath: path.join(dir, 'out', 'chart.xlsx'), options });
  const notices = withOut.report!.notices.filter((n) => n.id === 'cli/copy-drops-parts');
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ severity: 'info' });
  expect(notices[0].message).toContain('图表、宏（VBA）');
  expect(fs.existsSync(path.join(dir, 'out', 'chart.xlsx'))).toBe(true);

  const plain = await runJob({ index: 0, path: file, options });
  expect(plain.report!.notices.some((n) => n.id === 'cli/copy-drops-parts')).toBe(false);
});
