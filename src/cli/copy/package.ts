// Writes an annotated copy by patching the original .xlsx/.xlsm package: only the parts that change are rewritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import type { Lang, Report, WorkbookSnapshot } from '../../engine/types';
import { NOTE_MARKER_TOKEN } from '../../engine/presentation';
import { planMarks } from './marks';
import type { SheetPlan } from './marks';
import { patchNotes } from './notes';
import { patchSheet } from './sheet';
import { StyleSheet } from './styles';
import { attr, escapeXml } from './xml';
import { inflate, readEntries, writeZip } from './zip';
import type { OutEntry, ZipEntry } from './zip';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const REL_VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/**
 * DEFLATE levels: XML parts at 6 (small, compress well); the big sheet parts at 4, whose longer match searches cost
 * time and gain little on sheet XML; media that are compressed already (png, jpeg…) stored as they are.
 */
const LEVEL_XML = 6;
const LEVEL_LARGE = 4;
const LARGE = 4 * 1024 * 1024;
const STORED = /\.(png|jpe?g|gif|emf|wmf|tiff?|bmp|bin)$/i;

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

function parseRels(xml: string | null): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    out.push({
      id: attr(m[1]!, 'Id') ?? '',
      type: attr(m[1]!, 'Type') ?? '',
      target: attr(m[1]!, 'Target') ?? '',
      external: attr(m[1]!, 'TargetMode') === 'External',
    });
  }
  return out;
}

function addRel(xml: string | null, id: string, type: string, target: string): string {
  const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!xml) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${el}</Relationships>`;
  const end = xml.lastIndexOf('</Relationships>');
  if (end < 0) return xml.replace(/<Relationships\b([^>]*?)\/>/, `<Relationships$1>${el}</Relationships>`);
  return xml.slice(0, end) + el + xml.slice(end);
}

function freeId(rels: Rel[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function freePart(pkg: Package, stem: string, ext: string): string {
  for (let n = 1; ; n++) if (!pkg.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
}

/** The parts of a package by name: only those read are inflated, only those set are written anew. */
class Package {
  readonly changed = new Set<string>();
  private readonly data = new Map<string, Uint8Array>();
  /** Part names in archive order, new parts last. */
  readonly names: string[];
  private readonly entries = new Map<string, ZipEntry>();

  constructor(bytes: Uint8Array) {
    const entries = readEntries(bytes);
    if (entries) {
      for (const e of entries) this.entries.set(e.name, e);
      this.names = entries.map((e) => e.name);
    } else {
      // An archive the entry reader does not follow (Zip64…): every part inflated and written anew.
      const files = unzipSync(bytes);
      this.names = Object.keys(files);
      for (const n of this.names) {
        this.data.set(n, files[n]!);
        this.changed.add(n);
      }
    }
  }
  has(name: string): boolean {
    return this.data.has(name) || this.entries.has(name);
  }
  text(name: string): string | null {
    // Inflated again when asked twice rather than kept: a big sheet's bytes need not outlive its text.
    const d = this.data.get(name) ?? (this.entries.has(name) ? inflate(this.entries.get(name)!) : null);
    return d ? Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString('utf8') : null;
  }
  /** Sets a part's content: a text, or its UTF-8 bytes (a big sheet arrives encoded). */
  set(name: string, content: string | Buffer): void {
    if (!this.has(name)) this.names.push(name);
    this.data.set(name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    this.changed.add(name);
  }
  /** The archive: parts not set are copied as stored, byte for byte, compressed data included. */
  toZip(): Uint8Array {
    const out: OutEntry[] = [];
    for (const name of this.names) {
      if (name.endsWith('/')) continue;
      const e = this.entries.get(name);
      if (e && !this.changed.has(name)) out.push({ name, entry: e });
      else {
        const data = this.data.get(name)!;
        out.push({ name, data, level: STORED.test(name) ? 0 : data.length > LARGE ? LEVEL_LARGE : LEVEL_XML });
      }
    }
    return writeZip(out);
  }
}

/** The worksheet part of each sheet name. */
function sheetParts(pkg: Package): { workbook: string; sheets: Map<string, string>; styles: string | null } {
  const root = parseRels(pkg.text('_rels/.rels'));
  const wbRel = root.find((r) => /\/officeDocument$/.test(r.type));
  const workbook = wbRel ? resolveTarget('', wbRel.target) : 'xl/workbook.xml';
  const wbXml = pkg.text(workbook) ?? '';
  const rels = parseRels(pkg.text(relsPathOf(workbook)));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets = new Map<string, string>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const rid = attr(m[1]!, 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1] ?? null;
    const rel = rid ? byId.get(rid) : undefined;
    if (name !== null && rel && /\/worksheet$/.test(rel.type)) sheets.set(name, resolveTarget(workbook, rel.target));
  }
  const st = rels.find((r) => /\/styles$/.test(r.type));
  return { workbook, sheets, styles: st ? resolveTarget(workbook, st.target) : null };
}

function addContentType(ct: string, partName: string, type: string): string {
  if (new RegExp(`PartName="/${partName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').test(ct)) return ct;
  return ct.replace('</Types>', `<Override PartName="/${escapeXml(partName)}" ContentType="${type}"/></Types>`);
}

