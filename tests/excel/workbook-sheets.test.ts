// The 检查结果 export and the very hidden waiver sheet, written through the adapter into the strict fake Excel.
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import { check, findingsTable, FINDINGS_SHEET, WAIVER_HEADER, WAIVER_SHEET } from '../../src/engine';
import type { WaiverEntry } from '../../src/engine';

jest.setTimeout(120_000);

const FIVE_MB = 5 * 1024 * 1024;

function book() {
  return createFakeExcel({ name: '申报.xlsx', sheets: [{ name: '申报表', values: [['项目名称'], ['政务云']] }] });
}

describe('writeTableSheet', () => {
  const table = {
    header: ['工作表', '单元格', '问题'],
    rows: [['申报表', 'M6', '=1+1 不是公式'], ['申报表', 'B7', '0012345']],
    widths: [10, 8, 60],
  };

  it('adds the sheet with the header bold, every cell wrapping and text kept as text, widths set, and shows it', async () => {
    const fake = book();
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect(await host.sheetExists!(FINDINGS_SHEET)).toBe(false);
    fake.resetStats();
    const res = await host.writeTableSheet!(FINDINGS_SHEET, table);
    expect(res).toEqual({ replaced: false, rows: 2 });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    const saved = fake.save().sheets.find((s) => s.name === FINDINGS_SHEET)!;
    expect(saved.values).toEqual([table.header, ...table.rows]);
    expect(saved.bold).toEqual(['A1', 'B1', 'C1']);
    expect(saved.wrap).toHaveLength(9);
    expect(saved.columnWidths).toEqual({ A: 60, B: 48, C: 360 });
    expect(fake.cell(FINDINGS_SHEET, 'C2').format).toBe('@');
    expect(fake.cell(FINDINGS_SHEET, 'C3').value).toBe('0012345');
    expect(fake.selection().sheet).toBe(FINDINGS_SHEET);
    expect(await host.sheetExists!(FINDINGS_SHEET)).toBe(true);
  });

  it('replaces an earlier one of that name (nothing of it is left) and says so', async () => {
    const fake = book();
    const host = createOfficeHost(fake.Excel, fake.Office);
    await host.writeTableSheet!(FINDINGS_SHEET, { header: ['a', 'b', 'c', 'd'], rows: [['1', '2', '3', '4'], ['5', '6', '7', '8'], ['9', '10', '11', '12']] });
    const res = await host.writeTableSheet!(FINDINGS_SHEET, table);
    expect(res.replaced).toBe(true);
    const names = fake.save().sheets.map((s) => s.name);
    expect(names).toEqual(['申报表', FINDINGS_SHEET]);
    expect(fake.save().sheets[1].values).toEqual([table.header, ...table.rows]);
  });

  it('writes 20,000 long rows in requests under 5 MB, a few syncs rather than one per row', async () => {
    const fake = book();
    const host = createOfficeHost(fake.Excel, fake.Office);
    const rows = Array.from({ length: 20_000 }, (_, i) => ['申报表', `M${i + 2}`, '联系电话格式不正确，应为区号-号码或11位手机号'.repeat(3)]);
    fake.resetStats();
    await host.writeTableSheet!(FINDINGS_SHEET, { header: table.header, rows });
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.stats.syncs).toBeLessThan(20);
    expect(fake.cell(FINDINGS_SHEET, 'B20001').value).toBe('M20001');
  });
});

