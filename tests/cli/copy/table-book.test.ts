// The tables writer both ways (fflate for a browser, node's zlib for the CLI): the same sheets read back, dates as dates, text that looks like a formula kept as text.
import * as XLSX from '@e965/xlsx';
import { buildTableBook, tableBookParts } from '../../../src/cli/copy/table-book';
import { writeZip } from '../../../src/cli/copy/zip';
import type { TableSheet } from '../../../src/engine/summary';

const SHEETS: TableSheet[] = [
  {
    name: "项目汇总's",
    columns: [
      { header: '项目名称', width: 30, type: 'text' },
      { header: '金额', width: 12, type: 'amount' },
      { header: '下一期限', width: 12, type: 'date' },
      { header: '错误', width: 6, type: 'number' },
    ],
    rows: [
      ['=SUM(A1:A9)', 1234.5, '2026-04-30', 2],
      ['<甲&乙>', null, null, 0],
      ['期限不是日期', 3, '待定', 1],
    ],
  },
  { name: '空表', columns: [{ header: '文件', width: 40, type: 'text' }], rows: [] },
];

function read(bytes: Uint8Array): Record<string, unknown[][]> {
  const wb = XLSX.read(bytes, { cellDates: true, cellFormula: true });
  const out: Record<string, unknown[][]> = {};
  for (const n of wb.SheetNames) {
    const ws = wb.Sheets[n]!;
    // No cell of ours is a formula, whatever its text starts with.
    for (const k of Object.keys(ws)) if (!k.startsWith('!')) expect((ws[k] as XLSX.CellObject).f).toBeUndefined();
    out[n] = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null }).map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  }
  return out;
}

test('fflate and zlib packages hold the same sheets, values and types', () => {
  const viaFflate = read(buildTableBook(SHEETS));
  const viaZlib = read(writeZip(tableBookParts(SHEETS).map(([name, data]) => ({ name, data, level: 6 }))));
  expect(viaZlib).toEqual(viaFflate);
  expect(Object.keys(viaFflate)).toEqual(["项目汇总's", '空表']);
  const rows = viaFflate["项目汇总's"]!;
  expect(rows[0]).toEqual(['项目名称', '金额', '下一期限', '错误']);
  expect(rows[1]![0]).toBe('=SUM(A1:A9)');
  expect(rows[1]![1]).toBe(1234.5);
  // A real date cell: SheetJS gives a Date at local midnight of 2026-04-30 (UTC may show the day before east of UTC).
  expect(['2026-04-30', '2026-04-29']).toContain(rows[1]![2]);
  expect(rows[2]).toEqual(['<甲&乙>', null, null, 0]);
  // Text in a date column that is no date stays text.
  expect(rows[3]![2]).toBe('待定');
  expect(viaFflate['空表']).toEqual([['文件']]);
});
