// Shared test doubles for the task pane: a fake WorkbookHost of plain jest fns and a stub report.
import type { Finding, Lang, Report, WorkbookSnapshot } from '../../src/engine/types';
import type { WorkbookHost } from '../../src/excel';

export const SNAPSHOT: WorkbookSnapshot = {
  name: '武隆区项目申报.xlsx',
  sheets: [
    {
      name: '申报表',
      rows: [
        ['武隆区政务信息化项目申报表'],
        ['序号', '建设单位', '项目名称', '项目投资（万元）'],
        [1, '区大数据发展局', '智慧城管平台', 3200],
        [2, '区教育委员会', '教育云', 120],
      ],
      merges: [],
    },
    { name: '费用明细', rows: [['费用名称', '金额（万元）'], ['办公耗材', 2]], merges: [] },
  ],
};

function finding(lang: Lang, f: Omit<Finding, 'message' | 'params'> & { zh: string; en: string }): Finding {
  const { zh, en, ...rest } = f;
  return { ...rest, params: {}, message: lang === 'zh' ? zh : en };
}

/** A report as the engine would return it for SNAPSHOT, in either language. */
export function stubReport(lang: Lang, asOf = '2024-06-01'): Report {
  return {
    asOf,
    lang,
    profile: { id: 'wulong', regulation: '《武隆区政务信息化项目管理办法》', detected: true, reason: '工作簿名称含“武隆”' },
    notices: [
      { id: 'notice.generic', severity: 'info', message: lang === 'zh' ? '这是一条提示' : 'This is a notice', citation: null },
    ],
    sheets: [
      {
        name: '申报表',
        kind: 'declaration',
        headerRow: 2,
        columns: { seq: 'A', unit: 'B', projectName: 'C', investment: 'D' },
        dataRows: [3, 4],
        reason: '表头含 项目名称、项目投资',
        unmappedColumns: [],
        computedColumns: [],
      },
      {
        name: '费用明细',
        kind: 'expense',
        headerRow: 1,
        columns: { item: 'A', amount: 'B' },
        dataRows: [2],
        reason: '表头含 费用名称、金额',
        unmappedColumns: [],
        computedColumns: [],
      },
    ],
    findings: [
      // Deliberately out of reading order: the pane must order them.
      finding(lang, {
        sheet: '费用明细', row: 2, column: 'A', cell: 'A2', ruleId: 'eligibility.scope', category: 'eligibility',
        severity: 'error', messageId: 'x', citation: { profile: 'wulong', regulation: '《武隆区政务信息化项目管理办法》', article: '附件' },
        zh: '办公耗材不纳入政务信息化项目', en: 'Office consumables are not eligible',
      }),
      finding(lang, {
        sheet: '申报表', row: 3, column: 'D', cell: 'D3', ruleId: 'threshold.wulong', category: 'threshold',
        severity: 'info', messageId: 'y', citation: { profile: 'wulong', regulation: '《武隆区政务信息化项目管理办法》', article: '第九条' },
        zh: '3000万元以上须先编制可行性研究报告', en: 'At or above 30 million: feasibility study first',
      }),
      finding(lang, {
        sheet: '申报表', row: 4, column: 'B', cell: 'B4', ruleId: 'format.phone', category: 'format',
        severity: 'warning', messageId: 'z', citation: null,
        zh: '联系电话格式不对 <b>不是HTML</b>', en: 'Phone number looks wrong <b>not HTML</b>',
      }),
    ],
  };
}

export type FakeHost = { [K in keyof WorkbookHost]: jest.Mock };

export function fakeHost(over: Partial<Record<keyof WorkbookHost, jest.Mock>> = {}): FakeHost & WorkbookHost {
  const host = {
    readSnapshot: jest.fn(async () => SNAPSHOT),
    applyReport: jest.fn(async () => ({ marked: 3, computed: 0 })),
    clearMarks: jest.fn(async () => ({ restored: 3 })),
    selectCell: jest.fn(async () => undefined),
    loadSettings: jest.fn(async () => ({})),
    saveSettings: jest.fn(async () => undefined),
    watchChanges: jest.fn(async () => async () => undefined),
    capabilities: jest.fn(() => ({ notes: true, comments: true })),
    displayLanguage: jest.fn(() => 'zh-CN'),
    ...over,
  };
  return host as unknown as FakeHost & WorkbookHost;
}
