// Opening .xlsx bytes for the preview: values, dates, formats, merges, fills and notes reach the fake workbook data.
import ExcelJS from 'exceljs';
import { fakeDataFromSnapshot, openXlsx } from '../../src/preview/xlsx';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe('openXlsx', () => {
  test('reads values, dates as serials with their format, merges, solid fills and notes', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('申报表');
      ws.getCell('A1').value = '项目申报表';
      ws.mergeCells('A1:C1');
      ws.getRow(2).values = ['序号', '项目名称', '开工日期'];
      ws.getCell('A3').value = 1;
      ws.getCell('B3').value = '智慧城管';
      ws.getCell('C3').value = new Date(Date.UTC(2024, 2, 5));
      ws.getCell('C3').numFmt = 'yyyy-mm-dd';
      ws.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      ws.getCell('B3').note = '请核对';
      ws.getCell('A4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      wb.addWorksheet('说明').getCell('A1').value = '填表说明';
    });
    const data = await openXlsx(bytes, 'x.xlsx');
    expect(data.name).toBe('x.xlsx');
    expect(data.sheets.map((s) => s.name)).toEqual(['申报表', '说明']);
    const s = data.sheets[0];
    expect(s.values?.[0]?.[0]).toBe('项目申报表');
    expect(s.values?.[1]).toEqual(['序号', '项目名称', '开工日期']);
    expect(s.values?.[2]?.slice(0, 2)).toEqual([1, '智慧城管']);
    expect(s.values?.[2]?.[2]).toBe(45356); // 2024-03-05
    expect(s.formats?.[2]?.[2]).toBe('yyyy-mm-dd');
    expect(s.values?.[3]?.[0]).toBe('#DIV/0!');
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.fills).toEqual({ B3: '#FFC7CE' });
    expect(s.notes).toEqual({ B3: '请核对' });
    expect(data.sheets[1].values).toEqual([['填表说明']]);
  });

  test('non-solid or missing fills are not taken for marks', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'x';
      ws.getCell('A1').fill = { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FF000000' } };
      ws.getCell('B1').value = 'y';
    });
    expect((await openXlsx(bytes, 's.xlsx')).sheets[0].fills).toEqual({});
  });

  test('garbage is refused with an error', async () => {
    const junk = new TextEncoder().encode('not a zip at all').buffer as ArrayBuffer;
    await expect(openXlsx(junk, 'bad.xlsx')).rejects.toThrow();
  });

  test('fakeDataFromSnapshot without a workbook keeps values and merges', () => {
    const d = fakeDataFromSnapshot({
      name: 'n',
      sheets: [{ name: 'S', rows: [[null, 'a', { error: '#REF!' }]], merges: [{ top: 0, left: 0, bottom: 1, right: 1 }] }],
    });
    expect(d.sheets[0].values).toEqual([[null, 'a', '#REF!']]);
    expect(d.sheets[0].merges).toEqual(['A1:B2']);
  });
});
