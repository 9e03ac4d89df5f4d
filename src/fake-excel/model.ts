// The fake workbook's state (grid, formats, fills, notes, comments, merges, custom XML parts, settings), kept apart from the request proxies.
import { Rect, cellKey, keyRow, keyCol, parseRect, MAX_COLS } from '../excel/address';

/** A stored cell value; '' is an empty cell, as Range.values reports it. */
export type FakeValue = string | number | boolean;

export interface FakeFill {
  color: string;
  pattern: string;
}

/** Plain-data description of one sheet, used to build a fake and to read its state back (save/reopen). */
export interface FakeSheetData {
  name: string;
  /** Row-major values from A1; null/undefined/'' = empty. */
  values?: (FakeValue | null | undefined)[][];
  /** Number formats from A1; missing = General. */
  formats?: (string | null | undefined)[][];
  /** A1 address → fill colour (#RRGGBB, solid). */
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  comments?: Record<string, string>;
  /** Merged areas as A1 ranges, e.g. "A1:C1". */
  merges?: string[];
  /** Absent = Visible. */
  visibility?: FakeVisibility;
  /** Addresses of bold cells. */
  bold?: string[];
  /** Addresses of cells that wrap their text. */
  wrap?: string[];
  /** Column letter → width in points. */
  columnWidths?: Record<string, number>;
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeWorkbookData {
  name?: string;
  sheets: FakeSheetData[];
  customXmlParts?: string[];
  /** Workbook settings (Workbook.settings / Office.context.document.settings), JSON values. */
  settings?: Record<string, unknown>;
  /** The workbook uses the 1904 date system (Workbook.use1904DateSystem). */
  date1904?: boolean;
}

export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  constructor(public code: string, message: string) {
    super(message);
  }
}

export class SheetState {
  rows: FakeValue[][] = [];
  formats: (string | undefined)[][] = [];
  fills = new Map<number, FakeFill>();
  notes = new Map<number, string>();
  comments = new Map<number, { id: string; content: string }>();
  merges: Rect[] = [];
  visibility: FakeVisibility = 'Visible';
  bold = new Set<number>();
  wrap = new Set<number>();
  /** 0-based column → width in points. */
  columnWidths = new Map<number, number>();

  constructor(public id: string, public name: string) {}

  getValue(r: number, c: number): FakeValue {
    const row = this.rows[r];
    if (!row) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }

  setValue(r: number, c: number, v: FakeValue): void {
    let row = this.rows[r];
    if (!row) {
      if (v === '') return;
      for (let i = this.rows.length; i <= r; i++) if (!this.rows[i]) this.rows[i] = [];
      row = this.rows[r];
    }
    if (v === '' && c >= row.length) return;
    for (let i = row.length; i < c; i++) row[i] = '';
    row[c] = v;
  }

  getFormat(r: number, c: number): string {
    const row = this.formats[r];
    const f = row ? row[c] : undefined;
    return f === undefined ? 'General' : f;
  }

  setFormat(r: number, c: number, f: string): void {
    if (f === 'General' && !this.formats[r]) return;
    for (let i = this.formats.length; i <= r; i++) this.formats[i] = [];
    this.formats[r][c] = f === 'General' ? undefined : f;
  }

  getFill(r: number, c: number): FakeFill | undefined {
    return this.fills.get(cellKey(r, c));
  }

  setFill(r: number, c: number, fill: FakeFill | undefined): void {
    if (fill) this.fills.set(cellKey(r, c), fill);
    else this.fills.delete(cellKey(r, c));
  }

  /** Bounding rect of cells with values (valuesOnly) or also formats, fills, notes and merges. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    const add = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c] !== '' && row[c] !== undefined) add(r, c);
    }
    if (!valuesOnly) {
      for (let r = 0; r < this.formats.length; r++) {
        const row = this.formats[r];
        if (!row) continue;
        for (let c = 0; c < row.length; c++) if (row[c] !== undefined) add(r, c);
      }
      for (const k of this.fills.keys()) add(keyRow(k), keyCol(k));
      for (const m of this.merges) {
        add(m.top, m.left);
        add(m.bottom, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export class WorkbookState {
  sheets: SheetState[] = [];
  customXmlParts: { id: string; namespaceUri: string; xml: string }[] = [];
  settings = new Map<string, unknown>();
  name: string;
  date1904: boolean;
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  private nextId = 1;

  constructor(data: FakeWorkbookData) {
    this.name = data.name ?? 'Book1.xlsx';
    this.date1904 = !!data.date1904;
    if (!data.sheets.length) throw new Error('A workbook needs at least one sheet');
    for (const s of data.sheets) this.sheets.push(loadSheet(this.newId('sheet'), s));
    for (const xml of data.customXmlParts ?? []) this.addPart(xml);
    for (const [k, v] of Object.entries(data.settings ?? {})) this.settings.set(k, JSON.parse(JSON.stringify(v)));
    this.activeSheetId = this.sheets[0].id;
    this.selection = { sheetId: this.sheets[0].id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addPart(xml: string): { id: string; namespaceUri: string; xml: string } {
    const part = { id: this.newId('part'), namespaceUri: rootNamespace(xml), xml };
    this.customXmlParts.push(part);
    return part;
  }

  toData(): FakeWorkbookData {
    return {
      name: this.name,
      sheets: this.sheets.map(saveSheet),
      customXmlParts: this.customXmlParts.map((p) => p.xml),
      settings: Object.fromEntries(this.settings),
    };
  }
}

/** The namespace of the root element; Excel derives CustomXmlPart.namespaceUri the same way. Rejects non-XML. */
export function rootNamespace(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*(?::[\w.-]+)?)([^>]*)>/.exec(xml);
  if (!m) throw new FakeOfficeError('InvalidArgument', 'The XML is not well-formed.');
  const tag = m[1];
  const prefix = tag.includes(':') ? tag.split(':')[0] : '';
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const nm = new RegExp(`\\s${attr.replace('.', '\\.')}\\s*=\\s*"([^"]*)"`).exec(m[2]);
  if (!m[2].trimEnd().endsWith('/') && !new RegExp(`</${tag}>\\s*$`).test(xml)) {
    throw new FakeOfficeError('InvalidArgument', 'The XML is not well-formed.');
  }
  return nm ? nm[1] : '';
}

