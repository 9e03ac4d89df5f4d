// The web page: open or drop workbooks, each checked in a worker with the CLI's reader and the engine; per file its sheets,
// findings (the pane's FindingsView) beside a grid of the sheet with the problem cells filled, the article cited, and downloads.
import { RULE_IDS, profileChoices, regulationName } from '../taskpane/regulations';
import { RulesImport } from '../taskpane/RulesImport';
import { builtinRegistry } from '../engine/packs/registry';
import type { RegulationPack } from '../engine/packs/types';
import * as React from 'react';
import {
  Button,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  webLightTheme,
} from '@fluentui/react-components';
import { articleText, citationText } from '../engine/regulations';
import type { Finding, Lang, Report, WorkbookSnapshot } from '../engine/types';
import { parseRect } from '../excel/address';
import { Grid, type GridSelection } from '../preview/Grid';
import { FindingsView } from '../taskpane/FindingsView';
import { countBySeverity, filterFindings, localToday, orderFindings, type FindingFilter } from '../taskpane/model';
import { STRINGS } from '../taskpane/strings';
import { gridData } from './grid-data';
import type { DownloadKind, FromWorker, ToWorker, WebCheckOptions } from './protocol';
import { WEB_TEXT } from './strings';

/** What starts the page's worker; the real page passes startCheckWorker (worker-source.ts), a test may pass its own. */
export type StartWorker = () => Worker;

type FileState =
  | { status: 'waiting' }
  | { status: 'running' }
  | { status: 'cancelled' }
  | { status: 'failed'; error: string }
  | { status: 'done'; report: Report; snapshot: WorkbookSnapshot; format: string; ms: { preflight: number; read: number; check: number } };

interface WebFile {
  id: string;
  name: string;
  file: Blob;
  state: FileState;
}

interface Progress {
  run: number;
  index: number;
  count: number;
  name: string;
  stage: 'read' | 'check';
  fraction: number;
}

const ACCEPT = '.xlsx,.xlsm,.xls,.et,.ods,.csv';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALL: FindingFilter = { severity: 'all', category: 'all' };
/** Rows of a sheet the grid renders at once: enough to read a table, few enough to show a large file at once. */
const GRID_ROWS = 150;

export interface WebAppProps {
  startWorker: StartWorker;
  lang?: Lang;
  /** Reference date at start (default today). */
  today?: string;
}

