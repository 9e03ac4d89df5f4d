// End to end: a declaration sheet laid out like 001 附件1 with planted problems, computed columns, overrides, robustness.
import fc from 'fast-check';
import { a1, check, columnLetter } from '../../src/engine/engine';
import type { CellValue, Finding, MergeRange, Report, WorkbookSnapshot } from '../../src/engine/types';
import { computedValues } from '../../src/engine/computed';
import { layoutOf } from '../support/report';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const UPPER = ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设\n年度', '项目\n投资\n（万元）', '资金筹措', null, null, null, '负责人', '联系人', '联系\n电话', '电子\n邮箱', '备注'];
const LOWER = [null, null, null, null, null, null, '财政\n资金\n（万元）', '银行\n货款\n（万元）', '自筹\n（万元）', '其他\n（万元）', null, null, null, null, null];

type Project = {
  unit?: CellValue;
  name: CellValue;
  desc?: CellValue;
  period?: CellValue;
  inv: CellValue;
  funds: [CellValue, CellValue, CellValue, CellValue];
  owner?: CellValue;
  contact?: CellValue;
  phone?: CellValue;
  email?: CellValue;
  remark?: CellValue;
};

function projectRow(seq: number, p: Project): CellValue[] {
  return [
    seq,
    p.unit === undefined ? '叶集区数据资源管理局' : p.unit,
    p.name,
    p.desc === undefined ? '依托区政务云建设，实现部门间数据共享和业务协同。' : p.desc,
    p.period === undefined ? '2026年01月至2026年12月' : p.period,
    p.inv,
    ...p.funds,
    p.owner === undefined ? '王强' : p.owner,
    p.contact === undefined ? '陈静' : p.contact,
    p.phone === undefined ? '0564-6012345' : p.phone,
    p.email === undefined ? 'chenjing@yeji.gov.cn' : p.email,
    p.remark === undefined ? null : p.remark,
  ];
}

/** A planted problem: the project (1-based position among projects), the rule, the column, severity, cited article. */
type Plant = [number, string, string, 'error' | 'warning' | 'info', string | null];

