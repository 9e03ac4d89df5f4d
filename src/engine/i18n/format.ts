// Message interpolation: `{name}` placeholders filled from params; bilingual params resolved to one language.
import type { Lang } from '../types';
import type { Message, Params } from '../rules/api';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown placeholder stays as written so a missing param is visible, not silent. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (params === undefined || template.indexOf('{') < 0) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Params with bilingual values reduced to the report's language. */
export function resolveParams(params: Params | undefined, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (params === undefined) return out;
  for (const k in params) {
    const v = params[k];
    out[k] = typeof v === 'object' ? v[lang] : v;
  }
  return out;
}

export function pick(m: Message, lang: Lang): string {
  return m[lang];
}