export function WebApp(props: WebAppProps): React.ReactElement {
  const [lang, setLang] = React.useState<Lang>(props.lang ?? 'zh');
  const [profile, setProfile] = React.useState<string>('auto');
  // Packs of other places' regulations the user loaded: offered in the menu and detected like the shipped ones.
  const [packs, setPacks] = React.useState<RegulationPack[]>([]);
  const [asOf, setAsOf] = React.useState<string>(props.today ?? localToday());
  const [files, setFiles] = React.useState<WebFile[]>([]);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const [activeSheet, setActiveSheet] = React.useState<string>('');
  const [current, setCurrent] = React.useState<Finding | null>(null);
  const [filter, setFilter] = React.useState<FindingFilter>(ALL);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [ready, setReady] = React.useState(false);
  const t = WEB_TEXT[lang];
  const s = STRINGS[lang];

  const worker = React.useRef<Worker | null>(null);
  const runSeq = React.useRef(0);
  /** Runs sent and not yet done; messages of runs up to cancelledUpTo are dropped. */
  const activeRuns = React.useRef(new Set<number>());
  const cancelledUpTo = React.useRef(0);
  const requestSeq = React.useRef(0);
  const pending = React.useRef(new Map<number, (m: Extract<FromWorker, { type: 'download' }>) => void>());
  const idSeq = React.useRef(0);
  /** File names by id, for the progress line (read outside a state update). */
  const names = React.useRef(new Map<string, string>());
  const inputRef = React.useRef<HTMLInputElement>(null);

  const patchFile = React.useCallback((id: string, state: FileState) => {
    setFiles((list) => list.map((f) => (f.id === id ? { ...f, state } : f)));
  }, []);

  const onMessage = React.useCallback(
    (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') {
        setReady(true);
        return;
      }
      if (m.type === 'download') {
        const resolve = pending.current.get(m.request);
        pending.current.delete(m.request);
        resolve?.(m);
        return;
      }
      if (m.type === 'done') {
        activeRuns.current.delete(m.run);
        if (activeRuns.current.size === 0) setProgress(null);
        return;
      }
      if (m.run <= cancelledUpTo.current) return; // a cancelled run's last words
      if (m.type === 'progress') {
        const name = names.current.get(m.id) ?? '';
        setProgress({ run: m.run, index: m.index, count: m.count, name, stage: m.stage, fraction: m.total > 0 ? m.done / m.total : 0 });
        setFiles((list) => list.map((f) => (f.id === m.id && f.state.status !== 'running' ? { ...f, state: { status: 'running' } } : f)));
      } else if (m.type === 'file') {
        const o = m.outcome;
        patchFile(
          o.id,
          o.ok ? { status: 'done', report: o.report, snapshot: o.snapshot, format: o.format, ms: o.ms } : { status: 'failed', error: o.error },
        );
        setSelectedId((sel) => sel ?? o.id);
      }
    },
    [patchFile],
  );

  const ensureWorker = React.useCallback((): Worker => {
    if (!worker.current) {
      const w = props.startWorker();
      w.onmessage = onMessage;
      worker.current = w;
    }
    return worker.current;
  }, [props, onMessage]);

  React.useEffect(() => {
    // Started with the page, so its code is loaded and compiled before the user has picked a file.
    ensureWorker();
    return () => worker.current?.terminate();
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const options: WebCheckOptions = React.useMemo(
    () => ({ asOf: ISO_DATE.test(asOf) ? asOf : localToday(), profile, lang, ...(packs.length > 0 ? { regulations: packs } : {}) }),
    [asOf, profile, lang, packs],
  );

  /** Checks these files (their bytes are read here and handed to the worker). */
  const runCheck = React.useCallback(
    async (targets: WebFile[], opts: WebCheckOptions) => {
      if (targets.length === 0) return;
      const run = ++runSeq.current;
      activeRuns.current.add(run);
      setNotice(null);
      setProgress({ run, index: 0, count: targets.length, name: targets[0]!.name, stage: 'read', fraction: 0 });
      setFiles((list) => list.map((f) => (targets.some((x) => x.id === f.id) ? { ...f, state: { status: 'waiting' } } : f)));
      const payload = await Promise.all(targets.map(async (f) => ({ id: f.id, name: f.name, bytes: await f.file.arrayBuffer() })));
      if (run <= cancelledUpTo.current) return;
      const msg: ToWorker = { type: 'check', run, files: payload, options: opts };
      ensureWorker().postMessage(msg, payload.map((p) => p.bytes));
    },
    [ensureWorker],
  );

  function addFiles(list: FileList | File[] | null) {
    const added: WebFile[] = [...(list ?? [])].map((file) => ({ id: `f${++idSeq.current}`, name: file.name, file, state: { status: 'waiting' } }));
    if (added.length === 0) return;
    for (const f of added) names.current.set(f.id, f.name);
    setFiles((prev) => [...prev, ...added]);
    // A running check is left to finish; the new files are checked after it in the same worker.
    void runCheck(added, options);
  }

  function recheck(next: WebCheckOptions = options) {
    void runCheck(files, next);
  }

  function cancel() {
    // The worker stops at the check's next slice (reading a file is one step); files done keep their results.
    cancelledUpTo.current = runSeq.current;
    const msg: ToWorker = { type: 'cancel', run: runSeq.current };
    worker.current?.postMessage(msg);
    activeRuns.current.clear();
    setProgress(null);
    setFiles((list) => list.map((f) => (f.state.status === 'waiting' || f.state.status === 'running' ? { ...f, state: { status: 'cancelled' } } : f)));
    setNotice(t.cancelled);
  }

  function changeLang(next: Lang) {
    setLang(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en-US';
    // Messages come from the engine in the report's language.
    if (files.length > 0) recheck({ ...options, lang: next });
  }

  async function download(kind: DownloadKind, id?: string) {
    const request = ++requestSeq.current;
    const m = await new Promise<Extract<FromWorker, { type: 'download' }>>((resolve) => {
      pending.current.set(request, resolve);
      const msg: ToWorker = { type: 'download', request, kind, lang, ...(id ? { id } : {}), ids: files.map((f) => f.id) };
      ensureWorker().postMessage(msg);
    });
    if (!m.ok) {
      setNotice(`${t.downloadFailed}${m.error}`);
      return;
    }
    const added = m.notices;
    if (added && id) setFiles((list) => list.map((f) => (f.id === id && f.state.status === 'done' ? { ...f, state: withNotices(f.state, added) } : f)));
    const url = URL.createObjectURL(new Blob([m.bytes], { type: m.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = m.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  const selected = files.find((f) => f.id === selectedId) ?? null;
  const done = selected && selected.state.status === 'done' ? selected.state : null;
  const sheetOrder = React.useMemo(() => done?.snapshot.sheets.map((x) => x.name) ?? [], [done]);
  const sheetName = done ? (sheetOrder.includes(activeSheet) ? activeSheet : sheetOrder[0] ?? '') : '';
  const grid = React.useMemo(() => (done ? gridData(done.snapshot, done.report, lang) : null), [done, lang]);
  const ordered = React.useMemo(
    () => (done ? orderFindings(done.report.findings.filter((f) => f.sheet === sheetName || f.sheet === ''), sheetOrder) : []),
    [done, sheetName, sheetOrder],
  );
  const visible = React.useMemo(() => filterFindings(ordered, filter), [ordered, filter]);

  const selection: GridSelection | null = React.useMemo(() => {
    if (!current || !current.cell || current.sheet !== sheetName) return null;
    const rect = parseRect(current.cell);
    return rect ? { sheet: current.sheet, ...rect } : null;
  }, [current, sheetName]);
  // A cell beyond the rows the grid renders: show a window of rows around it.
  const firstRow = selection && selection.top >= GRID_ROWS - 20 ? Math.max(0, Math.floor((selection.top - 50) / 50) * 50) : 0;

  function selectFile(id: string) {
    setSelectedId(id);
    setActiveSheet('');
    setCurrent(null);
    setFilter(ALL);
  }

  function selectFinding(f: Finding) {
    setCurrent(f);
    if (f.sheet && f.sheet !== sheetName) setActiveSheet(f.sheet);
  }

  function step(delta: 1 | -1) {
    if (visible.length === 0) return;
    const at = current ? visible.indexOf(current) : -1;
    const next = visible[Math.max(0, Math.min(visible.length - 1, at < 0 ? 0 : at + delta))];
    if (next) selectFinding(next);
  }

  const running = progress !== null;
  const anyDone = files.some((f) => f.state.status === 'done');
  const article = current?.citation ? articleText(current.citation) : null;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'} style={{ minHeight: '100vh' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 16px', borderBottom: '1px solid #ddd', flexWrap: 'wrap' }}>
        <h1 style={{ fontSize: 18, margin: 0, flex: 1 }}>{t.title}</h1>
        <Button appearance="subtle" title={t.languageLabel} lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => changeLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-toggle">
          {t.language}
        </Button>
      </header>
      <main style={{ padding: '8px 16px' }} data-worker-ready={ready ? 'true' : 'false'}>
        <p data-testid="privacy" style={{ margin: '4px 0 8px', fontSize: 13, color: '#1b5e20' }}>
          {t.privacy}
        </p>
        <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
          <Field label={s.profile} size="small">
            <Select
              size="small"
              value={profile}
              data-testid="profile"
              onChange={(_, d) => {
                setProfile(d.value);
                if (files.length > 0) recheck({ ...options, profile: d.value });
              }}
            >
              <option value="auto">{s.profileAuto}</option>
              {profileChoices(packs).filter((p) => p !== 'auto').map((p) => (
                <option key={p} value={p}>
                  {regulationName(p, packs, lang, s.profileGeneric)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.asOf} size="small">
            <Input
              size="small"
              type="date"
              value={asOf}
              data-testid="as-of"
              onChange={(_, d) => {
                setAsOf(d.value);
                if (ISO_DATE.test(d.value) && files.length > 0) recheck({ ...options, asOf: d.value });
              }}
            />
          </Field>
          <Button appearance="primary" onClick={() => inputRef.current?.click()} data-testid="choose">
            {t.choose}
          </Button>
          <input
            ref={inputRef}
            type="file"
            multiple
            accept={ACCEPT}
            data-testid="file-input"
            aria-label={t.choose}
            style={{ display: 'none' }}
            onChange={(e) => {
              addFiles(e.target.files);
              e.target.value = '';
            }}
          />
          <Button onClick={() => recheck()} disabled={files.length === 0 || running} data-testid="recheck">
            {t.recheck}
          </Button>
          <Button onClick={() => void download('csv-all')} disabled={!anyDone || running} data-testid="download-csv-all">
            {t.downloadAllCsv}
          </Button>
          <Button onClick={() => void download('summary')} disabled={!anyDone || running} data-testid="download-summary">
            {t.downloadSummary}
          </Button>
        </div>

        <RulesImport
          lang={lang}
          packs={packs}
          shippedIds={builtinRegistry().ids()}
          ruleIds={RULE_IDS}
          disabled={running}
          onImport={(pack) => {
            const next = [...packs.filter((p) => p.id !== pack.id), pack];
            setPacks(next);
            setProfile(pack.id);
            if (files.length > 0) recheck({ ...options, profile: pack.id, regulations: next });
          }}
          onRemove={(id) => {
            const next = packs.filter((p) => p.id !== id);
            const chosen = profile === id ? 'auto' : profile;
            setPacks(next);
            setProfile(chosen);
            if (files.length > 0) recheck({ ...options, profile: chosen, regulations: next });
          }}
        />

        <div
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            addFiles(e.dataTransfer.files);
          }}
          style={{
            margin: '10px 0',
            padding: files.length ? '8px 12px' : '28px 12px',
            border: `2px dashed ${dragging ? '#0f6cbd' : '#8a8a8a'}`,
            borderRadius: 6,
            textAlign: 'center',
            color: '#424242',
            background: dragging ? '#ebf3fc' : '#fafafa',
          }}
        >
          {t.drop}
        </div>

        {progress && (
          <div role="status" data-testid="progress" style={{ display: 'flex', gap: 12, alignItems: 'center', margin: '6px 0' }}>
            <div style={{ flex: 1 }}>
              <div style={{ fontSize: 13 }}>{t.progress(progress.index + 1, progress.count, progress.name, progress.stage)}</div>
              <ProgressBar
                value={(progress.index + (progress.stage === 'read' ? 0 : 0.2 + 0.8 * progress.fraction)) / progress.count}
                aria-label={t.progress(progress.index + 1, progress.count, progress.name, progress.stage)}
              />
            </div>
            <Button onClick={cancel} data-testid="cancel">
              {t.cancel}
            </Button>
          </div>
        )}
        {notice && (
          <MessageBar intent="warning" data-testid="notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}

        {files.length === 0 ? (
          <p>{t.noFile}</p>
        ) : (
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', marginTop: 8 }}>
            <nav aria-label={t.files} style={{ width: 230, flex: 'none' }}>
              <h2 style={{ fontSize: 14, margin: '4px 0' }}>{t.files}</h2>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {files.map((f) => (
                  <li key={f.id} style={{ marginBottom: 4 }}>
                    <button
                      type="button"
                      onClick={() => selectFile(f.id)}
                      aria-current={f.id === selectedId ? 'true' : undefined}
                      data-testid="file"
                      data-file={f.name}
                      data-status={f.state.status}
                      style={{
                        width: '100%',
                        textAlign: 'left',
                        padding: '6px 8px',
                        borderRadius: 4,
                        cursor: 'pointer',
                        border: f.id === selectedId ? '2px solid #0f6cbd' : '1px solid #d1d1d1',
                        background: f.id === selectedId ? '#ebf3fc' : '#fff',
                        font: 'inherit',
                      }}
                    >
                      <div style={{ fontWeight: 600, wordBreak: 'break-all' }}>{f.name}</div>
                      <div style={{ fontSize: 12, color: f.state.status === 'failed' ? '#a4262c' : '#424242' }}>{fileLine(f.state, t)}</div>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>

            <section aria-label={selected?.name ?? t.files} style={{ flex: 1, minWidth: 0 }} data-testid="file-detail">
              {selected && <h2 style={{ fontSize: 16, margin: '4px 0' }}>{selected.name}</h2>}
              {selected?.state.status === 'failed' && (
                <MessageBar intent="error" data-testid="file-error">
                  <MessageBarBody>{`${t.failed}：${selected.state.error}`}</MessageBarBody>
                </MessageBar>
              )}
              {done && selected && (
                <>
                  <p data-testid="profile-line" data-ms={JSON.stringify(done.ms)} style={{ fontSize: 12, margin: '4px 0', color: '#424242' }}>
                    {(done.report.profile.detected ? s.detectedProfile : s.chosenProfile)(
                      regulationName(done.report.profile.id, packs, lang, s.profileGeneric),
                      done.report.profile.reason,
                    )}
                    {` · ${t.time(done.ms.preflight + done.ms.read + done.ms.check)}`}
                  </p>
                  {done.report.notices.length > 0 && (
                    <section aria-label={t.notices}>
                      {done.report.notices.map((n, i) => (
                        <MessageBar key={`${n.id}-${i}`} intent={n.severity === 'error' ? 'error' : n.severity === 'warning' ? 'warning' : 'info'} style={{ marginBottom: 4 }}>
                          <MessageBarBody>{n.message}</MessageBarBody>
                        </MessageBar>
                      ))}
                    </section>
                  )}
                  <div role="group" aria-label={t.downloads} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '6px 0' }}>
                    <Button size="small" onClick={() => void download('copy', selected.id)} disabled={running} data-testid="download-copy">
                      {t.downloadCopy}
                    </Button>
                    <Button size="small" onClick={() => void download('csv', selected.id)} disabled={running} data-testid="download-csv">
                      {t.downloadCsv}
                    </Button>
                    <Button size="small" onClick={() => void download('table', selected.id)} disabled={running} data-testid="download-table">
                      {t.downloadTable}
                    </Button>
                  </div>
                  <h3 style={{ fontSize: 14, margin: '8px 0 4px' }}>{t.sheetsHeading}</h3>
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', gap: 6, flexWrap: 'wrap' }}>
                    {done.report.sheets.map((sh) => {
                      const n = done.report.findings.filter((f) => f.sheet === sh.name).length;
                      return (
                        <li key={sh.name}>
                          <Button
                            size="small"
                            appearance={sh.name === sheetName ? 'primary' : 'secondary'}
                            aria-pressed={sh.name === sheetName}
                            data-testid="sheet"
                            data-sheet={sh.name}
                            onClick={() => {
                              setActiveSheet(sh.name);
                              setCurrent(null);
                            }}
                          >
                            {`${sh.name}（${t.sheetLine(s.kindNames[sh.kind] ?? sh.kind, n)}）`}
                          </Button>
                        </li>
                      );
                    })}
                  </ul>
                  <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', marginTop: 8 }}>
                    <section aria-label={s.tabs.findings} style={{ width: 380, flex: 'none', maxHeight: '70vh', overflow: 'auto' }} tabIndex={0} data-testid="findings">
                      <FindingsView
                        s={s}
                        report={done.report}
                        ordered={ordered}
                        visible={visible}
                        filter={filter}
                        onFilter={setFilter}
                        current={current}
                        onSelect={selectFinding}
                        onStep={step}
                      />
                    </section>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <section aria-label={t.gridSheets} style={{ height: '52vh', border: '1px solid #d1d1d1' }} data-testid="grid-box">
                        {grid && grid.sheets.length > 0 && (
                          <Grid
                            data={grid}
                            activeSheet={sheetName}
                            selection={selection}
                            firstRow={firstRow}
                            maxRows={GRID_ROWS}
                            onActivateSheet={(name) => {
                              setActiveSheet(name);
                              setCurrent(null);
                            }}
                            labels={{ sheets: t.gridSheets, truncated: t.truncated, window: t.window }}
                          />
                        )}
                      </section>
                      <section aria-label={t.article} data-testid="article" style={{ marginTop: 8, padding: 8, background: '#f5f5f5', borderRadius: 4, fontSize: 13 }}>
                        <h3 style={{ fontSize: 14, margin: '0 0 4px' }}>{t.article}</h3>
                        {!current ? (
                          <p style={{ margin: 0 }}>{t.noArticle}</p>
                        ) : !current.citation ? (
                          <p style={{ margin: 0 }}>{current.message}</p>
                        ) : (
                          <>
                            <p style={{ margin: 0, fontWeight: 600 }}>{citationText(current.citation, lang)}</p>
                            <p data-testid="article-text" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                              {article ? article.text : t.citationOnly}
                            </p>
                          </>
                        )}
                      </section>
                    </div>
                  </div>
                </>
              )}
            </section>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}

/** A done file's state with notices a download found (a sheet the copy could not mark), each once. */
function withNotices(state: Extract<FileState, { status: 'done' }>, notices: Report['notices']): FileState {
  const fresh = notices.filter((n) => !state.report.notices.some((x) => x.id === n.id));
  return fresh.length === 0 ? state : { ...state, report: { ...state.report, notices: [...state.report.notices, ...fresh] } };
}

function fileLine(state: FileState, t: (typeof WEB_TEXT)['zh']): string {
  switch (state.status) {
    case 'waiting':
    case 'running':
      return t.waiting;
    case 'cancelled':
      return t.cancelled.split(/[，,]/)[0]!;
    case 'failed':
      return `${t.failed}：${state.error}`;
    case 'done': {
      const c = countBySeverity(state.report.findings);
      return t.counts(c.error, c.warning, c.info);
    }
  }
}
