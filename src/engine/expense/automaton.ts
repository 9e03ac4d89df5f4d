// Aho–Corasick automaton over UTF-16 code units: finds every keyword occurrence in one pass, so classifying an item never loops over regexes.

export interface Automaton {
  /**
   * Scans `text` and writes up to `max` occurrences (keyword index, start, end exclusive) into the arrays, in order
   * of end position; returns how many. Keywords starting/ending in a Latin letter only count where they are not
   * glued to another Latin letter (oa is not found in goal, app not in apple).
   */
  scan(text: string, kw: Int32Array, start: Int32Array, end: Int32Array, max: number): number;
  /** scan() over the first `length` code units of `codes`: for text normalised into a scratch buffer, never made a string. */
  scanCodes(codes: Uint16Array, length: number, kw: Int32Array, start: Int32Array, end: Int32Array, max: number): number;
}

const isLatin = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * Builds the automaton for distinct, non-empty `keywords`. The root's transitions are a dense table (most
 * steps of a scan start there); other states keep their few transitions sorted in flat typed arrays.
 */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const kids: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  keywords.forEach((kw, k) => {
    if (kw.length === 0) throw new Error('empty keyword');
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const code = kw.charCodeAt(i);
      let next = kids[s].get(code);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        outputs.push([]);
        kids[s].set(code, next);
      }
      s = next;
    }
    outputs[s].push(k);
  });

  const nStates = kids.length;
  const fail = new Int32Array(nStates);
  // Breadth-first failure links; each state's outputs absorb those of its failure state.
  const queue: number[] = [...kids[0].values()];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    for (const [code, t] of kids[s]) {
      let f = fail[s];
      let target = kids[f].get(code);
      while (target === undefined && f !== 0) {
        f = fail[f];
        target = kids[f].get(code);
      }
      fail[t] = target !== undefined && target !== t ? target : 0;
      if (outputs[fail[t]].length > 0) outputs[t] = outputs[t].concat(outputs[fail[t]]);
      queue.push(t);
    }
  }

  const rootNext = new Int32Array(65536);
  for (const [code, t] of kids[0]) rootNext[code] = t;
  const trFrom = new Int32Array(nStates + 1);
  let total = 0;
  for (let s = 0; s < nStates; s++) {
    trFrom[s] = total;
    total += kids[s].size;
  }
  trFrom[nStates] = total;
  const trCode = new Uint16Array(total);
  const trTo = new Int32Array(total);
  for (let s = 0; s < nStates; s++) {
    const sorted = [...kids[s]].sort((a, b) => a[0] - b[0]);
    sorted.forEach(([code, t], i) => {
      trCode[trFrom[s] + i] = code;
      trTo[trFrom[s] + i] = t;
    });
  }
  const outFrom = new Int32Array(nStates + 1);
  const outFlat: number[] = [];
  for (let s = 0; s < nStates; s++) {
    outFrom[s] = outFlat.length;
    outFlat.push(...outputs[s]);
  }
  outFrom[nStates] = outFlat.length;
  const out = Int32Array.from(outFlat);
  const len = Int32Array.from(keywords, (k) => k.length);
  const leftBound = Uint8Array.from(keywords, (k) => (isLatin(k.charCodeAt(0)) ? 1 : 0));
  const rightBound = Uint8Array.from(keywords, (k) => (isLatin(k.charCodeAt(k.length - 1)) ? 1 : 0));

  /** Transition of a non-root state, or -1. */
  const step = (s: number, code: number): number => {
    let lo = trFrom[s];
    let hi = trFrom[s + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = trCode[mid];
      if (c === code) return trTo[mid];
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  return {
    scan(text, kwOut, startOut, endOut, max) {
      let n = 0;
      let s = 0;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const code = text.charCodeAt(i);
        let next = -1;
        while (s !== 0) {
          next = step(s, code);
          if (next >= 0) break;
          s = fail[s];
        }
        s = next >= 0 ? next : rootNext[code];
        for (let j = outFrom[s], stop = outFrom[s + 1]; j < stop; j++) {
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
    // The same loop as scan() reading a buffer; kept as a copy because a code-reading callback costs in this loop.
    scanCodes(codes, length, kwOut, startOut, endOut, max) {
      let n = 0;
      let s = 0;
      for (let i = 0; i < length; i++) {
        const code = codes[i];
        let next = -1;
        while (s !== 0) {
          next = step(s, code);
          if (next >= 0) break;
          s = fail[s];
        }
        s = next >= 0 ? next : rootNext[code];
        for (let j = outFrom[s], stop = outFrom[s + 1]; j < stop; j++) {
          const k = out[j];
          const b = i + 1 - len[k];
          if (leftBound[k] === 1 && b > 0 && isLatin(codes[b - 1])) continue;
          if (rightBound[k] === 1 && i + 1 < length && isLatin(codes[i + 1])) continue;
          if (n === max) return n;
          kwOut[n] = k;
          startOut[n] = b;
          endOut[n] = i + 1;
          n++;
        }
      }
      return n;
    },
  };
}
