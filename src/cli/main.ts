// The fundcheck command line: argument parsing, file discovery, the worker pool, output and exit codes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Lang, ProfileId } from '../engine/types';
import { csvHeader, formatCsvRows, formatJson, formatText, formatTextTotals } from './format';
import { uncheckedSheets } from '../engine/rules/coverage';
import { isWaived } from '../engine/waivers';
import type { FileResult, OutputFormat } from './format';
// Type-only: the runtime module (which loads ExcelJS) is imported when work starts, after arguments are checked.
import type { Job, JobOptions, JobResult } from './process';
import { loadHolidayFiles } from './holidays';
import { loadRuleFiles } from './rules';
import { builtinRegistry } from '../engine/packs/registry';
import { previousRoundNotes, summaryArgumentError, summaryJson, writeSummary } from './summary';
import type { WrittenSummary } from './summary';

/**
 * Exit codes: 0 no error findings, 1 some finding of severity error or a sheet holding data that was not checked (a
 * script must not take an unread sheet for a clean one), 2 unusable input or bad arguments (wins over 1).
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export interface Writable {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface MainIO {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  /** Today's local calendar date, YYYY-MM-DD (injectable for tests). */
  today?: string;
  /** Worker threads to use for batches: 0 = check in this thread; default from FUNDCHECK_WORKERS or the core count. */
  workers?: number;
}

export interface CliOptions {
  inputs: string[];
  profile: ProfileId | 'auto';
  asOf: string | null;
  format: OutputFormat;
  out: string | null;
  lang: Lang;
  help: boolean;
  version: boolean;
  /** --holidays files (repeatable): schedule JSON or notice text. */
  holidays: string[];
  /** --rules files (repeatable): regulation packs beyond the shipped ones. */
  rules?: string[];
  /** --summary FILE: the reviewer's summary workbook; --previous DIR: the previous round to compare with. */
  summary?: string | null;
  previous?: string | null;
}

/** --profile values: auto, the shipped regulations, generic (a --rules pack's id is checked once packs are read). */
function profileChoices(extra: readonly string[] = []): string[] {
  return ['auto', ...builtinRegistry().ids(), ...extra, 'generic'];
}
const FORMATS = ['text', 'json', 'csv'] as const;
const LANGS = ['zh', 'en'] as const;

/** Below this many files no worker is started: loading ExcelJS and the engine in a worker costs ~0.3 s of CPU. */
const POOL_THRESHOLD = 8;

const MSG = {
  zh: {
    unknownOption: (o: string) => `未知选项 ${o}（见 --help）`,
    missingValue: (o: string) => `选项 ${o} 需要一个值`,
    badValue: (o: string, v: string, allowed: string) => `选项 ${o} 的值 “${v}” 无效，可选：${allowed}`,
    badDate: (v: string) => `--as-of 的值 “${v}” 不是有效日期（格式 YYYY-MM-DD）`,
    noInput: '请指定要检查的工作簿文件或文件夹（见 --help）',
    notFound: '文件或文件夹不存在',
    emptyFolder: '文件夹中没有可检查的表格文件（.xlsx .xlsm .xls .et .ods .csv）',
    outIsFile: (o: string) => `--out 必须是文件夹，但 ${o} 是一个文件`,
    wouldOverwrite: (o: string, i: string) => `拒绝写出：标注副本 ${o} 会覆盖输入文件 ${i}`,
  },
  en: {
    unknownOption: (o: string) => `unknown option ${o} (see --help)`,
    missingValue: (o: string) => `option ${o} needs a value`,
    badValue: (o: string, v: string, allowed: string) => `invalid value "${v}" for ${o}; expected one of ${allowed}`,
    badDate: (v: string) => `--as-of "${v}" is not a valid date (YYYY-MM-DD)`,
    noInput: 'give the workbook files or folders to check (see --help)',
    notFound: 'no such file or folder',
    emptyFolder: 'the folder holds no spreadsheet file the checker reads (.xlsx .xlsm .xls .et .ods .csv)',
    outIsFile: (o: string) => `--out must be a folder, but ${o} is a file`,
    wouldOverwrite: (o: string, i: string) => `refusing to write: the annotated copy ${o} would overwrite the input ${i}`,
  },
};

