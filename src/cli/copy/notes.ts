// Cell notes of one sheet: its comments part and VML drawing patched so our notes are added or replaced and the user's kept.
import { isOwnNote, ownNoteStart } from '../../engine/presentation';
import { attr, colLetters, escapeText, parseRef, unescapeXml } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const AUTHOR = 'fundcheck';

/** Our text follows a user's own note after a blank line. */
const OURS_AFTER_USER = '\n\n';

function plainText(commentInner: string): string {
  let s = '';
  const re = /<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g;
  // Phonetic runs (<rPh>) are readings, not text.
  const body = commentInner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (let m; (m = re.exec(body)); ) s += unescapeXml(m[1] ?? '');
  return s;
}

function run(text: string): string {
  return `<r><t xml:space="preserve">${escapeText(text)}</t></r>`;
}

export interface NotesResult {
  comments: string;
  vml: string;
  /** False when the sheet ends with no note at all (parts and relationships can go). */
  any: boolean;
}

/**
 * Applies `ours` (cell reference → our note text) to the sheet's notes: a note of ours is replaced, a user's note gets
 * ours appended below it, a note of ours on a cell that no longer has findings is removed (the user's part kept).
 */
export function patchNotes(commentsXml: string | null, vmlXml: string | null, ours: Map<string, string>): NotesResult {
  let authors: string[] = [];
  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">`;
  let tail = '</comments>';
  const kept: { ref: string; xml: string }[] = [];
  const handled = new Set<string>();
  const removedShapes = new Set<string>();

  if (commentsXml) {
    const a = /<authors\b[^>]*>([\s\S]*?)<\/authors>/.exec(commentsXml);
    if (a) authors = [...a[1]!.matchAll(/<author\b[^>]*>([\s\S]*?)<\/author>|<author\b[^>]*\/>/g)].map((m) => unescapeXml(m[1] ?? ''));
    const start = /<comments\b[^>]*>/.exec(commentsXml);
    if (start) head = commentsXml.slice(0, start.index + start[0].length);
    const listEnd = commentsXml.lastIndexOf('</commentList>');
    const end = commentsXml.lastIndexOf('</comments>');
    // Anything after the list (an extLst) stays.
    if (listEnd >= 0 && end >= 0) tail = commentsXml.slice(listEnd + '</commentList>'.length);
    const re = /<comment\b([^>]*?)(?:\/>|>([\s\S]*?)<\/comment>)/g;
    for (let m; (m = re.exec(commentsXml)); ) {
      const ref = attr(m[1]!, 'ref') ?? '';
      const inner = m[2] ?? '';
      const text = plainText(inner);
      const mine = ours.get(ref);
      const isOurs = isOwnNote(text);
      const userPart = isOurs ? null : ownNoteStart(text) >= 0 ? stripOurs(inner) : inner;
      if (mine !== undefined) {
        handled.add(ref);
        const authorId = authorIndex(authors);
        if (userPart === null) kept.push({ ref, xml: commentXml(ref, authorId, run(mine)) });
        else kept.push({ ref, xml: `<comment${m[1]}>${appendRun(userPart, OURS_AFTER_USER + mine)}</comment>` });
      } else if (isOurs) {
        removedShapes.add(ref);
      } else if (userPart !== inner) {
        kept.push({ ref, xml: `<comment${m[1]}>${userPart}</comment>` });
      } else {
        kept.push({ ref, xml: m[0] });
      }
    }
  }
  const added: string[] = [];
  for (const [ref, text] of ours) {
    if (handled.has(ref)) continue;
    kept.push({ ref, xml: commentXml(ref, authorIndex(authors), run(text)) });
    added.push(ref);
  }
  if (!authors.includes(AUTHOR) && ours.size) authors.push(AUTHOR);

  const authorsXml = `<authors>${authors.map((a) => `<author>${escapeText(a)}</author>`).join('')}</authors>`;
  const comments = `${head}${authorsXml}<commentList>${kept.map((k) => k.xml).join('')}</commentList>${tail.includes('</comments>') ? tail : '</comments>'}`;
  return { comments, vml: patchVml(vmlXml, added, removedShapes), any: kept.length > 0 };
}

function authorIndex(authors: string[]): number {
  const i = authors.indexOf(AUTHOR);
  return i >= 0 ? i : authors.length;
}

function commentXml(ref: string, authorId: number, runs: string): string {
  return `<comment ref="${ref}" authorId="${authorId}"><text>${runs}</text></comment>`;
}

/** The comment's <text> with a run appended. */
function appendRun(inner: string, text: string): string {
  const end = inner.lastIndexOf('</text>');
  if (end < 0) return `<text>${run(text)}</text>`;
  let body = inner.slice(0, end);
  // A plain <t> body becomes a run so a second run can follow it.
  body = body.replace(/^(\s*<text\b[^>]*>)\s*(<t\b[^>]*>[\s\S]*?<\/t>)/, '$1<r>$2</r>');
  return `${body}${run(text)}${inner.slice(end)}`;
}

/** The user's part of a note that also holds an earlier note of ours (our run starts with a blank line then the marker). */
function stripOurs(inner: string): string {
  const runs = [...inner.matchAll(/<r>[\s\S]*?<\/r>/g)];
  for (const r of runs) {
    if (ownNoteStart(plainText(r[0])) === 0) {
      const end = inner.lastIndexOf('</text>');
      return inner.slice(0, r.index) + inner.slice(end);
    }
  }
  return inner;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shape(id: number, row: number, col: number): string {
  // Anchor: the note box sits to the right of its cell, hidden until the cell is hovered (0-based columns and rows).
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** The VML drawing with a note shape for each added reference and without those of removed notes; other shapes kept. */
function patchVml(vml: string | null, added: string[], removed: Set<string>): string {
  let doc =
    vml ??
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${SHAPETYPE}</xml>`;
  if (removed.size) {
    doc = doc.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (s) => {
      if (!/ObjectType\s*=\s*"Note"/.test(s)) return s;
      const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
      const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
      if (!r || !c) return s;
      return removed.has(`${colLetters(+c[1]! + 1)}${+r[1]! + 1}`) ? '' : s;
    });
  }
  if (!added.length) return doc;
  if (!/id\s*=\s*"_x0000_t202"/.test(doc)) doc = doc.replace(/(<\/o:shapelayout>)/, `$1${SHAPETYPE}`);
  let next = 1024;
  for (const m of doc.matchAll(/id\s*=\s*"_x0000_s(\d+)"/g)) next = Math.max(next, +m[1]!);
  const shapes: string[] = [];
  for (const ref of added) {
    const rc = parseRef(ref);
    if (rc) shapes.push(shape(++next, rc[0] - 1, rc[1] - 1));
  }
  const end = doc.lastIndexOf('</xml>');
  return end >= 0 ? doc.slice(0, end) + shapes.join('') + doc.slice(end) : doc + shapes.join('');
}
