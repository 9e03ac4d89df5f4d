// classifyExpense: one Aho–Corasick pass over the normalised text, priority rules over the concepts found, profile overlays, and a bounded cache.
import type { Citation, ProfileId, Severity } from '../types';
import { cite } from '../regulations';
import { buildAutomaton } from './automaton';
import { UNIT_FOLD, normalizeText } from '../values/text';
import { CLASS_RULES, CONCEPTS, OVERLAY_RULES, type Concept, type Groups } from './lexicon';
import { WULONG_SCOPE_TABLE, type ExpenseClass, type ScopeEntry } from './table';

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

const entryById = new Map(WULONG_SCOPE_TABLE.map((e) => [e.id, e]));
const ruleEntries: ScopeEntry[] = CLASS_RULES.map((r) => {
  const e = entryById.get(r.entry);
  if (!e) throw new Error(`expense rule names unknown entry ${r.entry}`);
  return e;
});
const ruleGroups: CompiledGroups[] = CLASS_RULES.map((r) => compileGroups(r.all));
// Rules are only tried when a concept of their first group is present.
const rulesByConcept: number[][] = conceptNames.map(() => []);
ruleGroups.forEach((groups, r) => {
  for (const c of groups[0]) rulesByConcept[c].push(r);
});

interface CompiledOverlay {
  hit: OverlayHit;
  /** Concepts of the first group of each condition set: without one of them the overlay cannot fire. */
  triggers: Int32Array;
  when: CompiledGroups[];
  unless: Int32Array;
}
const overlaysByProfile = new Map<ProfileId, CompiledOverlay[]>();
for (const o of OVERLAY_RULES) {
  const hit: OverlayHit = Object.freeze({
    id: o.id,
    citation: Object.freeze(cite(o.profile, o.article)),
    severity: o.severity,
    reason: o.reason,
    reasonEn: o.reasonEn,
  });
  const list = overlaysByProfile.get(o.profile) ?? [];
  const when = o.when.map(compileGroups);
  list.push({
    hit,
    triggers: Int32Array.from(new Set(when.flatMap((g) => [...g[0]]))),
    when,
    unless: Int32Array.from(o.unless ?? [], (c) => conceptIndex.get(c)!),
  });
  overlaysByProfile.set(o.profile, list);
}

// ---- per-call scratch (module-level so a classification allocates nothing but its result) -------------------

const MAX_HITS = 64;
const hitKw = new Int32Array(MAX_HITS);
const hitStart = new Int32Array(MAX_HITS);
const hitEnd = new Int32Array(MAX_HITS);
let hitCount = 0;

const seenStamp = new Int32Array(N_CONCEPTS);
const spanStart = new Int32Array(N_CONCEPTS);
const spanEnd = new Int32Array(N_CONCEPTS);
const seenList = new Int32Array(N_CONCEPTS);
let seenCount = 0;
let stamp = 0;

const seen = (c: number): boolean => seenStamp[c] === stamp;

function groupsHold(groups: CompiledGroups): boolean {
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    let ok = false;
    for (let i = 0; i < group.length && !ok; i++) ok = seen(group[i]);
    if (!ok) return false;
  }
  return true;
}

/** Collects hits and the concepts they stand for, dropping hits strictly inside a longer one. */
function findConcepts(text: string): void {
  hitCount = automaton.scan(text, hitKw, hitStart, hitEnd, MAX_HITS);
  collectConcepts();
}

