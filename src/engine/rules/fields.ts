// Field keys as a dense index (for per-row caches without per-cell objects); labels and field lists come from the vocabulary.
import type { FieldKey } from '../types';
import { FIELDS, FIELD_KEYS as VOCAB_KEYS, fieldsOfKind } from '../vocabulary';

export const FIELD_LABELS: Readonly<Record<FieldKey, { zh: string; en: string }>> = Object.fromEntries(
  VOCAB_KEYS.map((k) => [k, { zh: FIELDS[k].zh, en: FIELDS[k].en }]),
) as Record<FieldKey, { zh: string; en: string }>;

export const FIELD_KEYS: readonly FieldKey[] = VOCAB_KEYS;
export const FIELD_COUNT = FIELD_KEYS.length;

// Keyed by string this lookup is a dictionary probe, run some 85 times per row; rules on hot paths pass the field's
// number (F.projectName) instead, which needs no lookup at all.
const INDEX = {} as Record<FieldKey, number>;
FIELD_KEYS.forEach((k, i) => {
  INDEX[k] = i;
});

/** A field's dense index as a branded number, so it cannot be mixed up with other numbers. */
export type FieldId = number & { readonly __fieldId: true };
/** A field as rules name it: its key, or its id from F. */
export type FieldRef = FieldKey | FieldId;

/** Field ids by key: F.projectName is the id of 'projectName'. */
export const F: { readonly [K in FieldKey]: FieldId } = Object.freeze(Object.fromEntries(FIELD_KEYS.map((k, i) => [k, i])) as { [K in FieldKey]: FieldId });

/** Dense index of a field (0 … FIELD_COUNT-1). */
export function fieldIndex(f: FieldRef): number {
  return typeof f === 'number' ? f : INDEX[f];
}

/** The key of a field given either way. */
export function fieldKey(f: FieldRef): FieldKey {
  return typeof f === 'number' ? FIELD_KEYS[f] : f;
}

/** Money columns (万元 unless the header says 元): parsed with parseAmount and summed by the totals-row rule. */
export const AMOUNT_FIELDS: readonly FieldKey[] = fieldsOfKind('money');

/** Columns the totals row sums (unitPrice is a price, not an additive amount). */
export const SUMMED_FIELDS: readonly FieldKey[] = AMOUNT_FIELDS.filter((f) => f !== 'unitPrice');

export const DATE_FIELDS: readonly FieldKey[] = fieldsOfKind('date');
