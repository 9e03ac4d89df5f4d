// Sheet recognition: where the header is, which column holds which field, what kind of sheet it is, which rows to check.
import type { FieldKey, SheetKind, SheetOverride, SheetSnapshot } from '../types';
import { classifyTable, remapForKind, titleHint, type Classification } from './classify';
import { scanForm, type FormScan } from './form';
import { HeaderGrid, displayText } from './grid';
import { findHeader, headerEndingAt, type HeaderMapping } from './header';
import { isComputedHeader, normalizeHeader, type MoneyUnit } from './normalize';
import { pickRows, titleRows, type SkipReason } from './rows';
import { FIELD_LABELS } from './synonyms';
import { FIELDS } from '../vocabulary';

const isMoney = (k: FieldKey): boolean => FIELDS[k].kind === 'money';

export { normalizeHeader } from './normalize';
export { FIELD_SYNONYMS, FIELD_LABELS, FORM_LABEL_OVERRIDES, type Synonym, type SynonymSpec } from './synonyms';

export interface Recognition {
  kind: SheetKind;
  /** 0-based first header row (a form: its first label row), -1 when none. */
  headerTop: number;
  /** 0-based last header row (two-row headers: the lower row; a form: its last label row), -1 when none. */
  headerBottom: number;
  /** 0-based column index of each field (tables). */
  columns: Partial<Record<FieldKey, number>>;
  /** Unit printed in the header (or a 单位：万元 line above it), when printed. */
  units: Partial<Record<FieldKey, MoneyUnit>>;
  /** progress-form: 0-based cell of each VALUE. */
  formFields: Partial<Record<FieldKey, { row: number; col: number }>>;
  /** 0-based rows to check, in order (empty for a form: its one record is formFields). */
  dataRows: number[];
  /** 合计 / 总计 / 小计 rows. */
  totalsRows: number[];
  skippedRows: { row: number; reason: SkipReason }[];
  /** Last 0-based column of the user's table (excludes computed columns), -1 when none. A form: its right edge. */
  tableRight: number;
  /** Header text → column, for existing columns whose header ends with COMPUTED_HEADER_MARKER. */
  computedColumns: Record<string, number>;
  unmappedHeaders: { col: number; text: string }[];
  /** Chinese, shown to users. */
  reason: string;
  reasonEn: string;
}

/** Rows searched for a header; titles and 填报单位 lines rarely push it further down. */
export const HEADER_SCAN_ROWS = 30;
/** Rows searched for the 附件2 form's labels. */
const FORM_SCAN_ROWS = 60;
/** A form needs this many labelled values before it beats a (weak) table header. */
const MIN_FORM_FIELDS = 4;

const KIND_ZH: Record<SheetKind, string> = {
  declaration: '申报表',
  'progress-table': '进度情况台账（每行一个项目）',
  'progress-form': '进度情况表（表单）',
  expense: '费用明细表',
  unknown: '未识别的表',
};
const KIND_EN: Record<SheetKind, string> = {
  declaration: 'a declaration table',
  'progress-table': 'a progress ledger (one project per row)',
  'progress-form': 'a progress report form',
  expense: 'an expense detail table',
  unknown: 'unrecognised',
};

function emptyRecognition(kind: SheetKind, reason: string, reasonEn: string): Recognition {
  return {
    kind,
    headerTop: -1,
    headerBottom: -1,
    columns: {},
    units: {},
    formFields: {},
    dataRows: [],
    totalsRows: [],
    skippedRows: [],
    tableRight: -1,
    computedColumns: {},
    unmappedHeaders: [],
    reason,
    reasonEn,
  };
}

function rowSpan(top: number, bottom: number): string {
  return bottom > top ? `${top + 1}–${bottom + 1}` : `${top + 1}`;
}

function listLabels(labels: string[], sep: string): string {
  const shown = labels.slice(0, 3).join(sep);
  return labels.length > 3 ? `${shown}…` : shown;
}

const BRACKETED_DISPLAY = /[（(][^（）()]*[）)]/g;

/** Text of the first few non-blank text cells of each row above `end`: the sheet's title lines. */
function titleText(sheet: SheetSnapshot, end: number): string {
  const parts: string[] = [];
  for (let r = 0; r < end && r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0, n = 0; c < row.length && n < 4; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.trim().length > 0) {
        parts.push(v);
        n++;
      }
    }
  }
  return parts.join(' ');
}

const SHEET_UNIT = /单位[:：]\s*(万元|元)/;

