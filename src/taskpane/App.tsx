// The task pane: settings, check/clear/fill actions, findings, deadlines and sheet recognition — Office-free.
import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  webLightTheme,
} from '@fluentui/react-components';
import type {
  CheckOptions,
  Finding,
  HolidaySchedule,
  Lang,
  ProfileId,
  Report,
  Severity,
  SheetOverride,
  WorkbookSnapshot,
} from '../engine/types';
import { citationText } from '../engine/regulations';
import { computedValues } from '../engine/computed';
import { uncheckedSheets } from '../engine/rules/coverage';
import { checkAsync } from '../engine/chunked';
import type { WorkbookHost } from '../excel';
import { STRINGS, type UiStrings } from './strings';
import {
  errorMessage,
  filterFindings,
  isAbortError,
  orderFindings,
  upcomingDeadlines,
  yieldToUi,
  type DeadlineEntry,
  type FindingFilter,
} from './model';
import { FindingsView } from './FindingsView';
import { usePaneAdditions } from './additions';
import { DeadlinesView } from './DeadlinesView';
import { detectProfile } from '../engine/profiles';
import { PaneTabs } from './PaneTabs';
import { SheetsView } from './SheetsView';
import { HolidaysImport } from './HolidaysImport';
import { RulesImport } from './RulesImport';
import { builtinRegistry } from '../engine/packs/registry';
import type { RegulationPack } from '../engine/packs/types';
import { RULE_IDS, profileChoices, regulationName, usablePacks } from './regulations';
import { validateHolidaySchedules } from '../engine/calendar/schedule';

/** Runs the engine; may answer at once or in slices (the default yields to the UI, reports progress, honours abort). */
export type RunCheck = (
  snapshot: WorkbookSnapshot,
  options: CheckOptions,
  run?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
) => Report | Promise<Report>;

export interface AppProps {
  host: WorkbookHost;
  /** The engine's check; replaceable so tests and the preview can inject their own. */
  runCheck?: RunCheck;
  /** Default reference date, YYYY-MM-DD. */
  today: string;
  /** Initial UI language. */
  lang: Lang;
  onLangChange?: (lang: Lang) => void;
  /** How many findings / deadlines a list renders before "show more" (default 200). */
  pageSize?: number;
  /** Live mode: how long after the last edit the pane re-checks (default 1500 ms). */
  liveDelayMs?: number;
}

type ProfileChoice = ProfileId | 'auto';
type Operation = 'check' | 'fill' | 'clear';
type Phase = 'read' | 'check' | 'write' | 'clear';
interface Busy {
  op: Operation;
  phase: Phase;
  done: number;
  total: number;
}
type Problem = { key: keyof UiStrings['errors']; detail: string };
type Status = { key: 'checked' | 'checkedNothing' | 'filled' | 'cleared' | 'cancelled'; a: number; b: number; c?: number };
type View = 'findings' | 'deadlines' | 'sheets';

const INTENT: Record<Severity, 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Change events that arrive this soon after our own writes are echoes of them, not user edits. */
const OWN_WRITE_ECHO_MS = 1500;

/** Schedules from the workbook's settings that still validate (the host already cleaned them; a hand-edited one may not). */
function usableSchedules(list: unknown[]): HolidaySchedule[] {
  const out: HolidaySchedule[] = [];
  for (const item of list) {
    try {
      // validated with the ones kept so far: a second schedule of a year is dropped too
      out.push(validateHolidaySchedules([...out, item])[out.length]!);
    } catch {
      // dropped
    }
  }
  return out;
}

/** True when the host read the workbook but could not learn its date system (hosts and fakes without it: false). */
function readDateSystemUnknown(host: WorkbookHost): boolean {
  try {
    return (host.capabilities() as { dateSystem?: boolean | null }).dateSystem === false;
  } catch {
    return false;
  }
}

