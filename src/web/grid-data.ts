// A checked workbook as the preview grid shows it: values, number formats, merges, and each problem cell's fill and note from presentation.ts.
import type { FakeSheetData, FakeValue, FakeWorkbookData } from '../fake-excel/model';
import { cellAddress } from '../excel/address';
import { fillHex, noteText, topSeverity } from '../engine/presentation';
import type { CellValue, Finding, Lang, Report, WorkbookSnapshot } from '../engine/types';

function shown(v: CellValue | undefined): FakeValue | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'object' ? v.error : v;
}

/** The grid's data: every sheet of the snapshot, problem cells filled by their most severe finding with the note the copy gets. */
export function gridData(snapshot: WorkbookSnapshot, report: Report, lang: Lang): FakeWorkbookData {
  const byCell = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (!f.sheet || !f.cell) continue;
    const k = `${f.sheet}!${f.cell}`;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  const sheets: FakeSheetData[] = snapshot.sheets.map((sh) => {
    const fills: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (const [k, list] of byCell) {
      if (!k.startsWith(`${sh.name}!`)) continue;
      const cell = k.slice(sh.name.length + 1);
      fills[cell] = fillHex(topSeverity(list));
      notes[cell] = noteText(list, lang);
    }
    return {
      name: sh.name,
      values: sh.rows.map((row) => (row ? row.map(shown) : [])),
      formats: sh.formats,
      merges: sh.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      fills,
      notes,
    };
  });
  return { name: snapshot.name, sheets, date1904: !!snapshot.date1904 };
}
