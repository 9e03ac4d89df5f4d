// The pane's tab list: role=tablist of plain buttons, one Tab stop, arrow keys between tabs, each tab labelling its panel.
import * as React from 'react';

export interface PaneTab<T extends string> {
  value: T;
  label: string;
}

/**
 * Fluent's TabList leaves focusable aria-hidden placeholders in the page (its focus trap's dummies), which screen
 * readers and axe flag; this is the same pattern without them: the selected tab is in the Tab order, Left/Right/Home/End
 * move and select, and the panel is labelled by its tab.
 */
export function PaneTabs<T extends string>(props: {
  idPrefix: string;
  label: string;
  tabs: readonly PaneTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  children: React.ReactNode;
}): React.ReactElement {
  const { idPrefix, tabs, selected } = props;
  const listRef = React.useRef<HTMLDivElement>(null);
  const onKey = (e: React.KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.value === selected);
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at + last) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    props.onSelect(tabs[next].value);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <>
      <div
        ref={listRef}
        role="tablist"
        aria-label={props.label}
        onKeyDown={onKey}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 2, borderBottom: '1px solid #d1d1d1', marginTop: 8 }}
      >
        {tabs.map((t) => {
          const on = t.value === selected;
          return (
            <button
              key={t.value}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${t.value}`}
              aria-selected={on}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={on ? 0 : -1}
              data-value={t.value}
              onClick={() => props.onSelect(t.value)}
              style={{
                font: 'inherit',
                fontSize: 13,
                fontWeight: on ? 600 : 400,
                color: '#242424',
                background: 'transparent',
                border: 'none',
                borderBottom: on ? '3px solid #0f6cbd' : '3px solid transparent',
                padding: '4px 8px',
                cursor: 'pointer',
              }}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} style={{ marginTop: 6 }}>
        {props.children}
      </div>
    </>
  );
}
