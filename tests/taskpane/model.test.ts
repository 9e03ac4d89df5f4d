// Pure task-pane helpers: column letters, day arithmetic, finding order/filter/grouping, deadline list order.
import type { ComputedValue, Finding, Report } from '../../src/engine/types';
import {
  columnIndex,
  countByCategory,
  countBySeverity,
  daysBetween,
  errorMessage,
  filterFindings,
  groupFindings,
  localToday,
  orderFindings,
  upcomingDeadlines,
} from '../../src/taskpane/model';
import { langFromDisplayLanguage as langOf } from '../../src/taskpane/strings';
import { setComputed } from '../support/report';

describe('columnIndex', () => {
  test.each([
    ['A', 0],
    ['Z', 25],
    ['AA', 26],
    ['az', 51],
    ['XFD', 16383],
    ['', -1],
    ['A1', -1],
    ['甲', -1],
  ])('%s → %d', (letters, n) => expect(columnIndex(letters)).toBe(n));
});

describe('daysBetween', () => {
  test.each([
    ['2024-06-01', '2024-06-01', 0],
    ['2024-06-01', '2024-07-01', 30],
    ['2024-06-01', '2024-03-01', -92],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-12-31', '2025-01-01', 1],
  ])('%s → %s = %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
  test.each([['2024-6-1'], ['2024年6月1日'], ['']])('%s is not a date', (bad) =>
    expect(daysBetween(bad, '2024-01-01')).toBeNaN(),
  );
});

function f(sheet: string, row: number, column: string, severity: Finding['severity'], category: Finding['category'] = 'format'): Finding {
  return {
    sheet, row, column, cell: column ? `${column}${row}` : '', ruleId: 'r', category, severity,
    messageId: 'm', params: {}, message: `${sheet}${column}${row}${severity}`, citation: null,
  };
}

describe('findings', () => {
  const items = [
    f('B', 2, 'A', 'info'),
    f('A', 10, 'C', 'warning', 'deadline'),
    f('A', 10, 'B', 'info'),
    f('', 0, '', 'warning'),
    f('A', 10, 'B', 'error', 'deadline'),
    f('A', 3, 'AA', 'error'),
    f('Z', 1, 'A', 'error'),
  ];
  const ordered = orderFindings(items, ['A', 'B']);

  test('reading order: workbook level, sheets in workbook order, rows, columns, severity; unknown sheets last', () => {
    expect(ordered.map((x) => x.message)).toEqual([
      '0warning', 'AAA3error', 'AB10error', 'AB10info', 'AC10warning', 'BA2info', 'ZA1error',
    ]);
  });

  test('grouping keeps order and groups by sheet then row', () => {
    const g = groupFindings(ordered);
    expect(g.map((x) => [x.sheet, x.rows.map((r) => [r.row, r.findings.length])])).toEqual([
      ['', [[0, 1]]],
      ['A', [[3, 1], [10, 3]]],
      ['B', [[2, 1]]],
      ['Z', [[1, 1]]],
    ]);
  });

  test.each([
    [{ severity: 'all', category: 'all' }, 7],
    [{ severity: 'error', category: 'all' }, 3],
    [{ severity: 'all', category: 'deadline' }, 2],
    [{ severity: 'error', category: 'deadline' }, 1],
    [{ severity: 'info', category: 'deadline' }, 0],
  ] as const)('filter %j keeps %d', (filter, n) => expect(filterFindings(ordered, filter)).toHaveLength(n));

  test('counts', () => {
    expect(countBySeverity(items)).toEqual({ error: 3, warning: 2, info: 2 });
    expect(countByCategory(items)).toEqual({ format: 5, deadline: 2 });
  });
});

describe('upcomingDeadlines', () => {
  const LAYOUT = {
    S: [
      { key: 'acceptanceDue' as const, header: 'h', column: 'F' },
      { key: 'approvalPath' as const, header: 'h', column: 'G' },
    ],
    T: [{ key: 'acceptanceDue' as const, header: 'h', column: 'C' }],
  };
  const withValues = (values: ComputedValue[]): Report =>
    setComputed(
      {
        asOf: '2024-06-01',
        sheets: [
          { name: 'S', columns: { projectName: 'B' }, computedColumns: LAYOUT.S },
          { name: 'T', columns: {}, computedColumns: LAYOUT.T },
        ],
      } as unknown as Report,
      values,
    );
  const report = withValues([
    { sheet: 'S', row: 2, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-06-01', type: 'date' },
    { sheet: 'S', row: 3, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-01-01', type: 'date' },
    { sheet: 'T', row: 2, key: 'acceptanceDue', header: 'h', column: 'C', value: '2024-05-31', type: 'date', provisional: true },
    { sheet: 'S', row: 2, key: 'approvalPath', header: 'h', column: 'G', value: '2024-01-01', type: 'text' },
    { sheet: 'S', row: 4, key: 'acceptanceDue', header: 'h', column: 'F', value: 'not a date', type: 'date' },
    { sheet: 'T', row: 3, key: 'acceptanceDue', header: 'h', column: 'C', value: '2024-06-02', type: 'date' },
  ]);
  const snapshot = {
    sheets: [
      { name: 'S', rows: [[], ['', '甲项目'], ['', '  '], []], merges: [] },
      { name: 'T', rows: [], merges: [] },
    ],
  };

  test('overdue first (most overdue first), then due today and later; text values skipped', () => {
    const d = upcomingDeadlines(report, snapshot);
    expect(d.map((x) => `${x.sheet}!${x.cell}:${x.days}`)).toEqual(['S!F3:-152', 'T!C2:-1', 'S!F2:0', 'T!C3:1']);
    expect(d.map((x) => x.overdue)).toEqual([true, true, false, false]);
    expect(d.map((x) => x.projectName)).toEqual([null, null, '甲项目', null]);
    expect(d[1].provisional).toBe(true);
  });

  test('works without a snapshot', () => {
    expect(upcomingDeadlines(report, null).every((x) => x.projectName === null)).toBe(true);
  });

  // A past deadline whose event is recorded is done, not overdue: the engine's status decides, not the date.
  test('status from the engine: done goes after the open ones, overdue and due-soon as reported', () => {
    const withStatus = withValues([
      { sheet: 'S', row: 2, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-01-01', type: 'date', status: 'done' },
      { sheet: 'S', row: 3, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-03-01', type: 'date', status: 'overdue' },
      { sheet: 'S', row: 4, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-06-20', type: 'date', status: 'due-soon' },
      { sheet: 'S', row: 5, key: 'acceptanceDue', header: 'h', column: 'F', value: '2024-12-31', type: 'date', status: 'pending' },
    ]);
    const d = upcomingDeadlines(withStatus, null);
    expect(d.map((x) => x.cell)).toEqual(['F3', 'F4', 'F5', 'F2']);
    expect(d.map((x) => [x.overdue, x.done])).toEqual([
      [true, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
  });
});

describe('misc', () => {
  test.each([
    [new Error('坏了'), '坏了'],
    ['字符串', '字符串'],
    [{ message: 'office error' }, 'office error'],
    [42, 'fallback'],
    [null, 'fallback'],
  ])('errorMessage(%p)', (e, text) => expect(errorMessage(e, 'fallback')).toBe(text));

  test('localToday is local YYYY-MM-DD', () => expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05'));

  test.each([
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh'],
    ['', 'zh'],
  ])('display language %s → %s', (d, l) => expect(langOf(d)).toBe(l));
});
