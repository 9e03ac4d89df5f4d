// 清除标记 in the pane clears only the marks: fills and notes go, the filled 期限 / 审批路径 columns stay and stay undoable.
import { createOfficeHost, SEVERITY_FILL } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import type { FakeExcel, FakeWorkbookData } from '../../src/fake-excel';
import type { ComputedValue, Finding, Report } from '../../src/engine/types';
import { columnsOf } from '../support/report';

jest.setTimeout(120_000);

function workbook(): FakeWorkbookData {
  return {
    sheets: [
      {
        name: '进度台账',
        values: [['进度台账'], ['序号', '项目名称', '批复概算（万元）'], [1, '项目一', 100], [2, '项目二', 200]],
        formats: [[], [], [], []],
        merges: [],
        fills: { B3: '#FFFF00' },
        notes: { C4: '用户批注' },
      },
    ],
  };
}

function finding(cell: string): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { sheet: '进度台账', row: +m[2], column: m[1]!, cell, ruleId: 'test/rule', category: 'format', severity: 'error', messageId: 'm', params: {}, message: '问题', citation: null };
}

function report(): Report {
  const cc = [
    { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'D' },
    { key: 'approvalPath' as const, header: '审批/管理路径（自动）', column: 'E' },
  ];
  const computed: ComputedValue[] = [3, 4].flatMap((row) => [
    { sheet: '进度台账', row, key: 'acceptanceDue' as const, header: cc[0]!.header, column: 'D', value: '2026-06-30', type: 'date' as const },
    { sheet: '进度台账', row, key: 'approvalPath' as const, header: cc[1]!.header, column: 'E', value: '直接编制初步设计', type: 'text' as const },
  ]);
  return {
    asOf: '2026-05-20',
    lang: 'zh',
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    sheets: [
      { name: '进度台账', kind: 'progress-table', headerRow: 2, columns: { projectName: 'B' }, dataRows: [3, 4], reason: '', unmappedColumns: [], computedColumns: columnsOf(cc, computed) },
    ],
    findings: [finding('B3'), finding('C3')],
  };
}

function observable(fake: FakeExcel): string {
  const s = fake.save();
  return JSON.stringify({ sheets: s.sheets, parts: s.customXmlParts });
}

test('clearMarks({ keepComputed }) restores fills and removes our notes, keeps the filled columns and their record', async () => {
  const fake = createFakeExcel(workbook());
  const original = observable(fake);
  const host = createOfficeHost(fake.Excel, fake.Office);
  await host.applyReport(report(), { lang: 'zh', fillComputed: true });
  expect(fake.cell('进度台账', 'C3').fill).toBe(SEVERITY_FILL.error);
  expect(fake.cell('进度台账', 'E4').value).toBe('直接编制初步设计');

  const res = await host.clearMarks({ keepComputed: true });
  expect(res.restored).toBe(2); // the two marked cells
  expect(fake.cell('进度台账', 'B3').fill).toBe('#FFFF00');
  expect(fake.cell('进度台账', 'C3').fill).toBeNull();
  expect(fake.notes('进度台账')).toEqual({ C4: '用户批注' });
  // The computed columns are still there, header included.
  expect(fake.cell('进度台账', 'D2').value).toBe('验收截止（自动）');
  expect(fake.cell('进度台账', 'E2').value).toBe('审批/管理路径（自动）');
  expect(typeof fake.cell('进度台账', 'D3').value).toBe('number');
  expect(fake.cell('进度台账', 'E4').value).toBe('直接编制初步设计');
  expect(fake.customXmlParts()).toHaveLength(1);

  // A second marks-only clear changes nothing; a full clear still gives back the original workbook exactly.
  const afterMarks = observable(fake);
  await host.clearMarks({ keepComputed: true });
  expect(observable(fake)).toBe(afterMarks);
  await host.clearMarks();
  expect(observable(fake)).toBe(original);
});

test('a re-check after a marks-only clear marks again and a full clear still restores the original', async () => {
  const fake = createFakeExcel(workbook());
  const original = observable(fake);
  const host = createOfficeHost(fake.Excel, fake.Office);
  await host.applyReport(report(), { lang: 'zh', fillComputed: true });
  await host.clearMarks({ keepComputed: true });
  await host.applyReport(report(), { lang: 'zh', fillComputed: true });
  expect(fake.cell('进度台账', 'C3').fill).toBe(SEVERITY_FILL.error);
  expect(fake.customXmlParts()).toHaveLength(1);
  await host.clearMarks();
  expect(observable(fake)).toBe(original);
});