const PROJECTS: { p: Project; plants: Plant[] }[] = [
  { p: { name: '叶集区政务云平台建设', inv: 300, funds: [300, 0, 0, 0] }, plants: [] },
  { p: { unit: '叶集区民政局', name: '智慧养老服务平台', period: '2026年03月至2026年10月', inv: 85.5, funds: [60, 0, 25.5, 0] }, plants: [] },
  { p: { name: '城市视频监控联网', inv: 200, funds: [150, 0, 30, 0] }, plants: [[3, 'consistency/funding-sum', 'F', 'error', '附件1《六安市叶集区政务信息化项目申报表》资金筹措']] },
  { p: { name: '不动产登记系统升级', desc: '系统'.repeat(120), inv: 90, funds: [90, 0, 0, 0] }, plants: [[4, 'format/description-length', 'D', 'error', '附件1《六安市叶集区政务信息化项目申报表》说明2']] },
  { p: { name: '社保经办系统', period: '2026年10月至2026年3月', inv: 60, funds: [60, 0, 0, 0] }, plants: [[5, 'format/period', 'E', 'error', '附件1《六安市叶集区政务信息化项目申报表》说明3']] },
  { p: { name: '乡镇便民服务终端', inv: 8, funds: [8, 0, 0, 0] }, plants: [[6, 'threshold/out-of-scope', 'F', 'warning', '第二条']] },
  {
    p: { name: '办公耗材采购', desc: '打印纸、硒鼓等', inv: 30, funds: [30, 0, 0, 0] },
    // a 叶集 workbook: the 武隆 附件 is a reference there (warning, cited as such)
    plants: [
      [7, 'eligibility/project-scope', 'C', 'warning', '附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类（参照，不是本项目所适用办法的规定）'],
      [7, 'eligibility/project-scope', 'D', 'warning', '附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类（参照，不是本项目所适用办法的规定）'],
    ],
  },
  { p: { name: '应急指挥调度平台', inv: 150, funds: [150, 0, 0, 0], phone: '6012345' }, plants: [[8, 'format/phone', 'M', 'warning', '附件1《六安市叶集区政务信息化项目申报表》联系电话']] },
  { p: { name: '电子证照库', inv: 45, funds: [45, 0, 0, 0], email: 'zhangsan#163.com' }, plants: [[9, 'format/email', 'N', 'warning', '附件1《六安市叶集区政务信息化项目申报表》电子邮箱']] },
  { p: { name: '叶集区政务云平台建设', inv: 20, funds: [20, 0, 0, 0] }, plants: [[10, 'consistency/duplicate-project-name', 'C', 'warning', '附件1《六安市叶集区政务信息化项目申报表》项目名称']] },
  { p: { name: '12345热线知识库', inv: 40, funds: [40, 0, 0, 0], owner: null }, plants: [[11, 'completeness/required-field', 'K', 'error', '附件1《六安市叶集区政务信息化项目申报表》负责人']] },
  {
    p: { name: '数字档案馆', inv: 1500000, funds: [1500000, 0, 0, 0] },
    plants: [
      [12, 'format/amount-in-yuan', 'F', 'warning', '附件1《六安市叶集区政务信息化项目申报表》项目投资（万元）'],
      [12, 'format/amount-in-yuan', 'G', 'warning', '附件1《六安市叶集区政务信息化项目申报表》资金筹措'],
    ],
  },
  { p: { name: '智慧教育云', period: '2025年03月至2025年12月', inv: 75, funds: [75, 0, 0, 0] }, plants: [[13, 'deadline/declaration-late', 'E', 'warning', '第六条、第八条']] },
  { p: { name: '市场监管信用平台', inv: 66, funds: [50, 0, { error: '#REF!' }, 16] }, plants: [[14, 'format/error-value', 'I', 'error', '附件1《六安市叶集区政务信息化项目申报表》资金筹措']] },
  { p: { name: '区级数据共享交换平台', inv: 120, funds: [100, 0, 20, 0] }, plants: [] },
];

const FIRST_PROJECT_ROW = 6; // Excel row of project 1: title, 填报单位, two header rows, 合计

function attachment1(): { snapshot: WorkbookSnapshot; plants: Plant[]; totalsRow: number } {
  const projects = PROJECTS.map((x, i) => projectRow(i + 1, x.p));
  // The 合计 row sits right under the header, as printed; its 项目投资 is planted 1.00 off.
  const sum = (col: number) => projects.reduce((s, r) => s + (typeof r[col] === 'number' ? (r[col] as number) : 0), 0);
  const totals: CellValue[] = ['合计', null, null, null, null, sum(5) + 1, sum(6), sum(7), null, sum(9)];
  const rows: CellValue[][] = [
    ['六安市叶集区政务信息化项目申报表'],
    ['填报单位：叶集区数据资源管理局'],
    UPPER,
    LOWER,
    totals,
    ...projects,
    [],
    ['项目主管部门意见（盖章）：'],
    [null, null, null, null, null, null, null, null, null, null, '年     月      日'],
    ['说明：1．本表由项目建设单位填写，主管部门盖章。'],
    ['2．每个项目的简要说明字数控制在200字以内。'],
    ['3．“建设年度”填写“XX年XX月至XX年XX月”。'],
  ];
  const merges: MergeRange[] = [{ top: 0, left: 0, bottom: 0, right: 14 }, { top: 2, left: 6, bottom: 2, right: 9 }];
  for (const c of [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14]) merges.push({ top: 2, left: c, bottom: 3, right: c });
  const plants: Plant[] = PROJECTS.flatMap((x) => x.plants);
  plants.push([0, 'consistency/totals-row', 'F', 'error', '附件1《六安市叶集区政务信息化项目申报表》合计']);
  return { snapshot: { name: '2026年度政务信息化项目申报.xlsx', sheets: [{ name: '申报表', rows, merges }] }, plants, totalsRow: 5 };
}

