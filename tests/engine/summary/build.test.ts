// buildSummary on hand-made reports and facts: which deadline is a project's next, what counts as progress not moving, how waivers count.
import { buildSummary } from '../../../src/engine/summary';
import type { ProjectFact, SummaryFileInput } from '../../../src/engine/summary';
import type { ComputedColumn, ComputedKey, ComputedStatus, Finding, Report } from '../../../src/engine/types';

const AS_OF = '2026-05-20';

function deadline(key: ComputedKey, rows: number[], values: string[], status: ComputedStatus[]): ComputedColumn {
  return { key, header: `${key}（自动）`, column: 'Z', type: 'date', rows, values, status, provisional: null };
}

function report(columns: ComputedColumn[], findings: Partial<Finding>[] = []): Report {
  return {
    asOf: AS_OF,
    lang: 'zh',
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    sheets: [{ name: '台账', kind: 'progress-table', headerRow: 1, columns: {}, dataRows: [2, 3, 4, 5], reason: '', unmappedColumns: [], computedColumns: columns }],
    findings: findings.map((f) => ({
      sheet: '台账',
      row: 2,
      column: 'D',
      cell: 'D2',
      ruleId: 'x/y',
      category: 'consistency',
      severity: 'error',
      messageId: 'm',
      params: {},
      message: '问题',
      citation: null,
      ...f,
    })),
  };
}

function fact(row: number, name: string, extra: Partial<ProjectFact> = {}): ProjectFact {
  return { sheet: '台账', kind: 'progress-table', row, unit: { value: '武隆区某局', cell: `B${row}` }, name: { value: name, cell: `C${row}` }, ...extra };
}

test('the next deadline: the nearest open one on or after the reference date, else the latest before it; done ones and window starts are none', () => {
  const r = report([
    deadline('acceptanceDue', [2, 3, 4], ['2026-04-30', '2026-04-30', '2026-06-10'], ['overdue', 'done', 'due-soon']),
    deadline('annualPerformanceReportDue', [2, 3, 4], ['2026-12-31', '2025-12-31', '2026-12-31'], ['pending', 'overdue', 'pending']),
    deadline('selfEvaluationFrom', [5], ['2026-05-25'], ['pending']),
  ]);
  const s = buildSummary({ asOf: AS_OF, lang: 'zh', files: [{ file: 'a.xlsx', report: r, facts: [fact(2, '甲'), fact(3, '乙'), fact(4, '丙'), fact(5, '丁')] }] });
  const by = Object.fromEntries(s.projects.map((p) => [p.project, p]));
  // 甲: one overdue, one ahead → the one ahead is next, and the project is overdue.
  expect(by['甲']).toMatchObject({ nextDeadline: '2026-12-31', deadlineKind: '年度绩效评价报告截止', overdue: true });
  // 乙: its acceptance is done; the only open one is before the reference date.
  expect(by['乙']).toMatchObject({ nextDeadline: '2025-12-31', overdue: true });
  expect(by['丙']).toMatchObject({ nextDeadline: '2026-06-10', deadlineKind: '验收截止', overdue: false });
  expect(by['丁']).toMatchObject({ nextDeadline: null, deadlineKind: '', overdue: false });
  expect(s.projects.map((p) => p.project).slice(0, 2).sort()).toEqual(['乙', '甲']);
});

test('a waiver that is not stale is counted apart from the severities; a stale one is not', () => {
  const waiver = { status: 'verified' as const, reason: '已核', by: '王', date: '2026-05-01', stale: false };
  const r = report([], [{ waiver }, { waiver: { ...waiver, stale: true } }, { severity: 'warning' }, { row: 3, cell: 'D3', severity: 'info' }]);
  const s = buildSummary({ asOf: AS_OF, lang: 'zh', files: [{ file: 'a.xlsx', report: r, facts: [fact(2, '甲'), fact(3, '乙')] }] });
  const by = Object.fromEntries(s.projects.map((p) => [p.project, p]));
  expect(by['甲']).toMatchObject({ errors: 1, warnings: 1, info: 0, waivers: 1 });
  expect(by['乙']).toMatchObject({ errors: 0, info: 1, waivers: 0 });
  expect(s.findings.filter((f) => f.severity === 'error').map((f) => f.waiver)).toEqual([expect.stringMatching(/^已过期/), '已核实：已核（王，2026-05-01）']);
});

test.each([
  ['已完成50%', '已完成50%', true],
  ['已完成50%', '已完成４０％', true],
  ['已完成50%', '已完成60%', false],
  ['完成100%', '完成100%', false],
  ['正在部署', '正在部署', true],
  ['正在 部署', '正在部署', true],
  ['已完成全部建设', '已完成全部建设', false],
  ['正在部署', '已完成60%', false],
  ['正在部署', '正在测试', false],
])('建设进度 %s → %s: not moving = %s', (before, after, stalled) => {
  const prevFacts = [fact(2, '甲', { progress: { value: before, cell: 'G2' } })];
  const curFacts = [fact(2, '甲', { progress: { value: after, cell: 'G2' } })];
  const files: SummaryFileInput[] = [{ file: '本轮/台账.xlsx', report: report([]), facts: curFacts }];
  const s = buildSummary({ asOf: AS_OF, lang: 'zh', files, previous: [{ file: '上一轮/台账.xlsx', report: report([]), facts: prevFacts }] });
  expect(s.crossFile.map((c) => c.id)).toEqual(stalled ? ['cross/progress-stalled'] : []);
});

test('rounds pair a ledger row by file name and project, else by unit and project; 已投资 equal is no finding', () => {
  const inv = (v: number) => ({ invested: { value: v, cell: 'F2' } });
  const cur: SummaryFileInput[] = [{ file: '本轮/改名后的台账.xlsx', report: report([]), facts: [fact(2, '甲', inv(100)), fact(3, '乙', { ...inv(50), unit: { value: '另一个局', cell: 'B3' } })] }];
  const prev: SummaryFileInput[] = [{ file: '上一轮/台账.xlsx', report: report([]), facts: [fact(2, '甲', inv(120)), fact(3, '乙', inv(80))] }];
  const s = buildSummary({ asOf: AS_OF, lang: 'zh', files: cur, previous: prev });
  // 甲 matches by unit and project despite the new file name; 乙 changed unit and file name: not the same ledger row.
  expect(s.crossFile.map((c) => [c.id, c.project, c.places.map((p) => `${p.file}!${p.cell}`)])).toEqual([
    ['cross/invested-decreased', '甲', ['上一轮/台账.xlsx!F2', '本轮/改名后的台账.xlsx!F2']],
  ]);
  const same = buildSummary({ asOf: AS_OF, lang: 'zh', files: [{ ...cur[0]!, facts: [fact(2, '甲', inv(120))] }], previous: prev });
  expect(same.crossFile).toEqual([]);
});
