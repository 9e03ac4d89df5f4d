// An honest verdict: sheets holding data the checker could not read get a warning that says so, with the reason.
import { check, uncheckedSheets, dataBlockStart, SHEET_UNCHECKED } from '../../../src/engine';
import type { CellValue, CheckOptions, WorkbookSnapshot } from '../../../src/engine/types';
import { DECLARATION_HEADERS, declarationRow, investmentRow, of, declaration } from './harness';

const AS_OF = '2026-05-20';

function wb(...sheets: [string, CellValue[][]][]): WorkbookSnapshot {
  return { name: 'test.xlsx', sheets: sheets.map(([name, rows]) => ({ name, rows, merges: [] })) };
}

function checked(snapshot: WorkbookSnapshot, options: Partial<CheckOptions> = {}) {
  return check(snapshot, { asOf: AS_OF, profile: 'yeji', ...options });
}

// A table of another system's export: no 项目名称/项目投资 columns, so no template matches.
const FOREIGN_TABLE: CellValue[][] = [
  ['资产台账'],
  ['资产编号', '资产名称', '购置日期', '原值'],
  ['ZC-001', '服务器', 45292, 12.5],
  ['ZC-002', '交换机', 45300, 3.2],
];

const INSTRUCTIONS: CellValue[][] = [
  ['填表说明'],
  ['1．', '本表由项目建设单位填写，主管部门盖章，金额单位为万元。'],
  [2, '每个项目的简要说明字数控制在200字以内，写明建设依据。'],
  ['3、“建设年度”填写“XX年XX月至XX年XX月”。'],
  ['注：', '请于每年10月份前报送区数据资源管理局。'],
];

describe('a sheet with data that was not recognised', () => {
  test('is a warning on the first cell of its data, naming the sheet and the reason, citing the templates', () => {
    const r = checked(wb(['资产', FOREIGN_TABLE]));
    const f = of(r, SHEET_UNCHECKED);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ sheet: '资产', severity: 'warning', category: 'completeness', cell: 'A2', row: 2, column: 'A' });
    expect(f[0].message).toMatch(/^未识别工作表“资产”（.+），表中数据未检查$/);
    expect(f[0].message).toContain(r.sheets[0].reason.replace(/，未识别，不作检查$/, ''));
    expect(f[0].citation).toMatchObject({ kind: 'template', profile: 'yeji' });
    expect(f[0].citation!.article).toContain('附件1《六安市叶集区政务信息化项目申报表》');
    expect(f[0].citation!.article).toContain('附件2《六安市叶集区政务信息化项目进度情况表》');
    expect(uncheckedSheets(r)).toEqual(['资产']);
    // The workbook-level notice is still there: nothing at all was checked.
    expect(r.notices.map((n) => n.id)).toContain('sheets/none-recognised');
  });

  test('in English, with the English reason', () => {
    const r = checked(wb(['资产', FOREIGN_TABLE]), { lang: 'en' });
    const f = of(r, SHEET_UNCHECKED);
    expect(f[0].message).toMatch(/^Sheet "资产" was not recognised \(.+\); its data was not checked$/);
    expect(f[0].message).not.toMatch(/[，。（）：]/);
  });

  test('beside a recognised sheet: only the unrecognised one is flagged, under every profile', () => {
    for (const profile of ['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'] as const) {
      const r = checked(wb(['申报表', [DECLARATION_HEADERS, declarationRow()]], ['资产', FOREIGN_TABLE]), { profile });
      expect(uncheckedSheets(r)).toEqual(['资产']);
    }
  });

  test('a title and a few lines of 填表说明 are not data', () => {
    expect(dataBlockStart({ name: 's', rows: INSTRUCTIONS, merges: [] })).toBeNull();
    const r = checked(wb(['说明', INSTRUCTIONS], ['空表', []], ['标题', [['六安市叶集区政务信息化项目申报表'], [], ['填报单位：', '叶集区数据资源管理局']]]));
    expect(of(r, SHEET_UNCHECKED)).toEqual([]);
    expect(uncheckedSheets(r)).toEqual([]);
  });

  test('a bare two-row header of text is not data; three rows of names are', () => {
    expect(dataBlockStart({ name: 's', rows: [['甲', '乙'], ['丙', '丁']], merges: [] })).toBeNull();
    expect(dataBlockStart({ name: 's', rows: [[], ['姓名', '单位'], ['张伟', '数据局'], ['李娜', '财政局']], merges: [] })).toEqual({ row: 1, col: 0 });
    expect(dataBlockStart({ name: 's', rows: [[null, null, '编号', '金额'], [null, null, 'A', 5]], merges: [] })).toEqual({ row: 0, col: 2 });
  });

  test('a sheet the user set to “not recognised” is left alone: the user chose not to check it', () => {
    const r = checked(wb(['资产', FOREIGN_TABLE]), { overrides: { 资产: { kind: 'unknown' } } });
    expect(of(r, SHEET_UNCHECKED)).toEqual([]);
  });

  test('a sheet set to a kind whose header cannot be found is "could not be read", not checked', () => {
    const r = checked(wb(['资产', FOREIGN_TABLE]), { overrides: { 资产: { kind: 'declaration' } } });
    const f = of(r, SHEET_UNCHECKED);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/^未能读取工作表“资产”的各列（.+），表中数据未检查$/);
    expect(f[0].citation).toMatchObject({ kind: 'template' });
  });

  test('a recognised sheet is never flagged, whatever it holds', () => {
    const r = declaration([investmentRow(100), investmentRow(1_500_000, {}, 2)], 'yeji', { asOf: AS_OF });
    expect(of(r, SHEET_UNCHECKED)).toEqual([]);
  });
});

describe('a sheet-wide warning is said once per sheet', () => {
  test('申报截止已过 on three late projects: one finding on the first, counting all three', () => {
    const late = { 建设年度: '2026年01月至2026年12月' };
    const r = declaration([investmentRow(100, late, 1), investmentRow(50, late, 2), investmentRow(80, late, 3)], 'yeji', { asOf: '2025-11-01' });
    const f = of(r, 'deadline/declaration-late');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'E3', citation: expect.objectContaining({ article: '第六条、第八条' }) });
    expect(f[0].message).toBe('本表3个项目已过申报截止（2026年度项目的申报截止为2025年9月30日，基准日期2025年11月1日已过）：须按程序报批后增列入年度计划');
  });
});
