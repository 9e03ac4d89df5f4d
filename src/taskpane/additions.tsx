// The pane additions wired to the host and the report: export, waivers on the selected finding, the article view. App renders what this returns.
import * as React from 'react';
import type { Citation, Finding, Lang, Report, WorkbookSnapshot } from '../engine/types';
import { articleEn, articleText, citationText } from '../engine/regulations';
import { builtinRegistry } from '../engine/packs/registry';
import { RULE_DOCS } from '../engine/rules/registry';
import pkg from '../../package.json';
import { findingsTable, FINDINGS_SHEET } from '../engine/findings-table';
import { waiverKey, waiverValueText } from '../engine/waivers';
import type { WorkbookHost } from '../excel/types';
import { ADDITION_STRINGS } from './additions-strings';
import { ExportButton } from './ExportButton';
import { FindingActions } from './FindingActions';
import { WaiverBadge } from './WaiverBadge';
import { WaiverDialog, type WaiverDraft } from './WaiverDialog';
import { localNameStore, type NameStore } from './name-store';
import { columnIndex, errorMessage } from './model';
import { WorkbookResult } from './WorkbookResult';
import { HelpView } from './HelpView';
import { ArticleView, type ArticleLookup } from './ArticleView';
import { ReversibleActions } from './ReversibleActions';
import { Button } from '@fluentui/react-components';

/** Widths (characters) of the exported columns: 工作表, 单元格, 项目名称, 严重程度, 问题, 依据, 核实情况. */
export const EXPORT_WIDTHS = [14, 8, 24, 8, 60, 40, 30];

export interface AdditionsInput {
  host: WorkbookHost;
  lang: Lang;
  report: Report | null;
  snapshot: WorkbookSnapshot | null;
  current: Finding | null;
  /** Today, YYYY-MM-DD: the date a waiver is recorded with. */
  today: string;
  busy: boolean;
  onReport: (report: Report, current: Finding | null) => void;
  nameStore?: NameStore;
  /** The article texts (the engine's articleText by default; tests may stand in for the packs). */
  lookupArticle?: ArticleLookup;
}

/** What to do about a finding: what its rule asks, then the two ways out. */
export function whatToDo(f: Finding, lang: Lang): string {
  const doc = RULE_DOCS.find((d) => d.id === f.ruleId);
  const rule = doc ? doc.description[lang] : '';
  const out =
    lang === 'zh'
      ? `改正${f.cell ? `单元格 ${f.cell}` : '表中相应内容'}后重新检查；如经核实确属合理，用“核实…”记下理由。`
      : `Correct ${f.cell ? `cell ${f.cell}` : 'the table'} and check again; if it is right after all, record why with “Assess…”.`;
  return rule ? `${rule}${lang === 'zh' ? '。' : '. '}${out}`.replace(/。。/g, '。').replace(/\.\. /g, '. ') : out;
}

function cellValueOf(snapshot: WorkbookSnapshot | null, f: Finding): string {
  const sheet = snapshot?.sheets.find((s) => s.name === f.sheet);
  const col = columnIndex(f.column);
  if (!sheet || f.row < 1 || col < 0) return '';
  return waiverValueText(sheet.rows[f.row - 1]?.[col]);
}