/** Stored-colour form Excel reports: upper-case #RRGGBB. Named colours are not modelled, so they are refused. */
export function normalizeColor(c: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(c);
  if (!m) throw new FakeOfficeError('InvalidArgument', `The fake models #RRGGBB colours only, got "${c}".`);
  return '#' + m[1].toUpperCase();
}

function loadSheet(id: string, s: FakeSheetData): SheetState {
  const sh = new SheetState(id, s.name);
  (s.values ?? []).forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') sh.setValue(r, c, v);
    });
  });
  (s.formats ?? []).forEach((row, r) => {
    if (!row) return;
    row.forEach((f, c) => {
      if (f) sh.setFormat(r, c, f);
    });
  });
  for (const [a, color] of Object.entries(s.fills ?? {})) {
    const rect = mustRect(a);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) sh.setFill(r, c, { color: normalizeColor(color), pattern: 'Solid' });
  }
  for (const [a, text] of Object.entries(s.notes ?? {})) {
    const rect = mustRect(a);
    sh.notes.set(cellKey(rect.top, rect.left), text);
  }
  let n = 1;
  for (const [a, text] of Object.entries(s.comments ?? {})) {
    const rect = mustRect(a);
    sh.comments.set(cellKey(rect.top, rect.left), { id: `${id}-c${n++}`, content: text });
  }
  sh.merges = (s.merges ?? []).map(mustRect);
  if (s.visibility) sh.visibility = s.visibility;
  for (const a of s.bold ?? []) sh.bold.add(cellKey(mustRect(a).top, mustRect(a).left));
  for (const a of s.wrap ?? []) sh.wrap.add(cellKey(mustRect(a).top, mustRect(a).left));
  for (const [letters, w] of Object.entries(s.columnWidths ?? {})) sh.columnWidths.set(mustRect(letters + '1').left, w);
  return sh;
}

function mustRect(a: string): Rect {
  const r = parseRect(a);
  if (!r) throw new Error('Bad address in fake workbook data: ' + a);
  return r;
}

function saveSheet(sh: SheetState): FakeSheetData {
  const addr = (k: number) => {
    const r = keyRow(k), c = keyCol(k);
    let s = '';
    let n = c + 1;
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s + (r + 1);
  };
  const fills: Record<string, string> = {};
  for (const [k, f] of sh.fills) fills[addr(k)] = f.color;
  const notes: Record<string, string> = {};
  for (const [k, t] of sh.notes) notes[addr(k)] = t;
  const comments: Record<string, string> = {};
  for (const [k, t] of sh.comments) comments[addr(k)] = t.content;
  // Trailing empties are trimmed so two grids that look the same in Excel save the same.
  const values = sh.rows.map((row) => {
    const out = row ? row.slice() : [];
    while (out.length && (out[out.length - 1] === '' || out[out.length - 1] === undefined)) out.pop();
    return out;
  });
  while (values.length && !values[values.length - 1].length) values.pop();
  const formats = sh.formats.map((row) => {
    const out = row ? Array.from(row, (f) => f ?? null) : [];
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (formats.length && !formats[formats.length - 1].length) formats.pop();
  const out: FakeSheetData = {
    name: sh.name,
    values,
    formats,
    fills,
    notes,
    comments,
    merges: sh.merges.map((m) => `${addr(cellKey(m.top, m.left))}:${addr(cellKey(m.bottom, m.right))}`),
  };
  // Only what was set: workbooks that never use these save as before.
  if (sh.visibility !== 'Visible') out.visibility = sh.visibility;
  if (sh.bold.size) out.bold = [...sh.bold].sort((a, b) => a - b).map(addr);
  if (sh.wrap.size) out.wrap = [...sh.wrap].sort((a, b) => a - b).map(addr);
  if (sh.columnWidths.size) {
    out.columnWidths = Object.fromEntries([...sh.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [addr(cellKey(0, c)).replace(/\d+$/, ''), w]));
  }
  return out;
}

export { MAX_COLS };
