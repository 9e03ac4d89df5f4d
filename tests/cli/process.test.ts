// The per-file pipeline: an annotated copy carries every part of the original, so it needs no notice about lost parts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runJob } from '../../src/cli/process';

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
  for (const p of extra) zip.file(p, `<x>${p}</x>`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

test('with --out, parts the checker does not read (a chart, macros) are in the copy as they were, and no notice says otherwise', async () => {
  const extra = ['xl/charts/chart1.xml', 'xl/vbaProject.bin'];
  const file = await workbookWithParts('chart.xlsx', extra);
  const options = { asOf: '2026-05-20', profile: 'auto' as const, lang: 'zh' as const };
  const out = path.join(dir, 'out', 'chart.xlsx');
  const withOut = await runJob({ index: 0, path: file, outPath: out, options });
  expect(withOut.error).toBeUndefined();
  expect(withOut.report!.notices.filter((n) => n.id.startsWith('cli/copy'))).toEqual([]);
  const copy = await JSZip.loadAsync(fs.readFileSync(out));
  for (const p of extra) expect(await copy.file(p)!.async('string')).toBe(`<x>${p}</x>`);
});
