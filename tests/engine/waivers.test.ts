// Waivers: read from the very hidden sheet, never checked as data, attached to the finding of the same sheet, cell and rule; stale when the cell changed.
import { check, WAIVER_HEADER, WAIVER_SHEET, readWaiverSheet, waiverRow, waiverValueText } from '../../src/engine';
import type { CellValue, Report, WorkbookSnapshot } from '../../src/engine';

const UPPER = ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设\n年度', '项目\n投资\n（万元）', '资金筹措', null, null, null, '负责人', '联系人', '联系\n电话', '电子\n邮箱', '备注'];
const LOWER = [null, null, null, null, null, null, '财政\n资金\n（万元）', '银行\n货款\n（万元）', '自筹\n（万元）', '其他\n（万元）', null, null, null, null, null];

function workbook(phone: CellValue, waiverRows: CellValue[][] | null): WorkbookSnapshot {
  const row = (seq: number, name: string, p: CellValue): CellValue[] => [
    seq, '叶集区数据资源管理局', name, '依托区政务云建设，实现部门间数据共享。', '2026年01月至2026年12月', 100, 100, 0, 0, 0,
    '王强', '陈静', p, 'chenjing@yeji.gov.cn', null,
  ];
  const sheets: WorkbookSnapshot['sheets'] = [
    { name: '申报表', rows: [['六安市叶集区政务信息化项目申报表'], ['填报单位：叶集区数据资源管理局'], UPPER, LOWER, row(1, '政务云平台', '0564-6012345'), row(2, '电子证照库', phone)], merges: [] },
  ];
  if (waiverRows) sheets.push({ name: WAIVER_SHEET, rows: [[...WAIVER_HEADER], ...waiverRows], merges: [] });
  return { name: '叶集区申报.xlsx', sheets };
}

const phoneOf = (r: Report) => r.findings.find((f) => f.ruleId === 'format/phone' && f.cell === 'M6');
const run = (w: WorkbookSnapshot) => check(w, { asOf: '2026-05-20', profile: 'yeji' });

describe('waivers', () => {
  const base = run(workbook('6012345', null));

  it('the base workbook has the phone finding on M6 and no waiver', () => {
    expect(phoneOf(base)).toBeDefined();
    expect(base.findings.some((f) => f.waiver)).toBe(false);
  });

  const cases: { name: string; phone: CellValue; rows: CellValue[][]; expect: object | undefined }[] = [
    { name: 'verified, cell unchanged', phone: '6012345', rows: [['申报表', 'M6', 'format/phone', '6012345', '已核实', '号码已电话核实', '李娜', '2026-05-21']], expect: { status: 'verified', reason: '号码已电话核实', by: '李娜', date: '2026-05-21', stale: false } },
    { name: 'approved after assessment', phone: '6012345', rows: [['申报表', 'M6', 'format/phone', '6012345', '经评估同意', '分机号', '张伟', '2026-05-22']], expect: { status: 'approved', reason: '分机号', by: '张伟', date: '2026-05-22', stale: false } },
    { name: 'stale: the cell changed since', phone: '6012346', rows: [['申报表', 'M6', 'format/phone', '6012345', '已核实', '已核', '李娜', '2026-05-21']], expect: { status: 'verified', reason: '已核', by: '李娜', date: '2026-05-21', stale: true } },
    { name: 'number recorded as a number matches a number cell', phone: 6012345, rows: [['申报表', 'M6', 'format/phone', 6012345, 'verified', 'ok', 'Li', '2026-05-21']], expect: { status: 'verified', reason: 'ok', by: 'Li', date: '2026-05-21', stale: false } },
    { name: 'a date written as a serial reads as YYYY-MM-DD', phone: '6012345', rows: [['申报表', 'M6', 'format/phone', '6012345', '已核实', 'ok', 'Li', 46163]], expect: { status: 'verified', reason: 'ok', by: 'Li', date: '2026-05-21', stale: false } },
    { name: 'another rule on the same cell does not match', phone: '6012345', rows: [['申报表', 'M6', 'format/email', '6012345', '已核实', 'x', 'Li', '2026-05-21']], expect: undefined },
    { name: 'another cell does not match', phone: '6012345', rows: [['申报表', 'M5', 'format/phone', '6012345', '已核实', 'x', 'Li', '2026-05-21']], expect: undefined },
    { name: 'an unknown status is no waiver', phone: '6012345', rows: [['申报表', 'M6', 'format/phone', '6012345', '同意吧', 'x', 'Li', '2026-05-21']], expect: undefined },
    { name: 'the last row for a finding wins', phone: '6012345', rows: [['申报表', 'M6', 'format/phone', '6012345', '已核实', 'first', 'Li', '2026-05-21'], ['申报表', 'M6', 'format/phone', '6012345', '经评估同意', 'second', 'Wang', '2026-05-23']], expect: { status: 'approved', reason: 'second', by: 'Wang', date: '2026-05-23', stale: false } },
  ];
  it.each(cases)('$name', ({ phone, rows, expect: want }) => {
    const r = run(workbook(phone, rows));
    expect(phoneOf(r)?.waiver).toEqual(want);
  });

  it('never checks the waiver sheet as data: same sheets and findings as without it', () => {
    const r = run(workbook('6012345', [['申报表', 'M6', 'format/phone', '6012345', '已核实', 'x', 'Li', '2026-05-21']]));
    expect(r.sheets.map((s) => s.name)).toEqual(base.sheets.map((s) => s.name));
    expect(r.findings.map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`)).toEqual(base.findings.map((f) => `${f.ruleId}@${f.sheet}!${f.cell}`));
    expect(r.sheets.some((s) => s.name === WAIVER_SHEET)).toBe(false);
  });

  it('a row written by waiverRow reads back as the same entry; values are recorded as text a reader gives back', () => {
    const e = { sheet: '申报表', cell: 'M6', rule: 'format/phone', value: waiverValueText(6012345), status: 'approved' as const, reason: 'r', by: 'b', date: '2026-05-21' };
    expect(readWaiverSheet({ name: WAIVER_SHEET, rows: [[...WAIVER_HEADER], waiverRow(e)], merges: [] })).toEqual([e]);
    expect([waiverValueText(null), waiverValueText(true), waiverValueText({ error: '#REF!' }), waiverValueText(1.5)]).toEqual(['', 'TRUE', '#REF!', '1.5']);
  });
});
