// Findings tab: counts that filter, severity/category/overdue filters, findings grouped by sheet and row or by project, pinned next/previous.
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, ToggleButton } from '@fluentui/react-components';
import type { Category, Citation, Finding, Report, Severity } from '../engine/types';
import { citationText } from '../engine/regulations';
import { SEVERITY_FILL_RGB } from '../engine/presentation';
import { uncheckedSheets } from '../engine/rules/coverage';
import type { UiStrings } from './strings';
import {
  CATEGORIES,
  SEVERITIES,
  countByCategory,
  countBySeverity,
  groupFindings,
  OVERDUE_RULE,
  projectGroups,
  type FindingFilter,
} from './model';

/**
 * A severity as the sheet shows it: the same fill as the marked cell (presentation.ts), near-black text (12:1 or more
 * on all three fills) and a thin border so the pale fills stand out from the pane's white.
 */
export function severityStyle(sev: Severity): React.CSSProperties {
  return {
    background: `#${SEVERITY_FILL_RGB[sev]}`,
    color: '#242424',
    border: '1px solid rgba(0, 0, 0, 0.35)',
    borderRadius: 4,
    padding: '0 6px',
    fontSize: 12,
    lineHeight: '18px',
    fontWeight: 600,
    whiteSpace: 'nowrap',
  };
}

/** Enter/Space activate a focusable non-button element, as they would a button. */
export function activateOnKey(action: () => void) {
  return (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      action();
    }
  };
}

/**
 * Up/Down/Home/End move the focus among the items of a list that is one Tab stop (roving tabindex): items carry
 * data-rove="<index>"; `onMove` gets the index to make tabbable, and the item there is focused.
 */
