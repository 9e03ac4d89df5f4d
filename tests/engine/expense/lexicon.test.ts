// The lexicon is consistent: keywords in normalised form, every rule names a table entry, no concept is dead.
import { CLASS_RULES, CONCEPTS, type Concept } from '../../../src/engine/expense/lexicon';
import { builtinRegistry } from '../../../src/engine/packs/registry';
import type { RegulationPack } from '../../../src/engine/packs/types';
import { normaliseExpenseText } from '../../../src/engine/expense/classify';
import { SCOPE_TABLE } from '../../../src/engine/expense';

const concepts = Object.keys(CONCEPTS) as Concept[];
// The overlays of the shipped packs: regulations name the lexicon's concepts there.
const PACKS: readonly RegulationPack[] = builtinRegistry().packs;
const OVERLAYS = PACKS.flatMap((p) => p.overlays ?? []);

describe('lexicon', () => {
  test.each(concepts)('%s: keywords are normalised, non-empty and distinct', (c) => {
    const kws = CONCEPTS[c] as readonly string[];
    expect(kws.length).toBeGreaterThan(0);
    expect(new Set(kws).size).toBe(kws.length);
    for (const k of kws) expect(normaliseExpenseText(k)).toBe(k);
  });

  test('every rule names a table entry or none (the table has no row), and every entry can be reached', () => {
    const ids = new Set(SCOPE_TABLE.map((e) => e.id));
    for (const r of CLASS_RULES) if (r.entry !== null) expect(ids).toContain(r.entry);
    expect(new Set(CLASS_RULES.flatMap((r) => (r.entry === null ? [] : [r.entry])))).toEqual(ids);
  });

  test('head-last rules have a modifier group and a head group', () => {
    for (const r of CLASS_RULES) if (r.headLast) expect(r.all.length).toBeGreaterThanOrEqual(2);
  });

  test('every concept is used by a rule or an overlay (neutral only swallows)', () => {
    const used = new Set<string>(['neutral']);
    for (const r of CLASS_RULES) [...r.all.flat(), ...(r.unless ?? [])].forEach((c) => used.add(c));
    for (const o of OVERLAYS) {
      o.when.flat(2).forEach((c) => used.add(c));
      (o.unless ?? []).forEach((c) => used.add(c));
    }
    expect(concepts.filter((c) => !used.has(c))).toEqual([]);
  });

  test('overlay ids are unique across the shipped packs and start with their pack’s id', () => {
    const ids = PACKS.flatMap((p) => (p.overlays ?? []).map((o) => o.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PACKS) for (const o of p.overlays ?? []) expect(o.id.startsWith(`${p.id}-`)).toBe(true);
  });
});
