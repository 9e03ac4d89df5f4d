// User holiday schedules (放假安排): validation that names the field, expansion into days, reading a file, and a summary to confirm.
import type { HolidaySchedule, Lang } from '../types';
import { type DayNumber, dayFromIso, dayFromYmd, isoFromDay, weekdayOfDay, ymdFromDay } from '../values/date';
import { HolidayScheduleError } from './errors';
import { parseHolidayNotice } from './notice';

export { HolidayScheduleError };

const SCHEDULE_KEYS = new Set(['year', 'holidays', 'workdays', 'source']);
const HOLIDAY_KEYS = new Set(['name', 'date', 'from', 'to']);
const WORKDAY_KEYS = new Set(['date', 'name']);
/** A festival's days off never span more than this (春节 9 days, 国庆 8). */
const MAX_RANGE_DAYS = 31;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(field: string, zh: string, en: string): never {
  throw new HolidayScheduleError(field, zh, en);
}

function checkKeys(v: Record<string, unknown>, allowed: Set<string>, at: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.has(k)) fail(`${at}${at ? '.' : ''}${k}`, `未知字段（可用：${[...allowed].join('、')}）`, `unknown field (allowed: ${[...allowed].join(', ')})`);
  }
}

/** A 'YYYY-MM-DD' date of the schedule's span: the year itself, or December of the year before (元旦 across years). */
function dateField(v: unknown, field: string, year: number): DayNumber {
  if (typeof v !== 'string') fail(field, '应为日期文本 YYYY-MM-DD', 'must be a date string YYYY-MM-DD');
  let day: DayNumber;
  try {
    day = dayFromIso(v);
  } catch {
    fail(field, `“${v}”不是有效日期（格式 YYYY-MM-DD）`, `"${v}" is not a valid date (YYYY-MM-DD)`);
  }
  if (day < dayFromYmd(year - 1, 12, 1) || day > dayFromYmd(year, 12, 31)) {
    fail(field, `${v} 不在 ${year} 年放假安排的范围内（${year - 1}年12月至${year}年12月）`, `${v} is outside the ${year} schedule (December ${year - 1} to December ${year})`);
  }
  return day;
}

/**
 * Checks one schedule and returns it cleaned (only the known fields, trimmed names); throws HolidayScheduleError naming the
 * field. `at` prefixes field paths (e.g. `schedules[1]`).
 */
