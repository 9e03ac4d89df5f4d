// A minimal .xlsx built from a snapshot (values, merges, date formats) for inputs that cannot be patched (.xls, .et, .ods, .csv).
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { CellValue, WorkbookSnapshot } from '../../engine/types';
import { colLetters, escapeText, escapeXml } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function cellXml(ref: string, v: CellValue, s: number): string {
  const st = s ? ` s="${s}"` : '';
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : '';
  if (typeof v === 'boolean') return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string') return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
  return `<c r="${ref}"${st} t="e"><v>${escapeXml(v.error)}</v></c>`;
}

/** The snapshot as an .xlsx package: every sheet's values, merges and number formats, in the snapshot's date system. */
export function buildXlsx(snapshot: WorkbookSnapshot): Uint8Array {
  const files: Zippable = {};
  const enc = (s: string) => Buffer.from(s, 'utf8');
  // Number formats: one cell format per distinct format code (ids from 164, as custom formats must be).
  const fmtIds = new Map<string, number>();
  const xfOf = (code: string | null | undefined): number => {
    if (!code || code === 'General') return 0;
    let id = fmtIds.get(code);
    if (id === undefined) fmtIds.set(code, (id = fmtIds.size + 1));
    return id;
  };

  const sheets = snapshot.sheets.length ? snapshot.sheets : [{ name: 'Sheet1', rows: [], merges: [] }];
  sheets.forEach((sh, i) => {
    const rows: string[] = [];
    for (let r = 0; r < sh.rows.length; r++) {
      const row = sh.rows[r] ?? [];
      let cells = '';
      for (let c = 0; c < row.length; c++) cells += cellXml(`${colLetters(c + 1)}${r + 1}`, row[c] ?? null, xfOf(sh.formats?.[r]?.[c]));
      const hidden = sh.hiddenRows?.includes(r) ? ' hidden="1"' : '';
      if (cells || hidden) rows.push(`<row r="${r + 1}"${hidden}>${cells}</row>`);
    }
    const cols = (sh.hiddenColumns ?? []).map((c) => `<col min="${c + 1}" max="${c + 1}" width="9" hidden="1"/>`).join('');
    const merges = sh.merges.map((m) => `<mergeCell ref="${colLetters(m.left + 1)}${m.top + 1}:${colLetters(m.right + 1)}${m.bottom + 1}"/>`);
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc(
      `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>` +
        `${merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}</worksheet>`,
    );
  });

  const numFmts = [...fmtIds.keys()].map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`);
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (let i = 0; i < fmtIds.size; i++) xfs.push(`<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  files['xl/styles.xml'] = enc(
    `${HEAD}<styleSheet xmlns="${MAIN}">${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : ''}` +
      '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  files['xl/workbook.xml'] = enc(
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${snapshot.date1904 ? ' date1904="1"' : ''}/><sheets>` +
      sheets.map((sh, i) => `<sheet name="${escapeXml(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = enc(
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  files['_rels/.rels'] = enc(
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
  // [Content_Types].xml first, as readers that stream the package expect.
  return zipSync({ '[Content_Types].xml': enc(ct), ...files }, { level: 0 });
}