export function roveOnKey(container: () => HTMLElement | null, onMove: (index: number) => void) {
  return (e: React.KeyboardEvent) => {
    const at = Number((e.target as HTMLElement).getAttribute?.('data-rove'));
    if (!Number.isInteger(at)) return;
    const items = container()?.querySelectorAll<HTMLElement>('[data-rove]');
    if (!items || items.length === 0) return;
    const last = items.length - 1;
    const next =
      e.key === 'ArrowDown' ? Math.min(last, at + 1) : e.key === 'ArrowUp' ? Math.max(0, at - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    onMove(next);
    items[next]?.focus();
  };
}

/** Rendering thousands of list items would freeze the pane; more are rendered on request or by navigation. */
export const PAGE_SIZE = 200;

export interface FindingsViewProps {
  s: UiStrings;
  report: Report;
  /** All findings in navigation order. */
  ordered: Finding[];
  /** The ordered findings that pass the filter. */
  visible: Finding[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  current: Finding | null;
  onSelect: (f: Finding) => void;
  onStep: (delta: 1 | -1) => void;
  pageSize?: number;
  /** Shown under a finding (its waiver): text only, no control, as the item itself is the button. */
  renderExtra?: (f: Finding) => React.ReactNode;
  /** How a citation reads here (shortened to the article when the regulation is named above); full by default. */
  cite?: (c: Citation) => string;
}

export function FindingsView(props: FindingsViewProps): React.ReactElement {
  const { s, report, ordered, visible, filter, current } = props;
  // The verdict: never "no findings" for data the check did not read, nor for a check that read nothing.
  const unchecked = React.useMemo(() => uncheckedSheets(report), [report]);
  const checkedAny = report.sheets.some((sh) => sh.kind !== 'unknown');
  const loudNotices = report.notices.some((n) => n.severity !== 'info');
  const bySeverity = countBySeverity(ordered);
  const byCategory = countByCategory(ordered);
  const position = current ? visible.indexOf(current) : -1;
  // A stable callback lets unchanged items skip re-rendering when the selection moves.
  const onSelectRef = React.useRef(props.onSelect);
  onSelectRef.current = props.onSelect;
  const onSelect = React.useCallback((f: Finding) => onSelectRef.current(f), []);
  const pageSize = props.pageSize ?? PAGE_SIZE;
  const [limit, setLimit] = React.useState(pageSize);
  // Next/previous can step past what is rendered: render far enough to show the current finding.
  const shown = Math.max(limit, position + 1);
  const rendered = visible.length > shown ? visible.slice(0, shown) : visible;
  const groups = groupFindings(rendered);
  // The one item of the list in the Tab order: the current finding, else the last one the arrows reached.
  const [roving, setRoving] = React.useState(Math.max(0, position));
  React.useEffect(() => {
    if (position >= 0) setRoving(position);
  }, [position]);
  const tabbable = Math.min(roving, Math.max(0, rendered.length - 1));
  const listRef = React.useRef<HTMLDivElement>(null);
  const indexOf = new Map<Finding, number>();
  rendered.forEach((f, i) => indexOf.set(f, i));

  const overdueCount = ordered.filter((f) => f.ruleId === OVERDUE_RULE).length;
  // Headings of the project groups are named by id: unique even if a page shows two lists.
  const idBase = React.useId();
  const byProject = filter.byProject
    ? projectGroups(visible)
        .map((g, gi) => ({ g, id: `${idBase}-project-${gi}`, items: g.findings.filter((f) => indexOf.has(f)) }))
        .filter((x) => x.items.length > 0)
    : [];

  const toggleSeverity = (sev: Severity) => props.onFilter({ ...filter, severity: filter.severity === sev ? 'all' : sev });

  return (
    <div>
      <section aria-label={s.summary} style={{ marginBottom: 8 }}>
        <div role="group" aria-label={s.bySeverityFilter} style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
          {SEVERITIES.map((sev) => (
            <button
              key={sev}
              type="button"
              aria-pressed={filter.severity === sev}
              title={s.countFilterHint(s.severityNames[sev])}
              onClick={() => toggleSeverity(sev)}
              data-testid={`count-${sev}`}
              style={{
                ...severityStyle(sev),
                cursor: 'pointer',
                fontFamily: 'inherit',
                outline: filter.severity === sev ? '2px solid #0f6cbd' : undefined,
                outlineOffset: 1,
              }}
            >
              {`${s.severityNames[sev]} ${bySeverity[sev]}`}
            </button>
          ))}
          <span style={{ fontSize: 11, color: '#555' }}>{s.countFilterNote}</span>
        </div>
        {unchecked.length > 0 && (
          <MessageBar layout="multiline" intent="warning" style={{ marginTop: 6 }} data-testid="unchecked-sheets">
            <MessageBarBody>{s.uncheckedSheets(unchecked)}</MessageBarBody>
          </MessageBar>
        )}
        <ul aria-label={s.byCategory} style={{ listStyle: 'none', padding: 0, margin: '6px 0 0', fontSize: 12 }}>
          {CATEGORIES.filter((c) => byCategory[c]).map((c) => (
            <li key={c} data-testid={`category-${c}`} style={{ display: 'inline-block', marginRight: 10 }}>
              {`${s.categoryNames[c]}${s.colon}${byCategory[c]}`}
            </li>
          ))}
        </ul>
      </section>

      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}>
        <Field label={s.filterSeverity} size="small">
          <Select
            size="small"
            value={filter.severity}
            onChange={(_, d) => props.onFilter({ ...filter, severity: d.value as Severity | 'all' })}
          >
            <option value="all">{s.all}</option>
            {SEVERITIES.map((sev) => (
              <option key={sev} value={sev}>
                {s.severityNames[sev]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.filterCategory} size="small">
          <Select
            size="small"
            value={filter.category}
            onChange={(_, d) => props.onFilter({ ...filter, category: d.value as Category | 'all' })}
          >
            <option value="all">{s.all}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {s.categoryNames[c]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div role="group" aria-label={s.triage} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 6 }}>
        <ToggleButton
          size="small"
          checked={!!filter.overdueOnly}
          onClick={() => props.onFilter({ ...filter, overdueOnly: !filter.overdueOnly })}
          data-testid="overdue-only"
        >
          {s.overdueOnly(overdueCount)}
        </ToggleButton>
        <ToggleButton
          size="small"
          checked={!!filter.byProject}
          onClick={() => props.onFilter({ ...filter, byProject: !filter.byProject })}
          data-testid="group-by-project"
        >
          {s.groupByProject}
        </ToggleButton>
      </div>

      {/* Pinned: the way through a long list stays in view however far the pane is scrolled. */}
      <div
        role="group"
        aria-label={s.navigation}
        data-testid="finding-nav"
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 1,
          background: '#fff',
          display: 'flex',
          gap: 8,
          flexWrap: 'wrap',
          alignItems: 'center',
          padding: '6px 0',
          borderBottom: '1px solid #e0e0e0',
        }}
      >
        <Button size="small" onClick={() => props.onStep(-1)} disabled={visible.length === 0 || position === 0}>
          {s.previous}
        </Button>
        <Button
          size="small"
          onClick={() => props.onStep(1)}
          disabled={visible.length === 0 || position === visible.length - 1}
        >
          {s.next}
        </Button>
        <span aria-live="polite" style={{ fontSize: 12 }} data-testid="position">
          {position >= 0 ? s.position(position + 1, visible.length) : s.positionNone(visible.length)}
        </span>
      </div>

      {!checkedAny && ordered.length > 0 && <p data-testid="verdict">{s.nothingChecked}</p>}
      {ordered.length === 0 ? (
        <p data-testid="verdict">{!checkedAny ? s.nothingChecked : loudNotices ? s.noFindingsButNotices : s.noFindings}</p>
      ) : visible.length === 0 ? (
        <p>{s.noFindingsFiltered}</p>
      ) : (
        <div
          ref={listRef}
          data-testid="finding-list"
          onKeyDown={roveOnKey(() => listRef.current, setRoving)}
        >
          <p id="finding-list-hint" style={{ fontSize: 11, color: '#555', margin: '6px 0 0' }}>
            {s.listKeysHint}
          </p>
          {filter.byProject && byProject.map(({ g, id, items }) => (
            <section key={id} style={{ marginTop: 10 }} data-testid="project-group">
              <h3 id={id} style={{ fontSize: 14, margin: '4px 0', overflowWrap: 'anywhere' }}>
                {g.sheet !== null ? g.sheet || s.workbookLevel : g.project || s.noProjectName}
                <span style={{ fontSize: 12, fontWeight: 'normal', color: '#424242' }}>
                  {` · ${SEVERITIES.filter((sev) => g.counts[sev] > 0)
                    .map((sev) => `${s.severityNames[sev]} ${g.counts[sev]}`)
                    .join(s.listSeparator)}`}
                </span>
              </h3>
              <ul aria-labelledby={id} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((f, i) => {
                  const at = indexOf.get(f) ?? -1;
                  return (
                    <FindingItem
                      key={`${f.sheet}-${f.ruleId}-${f.cell}-${i}`}
                      s={s}
                      finding={f}
                      index={at}
                      tabbable={at === tabbable}
                      selected={f === current}
                      showSheet
                      extra={props.renderExtra}
                      cite={props.cite}
                      onSelect={onSelect}
                    />
                  );
                })}
              </ul>
            </section>
          ))}
          {!filter.byProject && groups.map((g) => (
            <section key={g.sheet || '(workbook)'} aria-label={g.sheet || s.workbookLevel} style={{ marginTop: 10 }}>
              <h3 style={{ fontSize: 14, margin: '4px 0' }}>{g.sheet || s.workbookLevel}</h3>
              {g.rows.map((r) => {
                const project = r.findings.find((f) => f.project)?.project;
                return (
                  <div key={r.row} style={{ marginLeft: 4 }}>
                    <h4 style={{ fontSize: 12, margin: '4px 0', color: '#424242', overflowWrap: 'anywhere' }}>
                      {r.row > 0 ? s.rowLabel(r.row) : s.sheetLevel}
                      {project ? ` · ${project}` : ''}
                    </h4>
                    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {r.findings.map((f, i) => {
                        const at = indexOf.get(f) ?? -1;
                        return (
                          <FindingItem
                            key={`${f.ruleId}-${f.cell}-${i}`}
                            s={s}
                            finding={f}
                            index={at}
                            tabbable={at === tabbable}
                            selected={f === current}
                            extra={props.renderExtra}
                            cite={props.cite}
                            onSelect={onSelect}
                          />
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
            </section>
          ))}
        </div>
      )}
      {visible.length > shown && (
        <Button size="small" appearance="secondary" style={{ marginTop: 8 }} onClick={() => setLimit(shown + pageSize)}>
          {s.showMore(visible.length - shown)}
        </Button>
      )}
    </div>
  );
}

const FindingItem = React.memo(function FindingItem(props: {
  s: UiStrings;
  finding: Finding;
  index: number;
  tabbable: boolean;
  selected: boolean;
  /** Grouped by project, a group spans sheets: each item names its sheet. */
  showSheet?: boolean;
  onSelect: (f: Finding) => void;
  extra?: (f: Finding) => React.ReactNode;
  cite?: (c: Citation) => string;
}): React.ReactElement {
  const { s, finding: f, selected } = props;
  const ref = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    // Keeps next/previous navigation visible in a long list; jsdom has no scrollIntoView.
    if (selected && ref.current && typeof ref.current.scrollIntoView === 'function') {
      ref.current.scrollIntoView({ block: 'nearest' });
    }
  }, [selected]);
  // A real button inside a plain list item: its name is exactly what it shows (severity, cell, category, message,
  // project, citation), and only one item of the list is in the Tab order.
  return (
    <li style={{ margin: '2px 0' }}>
      <button
        ref={ref}
        type="button"
        tabIndex={props.tabbable ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-describedby="finding-list-hint"
        data-rove={props.index}
        data-testid="finding"
        data-cell={f.cell}
        data-sheet={f.sheet}
        onClick={() => props.onSelect(f)}
        style={{
          display: 'block',
          width: '100%',
          textAlign: 'left',
          font: 'inherit',
          color: 'inherit',
          padding: '4px 6px',
          borderRadius: 4,
          cursor: 'pointer',
          border: selected ? '2px solid #0f6cbd' : '1px solid #d1d1d1',
          background: selected ? '#ebf3fc' : '#fff',
          overflowWrap: 'anywhere',
        }}
      >
        <span style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
          <span style={severityStyle(f.severity)}>{s.severityNames[f.severity]}</span>
          {props.showSheet && f.sheet && <span style={{ fontSize: 12 }}>{f.sheet}</span>}
          {f.cell && <code style={{ fontSize: 12 }}>{f.cell}</code>}
          <span style={{ fontSize: 11, color: '#595959' }}>{s.categoryNames[f.category] ?? f.category}</span>
        </span>
        <span style={{ display: 'block', fontSize: 13, marginTop: 2 }}>{f.message}</span>
        {f.project && (
          <span style={{ display: 'block', fontSize: 11, color: '#424242', marginTop: 2 }}>{`${s.project}${s.colon}${f.project}`}</span>
        )}
        {f.citation && (
          <span style={{ display: 'block', fontSize: 11, color: '#595959', marginTop: 2 }}>{`${s.citation}${s.colon}${props.cite ? props.cite(f.citation) : citationText(f.citation, s.lang)}`}</span>
        )}
        {props.extra?.(f)}
      </button>
    </li>
  );
});
