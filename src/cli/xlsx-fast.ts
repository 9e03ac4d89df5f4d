// Fast .xlsx/.xlsm reading: fflate unzips, SheetJS parses the package with each worksheet's cells cut out, and the cells are scanned by hand exactly as SheetJS reads them; anything unusual returns null so the caller reads the file with SheetJS.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type * as XLSX from '@e965/xlsx';
import { asNodeBuffer, indexOfAscii, latin1Bytes, latin1Text, utf8FromLatin1 } from './bytes';

/** Thrown by the scanner when the XML is not in the plain shape whose reading it reproduces. */
class Unsupported extends Error {}

/** A cell as SheetJS keeps it (dense mode), the fields the snapshot reads. */
interface Cell {
  t: string;
  v?: unknown;
  f?: string;
  z?: string;
}

const MARK_PREFIX = '\u0001fundcheck-fast-part:';

// ---------------------------------------------------------------------------------------------------------------
// SheetJS 0.20.3 helpers, reproduced as they are (xlsx.js: unescapexml, utf8read, parsexmltag, parsexmlbool, RBErr,
// crefregex, shift_formula_xlsx, parse_si); each is used only where the plain scan cannot decide by itself.

const ENCODINGS: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const encregex = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const coderegex = /_x([\da-fA-F]{4})_/gi;
function rawUnescape(text: string): string {
  const s = text + '';
  const i = s.indexOf('<![CDATA[');
  if (i === -1)
    return s
      .replace(encregex, ($$, $1: string) => ENCODINGS[$$] || String.fromCharCode(parseInt($1, $$.indexOf('x') > -1 ? 16 : 10)) || $$)
      .replace(coderegex, (_m, c: string) => String.fromCharCode(parseInt(c, 16)));
  const j = s.indexOf(']]>');
  return rawUnescape(s.slice(0, i)) + s.slice(i + 9, j) + rawUnescape(s.slice(j + 3));
}
function unescapexml(text: string, xlsx?: boolean): string {
  // Fast exit: nothing to decode (no entity, no _xHHHH_ escape, no CDATA, no CR to fold).
  if (text.indexOf('&') < 0 && text.indexOf('_') < 0 && text.indexOf('<') < 0 && (!xlsx || text.indexOf('\r') < 0)) return text;
  const out = rawUnescape(text);
  return xlsx ? out.replace(/\r\n/g, '\n') : out;
}
function utf8read(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return utf8FromLatin1(s);
  return s;
}
function parsexmlbool(value: unknown): boolean {
  return value === '1' || value === 'true';
}
const attregexg = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;
function parsexmltag(tag: string): Record<string, string> {
  const z: Record<string, string> = {};
  let eq = 0;
  let c: number;
  for (; eq !== tag.length; ++eq) if ((c = tag.charCodeAt(eq)) === 32 || c === 10 || c === 13) break;
  z[0] = tag.slice(0, eq);
  if (eq === tag.length) return z;
  const m = tag.match(attregexg);
  if (m)
    for (let i = 0; i !== m.length; ++i) {
      const cc = m[i]!.slice(1);
      for (c = 0; c !== cc.length; ++c) if (cc.charCodeAt(c) === 61) break;
      let q = cc.slice(0, c).trim();
      while (cc.charCodeAt(c + 1) === 32) ++c;
      const quot = (eq = cc.charCodeAt(c + 1)) === 34 || eq === 39 ? 1 : 0;
      const v = cc.slice(c + 1 + quot, cc.length - quot);
      let j: number;
      for (j = 0; j !== q.length; ++j) if (q.charCodeAt(j) === 58) break;
      if (j === q.length) {
        if (q.indexOf('_') > 0) q = q.slice(0, q.indexOf('_'));
        z[q] = v;
        z[q.toLowerCase()] = v;
      } else {
        const k = (j === 5 && q.slice(0, 5) === 'xmlns' ? 'xmlns' : '') + q.slice(j + 1);
        if (z[k] && q.slice(j - 3, j) === 'ext') continue;
        z[k] = v;
        z[k.toLowerCase()] = v;
      }
    }
  return z;
}
// A plain object like SheetJS's, so that odd keys look up the same way.
const RBErr: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
  '#WTF?': 0xff,
};
const crefregex =
  /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;