export function helpText(lang: Lang): string {
  if (lang === 'en') {
    return `Usage: fundcheck <files or folders…> [options]

Checks government informatization project workbooks (.xlsx .xlsm .xls .et .ods .csv) against the funding rules
of their regulation (${builtinRegistry().regulations.map((r) => r.name.en).join(', ')}, or one given with --rules). Folders are searched recursively for those formats; files
that look like spreadsheets but cannot be checked (lock files ~$…, .xlsb, templates, .numbers, .wps) are listed
with the reason.

Options:
  --profile ${profileChoices().join('|')}   regulation to apply (default auto: detected from the workbook)
  --rules FILE            add a regulation pack (JSON, see the README "Writing a regulation pack"): detected like the
                          shipped ones, or chosen with --profile <its id>; repeatable; what was read is shown on stderr
  --as-of YYYY-MM-DD      reference date for deadlines (default: today)
  --format text|json|csv  output on stdout (default text); csv is UTF-8 with BOM for Excel
  --out DIR               write annotated copies (problem cells filled and noted, computed columns added) to DIR;
                          the inputs are never modified
  --lang zh|en            language of messages (default zh)
  --holidays FILE         a State Council holiday schedule (JSON, or the notice's text as published) for years
                          the bundled data lacks; repeatable; what was read is shown on stderr
  --summary FILE.xlsx     also write one reviewer's summary of all files: a row per project (overdue first),
                          the findings by severity, checks across files, and the files that could not be checked
  --previous DIR          with --summary: the previous round's folder; its ledgers are compared with this round's
                          (已投资 going down, 建设进度 not moving)
  -h, --help              this help
  -V, --version           version

Exit status: 0 no errors found; 1 some finding of severity error (one the workbook records as verified or
approved after assessment, its cell unchanged since, does not count), or a sheet holds data that was not
recognised and so not checked; 2 a file could not be checked or the arguments are wrong (files found in a
folder and listed as not checked do not change it; such a file named explicitly gives 2). In a batch every usable file is still checked; 2 wins over 1.
Progress is shown on stderr when it is a terminal. FUNDCHECK_WORKERS=n sets the extra worker threads
(default: one per core beyond the first, none while the machine is busy; 0 = one thread only).
`;
  }
  return `用法：fundcheck <文件或文件夹…> [选项]

按适用的管理办法（${builtinRegistry().regulations.map((r) => r.name.zh).join('、')}，或用 --rules 加入的办法）检查政务信息化项目工作簿（.xlsx .xlsm .xls .et .ods .csv）的资金规则。
文件夹会递归查找这些格式的文件；像表格但无法检查的文件（锁定文件 ~$…、.xlsb、模板、.numbers、.wps）会列出并说明原因。

选项：
  --profile ${profileChoices().join('|')}   适用办法（默认 auto：根据工作簿内容自动识别）
  --rules FILE            加入办法数据包（JSON，写法见 README“编写办法数据包”）：与内置办法一样自动识别，或用 --profile <其 id> 指定；可重复；读入结果显示在标准错误
  --as-of YYYY-MM-DD      期限计算的基准日期（默认今天）
  --format text|json|csv  标准输出格式（默认 text）；csv 为带 BOM 的 UTF-8，可直接用 Excel 打开
  --out DIR               将标注副本（问题单元格着色并加批注、追加计算列）写入 DIR；从不修改输入文件
  --lang zh|en            信息语言（默认 zh）
  --holidays FILE         补充国务院放假安排（JSON，或通知原文 .txt），用于内置数据没有的年份；可重复；读入结果显示在标准错误
  --summary 文件.xlsx     另写一份审核汇总：每个项目一行（逾期的在前）、按严重程度分列的问题、跨文件核对、不能检查的文件
  --previous 文件夹       与 --summary 同用：上一轮的文件夹，与本轮的进度表比较（已投资减少、建设进度未推进）
  -h, --help              显示本帮助
  -V, --version           显示版本

退出码：0 未发现错误；1 存在“错误”级问题，或有工作表含数据但未识别、未检查；2 有文件无法检查或参数有误
（文件夹中列出的“未检查”文件不影响退出码；直接指定的无法检查的文件为 2）。
批量检查时，其余文件照常检查，且 2 优先于 1。标准错误为终端时显示进度。环境变量 FUNDCHECK_WORKERS=n
指定额外工作线程数（默认每多一个 CPU 核一个，机器繁忙时不用；0 表示只用一个线程）。
`;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string; lang: Lang };

