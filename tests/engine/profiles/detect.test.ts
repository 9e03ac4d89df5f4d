// Profile detection from the workbook's own words: file name, sheet names, titles, unit names.
import { detectProfile } from '../../../src/engine/profiles';
import type { CellValue, WorkbookSnapshot } from '../../../src/engine/types';

function wb(name: string, sheets: [string, CellValue[][]][]): WorkbookSnapshot {
  return { name, sheets: sheets.map(([n, rows]) => ({ name: n, rows, merges: [] })) };
}

describe('detectProfile', () => {
  test.each<[string, WorkbookSnapshot, string, string]>([
    ['file name', wb('武汉市2025年项目申报.xlsx', [['Sheet1', [['x']]]]), 'wuhan', '文件名'],
    ['sheet name', wb('a.xlsx', [['武隆区项目清单', [['x']]]]), 'wulong', '工作表名'],
    ['title cell', wb('a.xlsx', [['Sheet1', [['莱州市政务信息化项目进度台账']]]]), 'laizhou', 'A1'],
    ['六安 means yeji', wb('a.xlsx', [['Sheet1', [[null, '六安市某局']]]]), 'yeji', 'B1'],
    ['unit names in data rows', wb('a.xlsx', [['S', [['序号', '建设单位'], [1, '叶集区民政局'], [2, '叶集区财政局']]]]), 'yeji', 'B2'],
  ])('%s', (_n, snapshot, id, where) => {
    const d = detectProfile(snapshot);
    expect(d).toMatchObject({ id, detected: true, conflict: false });
    expect(d.reason).toContain(where);
    expect(d.reasonEn.length).toBeGreaterThan(0);
  });

  test('nothing mentioned → generic, saying why', () => {
    const d = detectProfile(wb('申报表.xlsx', [['Sheet1', [['项目名称'], ['政务云']]]]));
    expect(d).toMatchObject({ id: 'generic', detected: false, conflict: false });
    expect(d.reason).toContain('通用');
  });

  test('conflicting mentions → the most frequent, and it says so', () => {
    const d = detectProfile(wb('武汉.xlsx', [['S', [['建设单位'], ['武隆区甲局'], ['武隆区乙局'], ['武隆区丙局']]]]));
    expect(d.id).toBe('wulong');
    expect(d.conflict).toBe(true);
    expect(d.mentions).toMatchObject({ wulong: 3, wuhan: 1 });
    expect(d.reason).toContain('武汉1处');
    expect(d.reasonEn).toMatch(/most frequent/);
  });

  test('a tie goes to the earliest mention (file name first)', () => {
    const d = detectProfile(wb('莱州.xlsx', [['S', [['武汉']]]]));
    expect(d.id).toBe('laizhou');
  });
});
