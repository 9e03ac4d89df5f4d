// checkAsync gives exactly check()'s report, gives the event loop turns between slices, reports progress and can be cancelled.
import { check } from '../../src/engine';
import { checkAsync } from '../../src/engine/chunked';
import type { CheckOptions, WorkbookSnapshot } from '../../src/engine/types';
import { declarationSnapshot, progressSnapshot } from '../../src/bench/inputs';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const AS_OF = '2026-06-01';

/** Several sheets of several kinds (declaration, ledger, a form, an unrecognised sheet) in one workbook. */
function mixedWorkbook(): WorkbookSnapshot {
  const form: WorkbookSnapshot['sheets'][number] = {
    name: '进度情况表',
    rows: [
      ['附件2'],
      ['六安市叶集区政务信息化项目进度情况表'],
      ['项目建设单位名称（盖章）', '叶集区数据资源管理局', null, '负责人', '张伟'],
      [null, '填报日期', 46127, '传真', '0564-6612346'],
      ['联系人', '李娜', null, '电话', '0564-6612345'],
      ['手机', '13905641234', null, 'E-MAIL', 'lina@yejiqu.gov.cn'],
      ['项目名称', '叶集区政务云平台扩容项目'],
      ['主要内容', '扩容区政务云计算、存储和网络资源。'],
      ['建设单位', '叶集区数据资源管理局'],
      ['建设进度', '已完成设备采购，正在部署调试。'],
      ['总投资（万元）', 300],
      ['已投资（万元）', 320],
    ],
    merges: [{ top: 2, left: 0, bottom: 3, right: 0 }],
  };
  return {
    name: 'mixed.xlsx',
    sheets: [
      declarationSnapshot(700, 3).sheets[0]!,
      { ...progressSnapshot(900, 4).sheets[0]!, name: '台账' },
      form,
      { name: '说明', rows: [['填表说明'], ['金额单位为万元。']], merges: [] },
    ],
  };
}

const CASES: [string, () => WorkbookSnapshot, CheckOptions][] = [
  ['declaration, auto profile', () => declarationSnapshot(2500, 1), { asOf: AS_OF, profile: 'auto' }],
  ['ledger, English', () => progressSnapshot(2500, 2), { asOf: AS_OF, profile: 'auto', lang: 'en' }],
  ['mixed workbook, wuhan', mixedWorkbook, { asOf: AS_OF, profile: 'wuhan' }],
  ['mixed workbook, override header row', mixedWorkbook, { asOf: '2025-01-15', profile: 'yeji', overrides: { 台账: { kind: 'progress-table', headerRow: 3 } } }],
  ['empty workbook', () => ({ sheets: [] }), { asOf: AS_OF }],
];

describe('checkAsync', () => {
  test('the mixed workbook covers every kind of sheet', () => {
    expect(check(mixedWorkbook(), { asOf: AS_OF }).sheets.map((s) => s.kind)).toEqual(['declaration', 'progress-table', 'progress-form', 'unknown']);
  });

  test.each(CASES)('%s: the report is identical to check()', async (_name, make, options) => {
    const snapshot = make();
    const expected = check(snapshot, options);
    // Smallest chunks and no time budget: a yield after every 7 rows, the hardest case for identical output.
    const fine = await checkAsync(snapshot, options, { sliceMs: 0, chunkRows: 7 });
    expect(fine).toEqual(expected);
    const coarse = await checkAsync(snapshot, options);
    expect(coarse).toEqual(expected);
  });

  test.each([0, -5, NaN, 1.5, Infinity])('chunkRows %p still checks every row', async (chunkRows) => {
    const snapshot = declarationSnapshot(300, 10);
    expect(await checkAsync(snapshot, { asOf: AS_OF }, { sliceMs: 0, chunkRows })).toEqual(check(snapshot, { asOf: AS_OF }));
  });

  test('yields to the event loop between slices and reports monotonic progress up to the total', async () => {
    const snapshot = declarationSnapshot(3000, 5);
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    const seen: [number, number][] = [];
    let timerSeenDuringRun = false;
    await checkAsync(snapshot, { asOf: AS_OF }, {
      sliceMs: 0,
      chunkRows: 100,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (seen.length > 2 && timerRan) timerSeenDuringRun = true;
      },
    });
    // A timer queued before the check ran while it was still going: the check awaited macrotasks, not just microtasks.
    expect(timerSeenDuringRun).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(30);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen[seen.length - 1]).toEqual([3000, 3000]);
    expect(seen.every(([, total]) => total === 3000)).toBe(true);
  });

  test('a check shorter than one slice reports only completion', async () => {
    const seen: [number, number][] = [];
    await checkAsync(declarationSnapshot(20, 6), { asOf: AS_OF }, { sliceMs: 60_000, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[20, 20]]);
  });

  test('aborting stops the run at the next slice with an AbortError', async () => {
    const ac = new AbortController();
    let calls = 0;
    let callsAfterAbort = 0;
    const run = checkAsync(declarationSnapshot(3000, 7), { asOf: AS_OF }, {
      sliceMs: 0,
      chunkRows: 50,
      signal: ac.signal,
      onProgress: () => {
        calls++;
        if (ac.signal.aborted) callsAfterAbort++;
        if (calls === 3) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(3);
    expect(callsAfterAbort).toBe(0);
  });

  test('an already aborted signal rejects before any work', async () => {
    const ac = new AbortController();
    ac.abort();
    const onProgress = jest.fn();
    await expect(checkAsync(declarationSnapshot(100, 8), { asOf: AS_OF }, { signal: ac.signal, onProgress })).rejects.toMatchObject({ name: 'AbortError' });
    expect(onProgress).not.toHaveBeenCalled();
  });

  test('a second run after a cancelled one gives the full, identical report', async () => {
    const snapshot = declarationSnapshot(1500, 9);
    const ac = new AbortController();
    const first = checkAsync(snapshot, { asOf: AS_OF }, { sliceMs: 0, chunkRows: 100, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(await checkAsync(snapshot, { asOf: AS_OF }, { sliceMs: 0, chunkRows: 100 })).toEqual(check(snapshot, { asOf: AS_OF }));
  });
});
