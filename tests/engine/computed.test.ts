// Computed values as columns in the report, and computedValues() giving them back one per cell.
import { check } from '../../src/engine';
import { computedValues } from '../../src/engine/computed';
import type { Report } from '../../src/engine/types';
import { CLEAN_FORM, form, progress, progressRow } from './rules/harness';
import { columnsOf } from '../support/report';
import { progressSnapshot } from '../../src/bench/inputs';

function hand(): Report {
  return {
    asOf: '2026-05-20',
    lang: 'zh',
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    findings: [],
    sheets: [
      {
        name: '台账',
        kind: 'progress-table',
        headerRow: 2,
        columns: {},
        dataRows: [3, 4, 5],
        reason: '',
        unmappedColumns: [],
        computedColumns: [
          { key: 'approvalPath', header: 'A', column: 'P', type: 'text', rows: [3, 5], values: ['甲', '乙'], status: null, provisional: null },
          { key: 'acceptanceDue', header: 'B', column: 'Q', type: 'date', rows: [4, 5], values: ['2026-01-01', '2027-01-01'], status: ['overdue', 'pending'], provisional: [false, true] },
        ],
      },
      { name: '空表', kind: 'unknown', headerRow: null, columns: {}, dataRows: [], reason: '', unmappedColumns: [], computedColumns: [] },
    ],
  };
}

describe('computedValues', () => {
  test('one value per cell: row by row, in column order within a row, with status and provisional where set', () => {
    expect(computedValues(hand())).toEqual([
      { sheet: '台账', row: 3, key: 'approvalPath', header: 'A', column: 'P', value: '甲', type: 'text' },
      { sheet: '台账', row: 4, key: 'acceptanceDue', header: 'B', column: 'Q', value: '2026-01-01', type: 'date', status: 'overdue' },
      { sheet: '台账', row: 5, key: 'approvalPath', header: 'A', column: 'P', value: '乙', type: 'text' },
      { sheet: '台账', row: 5, key: 'acceptanceDue', header: 'B', column: 'Q', value: '2027-01-01', type: 'date', provisional: true, status: 'pending' },
    ]);
  });

  test('columnsOf (the tests’ inverse) gives the columns back', () => {
    const r = hand();
    const again = columnsOf(r.sheets[0]!.computedColumns, computedValues(r));
    expect(again).toEqual(r.sheets[0]!.computedColumns);
  });
});

describe('computed columns from check()', () => {
  const rows = [
    progressRow({ 建成日期: '2024-08-31' }, 1),
    progressRow({}, 2),
    progressRow({ 建成日期: '2024-01-31', 竣工验收日期: '2024-05-20', 投入运行日期: '2024-06-01' }, 3),
    progressRow({ 建成日期: '2023-03-31' }, 4),
  ];
  const r = progress(rows, 'wuhan', { asOf: '2024-09-01' });
  const cols = r.sheets[0]!.computedColumns;

  test('each column: rows ascending, one value per row, status and provisional aligned with the values', () => {
    expect(cols.length).toBeGreaterThan(1);
    for (const c of cols) {
      expect(c.values).toHaveLength(c.rows.length);
      expect([...c.rows].sort((a, b) => a - b)).toEqual(c.rows);
      expect(new Set(c.rows).size).toBe(c.rows.length);
      if (c.status !== null) expect(c.status).toHaveLength(c.rows.length);
      if (c.provisional !== null) expect(c.provisional).toHaveLength(c.rows.length);
      for (const row of c.rows) expect(r.sheets[0]!.dataRows).toContain(row);
    }
    // Deadlines carry a status; the approval path does not.
    expect(cols.find((c) => c.key === 'acceptanceDue')!.status).toEqual(['pending', 'done', 'overdue']);
    expect(cols.find((c) => c.key === 'approvalPath')!.status).toBeNull();
  });

  test('the acceptance deadlines sit in the rows of the projects they belong to', () => {
    const acc = cols.find((c) => c.key === 'acceptanceDue')!;
    expect(acc.rows).toEqual([3, 5, 6]);
    expect(acc.values).toEqual(['2025-02-28', '2024-07-31', '2023-09-30']);
  });

  test('computedValues counts every value once, and the report survives JSON unchanged', () => {
    const n = cols.reduce((a, c) => a + c.rows.length, 0);
    expect(computedValues(r)).toHaveLength(n);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  test('a progress form: its values come in columns without a letter (nowhere in the sheet to write them)', () => {
    const f = form(CLEAN_FORM, 'yeji', { asOf: '2025-04-02' });
    const fc = f.sheets[0]!.computedColumns;
    expect(fc.length).toBeGreaterThan(0);
    for (const c of fc) {
      expect(c.column).toBe('');
      expect(c.rows).toHaveLength(1);
    }
    expect(computedValues(f).every((v) => v.column === '')).toBe(true);
  });

  test('an existing computed column the run no longer fills keeps its place and comes back empty', () => {
    const snap = {
      name: 't.xlsx',
      sheets: [
        {
          name: '台账',
          rows: [
            ['项目名称', '总投资（万元）', '建成日期', '验收截止（自动）'],
            ['甲', 800, null, '2020-01-01'],
          ],
          merges: [],
        },
      ],
    };
    const c = check(snap, { asOf: '2024-09-01', profile: 'wuhan' }).sheets[0]!.computedColumns.find((x) => x.key === 'acceptanceDue');
    expect(c).toMatchObject({ column: 'D', type: 'date', rows: [], values: [] });
  });

  test('a column whose first provisional value comes mid-sheet: the values before it read false, none is missing', () => {
    // asOf 2026-09-20: the October 2026 window is in the published schedule; a project starting in March 2027 reports
    // first (on its first quarter) in the April 2027 window, whose working days are not published yet.
    const rows = [
      progressRow({ 开工日期: '2025-03-01', 建成日期: '2027-12-31' }, 1),
      progressRow({ 开工日期: '2027-03-01', 建成日期: '2028-12-31' }, 2),
      progressRow({ 开工日期: '2025-05-01', 建成日期: '2027-06-30' }, 3),
    ];
    const c = progress(rows, 'yeji', { asOf: '2026-09-20' }).sheets[0]!.computedColumns.find((x) => x.key === 'nextProgressReportDue')!;
    expect(c.values).toHaveLength(3);
    expect(c.values[1]!.startsWith('2027-04-')).toBe(true);
    expect(c.provisional).toEqual([false, true, false]);
    expect(Object.keys(c.provisional!)).toHaveLength(3);
  });
});

describe('computed columns of a long ledger', () => {
  // What leaves the engine: dense arrays, each exactly as long as the column's values (the CLI, the pane and the JSON
  // output index them together).
  const r = check(progressSnapshot(600, 5), { asOf: '2026-11-20', profile: 'auto' });
  const cols = r.sheets[0]!.computedColumns;

  test('every column is dense and its arrays are exactly as long as its values', () => {
    expect(cols.length).toBeGreaterThan(2);
    for (const c of cols) {
      expect(c.rows.length).toBeGreaterThan(0);
      expect(c.rows.length).toBeLessThanOrEqual(600);
      for (const a of [c.rows, c.values, c.status, c.provisional]) {
        if (a === null) continue;
        expect(a).toHaveLength(c.rows.length);
        expect(Object.keys(a)).toHaveLength(c.rows.length); // no holes
      }
    }
  });
});
