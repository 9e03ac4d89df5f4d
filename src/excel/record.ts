// The marks record kept in the workbook (custom XML parts) so Clear can undo exactly what Apply wrote, even after save/reopen or an interrupted run.
import { chunkAddresses } from './address';

export const MARKS_NS = 'urn:fundcheck:marks:v1';
/** Keeps each custom XML part (and so each request that writes one) far below the 5 MB request limit. */
export const MAX_PART_CHARS = 900_000;

/** A group of cells we filled with `set`, whose fill before was `orig` (null = no fill; "#RRGGBB" or "#RRGGBB Pattern"). */
export interface FillGroup {
  set: string;
  orig: string | null;
  /** Area strings (B5, B5:B9), each list joined stays under the address limit. */
  areas: string[];
}

/** A note or comment we added, with the hash of its text (a user-edited one is left alone). */
export interface NoteMark {
  cell: string;
  kind: 'note' | 'comment';
  hash: string;
}

/** A computed cell we wrote: hash of our value, and the value/format it had before. */
export interface ValueMark {
  cell: string;
  hash: string;
  /** Previous value ('' = empty). */
  prev: string | number | boolean;
  /** Previous number format. */
  prevFormat: string;
}

export interface SheetMarks {
  sheet: string;
  fills: FillGroup[];
  notes: NoteMark[];
  values: ValueMark[];
}

export interface MarksRecord {
  run: string;
  sheets: SheetMarks[];
}

/** FNV-1a 32-bit hash in base 36: short enough to store per cell, enough to tell "ours, untouched" from "edited". */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Hash of a cell value as Excel reports it back (numbers and text hash differently). */
export function hashValue(v: unknown): string {
  return hashText(typeof v + ':' + String(v));
}

function esc(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this escapes
  return s.replace(/[&<>"\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unesc(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCharCode(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

function encodePrev(v: string | number | boolean): string {
  return typeof v === 'number' ? 'n' + v : typeof v === 'boolean' ? 'b' + (v ? 1 : 0) : 's' + v;
}

function decodePrev(s: string): string | number | boolean {
  if (s[0] === 'n') return Number(s.slice(1));
  if (s[0] === 'b') return s[1] === '1';
  return s.slice(1);
}

/** Serialises a record into one or more XML documents, each under MAX_PART_CHARS. */
export function encodeRecord(rec: MarksRecord, maxChars = MAX_PART_CHARS): string[] {
  const items: { sheet: string; xml: string }[] = [];
  for (const s of rec.sheets) {
    for (const g of s.fills) {
      for (const chunk of chunkAddresses(g.areas, 8000)) {
        items.push({ sheet: s.sheet, xml: `<f s="${esc(g.set)}" o="${esc(g.orig ?? '')}" a="${esc(chunk)}"/>` });
      }
    }
    for (const n of s.notes) items.push({ sheet: s.sheet, xml: `<n a="${n.cell}" k="${n.kind[0]}" h="${n.hash}"/>` });
    for (const v of s.values) {
      const pv = v.prev === '' ? '' : ` p="${esc(encodePrev(v.prev))}"`;
      const pf = v.prevFormat === 'General' ? '' : ` pf="${esc(v.prevFormat)}"`;
      items.push({ sheet: s.sheet, xml: `<v a="${v.cell}" h="${v.hash}"${pv}${pf}/>` });
    }
  }
  const parts: string[] = [];
  let body = '';
  let open: string | null = null;
  const head = (i: number) => `<marks xmlns="${MARKS_NS}" run="${esc(rec.run)}" part="${i}">`;
  const flush = () => {
    if (open !== null) body += '</s>';
    parts.push(head(parts.length) + body + '</marks>');
    body = '';
    open = null;
  };
  for (const it of items) {
    const opening = open === it.sheet ? '' : (open !== null ? '</s>' : '') + `<s n="${esc(it.sheet)}">`;
    if (body.length + opening.length + it.xml.length + 200 > maxChars && body.length) {
      flush();
      body = `<s n="${esc(it.sheet)}">` + it.xml;
      open = it.sheet;
      continue;
    }
    body += opening + it.xml;
    open = it.sheet;
  }
  if (body.length || parts.length === 0) flush();
  return parts;
}

const SHEET_RE = /<s n="([^"]*)">([\s\S]*?)<\/s>/g;
const ELEM_RE = /<([fnv]) ([^>]*?)\/>/g;
const ATTR_RE = /(\w+)="([^"]*)"/g;

/** Parses and merges the XML documents of one or more parts (any order); unknown parts of our namespace are ignored. */
export function decodeRecord(xmls: string[]): MarksRecord {
  const bySheet = new Map<string, SheetMarks>();
  let run = '';
  for (const xml of xmls) {
    const m = /<marks\b[^>]*\brun="([^"]*)"/.exec(xml);
    if (!m) continue;
    run = unesc(m[1]);
    for (const sm of xml.matchAll(SHEET_RE)) {
      const name = unesc(sm[1]);
      let s = bySheet.get(name);
      if (!s) bySheet.set(name, (s = { sheet: name, fills: [], notes: [], values: [] }));
      for (const em of sm[2].matchAll(ELEM_RE)) {
        const a: Record<string, string> = {};
        for (const am of em[2].matchAll(ATTR_RE)) a[am[1]] = unesc(am[2]);
        if (em[1] === 'f') s.fills.push({ set: a.s, orig: a.o ? a.o : null, areas: a.a.split(',') });
        else if (em[1] === 'n') s.notes.push({ cell: a.a, kind: a.k === 'c' ? 'comment' : 'note', hash: a.h });
        else s.values.push({ cell: a.a, hash: a.h, prev: a.p === undefined ? '' : decodePrev(a.p), prevFormat: a.pf ?? 'General' });
      }
    }
  }
  return { run, sheets: [...bySheet.values()] };
}