export function validateHolidaySchedule(v: unknown, at = ''): HolidaySchedule {
  const path = (f: string) => (at ? `${at}.${f}` : f);
  if (!isRecord(v)) fail(at, '放假安排应为一个对象（含 year、holidays、workdays）', 'a schedule must be an object (with year, holidays, workdays)');
  checkKeys(v, SCHEDULE_KEYS, at);
  const year = v.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1950 || year > 2200) {
    fail(path('year'), '应为 1950–2200 之间的年份数字', 'must be a year number between 1950 and 2200');
  }
  if (!Array.isArray(v.holidays) || v.holidays.length === 0) {
    fail(path('holidays'), '应为非空列表（每项含 name 和 date，或 from 与 to）', 'must be a non-empty list (each with name and date, or from and to)');
  }
  const out: HolidaySchedule = { year, holidays: [], workdays: [] };
  const off = new Set<DayNumber>();
  v.holidays.forEach((h: unknown, i: number) => {
    const at2 = path(`holidays[${i}]`);
    if (!isRecord(h)) fail(at2, '应为对象（含 name 和 date，或 from 与 to）', 'must be an object (with name and date, or from and to)');
    checkKeys(h, HOLIDAY_KEYS, at2);
    if (typeof h.name !== 'string' || h.name.trim() === '') fail(`${at2}.name`, '应为节日名称（如 春节）', 'must name the festival (e.g. 春节)');
    const name = h.name.trim();
    if (h.date !== undefined) {
      if (h.from !== undefined || h.to !== undefined) fail(`${at2}.date`, '只能给 date，或 from 与 to，不能同时给', 'give either date, or from and to, not both');
      const day = dateField(h.date, `${at2}.date`, year);
      off.add(day);
      out.holidays.push({ name, date: isoFromDay(day) });
      return;
    }
    if (h.from === undefined) fail(`${at2}.from`, '缺少 date 或 from', 'date or from is missing');
    if (h.to === undefined) fail(`${at2}.to`, '有 from 时必须给 to（单日请用 date）', 'to is required with from (use date for one day)');
    const from = dateField(h.from, `${at2}.from`, year);
    const to = dateField(h.to, `${at2}.to`, year);
    if (to < from) fail(`${at2}.to`, `不能早于 from（${isoFromDay(from)}）`, `must not be before from (${isoFromDay(from)})`);
    if (to - from + 1 > MAX_RANGE_DAYS) fail(`${at2}.to`, `一个假期不应超过 ${MAX_RANGE_DAYS} 天`, `one festival's days off should not exceed ${MAX_RANGE_DAYS} days`);
    for (let d = from; d <= to; d++) off.add(d);
    out.holidays.push({ name, from: isoFromDay(from), to: isoFromDay(to) });
  });
  const workdays = v.workdays === undefined ? [] : v.workdays;
  if (!Array.isArray(workdays)) fail(path('workdays'), '应为列表（每项含 date，可含 name），没有调休上班时为 []', 'must be a list (each with date, optionally name); [] when there are none');
  workdays.forEach((w: unknown, i: number) => {
    const at2 = path(`workdays[${i}]`);
    if (!isRecord(w)) fail(at2, '应为对象（含 date，可含 name）', 'must be an object (with date, optionally name)');
    checkKeys(w, WORKDAY_KEYS, at2);
    const day = dateField(w.date, `${at2}.date`, year);
    const wd = weekdayOfDay(day);
    if (wd !== 0 && wd !== 6) fail(`${at2}.date`, `${isoFromDay(day)} 是${WEEKDAY_ZH[wd]}，调休上班日应为周六或周日`, `${isoFromDay(day)} is a ${WEEKDAY_EN[wd]}; a make-up working day is a Saturday or Sunday`);
    if (off.has(day)) fail(`${at2}.date`, `${isoFromDay(day)} 同时列为放假日`, `${isoFromDay(day)} is also listed as a day off`);
    if (w.name !== undefined && (typeof w.name !== 'string' || w.name.trim() === '')) fail(`${at2}.name`, '应为节日名称', 'must name the festival');
    const entry: HolidaySchedule['workdays'][number] = { date: isoFromDay(day) };
    if (typeof w.name === 'string') entry.name = w.name.trim();
    out.workdays.push(entry);
  });
  if (v.source !== undefined) {
    if (typeof v.source !== 'string') fail(path('source'), '应为文本', 'must be text');
    out.source = v.source;
  }
  return out;
}

/** Validates a list of schedules (at most one per year); field paths are `schedules[i]…`. */
export function validateHolidaySchedules(list: readonly unknown[]): HolidaySchedule[] {
  const seen = new Map<number, number>();
  return list.map((s, i) => {
    const at = `schedules[${i}]`;
    const clean = validateHolidaySchedule(s, at);
    const before = seen.get(clean.year);
    if (before !== undefined) fail(`${at}.year`, `${clean.year} 年的放假安排已在 schedules[${before}] 给出`, `the ${clean.year} schedule is already given in schedules[${before}]`);
    seen.set(clean.year, i);
    return clean;
  });
}

/** Every day off and every make-up working day of a (valid) schedule. */
export function scheduleDays(s: HolidaySchedule): { holidays: DayNumber[]; workdays: DayNumber[] } {
  const holidays: DayNumber[] = [];
  for (const h of s.holidays) {
    if (h.date !== undefined) holidays.push(dayFromIso(h.date));
    else if (h.from !== undefined && h.to !== undefined) for (let d = dayFromIso(h.from), to = dayFromIso(h.to); d <= to; d++) holidays.push(d);
  }
  return { holidays, workdays: s.workdays.map((w) => dayFromIso(w.date)) };
}

