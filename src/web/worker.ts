// The web page's worker: reads and checks the dropped workbooks and builds the downloads off the page's thread.
import './shims/globals';
import type { Lang } from '../engine/types';
import type { FileResult } from '../cli/format';
import { registerFile, unregisterFile } from './shims/fs';
import { checkWorkbookBytes, copyDownload, csvDownload, summaryDownload, summaryInput, tableDownload, type CheckedFile, type DownloadFile } from './job';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as { postMessage(m: FromWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (m: FromWorker, transfer?: Transferable[]): void => scope.postMessage(m, transfer);

/** Each file's last result, for the downloads. */
const results = new Map<string, { name: string; checked?: CheckedFile; error?: string; asOf: string }>();
/** Runs are done one after another; a cancel stops the one under way (at its next slice) and those queued up to it. */
let queue: Promise<void> = Promise.resolve();
let cancelledUpTo = 0;
let current: { run: number; abort: AbortController } | null = null;

async function runCheck(msg: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const abort = new AbortController();
  current = { run: msg.run, abort };
  const count = msg.files.length;
  try {
    for (let index = 0; index < count; index++) {
      if (msg.run <= cancelledUpTo) break;
      const f = msg.files[index]!;
      const bytes = new Uint8Array(f.bytes);
      const path = `/dropped/${f.id}/${f.name}`;
      registerFile(path, bytes);
      try {
        const outcome = await checkWorkbookBytes(
          { name: f.name, path, bytes },
          msg.options,
          (stage, done, total) => post({ type: 'progress', run: msg.run, id: f.id, index, count, stage, done, total }),
          abort.signal,
        );
        if (outcome === null) break; // cancelled
        if (outcome.ok) {
          results.set(f.id, { name: f.name, checked: outcome.file, asOf: msg.options.asOf });
          const { report, snapshot, format } = outcome.file;
          post({ type: 'file', run: msg.run, outcome: { id: f.id, ok: true, report, snapshot, format, ms: outcome.ms } });
        } else {
          results.set(f.id, { name: f.name, error: outcome.error, asOf: msg.options.asOf });
          post({ type: 'file', run: msg.run, outcome: { id: f.id, ok: false, error: outcome.error } });
        }
      } finally {
        unregisterFile(path);
      }
    }
  } finally {
    current = null;
    post({ type: 'done', run: msg.run, cancelled: msg.run <= cancelledUpTo });
  }
}

function download(kind: string, id: string | undefined, ids: string[] | undefined, lang: Lang): DownloadFile {
  if (kind === 'csv-all') {
    const rows: FileResult[] = [];
    for (const i of ids ?? [...results.keys()]) {
      const r = results.get(i);
      if (r) rows.push(r.checked ? { file: r.name, report: r.checked.report } : { file: r.name, error: r.error ?? '' });
    }
    return csvDownload(rows, lang, lang === 'zh' ? 'fundcheck-检查结果.csv' : 'fundcheck-findings.csv');
  }
  if (kind === 'summary') {
    const picked = (ids ?? [...results.keys()]).map((i) => results.get(i)).filter((r) => r !== undefined);
    return summaryDownload(
      picked.map((r) => summaryInput(r.name, r.checked, r.error)),
      picked[0]?.asOf ?? new Date().toISOString().slice(0, 10),
      lang,
    );
  }
  const r = id === undefined ? undefined : results.get(id)?.checked;
  if (!r) throw new Error(lang === 'zh' ? '该文件没有检查结果' : 'this file has no check results');
  if (kind === 'copy') return copyDownload(r, lang);
  if (kind === 'csv') return csvDownload([{ file: r.name, report: r.report }], lang, `${r.name.replace(/\.[^.]*$/, '')}${lang === 'zh' ? '-检查结果' : '-findings'}.csv`);
  if (kind === 'table') return tableDownload(r, lang);
  throw new Error(lang === 'zh' ? `不支持的下载：${kind}` : `unknown download ${kind}`);
}

post({ type: 'ready' });

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'check') {
    queue = queue.then(() => runCheck(msg));
  } else if (msg.type === 'cancel') {
    cancelledUpTo = Math.max(cancelledUpTo, msg.run);
    if (current && current.run <= msg.run) current.abort.abort();
  } else if (msg.type === 'download') {
    // After the checks queued before it, so the results it needs are there.
    queue = queue.then(() => {
      try {
        const d = download(msg.kind, msg.id, msg.ids, msg.lang);
        const buf = d.bytes.buffer.slice(d.bytes.byteOffset, d.bytes.byteOffset + d.bytes.byteLength) as ArrayBuffer;
        post({ type: 'download', request: msg.request, ok: true, name: d.name, mime: d.mime, bytes: buf, ...(d.notices ? { notices: d.notices } : {}) }, [buf]);
      } catch (err) {
        post({ type: 'download', request: msg.request, ok: false, error: err instanceof Error ? err.message : String(err) });
      }
    });
  }
};
