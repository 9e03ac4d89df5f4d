// Finds which regulation a workbook is under from its own words: file name, sheet names, titles and cell text.
import type { CellValue, ProfileId, WorkbookSnapshot } from '../types';

type RegId = Exclude<ProfileId, 'generic'>;

export interface Detection {
  id: ProfileId;
  detected: boolean;
  /** Why, in Chinese and English: the words and where they were found, or that nothing matched. */
  reason: string;
  reasonEn: string;
  /** Mentions per regulation. */
  mentions: Record<RegId, number>;
  /** True when more than one regulation was mentioned. */
  conflict: boolean;
}

const WORD_TO_PROFILE: Record<string, RegId> = { 武汉: 'wuhan', 叶集: 'yeji', 六安: 'yeji', 武隆: 'wulong', 莱州: 'laizhou' };
const WORDS = /武汉|叶集|六安|武隆|莱州/g;
const ANY_WORD = /武汉|叶集|六安|武隆|莱州/;
const ORDER: RegId[] = ['wuhan', 'yeji', 'wulong', 'laizhou'];
const NAMES_ZH: Record<RegId, string> = { wuhan: '武汉', yeji: '叶集', wulong: '武隆', laizhou: '莱州' };
const NAMES_EN: Record<RegId, string> = { wuhan: 'Wuhan', yeji: 'Yeji', wulong: 'Wulong', laizhou: 'Laizhou' };
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

export function detectProfile(snapshot: WorkbookSnapshot): Detection {
  const mentions: Record<RegId, number> = { wuhan: 0, yeji: 0, wulong: 0, laizhou: 0 };
  const words: Record<RegId, Set<string>> = { wuhan: new Set(), yeji: new Set(), wulong: new Set(), laizhou: new Set() };
  const places: Record<RegId, Place[]> = { wuhan: [], yeji: [], wulong: [], laizhou: [] };
  const firstSeen: RegId[] = [];

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
    const hit = new Set<RegId>();
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
      reason: '文件名、工作表名、标题和单位名称中没有提到武汉、叶集（六安）、武隆或莱州，按通用规则检查',
      reasonEn: 'The file name, sheet names, titles and unit names mention none of Wuhan, Yeji (Lu’an), Wulong or Laizhou; generic rules apply',
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
    const othersZh = found.filter((id) => id !== best).map((id) => `${NAMES_ZH[id]}${mentions[id]}处`).join('、');
    const othersEn = found.filter((id) => id !== best).map((id) => `${NAMES_EN[id]} ${mentions[id]}`).join(', ');
    reason += `；另提到${othersZh}，按出现最多的“${NAMES_ZH[best]}”选用，如不对请手动选择`;
    reasonEn += `; also mentioned: ${othersEn}. Chose the most frequent (${NAMES_EN[best]}); pick the profile by hand if that is wrong`;
  }
  return { id: best, detected: true, reason, reasonEn, mentions, conflict };
}