/**
 * Reads a holiday file's text: a JSON schedule file (one schedule, a list, or `{ "schedules": [...] }`) or the text of a
 * State Council notice (国务院办公厅关于20XX年部分节假日安排的通知), told apart by content. Throws HolidayScheduleError.
 */
export function readHolidaySource(text: string, source?: string): HolidaySchedule[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') fail('', '文件为空', 'the file is empty');
  if (body[0] === '{' || body[0] === '[') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      fail('', `不是有效的 JSON（${why}）`, `not valid JSON (${why})`);
    }
    if (Array.isArray(json)) return validateHolidaySchedules(json);
    if (isRecord(json) && 'schedules' in json) {
      checkKeys(json, new Set(['schedules']), '');
      if (!Array.isArray(json.schedules) || json.schedules.length === 0) fail('schedules', '应为非空列表', 'must be a non-empty list');
      return validateHolidaySchedules(json.schedules);
    }
    return [validateHolidaySchedule(json)];
  }
  const parsed = parseHolidayNotice(body);
  if (source !== undefined && parsed.source === undefined) parsed.source = source;
  return [validateHolidaySchedule(parsed)];
}

// ---- Summary to show back for confirmation ----

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_EN_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FESTIVAL_EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

function festivalEn(name: string): string {
  const parts = name.split(/[、,，]/).map((p) => FESTIVAL_EN[p.trim()] ?? FESTIVAL_EN[`${p.trim()}节`]);
  return parts.every((p) => p !== undefined) ? `${name} (${parts.join(', ')})` : name;
}

function dayText(day: DayNumber, lang: Lang): string {
  const [y, m, d] = ymdFromDay(day);
  return lang === 'en' ? `${WEEKDAY_EN_SHORT[weekdayOfDay(day)]} ${isoFromDay(day)}` : `${y}年${m}月${d}日（${WEEKDAY_ZH[weekdayOfDay(day)]}）`;
}

/** The schedule in words, one line per festival with its make-up days, so the user can compare it with the notice. */
export function summarizeHolidaySchedule(s: HolidaySchedule, lang: Lang): string {
  const lines: string[] = [];
  const { holidays, workdays } = scheduleDays(s);
  const offCount = new Set(holidays).size;
  const src = s.source ? (lang === 'en' ? ` — ${s.source}` : `——${s.source}`) : '';
  lines.push(
    lang === 'en'
      ? `${s.year} holiday schedule: ${offCount} days off, ${workdays.length} make-up working days${src}`
      : `${s.year}年放假安排：放假 ${offCount} 天，调休上班 ${workdays.length} 天${src}`,
  );
  const named = new Set<number>();
  for (const h of s.holidays) {
    const from = dayFromIso(h.date ?? h.from!);
    const to = dayFromIso(h.date ?? h.to!);
    const n = to - from + 1;
    const span = from === to ? dayText(from, lang) : lang === 'en' ? `${dayText(from, lang)} – ${dayText(to, lang)}` : `${dayText(from, lang)}至${dayText(to, lang)}`;
    const make = s.workdays.map((w, i) => ({ w, i })).filter(({ w, i }) => w.name === h.name && !named.has(i));
    for (const { i } of make) named.add(i);
    const makeText = make.map(({ w }) => dayText(dayFromIso(w.date), lang));
    if (lang === 'en') {
      lines.push(`  ${festivalEn(h.name)}: ${span}, ${n} day${n === 1 ? '' : 's'} off${makeText.length ? `; working: ${makeText.join(', ')}` : ''}`);
    } else {
      lines.push(`  ${h.name}：${span}，共${n}天${makeText.length ? `；${makeText.join('、')}上班` : ''}`);
    }
  }
  const rest = s.workdays.filter((_, i) => !named.has(i)).map((w) => dayText(dayFromIso(w.date), lang));
  if (rest.length) lines.push(lang === 'en' ? `  make-up working days: ${rest.join(', ')}` : `  调休上班：${rest.join('、')}`);
  return lines.join('\n');
}
