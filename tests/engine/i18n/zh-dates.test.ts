// Chinese messages write dates as Chinese text does (2026年5月20日), English ones keep YYYY-MM-DD; one word for the date used: 基准日期.
import { formatMessage, zhDateText } from '../../../src/engine/i18n/format';
import { ENGINE_MESSAGES } from '../../../src/engine/i18n/messages';

test('a date param inside a Chinese sentence is written 年月日; other params and English are left alone', () => {
  expect(zhDateText('2026-05-20')).toBe('2026年5月20日');
  expect(zhDateText('2026-5-20')).toBe('2026-5-20');
  expect(formatMessage('截至{asOf}，{n}个', { asOf: '2026-05-20', n: 3 }, 'zh')).toBe('截至2026年5月20日，3个');
  expect(formatMessage('as of {asOf}', { asOf: '2026-05-20' }, 'en')).toBe('as of 2026-05-20');
  expect(formatMessage('截至{asOf}', { asOf: '2026-05-20' })).toBe('截至2026-05-20');
});

test('the engine messages call the date 基准日期 (never 参考日期 or 基准日)', () => {
  for (const m of Object.values(ENGINE_MESSAGES)) {
    expect(m.zh).not.toMatch(/参考日期|基准日(?!期)/);
    expect(m.en).not.toMatch(/as-of date|as of date/i);
  }
});
