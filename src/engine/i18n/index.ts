// Translation helpers for the engine and the UI: rule messages by 'ruleId:messageId', engine notices by id.
import type { Lang } from '../types';
import type { Message, Params } from '../rules/api';
import { RULES } from '../rules/registry';
import { ENGINE_MESSAGES } from './messages';
import { formatMessage, resolveParams } from './format';

export { formatMessage, resolveParams } from './format';
export { ENGINE_MESSAGES } from './messages';
export type { EngineMessageId } from './messages';

let catalogue: Map<string, Message> | null = null;

function build(): Map<string, Message> {
  const m = new Map<string, Message>();
  for (const [id, msg] of Object.entries(ENGINE_MESSAGES)) m.set(id, msg);
  for (const rule of RULES) {
    for (const [id, msg] of Object.entries(rule.messages)) m.set(`${rule.id}:${id}`, msg);
  }
  return m;
}

/** The message for `key` ('ruleId:messageId' or an engine message id) in `lang`; the key itself when unknown. */
export function t(lang: Lang, key: string, params?: Params): string {
  if (catalogue === null) catalogue = build();
  const m = catalogue.get(key);
  if (m === undefined) return key;
  return formatMessage(m[lang], resolveParams(params, lang), lang);
}

/** Every message key known to t() (for completeness tests and documentation). */
export function messageKeys(): string[] {
  if (catalogue === null) catalogue = build();
  return [...catalogue.keys()];
}
