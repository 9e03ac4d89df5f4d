// Finds which regulation a workbook is under from its own words: file name, sheet names, titles and cell text.
import type { CellValue, ProfileId, WorkbookSnapshot } from '../types';
import { builtinRegistry } from '../packs/registry';
import type { Registry } from '../packs/registry';

export interface Detection {
  id: ProfileId;
  detected: boolean;
  /** Why, in Chinese and English: the words and where they were found, or that nothing matched. */
  reason: string;
  reasonEn: string;
  /** Mentions per regulation id. */
  mentions: Record<string, number>;
  /** True when more than one regulation was mentioned. */
  conflict: boolean;
}

/** Unit names sit in data rows; past this many rows a sheet has told us all it will. */
const MAX_ROWS = 5000;
const MAX_PLACES = 3;

interface Place {
  zh: string;
  en: string;
}

function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Which regulation of `registry` (the shipped ones by default) a workbook is under, from the words it contains. */
export function detectProfile(snapshot: WorkbookSnapshot, registry: Registry = builtinRegistry()): Detection {
  const { words: WORDS, any: ANY_WORD, owner: WORD_TO_PROFILE } = wordsOf(registry);
  const ORDER = registry.ids();
  const mentions: Record<string, number> = {};
  const words: Record<string, Set<string>> = {};
  const places: Record<string, Place[]> = {};
  for (const id of ORDER) {
    mentions[id] = 0;
    words[id] = new Set();
    places[id] = [];
  }
  const firstSeen: string[] = [];
  const nameZh = (id: string) => registry.regulation(id)!.name.zh;
  const nameEn = (id: string) => registry.regulation(id)!.name.en;
  // 叶集（六安）: the name, then its other detection words.
  const placeWordsZh = (id: string) => {
    const r = registry.regulation(id)!;
    const others = r.detect.filter((w) => w !== r.name.zh);
    return others.length === 0 ? r.name.zh : `${r.name.zh}（${others.join('、')}）`;
  };

  // Where a word was found: the file name (r = -2), a sheet name (r = -1) or a cell. Built only on a hit, so the
  // scan of thousands of cells allocates nothing.
  const placeOf = (name: string, r: number, c: number): Place => {
    if (r === -2) return { zh: `文件名“${name}”`, en: `file name "${name}"` };
    if (r === -1) return { zh: `工作表名“${name}”`, en: `sheet name "${name}"` };
    const a1 = `${colLetter(c)}${r + 1}`;
    return { zh: `工作表“${name}”${a1}`, en: `sheet "${name}" ${a1}` };
  };

  const scan = (text: string, name: string, r: number, c: number) => {
    if (!ANY_WORD.test(text)) return;
    WORDS.lastIndex = 0;
    let m: RegExpExecArray | null;
    const hit = new Set<string>();
    while ((m = WORDS.exec(text)) !== null) {
      const id = WORD_TO_PROFILE[m[0]];
      mentions[id]++;
      words[id].add(m[0]);
      hit.add(id);
    }
    for (const id of hit) {
      if (!firstSeen.includes(id)) firstSeen.push(id);
      if (places[id].length < MAX_PLACES) places[id].push(placeOf(name, r, c));
    }
  };

  if (snapshot.name) scan(snapshot.name, snapshot.name, -2, 0);
  for (const sheet of snapshot.sheets) scan(sheet.name, sheet.name, -1, 0);
  for (const sheet of snapshot.sheets) {
    const rows = sheet.rows;
    const n = Math.min(rows.length, MAX_ROWS);
    for (let r = 0; r < n; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v: CellValue = row[c];
        if (typeof v !== 'string') continue;
        scan(v, sheet.name, r, c);
      }
    }
  }

  const found = ORDER.filter((id) => mentions[id] > 0);
  if (found.length === 0) {
    return {
      id: 'generic',
      detected: false,
      reason: `文件名、工作表名、标题和单位名称中没有提到${orZh(ORDER.map(placeWordsZh))}，按通用规则检查`,
      reasonEn: `The file name, sheet names, titles and unit names mention none of ${ORDER.map(nameEn).join(', ')}; generic rules apply`,
      mentions,
      conflict: false,
    };
  }
  // Most mentions wins; a tie goes to the regulation mentioned first (file name, then sheet names, then cells).
  let best = found[0];
  for (const id of found) {
    if (mentions[id] > mentions[best] || (mentions[id] === mentions[best] && firstSeen.indexOf(id) < firstSeen.indexOf(best))) {
      best = id;
    }
  }
  const wordsZh = [...words[best]].map((w) => `“${w}”`).join('、');
  const wordsEn = [...words[best]].map((w) => `"${w}"`).join(', ');
  const more = mentions[best] > places[best].length ? '等处' : '';
  let reason = `在${places[best].map((p) => p.zh).join('、')}${more}找到${wordsZh}（共${mentions[best]}处）`;
  let reasonEn = `Found ${wordsEn} in ${places[best].map((p) => p.en).join(', ')} (${mentions[best]} mention${mentions[best] === 1 ? '' : 's'})`;
  const conflict = found.length > 1;
  if (conflict) {
    const othersZh = found.filter((id) => id !== best).map((id) => `${nameZh(id)}${mentions[id]}处`).join('、');
    const othersEn = found.filter((id) => id !== best).map((id) => `${nameEn(id)} ${mentions[id]}`).join(', ');
    reason += `；另提到${othersZh}，按出现最多的“${nameZh(best)}”选用，如不对请手动选择`;
    reasonEn += `; also mentioned: ${othersEn}. Chose the most frequent (${nameEn(best)}); pick the profile by hand if that is wrong`;
  }
  return { id: best, detected: true, reason, reasonEn, mentions, conflict };
}

const WORDS_CACHE = new WeakMap<Registry, { words: RegExp; any: RegExp; owner: Record<string, string> }>();
/** One pattern of every detection word (longest first, so 叶集区 is not read as a shorter word), and whose each is. */
function wordsOf(registry: Registry): { words: RegExp; any: RegExp; owner: Record<string, string> } {
  let w = WORDS_CACHE.get(registry);
  if (w === undefined) {
    const owner: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const r of registry.regulations) for (const word of r.detect) owner[word] ??= r.id;
    const source = Object.keys(owner)
      .sort((a, b) => b.length - a.length)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    w = { words: new RegExp(source, 'g'), any: new RegExp(source), owner };
    WORDS_CACHE.set(registry, w);
  }
  return w;
}

/** 甲、乙或丙 */
function orZh(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`;
}
