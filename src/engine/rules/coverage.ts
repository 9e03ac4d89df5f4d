// An honest verdict: a sheet that holds data the checker could not read is a warning, never a silent pass.
import type { CellValue, Report, SheetSnapshot } from '../types';
import { isBlankText } from '../values/text';
import { createRule } from './api';

export const SHEET_UNCHECKED = 'completeness/sheet-unchecked';

// List numbers and labels that open instruction lines (1．本表由…, 说明：…): not values of a table.
const MARKER = /^[\s\u3000]*(?:[(（]?[0-9０-９一二三四五六七八九十]{1,3}[)）]?[.．、,，:：]?|(?:填表|填报)?说明[:：]?|注(?:意事项)?[:：]?|备注[:：]?)[\s\u3000]*$/;
/** An instruction line's text is long; a table's cells rarely are. */
const LONG_TEXT = 20;

function isValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return !isBlankText(v);
  return true;
}

/**
 * The first cell (0-based) of a table-like block of values, or null when the sheet holds none: titles, a few lines
 * of 填表说明 and a 盖章/日期 line are not data. A block is two rows or more that each hold two values or more (a
 * list number beside one long line of text does not count), at least one of them holding a number, date or other
 * non-text value — or three such rows of text (a table of names), so a bare two-row header alone is not data.
 */
export function dataBlockStart(sheet: SheetSnapshot): { row: number; col: number } | null {
  let first: { row: number; col: number } | null = null;
  let rows = 0;
  let nonText = false;
  const data = sheet.rows;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row || row.length < 2) continue;
    let count = 0;
    let firstCol = -1;
    let rowNonText = false;
    let markers = 0;
    let longTexts = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!isValue(v)) continue;
      count++;
      if (firstCol < 0) firstCol = c;
      if (typeof v === 'string') {
        if (MARKER.test(v)) markers++;
        else if (v.trim().length >= LONG_TEXT) longTexts++;
      } else if (!(count === 1 && typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100)) {
        rowNonText = true;
      }
    }
    if (count < 2) continue;
    // "1．" / 1 beside one line of instructions.
    if (count === 2 && longTexts === 1 && (markers === 1 || !rowNonText)) continue;
    if (count - markers < 2) continue;
    if (first === null) first = { row: r, col: firstCol };
    rows++;
    if (rowNonText) nonText = true;
    if (rows >= 3 || (rows >= 2 && nonText)) return first;
  }
  return null;
}

// The reason as recognition words it ends by saying so; the message says it once.
const REASON_TAIL = /[，,；;]\s*(?:未识别，不作检查|not recognised, not checked)$/;

export const sheetUnchecked = createRule({
  id: SHEET_UNCHECKED,
  scope: 'sheet',
  phase: 'before',
  category: 'completeness',
  severity: 'warning',
  description: {
    zh: '工作表有数据，但未识别（或未能读取其表头），没有检查：不能算作“未发现问题”',
    en: 'A sheet holds data but was not recognised (or its header could not be read), so it was not checked: not a clean result',
  },
  appliesTo: ['declaration', 'progress-table', 'progress-form', 'expense', 'unknown'],
  // Recognition looks for the layouts of the templates: the finding cites them (engine fallback).
  citation: () => null,
  messages: {
    unrecognised: {
      zh: '未识别工作表“{sheet}”（{reason}），表中数据未检查',
      en: 'Sheet "{sheet}" was not recognised ({reason}); its data was not checked',
    },
    unreadable: {
      zh: '未能读取工作表“{sheet}”的各列（{reason}），表中数据未检查',
      en: 'The columns of sheet "{sheet}" could not be read ({reason}); its data was not checked',
    },
  },
  check(ctx) {
    const rec = ctx.recognition;
    if (ctx.kind !== 'unknown' && rec.headerTop >= 0) return;
    const at = dataBlockStart(ctx.sheet);
    if (at === null) return;
    const reason = ctx.lang === 'en' ? rec.reasonEn : rec.reason;
    ctx.report({
      row: at.row,
      // A sheet-level place with a real cell: the note and fill of an annotated copy land on the block's first value.
      messageId: ctx.kind === 'unknown' ? 'unrecognised' : 'unreadable',
      params: { sheet: ctx.sheet.name, reason: reason.replace(REASON_TAIL, '') },
      col: at.col,
    });
  },
});

/** Names of the sheets a report says hold data that was not checked. */
export function uncheckedSheets(report: Report): string[] {
  const out: string[] = [];
  for (const f of report.findings) if (f.ruleId === SHEET_UNCHECKED && !out.includes(f.sheet)) out.push(f.sheet);
  return out;
}
