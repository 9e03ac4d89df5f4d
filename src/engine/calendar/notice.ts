// Parses the text of a State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) into one year's schedule.
import type { HolidaySchedule, MakeupWorkday } from '../types';
import { type DayNumber, daysInMonth, dayFromYmd, isoFromDay, weekdayOfDay } from '../values/date';
import { HolidayScheduleError } from './errors';

// Traditional forms seen in reprints of the notice, read as the simplified text.
const TRADITIONAL: Record<string, string> = {
  節: '节', 勞: '劳', 動: '动', 慶: '庆', 調: '调', 國: '国', 務: '务', 辦: '办', 廳: '厅', 關: '关', 於: '于',
  農: '农', 曆: '历', 歷: '历', 臘: '腊', 週: '周', 與: '与', 陽: '阳', 連: '连', 補: '补', 發: '发', 電: '电',
  號: '号', 現: '现', 將: '将', 僅: '仅', 併: '并', 並: '并', 條: '条', 為: '为',
};

/**
 * One form of the text: ASCII digits, full-width Chinese punctuation (the notice's own), simplified characters, no spaces
 * inside a line. Half-width brackets, colons and commas (as reprints and OCR give them) become the full-width ones.
 */
export function normalizeNoticeText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if (ch === '(') out += '（';
    else if (ch === ')') out += '）';
    else if (ch === ':') out += '：';
    else if (ch === ',') out += '，';
    else if (ch === ';') out += '；';
    else if (ch === '～' || ch === '~' || ch === '—' || ch === '－') out += '至';
    else if (ch === '\u3000' || ch === ' ' || ch === '\t' || ch === '\u00a0') continue;
    else out += TRADITIONAL[ch] ?? ch;
  }
  // A period typed as '.' after a Chinese sentence (reprints): only where it cannot be a decimal point.
  return out.replace(/([^\d])\.(?!\d)/g, '$1。');
}

const FIELD_ZH = '通知正文';
function noticeFail(field: string, zh: string, en: string): never {
  throw new HolidayScheduleError(field, zh, en);
}

// 一、元旦： … 十二、…： (a pasted text may have lost its line breaks, so no start of line is required)
const HEADING = /([一二三四五六七八九十]{1,3})、([^：\n。，、]{1,8}(?:、[^：\n。，、]{1,8})*?)：/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?/g;
const WEEKDAY = /(?:星期|周|礼拜)([一二三四五六日天])/;
const WEEKDAY_NUMBER: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const CHINESE_NUMBER: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface DateToken {
  day: DayNumber;
  /** Offset of the token in its clause and the text after it up to the next token. */
  start: number;
  end: number;
}

