// The report's computed columns as one value per cell, for lists and JSON output (check() makes no such objects).
import type { ComputedValue, Report } from './types';

/**
 * The report's computed values one per cell, sheet by sheet, row by row, in column order within a row: for callers
 * that want places and values together (lists, JSON output). Built on demand: check() itself makes no such objects.
 */
export function computedValues(report: Report): ComputedValue[] {
  const out: ComputedValue[] = [];
  for (const s of report.sheets) {
    const start = out.length;
    for (const c of s.computedColumns) {
      for (let i = 0; i < c.rows.length; i++) {
        const v: ComputedValue = { sheet: s.name, row: c.rows[i], key: c.key, header: c.header, column: c.column, value: c.values[i], type: c.type };
        if (c.provisional !== null && c.provisional[i]) v.provisional = true;
        if (c.status !== null) v.status = c.status[i];
        out.push(v);
      }
    }
    // Stable: within a row, values keep the column order.
    if (s.computedColumns.length > 1) {
      const part = out.splice(start).sort((a, b) => a.row - b.row);
      for (const v of part) out.push(v);
    }
  }
  return out;
}
