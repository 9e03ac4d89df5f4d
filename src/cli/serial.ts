// Excel date serials and the snapshot's hole-free grids: shared by the ExcelJS and SheetJS readers, with no library behind them.

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system; ExcelJS converts linearly from it, so the inverse is linear too. */
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;

/**
 * The serial number Excel stores for a date ExcelJS handed us. ExcelJS maps serial → UTC Date linearly
 * (so serials < 61, around the fictitious 1900-02-29, come out a day off as dates, but invert exactly);
 * its millisecond rounding is undone by snapping to whole days when within a millisecond of one.
 */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0);
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1 / MS_PER_DAY ? whole : serial;
}

/** The UTC Date ExcelJS writes as the given serial (the exact inverse of dateToSerial for whole days). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * MS_PER_DAY));
}

/** Sparse arrays would surprise consumers that iterate with for..of; make every row an array, every gap null. */
export function fillHoles(grid: (string | null)[][], height: number): (string | null)[][] {
  const out: (string | null)[][] = new Array(Math.max(height, grid.length));
  for (let r = 0; r < out.length; r++) {
    const row = grid[r];
    if (!row) {
      out[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    out[r] = row;
  }
  return out;
}