/** Splits a sentence into clauses at commas outside brackets. */
function clauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of sentence) {
    if (ch === '（') depth++;
    else if (ch === '）') depth = Math.max(0, depth - 1);
    if (ch === '，' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface ItemContext {
  field: string;
  year: number;
  isNewYear: boolean;
  /** Month and year carried from the previous date of the item (至6日 = the same month). */
  month: number | null;
  tokenYear: number | null;
}

function datesIn(clause: string, ctx: ItemContext): DateToken[] {
  const out: DateToken[] = [];
  for (const m of clause.matchAll(DATE)) {
    const explicitYear = m[1] !== undefined ? +m[1] : null;
    const month = m[2] !== undefined ? +m[2] : ctx.month;
    if (month === null) noticeFail(ctx.field, `“${m[0]}”没有月份`, `"${m[0]}" has no month`);
    const dom = +m[3]!;
    let year = explicitYear ?? (m[2] === undefined ? ctx.tokenYear : null) ?? ctx.year;
    // 元旦 written without years across the turn of the year: its December days are the year before.
    if (explicitYear === null && m[2] !== undefined && month === 12 && ctx.isNewYear) year = ctx.year - 1;
    if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) {
      noticeFail(ctx.field, `“${m[0]}”不是有效日期`, `"${m[0]}" is not a valid date`);
    }
    ctx.month = month;
    ctx.tokenYear = year;
    const day = dayFromYmd(year, month, dom);
    const wd = m[4] !== undefined ? WEEKDAY.exec(m[4]) : null;
    if (wd !== null && WEEKDAY_NUMBER[wd[1]!] !== weekdayOfDay(day)) {
      noticeFail(
        ctx.field,
        `${year}年${month}月${dom}日是星期${WEEKDAY_ZH[weekdayOfDay(day)]}，但通知写的是“${wd[0]}”（年份是否有误？）`,
        `${isoFromDay(day)} is a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekdayOfDay(day)]}, but the notice says "${wd[0]}" (is the year right?)`,
      );
    }
    out.push({ day, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Days of the dates in `text`: X至Y is a range, X、Y are single days. */
function daysOf(text: string, tokens: DateToken[]): DayNumber[] {
  const days: DayNumber[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && text.slice(t.end, next.start).includes('至')) {
      for (let d = t.day; d <= next.day; d++) days.push(d);
      i++;
    } else days.push(t.day);
  }
  return days;
}

function countDays(n: string): number | null {
  if (/^\d+$/.test(n)) return +n;
  if (n.length === 1) return CHINESE_NUMBER[n] ?? null;
  return null;
}

/** The notice's year: from its title, or from 现将20XX年… in its first paragraph. */
function noticeYear(text: string): number | null {
  const m = /关于(\d{4})年部分节假日安排/.exec(text) ?? /现将(\d{4})年/.exec(text) ?? /(\d{4})年(?:元旦|部分节假日)/.exec(text);
  return m ? +m[1]! : null;
}

function ranges(days: DayNumber[]): { from: DayNumber; to: DayNumber }[] {
  const sorted = Array.from(new Set(days)).sort((a, b) => a - b);
  const out: { from: DayNumber; to: DayNumber }[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && last.to === d - 1) last.to = d;
    else out.push({ from: d, to: d });
  }
  return out;
}

/**
 * Reads the notice as published: items 一、元旦：… 二、春节：… with their days off (X至Y放假(调休)，共N天; X放假; Y补休) and
 * make-up working days (X（星期六）、Y（星期日）上班). Full-width or ASCII digits and punctuation, 星期/周, traditional
 * characters and a 元旦 across the turn of the year are all read. Throws HolidayScheduleError naming the item on anything it
 * cannot read; the result still goes through validateHolidaySchedule.
 */
export function parseHolidayNotice(raw: string): HolidaySchedule {
  const text = normalizeNoticeText(raw);
  const year = noticeYear(text);
  if (year === null) {
    noticeFail(FIELD_ZH, '找不到年份：应为“国务院办公厅关于20XX年部分节假日安排的通知”的全文或其中“现将20XX年……”一段及各项安排', 'no year found: give the whole notice (国务院办公厅关于20XX年部分节假日安排的通知) or its paragraph 现将20XX年… with the items');
  }
  const y = year as number;
  const headings = [...text.matchAll(HEADING)].filter((m) => /节|元旦/.test(m[2]!));
  if (headings.length === 0) {
    noticeFail(FIELD_ZH, '找不到各项安排（如“一、元旦：1月1日放假……”）', 'no items found (such as 一、元旦：1月1日放假…)');
  }
  const holidays: HolidaySchedule['holidays'] = [];
  const workdays: MakeupWorkday[] = [];
  headings.forEach((h, i) => {
    const name = h[2]!;
    const field = `${h[1]}、${name}`;
    const start = h.index + h[0].length;
    let body = text.slice(start, i + 1 < headings.length ? headings[i + 1]!.index : text.length);
    // The closing paragraphs (节假日期间…, 鼓励…, the signature) are not part of the last item.
    const stop = body.search(/\n|节假日期间|鼓励单位|国务院办公厅/);
    if (stop >= 0) body = body.slice(0, stop);
    const ctx: ItemContext = { field, year: y, isNewYear: name.includes('元旦'), month: null, tokenYear: null };
    const off: DayNumber[] = [];
    const work: DayNumber[] = [];
    let stated: number | null = null;
    for (const sentence of body.split('。')) {
      for (const clause of clauses(sentence)) {
        const tokens = datesIn(clause, ctx);
        const total = /共([\d一二两三四五六七八九十]+)天/.exec(clause);
        if (total) stated = countDays(total[1]!);
        if (!tokens.length) continue;
        const offAt = clause.search(/放假|补休/);
        if (offAt >= 0 && !clause.includes('上班')) {
          const before = tokens.filter((t) => t.start < offAt || clause.includes('补休'));
          off.push(...daysOf(clause, before));
        } else if (clause.includes('上班') && offAt < 0) {
          // 2月3日（星期一）起正常上班 ends a holiday rather than adding a working day
          if (/起(?:正常)?上班/.test(clause)) continue;
          work.push(...tokens.map((t) => t.day));
        }
      }
    }
    if (!off.length) noticeFail(field, '读不出放假日期', 'no days off could be read');
    const spans = ranges(off);
    if (stated !== null && spans.length === 1 && spans[0]!.to - spans[0]!.from + 1 !== stated) {
      const n = spans[0]!.to - spans[0]!.from + 1;
      noticeFail(field, `读出的放假日期共 ${n} 天，与通知所写“共${stated}天”不符`, `the days off read span ${n} days, but the notice says ${stated}`);
    }
    for (const s of spans) holidays.push(s.from === s.to ? { name, date: isoFromDay(s.from) } : { name, from: isoFromDay(s.from), to: isoFromDay(s.to) });
    for (const d of Array.from(new Set(work)).sort((a, b) => a - b)) workdays.push({ date: isoFromDay(d), name });
  });
  const schedule: HolidaySchedule = { year: y, holidays, workdays };
  const title = /国务院办公厅关于\d{4}年部分节假日安排的通知/.exec(text);
  const number = /国办发明电〔\d{4}〕\d+号/.exec(text);
  if (title || number) schedule.source = [title ? `《${title[0]}》` : `${y}年部分节假日安排`, number ? `（${number[0]}）` : ''].join('');
  return schedule;
}
