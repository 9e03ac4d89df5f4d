// The Aho–Corasick scanner finds exactly the occurrences a naive search finds.
import fc from 'fast-check';
import { FOLD_BAIL, FOLD_SKIP, buildAutomaton } from '../../../src/engine/expense/automaton';

const isLatin = (c: string) => /[a-z]/i.test(c);

function naive(keywords: string[], text: string): string[] {
  const found: string[] = [];
  keywords.forEach((kw, k) => {
    for (let i = text.indexOf(kw); i >= 0; i = text.indexOf(kw, i + 1)) {
      const end = i + kw.length;
      if (isLatin(kw[0]) && i > 0 && isLatin(text[i - 1])) continue;
      if (isLatin(kw[kw.length - 1]) && end < text.length && isLatin(text[end])) continue;
      found.push(`${k}@${i}-${end}`);
    }
  });
  return found.sort();
}

function scanAll(keywords: string[], text: string): string[] {
  const a = buildAutomaton(keywords);
  const kw = new Int32Array(1000);
  const st = new Int32Array(1000);
  const en = new Int32Array(1000);
  const n = a.scan(text, kw, st, en, 1000);
  return Array.from({ length: n }, (_, i) => `${kw[i]}@${st[i]}-${en[i]}`).sort();
}

describe('buildAutomaton', () => {
  test.each([
    [['摄像', '摄像头', '像头'], '监控摄像头', ['0@2-4', '1@2-5', '2@3-5']],
    [['he', 'she', 'his', 'hers'], 'ushers', []], // Latin keywords glued to letters do not count
    [['he', 'she', 'his', 'hers'], 'u she rs', ['1@2-5']],
    [['数据', '数据采集', '采集终端', '数据采集终端'], '数据采集终端', ['0@0-2', '1@0-4', '2@2-6', '3@0-6']],
    [['aa'], '啊aa啊aa', ['0@1-3', '0@4-6']],
    [['电脑'], '', []],
  ])('%j in %s', (keywords, text, expected) => {
    expect(scanAll(keywords, text)).toEqual(expected);
  });

  test('stops at the given maximum', () => {
    const a = buildAutomaton(['a', '摄']);
    const kw = new Int32Array(3);
    expect(a.scan('摄摄摄摄摄', kw, new Int32Array(3), new Int32Array(3), 3)).toBe(3);
  });

  test('scanFolded needs a fold table', () => {
    expect(() => buildAutomaton(['a']).scanFolded('a', new Uint16Array(1), new Int32Array(1), new Int32Array(1), new Int32Array(1), 1)).toThrow();
  });

  test('rejects an empty keyword', () => {
    expect(() => buildAutomaton(['a', ''])).toThrow();
  });

  test('agrees with a naive search', () => {
    const alphabet = fc.constantFrom('摄', '像', '头', '数', '据', 'a', 'b', 'A', '1', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }), (kws, t) => {
        const text = t.join('');
        expect(scanAll(kws, text)).toEqual(naive(kws, text));
      }),
      { numRuns: 500 },
    );
  });

  test('scanFolded finds what scan finds over the folded text, stops at the maximum and bails where told', () => {
    // A fold that drops spaces, lower-cases A and bails on #.
    const fold = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) fold[c] = c;
    fold[0x20] = FOLD_SKIP;
    fold[0x41] = 0x61;
    fold[0x23] = FOLD_BAIL;
    const alphabet = fc.constantFrom('摄', '像', '头', '数', '据', 'a', 'b', 'A', '1', ' ', '#');
    const word = fc.array(fc.constantFrom('摄', '像', '头', '数', '据', 'a', 'b', '1'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }), fc.nat(6), (kws, t, max) => {
        const text = t.join('');
        const a = buildAutomaton(kws, fold);
        const codes = new Uint16Array(text.length);
        const got = [new Int32Array(8), new Int32Array(8), new Int32Array(8)] as const;
        const want = [new Int32Array(8), new Int32Array(8), new Int32Array(8)] as const;
        const n = a.scanFolded(text, codes, got[0], got[1], got[2], max);
        if (text.includes('#')) {
          expect(n).toBe(-1);
          return;
        }
        const folded = text.replace(/ /g, '').replace(/A/g, 'a');
        expect(a.foldedLength).toBe(folded.length);
        expect(String.fromCharCode(...codes.subarray(0, folded.length))).toBe(folded);
        expect(n).toBe(a.scan(folded, want[0], want[1], want[2], max));
        for (const k of [0, 1, 2]) expect(Array.from(got[k].subarray(0, n))).toEqual(Array.from(want[k].subarray(0, n)));
      }),
      { numRuns: 1000 },
    );
  });
});
