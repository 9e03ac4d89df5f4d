// The deadline result sink: each kind of deadline (duty, duty with a proof, recurring, informational) gets its status from its event.
import { DeadlineBuffer, computeDeadlines, computeDeadlinesInto } from '../../../src/engine/deadlines';
import type { DeadlineInputs } from '../../../src/engine/deadlines';
import { dayFromIso } from '../../../src/engine/values/date';

const d = dayFromIso;
const ASOF = d('2026-05-20');
const DUE = d('2026-06-30');
const PAST = d('2026-03-31');

function sink(): DeadlineBuffer {
  const b = new DeadlineBuffer();
  b.begin('wulong', ASOF);
  return b;
}
const brief = (r: { status: string; late?: boolean; eventField?: string; provisional: boolean }) => [r.status, r.late, r.eventField, r.provisional];

describe('ResultSink', () => {
  test('a duty is done on its event’s date (late when after the day), else by date; a date after asOf is a plan', () => {
    const b = sink();
    expect(brief(b.duty('acceptanceDue', PAST, [], 'acceptanceDate', d('2026-03-01')))).toEqual(['done', false, 'acceptanceDate', false]);
    expect(brief(b.duty('acceptanceDue', PAST, [], 'acceptanceDate', d('2026-04-02')))).toEqual(['done', true, 'acceptanceDate', false]);
    expect(brief(b.duty('acceptanceDue', PAST, [], 'acceptanceDate', undefined))).toEqual(['overdue', undefined, 'acceptanceDate', false]);
    expect(brief(b.duty('acceptanceDue', DUE, [], 'acceptanceDate', d('2026-06-01')))).toEqual(['pending', undefined, 'acceptanceDate', false]);
    expect(brief(b.duty('acceptanceDue', d('2026-06-10'), [], 'acceptanceDate', undefined))).toEqual(['due-soon', undefined, 'acceptanceDate', false]);
  });

  test('a proof shows the duty done, and timely only when it falls on or before the day', () => {
    const b = sink();
    const proven = (proof: number | undefined, event?: number) =>
      brief(b.dutyOrProof('acceptanceDue', PAST, [], 'acceptanceApplicationDate', event, 'acceptanceDate', proof));
    expect(proven(d('2026-03-01'))).toEqual(['done', false, 'acceptanceDate', false]);
    expect(proven(d('2026-04-15'))).toEqual(['done', undefined, 'acceptanceDate', false]);
    expect(proven(d('2026-04-15'), d('2026-03-01'))).toEqual(['done', false, 'acceptanceApplicationDate', false]);
    expect(proven(d('2026-09-01'))).toEqual(['overdue', undefined, 'acceptanceApplicationDate', false]);
  });

  test('recurring duties go by date and carry provisional; informational dates are never overdue', () => {
    const b = sink();
    expect(brief(b.recurring('acceptanceDue', PAST, [], true))).toEqual(['overdue', undefined, undefined, true]);
    expect(brief(b.informational('selfEvaluationFrom', PAST, []))).toEqual(['pending', undefined, undefined, false]);
    expect(brief(b.informational('selfEvaluationFrom', PAST, [], 'selfEvaluationDate', d('2026-01-01')))).toEqual(['done', false, 'selfEvaluationDate', false]);
  });

  test('results cite the profile begin() named, and a buffer reuses its objects record after record', () => {
    const b = sink();
    const first = b.duty('acceptanceDue', PAST, [], 'acceptanceDate', undefined);
    expect(first.citation.article).toBe('第二十八条');
    expect(b.out).toEqual([first]);
    b.begin('wuhan', ASOF);
    const again = b.duty('acceptanceDue', PAST, [], 'acceptanceDate', undefined);
    expect(again).toBe(first);
    expect([b.out.length, again.citation.article]).toEqual([1, '第二十一条']);
  });

  test('computeDeadlinesInto gives what computeDeadlines gives', () => {
    const inputs: DeadlineInputs = { completionDate: d('2025-06-01'), acceptanceDate: d('2026-01-10'), operationDate: d('2026-01-20'), startDate: d('2024-03-01') };
    const b = new DeadlineBuffer();
    for (const p of ['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'] as const) {
      expect(computeDeadlinesInto(b, p, inputs, ASOF, 'progress-table').map((r) => ({ ...r }))).toEqual(computeDeadlines(p, inputs, ASOF, 'progress-table'));
    }
  });
});
