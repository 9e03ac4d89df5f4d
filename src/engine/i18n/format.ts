// Message interpolation: `{name}` placeholders filled from params; bilingual params resolved to one language.
import type { Lang } from '../types';
import type { Message, ParamValue, Params } from '../rules/api';

const PLACEHOLDER = /\{(\w+)\}/g;

// Templates split once into literal, name, literal, … (odd slots are placeholder names): a finding's message is
// then a few concatenations instead of a regex replace with a callback. Bounded: templates are the rules' own.
const COMPILED = new Map<string, string[]>();
const COMPILED_LIMIT = 1024;

function compile(template: string): string[] {
  let parts = COMPILED.get(template);
  if (parts !== undefined) return parts;
  parts = [];
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACEHOLDER.exec(template)) !== null) {
    parts.push(template.slice(last, m.index), m[1]);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  if (COMPILED.size >= COMPILED_LIMIT) COMPILED.clear();
  COMPILED.set(template, parts);
  return parts;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD value as Chinese text writes it (2026年5月20日); anything else unchanged. */
export function zhDateText(v: string): string {
  const m = ISO_DATE.exec(v);
  return m === null ? v : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Fills `{name}` placeholders; an unknown placeholder stays as written so a missing param is visible, not silent.
 * In a Chinese message a date param reads 2026年5月20日, never an ISO date inside the sentence.
 */
export function formatMessage(template: string, params?: Record<string, string | number>, lang?: Lang): string {
  if (params === undefined || template.indexOf('{') < 0) return template;
  const parts = compile(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const v = params[name];
    const text = v === undefined ? '{' + name + '}' : String(v);
    out += (lang === 'zh' && typeof v === 'string' ? zhDateText(text) : text) + parts[i + 1];
  }
  return out;
}

/** Params with bilingual values reduced to the report's language. */
export function resolveParams(params: Params | undefined, lang: Lang): Record<string, string | number> {
  if (params === undefined) return {};
  // A spread copies the rule's literal in one step (same shape); only bilingual values are then replaced, in place.
  const out: Record<string, ParamValue> = { ...params };
  for (const k in out) {
    const v = out[k];
    if (typeof v === 'object') out[k] = v[lang];
  }
  return out as Record<string, string | number>;
}

export function pick(m: Message, lang: Lang): string {
  return m[lang];
}