/** Recognises one sheet. `override` is the user's correction: a kind, and/or the Excel row of the last header row. */
export function recognizeSheet(sheet: SheetSnapshot, override?: SheetOverride): Recognition {
  const forcedKind = override?.kind;
  const forcedRow = override?.headerRow !== undefined && override.headerRow >= 1 ? override.headerRow - 1 : undefined;
  const byUser = forcedKind !== undefined || forcedRow !== undefined;

  if (forcedKind === 'unknown') {
    return emptyRecognition('unknown', '按用户指定，此表不识别、不检查', 'Left unrecognised as the user asked; not checked');
  }

  const scanRows = Math.max(FORM_SCAN_ROWS, (forcedRow ?? 0) + 2);
  const grid = new HeaderGrid(sheet, scanRows);

  if (forcedKind === 'progress-form') return formRecognition(sheet, scanForm(grid), true);

  let header: HeaderMapping | null;
  if (forcedRow !== undefined) header = forcedRow < grid.rowEnd ? headerEndingAt(grid, forcedRow) : null;
  else header = findHeader(grid, HEADER_SCAN_ROWS);

  if (!byUser) {
    const form = scanForm(grid);
    if (form.distinct >= MIN_FORM_FIELDS && form.rowCount >= 2 && form.distinct > (header?.score ?? 0)) {
      return formRecognition(sheet, form, false);
    }
  }

  const title = titleText(sheet, header ? header.top : Math.min(5, sheet.rows.length));
  const hint = titleHint(title);

  const userMapped = override?.columns !== undefined && Object.keys(override.columns).length > 0;
  if (!header || (header.score === 0 && !userMapped)) {
    const kind = forcedKind ?? 'unknown';
    const where = forcedRow !== undefined ? `第${forcedRow + 1}行` : `前${HEADER_SCAN_ROWS}行`;
    const whereEn = forcedRow !== undefined ? `row ${forcedRow + 1}` : `the first ${HEADER_SCAN_ROWS} rows`;
    const titleZh = hint ? `标题为“${displayText(title).slice(0, 40)}”，但` : '';
    return emptyRecognition(
      kind,
      `${titleZh}${where}中未找到表头（没有一行含“项目名称”“项目投资”或“费用名称”“金额”等列名），` +
        (kind === 'unknown' ? '未识别，不作检查' : `无法按${KIND_ZH[kind]}读取各列`),
      `${hint ? 'The title suggests a known form, but ' : ''}no header found in ${whereEn} (no row with column names ` +
        `such as 项目名称 and 项目投资, or 费用名称 and 金额); ` +
        (kind === 'unknown' ? 'not recognised, not checked' : `cannot read the columns of ${KIND_EN[kind]}`),
    );
  }

  const columns: Partial<Record<FieldKey, number>> = { ...header.columns };
  const units: Partial<Record<FieldKey, MoneyUnit>> = {};
  const byCol = new Map<number, FieldKey>();
  for (const k of Object.keys(columns) as FieldKey[]) byCol.set(columns[k] as number, k);
  for (const h of header.cols) {
    const k = byCol.get(h.col);
    if (k && h.unit && isMoney(k)) units[k] = h.unit;
  }

  // the user's column mapping decides the kind too, and wins over the kind's own reading of columns
  applyUserColumns(columns, units, override?.columns, header.cols);
  const found: Classification = classifyTable(columns, hint);
  const kind: SheetKind = forcedKind ?? found.kind;
  const moves = remapForKind(kind, columns, units);
  const userColumns = applyUserColumns(columns, units, override?.columns, header.cols);

  // a 单位：万元 line above the table covers money columns that print no unit of their own
  const sheetUnit = SHEET_UNIT.exec(title)?.[1] as MoneyUnit | undefined;
  if (sheetUnit) {
    for (const k of Object.keys(columns) as FieldKey[]) if (isMoney(k) && !units[k]) units[k] = sheetUnit;
  }

  const computedColumns: Record<string, number> = {};
  const unmappedHeaders: { col: number; text: string }[] = [];
  const mappedCols = new Set<number>(Object.values(columns) as number[]);
  let tableLeft = Number.MAX_SAFE_INTEGER;
  let tableRight = -1;
  const headerTexts = new Map<number, string[]>();
  for (const h of header.cols) {
    if (h.computed) {
      computedColumns[h.raw] = h.col;
      continue;
    }
    tableLeft = Math.min(tableLeft, h.col);
    tableRight = Math.max(tableRight, h.right);
    // on a sheet left unrecognised every column went unused, and the user may map any of them
    if (!mappedCols.has(h.col) || kind === 'unknown') unmappedHeaders.push({ col: h.col, text: h.raw });
    headerTexts.set(h.col, h.group ? [h.norm, h.group] : [h.norm]);
  }
  // a vertically merged label reads the same in both rows; the group row's own cells count as header text too
  for (let r = header.top; r <= header.bottom; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, grid.width); c++) {
      const v = row[c];
      if (typeof v !== 'string' || grid.isContinuation(r, c)) continue;
      const n = normalizeHeader(v);
      if (n.length === 0) continue;
      const list = headerTexts.get(c);
      if (list && !list.includes(n)) list.push(n);
    }
  }

  const dataStart = header.bottom + 1;
  const picked =
    kind === 'unknown'
      ? { dataRows: [], totalsRows: [], skippedRows: [] }
      : pickRows(sheet, { start: dataStart, left: tableLeft, right: tableRight, headerTexts });

  const mappedLabels = header.cols
    .filter((h) => mappedCols.has(h.col) && byCol.get(h.col) !== 'seq')
    .map((h) => displayText(h.raw.replace(BRACKETED_DISPLAY, '')) || h.raw);
  const mappedEn = (Object.keys(columns) as FieldKey[])
    .filter((k) => k !== 'seq')
    .sort((a, b) => (columns[a] as number) - (columns[b] as number))
    .map((k) => FIELD_LABELS[k].en);
  const span = rowSpan(header.top, header.bottom);
  const spanEn = header.bottom > header.top ? `Rows ${span} are` : `Row ${span} is`;
  let reason = `第${span}行为表头（${listLabels(mappedLabels, '、')}），`;
  let reasonEn = `${spanEn} the header (${listLabels(mappedEn, ', ')}); `;
  if (byUser) {
    reason = `按用户指定：${reason}`;
    reasonEn = `As the user set: ${reasonEn}`;
  }
  if (userColumns.length > 0) {
    reason += `按用户指定读取${userColumns.map((u) => (u.field ? `${u.letter}列为“${FIELD_LABELS[u.field].zh}”` : `不读${u.letter}列`)).join('、')}，`;
    reasonEn += `as the user set, ${userColumns.map((u) => (u.field ? `column ${u.letter} is read as ${FIELD_LABELS[u.field].en}` : `column ${u.letter} is ignored`)).join(', ')}; `;
  }
  if (kind === 'unknown') {
    const need = (found.missing ?? []).map((k) => `“${FIELD_LABELS[k].zh}”`).join('、');
    const needEn = (found.missing ?? []).map((k) => FIELD_LABELS[k].en).join(', ');
    const titleZh = hint ? `标题像${hint === 'declaration' ? '申报表' : hint === 'progress' ? '进度情况表' : '费用明细表'}，但` : '';
    reason += `${titleZh}缺少${need || '关键'}列（申报表需项目名称和项目投资，进度台账需项目名称和总投资/已投资/批复概算或节点日期，费用明细需费用名称和金额），未识别，不作检查`;
    reasonEn += `${hint ? 'the title suggests a known form, but ' : ''}missing ${needEn || 'key'} column(s); not recognised, not checked`;
  } else if (forcedKind !== undefined) {
    reason += `作为${KIND_ZH[kind]}检查`;
    reasonEn += `checked as ${KIND_EN[kind]}`;
  } else if (found.bestEffort) {
    const need = (found.missing ?? []).map((k) => `“${FIELD_LABELS[k].zh}”`).join('、');
    reason += `标题为${KIND_ZH[kind]}但缺少${need}列，按${KIND_ZH[kind]}尽量检查`;
    reasonEn += `the title says so but the ${(found.missing ?? []).map((k) => FIELD_LABELS[k].en).join(', ')} column is missing; checked as ${KIND_EN[kind]} as far as possible`;
  } else {
    reason += `识别为${KIND_ZH[kind]}`;
    reasonEn += `recognised as ${KIND_EN[kind]}`;
  }
  const renamed = moves.filter((m): m is [FieldKey, FieldKey] => m[1] !== null);
  if (renamed.length > 0 && kind !== 'unknown') {
    reason += `；${renamed.map(([f, t]) => `“${FIELD_LABELS[f].zh}”列按“${FIELD_LABELS[t].zh}”读取`).join('，')}`;
    reasonEn += `; ${renamed.map(([f, t]) => `the ${FIELD_LABELS[f].en} column is read as ${FIELD_LABELS[t].en}`).join(', ')}`;
  }
  if (found.runnerUp && forcedKind === undefined && kind !== 'unknown') {
    const why = found.runnerUp.because.map((k) => FIELD_LABELS[k]);
    reason += `；也像${KIND_ZH[found.runnerUp.kind]}（有${listLabels(why.map((l) => l.zh), '、')}列），如判断有误请在“识别的表”中改正`;
    reasonEn += `; it also looks like ${KIND_EN[found.runnerUp.kind]} (it has ${listLabels(why.map((l) => l.en), ', ')}); correct the kind if this is wrong`;
  }
  if (unmappedHeaders.length > 0 && kind !== 'unknown') {
    reason += `；未用到的列：${listLabels(unmappedHeaders.map((u) => u.text), '、')}`;
    reasonEn += `; unused columns: ${listLabels(unmappedHeaders.map((u) => u.text), ', ')}`;
  }

  return {
    kind,
    headerTop: header.top,
    headerBottom: header.bottom,
    columns: kind === 'unknown' ? {} : columns,
    units: kind === 'unknown' ? {} : units,
    formFields: {},
    dataRows: picked.dataRows,
    totalsRows: picked.totalsRows,
    skippedRows: [...titleRows(sheet.rows, header.top), ...picked.skippedRows],
    tableRight,
    computedColumns,
    unmappedHeaders,
    reason,
    reasonEn,
  };
}

