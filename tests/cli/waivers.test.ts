// Waivers through the CLI on workbooks carrying the very hidden fundcheck_核实记录 sheet (tests/fixtures/waivers, written by openpyxl):
// shown in text, JSON and CSV, counted apart in the verdict, and an error waived (not stale) no longer makes exit code 1.
import * as path from 'node:path';
import { runCli } from './helpers';

jest.setTimeout(120_000);

const DIR = path.join(__dirname, '../fixtures/waivers');
const TODAY = '2026-05-20';

describe('fundcheck with waivers in the workbook', () => {
  it('text: each waived finding shows its assessment; the verdict counts them apart; exit 0 when the only error is waived', async () => {
    const { code, out } = await runCli(['waived.xlsx', '--profile', 'yeji', '--as-of', TODAY], DIR, TODAY);
    expect(out).toMatch(/F5 +错误 .*\n +↳ 经评估同意：其余 10 万元为上年结转，已附说明（张伟，2026-05-21）/);
    expect(out).toMatch(/M6 +警告 .*\n +↳ 已核实：分机号，已电话核实（李娜，2026-05-21）/);
    expect(out).toContain('工作表「申报表」：申报表，表头第 4 行 — 错误 0，警告 1，提示 1；另有 2 个问题已核实或经评估同意（不计入上述数目）');
    expect(out).toContain('结论：错误 0，警告 1，提示 1；另有 2 个问题已核实或经评估同意（不计入上述数目）');
    expect(out).not.toContain('fundcheck_核实记录');
    expect(code).toBe(0);
  });

  it('a stale waiver (the cell changed since) says so and the error counts again: exit 1', async () => {
    const { code, out } = await runCli(['waived-stale.xlsx', '--profile', 'yeji', '--as-of', TODAY], DIR, TODAY);
    expect(out).toMatch(/F5 +错误 .*\n +↳ 已过期（单元格已改动）：经评估同意：/);
    expect(out).toContain('结论：错误 1，警告 1，提示 1；另有 1 个问题已核实或经评估同意');
    expect(code).toBe(1);
  });

  it('JSON carries Finding.waiver and the project; the waiver sheet is no sheet of the report', async () => {
    const { out } = await runCli(['waived.xlsx', '--profile', 'yeji', '--as-of', TODAY, '--format', 'json'], DIR, TODAY);
    const doc = JSON.parse(out);
    const wb = doc.workbooks[0];
    expect(wb.sheets.map((s: { name: string }) => s.name)).toEqual(['申报表']);
    const f5 = wb.findings.find((f: { cell: string }) => f.cell === 'F5');
    expect(f5.waiver).toEqual({ status: 'approved', reason: '其余 10 万元为上年结转，已附说明', by: '张伟', date: '2026-05-21', stale: false });
    expect(f5.project).toBe('政务云平台扩容');
  });

  it('CSV has a waiver column, in English too', async () => {
    const zh = await runCli(['waived-stale.xlsx', '--profile', 'yeji', '--as-of', TODAY, '--format', 'csv'], DIR, TODAY);
    const lines = zh.out.split('\r\n');
    expect(lines[0]).toMatch(/,依据,核实情况$/);
    expect(lines.find((l) => l.includes(',F5,'))).toMatch(/,已过期（单元格已改动）：经评估同意：其余 10 万元为上年结转，已附说明（张伟，2026-05-21）$/);
    const en = await runCli(['waived.xlsx', '--profile', 'yeji', '--as-of', TODAY, '--format', 'csv', '--lang', 'en'], DIR, TODAY);
    expect(en.out.split('\r\n').find((l) => l.includes(',M6,'))).toMatch(/,"Verified: 分机号，已电话核实 \(李娜, 2026-05-21\)"$|,Verified: 分机号，已电话核实 \(李娜, 2026-05-21\)$/);
  });
});
