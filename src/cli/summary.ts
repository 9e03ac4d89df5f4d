// --summary FILE and --previous DIR: checks where the summary goes, reads the previous round, builds the reviewer's summary and writes it as an .xlsx.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../engine/types';
import { buildSummary, crossFileText, summarySheets } from '../engine/summary';
import type { Summary, SummaryFileInput } from '../engine/summary';
import type { FileResult } from './format';
import type { InputFile } from './main';
import { tableBookParts } from './copy/table-book';
import { writeAtomically } from './copy/package';
import { writeZip } from './copy/zip';

const MSG = {
  zh: {
    notXlsx: (p: string) => `--summary 的文件名应以 .xlsx 结尾：${p}`,
    isFolder: (p: string) => `--summary 需要一个文件名，但 ${p} 是文件夹`,
    overwrite: (p: string, i: string) => `拒绝写出：审核汇总 ${p} 会覆盖输入文件 ${i}`,
    previousNeedsSummary: '--previous 只与 --summary 一起使用（上一轮的比较结果写在审核汇总中）',
    previousMissing: (p: string) => `--previous 指定的上一轮文件夹不存在：${p}`,
    writeFailed: (p: string, why: string) => `无法写出审核汇总 ${p}（${why}）`,
    written: (p: string, n: number, c: number) => `审核汇总：${p}（${n} 个项目，跨文件问题 ${c} 条）`,
    previousUnusable: (f: string, why: string) => `上一轮文件 ${f}：${why}（不参与比较）`,
  },
  en: {
    notXlsx: (p: string) => `the --summary file name should end in .xlsx: ${p}`,
    isFolder: (p: string) => `--summary needs a file name, but ${p} is a folder`,
    overwrite: (p: string, i: string) => `refusing to write: the summary ${p} would overwrite the input ${i}`,
    previousNeedsSummary: '--previous works with --summary only (the comparison with the previous round is written in the summary)',
    previousMissing: (p: string) => `the previous round's folder given to --previous does not exist: ${p}`,
    writeFailed: (p: string, why: string) => `cannot write the summary ${p} (${why})`,
    written: (p: string, n: number, c: number) => `Summary: ${p} (${n} project(s), ${c} cross-file issue(s))`,
    previousUnusable: (f: string, why: string) => `previous round file ${f}: ${why} (not compared)`,
  },
};

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Why --summary / --previous cannot be used as given, or null. Checked before any file is read. */
export function summaryArgumentError(summary: string | null, previous: string | null, files: InputFile[], cwd: string, lang: Lang): string | null {
  const m = MSG[lang];
  if (previous !== null && summary === null) return m.previousNeedsSummary;
  if (summary === null) return null;
  // A mistyped folder would compare with nothing and say nothing changed: refused like a missing input.
  if (previous !== null && !fs.existsSync(path.resolve(cwd, previous))) return m.previousMissing(previous);
  const abs = path.resolve(cwd, summary);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) return m.isFolder(summary);
  if (!/\.xlsx$/i.test(abs)) return m.notXlsx(summary);
  const real = realOrResolved(abs);
  for (const f of files) if (realOrResolved(f.abs) === real) return m.overwrite(summary, f.display);
  return null;
}

/** A run's results as the summary takes them (the reports and project facts, or why a file was not checked). */
export function summaryFiles(results: FileResult[]): SummaryFileInput[] {
  return results.map((r) => {
    const f: SummaryFileInput = { file: r.file };
    if (r.report) f.report = r.report;
    if (r.facts) f.facts = r.facts;
    if (r.error !== undefined) f.error = r.error;
    if (r.skipped !== undefined) f.skipped = r.skipped;
    return f;
  });
}

export interface WrittenSummary {
  summary: Summary;
  /** The file as the user named it (relative to the working directory when inside it). */
  file: string;
  /** Text output's section: the cross-file findings and where the summary went. */
  text: string;
}

/**
 * Builds the summary of this round (compared with the previous one when given) and writes it to `summaryPath`.
 * Throws with a plain-words message when the file cannot be written.
 */
export function writeSummary(opts: {
  summaryPath: string;
  display: string;
  asOf: string;
  lang: Lang;
  current: FileResult[];
  previous: FileResult[] | null;
}): WrittenSummary {
  const m = MSG[opts.lang];
  const input = { asOf: opts.asOf, lang: opts.lang, files: summaryFiles(opts.current), ...(opts.previous ? { previous: summaryFiles(opts.previous) } : {}) };
  const summary = buildSummary(input);
  try {
    // Deflated by node's zlib: fflate's JavaScript deflate cost more than building the summary (measured on 50 files).
    const parts = tableBookParts(summarySheets(summary, opts.lang));
    writeAtomically(opts.summaryPath, writeZip(parts.map(([name, data]) => ({ name, data, level: 6 }))));
  } catch (err) {
    throw new Error(m.writeFailed(opts.display, err instanceof Error ? err.message.split('\n')[0]! : String(err)), { cause: err });
  }
  const text = crossFileText(summary.crossFile, opts.lang) + m.written(opts.display, summary.projects.length, summary.crossFile.length) + '\n';
  return { summary, file: opts.display, text };
}

/** Lines for stderr about previous-round files that could not be compared (they never change the exit code). */
export function previousRoundNotes(previous: FileResult[], lang: Lang): string {
  return previous
    .filter((r) => !r.report && r.error !== undefined)
    .map((r) => `fundcheck: ${MSG[lang].previousUnusable(r.file, r.error!)}\n`)
    .join('');
}

/** The `summary` object of the JSON output: where it was written and its rows (findings are in `workbooks` already). */
export function summaryJson(w: WrittenSummary): Record<string, unknown> {
  return { file: w.file, projects: w.summary.projects, crossFile: w.summary.crossFile, notChecked: w.summary.notChecked };
}
