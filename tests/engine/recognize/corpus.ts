// Runs the header corpus (corpus/*.json, built apart from the matcher) through recognition and scores it.
import { recognizeSheet } from '../../../src/engine/recognize';
import type { CellValue, FieldKey, MergeRange, SheetKind, SheetSnapshot } from '../../../src/engine/types';
import { FIELDS } from '../../../src/engine/vocabulary';
import wordingsJson from './corpus/wordings.json';
import sheetsJson from './corpus/sheets.json';
import heldoutWordingsJson from './corpus-heldout/wordings.json';
import heldoutSheetsJson from './corpus-heldout/sheets.json';
import thirdWordingsJson from './corpus-third/wordings.json';
import thirdSheetsJson from './corpus-third/sheets.json';

export type TableKind = Exclude<SheetKind, 'unknown'>;

export interface Wording {
  text: string;
  field: FieldKey | null;
  kinds: TableKind[];
  group?: string;
  note?: string;
}

export interface Layout {
  name: string;
  kind: SheetKind;
  title?: string;
  header: string[][];
  expect: Partial<Record<FieldKey, number | [number, number]>>;
  note?: string;
}

/** Three corpora, each built by a helper who did not see the matcher: the second and third were measured before any tuning on them. */
export const CORPORA: { name: string; wordings: Wording[]; layouts: Layout[] }[] = [
  { name: 'corpus', wordings: wordingsJson as Wording[], layouts: sheetsJson as Layout[] },
  { name: 'corpus-heldout', wordings: heldoutWordingsJson as Wording[], layouts: heldoutSheetsJson as Layout[] },
  { name: 'corpus-third', wordings: thirdWordingsJson as Wording[], layouts: thirdSheetsJson as Layout[] },
];

/** Columns that make a table of each kind recognisable, so the wording under test is read in its own setting. */
const ANCHORS: Record<Exclude<TableKind, 'progress-form'>, [string, FieldKey][]> = {
  declaration: [['序号', 'seq'], ['建设单位', 'unit'], ['项目名称', 'projectName'], ['建设年度', 'period'], ['项目投资（万元）', 'investment'], ['负责人', 'owner'], ['联系电话', 'phone']],
  'progress-table': [['序号', 'seq'], ['建设单位', 'unit'], ['项目名称', 'projectName'], ['总投资（万元）', 'totalInvestment'], ['已投资（万元）', 'invested'], ['建设进度', 'progress'], ['验收日期', 'acceptanceDate']],
  expense: [['序号', 'seq'], ['费用名称', 'item'], ['数量', 'quantity'], ['单价（元）', 'unitPrice'], ['金额（万元）', 'amount']],
};
const FORM_ANCHORS: [string, FieldKey][] = [['项目名称', 'projectName'], ['负责人', 'owner'], ['总投资（万元）', 'totalInvestment'], ['已投资（万元）', 'invested'], ['联系人', 'contact'], ['建设进度', 'progress']];

/** A plausible value for a data row under a field (text where the field is unknown). */
function sampleValue(field: FieldKey | undefined, i: number): CellValue {
  if (!field) return '某内容';
  switch (FIELDS[field].kind) {
    case 'money':
      return 100 + i;
    case 'number':
    case 'seq':
      return i + 1;
    case 'date':
      return 46000 + i;
    case 'period':
      return '2026年1月至2026年12月';
    case 'phone':
      return '0564-1234567';
    case 'email':
      return 'a@example.cn';
    default:
      return field === 'item' ? '服务器' : '某项目';
  }
}

export interface Outcome {
  ok: boolean;
  got: FieldKey | null;
  kind: SheetKind;
}

