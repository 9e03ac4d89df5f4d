// Hand-built reports for adapter and CLI tests: computed columns from their layout and per-cell values.
import type { ComputedColumn, ComputedValue, Report } from '../../src/engine/types';

type Layout = Pick<ComputedColumn, 'key' | 'header' | 'column'> & Partial<ComputedColumn>;

/**
 * Computed columns from a layout (key, header, column; any values it holds are dropped) and per-cell values: the
 * inverse of computedValues. A value with no column in the layout throws.
 */
export function columnsOf(layout: Layout[], values: ComputedValue[] = []): ComputedColumn[] {
  const cols: ComputedColumn[] = layout.map((l) => ({
    key: l.key,
    header: l.header,
    column: l.column,
    type: l.type ?? (l.key === 'approvalPath' || l.key === 'expenseScope' ? 'text' : 'date'),
    rows: [],
    values: [],
    status: null,
    provisional: null,
  }));
  for (const v of [...values].sort((a, b) => a.row - b.row)) {
    const c = cols.find((x) => x.key === v.key && x.column === v.column);
    if (!c) throw new Error(`no computed column ${v.key} at ${v.column}`);
    c.type = v.type;
    if (v.status !== undefined) (c.status ??= c.rows.map(() => 'pending')).push(v.status);
    else c.status?.push('pending');
    if (v.provisional) c.provisional ??= c.rows.map(() => false);
    c.provisional?.push(v.provisional === true);
    c.rows.push(v.row);
    c.values.push(v.value);
  }
  return cols;
}

/** Replaces the values of a hand-built report's computed columns by these (each sheet keeps its layout). */
export function setComputed(report: Report, values: ComputedValue[]): Report {
  for (const s of report.sheets) s.computedColumns = columnsOf(s.computedColumns, values.filter((v) => v.sheet === s.name));
  return report;
}

/** A computed column's place only (key, header, column), for tests about layout. */
export function layoutOf(c: ComputedColumn): Pick<ComputedColumn, 'key' | 'header' | 'column'> {
  return { key: c.key, header: c.header, column: c.column };
}
