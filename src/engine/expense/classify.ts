// classifyExpense: one Aho–Corasick pass over the normalised text, priority rules over the concepts found, profile overlays, and a bounded cache.
import type { Citation, ProfileId, Severity } from '../types';
import { builtinRegistry } from '../packs/registry';
import { FOLD_SKIP, buildAutomaton } from './automaton';
import { UNIT_FOLD } from '../values/text';
import { CLASS_RULES, CONCEPTS, HEAD_TAILS, type Concept, type Groups } from './lexicon';
import { SCOPE_TABLE, type ExpenseClass, type ScopeEntry } from '../packs/expense-table';

export interface OverlayHit {
  id: string;
  citation: Citation;
  severity: Severity;
  /** Chinese, quoting the article. */
  reason: string;
  reasonEn: string;
}

export interface Classification {
  class: ExpenseClass;
  entry: ScopeEntry | null;
  /** The words of the (normalised) text that decided the class; '' when unknown. */
  matched: string;
  /** Overlays of the given profile only. */
  overlays: readonly OverlayHit[];
}

// ---- compile the lexicon once -------------------------------------------------------------------------------

const conceptNames = Object.keys(CONCEPTS) as Concept[];
const conceptIndex = new Map<Concept, number>(conceptNames.map((c, i) => [c, i]));
const N_CONCEPTS = conceptNames.length;

// A keyword may belong to several concepts (装修 is an office facility and a renovation verb).
const keywordConcepts = new Map<string, number[]>();
conceptNames.forEach((c, ci) => {
  for (const kw of CONCEPTS[c] as readonly string[]) {
    const list = keywordConcepts.get(kw);
    if (list) {
      if (!list.includes(ci)) list.push(ci);
    } else keywordConcepts.set(kw, [ci]);
  }
});
const keywords = [...keywordConcepts.keys()];
const kwConcepts = keywords.map((k) => Int32Array.from(keywordConcepts.get(k)!));

type CompiledGroups = Int32Array[];
const compileGroups = (g: Groups): CompiledGroups =>
  g.map((group) => Int32Array.from(group, (c) => conceptIndex.get(c)!));

const entryById = new Map(SCOPE_TABLE.map((e) => [e.id, e]));
const ruleEntries: (ScopeEntry | null)[] = CLASS_RULES.map((r) => {
  if (r.entry === null) return null;
  const e = entryById.get(r.entry);
  if (!e) throw new Error(`expense rule names unknown entry ${r.entry}`);
  return e;
});
const ruleGroups: CompiledGroups[] = CLASS_RULES.map((r) => compileGroups(r.all));
const ruleUnless: (Int32Array | null)[] = CLASS_RULES.map((r) =>
  r.unless === undefined ? null : Int32Array.from(r.unless, (c) => conceptIndex.get(c)!),
);
// For head-last rules, each concept's part: 1 in the first group (the modifier), 2 in the second (the head), 3 a
// tail that may follow the head, 0 anything else.
const ROLE_MODIFIER = 1;
const ROLE_HEAD = 2;
const ROLE_TAIL = 3;
const ruleRoles: (Uint8Array | null)[] = CLASS_RULES.map((r) => {
  if (r.headLast !== true) return null;
  const roles = new Uint8Array(N_CONCEPTS);
  for (const c of HEAD_TAILS) roles[conceptIndex.get(c)!] = ROLE_TAIL;
  for (const c of r.all[0]) roles[conceptIndex.get(c)!] = ROLE_MODIFIER;
  for (const c of r.all[1]) roles[conceptIndex.get(c)!] = ROLE_HEAD;
  return roles;
});
// 1 where a rule has an `unless` or is head-last: most rules hold on their groups alone.
const ruleHasMore = Uint8Array.from(CLASS_RULES, (_, r) => (ruleUnless[r] !== null || ruleRoles[r] !== null ? 1 : 0));
const ruleNamedAfter = Uint8Array.from(CLASS_RULES, (r) => (r.namedAfter === true ? 1 : 0));
// Rules are only tried when a concept of their first group is present.
const rulesByConcept: number[][] = conceptNames.map(() => []);
ruleGroups.forEach((groups, r) => {
  for (const c of groups[0]) rulesByConcept[c].push(r);
});

