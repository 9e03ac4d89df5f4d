// Aho–Corasick automaton over UTF-16 code units: finds every keyword occurrence in one pass, so classifying an item never loops over regexes.

export interface Automaton {
  /** Scans `text`; calls `onHit(keywordIndex, start, end)` for every occurrence (end exclusive), in order of end position. */
  scan(text: string, onHit: (keyword: number, start: number, end: number) => void): void;
}

/**
 * Builds the automaton for `keywords` (non-empty, distinct). Transitions live in one Map keyed by
 * state * 65536 + code unit, which keeps lookups allocation-free.
 */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const goto = new Map<number, number>();
  const depth: number[] = [0];
  const fail: number[] = [0];
  const outputs: number[][] = [[]];
  const children: number[][] = [[]];

  keywords.forEach((kw, k) => {
    if (kw.length === 0) throw new Error('empty keyword');
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const key = s * 65536 + kw.charCodeAt(i);
      let next = goto.get(key);
      if (next === undefined) {
        next = depth.length;
        depth.push(depth[s] + 1);
        fail.push(0);
        outputs.push([]);
        children.push([]);
        goto.set(key, next);
        children[s].push(kw.charCodeAt(i), next);
      }
      s = next;
    }
    outputs[s].push(k);
  });

  // Breadth-first failure links; each state's outputs absorb those of its failure state.
  const queue: number[] = [];
  const root = children[0];
  for (let i = 0; i < root.length; i += 2) queue.push(root[i + 1]);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    const kids = children[s];
    for (let i = 0; i < kids.length; i += 2) {
      const code = kids[i];
      const t = kids[i + 1];
      let f = fail[s];
      let target = goto.get(f * 65536 + code);
      while (target === undefined && f !== 0) {
        f = fail[f];
        target = goto.get(f * 65536 + code);
      }
      fail[t] = target !== undefined && target !== t ? target : 0;
      if (outputs[fail[t]].length > 0) outputs[t] = outputs[t].concat(outputs[fail[t]]);
      queue.push(t);
    }
  }

  const outLists = outputs.map((o) => Int32Array.from(o));
  const lengths = Int32Array.from(keywords.map((k) => k.length));
  const failArr = Int32Array.from(fail);

  return {
    scan(text, onHit) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let next = goto.get(s * 65536 + code);
        while (next === undefined && s !== 0) {
          s = failArr[s];
          next = goto.get(s * 65536 + code);
        }
        s = next === undefined ? 0 : next;
        const out = outLists[s];
        for (let j = 0; j < out.length; j++) {
          const k = out[j];
          onHit(k, i + 1 - lengths[k], i + 1);
        }
      }
    },
  };
}
