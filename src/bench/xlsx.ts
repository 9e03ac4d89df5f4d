// Writes generated snapshots as styled .xlsx files (as Excel saves them: borders, fonts, number formats, merges) for the CLI cases.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { WorkbookSnapshot } from '../engine/types';
import { declarationSnapshot, expenseItems, progressSnapshot, rng } from './inputs';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const BODY: Partial<ExcelJS.Style> = { font: FONT, border: BOX, alignment: { vertical: 'middle', wrapText: true } };

/** Serials back to the UTC dates ExcelJS writes as those serials. */
function toDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

export async function writeSnapshotXlsx(snapshot: WorkbookSnapshot, file: string, firstDataRow: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fundcheck bench';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    // One style object per distinct format, shared by every cell that uses it (as Excel's style table does).
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    const styleFor = (fmt: string | null | undefined): Partial<ExcelJS.Style> => {
      const k = fmt ?? '';
      let st = styles.get(k);
      if (!st) styles.set(k, (st = fmt ? { ...BODY, numFmt: fmt } : BODY));
      return st;
    };
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r]!;
      const fmts = s.formats?.[r];
      const xr = ws.getRow(r + 1);
      const styled = r >= firstDataRow - 2; // header and data rows have borders; title rows do not
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        const fmt = fmts?.[c];
        if (v === null || v === undefined) {
          if (styled) xr.getCell(c + 1).style = styleFor(fmt);
          continue;
        }
        const cell = xr.getCell(c + 1);
        cell.value = typeof v === 'number' && fmt && /y/.test(fmt) ? toDate(v) : typeof v === 'object' ? null : v;
        if (styled) cell.style = styleFor(fmt);
      }
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

/** The 50,000-row (or smaller) declaration workbook of the CLI single-file case. */
export async function writeDeclarationXlsx(rows: number, file: string, seed = 11): Promise<void> {
  await writeSnapshotXlsx(declarationSnapshot(rows, seed), file, 5);
}

/** `count` small workbooks of mixed kinds (declarations, ledgers, expense tables), 10–60 data rows each. */
export async function writeSmallWorkbooks(count: number, dir: string, seed = 21): Promise<string[]> {
  const r = rng(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const rows = 10 + Math.floor(r() * 51);
    const kind = i % 3;
    const file = path.join(dir, `${String(i + 1).padStart(3, '0')}-${['declaration', 'ledger', 'expenses'][kind]}.xlsx`);
    if (kind === 0) await writeSnapshotXlsx(declarationSnapshot(rows, seed + i), file, 5);
    else if (kind === 1) await writeSnapshotXlsx(progressSnapshot(rows, seed + i), file, 4);
    else await writeSnapshotXlsx(expenseSnapshot(rows, seed + i), file, 4);
    files.push(file);
  }
  return files;
}

/** A 武隆 expense table (费用明细): item, quantity, unit price, amount. */
export function expenseSnapshot(rows: number, seed: number): WorkbookSnapshot {
  const r = rng(seed);
  const items = expenseItems(rows, seed);
  const grid: WorkbookSnapshot['sheets'][number]['rows'] = [
    ['武隆区智慧城管项目概算费用明细'],
    ['建设单位：武隆区城市管理局　　　金额单位：万元'],
    ['序号', '费用名称', '数量', '单价（万元）', '金额（万元）', '说明'],
  ];
  const formats: (string | null)[][] = [[], [], []];
  const fmt = [null, null, null, '#,##0.00', '#,##0.00', null];
  for (let i = 0; i < rows; i++) {
    const qty = 1 + Math.floor(r() * 20);
    const price = Math.round(r() * 500) / 100;
    grid.push([i + 1, items[i]!.replace(/ 型号.*$/, ''), qty, price, Math.round(qty * price * 100) / 100, r() < 0.2 ? '部署在本系统' : null]);
    formats.push(fmt);
  }
  return { name: 'bench-expenses.xlsx', sheets: [{ name: '费用明细', rows: grid, formats, merges: [{ top: 0, left: 0, bottom: 0, right: 5 }] }] };
}
