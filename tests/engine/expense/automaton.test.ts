// The Aho–Corasick scanner finds exactly the occurrences a naive search finds.
import fc from 'fast-check';
import { FOLD_BAIL, FOLD_SKIP, buildAutomaton } from '../../../src/engine/expense/automaton';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

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

  test('scanFolded: a dropped unit parts Latin words, so a keyword counts beside it but not inside a word', () => {
    const fold = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
    fold[0x20] = FOLD_SKIP;
    const a = buildAutomaton(['pc', 'office', 'rfid', 'oa'], fold);
    const found = (text: string) => {
      const kw = new Int32Array(8);
      const n = a.scanFolded(text, new Uint16Array(text.length), kw, new Int32Array(8), new Int32Array(8), 8);
      return Array.from(kw.subarray(0, n));
    };
    expect(found('Dell PC')).toEqual([0]);
    expect(found('DellPC')).toEqual([]);
    expect(found('Microsoft Office 2021')).toEqual([1]);
    expect(found('MicrosoftOffice')).toEqual([]);
    expect(found('RFID reader')).toEqual([2]);
    expect(found('RFIDreader')).toEqual([]);
    expect(found('r f i d')).toEqual([2]); // spaced letters are words of one letter each
    expect(found('go at')).toEqual([]); // o|a straddles a space but o is glued to g
    expect(found('PCB')).toEqual([]);
  });

  test('scanFolded agrees with a naive search of the folded text that treats dropped units as word breaks', () => {
    const fold = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) fold[c] = c;
    fold[0x20] = FOLD_SKIP;
    fold[0x41] = 0x61;
    const alphabet = fc.constantFrom('摄', '像', 'a', 'b', 'A', '1', ' ', ' ');
    const word = fc.array(fc.constantFrom('摄', '像', 'a', 'b', '1'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 30 }), (kws, t) => {
        const text = t.join('');
        let folded = '';
        const breakAt = new Set<number>();
        for (const ch of text) {
          if (ch === ' ') breakAt.add(folded.length);
          else folded += ch === 'A' ? 'a' : ch;
        }
        const want: string[] = [];
        kws.forEach((kw, k) => {
          for (let i = folded.indexOf(kw); i >= 0; i = folded.indexOf(kw, i + 1)) {
            const end = i + kw.length;
            if (isLatin(kw[0]) && i > 0 && isLatin(folded[i - 1]) && !breakAt.has(i)) continue;
            if (isLatin(kw[kw.length - 1]) && end < folded.length && isLatin(folded[end]) && !breakAt.has(end)) continue;
            want.push(`${k}@${i}-${end}`);
          }
        });
        const a = buildAutomaton(kws, fold);
        const got = [new Int32Array(200), new Int32Array(200), new Int32Array(200)] as const;
        const n = a.scanFolded(text, new Uint16Array(text.length), got[0], got[1], got[2], 200);
        expect(Array.from({ length: n }, (_, i) => `${got[0][i]}@${got[1][i]}-${got[2][i]}`).sort()).toEqual(want.sort());
      }),
      { numRuns: 500 },
    );
  });

  test('withFold shares the keywords under another fold table', () => {
    const a = buildAutomaton(['ab'], new Uint16Array(65536).fill(FOLD_BAIL));
    const id = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) id[c] = c;
    const kw = new Int32Array(2);
    expect(a.scanFolded('ab', new Uint16Array(2), kw, new Int32Array(2), new Int32Array(2), 2)).toBe(-1);
    expect(a.withFold(id).scanFolded('ab', new Uint16Array(2), kw, new Int32Array(2), new Int32Array(2), 2)).toBe(1);
  });

  test('scanFolded finds what scan finds over the folded text (no Latin letters parted by a dropped unit), stops at the maximum and bails where told', () => {
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
        // where a dropped unit parts two Latin letters scanFolded sees a word break that scan() of the folded text cannot
        const text = t.join('').replace(/(?<=[abA]) +(?=[abA])/g, '');
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
