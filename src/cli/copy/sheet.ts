// One worksheet's XML patched as text: styles of marked cells, computed-column cells, widths, merges, the note drawing.
import type { StyleSheet } from './styles';
import { attr, colIndex, colLetters, escapeText, insertionPoint, parseRef, removeAttr, setAttr } from './xml';

export const DATE_FORMAT = 'yyyy-mm-dd';

/** What to do to one cell. */
export interface CellEdit {
  /** New content: a text, a number, or nothing (the value cleared, the style kept). */
  value?: { text: string } | { number: number } | { clear: true };
  /** Take the style of this column's cell in the same row (the table's last column), as a date when `date`. */
  styleFrom?: { col: number; date: boolean };
  /** Solid fill (ARGB) over the cell's style. */
  fill?: string;
}

export interface SheetEdits {
  /** row → column → edit. */
  cells: Map<number, Map<number, CellEdit>>;
  /** Column widths to set (column → width in characters). */
  widths: Map<number, number>;
  /** Merges to add ("P3:P4"), when not there already. */
  merges: string[];
  /** The fills (ARGB) marks are made with, so styles taken from a marked cell leave them out. */
  markFills: readonly string[];
  /** Relationship id of the note drawing to reference, when the sheet does not reference one yet. */
  legacyDrawingRid?: string;
}

// The worksheet's children after sheetData and after mergeCells / legacyDrawing, in schema order (CT_Worksheet).
const AFTER_MERGES = ['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const CELL_RE = /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;

interface Cell {
  col: number;
  attrs: string;
  /** The element's content, null for an empty element. */
  inner: string | null;
  /** The element as it was, or null when new. */
  raw: string | null;
  /** Its style index as it was. */
  s0: number;
}

/** The cell's attributes and content after the edit; attributes in one order (r…, s, t) so a re-check writes the same bytes. */
function cellContent(edit: CellEdit, attrs: string, inner: string | null, s: number): [string, string | null] {
  const v = edit.value;
  let a = removeAttr(attrs, 's');
  if (v) a = removeAttr(a, 't');
  if (s) a = `${a} s="${s}"`;
  if (!v) return [a, inner];
  if ('text' in v) return [`${a} t="inlineStr"`, `<is><t xml:space="preserve">${escapeText(v.text)}</t></is>`];
  if ('number' in v) return [a, `<v>${v.number}</v>`];
  return [a, null];
}

/** One row's cells with the edits applied; `rowStyle` is the style of cells the row does not list. */
function patchRow(row: number, inner: string, edits: Map<number, CellEdit>, styles: StyleSheet, rowStyle: number, markFills: readonly string[]): string {
  const cells: Cell[] = [];
  let prev = 0;
  let lastEnd = 0;
  CELL_RE.lastIndex = 0;
  for (let m; (m = CELL_RE.exec(inner)); ) {
    lastEnd = CELL_RE.lastIndex;
    const ref = attr(m[1]!, 'r');
    const col = ref ? parseRef(ref)?.[1] ?? prev + 1 : prev + 1;
    prev = col;
    cells.push({ col, attrs: m[1]!, inner: m[2] === '/>' ? null : m[3]!, raw: m[0], s0: Number(attr(m[1]!, 's') ?? '0') });
  }
  // The style a cell had before this run's edits, without a mark an earlier run put on it.
  const styleOf = (col: number): number => {
    const c = cells.find((x) => x.col === col);
    return styles.withoutFill(c ? c.s0 : rowStyle, markFills);
  };
  for (const [col, edit] of edits) {
    let cell = cells.find((x) => x.col === col);
    if (!cell) {
      if (!edit.value && !edit.fill && !edit.styleFrom) continue;
      cell = { col, attrs: ` r="${colLetters(col)}${row}"`, inner: null, raw: null, s0: rowStyle };
      if (rowStyle) cell.attrs += ` s="${rowStyle}"`;
      cells.push(cell);
    }
    let s = Number(attr(cell.attrs, 's') ?? '0');
    if (edit.styleFrom) {
      s = styleOf(edit.styleFrom.col);
      if (edit.styleFrom.date) s = styles.withNumFmt(s, DATE_FORMAT);
    }
    if (edit.fill) s = styles.withFill(s, edit.fill);
    const [a, content] = cellContent(edit, cell.attrs, cell.inner, s);
    cell.attrs = a;
    cell.inner = content;
    cell.raw = null;
  }
  cells.sort((x, y) => x.col - y.col);
  let out = '';
  for (const c of cells) {
    if (c.raw !== null) out += c.raw;
    else out += c.inner === null ? `<c${c.attrs}/>` : `<c${c.attrs}>${c.inner}</c>`;
  }
  // Anything after the cells (a row's extLst) stays.
  const tail = inner.slice(lastEnd);
  return out + tail;
}

/** UTF-8 written straight into one growing buffer: no joined string and no concatenation of chunks. */
class Utf8Writer {
  private buf: Buffer;
  private off = 0;
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(1024, capacity));
  }
  write(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.buf.length - this.off < s.length * 3) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.off + s.length * 3));
      this.buf.copy(bigger, 0, 0, this.off);
      this.buf = bigger;
    }
    this.off += this.buf.write(s, this.off, 'utf8');
  }
  result(): Buffer {
    return this.buf.subarray(0, this.off);
  }
}