/** Valid YYYY-MM-DD calendar date. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function parseArgs(argv: string[]): ParseResult {
  const o: CliOptions = { inputs: [], profile: 'auto', asOf: null, format: 'text', out: null, lang: 'zh', help: false, version: false, holidays: [] };
  // --lang first, so every other message comes out in the language asked for.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'zh') o.lang = v;
  }
  const m = MSG[o.lang];
  const fail = (error: string): ParseResult => ({ ok: false, error, lang: o.lang });
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyFiles || !a.startsWith('-') || a === '-') {
      o.inputs.push(a);
      continue;
    }
    if (a === '--') {
      onlyFiles = true;
      continue;
    }
    if (a === '-h' || a === '--help') {
      o.help = true;
      continue;
    }
    if (a === '-V' || a === '--version') {
      o.version = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (!['--profile', '--as-of', '--format', '--out', '--lang', '--holidays', '--rules', '--summary', '--previous'].includes(name)) return fail(m.unknownOption(name));
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return fail(m.missingValue(name));
      i++;
    }
    switch (name) {
      case '--profile':
        // Any id-like value: one of a --rules pack is known only once the packs are read (run() checks it then).
        if (!/^[a-z][a-z0-9-]{1,39}$/.test(value)) return fail(m.badValue(name, value, profileChoices().join('|')));
        o.profile = value;
        break;
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value)) return fail(m.badValue(name, value, FORMATS.join('|')));
        o.format = value as OutputFormat;
        break;
      case '--lang':
        if (!(LANGS as readonly string[]).includes(value)) return fail(m.badValue(name, value, LANGS.join('|')));
        o.lang = value as Lang;
        break;
      case '--as-of':
        if (!isIsoDate(value)) return fail(m.badDate(value));
        o.asOf = value;
        break;
      case '--out':
        if (!value) return fail(m.missingValue(name));
        o.out = value;
        break;
      case '--holidays':
        if (!value) return fail(m.missingValue(name));
        o.holidays.push(value);
        break;
      case '--rules':
        if (!value) return fail(m.missingValue(name));
        (o.rules ??= []).push(value);
        break;
      case '--summary':
      case '--previous':
        if (!value) return fail(m.missingValue(name));
        o[name === '--summary' ? 'summary' : 'previous'] = value;
        break;
    }
  }
  return { ok: true, options: o };
}

/** Today's local calendar date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface InputFile {
  abs: string;
  /** Path relative to the folder argument it was found in (or its base name), used under --out. */
  rel: string;
  /** How the file is named in output: relative to the working directory when inside it. */
  display: string;
}

function displayName(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** The spreadsheet formats the checker reads, by extension (any case). */
export const READ_EXTENSIONS = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;

/**
 * Files that look like spreadsheets but cannot be checked, with the reason said for each (zh, en). Lock files are
 * tested first: `~$申报表.xlsx` has a readable extension but is no workbook.
 */
const NOT_CHECKED: { test: RegExp; zh: string; en: string }[] = [
  {
    test: /^~\$.*\.(xlsx|xlsm|xlsb|xls|et|ods|csv)$/i,
    zh: 'Excel 或 WPS 打开工作簿时生成的临时锁定文件，不是工作簿',
    en: 'a lock file Excel or WPS creates while a workbook is open, not a workbook',
  },
  { test: /\.xlsb$/i, zh: 'Excel 二进制工作簿（.xlsb）暂不支持，请在 Excel 中另存为 .xlsx 后再检查', en: 'Excel binary workbooks (.xlsb) are not supported; save it as .xlsx in Excel and check again' },
  { test: /\.(xltx|xltm|xlt|ett|ots)$/i, zh: '这是表格模板而非填好的工作簿；如确需检查，请另存为 .xlsx', en: 'a spreadsheet template, not a filled-in workbook; save it as .xlsx to check it' },
  { test: /\.numbers$/i, zh: 'Apple Numbers 文件无法读取，请在 Numbers 中导出为 .xlsx 后再检查', en: 'Apple Numbers files cannot be read; export it as .xlsx from Numbers and check again' },
  { test: /\.wps$/i, zh: 'WPS 文字文档（.wps）不是表格', en: 'a WPS Writer document (.wps), not a spreadsheet' },
  { test: /\.fods$/i, zh: '单文件 OpenDocument 表格（.fods）暂不支持，请另存为 .ods 或 .xlsx', en: 'flat OpenDocument spreadsheets (.fods) are not supported; save it as .ods or .xlsx' },
];

/** Why a file that looks like a spreadsheet is not checked, or null when it is one the checker reads. */
export function notCheckedReason(name: string, lang: Lang): string | null {
  for (const n of NOT_CHECKED) if (n.test.test(name)) return n[lang];
  return null;
}

function walk(dir: string, out: string[], skipped: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    // Hidden files and folders (.git, .DS_Store, macOS ._ resource forks) are nobody's submission.
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out, skipped);
    else if (!e.isFile() && !e.isSymbolicLink()) continue;
    else if (NOT_CHECKED.some((n) => n.test.test(e.name))) skipped.push(p);
    else if (READ_EXTENSIONS.test(e.name)) out.push(p);
  }
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Expands the arguments into files (folders recursively, sorted), with a reason for each argument that is unusable
 * (`errors`: exit 2) and for each file found in a folder that looks like a spreadsheet but cannot be checked
 * (`skipped`: listed in every output, no effect on the exit code).
 */
