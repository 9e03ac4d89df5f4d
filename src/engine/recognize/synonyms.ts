// What header and form labels each field key answers to, and the matcher that picks the most specific one.
import type { FieldKey } from '../types';
import { FIELDS, FIELD_KEYS, type Wording, type WordingSpec } from '../vocabulary';
import { meaningOf } from './meaning';
import { normalizeHeader } from './normalize';

export type SynonymSpec = WordingSpec;
export type Synonym = Wording;

/** Every wording recognised for every field, from the vocabulary. */
export const FIELD_SYNONYMS: Readonly<Record<FieldKey, readonly Synonym[]>> = Object.fromEntries(
  FIELD_KEYS.map((k) => [k, FIELDS[k].wordings]),
) as Record<FieldKey, readonly Synonym[]>;

const UNIT_LABEL = /[（(][^（）()]*[）)]$|\s*\((?:10k )?yuan\)$/;

/** Short display names for reasons: the vocabulary's labels without their unit. */
export const FIELD_LABELS: Readonly<Record<FieldKey, { zh: string; en: string }>> = Object.fromEntries(
  FIELD_KEYS.map((k) => [k, { zh: FIELDS[k].zh.replace(UNIT_LABEL, ''), en: FIELDS[k].en.replace(UNIT_LABEL, '').toLowerCase() }]),
) as Record<FieldKey, { zh: string; en: string }>;

/**
 * On the 附件2 form the same words mean something else than in a table: 建设单位 is the builder there,
 * the unit being 项目建设单位名称（盖章）. These win over FIELD_SYNONYMS for form labels.
 */
export const FORM_LABEL_OVERRIDES: Readonly<Record<string, FieldKey>> = {
  建设单位: 'builder',
  承建单位: 'builder',
  项目建设单位名称: 'unit',
  项目建设单位: 'unit',
  建设单位名称: 'unit',
  总投资: 'totalInvestment',
  项目总投资: 'totalInvestment',
  已投资: 'invested',
  主要内容: 'content',
  建设内容: 'content',
  主要建设内容: 'content',
};

// Compiled once: parallel arrays keep the per-label loop allocation-free.
const SYN_TEXT: string[] = [];
const SYN_FIELD: FieldKey[] = [];
const SYN_EXACT: boolean[] = [];
const SYN_CONTEXT: (RegExp | undefined)[] = [];
for (const field of Object.keys(FIELD_SYNONYMS) as FieldKey[]) {
  for (const s of FIELD_SYNONYMS[field]) {
    const spec: SynonymSpec = typeof s === 'string' ? { text: s } : s;
    SYN_TEXT.push(normalizeHeader(spec.text));
    SYN_FIELD.push(field);
    SYN_EXACT.push(spec.exact === true);
    SYN_CONTEXT.push(spec.context);
  }
}
const SYN_COUNT = SYN_TEXT.length;
const EXACT_INDEX = new Map<string, number>();
for (let i = 0; i < SYN_COUNT; i++) if (!SYN_CONTEXT[i] && !EXACT_INDEX.has(SYN_TEXT[i])) EXACT_INDEX.set(SYN_TEXT[i], i);

/** Shorter wordings are one keystroke from too many others (单位 and 单价). */
const MIN_TYPO_LEN = 3;
// Exact wordings by length, for the one-typo look-up.
const BY_LENGTH = new Map<number, number[]>();
for (let i = 0; i < SYN_COUNT; i++) {
  if (SYN_CONTEXT[i] || SYN_TEXT[i].length < MIN_TYPO_LEN || /[a-z]/.test(SYN_TEXT[i])) continue;
  const list = BY_LENGTH.get(SYN_TEXT[i].length);
  if (list) list.push(i);
  else BY_LENGTH.set(SYN_TEXT[i].length, [i]);
}

/**
 * The field of the one wording this label differs from in exactly one character, but not its first or a digit
 * (项日名称 is 项目名称; 施工日期 is as near 开工日期 as 完工日期, so it is none); null when none or several fields.
 */
