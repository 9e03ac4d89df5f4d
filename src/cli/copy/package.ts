// Writes an annotated copy by patching the original .xlsx/.xlsm package: only the parts that change are rewritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Lang, Report, WorkbookSnapshot } from '../../engine/types';
import { NOTE_MARKER, planMarks } from './marks';
import type { SheetPlan } from './marks';
import { patchNotes } from './notes';
import { patchSheet } from './sheet';
import { StyleSheet } from './styles';
import { attr, escapeXml } from './xml';

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

function freePart(files: Record<string, unknown>, stem: string, ext: string): string {
  for (let n = 1; ; n++) if (!(`${stem}${n}${ext}` in files)) return `${stem}${n}${ext}`;
}

/** The parts of a package by name, text decoded on demand. */
class Package {
  readonly changed = new Set<string>();
  constructor(readonly files: Record<string, Uint8Array>) {}
  text(name: string): string | null {
    const f = this.files[name];
    return f ? strFromU8(f) : null;
  }
  set(name: string, text: string): void {
    this.files[name] = name.endsWith('.xml') || name.endsWith('.rels') || name.endsWith('.vml') ? Buffer.from(text, 'utf8') : strToU8(text);
    this.changed.add(name);
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
  const staleOurs = !!commentsXml && commentsXml.includes(NOTE_MARKER);

  let sheetXml = pkg.text(part)!;
  if (plan.notes.size || staleOurs) {
    const notes = patchNotes(commentsXml, vmlPart ? pkg.text(vmlPart) : null, plan.notes);
    let ct = pkg.text('[Content_Types].xml')!;
    const cPart = commentsPart ?? freePart(pkg.files, 'xl/comments', '.xml');
    const vPart = vmlPart ?? freePart(pkg.files, 'xl/drawings/vmlDrawing', '.vml');
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
    sheetXml = patchSheet(sheetXml, plan.edits, styles);
    pkg.set(part, sheetXml);
  }
}

export interface CopyInput {
  /** The original package's bytes. */
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  report: Report;
  lang: Lang;
}

/** The annotated package's bytes, and the names of the parts that changed. */
export function patchPackage({ bytes, snapshot, report, lang }: CopyInput): { bytes: Uint8Array; changed: string[] } {
  const pkg = new Package(unzipSync(bytes));
  const { workbook, sheets, styles: stylesPart } = sheetParts(pkg);
  // The date system the package itself declares decides the serials written into it.
  const wbPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(pkg.text(workbook) ?? '');
  const date1904 = wbPr ? /^(1|true)$/.test(attr(wbPr[1]!, 'date1904') ?? '') : !!snapshot.date1904;
  const plans = planMarks(report, { ...snapshot, date1904 }, lang);
  const styleXml = stylesPart ? pkg.text(stylesPart) : null;
  const styles = new StyleSheet(styleXml ?? '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>');
  for (const [name, part] of sheets) {
    let plan = plans.get(name);
    if (!plan && !pkg.files[part]) continue;
    plan ??= { edits: { cells: new Map(), widths: new Map(), merges: [] }, notes: new Map() };
    if (!pkg.files[part]) continue;
    patchSheetPart(pkg, part, plan, styles);
  }
  if (styles.changed && stylesPart) pkg.set(stylesPart, styles.toXml());

  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(pkg.files)) {
    if (name.endsWith('/')) continue;
    const level = STORED.test(name) ? 0 : data.length > LARGE ? LEVEL_LARGE : LEVEL_XML;
    zippable[name] = [data, { level }];
  }
  return { bytes: zipSync(zippable), changed: [...pkg.changed] };
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
