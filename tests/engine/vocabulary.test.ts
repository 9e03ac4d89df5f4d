// The one vocabulary: every part that names fields reads it, so the lists cannot drift apart again.
import { FIELD_LABELS as RECOGNITION_LABELS, FIELD_SYNONYMS } from '../../src/engine/recognize';
import { AMOUNT_FIELDS, DATE_FIELDS, FIELD_KEYS as RULE_KEYS, FIELD_LABELS } from '../../src/engine/rules/fields';
import { FIELDS, FIELD_KEYS, fieldsOfKind } from '../../src/engine/vocabulary';

test('every field has labels, a kind, the sheets it belongs to and wordings', () => {
  for (const k of FIELD_KEYS) {
    const f = FIELDS[k];
    expect([k, f.zh.length > 0, f.en.length > 0, f.sheets.length > 0, f.wordings.length > 0]).toEqual([k, true, true, true, true]);
  }
});

test('the rules, recognition and messages read their fields from it', () => {
  expect(RULE_KEYS).toEqual(FIELD_KEYS);
  expect(AMOUNT_FIELDS).toEqual(fieldsOfKind('money'));
  expect(DATE_FIELDS).toEqual(fieldsOfKind('date'));
  for (const k of FIELD_KEYS) {
    expect(FIELD_LABELS[k]).toEqual({ zh: FIELDS[k].zh, en: FIELDS[k].en });
    expect(FIELD_SYNONYMS[k]).toBe(FIELDS[k].wordings);
    // recognition's reasons name the field without its unit
    expect(FIELDS[k].zh.startsWith(RECOGNITION_LABELS[k].zh)).toBe(true);
  }
  expect(RECOGNITION_LABELS.investment).toEqual({ zh: '项目投资', en: 'project investment' });
});

test('money fields are the ones whose header may print a unit, dates the ones deadlines read', () => {
  expect(fieldsOfKind('money')).toEqual(expect.arrayContaining(['investment', 'totalInvestment', 'invested', 'amount', 'unitPrice']));
  expect(fieldsOfKind('date')).toEqual(expect.arrayContaining(['operationDate', 'acceptanceDate', 'reportDate']));
  expect(fieldsOfKind('date')).not.toContain('period');
});