describe('waivers in the workbook', () => {
  const entry: WaiverEntry = { sheet: '申报表', cell: 'B2', rule: 'format/x', value: '政务云', status: 'verified', reason: '已电话核实', by: '李娜', date: '2026-05-21' };

  it('creates the very hidden sheet with its header, replaces a waiver of the same finding, removes it', async () => {
    const fake = book();
    const host = createOfficeHost(fake.Excel, fake.Office);
    await host.saveWaiver!(entry);
    let ws = fake.save().sheets.find((s) => s.name === WAIVER_SHEET)!;
    expect(ws.visibility).toBe('VeryHidden');
    expect(ws.values).toEqual([[...WAIVER_HEADER], ['申报表', 'B2', 'format/x', '政务云', '已核实', '已电话核实', '李娜', '2026-05-21']]);
    // the user's sheet stays the one shown
    expect(fake.selection().sheet).toBe('申报表');

    await host.saveWaiver!({ ...entry, cell: 'B3', reason: '另一条' });
    await host.saveWaiver!({ ...entry, status: 'approved', reason: '经专家评估' });
    ws = fake.save().sheets.find((s) => s.name === WAIVER_SHEET)!;
    expect(ws.values!.slice(1).map((r) => [r[1], r[4], r[5]])).toEqual([['B3', '已核实', '另一条'], ['B2', '经评估同意', '经专家评估']]);

    await host.removeWaiver!({ sheet: '申报表', cell: 'B3', rule: 'format/x' });
    ws = fake.save().sheets.find((s) => s.name === WAIVER_SHEET)!;
    expect(ws.values).toEqual([[...WAIVER_HEADER], ['申报表', 'B2', 'format/x', '政务云', '经评估同意', '经专家评估', '李娜', '2026-05-21']]);
  });

  it('a waiver written by the adapter is read back by the next check, and the sheets stay out of the check', async () => {
    const UPPER = ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设\n年度', '项目\n投资\n（万元）', '资金筹措', '', '', '', '负责人', '联系人', '联系\n电话', '电子\n邮箱', '备注'];
    const LOWER = ['', '', '', '', '', '', '财政\n资金\n（万元）', '银行\n货款\n（万元）', '自筹\n（万元）', '其他\n（万元）', '', '', '', '', ''];
    const row = (n: number, name: string, phone: string) => [n, '叶集区数据资源管理局', name, '依托区政务云建设。', '2026年01月至2026年12月', 100, 100, 0, 0, 0, '王强', '陈静', phone, 'a@yeji.gov.cn', ''];
    const fake = createFakeExcel({ name: '叶集申报.xlsx', sheets: [{ name: '申报表', values: [['六安市叶集区政务信息化项目申报表'], ['填报单位：叶集区数据资源管理局'], UPPER, LOWER, row(1, '政务云', '0564-6012345'), row(2, '电子证照', '6012345')] }] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const first = check(await host.readSnapshot(), { asOf: '2026-05-20', profile: 'yeji' });
    const phone = first.findings.find((f) => f.ruleId === 'format/phone')!;
    expect(phone.cell).toBe('M6');
    await host.saveWaiver!({ sheet: phone.sheet, cell: phone.cell, rule: phone.ruleId, value: '6012345', status: 'approved', reason: '分机号', by: '张伟', date: '2026-05-21' });
    await host.writeTableSheet!(FINDINGS_SHEET, findingsTable(first, 'zh'));
    const again = check(await host.readSnapshot(), { asOf: '2026-05-20', profile: 'yeji' });
    expect(again.sheets.map((s) => s.name)).toEqual(['申报表']);
    expect(again.findings.find((f) => f.ruleId === 'format/phone')!.waiver).toEqual({ status: 'approved', reason: '分机号', by: '张伟', date: '2026-05-21', stale: false });
    expect(again.findings.length).toBe(first.findings.length);
    fake.userEdit('申报表', 'M6', '6012399');
    const changed = check(await host.readSnapshot(), { asOf: '2026-05-20', profile: 'yeji' });
    expect(changed.findings.find((f) => f.ruleId === 'format/phone')!.waiver?.stale).toBe(true);
  });
});

describe('separate, reversible actions', () => {
  function declaration() {
    return createFakeExcel({
      name: '叶集区政务信息化项目申报表.xlsx',
      sheets: [
        {
          name: '申报表',
          values: [
            ['六安市叶集区政务信息化项目申报表'],
            ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）', '银行贷款（万元）', '自筹（万元）', '其他（万元）', '负责人', '联系人', '联系电话', '电子邮箱', '备注'],
            [1, '叶集区数据资源管理局', '叶集区政务云平台扩容', '扩容计算存储资源', '2025年3月至2025年12月', 120, 100, 0, 10, 0, '张三', '李四', '0564-1234567', 'lisi@example.cn', ''],
            [2, '叶集区教育局', '智慧校园平台', '建设智慧校园', '2025年1月至2025年10月', 80, 80, 0, 0, 0, '王五', '赵六', '12', 'zhaoliu@example.cn', ''],
          ],
        },
      ],
      customXmlParts: [],
    });
  }

  it('marksSummary counts what the last fill wrote; removeComputed gives back the computed cells and keeps the marks; undoLastFill gives back the rest', async () => {
    const fake = declaration();
    fake.userFill('申报表', 'M4', '#00B050'); // the user's own fill under a mark
    const host = createOfficeHost(fake.Excel, fake.Office);
    const report = check(await host.readSnapshot(), { asOf: '2025-01-10', profile: 'yeji' });
    const before = fake.save().sheets[0];
    const res = await host.applyReport(report, { lang: 'zh', fillComputed: true });
    expect(res.computed).toBeGreaterThan(0);
    const sum = await host.marksSummary!();
    expect(sum.markedCells).toBe(res.marked);
    expect(sum.computedColumns).toBeGreaterThan(0);
    expect(sum.computedCells).toBeGreaterThan(res.computed); // headers too
    const fills = fake.fills('申报表');
    const notes = fake.notes('申报表');

    fake.resetStats();
    const removed = await host.removeComputed!();
    expect(removed.restored).toBe(sum.computedCells);
    expect(fake.stats.largestRequestBytes).toBeLessThan(FIVE_MB);
    const after = fake.save().sheets[0];
    expect(after.values).toEqual(before.values);
    expect(fake.fills('申报表')).toEqual(fills);
    expect(fake.notes('申报表')).toEqual(notes);
    expect(await host.marksSummary!()).toEqual({ markedCells: sum.markedCells, computedCells: 0, computedColumns: 0 });

    const undone = await host.undoLastFill!();
    expect(undone.restored).toBe(sum.markedCells);
    expect(fake.fills('申报表')).toEqual({ M4: '#00B050' });
    expect(fake.notes('申报表')).toEqual({});
    expect(await host.marksSummary!()).toEqual({ markedCells: 0, computedCells: 0, computedColumns: 0 });
  });

  it('undoLastFill right after a fill restores values, fills and notes to what they were', async () => {
    const fake = declaration();
    const host = createOfficeHost(fake.Excel, fake.Office);
    const before = fake.save();
    await host.applyReport(check(await host.readSnapshot(), { asOf: '2025-01-10', profile: 'yeji' }), { lang: 'zh', fillComputed: true });
    expect(fake.save()).not.toEqual(before);
    await host.undoLastFill!();
    expect(fake.save()).toEqual(before);
  });
});
