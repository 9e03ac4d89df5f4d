// Writes the annotated copy of a checked workbook: the original package patched (.xlsx/.xlsm), else an .xlsx built from the snapshot.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang, Notice, Report, WorkbookSnapshot } from '../engine/types';
import { buildXlsx } from './copy/build';
import { patchPackage, writeAtomically } from './copy/package';

export { SEVERITY_FILL } from './copy/marks';
export { NOTE_MARKER, isOwnNote, noteText } from '../engine/presentation';
export { colIndex as columnIndex } from './copy/xml';

/** Formats whose package is patched in place; every other input gets an .xlsx copy built from its values. */
export type InputFormat = 'xlsx' | 'xlsm' | 'xls' | 'et' | 'ods' | 'csv';

export function isPatchable(format: InputFormat): boolean {
  return format === 'xlsx' || format === 'xlsm';
}

/** Where the copy of an input goes: an unpatchable input's copy is an .xlsx beside the others. */
export function copyPath(outPath: string, format: InputFormat): string {
  if (isPatchable(format)) return outPath;
  const ext = path.extname(outPath);
  return `${outPath.slice(0, outPath.length - ext.length)}.xlsx`;
}

const FORMAT_NAME: Record<InputFormat, string> = { xlsx: '.xlsx', xlsm: '.xlsm', xls: '.xls', et: 'WPS .et', ods: '.ods', csv: 'CSV' };

/** The notice a copy built from values carries: what of the original it cannot hold. */
export function rebuiltCopyNotice(format: InputFormat, lang: Lang): Notice {
  const f = FORMAT_NAME[format];
  return {
    id: 'cli/copy-rebuilt',
    severity: 'info',
    message:
      lang === 'zh'
        ? `原文件为 ${f} 格式，无法在原文件上直接标注：标注副本另存为 .xlsx，只含单元格的值、合并单元格和日期等数字格式，不含原文件的字体、边框、填充、列宽、公式（只保留计算结果）、批注、图表和图片；原文件未改动，请以原文件为准`
        : `The original is ${f} and cannot be marked in place: the annotated copy is a new .xlsx holding the cells' values, merges and number formats (dates) only — not the original's fonts, borders, fills, column widths, formulas (their results are kept), notes, charts or images; the original is unchanged and remains the file of record`,
    citation: null,
  };
}

/** The notice a copy carries when some sheet's problems could not be marked in it: the report is then the record. */
export function unmarkedSheetsNotice(sheets: string[], lang: Lang): Notice {
  const names = sheets.map((n) => (lang === 'zh' ? `“${n}”` : `"${n}"`)).join(lang === 'zh' ? '、' : ', ');
  return {
    id: 'cli/copy-unmarked',
    severity: 'warning',
    message:
      lang === 'zh'
        ? `标注副本中未能标注工作表${names}（该表的存储格式使用了命名空间前缀，无法在原表上标注）；这些表的问题以检查报告为准`
        : `The annotated copy could not mark sheet ${names} (stored with namespace prefixes, which cannot be marked in place); for those sheets the report is the record of the problems`,
    citation: null,
  };
}

export interface CopyRequest {
  /** The input file (read once more here) or its bytes. */
  input: string | Uint8Array;
  format: InputFormat;
  snapshot: WorkbookSnapshot;
  report: Report;
  lang: Lang;
  /** Where the copy goes (for an unpatchable input the extension becomes .xlsx, see copyPath). */
  outPath: string;
}

/**
 * Writes the annotated copy and returns its path. An .xlsx/.xlsm is patched: only the sheets, their relationships, the
 * styles, the notes' parts and the content types change, every other part keeps its bytes. Other formats get an .xlsx
 * built from the snapshot, then marked the same way (the caller adds rebuiltCopyNotice to the report).
 */
export function writeAnnotatedCopy(req: CopyRequest): string {
  const input = isPatchable(req.format) && typeof req.input === 'string' ? fs.readFileSync(req.input) : req.input;
  const out = copyPath(req.outPath, req.format);
  const copy = annotatedCopy({ ...req, input: typeof input === 'string' ? new Uint8Array(0) : input });
  if (copy.unmarked.length > 0) req.report.notices.push(unmarkedSheetsNotice(copy.unmarked, req.lang));
  writeAtomically(out, copy.bytes);
  return out;
}

/**
 * The annotated copy's bytes, without writing them (the web page offers them as a download): the input's own package
 * patched, or for an unpatchable format an .xlsx built from the snapshot and marked. `unmarked` names sheets whose
 * problems could not be marked (see unmarkedSheetsNotice).
 */
export function annotatedCopy(req: Pick<CopyRequest, 'format' | 'snapshot' | 'report' | 'lang'> & { input: Uint8Array }): {
  bytes: Uint8Array;
  unmarked: string[];
} {
  const bytes = isPatchable(req.format) ? req.input : buildXlsx(req.snapshot);
  const copy = patchPackage({ bytes, snapshot: req.snapshot, report: req.report, lang: req.lang });
  return { bytes: copy.bytes, unmarked: copy.unmarked };
}