function oneTypoAway(label: string): FieldKey | null {
  const list = BY_LENGTH.get(label.length);
  if (!list) return null;
  let found: FieldKey | null = null;
  for (const i of list) {
    const t = SYN_TEXT[i];
    let diff = -1;
    for (let c = 0; c < t.length; c++) {
      if (t.charCodeAt(c) === label.charCodeAt(c)) continue;
      if (diff >= 0) {
        diff = -2;
        break;
      }
      diff = c;
    }
    if (diff <= 0 || /[0-9a-z]/.test(label[diff])) continue;
    if (found !== null && found !== SYN_FIELD[i]) return null;
    found = SYN_FIELD[i];
  }
  return found;
}

export interface LabelMatch {
  field: FieldKey;
  /** Higher is more certain: whole-label matches beat contained ones, longer and label-final synonyms beat others. */
  score: number;
  exact: boolean;
}

/** Scores for an exact match; contained matches score below it. */
export const EXACT_SCORE = 1000;
/** A label read by meaning: below an exact wording, above any contained one. */
const MEANING_SCORE = 500;
/** A wording with one character mistyped (项日名称, 负贵人): below an exact one, above a reading by meaning. */
const TYPO_SCORE = 700;

const LABEL_WITH_VALUE = /:./;

/**
 * Fields a base label (normalised, brackets removed) may mean, best first. A synonym contained in a longer
 * matching synonym is dropped (总投资 inside 调整后总投资), so a column is never offered the less specific field.
 * `context` is the label with its group header, for context-bound synonyms.
 */
export function matchLabel(base: string, context?: string, group = ''): LabelMatch[] {
  const out: LabelMatch[] = [];
  if (base.length === 0) return out;
  const ctx = context ?? base;
  const whole = EXACT_INDEX.get(base);
  if (whole !== undefined) {
    out.push({ field: SYN_FIELD[whole], score: EXACT_SCORE + base.length, exact: true });
    return out;
  }
  // a label with a head word is read by meaning; wordings contained in it would only guess (完成投资额 holds 投资额)
  const meant = LABEL_WITH_VALUE.test(base) ? null : meaningOf(base, group);
  if (meant && meant.kind !== null && meant.field !== null) {
    out.push({ field: meant.field, score: MEANING_SCORE + meant.subject.length, exact: false });
    return out;
  }
  // 合同金额 is one keystroke from 合计金额: what meaning rules out, a typo does not bring back
  if (meant?.kind && meant.blocked) return out;
  const typo = oneTypoAway(base);
  if (typo !== null) {
    out.push({ field: typo, score: TYPO_SCORE + base.length, exact: false });
    return out;
  }
  if (meant && meant.kind !== null) return out;
  let hits: number[] | null = null;
  for (let i = 0; i < SYN_COUNT; i++) {
    const t = SYN_TEXT[i];
    if (t.length > base.length) continue;
    const ctxRe = SYN_CONTEXT[i];
    if (ctxRe) {
      if ((base === t || (!SYN_EXACT[i] && base.includes(t))) && ctxRe.test(ctx)) {
        (hits ??= []).push(i);
      }
      continue;
    }
    if (SYN_EXACT[i] || !base.includes(t)) continue;
    (hits ??= []).push(i);
  }
  if (!hits) return out;
  for (const i of hits) {
    const t = SYN_TEXT[i];
    let shadowed = false;
    for (const j of hits) {
      const u = SYN_TEXT[j];
      if (u.length > t.length && u.includes(t)) {
        shadowed = true;
        break;
      }
    }
    if (shadowed) continue;
    // Chinese labels put the head noun last (联系人电话 is a phone number), so a label-final synonym gets a bonus.
    const score = t === base ? EXACT_SCORE + t.length : t.length * 2 + (base.endsWith(t) ? 3 : 0);
    const prev = out.find((m) => m.field === SYN_FIELD[i]);
    if (prev) {
      if (score > prev.score) prev.score = score;
    } else out.push({ field: SYN_FIELD[i], score, exact: t === base });
  }
  out.sort((a, b) => b.score - a.score);
  return out;
}
