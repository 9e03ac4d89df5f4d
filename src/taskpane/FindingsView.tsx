// Findings tab: summary counts, severity/category filters, findings grouped by sheet and row, next/previous.
import * as React from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import type { Category, Finding, Report, Severity } from '../engine/types';
import { citationText } from '../engine/regulations';
import { uncheckedSheets } from '../engine/rules/coverage';
import type { UiStrings } from './strings';
import {
  CATEGORIES,
  SEVERITIES,
  countByCategory,
  countBySeverity,
  groupFindings,
  type FindingFilter,
} from './model';

export const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** Enter/Space activate a focusable non-button element, as they would a button. */
export function activateOnKey(action: () => void) {
  return (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      action();
    }
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
  const groups = groupFindings(visible.length > shown ? visible.slice(0, shown) : visible);

  return (
    <div>
      <section aria-label={s.summary} style={{ marginBottom: 8 }}>
        <div role="group" aria-label={s.bySeverity} style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          {SEVERITIES.map((sev) => (
            <Badge
              key={sev}
              appearance={bySeverity[sev] > 0 ? 'filled' : 'outline'}
              color={SEVERITY_COLOR[sev]}
              data-testid={`count-${sev}`}
            >
              {`${s.severityNames[sev]} ${bySeverity[sev]}`}
            </Badge>
          ))}
        </div>
        {unchecked.length > 0 && (
          <MessageBar intent="warning" style={{ marginTop: 6 }} data-testid="unchecked-sheets">
            <MessageBarBody>{s.uncheckedSheets(unchecked)}</MessageBarBody>
          </MessageBar>
        )}
        <ul aria-label={s.byCategory} style={{ listStyle: 'none', padding: 0, margin: '6px 0 0', fontSize: 12 }}>
          {CATEGORIES.filter((c) => byCategory[c]).map((c) => (
            <li key={c} data-testid={`category-${c}`} style={{ display: 'inline-block', marginRight: 10 }}>
              {`${s.categoryNames[c]}：${byCategory[c]}`}
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
        {position >= 0 && (
          <span aria-live="polite" style={{ fontSize: 12 }}>
            {s.position(position + 1, visible.length)}
          </span>
        )}
      </div>

      {!checkedAny && ordered.length > 0 && <p data-testid="verdict">{s.nothingChecked}</p>}
      {ordered.length === 0 ? (
        <p data-testid="verdict">{!checkedAny ? s.nothingChecked : loudNotices ? s.noFindingsButNotices : s.noFindings}</p>
      ) : visible.length === 0 ? (
        <p>{s.noFindingsFiltered}</p>
      ) : (
        groups.map((g) => (
          <section key={g.sheet || '(workbook)'} aria-label={g.sheet || s.workbookLevel} style={{ marginTop: 10 }}>
            <h3 style={{ fontSize: 14, margin: '4px 0' }}>{g.sheet || s.workbookLevel}</h3>
            {g.rows.map((r) => (
              <div key={r.row} style={{ marginLeft: 4 }}>
                <h4 style={{ fontSize: 12, margin: '4px 0', color: '#555' }}>
                  {r.row > 0 ? s.rowLabel(r.row) : s.sheetLevel}
                </h4>
                <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {r.findings.map((f, i) => (
                    <FindingItem
                      key={`${f.ruleId}-${f.cell}-${i}`}
                      s={s}
                      finding={f}
                      selected={f === current}
                      extra={props.renderExtra}
                      onSelect={onSelect}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))
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
  selected: boolean;
  onSelect: (f: Finding) => void;
  extra?: (f: Finding) => React.ReactNode;
}): React.ReactElement {
  const { s, finding: f, selected } = props;
  const activate = () => props.onSelect(f);
  const ref = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => {
    // Keeps next/previous navigation visible in a long list; jsdom has no scrollIntoView.
    if (selected && ref.current && typeof ref.current.scrollIntoView === 'function') {
      ref.current.scrollIntoView({ block: 'nearest' });
    }
  }, [selected]);
  return (
    <li
      ref={ref}
      role="button"
      tabIndex={0}
      aria-current={selected ? 'true' : undefined}
      aria-label={s.findingAria(f.sheet || s.workbookLevel, f.cell, s.severityNames[f.severity], f.message)}
      data-testid="finding"
      data-cell={f.cell}
      data-sheet={f.sheet}
      onClick={activate}
      onKeyDown={activateOnKey(activate)}
      style={{
        padding: '4px 6px',
        margin: '2px 0',
        borderRadius: 4,
        cursor: 'pointer',
        border: selected ? '2px solid #0f6cbd' : '1px solid #e0e0e0',
        background: selected ? '#ebf3fc' : 'transparent',
      }}
    >
      <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <Badge size="small" appearance="filled" color={SEVERITY_COLOR[f.severity]}>
          {s.severityNames[f.severity]}
        </Badge>
        {f.cell && <code style={{ fontSize: 12 }}>{f.cell}</code>}
        <span style={{ fontSize: 11, color: '#666' }}>{s.categoryNames[f.category] ?? f.category}</span>
      </div>
      <div style={{ fontSize: 13, marginTop: 2 }}>{f.message}</div>
      {f.citation && (
        <div style={{ fontSize: 11, color: '#666', marginTop: 2 }}>{`${s.citation}：${citationText(f.citation)}`}</div>
      )}
      {props.extra?.(f)}
    </li>
  );
});
