import { cellText, normalizeText } from '../../../src/engine/values/text';

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
