// Checks one file end to end (preflight, read, check, annotate, write); the same code runs in workers and in-process.
import { check } from '../engine';
import type { HolidaySchedule, Lang, ProfileId, Report } from '../engine/types';
import type { RegulationPack } from '../engine/packs/types';
import { rebuiltCopyNotice, isPatchable, writeAnnotatedCopy } from './annotate';
import type { InputFormat } from './annotate';
import { preflight } from './preflight';
import { readSpreadsheet, spreadsheetFormat } from './read';
import { projectFacts } from '../engine/summary';
import type { ProjectFact } from '../engine/summary';

export interface JobOptions {
  asOf: string;
  profile: ProfileId | 'auto';
  lang: Lang;
  /** --holidays schedules, passed to every check (plain data: it crosses to worker threads). */
  holidays?: HolidaySchedule[];
  /** --rules packs (plain JSON data: it crosses to worker threads). */
  regulations?: RegulationPack[];
  /** --summary: send back each project row's facts (a few values per row) with the report. */
  facts?: boolean;
}

export interface Job {
  index: number;
  /** Absolute path of the input. */
  path: string;
  /** Absolute path of the annotated copy, when --out was given. */
  outPath?: string;
  options: JobOptions;
}

export interface JobResult {
  index: number;
  report?: Report;
  /** One-line reason the file could not be used. */
  error?: string;
  outPath?: string;
  facts?: ProjectFact[];
}

/** First line of an error message, without the stack; ExcelJS messages can be long or multi-line. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split(/\r?\n/)[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

const READ_FAILED: Record<Lang, string> = { zh: '无法读取工作簿', en: 'cannot read the workbook' };
// Refused rather than checked in part: a report silent about a sheet, or a copy without it, would mislead.
const UNREAD_SHEETS: Record<Lang, (names: string[]) => string> = {
  zh: (n) => `无法读取工作表${n.map((x) => `“${x}”`).join('、')}（文件结构异常，请在 Excel 中另存为 .xlsx 后再检查）`,
  en: (n) => `cannot read sheet(s) ${n.map((x) => `"${x}"`).join(', ')} (unusual file structure; save it as .xlsx in Excel and check again)`,
};
const CHECK_FAILED: Record<Lang, string> = { zh: '检查时出错', en: 'error while checking' };
const WRITE_FAILED: Record<Lang, string> = { zh: '无法写出标注副本', en: 'cannot write the annotated copy' };

/** A detail in brackets of the message's own script: full-width in Chinese, ASCII in English. */
function paren(lang: Lang, text: string): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

// SheetJS's own words for a BIFF file with a password (FILEPASS), said the way the preflight says it for OOXML.
const PASSWORD: Record<Lang, string> = {
  zh: '工作簿设有打开密码（已加密），请取消密码后再检查',
  en: 'the workbook is password-protected (encrypted); remove the password and check again',
};

export async function runJob(job: Job): Promise<JobResult> {
  const { lang } = job.options;
  // A name with none of the known extensions (only when named explicitly) is read as what its bytes say, via .xlsx rules.
  const format = spreadsheetFormat(job.path) ?? 'xlsx';
  const pre = preflight(job.path, format);
  if (!pre.ok) return { index: job.index, error: lang === 'zh' ? pre.message : pre.messageEn };

  let loaded;
  try {
    loaded = await readSpreadsheet(job.path);
  } catch (err) {
    if (/password|encrypt/i.test(oneLine(err))) return { index: job.index, error: PASSWORD[lang] };
    return { index: job.index, error: `${READ_FAILED[lang]}${paren(lang, oneLine(err))}` };
  }
  if (loaded.unreadSheets.length) return { index: job.index, error: UNREAD_SHEETS[lang](loaded.unreadSheets) };

  let report: Report;
  try {
    report = check(loaded.snapshot, { asOf: job.options.asOf, profile: job.options.profile, lang, holidays: job.options.holidays, regulations: job.options.regulations });
  } catch (err) {
    return { index: job.index, error: `${CHECK_FAILED[lang]}${paren(lang, oneLine(err))}` };
  }

  let facts: ProjectFact[] | undefined;
  try {
    if (job.options.facts) facts = projectFacts(loaded.snapshot, report);
  } catch (err) {
    return { index: job.index, error: `${CHECK_FAILED[lang]}${paren(lang, oneLine(err))}` };
  }
  let outPath = job.outPath;
  if (job.outPath) {
    // An .xlsx/.xlsm is patched (an .xlsm copy stays .xlsm); anything else gets an .xlsx copy and says what it lacks.
    const format: InputFormat = loaded.format;
    if (!isPatchable(format)) report.notices.push(rebuiltCopyNotice(format, lang));
    try {
      outPath = writeAnnotatedCopy({ input: job.path, format, snapshot: loaded.snapshot, report, lang, outPath: job.outPath });
    } catch (err) {
      return { index: job.index, report, facts, error: `${WRITE_FAILED[lang]}${paren(lang, oneLine(err))}` };
    }
  }
  return facts ? { index: job.index, report, outPath, facts } : { index: job.index, report, outPath };
}
