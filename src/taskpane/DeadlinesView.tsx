// Deadlines tab: every computed deadline in the workbook, overdue first, then open ones by date, then those done.
import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import type { UiStrings } from './strings';
import type { DeadlineEntry } from './model';
import { PAGE_SIZE, activateOnKey } from './FindingsView';

export function DeadlinesView(props: {
  s: UiStrings;
  entries: DeadlineEntry[];
  onSelect: (sheet: string, cell: string) => void;
  pageSize?: number;
}): React.ReactElement {
  const { s, entries } = props;
  const pageSize = props.pageSize ?? PAGE_SIZE;
  const [limit, setLimit] = React.useState(pageSize);
  if (entries.length === 0) return <p>{s.noDeadlines}</p>;
  return (
    <section aria-label={s.deadlinesHeading}>
      <h3 style={{ fontSize: 14, margin: '4px 0' }}>{s.deadlinesHeading}</h3>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.slice(0, limit).map((d, i) => {
          const activate = () => props.onSelect(d.sheet, d.cell);
          // A past date that is neither overdue nor done bounds nothing (a window that has opened).
          const when = d.done
            ? s.deadlineDone
            : d.overdue
              ? s.overdueBy(-d.days)
              : d.days === 0
                ? s.dueToday
                : d.days < 0
                  ? s.passedBy(-d.days)
                  : s.dueIn(d.days);
          const color = d.done ? 'success' : d.overdue ? 'danger' : d.days <= 30 && d.days >= 0 ? 'warning' : 'informative';
          return (
            <li
              key={`${d.sheet}-${d.cell}-${i}`}
              role="button"
              tabIndex={0}
              data-testid="deadline"
              data-overdue={d.overdue ? 'true' : 'false'}
              data-done={d.done ? 'true' : 'false'}
              data-date={d.date}
              aria-label={`${d.header} ${d.date} ${when}，${d.sheet} ${s.rowLabel(d.row)}${d.projectName ? '，' + d.projectName : ''}`}
              onClick={activate}
              onKeyDown={activateOnKey(activate)}
              style={{ padding: '4px 6px', margin: '2px 0', border: '1px solid #e0e0e0', borderRadius: 4, cursor: 'pointer' }}
            >
              <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                <strong style={{ fontSize: 13 }}>{d.date}</strong>
                <Badge size="small" appearance="filled" color={color}>
                  {when}
                </Badge>
                <span style={{ fontSize: 12 }}>{d.header}</span>
              </div>
              <div style={{ fontSize: 12, color: '#555' }}>
                {`${d.sheet} · ${s.rowLabel(d.row)}`}
                {d.projectName ? ` · ${s.project}：${d.projectName}` : ''}
                {d.provisional ? s.provisional : ''}
              </div>
            </li>
          );
        })}
      </ul>
      {entries.length > limit && (
        <Button size="small" appearance="secondary" onClick={() => setLimit(limit + pageSize)}>
          {s.showMore(entries.length - limit)}
        </Button>
      )}
    </section>
  );
}