function decodeCell(cstr: string): { c: number; r: number } {
  let R = 0;
  let C = 0;
  for (let i = 0; i < cstr.length; ++i) {
    const cc = cstr.charCodeAt(i);
    if (cc >= 48 && cc <= 57) R = 10 * R + (cc - 48);
    else if (cc >= 65 && cc <= 90) C = 26 * C + (cc - 64);
  }
  return { c: C - 1, r: R - 1 };
}
const decodeRow = (s: string): number => parseInt(s.replace(/\$(\d+)$/, '$1'), 10) - 1;
const decodeCol = (s: string): number => {
  const c = s.replace(/^\$([A-Z])/, '$1');
  let d = 0;
  for (let i = 0; i !== c.length; ++i) d = 26 * d + c.charCodeAt(i) - 64;
  return d - 1;
};
function encodeCol(col: number): string {
  if (col < 0) throw new Unsupported('invalid column');
  let s = '';
  for (++col; col; col = Math.floor((col - 1) / 26)) s = String.fromCharCode(((col - 1) % 26) + 65) + s;
  return s;
}
function shiftFormula(f: string, range: string, cell: string): string {
  const idx = range.indexOf(':');
  const s = decodeCell(idx === -1 ? range : range.slice(0, idx));
  const c = decodeCell(cell);
  const dr = c.r - s.r;
  const dc = c.c - s.c;
  return f.replace(crefregex, ($0, $1: string, $2: string, $3: string, $4: string, $5: string) =>
    $1 + ($2 === '$' ? $2 + $3 : encodeCol(decodeCol($3) + dc)) + ($4 === '$' ? $4 + $5 : '' + (decodeRow($5) + dr + 1)),
  );
}
const tagregex = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const sitregex = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const sirregex = /<(?:\w+:)?r\b[^<>]*>/;
function removeRPh(str: string): string | null {
  const open = /<(?:\w+:)?rPh\b[^<>]*>/g;
  const close = /<\/(?:\w+:)?rPh>/g;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  let ef = 0;
  while ((m = open.exec(str))) {
    out.push(str.slice(ef, m.index));
    close.lastIndex = open.lastIndex;
    m = close.exec(str);
    if (!m) return null;
    ef = close.lastIndex;
    open.lastIndex = close.lastIndex;
  }
  out.push(str.slice(ef));
  return out.join('');
}
/** parse_si's text for an inline string (`<is>` content). */
function inlineText(x: string): string | undefined {
  if (!x) return '';
  if (/^\s*<(?:\w+:)?t[^>]*>/.test(x)) return unescapexml(utf8read(x.slice(x.indexOf('>') + 1).split(/<\/(?:\w+:)?t>/)[0] || ''), true);
  if (sirregex.test(x)) {
    const stripped = removeRPh(x);
    if (stripped === null) throw new Unsupported('rPh'); // SheetJS would fail on null.match
    return unescapexml(utf8read((stripped.match(sitregex) || []).join('').replace(tagregex, '')), true);
  }
  return undefined;
}

/**
 * parse_sst_xml's table from the content of <sst>: `<si>` open tags removed, split at `</si>`, each piece trimmed and
 * read as parse_si reads it (so the piece after the last `</si>` gives one more, empty, string, as in SheetJS).
 */
