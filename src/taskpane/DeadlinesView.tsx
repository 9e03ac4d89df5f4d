// Deadlines tab: what needs action first (overdue, due soon), then later, passed and done; identical deadlines collapsed.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { COMPUTED_HEADERS } from '../engine/vocabulary';
import { COMPUTED_HEADER_MARKER, type ComputedKey } from '../engine/types';
import type { UiStrings } from './strings';
import { groupDeadlines, type DeadlineEntry, type DeadlineGroup, type DeadlineState } from './model';
import { PAGE_SIZE, roveOnKey } from './FindingsView';

/** A deadline's kind in the pane's language, without the （自动）/(auto) marker of the column header. */
export function deadlineKind(key: ComputedKey, lang: 'zh' | 'en'): string {
  const h = COMPUTED_HEADERS[key]?.[lang] ?? key;
  return h.endsWith(COMPUTED_HEADER_MARKER) ? h.slice(0, -COMPUTED_HEADER_MARKER.length) : h.replace(/ \(auto\)$/, '');
}

const STATE_STYLE: Record<DeadlineState, React.CSSProperties> = {
  overdue: { background: '#FFC7CE', color: '#242424' },
  soon: { background: '#FFEB9C', color: '#242424' },
  later: { background: '#f0f0f0', color: '#242424' },
  passed: { background: '#f0f0f0', color: '#424242' },
  done: { background: '#DFF6DD', color: '#242424' },
};

export function DeadlinesView(props: {
  s: UiStrings;
  entries: DeadlineEntry[];
  onSelect: (entry: DeadlineEntry) => void;
  /** The entry last clicked while the deadline columns are not in the sheet: said next to it, with 填写期限列. */
  notFilled?: DeadlineEntry | null;
  onFill?: () => void;
  pageSize?: number;
}): React.ReactElement {
  const { s, entries } = props;
  const pageSize = props.pageSize ?? PAGE_SIZE;
  const sections = React.useMemo(() => groupDeadlines(entries), [entries]);
  // Groups of identical deadlines are closed until asked; an open one renders a page of rows at a time.
  const [open, setOpen] = React.useState<Record<string, number>>({});
  const [roving, setRoving] = React.useState(0);
  const ref = React.useRef<HTMLDivElement>(null);
  if (entries.length === 0) return <p>{s.noDeadlines}</p>;

  // One Tab stop for the whole tab: the item the arrows last reached (clamped when groups close).
  let total = 0;
  for (const sec of sections) {
    for (const g of sec.groups) {
      total++;
      if (g.entries.length > 1) total += Math.min(open[`${sec.state}|${g.key}|${g.date}`] ?? 0, g.entries.length);
    }
  }
  const tabbable = Math.min(roving, total - 1);
  let index = 0;
  const rove = () => {
    const i = index++;
    return { 'data-rove': i, tabIndex: i === tabbable ? 0 : -1 };
  };
  const when = (d: { days: number }, state: DeadlineState) =>
    state === 'done'
      ? s.deadlineDone
      : state === 'overdue'
        ? s.overdueBy(-d.days)
        : d.days === 0
          ? s.dueToday
          : d.days < 0
            ? s.passedBy(-d.days)
            : s.dueIn(d.days);

  const entryButton = (d: DeadlineEntry, state: DeadlineState, withKind: boolean) => (
    <li key={`${d.sheet}-${d.cell}`} style={{ margin: '2px 0' }}>
      <button
        type="button"
        {...rove()}
        data-testid="deadline"
        data-state={state}
        data-overdue={d.overdue ? 'true' : 'false'}
        data-done={d.done ? 'true' : 'false'}
        data-date={d.date}
        onClick={() => props.onSelect(d)}
        style={itemStyle}
      >
        {withKind && (
          <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
            <strong>{deadlineKind(d.key, s.lang)}</strong>
            <span>{s.date(d.date)}</span>
            <span style={{ ...badge, ...STATE_STYLE[state] }}>{when(d, state)}</span>
          </span>
        )}
        <span style={{ display: 'block', fontSize: 12, color: '#424242' }}>
          {`${d.sheet} · ${s.rowLabel(d.row)}`}
          {d.projectName ? ` · ${d.projectName}` : ''}
          {d.provisional ? s.provisional : ''}
        </span>
      </button>
      {props.notFilled === d && (
        <MessageBar layout="multiline" intent="info" style={{ marginTop: 4 }} data-testid="deadline-not-filled">
          <MessageBarBody>
            {s.deadlineNotFilled(deadlineKind(d.key, s.lang), d.cell)}{' '}
            {props.onFill && (
              <Button size="small" onClick={props.onFill} data-testid="deadline-fill">
                {s.fillComputed}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </li>
  );

  const groupLine = (g: DeadlineGroup, state: DeadlineState) => {
    if (g.entries.length === 1) return entryButton(g.entries[0], state, true);
    const id = `${state}|${g.key}|${g.date}`;
    const limit = open[id] ?? 0;
    const kind = deadlineKind(g.key, s.lang);
    return (
      <li key={id} style={{ margin: '2px 0' }}>
        <button
          type="button"
          {...rove()}
          aria-expanded={limit > 0}
          data-testid="deadline-group"
          data-state={state}
          data-count={g.entries.length}
          onClick={() => setOpen({ ...open, [id]: limit > 0 ? 0 : pageSize })}
          style={itemStyle}
        >
          <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
            <strong>{kind}</strong>
            <span>{s.date(g.date)}</span>
            <span style={{ ...badge, ...STATE_STYLE[state] }}>{when(g, state)}</span>
          </span>
          <span style={{ display: 'block', fontSize: 12, color: '#424242' }}>
            {s.deadlineGroupCount(g.entries.length)} · {limit > 0 ? s.collapse : s.expand}
          </span>
        </button>
        {limit > 0 && (
          <>
            <ul aria-label={`${kind} ${s.date(g.date)}`} style={{ listStyle: 'none', padding: 0, margin: '2px 0 0 12px' }}>
              {g.entries.slice(0, limit).map((d) => entryButton(d, state, false))}
            </ul>
            {g.entries.length > limit && (
              <Button size="small" appearance="secondary" style={{ marginLeft: 12 }} onClick={() => setOpen({ ...open, [id]: limit + pageSize })}>
                {s.showMore(g.entries.length - limit)}
              </Button>
            )}
          </>
        )}
      </li>
    );
  };

  return (
    <div ref={ref} onKeyDown={roveOnKey(() => ref.current, setRoving)} data-testid="deadlines">
      {sections.map((sec) => (
        <section key={sec.state} aria-labelledby={`deadlines-${sec.state}`} data-testid={`deadlines-${sec.state}`} style={{ marginTop: 8 }}>
          <h3 id={`deadlines-${sec.state}`} style={{ fontSize: 14, margin: '4px 0' }}>
            {s.deadlineSection[sec.state](sec.count)}
          </h3>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>{sec.groups.map((g) => groupLine(g, sec.state))}</ul>
        </section>
      ))}
    </div>
  );
}

const itemStyle: React.CSSProperties = {
  display: 'block',
  width: '100%',
  textAlign: 'left',
  font: 'inherit',
  color: 'inherit',
  background: '#fff',
  padding: '4px 6px',
  border: '1px solid #d1d1d1',
  borderRadius: 4,
  cursor: 'pointer',
  overflowWrap: 'anywhere',
};

const badge: React.CSSProperties = { borderRadius: 4, padding: '0 6px', fontSize: 12, lineHeight: '18px', border: '1px solid rgba(0, 0, 0, 0.25)' };
