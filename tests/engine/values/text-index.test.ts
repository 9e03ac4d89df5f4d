import { EMPTY, FIRST, FirstRowIndex, hashNormalized } from '../../../src/engine/values/text-index';
import { normalizeText } from '../../../src/engine/values/text';

function fnv(t: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return h;
}

// Characters from every class hashNormalized treats differently: fast-path ones, dropped ones, shifted ones and
// ones that send it through normalizeText (compatibility forms, Latin-1, surrogates, combining marks).
const ALPHABET = ['项', '目', '建', '设', 'a', 'Z', '1', '(', '（', '）', 'Ａ', '１', ' ', '\t', '\n', '　', '\u00a0', '、', '。', '·', '①', 'ﬁ', 'é', 'e\u0301', '😀', '㎡', '－'];

function randomText(seed: number): string {
  let x = seed * 2654435761;
  let s = '';
  const n = seed % 13;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + i) >>> 0;
    s += ALPHABET[x % ALPHABET.length];
  }
  return s;
}

describe('hashNormalized', () => {
  test('equals FNV-1a of normalizeText for 5,000 mixed texts', () => {
    for (let seed = 0; seed < 5000; seed++) {
      const s = randomText(seed);
      expect([s, hashNormalized(s)]).toEqual([s, fnv(normalizeText(s))]);
    }
  });

  test.each([
    ['叶集区政务云平台（2027-1）', '叶集区政务云平台(2027-1)'],
    ['智慧 校园\n平台', '智慧校园平台'],
    ['ＡＢＣ　１２３', 'ABC123'],
    ['①期工程', '1期工程'],
  ])('%j hashes like %j', (a, b) => {
    expect(hashNormalized(a)).toBe(hashNormalized(b));
  });
});

describe('FirstRowIndex', () => {
  test('returns the first row of a repeated normalised text, FIRST for new texts and EMPTY for blank ones', () => {
    const idx = new FirstRowIndex();
    expect(idx.firstOf('数据共享交换平台（一期）', 5)).toBe(FIRST);
    expect(idx.firstOf('数据共享交换平台(一期)', 9)).toBe(5);
    expect(idx.firstOf('数据共享 交换平台（一期）', 12)).toBe(5);
    expect(idx.firstOf('数据共享交换平台（二期）', 13)).toBe(FIRST);
    expect(idx.firstOf(' \u3000\n', 14)).toBe(EMPTY);
    expect(idx.firstOf('①', 15)).toBe(FIRST);
    expect(idx.firstOf('1', 16)).toBe(15);
  });

  test('keeps every text through growth: 50,000 distinct names, then each again', () => {
    const idx = new FirstRowIndex();
    for (let i = 0; i < 50_000; i++) expect(idx.firstOf(`项目${i}`, i + 5)).toBe(FIRST);
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) if (idx.firstOf(`项目${i}`, 0) !== i + 5) wrong++;
    expect(wrong).toBe(0);
  });

  test('texts whose hashes collide stay distinct', () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    let x = 12345;
    for (let i = 0; pair === null && i < 1_000_000; i++) {
      let s = '';
      for (let k = 0; k < 4; k++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += String.fromCharCode(0x4e00 + (x >>> 12) % 20000);
      }
      const h = hashNormalized(s);
      const other = byHash.get(h);
      if (other !== undefined && other !== s) pair = [other, s];
      else byHash.set(h, s);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    expect(hashNormalized(a)).toBe(hashNormalized(b));
    const idx = new FirstRowIndex();
    expect(idx.firstOf(a, 1)).toBe(FIRST);
    expect(idx.firstOf(b, 2)).toBe(FIRST);
    expect(idx.firstOf(b, 3)).toBe(2);
    expect(idx.firstOf(a, 4)).toBe(1);
  });
});