export function collectInputs(args: string[], cwd: string, lang: Lang): { files: InputFile[]; errors: FileResult[]; skipped: FileResult[] } {
  const m = MSG[lang];
  const files: InputFile[] = [];
  const errors: FileResult[] = [];
  const skipped: FileResult[] = [];
  const seen = new Set<string>();
  const add = (abs: string, rel: string) => {
    const real = realOrResolved(abs);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ abs, rel, display: displayName(abs, cwd) });
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      errors.push({ file: displayName(abs, cwd), error: m.notFound });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      const notChecked: string[] = [];
      walk(abs, found, notChecked);
      const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const rels = found.map((f) => path.relative(abs, f)).sort(byName);
      if (!rels.length) errors.push({ file: displayName(abs, cwd), error: m.emptyFolder });
      for (const rel of rels) add(path.join(abs, rel), rel);
      for (const f of notChecked.sort(byName)) skipped.push({ file: displayName(f, cwd), skipped: notCheckedReason(path.basename(f), lang)! });
    } else {
      // Named explicitly: a file that cannot be checked is an unusable input (exit 2), not a quiet skip.
      const why = notCheckedReason(path.basename(abs), lang);
      if (why !== null) errors.push({ file: displayName(abs, cwd), error: why });
      else add(abs, path.basename(abs));
    }
  }
  return { files, errors, skipped };
}

/**
 * Maps each input to its annotated copy under outDir; distinct inputs with the same name get “-2”, “-3” … An input
 * that cannot be patched (.xls .et .ods .csv) gets an .xlsx copy, so its name is planned with .xlsx to avoid clashes.
 */
export function planOutputs(files: InputFile[], outDir: string): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    let candidate = path.join(outDir, /\.(xlsx|xlsm)$/i.test(f.rel) ? f.rel : f.rel.replace(/(\.[^./\\]*)?$/, '.xlsx'));
    const ext = path.extname(candidate);
    const stem = candidate.slice(0, candidate.length - ext.length);
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function readVersion(): string {
  let dir = __dirname;
  for (;;) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'fundcheck' && pkg.version) return pkg.version;
      } catch {
        // keep looking upwards
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

/** Worker threads besides this one (which checks files too): one per further core. */
function defaultWorkers(): number {
  const env = process.env.FUNDCHECK_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return +env;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // On a machine already busy with other work a second thread gets no extra core, only the cost of loading
  // ExcelJS and warming up again (measured: 200 samples took ~5-6 s with a worker vs ~4 s without at load 10).
  if (os.loadavg()[0] >= cores) return 0;
  return Math.max(0, cores - 1);
}

/** The compiled worker script beside this module; absent when running from TypeScript sources (tests). */
function workerScript(): string | null {
  if (!__filename.endsWith('.js')) return null;
  const p = path.join(__dirname, 'worker.js');
  return fs.existsSync(p) ? p : null;
}

/**
 * Runs the jobs and calls onResult as each finishes (any order). This thread always checks files itself,
 * so work starts at once; for a batch it also starts worker threads, which take files from the same queue
 * as soon as they have loaded ExcelJS and the engine. Each workbook is released after its file is done.
 */
async function runAll(jobs: Job[], workers: number, onResult: (r: JobResult) => void): Promise<void> {
  const { runJob } = await import('./process');
  let next = 0;
  // FUNDCHECK_MAIN_THREAD=0 leaves all files to the workers (tests and benchmarks of the pool itself).
  const mainThreadWorks = process.env.FUNDCHECK_MAIN_THREAD !== '0';
  const local = async () => {
    while (mainThreadWorks && next < jobs.length) onResult(await runJob(jobs[next++]!));
  };
  const script = workerScript();
  const size = jobs.length >= POOL_THRESHOLD && script ? Math.min(workers, jobs.length - 1) : 0;
  if (size < 1) {
    while (next < jobs.length) onResult(await runJob(jobs[next++]!));
    return;
  }
  const { Worker } = await import('worker_threads');
  const startWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const w = new Worker(script!);
      let current: Job | null = null;
      let ready = false;
      let lastError = '';
      const feed = () => {
        if (next < jobs.length) {
          current = jobs[next++]!;
          w.postMessage(current);
        } else {
          current = null;
          void w.terminate();
        }
      };
      // The worker says when its modules are loaded; until then this thread keeps taking files itself.
      w.on('message', (m: JobResult | { ready: true }) => {
        if ('ready' in m) {
          ready = true;
          feed();
          return;
        }
        current = null;
        onResult(m);
        feed();
      });
      w.on('error', (err) => {
        lastError = err.message.split('\n')[0] ?? '';
      });
      w.on('exit', () => {
        // A worker that dies (e.g. out of memory on one huge file) fails only its own file; a fresh one carries on.
        if (current) onResult({ index: current.index, error: lastError || 'worker stopped' });
        current = null;
        if (ready && next < jobs.length) void startWorker().then(resolve);
        else resolve();
      });
    });
  const pool: Promise<void>[] = [];
  for (let i = 0; i < size; i++) pool.push(startWorker());
  await Promise.all([local(), ...pool]);
  // Whatever no worker could take (every one failed to start) is still checked here.
  while (next < jobs.length) onResult(await runJob(jobs[next++]!));
}

