// The regulation menu of the pane and the web page: the registry's regulations plus the packs imported into a workbook.
import { builtinRegistry } from '../engine/packs/registry';
import { loadPack } from '../engine/packs/load';
import type { RegulationPack } from '../engine/packs/types';
import { RULES } from '../engine/rules/registry';
import type { Lang, ProfileId } from '../engine/types';

/** The menu: auto, the shipped regulations, then the packs imported into this workbook (all from the registry). */
export function profileChoices(packs: readonly RegulationPack[]): (ProfileId | 'auto')[] {
  return ['auto', ...builtinRegistry().ids(), ...packs.map((p) => p.id)];
}
/** A regulation's place name in the pane's language (generic: no place found). */
export function regulationName(id: ProfileId, packs: readonly RegulationPack[], lang: Lang, generic: string): string {
  if (id === 'generic') return generic;
  const r = builtinRegistry().regulation(id) ?? packs.find((p) => p.id === id);
  return r === undefined ? id : r.name[lang];
}
export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
/** Packs from the workbook's settings that still validate (a hand-edited or older one may not); shipped ids dropped. */
export function usablePacks(list: unknown[]): RegulationPack[] {
  const shipped = builtinRegistry().ids();
  const out: RegulationPack[] = [];
  for (const item of list) {
    try {
      const pack = loadPack(item, 'settings', { known: [...shipped, ...out.map((p) => p.id)], ruleIds: RULE_IDS });
      if (!shipped.includes(pack.id) && !out.some((p) => p.id === pack.id)) out.push(pack);
    } catch {
      // dropped
    }
  }
  return out;
}
