// Computed-column headers: one per ComputedKey, zh ending with the marker recognition skips, all distinct.
import { DEADLINE_HEADERS } from '../../../src/engine/deadlines';
import { COMPUTED_HEADER_MARKER } from '../../../src/engine/types';
import type { ComputedKey } from '../../../src/engine/types';

// Every member of the ComputedKey union (the Record type makes a missing one a type error in the source).
const KEYS: ComputedKey[] = [
  'approvalPath',
  'expenseScope',
  'declarationDue',
  'nextProgressReportDue',
  'annualPerformanceReportDue',
  'acceptanceDue',
  'acceptanceApplicationDue',
  'selfEvaluationFrom',
  'selfEvaluationDue',
  'standardPublicationDue',
  'freeMaintenanceUntil',
];

describe('DEADLINE_HEADERS', () => {
  test('exactly the computed keys', () => {
    expect(Object.keys(DEADLINE_HEADERS).sort()).toEqual([...KEYS].sort());
  });

  test.each(KEYS)('%s: zh ends with （自动）, en with (auto)', (key) => {
    const h = DEADLINE_HEADERS[key];
    expect(h.zh.endsWith(COMPUTED_HEADER_MARKER)).toBe(true);
    expect(h.zh.length).toBeGreaterThan(COMPUTED_HEADER_MARKER.length);
    expect(h.en).toMatch(/^\S.* \(auto\)$/);
  });

  test.each<[ComputedKey, string, string]>([
    ['acceptanceDue', '验收截止（自动）', 'Acceptance due (auto)'],
    ['approvalPath', '审批/管理路径（自动）', 'Approval path (auto)'],
    ['expenseScope', '经费口径（自动）', 'Expense scope (auto)'],
    ['freeMaintenanceUntil', '免费运维期至（不少于）（自动）', 'Free maintenance until, at least (auto)'],
  ])('%s → %s / %s', (key, zh, en) => {
    expect(DEADLINE_HEADERS[key]).toEqual({ zh, en });
  });

  test('headers are distinct in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const texts = KEYS.map((k) => DEADLINE_HEADERS[k][lang]);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});