function collectConcepts(): void {
  stamp = (stamp + 1) | 0;
  if (stamp === 0) {
    seenStamp.fill(-1);
    stamp = 1;
  }
  seenCount = 0;
  for (let i = 0; i < hitCount; i++) {
    const s = hitStart[i];
    const e = hitEnd[i];
    let inside = false;
    for (let j = 0; j < hitCount && !inside; j++) {
      inside = j !== i && hitStart[j] <= s && hitEnd[j] >= e && hitEnd[j] - hitStart[j] > e - s;
    }
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
}

/** The text of the deciding concepts, in text order; touching spans join (平板 + 电脑), gaps show as …. */
function matchedText(text: string, groups: CompiledGroups): string {
  if (groups.length === 1) {
    // the usual case: one concept decided it
    const group = groups[0];
    let only = -1;
    for (let i = 0; i < group.length; i++) {
      if (seen(group[i])) {
        if (only >= 0) {
          only = -2;
          break;
        }
        only = group[i];
      }
    }
    if (only >= 0) return text.slice(spanStart[only], spanEnd[only]);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      const c = group[i];
      if (seen(c)) {
        starts.push(spanStart[c]);
        ends.push(spanEnd[c]);
      }
    }
  }
  if (starts.length === 1) return text.slice(starts[0], ends[0]);
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a]);
  let out = '';
  let curS = -1;
  let curE = -1;
  for (const i of order) {
    if (curS >= 0 && starts[i] <= curE) {
      if (ends[i] > curE) curE = ends[i];
      continue;
    }
    if (curS >= 0) out += (out ? '…' : '') + text.slice(curS, curE);
    curS = starts[i];
    curE = ends[i];
  }
  return out + (out ? '…' : '') + text.slice(curS, curE);
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

// ---- classification -----------------------------------------------------------------------------------------

const NO_OVERLAYS: readonly OverlayHit[] = Object.freeze([]);
const UNKNOWN: Classification = Object.freeze({ class: 'unknown', entry: null, matched: '', overlays: NO_OVERLAYS });

// decide() leaves its verdict here: the deciding rule (CLASS_RULES.length when none) and the profile's overlays.
let decidedBest = 0;
let decidedMask = 0;
let decidedOverlays: CompiledOverlay[] | undefined;

/** Finds the concepts of the normalised text, the first class rule that holds and the overlays that fire. */
function decide(text: string, profile: ProfileId): void {
  findConcepts(text);
  decideFound(profile);
}

/** decide() once the concepts are found. */
function decideFound(profile: ProfileId): void {
  decidedBest = CLASS_RULES.length;
  decidedMask = 0;
  decidedOverlays = undefined;
  if (seenCount === 0) return;

  let best = CLASS_RULES.length;
  for (let i = 0; i < seenCount; i++) {
    const rules = rulesByConcept[seenList[i]];
    for (let j = 0; j < rules.length; j++) {
      const r = rules[j];
      if (r >= best) break; // rule lists are ascending
      if (groupsHold(ruleGroups[r])) best = r;
    }
  }
  decidedBest = best;

  const candidates = overlaysByProfile.get(profile);
  if (candidates) {
    decidedOverlays = candidates;
    let mask = 0;
    for (let k = 0; k < candidates.length; k++) {
      const o = candidates[k];
      let triggered = false;
      for (let i = 0; i < o.triggers.length && !triggered; i++) triggered = seen(o.triggers[i]);
      if (!triggered) continue;
      let blocked = false;
      for (let i = 0; i < o.unless.length && !blocked; i++) blocked = seen(o.unless[i]);
      if (blocked) continue;
      let fires = false;
      for (let i = 0; i < o.when.length && !fires; i++) fires = groupsHold(o.when[i]);
      if (fires) mask |= 1 << k;
    }
    decidedMask = mask;
  }
}

function overlayList(candidates: CompiledOverlay[] | undefined, mask: number): readonly OverlayHit[] {
  if (candidates === undefined || mask === 0) return NO_OVERLAYS;
  const found: OverlayHit[] = [];
  for (let k = 0; k < candidates.length; k++) if (mask & (1 << k)) found.push(candidates[k].hit);
  return Object.freeze(found);
}

function compute(raw: string, profile: ProfileId): Classification {
  const text = normaliseExpenseText(raw);
  decide(text, profile);
  if (seenCount === 0) return UNKNOWN;
  const overlays = overlayList(decidedOverlays, decidedMask);
  if (decidedBest === CLASS_RULES.length) {
    return overlays === NO_OVERLAYS ? UNKNOWN : Object.freeze({ class: 'unknown', entry: null, matched: '', overlays });
  }
  const entry = ruleEntries[decidedBest];
  return Object.freeze({ class: entry.class, entry, matched: matchedText(text, ruleGroups[decidedBest]), overlays });
}