export function usePaneAdditions(input: AdditionsInput) {
  const { host, lang, report, snapshot, current } = input;
  const s = ADDITION_STRINGS[lang];
  const store = React.useMemo(() => input.nameStore ?? localNameStore(), [input.nameStore]);
  const [dialogFor, setDialogFor] = React.useState<Finding | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);
  const [articleFor, setArticleFor] = React.useState<Finding | null>(null);
  const canWaive = typeof host.saveWaiver === 'function' && typeof host.removeWaiver === 'function';
  const [earlierMarks, setEarlierMarks] = React.useState<number | null>(null);
  const [helpOpen, setHelpOpen] = React.useState(false);
  const lookup = input.lookupArticle ?? ((c: Citation) => articleText(c));

  // Marks of an earlier check, counted when the pane opens (after a check of ours they are this check's own).
  React.useEffect(() => {
    let live = true;
    host
      .ownMarks?.()
      .then((n) => {
        if (live) setEarlierMarks(n);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  // The regulation is named once at the top of the results: citations of it shorten to the article below it.
  const regulationShown = report && report.profile.id !== 'generic' ? report.profile.regulation : null;
  const shortCite = React.useCallback(
    (c: Citation) => (regulationShown && c.regulation === regulationShown ? (lang === 'en' ? articleEn(c.article) : c.article) : citationText(c, lang)),
    [regulationShown, lang],
  );

  // A new check or another finding clears the last message; the report a waiver just produced does not.
  const ownReport = React.useRef<Report | null>(null);
  const currentKey = current ? waiverKey(current) : '';
  React.useEffect(() => {
    if (report !== ownReport.current) setMessage(null);
  }, [currentKey, report]);
  React.useEffect(() => {
    setArticleFor(null);
    setDialogFor(null);
  }, [currentKey]);

  function replaceWaiver(f: Finding, waiver: Finding['waiver'] | undefined) {
    if (!report) return;
    const key = waiverKey(f);
    let next: Finding | null = null;
    const findings = report.findings.map((x) => {
      if (waiverKey(x) !== key) return x;
      const y: Finding = { ...x };
      if (waiver) y.waiver = waiver;
      else delete y.waiver;
      if (x === current) next = y;
      return y;
    });
    const updated = { ...report, findings };
    ownReport.current = updated;
    input.onReport(updated, next ?? current);
  }

  async function save(f: Finding, d: WaiverDraft) {
    setSaving(true);
    try {
      const entry = { sheet: f.sheet, cell: f.cell, rule: f.ruleId, value: cellValueOf(snapshot, f), status: d.status, reason: d.reason, by: d.by, date: input.today };
      await host.saveWaiver!(entry);
      store.save(d.by);
      setDialogFor(null);
      replaceWaiver(f, { status: d.status, reason: d.reason, by: d.by, date: input.today, stale: false });
      setMessage({ ok: true, text: s.waiverSaved });
    } catch (e) {
      setMessage({ ok: false, text: s.waiverFailed + errorMessage(e, '') });
      setDialogFor(null);
    } finally {
      setSaving(false);
    }
  }

  async function remove(f: Finding) {
    setSaving(true);
    try {
      await host.removeWaiver!({ sheet: f.sheet, cell: f.cell, rule: f.ruleId });
      replaceWaiver(f, undefined);
      setMessage({ ok: true, text: s.waiverRemoved });
    } catch (e) {
      setMessage({ ok: false, text: s.waiverFailed + errorMessage(e, '') });
    } finally {
      setSaving(false);
    }
  }

  const exportNode =
    report && host.writeTableSheet && host.sheetExists ? (
      <ExportButton
        s={s}
        sheet={FINDINGS_SHEET}
        disabled={input.busy}
        sheetExists={() => host.sheetExists!(FINDINGS_SHEET)}
        write={() => host.writeTableSheet!(FINDINGS_SHEET, { ...findingsTable(report, lang), widths: EXPORT_WIDTHS })}
      />
    ) : null;

  const actionsNode = current ? (
    <>
      <FindingActions
        s={s}
        lang={lang}
        finding={current}
        busy={saving || input.busy}
        onWaive={canWaive ? () => setDialogFor(current) : undefined}
        onRemoveWaiver={canWaive ? () => void remove(current) : undefined}
        onArticle={() => setArticleFor(articleFor === current ? null : current)}
      >
        {message && (
          <p role={message.ok ? 'status' : 'alert'} data-testid="waiver-message" style={{ fontSize: 12, margin: '4px 0 0', color: message.ok ? undefined : '#a4262c' }}>
            {message.text}
          </p>
        )}
        {dialogFor === current && (
          <WaiverDialog s={s} lang={lang} finding={dialogFor} name={store.load()} saving={saving} onSave={(d) => void save(dialogFor, d)} onCancel={() => setDialogFor(null)} />
        )}
        {articleFor === current && (
          <ArticleView s={s} finding={current} lookup={lookup} cite={shortCite} whatToDo={whatToDo(current, lang)} onClose={() => setArticleFor(null)} />
        )}
      </FindingActions>
    </>
  ) : null;

  const renderWaiver = React.useCallback(
    (f: Finding) => (f.waiver ? <WaiverBadge s={ADDITION_STRINGS[lang]} lang={lang} waiver={f.waiver} /> : null),
    [lang],
  );

  const reversibleNode =
    host.marksSummary && host.removeComputed && host.undoLastFill ? (
      <ReversibleActions
        s={s}
        disabled={input.busy}
        summary={() => host.marksSummary!()}
        removeComputed={() => host.removeComputed!()}
        undoLastFill={() => host.undoLastFill!()}
      />
    ) : null;

  const resultNode = report ? <WorkbookResult s={s} lang={lang} report={report} earlierMarks={earlierMarks} /> : null;

  const helpButton = (
    <Button size="small" appearance="subtle" aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)} data-testid="help-toggle">
      {s.helpTab}
    </Button>
  );
  const helpNode = helpOpen ? (
    <HelpView
      s={s}
      version={pkg.version}
      regulations={builtinRegistry().regulations.map((r) => ({ id: r.id, title: lang === 'en' ? r.titleEn : r.title, inForceFrom: r.inForceFrom, inForceTo: r.inForceTo }))}
    />
  ) : null;

  return { exportNode, reversibleNode, actionsNode, renderWaiver, resultNode, helpButton, helpNode, shortCite, strings: s };
}