const LETTERS = /^[A-Z]{1,3}$/;

/** 'A' → 0, 'AB' → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * The user's column mapping over what recognition read: a field moves to the column the user named (leaving the
 * column that held it), a column set to null is read as nothing. Columns outside the header are ignored.
 */
function applyUserColumns(
  columns: Partial<Record<FieldKey, number>>,
  units: Partial<Record<FieldKey, MoneyUnit>>,
  user: Record<string, FieldKey | null> | undefined,
  cols: HeaderMapping['cols'],
): { letter: string; field: FieldKey | null }[] {
  const done: { letter: string; field: FieldKey | null }[] = [];
  if (!user) return done;
  for (const [letter, field] of Object.entries(user)) {
    if (!LETTERS.test(letter)) continue;
    const col = columnIndex(letter);
    const h = cols.find((c) => c.col === col);
    if (!h || h.computed) continue;
    if (field !== null && !Object.prototype.hasOwnProperty.call(FIELD_LABELS, field)) continue;
    for (const k of Object.keys(columns) as FieldKey[]) {
      if (columns[k] === col || k === field) {
        delete columns[k];
        delete units[k];
      }
    }
    if (field !== null) {
      columns[field] = col;
      if (h.unit && isMoney(field)) units[field] = h.unit;
    }
    done.push({ letter, field });
  }
  return done;
}

