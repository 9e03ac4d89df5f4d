// Aho–Corasick automaton over UTF-16 code units: finds every keyword occurrence in one pass, so classifying an item never loops over regexes.
import { FOLD_BAIL, FOLD_SKIP } from '../values/text';

export interface Automaton {
  /**
   * Scans `text` and writes up to `max` occurrences (keyword index, start, end exclusive) into the arrays, in order
   * of end position; returns how many. Keywords starting/ending in a Latin letter only count where they are not
   * glued to another Latin letter (oa is not found in goal, app not in apple).
   */
  scan(text: string, kw: Int32Array, start: Int32Array, end: Int32Array, max: number): number;
  /**
   * scan() of the text the automaton's fold table makes of `text`, folded as it is read: the table maps each code
   * unit to its folded unit, FOLD_SKIP to drop it or FOLD_BAIL when the text cannot be folded one unit at a time
   * (then -1 is returned). The folded units are written to `codes` (which must hold text.length) and their number to
   * `foldedLength`. Only for an automaton built with a fold table. A dropped unit still separates words: a Latin
   * keyword counts where a dropped unit (a space) parts it from the neighbouring letter, so "dell pc" holds pc while
   * "dellpc" does not.
   */
  scanFolded(text: string, codes: Uint16Array, kw: Int32Array, start: Int32Array, end: Int32Array, max: number): number;
  /** Length of the folded text of the last scanFolded() that did not bail. */
  foldedLength: number;
  /** The same keywords under another fold table, sharing the transition tables. */
  withFold(fold: Uint16Array): Automaton;
}

// A fold table's markers: drop the unit, or the text cannot be folded unit by unit.
export { FOLD_BAIL, FOLD_SKIP };

const isLatin = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * Builds the automaton for distinct, non-empty `keywords` (and, for scanFolded, a fold table). Failure links are
 * resolved ahead of time into a dense transition table over a compressed alphabet (the code units keywords use; every
 * other unit is class 0), holding row offsets, and states are numbered so that those with keywords ending in them come last: a scan step
 * is two array reads and a comparison whatever the text — no failure chains, no searching a state's transitions.
 */
