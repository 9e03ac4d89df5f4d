// findingsTable: one row per finding with its sheet, cell, project, severity, problem, citation and waiver, zh and en.
import * as path from 'node:path';
import { check, findingsTable, FINDINGS_TABLE_HEADER } from '../../src/engine';
import type { CellValue, Finding, Report, WorkbookSnapshot } from '../../src/engine';
import { readSpreadsheet } from '../../src/cli/read';

jest.setTimeout(120_000);

const UPPER = ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设\n年度', '项目\n投资\n（万元）', '资金筹措', null, null, null, '负责人', '联系人', '联系\n电话', '电子\n邮箱', '备注'];
const LOWER = [null, null, null, null, null, null, '财政\n资金\n（万元）', '银行\n货款\n（万元）', '自筹\n（万元）', '其他\n（万元）', null, null, null, null, null];

function declaration(): WorkbookSnapshot {
  const row = (seq: number, name: string, phone: string): CellValue[] => [
    seq, '叶集区数据资源管理局', name, '依托区政务云建设，实现部门间数据共享。', '2026年01月至2026年12月', 100, 100, 0, 0, 0,
    '王强', '陈静', phone, 'chenjing@yeji.gov.cn', null,
  ];
  return {
    name: '叶集区申报.xlsx',
    sheets: [
      {
        name: '申报表',
        rows: [['六安市叶集区政务信息化项目申报表'], ['填报单位：叶集区数据资源管理局'], UPPER, LOWER, row(1, '政务云平台', '0564-6012345'), row(2, '  电子证照库 ', '6012345')],
        merges: [],
      },
    ],
  };
}

describe('findingsTable', () => {
  const report = check(declaration(), { asOf: '2026-05-20', profile: 'yeji' });
  const phone = report.findings.find((f) => f.ruleId === 'format/phone');

  it('names the project of the row a finding is on (trimmed), and none for a finding off the data rows', () => {
    expect(phone).toBeDefined();
    expect(phone!.project).toBe('电子证照库');
    for (const f of report.findings) if (f.row === 0) expect(f.project).toBeUndefined();
  });

  it('has the Chinese columns and one row per finding in the report order', () => {
    const t = findingsTable(report, 'zh');
    expect(t.header).toEqual(['工作表', '单元格', '项目名称', '严重程度', '问题', '依据', '核实情况']);
    expect(t.rows).toHaveLength(report.findings.length);
    const i = report.findings.indexOf(phone!);
    expect(t.rows[i]).toEqual(['申报表', 'M6', '电子证照库', '警告', phone!.message, '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1《六安市叶集区政务信息化项目申报表》联系电话', '']);
  });

  it('writes English headers and severity names in en', () => {
    const en = check(declaration(), { asOf: '2026-05-20', profile: 'yeji', lang: 'en' });
    const t = findingsTable(en, 'en');
    expect(t.header).toEqual([...FINDINGS_TABLE_HEADER.en]);
    expect(t.header[0]).toBe('Sheet');
    const i = en.findings.findIndex((f) => f.ruleId === 'format/phone');
    expect(t.rows[i][3]).toBe('Warning');
    expect(t.rows[i][4]).toBe(en.findings[i].message);
  });

  it('says the waiver: status, reason, name and date; 已过期 when the cell changed since', () => {
    const base: Finding = { ...phone! };
    const at = (f: Finding, lang: 'zh' | 'en') => findingsTable({ ...report, findings: [f] } as Report, lang).rows[0][6];
    expect(at({ ...base, waiver: { status: 'verified', reason: '号码已电话核实', by: '李娜', date: '2026-05-21', stale: false } }, 'zh')).toBe('已核实：号码已电话核实（李娜，2026-05-21）');
    expect(at({ ...base, waiver: { status: 'approved', reason: '专家评审同意', by: '张伟', date: '2026-05-22', stale: false } }, 'zh')).toBe('经评估同意：专家评审同意（张伟，2026-05-22）');
    expect(at({ ...base, waiver: { status: 'verified', reason: '已核', by: '李娜', date: '2026-05-21', stale: true } }, 'zh')).toMatch(/^已过期/);
    expect(at({ ...base, waiver: { status: 'approved', reason: 'ok', by: 'Li', date: '2026-05-21', stale: false } }, 'en')).toBe('Approved after assessment: ok (Li, 2026-05-21)');
    expect(at({ ...base, waiver: { status: 'verified', reason: 'ok', by: 'Li', date: '2026-05-21', stale: true } }, 'en')).toMatch(/^Outdated/);
  });

  it('names a progress form’s project on its findings (sample 02)', async () => {
    const { snapshot } = await readSpreadsheet(path.join(__dirname, '../../assets/samples/02-yeji-progress-form.xlsx'));
    const r = check(snapshot, { asOf: '2026-05-20' });
    const onCells = r.findings.filter((f) => f.row > 0 && r.sheets.find((s) => s.name === f.sheet)?.kind === 'progress-form');
    expect(onCells.length).toBeGreaterThan(0);
    for (const f of onCells) expect(f.project).toBeTruthy();
    const t = findingsTable(r, 'zh');
    expect(t.rows.every((row) => row.length === 7)).toBe(true);
  });
});