interface CompiledOverlay {
  hit: OverlayHit;
  notForSystems: boolean;
  /** Concepts of the first group of each condition set: without one of them the overlay cannot fire. */
  triggers: Int32Array;
  when: CompiledGroups[];
  unless: Int32Array;
}
const overlaysByProfile = new Map<string, CompiledOverlay[]>();
let compiled = 0;

/** A regulation's overlay as its pack gives it, with the citation and the reason (quoting the article) resolved. */
export interface OverlayInput {
  id: string;
  citation: Citation;
  severity: Severity;
  when: readonly (readonly string[])[][];
  unless?: readonly string[];
  notForSystems: boolean;
  reason: string;
  reasonEn: string;
}

/**
 * Compiles a regulation's overlays for the classifier and returns the key they go by: the regulation's id, or a fresh
 * key when that id was compiled before (a pack imported again, perhaps changed). Concepts must exist (the pack loader
 * checks them).
 */
export function compileOverlays(id: string, overlays: readonly OverlayInput[]): string {
  if (overlays.length > OVERLAY_BITS) throw new Error(`${id} has ${overlays.length} overlays; a verdict holds ${OVERLAY_BITS}`);
  const key = overlaysByProfile.has(id) ? `${id}#${++compiled}` : id;
  const list: CompiledOverlay[] = overlays.map((o) => {
    const when = o.when.map((g) => compileGroups(g as unknown as Groups));
    return {
      hit: Object.freeze({ id: o.id, citation: o.citation, severity: o.severity, reason: o.reason, reasonEn: o.reasonEn }),
      notForSystems: o.notForSystems,
      triggers: Int32Array.from(new Set(when.flatMap((g) => [...g[0]]))),
      when,
      unless: Int32Array.from(o.unless ?? [], (c) => conceptIndex.get(c as Concept)!),
    };
  });
  overlaysByProfile.set(key, list);
  return key;
}

let builtinsCompiled = false;
/**
 * The compiled overlays of a key. A shipped regulation's id also works before its profile was built (the profile
 * compiles them), so callers may classify for a shipped id directly.
 */
function overlaysOf(key: string): CompiledOverlay[] | undefined {
  const o = overlaysByProfile.get(key);
  if (o !== undefined || builtinsCompiled || key === '' || key === 'generic') return o;
  builtinsCompiled = true;
  const registry = builtinRegistry();
  for (const id of registry.ids()) registry.profile(id);
  return overlaysByProfile.get(key);
}

const SPACES = /\s+/g;

// ---- normalisation ------------------------------------------------------------------------------------------

/** NFKC, no whitespace, ASCII lower-case: the form keywords are written in. */
export function normaliseExpenseText(raw: string): string {
  // One look at the characters decides which steps are needed: NFKC leaves ASCII, CJK ideographs and CJK
  // punctuation (which no keyword contains) alone, and most item texts are nothing else.
  let nfkc = false;
  let space = false;
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20) space = true;
      else if (c >= 65 && c <= 90) upper = true;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      // ideograph: stable
    } else if (c >= 0x3001 && c <= 0x303f) {
      // CJK punctuation: stable for matching
    } else nfkc = true;
  }
  let s = nfkc ? raw.normalize('NFKC') : raw;
  if (space || nfkc) s = s.replace(SPACES, '');
  if (upper || nfkc) s = s.toLowerCase();
  return s;
}

// ---- the classifier ---------------------------------------------------------------------------------------

const NO_OVERLAYS: readonly OverlayHit[] = Object.freeze([]);
const UNKNOWN: Classification = Object.freeze({ class: 'unknown', entry: null, matched: '', overlays: NO_OVERLAYS });

/** classifyExpense without the matched words: what the scope rules read. */
export type ScopeVerdict = Pick<Classification, 'class' | 'entry' | 'overlays'>;
const UNKNOWN_VERDICT: ScopeVerdict = UNKNOWN;

/**
 * A verdict is packed in one number: the deciding rule (CLASS_RULES.length when none) above OVERLAY_BITS bits of
 * overlay mask (bit k: the profile's k-th overlay fires). Verdicts are few, so each is built once and shared.
 */
const OVERLAY_BITS = 10;
const OVERLAY_LIMIT = 1 << OVERLAY_BITS;
const packVerdict = (rule: number, mask: number): number => rule * OVERLAY_LIMIT + mask;
const verdictRule = (v: number): number => Math.floor(v / OVERLAY_LIMIT);
const verdictMask = (v: number): number => v % OVERLAY_LIMIT;
const NO_RULE = CLASS_RULES.length;