const rowOf = (project: number, totalsRow: number) => (project === 0 ? totalsRow : FIRST_PROJECT_ROW + project - 1);
const key = (f: Pick<Finding, 'ruleId' | 'cell'>) => `${f.ruleId}@${f.cell}`;

describe('附件1 declaration with planted problems (yeji, detected)', () => {
  const { snapshot, plants, totalsRow } = attachment1();
  const report: Report = check(snapshot, { asOf: '2025-08-01' });

  test('the profile is detected from the title and the unit names', () => {
    expect(report.profile).toMatchObject({ id: 'yeji', detected: true });
    expect(report.profile.reason).toContain('叶集');
  });

  test('the sheet is recognised with its two-row header', () => {
    expect(report.sheets[0]).toMatchObject({ kind: 'declaration', headerRow: 4 });
    expect(report.sheets[0].columns).toMatchObject({ projectName: 'C', investment: 'F', fundLoan: 'H', fundOther: 'J', email: 'N' });
    expect(report.sheets[0].dataRows).toEqual(PROJECTS.map((_, i) => FIRST_PROJECT_ROW + i));
  });

  test.each(plants.map((p) => [`${p[1]} on project ${p[0]}`, p] as const))('found: %s', (_n, [project, ruleId, col, severity, article]) => {
    const cell = `${col}${rowOf(project, totalsRow)}`;
    const f = report.findings.find((x) => x.ruleId === ruleId && x.cell === cell);
    expect(f).toBeDefined();
    expect(f!.severity).toBe(severity);
    expect(f!.citation?.article ?? null).toBe(article);
    expect(f!.message.length).toBeGreaterThan(0);
  });

  test('nothing but the planted problems: clean rows have no finding', () => {
    const expected = plants.map(([project, ruleId, col]) => `${ruleId}@${col}${rowOf(project, totalsRow)}`).sort();
    expect(report.findings.map(key).sort()).toEqual(expected);
    const clean = PROJECTS.map((x, i) => (x.plants.length === 0 ? FIRST_PROJECT_ROW + i : -1)).filter((r) => r > 0);
    expect(report.findings.filter((f) => clean.includes(f.row))).toEqual([]);
  });

  test('computed columns go right of the table, one value per project', () => {
    expect(report.sheets[0].computedColumns.map(layoutOf)).toEqual([
      { key: 'approvalPath', header: '审批/管理路径（自动）', column: 'P' },
      { key: 'declarationDue', header: '申报截止（自动）', column: 'Q' },
    ]);
    const due = computedValues(report).filter((c) => c.key === 'declarationDue');
    expect(due).toHaveLength(PROJECTS.length - 1); // the unreadable 建设年度 (start after end) gives no year
    expect(due[0]).toMatchObject({ row: FIRST_PROJECT_ROW, column: 'Q', value: '2025-09-30', type: 'date' });
  });

  test('no notices on a healthy run', () => {
    expect(report.notices).toEqual([]);
  });

  test('findings come in sheet order', () => {
    const rows = report.findings.map((f) => f.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});

describe('computed columns on a second run', () => {
  test('an existing computed column is reused; new ones go after it', () => {
    const { snapshot } = attachment1();
    const rows = snapshot.sheets[0].rows;
    rows[2] = [...UPPER, '申报截止（自动）'];
    rows[5] = [...rows[5], '2025-09-30'];
    const r = check(snapshot, { asOf: '2025-08-01', profile: 'yeji' });
    expect(r.sheets[0].computedColumns.map(layoutOf)).toEqual([
      { key: 'approvalPath', header: '审批/管理路径（自动）', column: 'Q' },
      { key: 'declarationDue', header: '申报截止（自动）', column: 'P' },
    ]);
    expect(r.sheets[0].columns.remark).toBe('O');
  });
});

describe('other profiles and sheets', () => {
  test('under wuhan the yeji-only rules stay silent, the common ones still fire', () => {
    const r = check(attachment1().snapshot, { asOf: '2025-08-01', profile: 'wuhan' });
    const ids = new Set(r.findings.map((f) => f.ruleId));
    expect(ids.has('threshold/out-of-scope')).toBe(false);
    expect(ids.has('deadline/declaration-late')).toBe(false);
    expect(ids.has('consistency/funding-sum')).toBe(true);
    expect(r.findings.find((f) => f.ruleId === 'format/description-length')?.severity).toBe('warning');
  });

  test('an unrecognised sheet is reported and left alone', () => {
    const { snapshot } = attachment1();
    snapshot.sheets.unshift({ name: '填表说明', rows: [['请按要求填写各表'], ['一、申报范围……']], merges: [] });
    const r = check(snapshot, { asOf: '2025-08-01' });
    expect(r.sheets[0]).toMatchObject({ name: '填表说明', kind: 'unknown', headerRow: null, computedColumns: [] });
    expect(r.findings.filter((f) => f.sheet === '填表说明')).toEqual([]);
    expect(r.sheets[1].kind).toBe('declaration');
  });

  test('a workbook with nothing recognisable says so', () => {
    const r = check({ sheets: [{ name: 'S', rows: [['hello']], merges: [] }] }, { asOf: '2025-08-01' });
    expect(r.notices.map((n) => n.id)).toContain('sheets/none-recognised');
    expect(r.findings).toEqual([]);
  });

  test('a user override of the sheet kind is passed to recognition', () => {
    const r = check(attachment1().snapshot, { asOf: '2025-08-01', overrides: { 申报表: { kind: 'unknown' } } });
    expect(r.sheets[0].kind).toBe('unknown');
    expect(r.findings).toEqual([]);
  });

  test('a bad reference date is a programmer error', () => {
    expect(() => check(attachment1().snapshot, { asOf: '2025/08/01' })).toThrow(RangeError);
  });
});

describe('robustness', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, '合计', '2025年1月至2025年12月', '１２０万', '—'),
  );

  test('arbitrary cell values never crash a rule', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 15, maxLength: 17 }), { maxLength: 12 }), fc.constantFrom('wuhan', 'yeji', 'wulong', 'laizhou', 'generic' as const), (data, profile) => {
        const { snapshot } = attachment1();
        snapshot.sheets[0].rows.splice(5, 0, ...data.map((r, i) => [i + 1, ...r.slice(1)]));
        const r = check(snapshot, { asOf: '2025-08-01', profile, lang: 'en' });
        expect(r.notices.filter((n) => n.id === 'engine/rule-failed')).toEqual([]);
        // An unfilled template placeholder looks like {name}; braces quoted from the workbook's own text are fine.
        const typed = data.flat().filter((v): v is string => typeof v === 'string').join('\n');
        for (const f of r.findings) {
          for (const m of f.message.match(/\{\w+\}/g) ?? []) expect(typed).toContain(m);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('the work grows linearly with the rows', () => {
    const build = (n: number): WorkbookSnapshot => {
      const rows: CellValue[][] = [['申报表'], UPPER, LOWER];
      for (let i = 0; i < n; i++) rows.push(projectRow(i + 1, { name: `项目${i}`, inv: 120, funds: [100, 0, 20, 0] }));
      return { sheets: [{ name: 'S', rows, merges: [{ top: 1, left: 6, bottom: 1, right: 9 }] }] };
    };
    const cpu = (wb: WorkbookSnapshot) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t = process.cpuUsage();
        check(wb, { asOf: '2025-08-01', profile: 'wuhan' });
        const u = process.cpuUsage(t);
        best = Math.min(best, u.user + u.system);
      }
      return best;
    };
    const small = build(5000);
    const large = build(40000);
    cpu(small); // warm up
    const ratio = cpu(large) / cpu(small);
    expect(ratio).toBeLessThan(8 * 2.5); // 8× the rows; quadratic work would be ~64×
  });
});

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%d → %s', (i, letters) => {
    expect(columnLetter(i)).toBe(letters);
  });

  test('A1 addresses', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(6, 27)).toBe('AB7');
  });

  test.each([-1, 1.5, NaN])('rejects %d', (i) => {
    expect(() => columnLetter(i)).toThrow(RangeError);
  });
});
