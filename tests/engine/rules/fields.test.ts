import { F, FIELD_COUNT, FIELD_KEYS, FIELD_LABELS, fieldIndex, fieldKey } from '../../../src/engine/rules/fields';

describe('field ids', () => {
  test('F gives every key its dense index, and a field given either way resolves to the same index and key', () => {
    expect(Object.keys(F)).toEqual(FIELD_KEYS);
    FIELD_KEYS.forEach((k, i) => {
      expect(F[k]).toBe(i);
      expect(fieldIndex(k)).toBe(i);
      expect(fieldIndex(F[k])).toBe(i);
      expect(fieldKey(F[k])).toBe(k);
      expect(fieldKey(k)).toBe(k);
    });
    expect(FIELD_COUNT).toBe(Object.keys(FIELD_LABELS).length);
  });

  test('F cannot be changed', () => {
    expect(Object.isFrozen(F)).toBe(true);
  });
});