function overlayList(candidates: CompiledOverlay[] | undefined, mask: number): readonly OverlayHit[] {
  if (candidates === undefined || mask === 0) return NO_OVERLAYS;
  const found: OverlayHit[] = [];
  for (let k = 0; k < candidates.length; k++) if (mask & (1 << k)) found.push(candidates[k].hit);
  return Object.freeze(found);
}

// After NFKC and lower-casing (the slow path) every unit stands for itself, but white space (what \s matches, as
// normaliseExpenseText drops it) is dropped and parts words. The two fold markers' own units become U+FFFD.
const ANY_FOLD = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) ANY_FOLD[c] = c >= 0xfffe ? 0xfffd : c;
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) ANY_FOLD[c] = FOLD_SKIP;
for (let c = 0x2000; c <= 0x200a; c++) ANY_FOLD[c] = FOLD_SKIP;

/** UNIT_FOLD (what normalizeText does unit by unit) followed by normaliseExpenseText's lower-casing of A–Z. */
const CELL_FOLD = UNIT_FOLD.map((f) => (f >= 65 && f <= 90 ? f + 32 : f));

const automaton = buildAutomaton(keywords, CELL_FOLD);
const anyAutomaton = automaton.withFold(ANY_FOLD);

const MAX_HITS = 64;
// The folded text is kept in a buffer grown for a long text and kept up to KEPT_CODES units.
const KEPT_CODES = 65536;
const OPEN_PAREN = 0x28;

// Verdicts by profile key (the profile when it has overlays, else '') and packed verdict.
const verdicts = new Map<string, Map<number, ScopeVerdict>>();

/** Whether every group from the `from`-th on has a concept seen (stamped `stamp`: a classifier's current text). */
function groupsHold(groups: CompiledGroups, from: number, seenStamp: Int32Array, stamp: number): boolean {
  for (let g = from; g < groups.length; g++) {
    const group = groups[g];
    let ok = false;
    for (let i = 0; i < group.length && !ok; i++) ok = seenStamp[group[i]] === stamp;
    if (!ok) return false;
  }
  return true;
}

function anySeen(concepts: Int32Array, seenStamp: Int32Array, stamp: number): boolean {
  for (let i = 0; i < concepts.length; i++) if (seenStamp[concepts[i]] === stamp) return true;
  return false;
}

/**
 * Classifies one text at a time. It owns the scratch of a classification — the keyword hits, the folded text (never
 * made a string), the concepts seen — so that one allocates nothing but its result; a text's state is valid until the
 * next text. The module's functions share one instance (the engine classifies cell after cell).
 */
export class ExpenseClassifier {
  // keyword hits of the text, by position in the text; hitKeep 0 for a hit strictly inside a longer one
  private readonly hitKw = new Int32Array(MAX_HITS);
  private readonly hitStart = new Int32Array(MAX_HITS);
  private readonly hitEnd = new Int32Array(MAX_HITS);
  private readonly hitKeep = new Uint8Array(MAX_HITS);
  private hitCount = 0;
  // the text folded (normalised, white space dropped) as code units; hit positions index it
  private keptCodes = new Uint16Array(4096);
  private folded = this.keptCodes;
  private foldedLength = 0;
  // concepts seen in this text: seenStamp[c] === stamp, with the span of their words; seenList in order found
  private readonly seenStamp = new Int32Array(N_CONCEPTS);
  private readonly spanStart = new Int32Array(N_CONCEPTS);
  private readonly spanEnd = new Int32Array(N_CONCEPTS);
  private readonly seenList = new Int32Array(N_CONCEPTS);
  private seenCount = 0;
  private stamp = 0;
  // the concepts a namedAfter rule sets aside, to restore once the rest has decided
  private readonly asideList = new Int32Array(N_CONCEPTS);
  // rows of one sheet share a profile: its verdict map at hand
  private lastVerdictKey: string | null = null;
  private lastVerdicts: Map<number, ScopeVerdict> | undefined;

