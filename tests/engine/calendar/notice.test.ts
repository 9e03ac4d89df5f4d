// The notice parser against the published notices 2020–2026, compared day by day with the bundled chinese-days data.
import * as fs from 'fs';
import * as path from 'path';
import scheduleJson from 'chinese-days/dist/chinese-days.json';
import { normalizeNoticeText, parseHolidayNotice } from '../../../src/engine/calendar/notice';
import { HolidayScheduleError, readHolidaySource, scheduleDays, summarizeHolidaySchedule, validateHolidaySchedule } from '../../../src/engine/calendar/schedule';
import { calendarFor, isWorkday, useCalendar } from '../../../src/engine/calendar/workdays';
import { dayFromYmd, isoFromDay } from '../../../src/engine/values/date';

const DATA = scheduleJson as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };
const NOTICES = path.join(__dirname, 'notices');
const notice = (year: number) => fs.readFileSync(path.join(NOTICES, `${year}.txt`), 'utf8');
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** The published form: full-width punctuation and (for the test) full-width digits. */
function fullWidth(text: string): string {
  return text
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 48 + 0xff10));
}

/** Bundled days (holidays / make-up working days) from December of the year before to the end of the year. */
function bundled(year: number): { off: string[]; work: string[] } {
  const inSpan = (k: string) => k >= `${year - 1}-12-01` && k <= `${year}-12-31`;
  return { off: Object.keys(DATA.holidays).filter(inSpan).sort(), work: Object.keys(DATA.workdays).filter(inSpan).sort() };
}

// The second 2020 notice (国办发明电〔2020〕1号) extended the Spring Festival to 2月2日; see notices/SOURCES.md.
const EXTENSION_2020 = ['2020-01-31', '2020-02-01', '2020-02-02'];

describe.each(YEARS)('the %i notice', (year) => {
  const forms: [string, string][] = [
    ['as retrieved', notice(year)],
    ['full-width, as published', fullWidth(notice(year))],
  ];
  test.each(forms)('%s: parses to the bundled days off and make-up days, day by day', (_form, text) => {
    const s = validateHolidaySchedule(parseHolidayNotice(text));
    expect(s.year).toBe(year);
    expect(s.source).toContain(`国务院办公厅关于${year}年部分节假日安排的通知`);
    const days = scheduleDays(s);
    const off = days.holidays.map(isoFromDay).sort();
    const work = days.workdays.map(isoFromDay).sort();
    const want = bundled(year);
    if (year === 2020) {
      expect(want.off.filter((d) => !off.includes(d))).toEqual(EXTENSION_2020);
      expect(want.work).toEqual(work.filter((d) => d !== '2020-02-01'));
      expect(work).toContain('2020-02-01');
      return;
    }
    // 与周末连休 (2024): the notice names only the statutory day; the data may list the weekend with it.
    const weekdayOff = (ds: string[]) => ds.filter((d) => isWorkdayWeekday(d));
    expect(weekdayOff(off)).toEqual(weekdayOff(want.off));
    for (const d of off) expect(want.off).toContain(d);
    expect(work).toEqual(want.work);
  });

  test('every day of the year is a working day or not exactly as the bundled data says', () => {
    const s = parseHolidayNotice(notice(year));
    const fromNotice = calendarFor([s]);
    const differ: string[] = [];
    for (let d = dayFromYmd(year, 1, 1); d <= dayFromYmd(year, 12, 31); d++) {
      const base = isWorkday(d);
      const prev = useCalendar(fromNotice);
      const parsed = isWorkday(d);
      useCalendar(prev);
      expect(parsed.provisional).toBe(false);
      if (parsed.workday !== base.workday) differ.push(isoFromDay(d));
    }
    expect(differ).toEqual(year === 2020 ? ['2020-01-31', '2020-02-01'] : []);
  });
});

function isWorkdayWeekday(iso: string): boolean {
  const wd = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6;
}