function formRecognition(sheet: SheetSnapshot, form: FormScan, byUser: boolean): Recognition {
  if (form.distinct === 0) {
    return emptyRecognition(
      'progress-form',
      '按用户指定为进度情况表（表单），但未找到“项目名称”“负责人”“总投资”等标签',
      'Set by the user as a progress report form, but no labels such as 项目名称, 负责人 or 总投资 were found',
    );
  }
  const names = form.labels.map((l) => l.text.replace(BRACKETED_DISPLAY, '') || l.text);
  const namesEn = form.labels.map((l) => FIELD_LABELS[l.field].en);
  const span = rowSpan(form.firstRow, form.lastRow);
  const prefix = byUser ? '按用户指定：' : '';
  const prefixEn = byUser ? 'As the user set: ' : '';
  const reason = `${prefix}第${span}行为标签与填写值并列的表单（${listLabels(names, '、')}），识别为${KIND_ZH['progress-form']}`;
  const reasonEn = `${prefixEn}rows ${span} hold labels with their values beside them (${listLabels(namesEn, ', ')}); recognised as ${KIND_EN['progress-form']}`;

  // notes and the 盖章 line under the form are not values
  const skippedRows = titleRows(sheet.rows, form.firstRow);
  const picked = pickRows(sheet, { start: form.lastRow + 1, left: 0, right: form.right, headerTexts: new Map() });
  for (const s of picked.skippedRows) if (s.reason !== 'blank') skippedRows.push(s);

  const computedColumns: Record<string, number> = {};
  for (let r = form.firstRow; r <= form.lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > 0 && isComputedHeader(normalizeHeader(v))) computedColumns[displayText(v)] = c;
    }
  }
  return {
    kind: 'progress-form',
    headerTop: form.firstRow,
    headerBottom: form.lastRow,
    columns: {},
    units: form.units,
    formFields: form.fields,
    dataRows: [],
    totalsRows: [],
    skippedRows,
    tableRight: form.right,
    computedColumns,
    unmappedHeaders: [],
    reason,
    reasonEn,
  };
}