/** Where the wording's column landed when it stands in a table (or form) of the given kind. */
export function tryWording(w: Wording, kind: TableKind): Outcome {
  if (kind === 'progress-form') {
    const labels = FORM_ANCHORS.filter(([, f]) => f !== w.field);
    const rows: CellValue[][] = [['进度情况表'], ...labels.map(([l]) => [l, '值']), [w.text, '测试值']];
    const rec = recognizeSheet({ name: '表', rows, merges: [] });
    const target = rows.length - 1;
    let got: FieldKey | null = null;
    for (const [k, cell] of Object.entries(rec.formFields)) if (cell && cell.row === target) got = k as FieldKey;
    return { ok: rec.kind === 'progress-form' && got === w.field, got, kind: rec.kind };
  }
  const anchors = ANCHORS[kind].filter(([, f]) => f !== w.field);
  const labels = [...anchors.map(([l]) => l), w.text];
  const fields: (FieldKey | undefined)[] = [...anchors.map(([, f]) => f), w.field ?? undefined];
  const col = labels.length - 1;
  const rows: CellValue[][] = [['标题']];
  const merges: MergeRange[] = [];
  if (w.group) {
    rows.push(labels.map((_, c) => (c === col ? w.group! : '')));
    // the anchors span both header rows, as in the template
    for (let c = 0; c < col; c++) {
      rows[1][c] = labels[c];
      merges.push({ top: 1, left: c, bottom: 2, right: c });
    }
    rows.push(labels.map((l, c) => (c === col ? l : '')));
  } else rows.push(labels);
  for (let i = 0; i < 3; i++) rows.push(fields.map((f) => sampleValue(f, i)));
  const rec = recognizeSheet({ name: '表', rows, merges });
  let got: FieldKey | null = null;
  for (const [k, c] of Object.entries(rec.columns)) if (c === col) got = k as FieldKey;
  return { ok: rec.kind === kind && got === w.field, got, kind: rec.kind };
}

/** The layout as a sheet: its title, its header rows and two data rows. */
export function layoutSheet(l: Layout): SheetSnapshot {
  const rows: CellValue[][] = [];
  if (l.title) rows.push([l.title]);
  const top = rows.length;
  for (const r of l.header) rows.push(r.map((v) => (v === '' ? null : v)));
  if (l.kind !== 'progress-form') {
    const width = Math.max(...l.header.map((r) => r.length));
    const byCol = new Map<number, FieldKey>();
    for (const [k, c] of Object.entries(l.expect)) if (typeof c === 'number') byCol.set(c, k as FieldKey);
    for (let i = 0; i < 2; i++) rows.push(Array.from({ length: width }, (_, c) => sampleValue(byCol.get(c), i)));
  }
  // blank cells of the header's upper rows under a label are its merged group (资金筹措 over four columns)
  const merges: MergeRange[] = [];
  if (l.header.length > 1 && l.kind !== 'progress-form') {
    const upper = l.header[0];
    for (let c = 0; c < upper.length; c++) {
      if (upper[c] === '') continue;
      let right = c;
      while (right + 1 < upper.length && upper[right + 1] === '' && (l.header[1][right + 1] ?? '') !== '') right++;
      if (right > c) merges.push({ top, left: c, bottom: top, right });
      else if ((l.header[1][c] ?? '') === '') merges.push({ top, left: c, bottom: top + 1, right: c });
    }
  }
  return { name: l.name, rows, merges };
}

export interface LayoutOutcome {
  kindOk: boolean;
  kind: SheetKind;
  /** Expected fields that did not land where expected: field → where they went (null: nowhere). */
  misses: { field: FieldKey; want: number | [number, number]; got: number | [number, number] | null }[];
}

export function tryLayout(l: Layout): LayoutOutcome {
  const sheet = layoutSheet(l);
  const rec = recognizeSheet(sheet);
  const off = l.title ? 1 : 0;
  const misses: LayoutOutcome['misses'] = [];
  for (const [k, want] of Object.entries(l.expect) as [FieldKey, number | [number, number]][]) {
    if (Array.isArray(want)) {
      const cell = rec.formFields[k];
      // the form's value sits right of its label; the corpus names the label cell
      const ok = cell !== undefined && cell.row === want[0] + off && cell.col > want[1];
      if (!ok) misses.push({ field: k, want, got: cell ? [cell.row - off, cell.col] : null });
    } else {
      const got = rec.columns[k];
      if (got !== want) misses.push({ field: k, want, got: got ?? null });
    }
  }
  return { kindOk: rec.kind === l.kind, kind: rec.kind, misses };
}