export function buildAutomaton(keywords: readonly string[], fold?: Uint16Array): Automaton {
  const alphabet = new Uint16Array(65536);
  let classes = 1;
  for (const kw of keywords) {
    if (kw.length === 0) throw new Error('empty keyword');
    for (let i = 0; i < kw.length; i++) {
      const code = kw.charCodeAt(i);
      if (alphabet[code] === 0) alphabet[code] = classes++;
    }
  }

  const kids: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((kw, k) => {
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const cls = alphabet[kw.charCodeAt(i)];
      let next = kids[s].get(cls);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        outputs.push([]);
        kids[s].set(cls, next);
      }
      s = next;
    }
    outputs[s].push(k);
  });

  const nStates = kids.length;
  if (nStates > 65535) throw new Error(`automaton of ${nStates} states does not fit its 16-bit table`);
  const fail = new Int32Array(nStates);
  const delta = new Uint16Array(nStates * classes);
  for (const [cls, t] of kids[0]) delta[cls] = t;
  // Breadth first, so a state's failure state (shallower) has its row complete before the state needs it; each
  // state's outputs absorb those of its failure state.
  const queue: number[] = [...kids[0].values()];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    const f = fail[s];
    const row = s * classes;
    const fRow = f * classes;
    for (let cls = 0; cls < classes; cls++) delta[row + cls] = delta[fRow + cls];
    for (const [cls, t] of kids[s]) {
      // s is never the root here, so the failure of t is where s's failure state goes on cls.
      fail[t] = delta[fRow + cls];
      if (outputs[fail[t]].length > 0) outputs[t] = outputs[t].concat(outputs[fail[t]]);
      delta[row + cls] = t;
      queue.push(t);
    }
  }
  for (const [, t] of kids[0]) fail[t] = 0;

  // Renumber: states without outputs first (the root stays 0: no keyword is empty), then the ones with outputs.
  const order: number[] = [];
  for (let s = 0; s < nStates; s++) if (outputs[s].length === 0) order.push(s);
  const firstOut = order.length;
  for (let s = 0; s < nStates; s++) if (outputs[s].length > 0) order.push(s);
  const newId = new Int32Array(nStates);
  order.forEach((s, i) => {
    newId[s] = i;
  });
  // Entries are the target's row offset (state × classes): a step is one add, and "has outputs" one comparison.
  const table = new Int32Array(nStates * classes);
  for (let i = 0; i < nStates; i++) {
    const from = order[i] * classes;
    for (let cls = 0; cls < classes; cls++) table[i * classes + cls] = newId[delta[from + cls]] * classes;
  }
  const firstOutRow = firstOut * classes;

  const outFrom = new Int32Array(nStates + 1);
  const outFlat: number[] = [];
  for (let i = 0; i < nStates; i++) {
    outFrom[i] = outFlat.length;
    outFlat.push(...outputs[order[i]]);
  }
  outFrom[nStates] = outFlat.length;

  // The fold table and the class of each folded unit in one read: class << 16 | folded unit, or a marker.
  const SKIP_ENTRY = 0xffffffff;
  const BAIL_ENTRY = 0xfffffffe;
  const foldClasses = (fold: Uint16Array): Uint32Array => {
    const foldClass = new Uint32Array(65536);
    for (let c = 0; c < 65536; c++) {
      const f = fold[c];
      foldClass[c] = f === FOLD_SKIP ? SKIP_ENTRY : f === FOLD_BAIL ? BAIL_ENTRY : ((alphabet[f] << 16) | f) >>> 0;
    }
    return foldClass;
  };
  const out = Int32Array.from(outFlat);
  const len = Int32Array.from(keywords, (k) => k.length);
  const leftBound = Uint8Array.from(keywords, (k) => (isLatin(k.charCodeAt(0)) ? 1 : 0));
  const rightBound = Uint8Array.from(keywords, (k) => (isLatin(k.charCodeAt(k.length - 1)) ? 1 : 0));

  /**
   * Whether the folded unit before a keyword starting `units` folded units back from raw index `last` is glued to it:
   * the raw unit right before the keyword's first one folds to a Latin letter (a dropped unit between them parts them).
   */
  const gluedBefore = (text: string, last: number, units: number, fold: Uint16Array): boolean => {
    let j = last;
    for (let need = units - 1; need > 0; ) if (fold[text.charCodeAt(--j)] !== FOLD_SKIP) need--;
    return j > 0 && isLatin(fold[text.charCodeAt(j - 1)]);
  };

  const scanner = (fold: Uint16Array | undefined, foldClass: Uint32Array): Automaton => ({
    foldedLength: 0,
    scan(text, kwOut, startOut, endOut, max) {
      let n = 0;
      let s = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        s = table[s + alphabet[text.charCodeAt(i)]];
        if (s < firstOutRow) continue;
        const state = s / classes;
        for (let j = outFrom[state], stop = outFrom[state + 1]; j < stop; j++) {
          const k = out[j];
          const b = i + 1 - len[k];
          if (leftBound[k] === 1 && b > 0 && isLatin(text.charCodeAt(b - 1))) continue;
          if (rightBound[k] === 1 && i + 1 < length && isLatin(text.charCodeAt(i + 1))) continue;
          if (n === max) return n;
          kwOut[n] = k;
          startOut[n] = b;
          endOut[n] = i + 1;
          n++;
        }
      }
      return n;
    },
    // The same loop as scan() with the folding pass fused in, kept as a copy because a callback costs in this loop.
    scanFolded(text, codes, kwOut, startOut, endOut, max) {
      if (fold === undefined) throw new Error('scanFolded needs an automaton built with a fold table');
      let n = 0;
      let s = 0;
      let p = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const e = foldClass[text.charCodeAt(i)];
        if (e >= BAIL_ENTRY) {
          if (e === SKIP_ENTRY) continue;
          return -1;
        }
        codes[p++] = e & 0xffff;
        // Once `max` hits are found the scan stops, but the folding goes on: a later unit may still bail.
        if (n === max) continue;
        s = table[s + (e >>> 16)];
        if (s < firstOutRow) continue;
        const state = s / classes;
        for (let j = outFrom[state], stop = outFrom[state + 1]; j < stop; j++) {
          const k = out[j];
          const b = p - len[k];
          if (leftBound[k] === 1 && b > 0 && isLatin(codes[b - 1]) && gluedBefore(text, i, len[k], fold)) continue;
          if (rightBound[k] === 1 && i + 1 < length && isLatin(fold[text.charCodeAt(i + 1)])) continue;
          if (n === max) break;
          kwOut[n] = k;
          startOut[n] = b;
          endOut[n] = p;
          n++;
        }
      }
      this.foldedLength = p;
      return n;
    },
    withFold: (other) => scanner(other, foldClasses(other)),
  });
  return scanner(fold, fold === undefined ? new Uint32Array(0) : foldClasses(fold));
}
