// Messages between the web page and its worker (structured-cloned plain data; file bytes are transferred).
import type { RegulationPack } from '../engine/packs/types';
import type { Lang, ProfileId, Report, WorkbookSnapshot } from '../engine/types';

export interface WebCheckOptions {
  asOf: string;
  profile: ProfileId | 'auto';
  lang: Lang;
  /** Regulation packs the user loaded in the page (plain JSON, validated in the page before they are sent). */
  regulations?: RegulationPack[];
}

/** What a download button asks for: one file's annotated copy, CSV or 检查结果 workbook, or the CSV of every file. */
export type DownloadKind = 'copy' | 'csv' | 'table' | 'csv-all' | 'summary';

export type ToWorker =
  | { type: 'check'; run: number; files: { id: string; name: string; bytes: ArrayBuffer }[]; options: WebCheckOptions }
  | { type: 'cancel'; run: number }
  /** id: the file of a one-file download; ids: the files of csv-all and summary, in the page's order. */
  | { type: 'download'; request: number; kind: DownloadKind; id?: string; ids?: string[]; lang: Lang };

export type FileOutcome =
  | { id: string; ok: true; report: Report; snapshot: WorkbookSnapshot; format: string; ms: { preflight: number; read: number; check: number } }
  | { id: string; ok: false; error: string };

export type FromWorker =
  /** Sent once the worker's code has loaded: the page can take files without waiting for it to start. */
  | { type: 'ready' }
  | { type: 'progress'; run: number; id: string; index: number; count: number; stage: 'read' | 'check'; done: number; total: number }
  | { type: 'file'; run: number; outcome: FileOutcome }
  | { type: 'done'; run: number; cancelled: boolean }
  | { type: 'download'; request: number; ok: true; name: string; mime: string; bytes: ArrayBuffer; notices?: Report['notices'] }
  | { type: 'download'; request: number; ok: false; error: string };
