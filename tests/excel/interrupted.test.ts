// Interrupted checks in the add-in (what office-host.test.ts does not already sweep): a failure at EVERY sync of apply
// and of clear, at the start, middle and end of its batch, then retries and user edits: Clear always gives back the
// workbook exactly (values, formats, fills, notes, comments, parts), keeping only what the user changed.
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import type { FakeExcel, FakeSheetData, FakeWorkbookData } from '../../src/fake-excel';
import type { ComputedValue, Finding, Report, Severity } from '../../src/engine/types';
import { columnsOf } from '../support/report';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const HEADER = ['序号', '项目名称', '建设单位', '批复概算（万元）', '调整金额（万元）', '开工日期', '验收日期', '备注'];

/** A ledger with the user's own fills, notes, number formats and a merged title: everything Clear must give back. */
function ledger(rows: number): FakeWorkbookData {
  const values: (string | number)[][] = [['武隆区政务信息化项目进度台账'], HEADER];
  const formats: (string | null)[][] = [[], []];
  for (let r = 0; r < rows; r++) {
    values.push([r + 1, `项目${r + 1}`, '区大数据局', 100 + r, r % 7, 45000 + r, 45300 + r, r % 5 ? '' : '=不是公式']);
    formats.push([null, null, null, '#,##0.00', '#,##0.00', 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '@']);
  }
  const sheet: FakeSheetData = {
    name: '进度台账',
    values,
    formats,
    merges: ['A1:H1'],
    fills: { B3: '#FFFF00', 'D5:D9': '#D9D9D9', G4: '#00B050' },
    notes: { B4: '经办人：名称待核', D6: '用户批注' },
  };
  const other: FakeSheetData = { name: '说明', values: [['本表由项目建设单位填写']], formats: [[]], merges: [], fills: {}, notes: {} };
  return { sheets: [sheet, other] };
}

function finding(cell: string, severity: Severity, message: string): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { sheet: '进度台账', row: +m[2], column: m[1]!, cell, ruleId: 'test/rule', category: 'format', severity, messageId: 'm', params: {}, message, citation: null };
}

/** Marks on user-filled, user-noted and plain cells; two computed columns over every data row. */
function report(rows: number): Report {
  const findings: Finding[] = [];
  for (let r = 3; r < rows + 3; r++) {
    if (r % 2) findings.push(finding(`B${r}`, 'error', `第${r}行 <b>名称</b> =问题`));
    if (r % 3 === 0) findings.push(finding(`D${r}`, 'warning', `第${r}行概算`));
  }
  const cc = [
    { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'I' },
    { key: 'approvalPath' as const, header: '审批/管理路径（自动）', column: 'J' },
  ];
  const computed: ComputedValue[] = [];
  for (let r = 3; r < rows + 3; r++) {
    computed.push({ sheet: '进度台账', row: r, key: 'acceptanceDue', header: cc[0]!.header, column: 'I', value: '2026-06-30', type: 'date', provisional: r === 3 });
    computed.push({ sheet: '进度台账', row: r, key: 'approvalPath', header: cc[1]!.header, column: 'J', value: '=直接编制初步设计', type: 'text' });
  }
  return {
    asOf: '2026-05-20',
    lang: 'zh',
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    sheets: [
      {
        name: '进度台账',
        kind: 'progress-table',
        headerRow: 2,
        columns: { projectName: 'B', approvedBudget: 'D' },
        dataRows: Array.from({ length: rows }, (_, i) => i + 3),
        reason: '',
        unmappedColumns: [],
        computedColumns: columnsOf(cc, computed),
      },
    ],
    findings,
  };
}

/** What Clear must give back: every sheet's values, formats, fills, notes, comments and the custom XML parts. */
function observable(fake: FakeExcel): string {
  const s = fake.save();
  return JSON.stringify({ sheets: s.sheets, parts: s.customXmlParts });
}

const ROWS = 400;
const OPTS = { lang: 'zh' as const, fillComputed: true };

/** How many syncs an uninterrupted apply and clear take on this workbook. */
async function syncCounts(): Promise<{ apply: number; clear: number }> {
  const fake = createFakeExcel(ledger(ROWS));
  const host = createOfficeHost(fake.Excel, fake.Office);
  fake.resetStats();
  await host.applyReport(report(ROWS), OPTS);
  const apply = fake.stats.syncs;
  fake.resetStats();
  await host.clearMarks();
  return { apply, clear: fake.stats.syncs };
}