/** Deadlines and the other computed values (审批/管理路径 …) written, counted apart: a path is no deadline. */
function filledCounts(rep: Report, res: { computed: number; computedDates?: number }): { a: number; c: number } {
  // A host that does not count dates apart: the report's dates, as far as the total allows.
  const dates = res.computedDates ?? Math.min(res.computed, computedValues(rep).filter((v) => v.type === 'date').length);
  return { a: dates, c: res.computed - dates };
}

function isProfileChoice(v: unknown, packs: readonly RegulationPack[]): v is ProfileChoice {
  return typeof v === 'string' && profileChoices(packs).includes(v);
}

export function App(props: AppProps): React.ReactElement {
  const { host, today } = props;
  const runCheck: RunCheck = props.runCheck ?? checkAsync;
  const [lang, setLang] = React.useState<Lang>(props.lang);
  const s = STRINGS[lang];

  const [profile, setProfile] = React.useState<ProfileChoice>('auto');
  // Regulation packs the user imported (kept in the workbook): more choices, detected like the shipped ones.
  const [packs, setPacks] = React.useState<RegulationPack[]>([]);
  const packsRef = React.useRef<RegulationPack[]>(packs);
  packsRef.current = packs;
  const [asOf, setAsOf] = React.useState<string>(today);
  const [overrides, setOverrides] = React.useState<Record<string, SheetOverride>>({});
  const [overridesDirty, setOverridesDirty] = React.useState(false);
  // State Council schedules the user imported (kept in the workbook), for years the bundled data lacks.
  const [holidays, setHolidays] = React.useState<HolidaySchedule[]>([]);
  const [report, setReport] = React.useState<Report | null>(null);
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [stale, setStale] = React.useState(false);
  // Live mode re-checks after edits; refs let the change handler (registered once) see the current choice and flow.
  const [live, setLive] = React.useState(false);
  const liveRef = React.useRef(false);
  liveRef.current = live;
  const runFlowRef = React.useRef<(op: 'check' | 'fill') => Promise<void>>(async () => undefined);
  const [filter, setFilter] = React.useState<FindingFilter>({ severity: 'all', category: 'all' });
  const [current, setCurrent] = React.useState<Finding | null>(null);
  const [view, setView] = React.useState<View>('findings');
  // Whether the computed columns of the report shown are in the sheet: only after 填写期限列 (a check removes ours).
  const [computedInSheet, setComputedInSheet] = React.useState(false);
  const [notFilled, setNotFilled] = React.useState<DeadlineEntry | null>(null);
  // The language the notes in the sheet were written in: switching the pane's language does not rewrite them.
  const [notesLang, setNotesLang] = React.useState<Lang | null>(null);
  // 清除标记 says what it will clear and waits for a second, explicit confirmation.
  const [confirmClear, setConfirmClear] = React.useState(false);

  const abortRef = React.useRef<AbortController | null>(null);
  const quietUntil = React.useRef(0);
  const settingsLoaded = React.useRef(false);
  const mounted = React.useRef(true);

  const [dateSystemUnknown, setDateSystemUnknown] = React.useState(false);
  const effectiveAsOf = ISO_DATE.test(asOf) ? asOf : today;
  const noAnnotations = React.useMemo(() => {
    try {
      return (host.capabilities() as { annotations?: string }).annotations === 'none';
    } catch {
      return false;
    }
  }, [host]);

  // Restore what the unit chose, so a reviewer opening the workbook checks it the same way.
  React.useEffect(() => {
    mounted.current = true;
    let cancelled = false;
    host
      .loadSettings()
      .then((saved) => {
        if (cancelled) return;
        const savedPacks = Array.isArray(saved.regulations) ? usablePacks(saved.regulations) : [];
        if (savedPacks.length > 0) setPacks(savedPacks);
        if (isProfileChoice(saved.profile, savedPacks)) setProfile(saved.profile);
        if (saved.asOf && ISO_DATE.test(saved.asOf)) setAsOf(saved.asOf);
        if (saved.overrides && typeof saved.overrides === 'object') setOverrides(saved.overrides);
        if (Array.isArray(saved.holidays) && saved.holidays.length > 0) setHolidays(usableSchedules(saved.holidays));
      })
      .catch((e) => {
        if (!cancelled) setProblem({ key: 'loadSettings', detail: errorMessage(e, STRINGS[props.lang].errors.unknown) });
      })
      .finally(() => {
        settingsLoaded.current = true;
      });
    return () => {
      cancelled = true;
      mounted.current = false;
      abortRef.current?.abort();
    };
    // Settings are read once per host.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  React.useEffect(() => {
    let unwatch: (() => Promise<void>) | null = null;
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    host
      .watchChanges(() => {
        // The add-in's own writes echo back as changes: ignore them, and anything during a run.
        if (abortRef.current || Date.now() < quietUntil.current) return;
        if (!liveRef.current) {
          setStale(true);
          return;
        }
        // Typing fires a change per cell: wait until the edits pause, then check once.
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          if (!disposed && liveRef.current && !abortRef.current) void runFlowRef.current('check');
        }, props.liveDelayMs ?? 1500);
      })
      .then((stop) => {
        if (disposed) void stop().catch(() => undefined);
        else unwatch = stop;
      })
      // Without change events the pane still works; the user re-checks by hand.
      .catch(() => undefined);
    return () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      if (unwatch) void unwatch().catch(() => undefined);
    };
    // The delay is read when a change arrives; re-registering on its change is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const persist = React.useCallback(
    (next: { profile: ProfileChoice; asOf: string; overrides: Record<string, SheetOverride>; holidays: HolidaySchedule[] }) => {
      if (!settingsLoaded.current) return;
      const { holidays: hs, ...rest } = next;
      const regulations = packsRef.current;
      host.saveSettings({ ...rest, ...(hs.length > 0 ? { holidays: hs } : {}), ...(regulations.length > 0 ? { regulations } : {}) }).catch((e) => {
        if (mounted.current) setProblem({ key: 'saveSettings', detail: errorMessage(e, s.errors.unknown) });
      });
    },
    [host, s],
  );

  const ordered = React.useMemo(
    () => (report ? orderFindings(report.findings, report.sheets.map((x) => x.name)) : []),
    [report],
  );
  const visible = React.useMemo(() => filterFindings(ordered, filter), [ordered, filter]);
  const deadlines = React.useMemo(() => (report ? upcomingDeadlines(report, snapshot) : []), [report, snapshot]);
  // Export, waivers and articles (issue #14): their own components; a waiver updates the report shown.
  const additions = usePaneAdditions({
    host,
    lang,
    report,
    snapshot,
    current,
    today,
    busy: !!busy,
    onReport: (r, cur) => {
      setReport(r);
      setCurrent(cur);
    },
  });

  const progress = (done: number, total: number) => {
    if (mounted.current) setBusy((b) => (b ? { ...b, done, total } : b));
  };

  async function runFlow(op: 'check' | 'fill') {
    const ac = new AbortController();
    abortRef.current = ac;
    const { signal } = ac;
    setProblem(null);
    setStatus(null);
    setBusy({ op, phase: 'read', done: 0, total: 0 });
    let step: Problem['key'] = 'read';
    try {
      const snap = await host.readSnapshot(progress, signal);
      // Whether this read could learn the date system: a host without the API reads dates in the 1900 system.
      setDateSystemUnknown(readDateSystemUnknown(host));
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      setBusy({ op, phase: 'check', done: 0, total: 0 });
      await yieldToUi();
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      step = 'check';
      const options: CheckOptions = { asOf: effectiveAsOf, profile, lang, overrides };
      if (holidays.length > 0) options.holidays = holidays;
      if (packs.length > 0) options.regulations = packs;
      const rep = await runCheck(snap, options, { signal, onProgress: progress });
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      persist({ profile, asOf: effectiveAsOf, overrides, holidays });
      setSnapshot(snap);
      setReport(rep);
      setCurrent(null);
      setStale(false);
      setOverridesDirty(false);
      await yieldToUi();
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      step = 'write';
      setBusy({ op, phase: 'write', done: 0, total: 0 });
      const res = await host.applyReport(rep, { lang, fillComputed: op === 'fill', onProgress: progress, signal });
      quietUntil.current = Date.now() + OWN_WRITE_ECHO_MS;
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      if (mounted.current) {
        setNotesLang(lang);
        setComputedInSheet(op === 'fill');
        setNotFilled(null);
        // Nothing recognised is never "0 problems" nor "0 deadlines filled": say nothing was checked, as the CLI does.
        setStatus(
          !rep.sheets.some((x) => x.kind !== 'unknown')
            ? { key: 'checkedNothing', a: uncheckedSheets(rep).length, b: res.marked }
            : op === 'fill'
              ? { key: 'filled', ...filledCounts(rep, res), b: res.marked }
              : { key: 'checked', a: rep.findings.length, b: res.marked },
        );
      }
    } catch (e) {
      quietUntil.current = Date.now() + OWN_WRITE_ECHO_MS;
      if (!mounted.current) return;
      if (isAbortError(e, signal)) setStatus({ key: 'cancelled', a: 0, b: 0 });
      else setProblem({ key: step, detail: errorMessage(e, s.errors.unknown) });
    } finally {
      if (abortRef.current === ac) {
        abortRef.current = null;
        if (mounted.current) setBusy(null);
      }
    }
  }

  runFlowRef.current = runFlow;

  function onRun(op: 'check' | 'fill') {
    // A run in progress is never cancelled by a second click here (a double-click would): only by 取消.
    if (abortRef.current) return;
    void runFlow(op);
  }

  function onCancel() {
    abortRef.current?.abort();
  }

  async function onClear() {
    setConfirmClear(false);
    if (abortRef.current) return;
    const ac = new AbortController();
    abortRef.current = ac;
    setProblem(null);
    setStatus(null);
    setBusy({ op: 'clear', phase: 'clear', done: 0, total: 0 });
    try {
      // Only the marks: the filled 期限 / 审批路径 columns are the user's to keep (the confirmation says so).
      const res = await host.clearMarks({ keepComputed: true });
      quietUntil.current = Date.now() + OWN_WRITE_ECHO_MS;
      if (mounted.current) setStatus({ key: 'cleared', a: res.restored, b: 0 });
    } catch (e) {
      if (mounted.current) setProblem({ key: 'clear', detail: errorMessage(e, s.errors.unknown) });
    } finally {
      abortRef.current = null;
      if (mounted.current) setBusy(null);
    }
  }

  function select(sheet: string, cell: string) {
    if (!sheet || !cell) return;
    host.selectCell(sheet, cell).catch((e) => {
      if (mounted.current) setProblem({ key: 'select', detail: errorMessage(e, s.errors.unknown) });
    });
  }

  function onSelectDeadline(d: DeadlineEntry) {
    // Before 填写期限列 (or after a check, which takes our columns out again) the deadline's cell is empty: say so.
    if (!computedInSheet || !d.cell || !/^[A-Z]/.test(d.cell)) {
      setNotFilled(d);
      return;
    }
    setNotFilled(null);
    select(d.sheet, d.cell);
  }

  function onSelectFinding(f: Finding) {
    setCurrent(f);
    select(f.sheet, f.cell);
  }

  function onStep(delta: 1 | -1) {
    if (visible.length === 0) return;
    const at = current ? visible.indexOf(current) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta));
    onSelectFinding(visible[next]);
  }

  function onLang(next: Lang) {
    setLang(next);
    props.onLangChange?.(next);
    // Messages come from the engine in the report's language: re-run on the data already read (no workbook access).
    if (report && snapshot && !busy) {
      void (async () => {
        try {
          const rep = await runCheck(snapshot, { asOf: report.asOf, profile, lang: next, overrides, ...(holidays.length > 0 ? { holidays } : {}), ...(packs.length > 0 ? { regulations: packs } : {}) });
          if (!mounted.current) return;
          setReport(rep);
          setCurrent(null);
        } catch (e) {
          if (mounted.current) setProblem({ key: 'check', detail: errorMessage(e, STRINGS[next].errors.unknown) });
        }
      })();
    }
  }

  function onProfile(p: ProfileChoice) {
    setProfile(p);
    persist({ profile: p, asOf: effectiveAsOf, overrides, holidays });
  }

  function onAsOf(v: string) {
    setAsOf(v);
    if (ISO_DATE.test(v)) persist({ profile, asOf: v, overrides, holidays });
  }

  function onOverride(sheet: string, o: SheetOverride | undefined) {
    const next = { ...overrides };
    if (o) next[sheet] = o;
    else delete next[sheet];
    setOverrides(next);
    setOverridesDirty(true);
    persist({ profile, asOf: effectiveAsOf, overrides: next, holidays });
  }

  // An imported pack is chosen at once (the user imported it for this workbook); removing the chosen one goes back to auto.
  function onPacks(next: RegulationPack[], chosen: ProfileChoice) {
    setPacks(next);
    packsRef.current = next;
    setProfile(chosen);
    setStale(!!report);
    persist({ profile: chosen, asOf: effectiveAsOf, overrides, holidays });
  }

  function onHolidays(next: HolidaySchedule[]) {
    setHolidays(next);
    // the deadlines shown rest on the schedules: a new check applies them
    if (report) setStale(true);
    persist({ profile, asOf: effectiveAsOf, overrides, holidays: next });
  }

  const phaseText: Record<Phase, string> = {
    read: s.phaseRead,
    check: s.phaseCheck,
    write: s.phaseWrite,
    clear: s.phaseClear,
  };
  const statusText = status
    ? status.key === 'checked'
      ? s.checkedStatus(status.a, status.b)
      : status.key === 'checkedNothing'
        ? s.checkedNothingStatus(status.a)
        : status.key === 'filled'
          ? s.filledStatus(status.a, status.c ?? 0, status.b)
          : status.key === 'cleared'
            ? s.clearedStatus(status.a)
            : s.cancelled
    : null;
  // A regulation chosen by hand that the workbook's own words contradict: say what it mentions, and how often.
  const mismatch = React.useMemo(() => {
    if (!report || !snapshot || report.profile.detected || report.profile.id === 'generic') return null;
    const mentions: Record<string, number> = detectProfile(snapshot).mentions;
    const chosen = report.profile.id;
    const others = Object.entries(mentions)
      .filter(([id, n]) => id !== chosen && n > (mentions[chosen] ?? 0))
      .sort((a, b) => b[1] - a[1]);
    if (others.length === 0) return null;
    const name = (id: string) => regulationName(id, packs, lang, s.profileGeneric);
    return s.profileMismatch(name(chosen), mentions[chosen] ?? 0, others.map(([id, n]) => ({ name: name(id), count: n })));
  }, [report, snapshot, packs, lang, s]);
  const profileLine = report
    ? (report.profile.detected ? s.detectedProfile : s.chosenProfile)(
        regulationName(report.profile.id, packs, lang, s.profileGeneric),
        report.profile.reason,
      )
    : null;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <main aria-label={s.appTitle} style={{ padding: 10, fontSize: 13 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <h2 style={{ fontSize: 16, margin: 0 }}>{s.appTitle}</h2>
          <span style={{ display: 'flex', gap: 4 }}>
            {additions.helpButton}
            <Button
              size="small"
              appearance="subtle"
              aria-label={s.languageToggleLabel}
              onClick={() => onLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {s.languageToggle}
            </Button>
          </span>
        </header>
        {additions.helpNode}

        {noAnnotations && (
          <MessageBar layout="multiline" intent="info" style={{ marginTop: 8 }} data-testid="no-annotations">
            <MessageBarBody>{s.noAnnotations}</MessageBarBody>
          </MessageBar>
        )}

        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
          <Field label={s.profile} size="small">
            <Select size="small" value={profile} onChange={(_, d) => onProfile(d.value as ProfileChoice)}>
              {profileChoices(packs).map((p) => (
                <option key={p} value={p}>
                  {p === 'auto' ? s.profileAuto : regulationName(p, packs, lang, s.profileGeneric)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.asOf} size="small" hint={ISO_DATE.test(asOf) ? undefined : s.asOfEmpty(s.date(today))}>
            <Input size="small" type="date" value={asOf} onChange={(_, d) => onAsOf(d.value)} />
          </Field>
        </div>
        <HolidaysImport
          lang={lang}
          schedules={holidays}
          disabled={!!busy}
          onImport={(added) => onHolidays([...holidays.filter((h) => !added.some((a) => a.year === h.year)), ...added].sort((a, b) => a.year - b.year))}
          onRemove={(year) => onHolidays(holidays.filter((h) => h.year !== year))}
        />
        <RulesImport
          lang={lang}
          packs={packs}
          shippedIds={builtinRegistry().ids()}
          ruleIds={RULE_IDS}
          disabled={!!busy}
          onImport={(pack) => onPacks([...packs.filter((p) => p.id !== pack.id), pack], pack.id)}
          onRemove={(id) => onPacks(packs.filter((p) => p.id !== id), profile === id ? 'auto' : profile)}
        />

        <div role="group" aria-label={s.actions} style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 8 }}>
          {/* A second click while running does nothing: cancelling is 取消's job alone. */}
          <Button appearance="primary" onClick={() => onRun('check')} disabledFocusable={!!busy} data-testid="check">
            {s.check}
          </Button>
          <Button onClick={() => onRun('fill')} disabledFocusable={!!busy} data-testid="fill">
            {s.fillComputed}
          </Button>
          <Button onClick={() => setConfirmClear(true)} disabledFocusable={!!busy} aria-expanded={confirmClear} data-testid="clear">
            {s.clear}
          </Button>
        </div>
        {additions.exportNode}
        {additions.reversibleNode}
        {confirmClear && !busy && (
          <div role="group" aria-label={s.clear} data-testid="clear-confirm" style={{ marginTop: 6, padding: 6, border: '1px solid #d1d1d1', borderRadius: 4 }}>
            <p style={{ margin: '0 0 6px', fontSize: 12 }}>{s.clearExplain}</p>
            <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
              <Button size="small" appearance="primary" onClick={() => void onClear()} data-testid="clear-confirm-yes">
                {s.clearConfirm}
              </Button>
              <Button size="small" onClick={() => setConfirmClear(false)} data-testid="clear-confirm-no">
                {s.clearKeep}
              </Button>
            </div>
          </div>
        )}
        <Checkbox
          checked={live}
          onChange={(_, d) => setLive(d.checked === true)}
          label={s.liveMode}
          data-testid="live"
        />

        {/* Progress and 取消 sit right under the buttons, above everything a run adds, so they never move while it runs. */}
        {busy && (
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 8 }}>
            {busy.op !== 'clear' && (
              <Button size="small" onClick={onCancel} data-testid="cancel">
                {s.cancel}
              </Button>
            )}
            <Field
              label={phaseText[busy.phase]}
              size="small"
              style={{ flex: 1, minWidth: 0 }}
              validationState="none"
              validationMessage={busy.total > 0 ? `${busy.done} / ${busy.total}` : undefined}
            >
              <ProgressBar
                aria-label={s.progressLabel}
                value={busy.total > 0 ? Math.min(1, busy.done / busy.total) : undefined}
              />
            </Field>
          </div>
        )}
        <p role="status" aria-live="polite" style={{ fontSize: 12, minHeight: 16, margin: '6px 0' }}>
          {statusText ?? (report ? '' : s.checkHint)}
          {overridesDirty && report ? ` ${s.overridesChanged}` : ''}
        </p>
        {problem && (
          <MessageBar layout="multiline" intent="error" role="alert" style={{ marginTop: 8 }} data-testid="error">
            <MessageBarBody>{`${s.errors[problem.key]}${problem.detail}`}</MessageBarBody>
          </MessageBar>
        )}
        {dateSystemUnknown && (
          <MessageBar layout="multiline" intent="warning" style={{ marginTop: 8 }} data-testid="date-system-unknown">
            <MessageBarBody>{s.dateSystemUnknown}</MessageBarBody>
          </MessageBar>
        )}
        {stale && (
          <MessageBar layout="multiline" intent="warning" style={{ marginTop: 8 }}>
            <MessageBarBody>{s.staleNotice}</MessageBarBody>
          </MessageBar>
        )}
        {report && report.notices.length > 0 && (
          <section aria-label={s.notices} style={{ marginTop: 8, display: 'grid', gap: 4 }}>
            {report.notices.map((n) => (
              <MessageBar layout="multiline" key={n.id} intent={INTENT[n.severity]} data-testid="notice">
                <MessageBarBody>
                  {n.message}
                  {n.citation ? (lang === 'zh' ? `（${citationText(n.citation)}）` : ` (${s.citation}${s.colon}${citationText(n.citation, 'en')})`) : ''}
                </MessageBarBody>
              </MessageBar>
            ))}
          </section>
        )}
        {profileLine && (
          <p data-testid="profile-line" style={{ fontSize: 12, margin: '4px 0', color: '#444' }}>
            {profileLine}
          </p>
        )}
        {report && (
          <p data-testid="as-of-used" style={{ fontSize: 12, margin: '4px 0', color: '#444' }}>
            {s.asOfUsed(s.date(report.asOf))}
          </p>
        )}
        {report && notesLang !== null && notesLang !== lang && !busy && (
          <MessageBar layout="multiline" intent="info" style={{ marginTop: 4 }} data-testid="notes-language">
            <MessageBarBody>{s.notesInOtherLanguage}</MessageBarBody>
          </MessageBar>
        )}
        {mismatch && (
          <MessageBar layout="multiline" intent="warning" style={{ marginTop: 4 }} data-testid="profile-mismatch">
            <MessageBarBody>{mismatch}</MessageBarBody>
          </MessageBar>
        )}
        {report ? (
          <>
            {additions.resultNode}
            <PaneTabs<View>
              idPrefix="fundcheck"
              label={s.tabs.label}
              selected={view}
              onSelect={setView}
              tabs={[
                { value: 'findings', label: s.tabs.count(s.tabs.findings, ordered.length) },
                { value: 'deadlines', label: s.tabs.count(s.tabs.deadlines, deadlines.length) },
                { value: 'sheets', label: s.tabs.count(s.tabs.sheets, report.sheets.length) },
              ]}
            >
              {view === 'findings' && additions.actionsNode}
              {view === 'findings' && (
                <FindingsView
                  s={s}
                  report={report}
                  ordered={ordered}
                  visible={visible}
                  filter={filter}
                  onFilter={(f) => {
                    setFilter(f);
                    setCurrent(null);
                  }}
                  current={current}
                  onSelect={onSelectFinding}
                  onStep={onStep}
                  pageSize={props.pageSize}
                  renderExtra={additions.renderWaiver}
                  cite={additions.shortCite}
                />
              )}
              {view === 'deadlines' && (
                <DeadlinesView
                  s={s}
                  entries={deadlines}
                  onSelect={onSelectDeadline}
                  notFilled={notFilled}
                  onFill={busy ? undefined : () => onRun('fill')}
                  pageSize={props.pageSize}
                />
              )}
              {view === 'sheets' && (
                <SheetsView s={s} sheets={report.sheets} unchecked={uncheckedSheets(report)} overrides={overrides} onOverride={onOverride} />
              )}
            </PaneTabs>
          </>
        ) : (
          <p style={{ color: '#666' }}>{s.notChecked}</p>
        )}
      </main>
    </FluentProvider>
  );
}