function parseSst(inner: string): { t?: unknown }[] {
  // Without prefixed or sstItem tags the regular expressions match exactly the literal <si> and </si>.
  const literal = inner.indexOf('sstItem') < 0 && inner.indexOf(':si>') < 0;
  const pieces = literal
    ? inner.split('<si>').join('').split('</si>')
    : inner.replace(/<(?:\w+:)?(?:si|sstItem)>/g, '').split(/<\/(?:\w+:)?(?:si|sstItem)>/);
  const out: { t?: unknown }[] = new Array(pieces.length);
  for (let i = 0; i < pieces.length; i++) {
    const x = pieces[i]!.trim();
    // The plain <t>text</t> (or <t xml:space="preserve">) read without regular expressions; else parse_si's way.
    if (x.charCodeAt(0) === 60 && x.charCodeAt(1) === 116 && (x.charCodeAt(2) === 62 || x.charCodeAt(2) === 32)) {
      const gt = x.indexOf('>');
      const lt = x.indexOf('<', gt + 1);
      if (lt > 0 && x.startsWith('</t>', lt)) {
        out[i] = { t: unescapexml(utf8read(x.slice(gt + 1, lt)), true) };
        continue;
      }
    }
    out[i] = { t: inlineText(x) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The scanner of <sheetData>: accepts rows of cells in the plain shape every common writer produces and reads them
// as parse_ws_xml_data (cellFormula, cellNF, cellStyles, sheetStubs, dense, cellText off) does.

const WS = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const ROW_ATTRS = new Set(['r', 'spans', 's', 'customFormat', 'ht', 'hidden', 'customHeight', 'outlineLevel', 'collapsed', 'thickTop', 'thickBot', 'ph', 'x14ac:dyDescent']);
const F_ATTRS = new Set(['t', 'ref', 'si', 'aca', 'ca', 'dt2D', 'dtr', 'del1', 'del2', 'r1', 'r2', 'bx']);
const INLINE_TAGS = new Set(['t', 'r', 'rPr', 'rPh', 'phoneticPr', 'b', 'i', 'u', 'sz', 'color', 'rFont', 'family', 'charset', 'scheme', 'vertAlign', 'strike', 'outline', 'shadow', 'condense', 'extend']);

interface SheetContext {
  strs: { t?: unknown }[];
  cellXf: { numFmtId?: unknown }[] | null;
  fmt: Record<string, string>;
}

class Scanner {
  pos: number;
  attrs = new Map<string, string>();
  selfClosing = false;
  constructor(
    readonly s: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }
  skipWs(): void {
    const s = this.s;
    while (this.pos < this.end && WS(s.charCodeAt(this.pos))) this.pos++;
  }
  at(lit: string): boolean {
    return this.s.startsWith(lit, this.pos);
  }
  /** Reads attributes after a tag name up to `>` or `/>`, strictly name="value" (or '…'), each after whitespace. */
  readAttrs(allowed: Set<string>): void {
    const s = this.s;
    const attrs = this.attrs;
    attrs.clear();
    for (;;) {
      const before = this.pos;
      this.skipWs();
      if (this.pos >= this.end) throw new Unsupported('eof in tag');
      const ch = s.charCodeAt(this.pos);
      if (ch === 62 /* > */) {
        this.pos++;
        this.selfClosing = false;
        return;
      }
      if (ch === 47 /* / */) {
        if (s.charCodeAt(this.pos + 1) !== 62) throw new Unsupported('tag');
        this.pos += 2;
        this.selfClosing = true;
        return;
      }
      if (this.pos === before) throw new Unsupported('attribute without whitespace');
      const eq = s.indexOf('=', this.pos);
      if (eq < 0 || eq >= this.end) throw new Unsupported('attribute');
      const name = s.slice(this.pos, eq);
      if (!allowed.has(name) || attrs.has(name)) throw new Unsupported('attribute ' + name);
      const q = s.charCodeAt(eq + 1);
      if (q !== 34 && q !== 39) throw new Unsupported('unquoted');
      const close = s.indexOf(q === 34 ? '"' : "'", eq + 2);
      if (close < 0 || close >= this.end) throw new Unsupported('attribute value');
      const value = s.slice(eq + 2, close);
      if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) throw new Unsupported('angle bracket in attribute');
      attrs.set(name, value);
      this.pos = close + 1;
    }
  }
  cellR: string | undefined;
  cellS: string | number | undefined;
  cellT: string | undefined;
  /** readAttrs for a cell's tag (r, s, t; cm, vm, ph ignored), without a map: the hot path of a big sheet. */
  readCellAttrs(): void {
    const s = this.s;
    let seen = 0;
    this.cellR = this.cellS = this.cellT = undefined;
    for (;;) {
      const before = this.pos;
      this.skipWs();
      if (this.pos >= this.end) throw new Unsupported('eof in tag');
      const ch = s.charCodeAt(this.pos);
      if (ch === 62 /* > */) {
        this.pos++;
        this.selfClosing = false;
        return;
      }
      if (ch === 47 /* / */) {
        if (s.charCodeAt(this.pos + 1) !== 62) throw new Unsupported('tag');
        this.pos += 2;
        this.selfClosing = true;
        return;
      }
      if (this.pos === before) throw new Unsupported('attribute without whitespace');
      const n0 = ch;
      const n1 = s.charCodeAt(this.pos + 1);
      let bit: number;
      let eq: number;
      if (n1 === 61 /* = */) {
        eq = this.pos + 1;
        bit = n0 === 114 /* r */ ? 1 : n0 === 115 /* s */ ? 2 : n0 === 116 /* t */ ? 4 : 0;
      } else if (s.charCodeAt(this.pos + 2) === 61) {
        eq = this.pos + 2;
        bit = (n0 === 99 && n1 === 109) /* cm */ ? 8 : (n0 === 118 && n1 === 109) /* vm */ ? 16 : (n0 === 112 && n1 === 104) /* ph */ ? 32 : 0;
      } else throw new Unsupported('attribute');
      if (bit === 0 || seen & bit) throw new Unsupported('attribute');
      seen |= bit;
      const q = s.charCodeAt(eq + 1);
      if (q !== 34 && q !== 39) throw new Unsupported('unquoted');
      let close = eq + 2;
      let digits = true;
      for (; close < this.end; close++) {
        const c = s.charCodeAt(close);
        if (c === q) break;
        if (c === 60 || c === 62) throw new Unsupported('angle bracket in attribute');
        if (c < 48 || c > 57) digits = false;
      }
      if (close >= this.end) throw new Unsupported('attribute value');
      if (bit === 1) this.cellR = s.slice(eq + 2, close);
      else if (bit === 2) {
        // A plain index looks up the same entry as its text; anything else (leading zeros, signs) stays text.
        const len = close - eq - 2;
        this.cellS = digits && len > 0 && len < 10 && (len === 1 || s.charCodeAt(eq + 2) !== 48) ? parseInt(s.slice(eq + 2, close), 10) : s.slice(eq + 2, close);
      } else if (bit === 4) this.cellT = s.slice(eq + 2, close);
      this.pos = close + 1;
    }
  }
  /** Text up to `</name>`, which must hold no markup. */
  textUntil(close: string): string {
    const at = this.s.indexOf(close, this.pos);
    if (at < 0 || at + close.length > this.end) throw new Unsupported('unclosed ' + close);
    const text = this.s.slice(this.pos, at);
    if (text.indexOf('<') >= 0) throw new Unsupported('markup in text');
    this.pos = at + close.length;
    return text;
  }
}

interface Shared {
  f: string;
  ref: string;
}

/** Scans s[start, end) (a sheetData's content) into SheetJS's dense `!data` and `!rows`. */
function scanSheetData(s: string, start: number, end: number, ctx: SheetContext): { data: (Cell | undefined)[][]; rows: { hidden?: boolean }[] } {
  const sc = new Scanner(s, start, end);
  const data: (Cell | undefined)[][] = [];
  const rows: { hidden?: boolean }[] = [];
  const shared = new Map<string, Shared>();
  const { strs, cellXf, fmt } = ctx;
  for (;;) {
    sc.skipWs();
    if (sc.pos >= end) break;
    if (!sc.at('<row') || !(WS(s.charCodeAt(sc.pos + 4)) || s.charCodeAt(sc.pos + 4) === 62 || s.charCodeAt(sc.pos + 4) === 47)) throw new Unsupported('not a row');
    sc.pos += 4;
    sc.readAttrs(ROW_ATTRS);
    const rowR = sc.attrs.get('r');
    if (rowR === undefined || !/^[1-9]\d{0,6}$/.test(rowR)) throw new Unsupported('row without r');
    const tagr = parseInt(rowR, 10);
    const ht = sc.attrs.get('ht');
    const hiddenAttr = sc.attrs.get('hidden');
    const hidden = !!hiddenAttr && parsexmlbool(hiddenAttr);
    if (ht || hidden || sc.attrs.get('outlineLevel') != null) rows[tagr - 1] = hidden ? { hidden: true } : {};
    if (sc.selfClosing) continue;
    for (;;) {
      sc.skipWs();
      if (sc.at('</row>')) {
        sc.pos += 6;
        break;
      }
      if (!sc.at('<c ')) throw new Unsupported('not a cell');
      sc.pos += 2;
      sc.readCellAttrs();
      const r = sc.cellR;
      if (!r) throw new Unsupported('cell without r');
      const t = sc.cellT;
      const sAttr = sc.cellS;
      let vRaw: string | undefined;
      let hasV = false;
      let fText: string | undefined; // content of <f>…</f>
      let fWhole: string | undefined; // the <f …>…</f> element as SheetJS matches it
      let fSelf = false; // <f …/>
      let fAttrs: Map<string, string> | undefined;
      let isInner: string | undefined;
      if (!sc.selfClosing) {
        for (;;) {
          sc.skipWs();
          if (sc.at('</c>')) {
            sc.pos += 4;
            break;
          }
          if (sc.at('<v/>')) {
            // SheetJS looks for </v> after it, finds none in the cell and reads no value.
            if (hasV) throw new Unsupported('two v');
            hasV = true;
            sc.pos += 4;
          } else if (sc.at('<v>')) {
            if (hasV) throw new Unsupported('two v');
            hasV = true;
            sc.pos += 3;
            vRaw = sc.textUntil('</v>');
          } else if (sc.at('<f') && (WS(s.charCodeAt(sc.pos + 2)) || s.charCodeAt(sc.pos + 2) === 62 || s.charCodeAt(sc.pos + 2) === 47)) {
            if (fAttrs) throw new Unsupported('two f');
            const open = sc.pos;
            sc.pos += 2;
            sc.readAttrs(F_ATTRS);
            fAttrs = new Map(sc.attrs);
            if (sc.selfClosing) fSelf = true;
            else {
              fText = sc.textUntil('</f>');
              fWhole = s.slice(open, sc.pos);
            }
          } else if (sc.at('<is>')) {
            if (isInner !== undefined) throw new Unsupported('two is');
            sc.pos += 4;
            const from = sc.pos;
            // Only run-level markup inside, so no tag SheetJS searches the cell for can occur in it.
            for (;;) {
              const lt = s.indexOf('<', sc.pos);
              if (lt < 0 || lt >= end) throw new Unsupported('unclosed is');
              if (s.startsWith('</is>', lt)) {
                isInner = s.slice(from, lt);
                sc.pos = lt + 5;
                break;
              }
              let p = lt + 1;
              if (s.charCodeAt(p) === 47) p++;
              let q = p;
              while (q < end && /[A-Za-z]/.test(s[q]!)) q++;
              if (!INLINE_TAGS.has(s.slice(p, q))) throw new Unsupported('inline tag');
              const gt = s.indexOf('>', q);
              if (gt < 0) throw new Unsupported('inline tag');
              const inner = s.slice(q, gt);
              if (inner.indexOf('<') >= 0 || (inner.length > 0 && !WS(inner.charCodeAt(0)) && inner !== '/')) throw new Unsupported('inline tag');
              sc.pos = gt + 1;
            }
          } else throw new Unsupported('cell content');
        }
      }

      // parse_ws_xml_data from here on.
      const p: Cell = { t: '', v: undefined, f: undefined, z: undefined }; // one shape for every cell
      if (vRaw !== undefined && vRaw !== '') p.v = unescapexml(vRaw);
      if (fAttrs) {
        if (fText !== undefined && fText !== '') {
          let f = unescapexml(utf8read(fText), true);
          f = f.replace(/_xlfn\./g, '');
          p.f = f;
          if (fWhole!.indexOf('t="array"') > -1) {
            if (fAttrs.get('ref') === undefined) throw new Unsupported('array formula without ref');
          } else if (fWhole!.indexOf('t="shared"') > -1) {
            const ftag = parsexmltag(fWhole!);
            if (ftag.si === undefined || !/^\d{1,9}$/.test(ftag.si)) throw new Unsupported('shared formula si');
            shared.set(String(parseInt(ftag.si, 10)), { f: unescapexml(utf8read(fText)).replace(/_xlfn\./g, ''), ref: r });
          }
        } else if (fSelf || fWhole!.indexOf('t="shared"') > -1) {
          const si = fAttrs.get('si');
          if (si !== undefined) {
            if (!/^\d{1,9}$/.test(si)) throw new Unsupported('shared formula si');
            const m = shared.get(si);
            if (m) p.f = shiftFormula(m.f, m.ref, r);
          }
        }
      }
      if (t === undefined && p.v === undefined) {
        // A formula without its value is a 0 that the number case turns into a stub; anything else is a stub.
        p.t = 'z';
        if (p.f) p.v = 0;
      } else {
        p.t = t || 'n';
        switch (p.t) {
          case 'n':
            if (p.v == null || p.v === '') p.t = 'z';
            else p.v = parseFloat(p.v as string);
            break;
          case 's':
            if (p.v === undefined) p.t = 'z';
            else {
              const sstr = strs[parseInt(p.v as string, 10)];
              if (!sstr) throw new Unsupported('shared string index');
              p.v = sstr.t;
            }
            break;
          case 'str':
            p.t = 's';
            p.v = p.v != null ? unescapexml(utf8read(p.v as string), true) : '';
            break;
          case 'inlineStr': {
            p.t = 's';
            p.v = isInner !== undefined ? inlineText(isInner) : '';
            break;
          }
          case 'b':
            p.v = parsexmlbool(p.v);
            break;
          case 'e':
            p.v = RBErr[p.v as string];
            break;
          default:
            throw new Unsupported('cell type ' + p.t);
        }
      }
      let fmtid: unknown = 0;
      if (cellXf && sAttr !== undefined) {
        const cf = cellXf[sAttr as number];
        if (cf != null && cf.numFmtId != null) fmtid = cf.numFmtId;
      }
      const z = fmt[fmtid as string];
      if (z !== undefined) p.z = z;
      const at = decodeCell(r);
      (data[at.r] ??= [])[at.c] = p;
    }
  }
  return { data, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// The package.

const SHEETDATA_OPEN = /<(?:\w+:)?sheetData\b[^<>]*>/g;
const SHEETDATA_CLOSE = /<\/(?:\w+:)?sheetData>/g;

interface StubbedPart {
  name: string;
  original: Uint8Array;
  text: string;
  from: number;
  to: number;
}

/** The local name of a part's root element, from its first bytes (latin1), or null. */
function rootName(head: string): string | null {
  const m = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>]/.exec(head);
  return m ? m[1]! : null;
}
const SST_OPEN = /<(?:\w+:)?sst\b[^<>]*>/g;
const SST_CLOSE = /<\/(?:\w+:)?sst>/g;

/**
 * Reads an .xlsx/.xlsm package as `XLSX.read` would, giving the same workbook object for everything the snapshot
 * reads (sheets' cells, formats, formulas, merges, hidden rows and columns, names, date system, package files).
 * `parse` is the caller's SheetJS read of a package (its options); it is given a copy of the package whose
 * worksheets' <sheetData> hold only a marker cell, and the cells are then put back from this module's scan.
 * Returns null when the package holds something the scan does not reproduce; the caller then reads the file itself.
 */
export function readXlsxFast(bytes: Uint8Array, parse: (pkg: Uint8Array) => XLSX.WorkBook): XLSX.WorkBook | null {
  let entries: Record<string, Uint8Array>;
  const names: string[] = [];
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        names.push(file.name);
        return true;
      },
    });
  } catch {
    return null;
  }
  // Names SheetJS's own zip reader might read otherwise: non-ASCII, duplicated (case-insensitively, as it looks up).
  const seen = new Set<string>();
  for (const n of names) {
    if (!/^[\x20-\x7e]+$/.test(n)) return null;
    const k = n.toLowerCase();
    if (seen.has(k)) return null;
    seen.add(k);
  }
  const stubbed: StubbedPart[] = [];
  let sst: StubbedPart | null = null;
  // A fresh marker per read, so no value a workbook holds can pass for one.
  const MARK = `${MARK_PREFIX}${Math.random().toString(36).slice(2)}:`;
  const pkg: Zippable = {};
  for (const name of names) {
    const content = entries[name]!;
    let out: Uint8Array = content;
    if (content.length > 64 && !/\.bin$/i.test(name) && !(content[0] === 0xff && content[1] === 0xfe) && !(content[1] === 0xfe && content[2] === 0xff)) {
      const root = rootName(latin1Text(content, 0, Math.min(content.length, 2048)));
      if (root === 'sst' && sst === null) {
        // The shared strings are read here too (parseSst), if this is the part SheetJS takes them from.
        const text = latin1Text(content);
        SST_OPEN.lastIndex = 0;
        const open = SST_OPEN.exec(text);
        if (open) {
          SST_CLOSE.lastIndex = SST_OPEN.lastIndex;
          const close = SST_CLOSE.exec(text);
          if (close) {
            sst = { name, original: content, text, from: SST_OPEN.lastIndex, to: close.index };
            out = latin1Bytes(text.slice(0, sst.from) + text.slice(sst.to));
          }
        }
      } else if (root === 'worksheet' && indexOfAscii(content, 'sheetData') >= 0) {
        const text = latin1Text(content);
        SHEETDATA_OPEN.lastIndex = 0;
        const open = SHEETDATA_OPEN.exec(text);
        if (open) {
          SHEETDATA_CLOSE.lastIndex = SHEETDATA_OPEN.lastIndex;
          const close = SHEETDATA_CLOSE.exec(text);
          if (close) {
            const from = SHEETDATA_OPEN.lastIndex;
            const to = close.index;
            const marker = `<row r="1"><c r="A1" t="str"><v>${MARK}${stubbed.length}</v></c></row>`;
            stubbed.push({ name, original: content, text, from, to });
            out = latin1Bytes(text.slice(0, from) + marker + text.slice(to));
          }
        }
      }
    }
    pkg[name] = [out, { level: 0 }];
  }
  let wb: XLSX.WorkBook;
  try {
    wb = parse(zipSync(pkg));
  } catch {
    return null;
  }
  const styles = (wb as { Styles?: { CellXf?: unknown } }).Styles;
  // The shared strings: ours when SheetJS took them from the part stubbed here, else its own.
  const dirSst = (wb as { Directory?: { sst?: unknown } }).Directory?.sst;
  const ownSst = sst !== null && typeof dirSst === 'string' && dirSst.replace(/^\//, '').toLowerCase() === sst.name.toLowerCase() && !/\.bin$/i.test(dirSst);
  let strs = ((wb as { Strings?: unknown }).Strings ?? []) as { t?: unknown }[];
  if (ownSst) {
    try {
      strs = parseSst(sst!.text.slice(sst!.from, sst!.to));
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  }
  const ctx: SheetContext = {
    strs,
    cellXf: Array.isArray(styles?.CellXf) ? (styles.CellXf as { numFmtId?: unknown }[]) : null,
    fmt: ((wb as { SSF?: unknown }).SSF ?? {}) as Record<string, string>,
  };
  const scanned = new Map<number, ReturnType<typeof scanSheetData>>();
  try {
    for (const sheetName of wb.SheetNames) {
      const ws = wb.Sheets[sheetName] as unknown as (Record<string, unknown> & { '!data'?: (Cell | undefined)[][] }) | undefined;
      const first = ws?.['!data']?.[0]?.[0];
      if (!ws || !first || typeof first.v !== 'string' || !first.v.startsWith(MARK)) {
        // A sheet SheetJS read in full would have read our stub of the shared strings.
        if (ownSst && ws?.['!data']?.some((row) => row && row.length > 0)) return null;
        continue;
      }
      const idx = Number(first.v.slice(MARK.length));
      const part = stubbed[idx];
      if (!part) return null;
      let got = scanned.get(idx);
      if (!got) scanned.set(idx, (got = scanSheetData(part.text, part.from, part.to, ctx)));
      ws['!data'] = got.data;
      if (got.rows.length > 0) ws['!rows'] = got.rows;
      else delete ws['!rows'];
    }
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  // The package's files as read (for the integrity check): the worksheets as they are, not the stubs.
  const files = (wb as { files?: Record<string, { content?: unknown } | undefined> }).files;
  if (files) for (const part of sst ? [...stubbed, sst] : stubbed) if (files[part.name]) files[part.name]!.content = asNodeBuffer(part.original);
  return wb;
}