/** The previous round (--previous): its files checked like this round's, without copies, for their project facts. */
async function checkPrevious(dir: string, cwd: string, options: JobOptions, workers: number): Promise<FileResult[]> {
  const { files, errors, skipped } = collectInputs([dir], cwd, options.lang);
  const results: FileResult[] = new Array(files.length);
  await runAll(
    files.map((f, index) => ({ index, path: f.abs, options })),
    workers,
    (r) => {
      results[r.index] = { file: files[r.index]!.display, ...(r.report ? { report: r.report } : {}), ...(r.error ? { error: r.error } : {}), ...(r.facts ? { facts: r.facts } : {}) };
    },
  );
  return [...errors, ...results.filter(Boolean), ...skipped];
}

export async function main(argv: string[], io?: Partial<MainIO>): Promise<number> {
  const stdout = io?.stdout ?? process.stdout;
  const stderr = io?.stderr ?? process.stderr;
  const cwd = io?.cwd ?? process.cwd();
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    stderr.write(`fundcheck: ${parsed.error}\n`);
    return EXIT_UNUSABLE;
  }
  const o = parsed.options;
  const m = MSG[o.lang];
  if (o.help) {
    stdout.write(helpText(o.lang));
    return EXIT_OK;
  }
  if (o.version) {
    stdout.write(`fundcheck ${readVersion()}\n`);
    return EXIT_OK;
  }
  // Holiday schedules first: a bad one stops the run (exit 2); what was read is shown for confirmation.
  const holidays = loadHolidayFiles(o.holidays, cwd, o.lang);
  if (!holidays.ok) {
    stderr.write(`fundcheck: ${holidays.error}\n`);
    return EXIT_UNUSABLE;
  }
  for (const s of holidays.summaries) stderr.write(s);
  // Regulation packs next, the same way; then --profile can name one of them.
  const packs = loadRuleFiles(o.rules ?? [], cwd, o.lang);
  if (!packs.ok) {
    stderr.write(`fundcheck: ${packs.error}\n`);
    return EXIT_UNUSABLE;
  }
  for (const s of packs.summaries) stderr.write(s);
  const choices = profileChoices(packs.packs.map((p) => p.id));
  if (!choices.includes(o.profile)) {
    stderr.write(`fundcheck: ${m.badValue('--profile', o.profile, choices.join('|'))}\n`);
    return EXIT_UNUSABLE;
  }
  if (!o.inputs.length && (o.holidays.length || packs.packs.length)) return EXIT_OK;
  if (!o.inputs.length) {
    stderr.write(`fundcheck: ${m.noInput}\n`);
    return EXIT_UNUSABLE;
  }

  const { files, errors: inputErrors, skipped } = collectInputs(o.inputs, cwd, o.lang);

  let outPaths: string[] | null = null;
  if (o.out) {
    const outDir = path.resolve(cwd, o.out);
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) {
      stderr.write(`fundcheck: ${m.outIsFile(o.out)}\n`);
      return EXIT_UNUSABLE;
    }
    outPaths = planOutputs(files, outDir);
    const inputs = new Map(files.map((f) => [realOrResolved(f.abs), f]));
    for (const p of outPaths) {
      const hit = inputs.get(realOrResolved(p));
      if (hit) {
        stderr.write(`fundcheck: ${m.wouldOverwrite(displayName(p, cwd), hit.display)}\n`);
        return EXIT_UNUSABLE;
      }
    }
  }

  const summaryError = summaryArgumentError(o.summary ?? null, o.previous ?? null, files, cwd, o.lang);
  if (summaryError) {
    stderr.write(`fundcheck: ${summaryError}\n`);
    return EXIT_UNUSABLE;
  }

  const asOf = o.asOf ?? io?.today ?? localToday();
  const jobOptions: JobOptions = { asOf, profile: o.profile, lang: o.lang, ...(o.summary ? { facts: true } : {}) };
  if (holidays.schedules.length) jobOptions.holidays = holidays.schedules;
  if (packs.packs.length) jobOptions.regulations = packs.packs;
  const jobs: Job[] = files.map((f, index) => {
    const job: Job = { index, path: f.abs, options: jobOptions };
    if (outPaths) job.outPath = outPaths[index];
    return job;
  });

  for (const e of inputErrors) stderr.write(`fundcheck: ${e.file}: ${e.error}\n`);

  const results: (FileResult | undefined)[] = new Array(files.length);
  const progress = !!stderr.isTTY && files.length > 1;
  let done = 0;
  let flushed = 0;
  if (o.format === 'csv') stdout.write(csvHeader(o.lang));
  const clearProgress = () => {
    if (progress) stderr.write('\r\x1b[K');
  };
  // Text and CSV stream in input order as soon as the next file in order is done; JSON is one document at the end.
  const flush = () => {
    while (flushed < results.length && results[flushed]) {
      const r = results[flushed++]!;
      if (o.format === 'text') stdout.write(formatText(r, o.lang));
      else if (o.format === 'csv') stdout.write(formatCsvRows(r, o.lang));
    }
  };

  await runAll(jobs, io?.workers ?? defaultWorkers(), (r) => {
    const f = files[r.index]!;
    const result: FileResult = { file: f.display };
    if (r.report) result.report = r.report;
    if (r.error) result.error = r.error;
    if (r.outPath && !r.error) result.outPath = displayName(r.outPath, cwd);
    if (r.facts) result.facts = r.facts;
    results[r.index] = result;
    done++;
    clearProgress();
    if (r.error) stderr.write(`fundcheck: ${f.display}: ${r.error}\n`);
    flush();
    if (progress && done < files.length) stderr.write(`[${done}/${files.length}] ${f.display}`);
  });
  clearProgress();

  // Files listed as not checked come after the checked ones in text and CSV, and in their own list in JSON.
  for (const r of skipped) {
    if (o.format === 'text') stdout.write(formatText(r, o.lang));
    else if (o.format === 'csv') stdout.write(formatCsvRows(r, o.lang));
  }
  const all = [...inputErrors, ...(results.filter(Boolean) as FileResult[]), ...skipped];
  let summary: WrittenSummary | null = null;
  let summaryFailed = false;
  if (o.summary) {
    const previous = o.previous ? await checkPrevious(o.previous, cwd, jobOptions, io?.workers ?? defaultWorkers()) : null;
    if (previous) stderr.write(previousRoundNotes(previous, o.lang));
    const summaryPath = path.resolve(cwd, o.summary);
    try {
      summary = writeSummary({ summaryPath, display: displayName(summaryPath, cwd), asOf, lang: o.lang, current: all, previous });
    } catch (err) {
      stderr.write(`fundcheck: ${err instanceof Error ? err.message : String(err)}\n`);
      summaryFailed = true;
    }
  }
  if (o.format === 'json') stdout.write(formatJson(all, asOf, summary ? summaryJson(summary) : undefined));
  else if (o.format === 'text' && all.length > 1) stdout.write(formatTextTotals(all, o.lang));
  if (o.format === 'text' && summary) stdout.write(summary.text);
  if (summaryFailed) return EXIT_UNUSABLE;

  if (all.some((r) => r.error)) return EXIT_UNUSABLE;
  const anyError = all.some(
    (r) =>
      r.report &&
      // An error assessed as verified or approved (its cell unchanged since) no longer fails the run.
      (r.report.findings.some((f) => f.severity === 'error' && !isWaived(f)) || r.report.notices.some((n) => n.severity === 'error') || uncheckedSheets(r.report).length > 0),
  );
  return anyError ? EXIT_FINDINGS : EXIT_OK;
}