let counts: { apply: number; clear: number };
beforeAll(async () => {
  counts = await syncCounts();
});

const PLACES: [string, number | undefined][] = [
  ['before its first call', 0],
  ['half-way through its batch', undefined],
  ['after all its calls', 1e9],
];

test('the sweep is real: apply and clear each take several syncs', () => {
  expect(counts.apply).toBeGreaterThanOrEqual(3);
  expect(counts.clear).toBeGreaterThanOrEqual(2);
});

describe.each(PLACES)('a failure %s', (_place, afterOps) => {
  test('on every sync of apply: Clear then gives back the workbook exactly', async () => {
    for (let k = 1; k <= counts.apply; k++) {
      const fake = createFakeExcel(ledger(ROWS));
      const before = observable(fake);
      const host = createOfficeHost(fake.Excel, fake.Office);
      fake.resetStats();
      fake.injectFailure({ atSync: k, afterOps });
      const outcome = await host.applyReport(report(ROWS), OPTS).then(
        () => 'done',
        (e: { code?: string }) => e.code,
      );
      expect([k, outcome]).toEqual([k, 'GeneralException']);
      await host.clearMarks();
      expect([k, observable(fake)]).toEqual([k, before]);
    }
  });

  test('on every sync of Clear: a second Clear finishes the job exactly', async () => {
    for (let k = 1; k <= counts.clear; k++) {
      const fake = createFakeExcel(ledger(ROWS));
      const before = observable(fake);
      const host = createOfficeHost(fake.Excel, fake.Office);
      await host.applyReport(report(ROWS), OPTS);
      fake.resetStats();
      fake.injectFailure({ atSync: k, afterOps });
      const outcome = await host.clearMarks().then(
        () => 'done',
        (e: { code?: string }) => e.code,
      );
      expect([k, outcome]).toEqual([k, 'GeneralException']);
      await host.clearMarks();
      expect([k, observable(fake)]).toEqual([k, before]);
    }
  });

  test('on every sync of apply, then a successful re-check, then Clear: exactly the original', async () => {
    for (let k = 1; k <= counts.apply; k++) {
      const fake = createFakeExcel(ledger(ROWS));
      const before = observable(fake);
      const host = createOfficeHost(fake.Excel, fake.Office);
      fake.resetStats();
      fake.injectFailure({ atSync: k, afterOps });
      await host.applyReport(report(ROWS), OPTS).catch(() => undefined);
      await host.applyReport(report(ROWS), OPTS);
      await host.clearMarks();
      expect([k, observable(fake)]).toEqual([k, before]);
    }
  });
});

test('an interrupted check, the user’s edits, then Clear: their edits stay, everything else is the original', async () => {
  for (let k = 1; k <= counts.apply; k++) {
    const fake = createFakeExcel(ledger(ROWS));
    const original = createFakeExcel(ledger(ROWS));
    const host = createOfficeHost(fake.Excel, fake.Office);
    fake.resetStats();
    fake.injectFailure({ atSync: k });
    await host.applyReport(report(ROWS), OPTS).catch(() => undefined);
    // The same edits on the original: the expected result.
    for (const f of [fake, original]) {
      f.userEdit('进度台账', 'C7', '区政数局');
      f.userEdit('进度台账', 'I9', '已验收');
      f.userFill('进度台账', 'F10', '#FF00FF');
    }
    await fake.flushEvents();
    await host.clearMarks();
    expect([k, observable(fake)]).toEqual([k, observable(original)]);
  }
});

test('checked, edited, checked again, then Clear: the original plus the user’s edits', async () => {
  const fake = createFakeExcel(ledger(ROWS));
  const original = createFakeExcel(ledger(ROWS));
  const host = createOfficeHost(fake.Excel, fake.Office);
  await host.applyReport(report(ROWS), OPTS);
  for (const f of [fake, original]) {
    f.userEdit('进度台账', 'B11', '改名后的项目');
    f.userEdit('进度台账', 'D12', 999);
  }
  await fake.flushEvents();
  await host.applyReport(report(ROWS), OPTS);
  await host.clearMarks();
  expect(observable(fake)).toEqual(observable(original));
});