/**
 * The sheet XML with the edits applied, encoded as UTF-8 as the rows are patched, so a 50,000-row sheet never exists a
 * second time as one string. Every byte outside the edited rows and elements stays as it was.
 */
export function patchSheet(xml: string, edits: SheetEdits, styles: StyleSheet): Buffer {
  // Room for the sheet and what the computed columns add, so the buffer rarely has to grow.
  const w = new Utf8Writer(Math.ceil(Buffer.byteLength(xml, 'utf8') * 1.5));
  const push = (...pieces: string[]): void => {
    for (const p of pieces) w.write(p);
  };
  const sdStart = xml.search(/<sheetData\b/);
  if (sdStart < 0) return Buffer.from(xml, 'utf8');
  // A self-closing sheetData becomes an open one, so rows can go in.
  const selfClosing = /^<sheetData\b[^>]*\/>/.exec(xml.slice(sdStart));
  if (selfClosing) {
    const open = selfClosing[0].replace(/\s*\/>$/, '>');
    xml = `${xml.slice(0, sdStart)}${open}</sheetData>${xml.slice(sdStart + selfClosing[0].length)}`;
  }
  const bodyStart = xml.indexOf('>', sdStart) + 1;
  const bodyEnd = xml.indexOf('</sheetData>', bodyStart);

  let maxRow = 0;
  let maxCol = 0;
  for (const [r, cols] of edits.cells) {
    for (const [c, e] of cols) {
      if (e.value && !('clear' in e.value)) {
        if (r > maxRow) maxRow = r;
        if (c > maxCol) maxCol = c;
      }
    }
  }

  const pending = [...edits.cells.keys()].sort((a, b) => a - b);
  let p = 0;
  const newRow = (r: number): string => {
    const cols = edits.cells.get(r)!;
    const body = patchRow(r, '', cols, styles, 0, edits.markFills);
    return body ? `<row r="${r}">${body}</row>` : '';
  };

  w.write(patchCols(patchDimension(xml.slice(0, bodyStart), maxRow, maxCol), edits.widths));
  const ROW_RE = /<row\b([^>]*?)(\/>|>)/g;
  ROW_RE.lastIndex = bodyStart;
  let copied = bodyStart;
  let prevRow = 0;
  for (let m; (m = ROW_RE.exec(xml)) && m.index < bodyEnd; ) {
    const rAttr = attr(m[1]!, 'r');
    const r = rAttr ? Number(rAttr) : prevRow + 1;
    prevRow = r;
    const contentStart = m.index + m[0].length;
    const end = m[2] === '/>' ? contentStart : xml.indexOf('</row>', contentStart);
    const rowEnd = m[2] === '/>' ? contentStart : end + 6;
    ROW_RE.lastIndex = rowEnd;
    // Rows we add that come before this one.
    let inserted = '';
    while (p < pending.length && pending[p]! < r) inserted += newRow(pending[p++]!);
    const edit = p < pending.length && pending[p] === r ? edits.cells.get(pending[p++]!) : undefined;
    if (!inserted && !edit) continue;
    push(xml.slice(copied, m.index), inserted);
    if (edit) {
      const inner = m[2] === '/>' ? '' : xml.slice(contentStart, end);
      const rowStyle = attr(m[1]!, 'customFormat') === '1' || attr(m[1]!, 'customFormat') === 'true' ? Number(attr(m[1]!, 's') ?? '0') : 0;
      // spans is only a hint, and would be wrong once a computed cell lies past it.
      push(`<row${removeAttr(m[1]!, 'spans')}>${patchRow(r, inner, edit, styles, rowStyle, edits.markFills)}</row>`);
    } else {
      push(xml.slice(m.index, rowEnd));
    }
    copied = rowEnd;
  }
  let rest = '';
  while (p < pending.length) rest += newRow(pending[p++]!);
  push(xml.slice(copied, bodyEnd), rest);
  let after = xml.slice(bodyEnd);
  after = patchMerges(after, edits.merges);
  if (edits.legacyDrawingRid && !/<legacyDrawing\b/.test(after)) {
    const at = insertionPoint(after, 0, AFTER_LEGACY, '</worksheet>');
    const el = `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${edits.legacyDrawingRid}"/>`;
    after = after.slice(0, at) + el + after.slice(at);
  }
  w.write(after);
  return w.result();
}

