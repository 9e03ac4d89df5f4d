// A new .xlsx of plain tables (bold frozen header row, column widths, autofilter, amounts and real dates), written like the rebuilt copies: XML text zipped by fflate. No file access, so a browser can use it too.
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { TableCellValue, TableColumn, TableSheet } from '../../engine/summary';
import { colLetters, escapeText, escapeXml } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Cell formats (cellXfs): 0 plain, 1 header (bold), 2 amount (#,##0.00, built-in 4), 3 date (yyyy-mm-dd, custom 164).
const XF_HEADER = 1;
const XF_AMOUNT = 2;
const XF_DATE = 3;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → Excel serial (1900 date system), or null when it is no date. */
function serial(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 + 25_569;
}

function cell(ref: string, v: TableCellValue, type: TableColumn['type']): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return `<c r="${ref}"${type === 'amount' ? ` s="${XF_AMOUNT}"` : ''}><v>${v}</v></c>`;
  }
  if (type === 'date') {
    const n = serial(v);
    if (n !== null) return `<c r="${ref}" s="${XF_DATE}"><v>${n}</v></c>`;
  }
  // Inline strings are text whatever they start with: a message beginning with “=” never becomes a formula.
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

function sheetXml(sheet: TableSheet, first: boolean): string {
  const n = sheet.columns.length;
  const last = colLetters(Math.max(1, n));
  const ref = `A1:${last}${sheet.rows.length + 1}`;
  const rows: string[] = [];
  let head = '';
  sheet.columns.forEach((c, i) => {
    head += `<c r="${colLetters(i + 1)}1" s="${XF_HEADER}" t="inlineStr"><is><t xml:space="preserve">${escapeText(c.header)}</t></is></c>`;
  });
  rows.push(`<row r="1">${head}</row>`);
  sheet.rows.forEach((values, r) => {
    let cells = '';
    for (let c = 0; c < n; c++) cells += cell(`${colLetters(c + 1)}${r + 2}`, values[c] ?? null, sheet.columns[c]!.type);
    rows.push(`<row r="${r + 2}">${cells}</row>`);
  });
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="${ref}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>` +
    `<autoFilter ref="${ref}"/></worksheet>`
  );
}

/** The sheet's name as a formula reference: always quoted, quotes doubled. */
function quotedName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The parts of the tables' .xlsx package, [Content_Types].xml first (as readers that stream the package expect): one
 * sheet per table, header row bold and frozen, widths set, an autofilter over each. The command line zips them with
 * node's zlib; buildTableBook zips them with fflate, for a browser.
 */
export function tableBookParts(sheets: TableSheet[]): [string, Uint8Array][] {
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(sheetXml(s, i === 0));
  });
  // Excel keeps each autofilter's range in a hidden name of its sheet; without it some versions drop the filter.
  const names = sheets
    .map((s, i) => {
      const last = colLetters(Math.max(1, s.columns.length));
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quotedName(s.name)}!$A$1:$${last}$${s.rows.length + 1}`)}</definedName>`;
    })
    .join('');
  files['xl/workbook.xml'] = enc.encode(
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`,
  );
  files['xl/styles.xml'] = enc.encode(
    `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
      '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
      '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  files['xl/_rels/workbook.xml.rels'] = enc.encode(
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['_rels/.rels'] = enc.encode(
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const ct =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>';
  return [['[Content_Types].xml', enc.encode(ct)], ...Object.entries(files)];
}

/** The tables as an .xlsx file (see tableBookParts), zipped in JavaScript. */
export function buildTableBook(sheets: TableSheet[]): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of tableBookParts(sheets)) files[name] = data;
  return zipSync(files, { level: 6 });
}