  /** The full classification of `raw` (always a string) for a profile with overlays, or 'generic'. */
  classify(raw: string, profile: ProfileId): Classification {
    this.scan(raw, true);
    this.collectConcepts();
    if (this.seenCount === 0) return UNKNOWN;
    const verdict = this.decide(profile);
    const overlays = overlayList(overlaysOf(profile), verdictMask(verdict));
    const rule = verdictRule(verdict);
    const entry = rule === NO_RULE ? null : ruleEntries[rule];
    if (entry === null) {
      return overlays === NO_OVERLAYS ? UNKNOWN : Object.freeze({ class: 'unknown', entry: null, matched: '', overlays });
    }
    return Object.freeze({ class: entry.class, entry, matched: this.matchedText(ruleGroups[rule]), overlays });
  }

  /** classifyScope: the NFKC path, the reference the cell path is held to. */
  scope(text: string, profile: ProfileId): ScopeVerdict {
    this.scan(text, false);
    return this.scopeVerdict(profile);
  }

  /** classifyScopeCell: unit by unit through CELL_FOLD where it can (nearly every cell); null when it folds to ''. */
  scopeCell(raw: string, profile: ProfileId): ScopeVerdict | null {
    // scan()'s fast path, written out: this runs for every name and description
    const n = raw.length <= this.keptCodes.length ? automaton.scanFolded(raw, this.keptCodes, this.hitKw, this.hitStart, this.hitEnd, MAX_HITS) : -1;
    if (n >= 0) {
      this.hitCount = n;
      this.folded = this.keptCodes;
      this.foldedLength = automaton.foldedLength;
    } else this.scan(raw, false);
    if (this.foldedLength === 0) return null;
    return this.scopeVerdict(profile);
  }

  /** The shared verdict for the text scanned. */
  private scopeVerdict(profile: ProfileId): ScopeVerdict {
    const key = overlaysOf(profile) !== undefined ? profile : '';
    this.collectConcepts();
    if (this.seenCount === 0) return UNKNOWN_VERDICT;
    const verdict = this.decide(key === '' ? 'generic' : profile);
    const rule = verdictRule(verdict);
    const mask = verdictMask(verdict);
    const entry = rule === NO_RULE ? null : ruleEntries[rule];
    if (entry === null && mask === 0) return UNKNOWN_VERDICT;
    let byProfile = key === this.lastVerdictKey ? this.lastVerdicts : verdicts.get(key);
    if (byProfile === undefined) verdicts.set(key, (byProfile = new Map()));
    this.lastVerdictKey = key;
    this.lastVerdicts = byProfile;
    let v = byProfile.get(verdict);
    if (v === undefined) {
      const overlays = overlayList(key === '' ? undefined : overlaysOf(key), mask);
      v = Object.freeze({ class: entry === null ? 'unknown' : entry.class, entry, overlays });
      byProfile.set(verdict, v);
    }
    return v;
  }

  /**
   * Scans `raw` into the hits and the folded text: unit by unit through CELL_FOLD where it can (`fast`, nearly every
   * cell), else NFKC and lower-casing first. Either way a dropped space still parts two Latin words.
   */
  private scan(raw: string, fast: boolean): void {
    if (fast && raw.length <= this.keptCodes.length) {
      const n = automaton.scanFolded(raw, this.keptCodes, this.hitKw, this.hitStart, this.hitEnd, MAX_HITS);
      if (n >= 0) {
        this.hitCount = n;
        this.folded = this.keptCodes;
        this.foldedLength = automaton.foldedLength;
        return;
      }
    }
    const s = raw.normalize('NFKC').toLowerCase();
    if (s.length > this.keptCodes.length) {
      this.folded = new Uint16Array(s.length);
      if (s.length <= KEPT_CODES) this.keptCodes = this.folded;
    } else this.folded = this.keptCodes;
    this.hitCount = anyAutomaton.scanFolded(s, this.folded, this.hitKw, this.hitStart, this.hitEnd, MAX_HITS);
    this.foldedLength = anyAutomaton.foldedLength;
  }

  private seen(c: number): boolean {
    return this.seenStamp[c] === this.stamp;
  }