function ensureDefault(ct: string, ext: string, type: string): string {
  if (new RegExp(`<Default\\b[^>]*Extension="${ext}"`, 'i').test(ct)) return ct;
  return ct.replace('</Types>', `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
}

function hasOurNotes(pkg: Package, part: string): boolean {
  const rel = parseRels(pkg.text(relsPathOf(part))).find((r) => r.type === REL_COMMENTS && !r.external);
  return !!rel && (pkg.text(resolveTarget(part, rel.target)) ?? '').includes(NOTE_MARKER_TOKEN);
}

/** Applies one sheet's plan: cells, widths, merges and notes (comments part, VML drawing, relationships). */
function patchSheetPart(pkg: Package, part: string, plan: SheetPlan, styles: StyleSheet): void {
  const relsPath = relsPathOf(part);
  let relsXml = pkg.text(relsPath);
  const rels = parseRels(relsXml);
  const commentsRel = rels.find((r) => r.type === REL_COMMENTS && !r.external);
  const vmlRel = rels.find((r) => r.type === REL_VML && !r.external);
  const commentsPart = commentsRel ? resolveTarget(part, commentsRel.target) : null;
  const vmlPart = vmlRel ? resolveTarget(part, vmlRel.target) : null;
  const commentsXml = commentsPart ? pkg.text(commentsPart) : null;
  const staleOurs = !!commentsXml && commentsXml.includes(NOTE_MARKER_TOKEN);

  const sheetXml = pkg.text(part)!;
  if (plan.notes.size || staleOurs) {
    const notes = patchNotes(commentsXml, vmlPart ? pkg.text(vmlPart) : null, plan.notes);
    let ct = pkg.text('[Content_Types].xml')!;
    const cPart = commentsPart ?? freePart(pkg, 'xl/comments', '.xml');
    const vPart = vmlPart ?? freePart(pkg, 'xl/drawings/vmlDrawing', '.vml');
    pkg.set(cPart, notes.comments);
    pkg.set(vPart, notes.vml);
    ct = addContentType(ct, cPart, CT_COMMENTS);
    if (!vmlPart) ct = ensureDefault(ct, 'vml', CT_VML);
    if (!commentsRel) {
      const id = freeId(parseRels(relsXml));
      relsXml = addRel(relsXml, id, REL_COMMENTS, path.posix.relative(path.posix.dirname(part), cPart));
    }
    if (!vmlRel) {
      const id = freeId(parseRels(relsXml));
      relsXml = addRel(relsXml, id, REL_VML, path.posix.relative(path.posix.dirname(part), vPart));
      plan.edits.legacyDrawingRid = id;
    } else if (!/<legacyDrawing\b/.test(sheetXml)) {
      plan.edits.legacyDrawingRid = vmlRel.id;
    }
    if (relsXml !== pkg.text(relsPath)) pkg.set(relsPath, relsXml!);
    if (ct !== pkg.text('[Content_Types].xml')) pkg.set('[Content_Types].xml', ct);
  }
  if (plan.edits.cells.size || plan.edits.widths.size || plan.edits.merges.length || plan.edits.legacyDrawingRid) {
    pkg.set(part, patchSheet(sheetXml, plan.edits, styles));
  }
}

export interface CopyInput {
  /** The original package's bytes. */
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  report: Report;
  lang: Lang;
}

/**
 * The annotated package's bytes, the names of the parts that changed, and the sheets that had marks but could not be
 * marked (a sheet written with namespace prefixes, <x:sheetData>, which the string-level patcher does not edit).
 */
export function patchPackage({ bytes, snapshot, report, lang }: CopyInput): { bytes: Uint8Array; changed: string[]; unmarked: string[] } {
  const pkg = new Package(bytes);
  const { workbook, sheets, styles: stylesPart } = sheetParts(pkg);
  // The date system the package itself declares decides the serials written into it.
  const wbPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(pkg.text(workbook) ?? '');
  const date1904 = wbPr ? /^(1|true)$/.test(attr(wbPr[1]!, 'date1904') ?? '') : !!snapshot.date1904;
  const plans = planMarks(report, { ...snapshot, date1904 }, lang);
  const styleXml = stylesPart ? pkg.text(stylesPart) : null;
  const styles = new StyleSheet(styleXml ?? '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>');
  const unmarked: string[] = [];
  for (const [name, part] of sheets) {
    if (!pkg.has(part)) continue;
    const plan = plans.get(name);
    if (plan && !/<sheetData\b/.test(pkg.text(part) ?? '')) {
      unmarked.push(name);
      continue;
    }
    // A sheet without marks this time is still opened when an earlier run left notes of ours there (they are removed).
    if (!plan && !hasOurNotes(pkg, part)) continue;
    patchSheetPart(pkg, part, plan ?? { edits: { cells: new Map(), widths: new Map(), merges: [], markFills: [] }, notes: new Map() }, styles);
  }
  if (styles.changed && stylesPart) pkg.set(stylesPart, styles.toXml());

  return { bytes: pkg.toZip(), changed: [...pkg.changed], unmarked };
}

/** Writes bytes next to their final name, then renames, so a failed write leaves no half file. */
export function writeAtomically(outPath: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, outPath);
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing written
    }
    throw err;
  }
}
