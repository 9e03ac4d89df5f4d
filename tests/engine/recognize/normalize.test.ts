// Label normalisation: line breaks, spaces, bracket widths, stars and colons must not change what a label means.
import { baseLabel, isComputedHeader, normalizeHeader, unitOf } from '../../../src/engine/recognize/normalize';

describe('normalizeHeader', () => {
  test.each([
    ['建设\n年度', '建设年度'],
    ['项目\n投资\n（万元）', '项目投资(万元)'],
    ['项目投资(万元)', '项目投资(万元)'],
    ['联系\r\n电话', '联系电话'],
    ['传  真', '传真'],
    ['手\u3000机', '手机'],
    [' E-MAIL ', 'e-mail'],
    ['Ｅ－ＭＡＩＬ', 'e-mail'],
    ['*项目名称', '项目名称'],
    ['项目名称：', '项目名称'],
    ['金额【万元】', '金额(万元)'],
    ['〔备注〕', '(备注)'],
    ['', ''],
    ['  \n ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('baseLabel drops bracketed parts', () => {
  test.each([
    ['项目建设单位名称(盖章)', '项目建设单位名称'],
    ['总投资(万元)', '总投资'],
    ['备注', '备注'],
    ['(万元)', '(万元)'],
  ])('%j → %j', (norm, expected) => {
    expect(baseLabel(norm)).toBe(expected);
  });
});

describe('unitOf', () => {
  test.each([
    ['金额(万元)', '万元'],
    ['单价(元)', '元'],
    ['单价/元', '元'],
    ['金额(单位:万元)', '万元'],
    ['金额(人民币元)', '元'],
    ['金额', undefined],
    ['建设单元', undefined],
    ['项目名称', undefined],
  ])('%j → %j', (norm, expected) => {
    expect(unitOf(norm)).toBe(expected);
  });
});

describe('isComputedHeader', () => {
  test.each([
    [normalizeHeader('验收截止（自动）'), true],
    [normalizeHeader('验收截止(自动)'), true],
    [normalizeHeader('验收截止 （ 自动 ）'), true],
    [normalizeHeader('自动化系统'), false],
    [normalizeHeader('验收截止'), false],
  ])('%j → %j', (norm, expected) => {
    expect(isComputedHeader(norm)).toBe(expected);
  });
});
