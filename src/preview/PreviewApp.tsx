// The no-Excel preview: the real task pane (App) beside a grid, both on one fake workbook through the real adapter.
import * as React from 'react';
import { createOfficeHost } from '../excel';
import type { WorkbookHost } from '../excel';
import type { Lang } from '../engine/types';
import { App, type RunCheck } from '../taskpane/App';
import { localToday } from '../taskpane/model';
import { Grid } from './Grid';
import { PreviewWorkbook, type WorkbookView } from './workbook';
import { openXlsx } from './xlsx';
import { SAMPLES, fetchSample } from './samples';

const TEXT = {
  zh: {
    title: '预览（无需 Excel）',
    sample: '示例工作簿',
    open: '打开 .xlsx 文件',
    loading: '正在打开…',
    openFailed: '无法打开工作簿：',
    sheets: '工作表',
    truncated: (r: number, c: number) => `仅显示前 ${r} 行、${c} 列。`,
    none: '请选择示例或打开一个 .xlsx 文件。',
  },
  en: {
    title: 'Preview (no Excel needed)',
    sample: 'Sample workbook',
    open: 'Open an .xlsx file',
    loading: 'Opening…',
    openFailed: 'Cannot open the workbook: ',
    sheets: 'Sheets',
    truncated: (r: number, c: number) => `Showing the first ${r} rows and ${c} columns only.`,
    none: 'Choose a sample or open an .xlsx file.',
  },
};

interface Loaded {
  id: number;
  name: string;
  workbook: PreviewWorkbook;
  host: WorkbookHost;
}

export interface PreviewAppProps {
  lang?: Lang;
  today?: string;
  runCheck?: RunCheck;
  /** Sample opened at start; null opens none. */
  initialSample?: string | null;
  samples?: readonly string[];
  sampleBase?: string;
  /**
   * 'side' (default): the grid with the pane beside it, 380 px. 'pane': the page is the pane, as Office hosts it (its
   * own document, 320–350 px wide), with the grid below in a box of its own; narrow the window to test the pane's width.
   */
  layout?: 'side' | 'pane';
}

export function PreviewApp(props: PreviewAppProps): React.ReactElement {
  const samples = props.samples ?? SAMPLES;
  const [lang, setLang] = React.useState<Lang>(props.lang ?? 'zh');
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [view, setView] = React.useState<WorkbookView | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [sample, setSample] = React.useState<string>('');
  const nextId = React.useRef(1);
  const t = TEXT[lang];

  const open = React.useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setBusy(true);
      setError(null);
      try {
        const data = await openXlsx(await bytes(), name);
        const workbook = new PreviewWorkbook(data, lang === 'en' ? 'en-US' : 'zh-CN');
        const host = createOfficeHost(workbook.Excel, workbook.Office);
        setLoaded({ id: nextId.current++, name, workbook, host });
      } catch (e) {
        setError(`${TEXT[lang].openFailed}${name}：${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );

  React.useEffect(() => {
    const first = props.initialSample === undefined ? samples[0] : props.initialSample;
    if (first) {
      setSample(first);
      void open(first, () => fetchSample(first, props.sampleBase));
    }
    // Opens the initial sample once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  React.useEffect(() => {
    if (!loaded) return;
    setView(loaded.workbook.view());
    return loaded.workbook.subscribe(() => setView(loaded.workbook.view()));
  }, [loaded]);

  const paneLayout = props.layout === 'pane';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: paneLayout ? undefined : '100vh', fontFamily: 'inherit' }}>
      <header style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '6px 10px', borderBottom: '1px solid #ddd', flexWrap: 'wrap' }}>
        <strong>{t.title}</strong>
        <label>
          {t.sample}{' '}
          <select
            data-testid="sample-picker"
            value={sample}
            onChange={(e) => {
              const name = e.target.value;
              setSample(name);
              if (name) void open(name, () => fetchSample(name, props.sampleBase));
            }}
          >
            <option value="">—</option>
            {samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.open}{' '}
          <input
            type="file"
            data-testid="file-input"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setSample('');
              void open(file.name, () => file.arrayBuffer());
              e.target.value = '';
            }}
          />
        </label>
        <span data-testid="workbook-name">{loaded?.name ?? ''}</span>
        {busy && <span role="status">{t.loading}</span>}
      </header>
      {error && (
        <p role="alert" data-testid="preview-error" style={{ color: '#a80000', margin: '6px 10px' }}>
          {error}
        </p>
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, flexDirection: paneLayout ? 'column-reverse' : 'row' }}>
        <section
          aria-label={loaded?.name ?? t.none}
          style={
            paneLayout
              ? { height: 320, overflow: 'auto', borderTop: '1px solid #ddd', display: 'flex', flexDirection: 'column' }
              : { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }
          }
        >
          {loaded && view ? (
            <Grid
              data={view.data}
              activeSheet={view.activeSheet}
              selection={view.selection}
              onActivateSheet={(name) => void loaded.workbook.activate(name)}
              labels={{ sheets: t.sheets, truncated: t.truncated }}
            />
          ) : (
            <p style={{ margin: 10 }}>{t.none}</p>
          )}
        </section>
        <aside data-testid="taskpane" style={paneLayout ? {} : { width: 380, borderLeft: '1px solid #ddd', overflow: 'auto' }}>
          {loaded && (
            <App
              key={loaded.id}
              host={loaded.host}
              runCheck={props.runCheck}
              today={props.today ?? localToday()}
              lang={lang}
              onLangChange={setLang}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
