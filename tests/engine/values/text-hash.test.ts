import { NormalizedHasher, hashNormalized } from '../../../src/engine/values/text-hash';
import { normalizeText } from '../../../src/engine/values/text';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

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
  test('equals FNV-1a of normalizeText for 5,000 mixed texts, and the hasher tells the normalised length', () => {
    const hasher = new NormalizedHasher();
    for (let seed = 0; seed < 5000; seed++) {
      const s = randomText(seed);
      expect([s, hasher.hash(s), hasher.length, hashNormalized(s)]).toEqual([s, fnv(normalizeText(s)), normalizeText(s).length, fnv(normalizeText(s))]);
    }
  });

  test('each hasher keeps its own length: hashing with another one in between changes nothing', () => {
    const a = new NormalizedHasher();
    const b = new NormalizedHasher();
    a.hash('  ');
    b.hash('项目名称');
    hashNormalized('ＡＢＣ');
    expect([a.length, b.length]).toEqual([0, 4]);
    a.hash('é');
    expect([a.length, b.length]).toEqual([normalizeText('é').length, 4]);
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