  /** Collects the concepts the hits stand for, dropping hits strictly inside a longer one. */
  private collectConcepts(): void {
    let stamp = (this.stamp + 1) | 0;
    const seenStamp = this.seenStamp;
    if (stamp === 0) {
      seenStamp.fill(-1);
      stamp = 1;
    }
    this.stamp = stamp;
    const { hitStart, hitEnd, hitKw, hitKeep, spanStart, spanEnd, seenList } = this;
    const hitCount = this.hitCount;
    let seenCount = 0;
    for (let i = 0; i < hitCount; i++) {
      const s = hitStart[i];
      const e = hitEnd[i];
      let inside = false;
      for (let j = 0; j < hitCount && !inside; j++) {
        inside = j !== i && hitStart[j] <= s && hitEnd[j] >= e && hitEnd[j] - hitStart[j] > e - s;
      }
      hitKeep[i] = inside ? 0 : 1;
      if (inside) continue;
      const cs = kwConcepts[hitKw[i]];
      for (let j = 0; j < cs.length; j++) {
        const c = cs[j];
        if (seenStamp[c] !== stamp) {
          seenStamp[c] = stamp;
          spanStart[c] = s;
          spanEnd[c] = e;
          seenList[seenCount++] = c;
        } else if (s <= spanEnd[c] && e >= spanStart[c]) {
          // touching or overlapping words of one concept read as one phrase: 笔记本 + 电脑 → 笔记本电脑
          if (s < spanStart[c]) spanStart[c] = s;
          if (e > spanEnd[c]) spanEnd[c] = e;
        }
      }
    }
    this.seenCount = seenCount;
  }

  /**
   * For a head-last rule: whether the last word of the text is one of its heads — looking only before a parenthesis
   * (which qualifies the item rather than naming it) and past words that are only tails.
   */
  private headIsLast(roles: Uint8Array): boolean {
    const folded = this.folded;
    const foldedLength = this.foldedLength;
    let cut = foldedLength;
    for (let i = 1; i < foldedLength; i++) {
      if (folded[i] === OPEN_PAREN) {
        cut = i;
        break;
      }
    }
    for (let h = this.hitCount - 1; h >= 0; h--) {
      if (this.hitKeep[h] === 0 || this.hitStart[h] >= cut) continue;
      const cs = kwConcepts[this.hitKw[h]];
      let tail = true;
      for (let j = 0; j < cs.length; j++) {
        const role = roles[cs[j]];
        if (role === ROLE_HEAD) return true;
        if (role !== ROLE_TAIL) tail = false;
      }
      if (!tail) return false;
    }
    return false;
  }

  /** The first class rule that holds for the concepts present (seen). */
  private firstRule(): number {
    const { seenStamp, stamp, seenList } = this;
    let best = NO_RULE;
    for (let i = 0; i < this.seenCount; i++) {
      const c = seenList[i];
      if (seenStamp[c] !== stamp) continue; // set aside by a namedAfter rule
      const rules = rulesByConcept[c];
      for (let j = 0; j < rules.length; j++) {
        const r = rules[j];
        if (r >= best) break; // rule lists are ascending
        // listed under a concept of its first group, which is present
        if (!groupsHold(ruleGroups[r], 1, seenStamp, stamp)) continue;
        if (ruleHasMore[r] === 1) {
          const unless = ruleUnless[r];
          if (unless !== null && anySeen(unless, seenStamp, stamp)) continue;
          const roles = ruleRoles[r];
          if (roles !== null && !this.headIsLast(roles)) continue;
        }
        best = r;
      }
    }
    return best;
  }

  /** The packed verdict for the concepts collectConcepts() found: the first class rule that holds, the overlays that fire. */
  private decide(profile: ProfileId): number {
    let best = this.firstRule();
    let namedSystem = false;
    if (best < NO_RULE && ruleNamedAfter[best] === 1) {
      // a system named after a cost: the cost words name the system, not the item; the rest of the text decides
      namedSystem = true;
      const modifiers = ruleGroups[best][0];
      let aside = 0;
      for (let i = 0; i < modifiers.length; i++) {
        const c = modifiers[i];
        if (this.seen(c)) {
          this.seenStamp[c] = (this.stamp - 1) | 0;
          this.asideList[aside++] = c;
        }
      }
      best = this.firstRule();
      for (let i = 0; i < aside; i++) this.seenStamp[this.asideList[i]] = this.stamp;
    }
    let mask = 0;
    const candidates = overlaysOf(profile);
    if (candidates) {
      for (let k = 0; k < candidates.length; k++) {
        const o = candidates[k];
        if (namedSystem && o.notForSystems) continue;
        let triggered = false;
        for (let i = 0; i < o.triggers.length && !triggered; i++) triggered = this.seen(o.triggers[i]);
        if (!triggered) continue;
        if (anySeen(o.unless, this.seenStamp, this.stamp)) continue;
        let fires = false;
        for (let i = 0; i < o.when.length && !fires; i++) fires = groupsHold(o.when[i], 0, this.seenStamp, this.stamp);
        if (fires) mask |= 1 << k;
      }
    }
    return packVerdict(best, mask);
  }

