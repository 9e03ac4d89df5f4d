// String-level XML helpers for patching package parts without building a DOM (sheet XML can be tens of MB).

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text safe inside an element: also drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''));
}

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'";
  });
}

// One compiled pattern per attribute name: patching a 50,000-row sheet asks for `r` and `s` millions of times.
const ATTR = new Map<string, RegExp>();
const ATTR_SET = new Map<string, RegExp>();
const ATTR_DEL = new Map<string, RegExp>();
function cached(map: Map<string, RegExp>, name: string, make: () => RegExp): RegExp {
  let re = map.get(name);
  if (!re) map.set(name, (re = make()));
  return re;
}

/** The value of attribute `name` in a start tag's attribute text, or null. */
export function attr(attrs: string, name: string): string | null {
  const m = cached(ATTR, name, () => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : null;
}

/** The attribute text with `name` set to `value` (replaced where present, appended otherwise). */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = cached(ATTR_SET, name, () => new RegExp(`(^|\\s)${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`));
  const v = `${name}="${escapeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, (_m, sp: string) => `${sp}${v}`) : `${attrs} ${v}`;
}

export function removeAttr(attrs: string, name: string): string {
  return attrs.replace(cached(ATTR_DEL, name, () => new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`)), '');
}

/**
 * Where to insert an element of the worksheet's ordered sequence: before the first of `successors` found after
 * `from`, else before the closing root tag.
 */
export function insertionPoint(xml: string, from: number, successors: readonly string[], closing: string): number {
  let best = -1;
  for (const tag of successors) {
    const re = new RegExp(`<${tag}[\\s/>]`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best >= 0 ? best : xml.lastIndexOf(closing);
}

/** Column letters → 1-based index (A → 1, AA → 27). */
export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** 1-based index → column letters. */
export function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses "AB12" into [row, col] (1-based); null if not a cell reference. */
export function parseRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? [+m[2]!, colIndex(m[1]!)] : null;
}

/** Display width of text in Excel's character units: CJK and other wide characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) ? 2 : 1;
  }
  return w;
}