describe('parseHolidayNotice', () => {
  test('the 2025 example: items, year-crossing, 周 weekdays and the summary', () => {
    const s = parseHolidayNotice(notice(2025));
    expect(s.holidays[0]).toEqual({ name: '元旦', date: '2025-01-01' });
    expect(s.holidays[1]).toEqual({ name: '春节', from: '2025-01-28', to: '2025-02-04' });
    expect(s.workdays.slice(0, 2)).toEqual([
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
    ]);
    expect(s.source).toBe('《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号）');
    const zh = summarizeHolidaySchedule(s, 'zh');
    expect(zh).toContain('2025年放假安排：放假');
    expect(zh).toContain('春节：2025年1月28日（周二）至2025年2月4日（周二），共8天；2025年1月26日（周日）、2025年2月8日（周六）上班');
    const en = summarizeHolidaySchedule(s, 'en');
    expect(en).toContain('春节 (Spring Festival): Tue 2025-01-28 – Tue 2025-02-04, 8 days off; working: Sun 2025-01-26, Sat 2025-02-08');
  });

  test('元旦 across the turn of the year, with and without the years written', () => {
    const withYears = parseHolidayNotice('国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：2024年12月30日至2025年1月1日放假调休，共3天。12月28日（星期六）上班。\n');
    expect(withYears.holidays).toEqual([{ name: '元旦', from: '2024-12-30', to: '2025-01-01' }]);
    expect(withYears.workdays).toEqual([{ date: '2024-12-28', name: '元旦' }]);
    const without = parseHolidayNotice('现将2025年元旦放假安排通知如下。一、元旦：12月30日至1月1日放假调休，共3天。');
    expect(without.holidays).toEqual([{ name: '元旦', from: '2024-12-30', to: '2025-01-01' }]);
    // the days count in the calendar even though 2024 is another year
    const cal = calendarFor([validateHolidaySchedule({ ...withYears, year: 2025 })]);
    const prev = useCalendar(cal);
    try {
      expect(isWorkday(dayFromYmd(2024, 12, 30))).toEqual({ workday: false, provisional: false });
    } finally {
      useCalendar(prev);
    }
  });

  test('traditional characters, 星期 and 周, full-width digits, spaces, 补休 and 起正常上班', () => {
    const text = '國務院辦公廳關於２０２５年部分節假日安排的通知 一、勞動節：５月１日（星期四）至 ５ 日（週一）放假調休，共５天。４月２７日（星期日）上班。二、清明节：4月4日放假，4月7日（星期一）补休。三、春节：2月3日（星期一）起正常上班。1月28日至2月2日放假。';
    const s = parseHolidayNotice(text);
    expect(s.holidays).toEqual([
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '清明节', date: '2025-04-04' },
      { name: '清明节', date: '2025-04-07' },
      { name: '春节', from: '2025-01-28', to: '2025-02-02' },
    ]);
    expect(s.workdays).toEqual([{ date: '2025-04-27', name: '劳动节' }]);
  });

  test('normalizes punctuation and digits', () => {
    expect(normalizeNoticeText('１月１日 (周三): 放假')).toBe('1月1日（周三）：放假');
  });

  test.each([
    ['no year', '一、元旦：1月1日放假。', '通知正文'],
    ['no items', '国务院办公厅关于2027年部分节假日安排的通知 经国务院批准。', '通知正文'],
    ['wrong weekday (wrong year)', '国务院办公厅关于2027年部分节假日安排的通知 一、元旦：1月1日（周三）放假1天。', '一、元旦'],
    ['count disagrees', '现将2025年 一、春节：1月28日至2月4日放假调休，共7天。', '一、春节'],
    ['no days off', '现将2025年 一、春节：另行通知。', '一、春节'],
  ])('%s: an error naming the item', (_what, text, field) => {
    let err: unknown;
    try {
      parseHolidayNotice(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HolidayScheduleError);
    expect((err as HolidayScheduleError).field).toBe(field);
    expect((err as HolidayScheduleError).text('zh')).toContain(field);
    expect((err as HolidayScheduleError).en.length).toBeGreaterThan(5);
  });

  test('readHolidaySource tells a notice from JSON by content', () => {
    expect(readHolidaySource(notice(2024))[0]!.year).toBe(2024);
    expect(readHolidaySource('\uFEFF{"year":2027,"holidays":[{"name":"元旦","date":"2027-01-01"}],"workdays":[]}')[0]!.year).toBe(2027);
  });
});
