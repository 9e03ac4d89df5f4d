// The contract between the task pane and the workbook: the pane only ever sees this interface, never Office.js.
import type { HolidaySchedule, Report, SheetOverride, WorkbookSnapshot } from '../engine/types';
import type { WaiverEntry } from '../engine/waivers';
import type { TableSheet } from './workbook-sheets';

export type { TableSheet };

export interface HostSettings {
  profile?: string;
  asOf?: string;
  overrides?: Record<string, SheetOverride>;
  /** Holiday schedules the user imported (CheckOptions.holidays). */
  holidays?: HolidaySchedule[];
  /** Regulation packs the user imported (CheckOptions.regulations): plain JSON, validated again when read. */
  regulations?: unknown[];
}

export interface ApplyOptions {
  /** Language of the note header and severity labels (the finding messages come in the report's language). */
  lang: 'zh' | 'en';
  /** Write the report's computed columns (header + values) as well as the marks. */
  fillComputed: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface HostCapabilities {
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10). */
  comments: boolean;
  /** What a flagged cell gets besides its fill: a note, else a comment, else nothing (the pane should say so). */
  annotations: 'notes' | 'comments' | 'none';
  /** Merged areas are read into the snapshot (ExcelApi 1.13); without it snapshots have no merges. */
  mergedAreas: boolean;
  /**
   * The workbook's date system (Workbook.use1904DateSystem) could be read: true / false after a read, null before the
   * first. The property is in no released requirement set (ExcelApi BETA), so it is tried at run time; when it fails,
   * dates are read in the 1900 system and the pane says so.
   */
  dateSystem?: boolean | null;
  /** Change events say whether the add-in caused them (ExcelApi 1.14); without it live mode ignores changes inside our own recent writes. */
  changeSource: boolean;
}

export interface WorkbookHost {
  readSnapshot(onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<WorkbookSnapshot>;
  /** `computed` counts every computed value written; `computedDates` the dates among them (the rest are texts such as 审批/管理路径). */
  applyReport(report: Report, opts: ApplyOptions): Promise<{ marked: number; computed: number; computedDates?: number }>;
  /**
   * Undoes what the add-in wrote: fills (each cell's own fill back), notes, and — unless `keepComputed` — the computed
   * columns' values. With `keepComputed` (the pane's 清除标记) only the marks go; `restored` counts the cells given back.
   */
  clearMarks(opts?: { keepComputed?: boolean }): Promise<{ restored: number }>;
  selectCell(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<HostSettings>;
  saveSettings(s: HostSettings): Promise<void>;
  /** Live mode: calls back with 1-based row numbers the user changed; our own writes are not reported. Resolves to an unsubscribe. */
  watchChanges(onRowsChanged: (sheet: string, rows: number[]) => void): Promise<() => Promise<void>>;
  capabilities(): HostCapabilities;
  /** Whether a sheet of this name exists (to say so before writing over it). Optional: test doubles may lack it. */
  sheetExists?(name: string): Promise<boolean>;
  /** Writes a table to a new sheet (replacing one of that name): header bold, text wrapping, widths set. */
  writeTableSheet?(name: string, table: TableSheet): Promise<{ replaced: boolean; rows: number }>;
  /** Records a finding's waiver in the workbook's very hidden sheet fundcheck_核实记录 (replacing one for the same finding). */
  saveWaiver?(entry: WaiverEntry): Promise<number>;
  /** Removes a finding's waiver from that sheet. */
  removeWaiver?(target: { sheet: string; cell: string; rule: string }): Promise<number>;
  /** Cells carrying a note of ours (the presentation's marker line): marks an earlier check left. */
  ownMarks?(): Promise<number>;
  /** What the last check or fill wrote, per its record: cells marked, computed cells and columns (said before undoing). */
  marksSummary?(): Promise<{ markedCells: number; computedCells: number; computedColumns: number }>;
  /** 移除计算列: the computed values go back to what they replaced; marks stay. */
  removeComputed?(): Promise<{ restored: number }>;
  /** 撤销上次填写: everything the last check or fill wrote goes back (fills, notes, values), keeping the user's later edits. */
  undoLastFill?(): Promise<{ restored: number }>;
  /** Office's UI language, e.g. zh-CN. */
  displayLanguage(): string;
}
