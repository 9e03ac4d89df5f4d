// Test helpers: the CLI run in-process, cell-by-cell comparison of an input workbook with its annotated copy, file hashing.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

/** A stdout/stderr stand-in that keeps what was written; not a terminal unless told. */
export class Sink {
  text = '';
  isTTY = false;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

/** Runs `fundcheck args` in this process on one thread, with `today` fixed. */
export async function runCli(args: string[], cwd: string, today: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(args, { stdout, stderr, cwd, workers: 0, today });
  return { code, out: stdout.text, err: stderr.text };
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

/** Everything of a cell the copy must keep: value (or formula and cached result), number format, full style. */
function cellFacts(cell: ExcelJS.Cell, withFill: boolean): Record<string, string> {
  const style = cell.style ?? {};
  return {
    type: String(cell.type),
    value: cell.type === ExcelJS.ValueType.Merge ? `merge:${cell.master.address}` : json(cell.formula ? null : cell.value),
    formula: json(cell.formula ?? null),
    result: json(cell.formula ? cell.result : null),
    numFmt: json(style.numFmt),
    font: json(style.font),
    border: json(style.border),
    alignment: json(style.alignment),
    protection: json(style.protection),
    fill: withFill ? json(style.fill) : '',
  };
}

export interface Differences {
  /** "sheet!A1 field: before → after" for every unexpected change. */
  changes: string[];
}

/**
 * Compares every cell of `before` with `after`. Cells in `marked` may differ in fill and note only; columns in
 * `computed` (sheet → column numbers) may hold anything. Also compares merges, hidden rows/columns, widths, heights.
 */
export function compareWorkbooks(
  before: ExcelJS.Workbook,
  after: ExcelJS.Workbook,
  marked: Set<string>,
  computed: Map<string, Set<number>>,
): Differences {
  const changes: string[] = [];
  expectSame('sheets', before.worksheets.map((w) => w.name), after.worksheets.map((w) => w.name), changes);
  expectSame('date1904', !!before.properties.date1904, !!after.properties.date1904, changes);
  for (const wsA of before.worksheets) {
    const wsB = after.getWorksheet(wsA.name);
    if (!wsB) continue;
    const skipCols = computed.get(wsA.name) ?? new Set<number>();
    // A merge inside a computed column is the computed header spanning the header rows: the copy's own.
    const ownMerge = (ref: string) => ref.split(':').every((a) => skipCols.has(col(a.replace(/\d+$/, ''))));
    expectSame(`${wsA.name} merges`, [...wsA.model.merges].sort(), [...wsB.model.merges].filter((m) => !ownMerge(m)).sort(), changes);
    const rows = Math.max(wsA.rowCount, wsB.rowCount);
    const cols = Math.max(wsA.columnCount, wsB.columnCount);
    for (let r = 1; r <= rows; r++) {
      const ra = wsA.getRow(r);
      const rb = wsB.getRow(r);
      expectSame(`${wsA.name} row ${r} hidden`, ra.hidden, rb.hidden, changes);
      expectSame(`${wsA.name} row ${r} height`, ra.height, rb.height, changes);
      for (let c = 1; c <= cols; c++) {
        if (skipCols.has(c)) continue;
        const a = wsA.getCell(r, c);
        const b = wsB.getCell(r, c);
        const key = `${wsA.name}!${a.address}`;
        const isMarked = marked.has(key);
        const fa = cellFacts(a, !isMarked);
        const fb = cellFacts(b, !isMarked);
        for (const k of Object.keys(fa)) if (fa[k] !== fb[k]) changes.push(`${key} ${k}: ${fa[k]} → ${fb[k]}`);
        if (!isMarked) expectSame(`${key} note`, json(a.note), json(b.note), changes);
      }
    }
    for (let c = 1; c <= cols; c++) {
      if (skipCols.has(c)) continue;
      expectSame(`${wsA.name} column ${c} width`, wsA.getColumn(c).width, wsB.getColumn(c).width, changes);
      expectSame(`${wsA.name} column ${c} hidden`, wsA.getColumn(c).hidden, wsB.getColumn(c).hidden, changes);
    }
  }
  return { changes };
}

function expectSame(what: string, a: unknown, b: unknown, changes: string[]): void {
  if (json(a) !== json(b)) changes.push(`${what}: ${json(a)} → ${json(b)}`);
}

/** Column letters → 1-based index. */
export function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A note as ExcelJS reads it back (a string, or rich text when it holds several runs), as plain text. */
export function noteString(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return texts ? texts.map((t) => t.text ?? '').join('') : '';
}
