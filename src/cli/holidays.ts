// --holidays FILE: reads schedule JSON or a State Council notice's text, validates it, and words it back for confirmation.
import * as fs from 'fs';
import * as path from 'path';
import { HolidayScheduleError, readHolidaySource, summarizeHolidaySchedule } from '../engine/calendar/schedule';
import type { HolidaySchedule, Lang } from '../engine/types';

/** A notice is a page of text and a schedule file a few kilobytes: anything larger is not one. */
const MAX_BYTES = 1024 * 1024;

const MSG = {
  zh: {
    notFound: '放假安排文件不存在',
    unreadable: (why: string) => `无法读取放假安排文件（${why}）`,
    tooLarge: '放假安排文件过大（超过 1 MB），不是放假安排 JSON 或通知全文',
    notText: '放假安排文件不是文本（应为 .json 放假安排或 .txt 通知全文，UTF-8 或 GB18030 编码）',
    invalid: (why: string) => `放假安排无效：${why}`,
    twice: (year: number, other: string) => `${year} 年的放假安排已由 ${other} 给出，每年只能给一份`,
    read: (file: string) => `已读入放假安排 ${file}（请与国务院办公厅通知核对）：\n`,
  },
  en: {
    notFound: 'no such holiday schedule file',
    unreadable: (why: string) => `cannot read the holiday schedule file (${why})`,
    tooLarge: 'the holiday schedule file is too large (over 1 MB) to be a schedule JSON or a notice text',
    notText: 'the holiday schedule file is not text (give a .json schedule or the notice as .txt, UTF-8 or GB18030)',
    invalid: (why: string) => `invalid holiday schedule: ${why}`,
    twice: (year: number, other: string) => `the ${year} schedule is already given by ${other}; give one per year`,
    read: (file: string) => `holiday schedule read from ${file} (check it against the State Council notice):\n`,
  },
};

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Chinese Windows Notepad); null when it is not text. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  // NUL or other control characters: a binary file (a zip, a .docx) rather than text
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) return null;
  }
  return text;
}

export type HolidayLoad = { ok: true; schedules: HolidaySchedule[]; summaries: string[] } | { ok: false; error: string };

/**
 * Reads every --holidays file in order. Returns the schedules to pass to every check and, per file, the text to print
 * on stderr so the user can confirm what was read; or the first file's error as `<file>: <reason>`.
 */
export function loadHolidayFiles(files: readonly string[], cwd: string, lang: Lang): HolidayLoad {
  const m = MSG[lang];
  const schedules: HolidaySchedule[] = [];
  const summaries: string[] = [];
  const byYear = new Map<number, string>();
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    const fail = (reason: string): HolidayLoad => ({ ok: false, error: `${file}: ${reason}` });
    let bytes: Buffer;
    try {
      const stat = fs.statSync(abs);
      if (stat.isDirectory()) return fail(m.notText);
      if (stat.size > MAX_BYTES) return fail(m.tooLarge);
      bytes = fs.readFileSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(m.notFound);
      return fail(m.unreadable(code ?? (err instanceof Error ? err.message : String(err))));
    }
    const text = decodeText(bytes);
    if (text === null) return fail(m.notText);
    let read: HolidaySchedule[];
    try {
      read = readHolidaySource(text, path.basename(file));
    } catch (err) {
      if (err instanceof HolidayScheduleError) return fail(m.invalid(err.text(lang)));
      throw err;
    }
    for (const s of read) {
      const other = byYear.get(s.year);
      if (other !== undefined) return fail(m.twice(s.year, other));
      byYear.set(s.year, file);
      schedules.push(s);
    }
    summaries.push(`fundcheck: ${m.read(file)}${read.map((s) => summarizeHolidaySchedule(s, lang)).join('\n')}\n`);
  }
  return { ok: true, schedules, summaries };
}
