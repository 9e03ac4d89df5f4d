// The deadline result sink: each kind of deadline (duty, duty with a proof, recurring, informational) gets its status from its event.
import { DeadlineBuffer, computeDeadlines, computeDeadlinesInto } from '../../../src/engine/deadlines';
import type { DeadlineInputs, DeadlineSpec } from '../../../src/engine/deadlines';
import { getProfile } from '../../../src/engine/profiles';
import type { ComputedKey } from '../../../src/engine/types';
import { dayFromIso } from '../../../src/engine/values/date';

const d = dayFromIso;
const ASOF = d('2026-05-20');
const DUE = d('2026-06-30');
const PAST = d('2026-03-31');

function sink(): DeadlineBuffer {
  const b = new DeadlineBuffer();
  b.begin(ASOF);
  return b;
}
/** The first spec of a key in a shipped regulation's pack: results take their key and citation from it. */
const spec = (key: ComputedKey, profile = 'wulong'): DeadlineSpec => getProfile(profile).deadlines.find((x) => x.key === key)!;
const brief = (r: { status: string; late?: boolean; eventField?: string; provisional: boolean }) => [r.status, r.late, r.eventField, r.provisional];

describe('ResultSink', () => {
  test('a duty is done on its event’s date (late when after the day), else by date; a date after asOf is a plan', () => {
    const b = sink();
    expect(brief(b.duty(spec('acceptanceDue'), PAST, [], 'acceptanceDate', d('2026-03-01')))).toEqual(['done', false, 'acceptanceDate', false]);
    expect(brief(b.duty(spec('acceptanceDue'), PAST, [], 'acceptanceDate', d('2026-04-02')))).toEqual(['done', true, 'acceptanceDate', false]);
    expect(brief(b.duty(spec('acceptanceDue'), PAST, [], 'acceptanceDate', undefined))).toEqual(['overdue', undefined, 'acceptanceDate', false]);
    expect(brief(b.duty(spec('acceptanceDue'), DUE, [], 'acceptanceDate', d('2026-06-01')))).toEqual(['pending', undefined, 'acceptanceDate', false]);
    expect(brief(b.duty(spec('acceptanceDue'), d('2026-06-10'), [], 'acceptanceDate', undefined))).toEqual(['due-soon', undefined, 'acceptanceDate', false]);
  });

  test('a proof shows the duty done, and timely only when it falls on or before the day', () => {
    const b = sink();
    const proven = (proof: number | undefined, event?: number) =>
      brief(b.dutyOrProof(spec('acceptanceDue'), PAST, [], 'acceptanceApplicationDate', event, 'acceptanceDate', proof));
    expect(proven(d('2026-03-01'))).toEqual(['done', false, 'acceptanceDate', false]);
    expect(proven(d('2026-04-15'))).toEqual(['done', undefined, 'acceptanceDate', false]);
    expect(proven(d('2026-04-15'), d('2026-03-01'))).toEqual(['done', false, 'acceptanceApplicationDate', false]);
    expect(proven(d('2026-09-01'))).toEqual(['overdue', undefined, 'acceptanceApplicationDate', false]);
  });

  test('recurring duties go by date and carry provisional; informational dates are never overdue', () => {
    const b = sink();
    expect(brief(b.recurring(spec('acceptanceDue'), PAST, [], true))).toEqual(['overdue', undefined, undefined, true]);
    expect(brief(b.informational(spec('selfEvaluationFrom'), PAST, []))).toEqual(['pending', undefined, undefined, false]);
    // Recorded: done, never late (a date to know is no deadline), early when recorded before the date.
    const early = b.informational(spec('selfEvaluationFrom'), PAST, [], 'selfEvaluationDate', d('2026-01-01'));
    expect([...brief(early), early.early]).toEqual(['done', undefined, 'selfEvaluationDate', false, true]);
    const inWindow = b.informational(spec('selfEvaluationFrom'), PAST, [], 'selfEvaluationDate', d('2026-04-01'));
    expect([...brief(inWindow), inWindow.early]).toEqual(['done', undefined, 'selfEvaluationDate', false, false]);
  });

  test('results cite their spec’s article, and a buffer reuses its objects record after record', () => {
    const b = sink();
    const first = b.duty(spec('acceptanceDue'), PAST, [], 'acceptanceDate', undefined);
    expect(first.citation.article).toBe('第二十八条');
    expect(b.out).toEqual([first]);
    b.begin(ASOF);
    const again = b.duty(spec('acceptanceDue', 'wuhan'), PAST, [], 'acceptanceDate', undefined);
    expect(again).toBe(first);
    expect([b.out.length, again.citation.article]).toEqual([1, '第二十一条']);
  });

  test('computeDeadlinesInto gives what computeDeadlines gives', () => {
    const inputs: DeadlineInputs = { completionDate: d('2025-06-01'), acceptanceDate: d('2026-01-10'), operationDate: d('2026-01-20'), startDate: d('2024-03-01') };
    const b = new DeadlineBuffer();
    for (const p of ['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'] as const) {
      expect(computeDeadlinesInto(b, getProfile(p), inputs, ASOF, 'progress-table').map((r) => ({ ...r }))).toEqual(computeDeadlines(p, inputs, ASOF, 'progress-table'));
    }
  });
});
