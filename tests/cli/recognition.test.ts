// Through the CLI, as a unit's workbook arrives: real header wordings are read, and what is not read is said.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers';

jest.setTimeout(120_000);

const TODAY = '2026-05-20';
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-recognition-'));
  const wb = new ExcelJS.Workbook();
  // 附件1 as one unit retyped it: none of these headers is the template's own wording
  const decl = wb.addWorksheet('申报');
  decl.addRow(['叶集区2026年政务信息化项目申报表']);
  decl.addRow(['1.序号', '填报单位', '工程名称', '实施期限', '申报金额（万元）', '其中：财政资金', '自筹资金', '分管领导', '经办人', '座机', '电子信箱', '合同金额（万元）']);
  decl.addRow([1, '叶集区数据资源局', '叶集区政务云平台扩容', '2026年1月至2026年12月', 300, 200, 50, '张三', '李四', '12', 'lisi@example', 280]);
  // a sheet the reader cannot place, holding data
  const other = wb.addWorksheet('资产');
  other.addRow(['资产编号', '存放地点', '原值']);
  other.addRow(['A-001', '三楼机房', 12000]);
  other.addRow(['A-002', '三楼机房', 8000]);
  await wb.xlsx.writeFile(path.join(dir, '叶集申报.xlsx'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a declaration in a clerk’s own words is recognised and checked; the unread sheet and column are said', async () => {
  const { code, out } = await runCli([path.join(dir, '叶集申报.xlsx'), '--format', 'json', '--as-of', TODAY], dir, TODAY);
  const wb = JSON.parse(out).workbooks[0];
  const decl = wb.sheets.find((s: { name: string }) => s.name === '申报');
  expect(decl.kind).toBe('declaration');
  expect(decl.columns).toMatchObject({ unit: 'B', projectName: 'C', period: 'D', investment: 'E', fundFiscal: 'F', fundSelf: 'G', owner: 'H', contact: 'I', phone: 'J', email: 'K' });
  // the contract's amount is not the project's: listed as unused, never read as the amount
  expect(decl.unmappedColumns).toEqual([{ column: 'L', header: '合同金额（万元）' }]);
  const rules = wb.findings.map((f: { sheet: string; cell: string; ruleId: string }) => `${f.sheet}!${f.cell} ${f.ruleId}`);
  expect(rules).toEqual(expect.arrayContaining(['申报!E3 consistency/funding-sum', '申报!J3 format/phone', '申报!K3 format/email']));
  // the sheet nobody could read is a warning, and the verdict is not "no problems"
  expect(rules.some((r: string) => r.startsWith('资产!') && r.endsWith('completeness/sheet-unchecked'))).toBe(true);
  expect(code).toBe(1);
});

test('the text report names the unused column and does not call the workbook clean', async () => {
  const { out } = await runCli([path.join(dir, '叶集申报.xlsx'), '--as-of', TODAY], dir, TODAY);
  expect(out).toContain('未用到的列：L“合同金额（万元）”');
  expect(out).toMatch(/未识别工作表“资产”/);
  expect(out).not.toContain('未发现问题');
});