function patchDimension(head: string, maxRow: number, maxCol: number): string {
  if (!maxRow) return head;
  return head.replace(/<dimension\b([^>]*?)\/>/, (whole, a: string) => {
    const ref = attr(a, 'ref');
    if (!ref) return whole;
    const [tl, br = tl] = ref.split(':') as [string, string?];
    const end = parseRef(br);
    if (!end || !parseRef(tl)) return whole;
    const r = Math.max(end[0], maxRow);
    const c = Math.max(end[1], maxCol);
    return `<dimension${setAttr(a, 'ref', `${tl}:${colLetters(c)}${r}`)}/>`;
  });
}

/** <cols> with each given column's own width, splitting any range that covered it. */
function patchCols(head: string, widths: Map<number, number>): string {
  if (!widths.size) return head;
  const m = /<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(head);
  const cols: { min: number; max: number; attrs: string }[] = [];
  if (m) {
    for (const c of m[1]!.matchAll(/<col\b([^>]*?)\/?>(?:<\/col>)?/g)) {
      cols.push({ min: Number(attr(c[1]!, 'min')), max: Number(attr(c[1]!, 'max')), attrs: c[1]! });
    }
  }
  for (const [col, width] of widths) {
    const i = cols.findIndex((c) => c.min <= col && col <= c.max);
    const ours = setAttr(setAttr(' min="0" max="0"', 'width', width.toFixed(2)), 'customWidth', '1');
    if (i >= 0) {
      const c = cols[i]!;
      const pieces: typeof cols = [];
      if (c.min < col) pieces.push({ ...c, max: col - 1 });
      // Keep the range's other attributes (style, hidden…) on our column, with our width.
      pieces.push({ min: col, max: col, attrs: setAttr(setAttr(c.attrs, 'width', width.toFixed(2)), 'customWidth', '1') });
      if (col < c.max) pieces.push({ ...c, min: col + 1 });
      cols.splice(i, 1, ...pieces);
    } else {
      cols.push({ min: col, max: col, attrs: ours });
    }
  }
  cols.sort((a, b) => a.min - b.min);
  const body = cols.map((c) => `<col${setAttr(setAttr(c.attrs, 'min', String(c.min)), 'max', String(c.max))}/>`).join('');
  if (m) return head.slice(0, m.index) + `<cols>${body}</cols>` + head.slice(m.index + m[0].length);
  if (/<cols\b[^>]*\/>/.test(head)) return head.replace(/<cols\b[^>]*\/>/, `<cols>${body}</cols>`);
  const at = head.search(/<sheetData\b/);
  return `${head.slice(0, at)}<cols>${body}</cols>${head.slice(at)}`;
}

function patchMerges(after: string, merges: string[]): string {
  const add = merges.filter((ref) => !new RegExp(`<mergeCell\\b[^>]*ref="${ref}"`).test(after));
  if (!add.length) return after;
  const els = add.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  const m = /<mergeCells\b([^>]*)>([\s\S]*?)<\/mergeCells>/.exec(after);
  if (m) {
    const count = (m[2]!.match(/<mergeCell\b/g) ?? []).length + add.length;
    return after.slice(0, m.index) + `<mergeCells${setAttr(m[1]!, 'count', String(count))}>${m[2]}${els}</mergeCells>` + after.slice(m.index + m[0].length);
  }
  const from = after.indexOf('</sheetData>');
  const at = insertionPoint(after, from < 0 ? 0 : from, AFTER_MERGES, '</worksheet>');
  return `${after.slice(0, at)}<mergeCells count="${add.length}">${els}</mergeCells>${after.slice(at)}`;
}

/** Column index of a "P" letter string. */
export const letterToCol = colIndex;
