import { cellText, isBlankText, normalizeText, trimText } from '../../../src/engine/values/text';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

describe('normalizeText', () => {
  test.each([
    ['１２０', '120'],
    ['（万元）', '(万元)'],
    ['项目\n投资\r\n（万元）', '项目投资(万元)'],
    ['建设\t年度', '建设年度'],
    ['　建设单位　', '建设单位'],
    ['ＡＢＣ　ｄｅｆ', 'ABCdef'],
    ['1 200.5', '1200.5'],
    ['already-plain', 'already-plain'],
    ['', ''],
    ['\u00a0x\u00a0', 'x'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('cellText', () => {
  test.each([
    ['  text  ', 'text'],
    [1200.5, '1200.5'],
    [0, '0'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [{ error: '#REF!' }, '#REF!'],
    [null, ''],
  ])('%j → %j', (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });
});

describe('isBlankText and trimText agree with String.prototype.trim', () => {
  const UNITS = [' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u200a', 'a', '项', '（', '、', 'Ａ', '-', '·', 'é'];
  test.each(['', ' ', '　项目　', '项目', ' a ', '\ufeff', 'a\u00a0', '\u3000'])('%j', (s) => {
    expect(isBlankText(s)).toBe(s.trim() === '');
    expect(trimText(s)).toBe(s.trim());
  });
  test('on 5,000 strings of mixed units', () => {
    let x = 3;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      for (let i = 0; i < k % 6; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        s += UNITS[(x >>> 16) % UNITS.length];
      }
      expect([s, isBlankText(s), trimText(s)]).toEqual([s, s.trim() === '', s.trim()]);
    }
  });
});
