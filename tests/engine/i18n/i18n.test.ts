// Messages: interpolation, the t() catalogue over rule and engine messages, English reports.
import { formatMessage, messageKeys, t } from '../../../src/engine/i18n';
import { RULES } from '../../../src/engine/rules/registry';
import { declaration, declarationRow } from '../rules/harness';

describe('formatMessage', () => {
  test.each([
    ['{a}和{b}', { a: 1, b: 'x' }, '1和x'],
    ['no placeholders', { a: 1 }, 'no placeholders'],
    ['{missing} stays', {}, '{missing} stays'],
    ['{a}{a}', { a: 0 }, '00'],
  ])('%s', (tpl, params, out) => {
    expect(formatMessage(tpl, params)).toBe(out);
  });
});

describe('t', () => {
  test('rule messages by ruleId:messageId, in both languages, with bilingual params', () => {
    const params = { field: { zh: '联系电话', en: 'Telephone' }, value: '123' };
    expect(t('zh', 'format/phone:invalid', params)).toContain('联系电话“123”');
    expect(t('en', 'format/phone:invalid', params)).toContain('Telephone "123"');
  });

  test('engine messages by id', () => {
    expect(t('en', 'profile/generic')).toMatch(/No regulation/);
  });

  test('unknown keys come back as the key', () => {
    expect(t('zh', 'no/such:key')).toBe('no/such:key');
  });

  test('the catalogue holds every rule message', () => {
    const keys = new Set(messageKeys());
    for (const r of RULES) for (const id of Object.keys(r.messages)) expect(keys.has(`${r.id}:${id}`)).toBe(true);
  });
});

describe('report language', () => {
  const rows = [declarationRow({ 联系电话: '139123', 建设年度: '2026年01月至2026年12月' })];
  test('zh by default, en on request — same findings, params in the language', () => {
    const zh = declaration(rows, 'wuhan');
    const en = declaration(rows, 'wuhan', { lang: 'en' });
    expect(zh.lang).toBe('zh');
    expect(en.lang).toBe('en');
    expect(en.findings.map((f) => f.ruleId)).toEqual(zh.findings.map((f) => f.ruleId));
    expect(zh.findings[0].message).toContain('联系电话');
    expect(en.findings[0].message).toMatch(/^Telephone "139123" is not a valid phone number: it has only 6 digits/);
    expect(en.findings[0].params.field).toBe('Telephone');
  });
});
