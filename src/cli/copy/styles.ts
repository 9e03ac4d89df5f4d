// xl/styles.xml patched in place: new fills and cell formats appended, each derived from a cell's own format.
import { attr, escapeXml, setAttr } from './xml';

const XF_RE = /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g;
const FILL_RE = /<fill\b[^>]*?(?:\/>|>[\s\S]*?<\/fill>)/g;
const NUMFMT_RE = /<numFmt\b[^>]*?(?:\/>|>[\s\S]*?<\/numFmt>)/g;

/** The cellXfs, fills and numFmts of a styles part, extended as derived formats are asked for. */
export class StyleSheet {
  private readonly xfs: string[];
  private readonly newXfs: string[] = [];
  private fillCount: number;
  /** Every fill as its text, ours included, to reuse one already there. */
  private readonly fills: string[];
  private readonly newFills: string[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly newNumFmts: string[] = [];
  private maxNumFmtId = 163;
  private readonly memo = new Map<string, number>();

  constructor(private readonly xml: string) {
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    this.xfs = cellXfs ? cellXfs[1]!.match(XF_RE) ?? [] : [];
    if (!this.xfs.length) this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const fills = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(xml);
    // Without a fills list, ours follow the two fills Excel reserves (none, gray125), written with them.
    this.fills = fills ? fills[1]!.match(FILL_RE) ?? [] : ['', ''];
    this.fillCount = this.fills.length;
    const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
    for (const nf of numFmts?.[1]!.match(NUMFMT_RE) ?? []) {
      const id = Number(attr(nf, 'numFmtId'));
      const code = attr(nf, 'formatCode');
      if (code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id > this.maxNumFmtId) this.maxNumFmtId = id;
    }
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  private xfAt(index: number): string {
    return index < this.xfs.length ? this.xfs[index]! : this.newXfs[index - this.xfs.length] ?? this.xfs[0]!;
  }

  private derive(base: number, key: string, edit: (startTag: string) => string): number {
    const k = `${base}|${key}`;
    let id = this.memo.get(k);
    if (id !== undefined) return id;
    const xf = this.xfAt(base < 0 || base >= this.xfs.length + this.newXfs.length ? 0 : base);
    const m = /^<xf\b([^>]*?)(\/?>)/.exec(xf)!;
    const derived = `<xf${edit(m[1]!)}${xf.slice(m[1]!.length + 3)}`;
    // A re-check of a copy finds the formats the first run added and reuses them instead of growing the table.
    const existing = this.xfs.indexOf(derived);
    if (existing >= 0) id = existing;
    else {
      this.newXfs.push(derived);
      id = this.xfs.length + this.newXfs.length - 1;
    }
    this.memo.set(k, id);
    return id;
  }

  /** Cell format `base` with a solid fill of this ARGB colour (font, border, number format, alignment kept). */
  withFill(base: number, argb: string): number {
    return this.derive(base, `fill:${argb}`, (a) => {
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
      let fillId = this.fills.indexOf(fill);
      if (fillId < 0) {
        fillId = this.fillCount + this.newFills.length;
        this.newFills.push(fill);
        this.fills.push(fill);
      }
      return setAttr(setAttr(a, 'fillId', String(fillId)), 'applyFill', '1');
    });
  }

  /**
   * Cell format `base` without a fill an earlier run of ours added (one of `argbs`), so a computed column taking its
   * style from a marked cell does not inherit the mark; the cell's own format when it had no such fill.
   */
  withoutFill(base: number, argbs: readonly string[]): number {
    const xf = this.xfAt(base);
    const fillId = Number(attr(/^<xf\b([^>]*)/.exec(xf)?.[1] ?? '', 'fillId') ?? '0');
    const fill = this.fills[fillId] ?? '';
    if (!argbs.some((c) => fill.includes(`rgb="${c}"`))) return base;
    return this.derive(base, 'nofill', (a) => setAttr(a, 'fillId', '0').replace(/\sapplyFill="1"/, ''));
  }

  /** Cell format `base` with this number format. */
  withNumFmt(base: number, code: string): number {
    return this.derive(base, `fmt:${code}`, (a) => {
      let id = this.numFmtIds.get(code);
      if (id === undefined) {
        id = ++this.maxNumFmtId;
        this.numFmtIds.set(code, id);
        this.newNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      }
      return setAttr(setAttr(a, 'numFmtId', String(id)), 'applyNumberFormat', '1');
    });
  }

  /** The styles part with what was added; the rest of the text as it was. */
  toXml(): string {
    let xml = this.xml;
    if (this.newNumFmts.length) {
      const total = this.numFmtIds.size;
      // An empty list written as one tag gets its contents.
      xml = xml.replace(/<numFmts\b([^>]*?)\s*\/>/, '<numFmts$1></numFmts>');
      if (/<numFmts\b/.test(xml)) {
        xml = xml.replace(/<numFmts\b([^>]*)>([\s\S]*?)<\/numFmts>/, (_m, a: string, inner: string) =>
          `<numFmts${setAttr(a, 'count', String(total))}>${inner}${this.newNumFmts.join('')}</numFmts>`);
      } else {
        xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${total}">${this.newNumFmts.join('')}</numFmts>`);
      }
    }
    if (this.newFills.length) {
      const count = String(this.fillCount + this.newFills.length);
      if (/<fills\b[^>]*>/.test(xml)) {
        xml = xml.replace(/<fills\b([^>]*)>([\s\S]*?)<\/fills>/, (_m, a: string, inner: string) =>
          `<fills${setAttr(a, 'count', count)}>${inner}${this.newFills.join('')}</fills>`);
      } else {
        // No fills at all: the two Excel reserves first, then ours.
        const reserved = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>';
        xml = xml.replace(/<fills\b[^>]*\/>/, '');
        xml = xml.replace(/(<\/fonts>|<\/numFmts>|<styleSheet\b[^>]*>)/, `$1<fills count="${count}">${reserved}${this.newFills.join('')}</fills>`);
      }
    }
    if (this.newXfs.length) {
      const count = String(this.xfs.length + this.newXfs.length);
      if (/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/.test(xml)) {
        xml = xml.replace(/<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/, (_m, a: string, inner: string) =>
          `<cellXfs${setAttr(a, 'count', count)}>${inner}${this.newXfs.join('')}</cellXfs>`);
      } else {
        xml = xml.replace(/<cellXfs\b[^>]*\/>/, '');
        const at = xml.search(/<cellStyles\b|<dxfs\b|<tableStyles\b|<colors\b|<extLst\b|<\/styleSheet>/);
        xml = `${xml.slice(0, at)}<cellXfs count="${count}">${this.xfs.join('')}${this.newXfs.join('')}</cellXfs>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