  /** The folded text between two positions. */
  private foldedText(from: number, to: number): string {
    return String.fromCharCode.apply(null, this.folded.subarray(from, to) as unknown as number[]);
  }

  /** The text of the deciding concepts, in text order; touching spans join (平板 + 电脑), gaps show as …. */
  private matchedText(groups: CompiledGroups): string {
    const { spanStart, spanEnd } = this;
    if (groups.length === 1) {
      // the usual case: one concept decided it
      const group = groups[0];
      let only = -1;
      for (let i = 0; i < group.length; i++) {
        if (this.seen(group[i])) {
          if (only >= 0) {
            only = -2;
            break;
          }
          only = group[i];
        }
      }
      if (only >= 0) return this.foldedText(spanStart[only], spanEnd[only]);
    }
    const starts: number[] = [];
    const ends: number[] = [];
    for (const group of groups) {
      for (let i = 0; i < group.length; i++) {
        const c = group[i];
        if (this.seen(c)) {
          starts.push(spanStart[c]);
          ends.push(spanEnd[c]);
        }
      }
    }
    if (starts.length === 1) return this.foldedText(starts[0], ends[0]);
    const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a]);
    let out = '';
    let curS = -1;
    let curE = -1;
    for (const i of order) {
      if (curS >= 0 && starts[i] <= curE) {
        if (ends[i] > curE) curE = ends[i];
        continue;
      }
      if (curS >= 0) out += (out ? '…' : '') + this.foldedText(curS, curE);
      curS = starts[i];
      curE = ends[i];
    }
    return out + (out ? '…' : '') + this.foldedText(curS, curE);
  }
}

const classifier = new ExpenseClassifier();

/**
 * The class, entry and overlays classifyExpense would give, without its cache: for texts that rarely repeat
 * (project names and descriptions), where the cache only costs. Always takes the NFKC path, which makes it the
 * reference classifyScopeCell is held to. Allocates nothing once its verdicts are built, but the NFKC string.
 */
export function classifyScope(text: string, profile: ProfileId): ScopeVerdict {
  return classifier.scope(text, profile);
}

/**
 * classifyScope(raw) for a cell's string, or null when its normalised text (normalizeText) is empty — without
 * building a normalised string when CELL_FOLD can fold the cell unit by unit (nearly every cell).
 */
export function classifyScopeCell(raw: string, profile: ProfileId): ScopeVerdict | null {
  return classifier.scopeCell(raw, profile);
}

function asString(v: unknown): string {
  if (v == null) return '';
  try {
    return String(v);
  } catch {
    return '';
  }
}

// Ledgers repeat the same few items, so results are cached per profile. Two generations keep the cache bounded
// without per-entry bookkeeping: when the young one is full it becomes the old one and the previous old one goes.
const CACHE_LIMIT = 4096;
const CACHEABLE_LENGTH = 200;

class TwoGenerationCache {
  private young = new Map<string, Classification>();
  private old = new Map<string, Classification>();

  get(key: string): Classification | undefined {
    const y = this.young.get(key);
    if (y !== undefined) return y;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: Classification): void {
    if (this.young.size >= CACHE_LIMIT) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

const caches = new Map<string, TwoGenerationCache>();

/**
 * Classifies an expense text against the Wulong expense-scope table, adding the overlays of `profile`
 * (its overlay key). Never throws; results are frozen and may be shared between calls.
 */
export function classifyExpense(text: string, profile: ProfileId): Classification {
  const raw = typeof text === 'string' ? text : asString(text);
  // Profiles without overlays share one cache: their results are identical.
  const key = overlaysOf(profile) !== undefined ? profile : '';
  let cache = caches.get(key);
  if (!cache) {
    cache = new TwoGenerationCache();
    caches.set(key, cache);
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const result = classifier.classify(raw, key === '' ? 'generic' : profile);
  if (raw.length <= CACHEABLE_LENGTH) cache.set(raw, result);
  return result;
}