/** classifyExpense without the matched words: what the scope rules read. */
export type ScopeVerdict = Pick<Classification, 'class' | 'entry' | 'overlays'>;

// Verdicts are few (class rule × overlay set), so each is built once per profile and shared.
const verdicts = new Map<string, Map<number, ScopeVerdict>>();
const UNKNOWN_VERDICT: ScopeVerdict = UNKNOWN;
let lastVerdictKey: string | null = null;
let lastVerdicts: Map<number, ScopeVerdict> | undefined;

/**
 * The class, entry and overlays classifyExpense would give, without its cache: for texts that rarely repeat
 * (project names and descriptions), where the cache only costs. Allocates nothing once its verdicts are built.
 */
export function classifyScope(text: string, profile: ProfileId): ScopeVerdict {
  const key = overlaysByProfile.has(profile) ? profile : '';
  decide(normaliseExpenseText(text), key === '' ? 'generic' : profile);
  return decidedVerdict(key);
}

// Scratch for classifyScopeCell: a cell's normalised text as code units, never made a string.
const CELL_CODES = new Uint16Array(4096);

/** UNIT_FOLD (what normalizeText does unit by unit) followed by normaliseExpenseText's lower-casing of A–Z. */
const CELL_FOLD = UNIT_FOLD.map((f) => (f >= 65 && f <= 90 ? f + 32 : f));

const automaton = buildAutomaton(keywords, CELL_FOLD);

/**
 * classifyScope(normalizeText(raw)) for a cell's string, or null when that text is empty — without building the
 * normalised string when CELL_FOLD can fold the cell unit by unit (nearly every cell); anything else takes the two
 * passes.
 */
export function classifyScopeCell(raw: string, profile: ProfileId): ScopeVerdict | null {
  hitCount = raw.length <= CELL_CODES.length ? automaton.scanFolded(raw, CELL_CODES, hitKw, hitStart, hitEnd, MAX_HITS) : -1;
  if (hitCount < 0) {
    const text = normalizeText(raw);
    return text === '' ? null : classifyScope(text, profile);
  }
  if (automaton.foldedLength === 0) return null;
  const key = overlaysByProfile.has(profile) ? profile : '';
  collectConcepts();
  decideFound(key === '' ? 'generic' : profile);
  return decidedVerdict(key);
}

/** The shared verdict for what decide() found; `key` is the profile when it has overlays, else ''. */
function decidedVerdict(key: string): ScopeVerdict {
  if (seenCount === 0) return UNKNOWN_VERDICT;
  const best = decidedBest;
  const mask = decidedMask;
  if (best === CLASS_RULES.length && mask === 0) return UNKNOWN_VERDICT;
  // Rows of one sheet share a profile: keep its verdict map at hand.
  let byProfile = key === lastVerdictKey ? lastVerdicts : verdicts.get(key);
  if (byProfile === undefined) verdicts.set(key, (byProfile = new Map()));
  lastVerdictKey = key;
  lastVerdicts = byProfile;
  const id = best * 1024 + mask;
  let v = byProfile.get(id);
  if (v === undefined) {
    const overlays = overlayList(decidedOverlays, mask);
    const entry = best === CLASS_RULES.length ? null : ruleEntries[best];
    v = Object.freeze({ class: entry === null ? 'unknown' : entry.class, entry, overlays });
    byProfile.set(id, v);
  }
  return v;
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
 * (wuhan, laizhou). Never throws; results are frozen and may be shared between calls.
 */
export function classifyExpense(text: string, profile: ProfileId): Classification {
  const raw = typeof text === 'string' ? text : asString(text);
  // Profiles without overlays share one cache: their results are identical.
  const key = overlaysByProfile.has(profile) ? profile : '';
  let cache = caches.get(key);
  if (!cache) {
    cache = new TwoGenerationCache();
    caches.set(key, cache);
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const result = compute(raw, key === '' ? 'generic' : profile);
  if (raw.length <= CACHEABLE_LENGTH) cache.set(raw, result);
  return result;
}
