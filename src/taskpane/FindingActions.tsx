// What can be done with the selected finding: record or remove its waiver, open its article. Kept outside the list so no control nests inside a list item.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { Finding, Lang } from '../engine/types';
import type { AdditionStrings } from './additions-strings';
import { WaiverBadge } from './WaiverBadge';

export interface FindingActionsProps {
  s: AdditionStrings;
  lang: Lang;
  finding: Finding;
  /** Absent when the host cannot keep waivers. */
  onWaive?: () => void;
  onRemoveWaiver?: () => void;
  onArticle?: () => void;
  busy?: boolean;
  /** The article view, when open. */
  children?: React.ReactNode;
}

export function FindingActions(props: FindingActionsProps): React.ReactElement {
  const { s, finding: f } = props;
  return (
    <section aria-label={s.currentFinding} data-testid="finding-actions" style={{ margin: '6px 0', padding: 6, border: '1px solid #d1d1d1', borderRadius: 4 }}>
      <h3 style={{ fontSize: 12, margin: '0 0 4px' }}>{`${s.currentFinding}：${f.sheet}${f.cell ? ' ' + f.cell : ''}`}</h3>
      <div style={{ fontSize: 12 }}>{f.message}</div>
      {f.waiver && <WaiverBadge s={s} lang={props.lang} waiver={f.waiver} />}
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 6 }}>
        {props.onWaive && (
          <Button size="small" onClick={props.onWaive} disabledFocusable={props.busy} data-testid="waive">
            {f.waiver ? s.waiverEdit : s.waiverButton}
          </Button>
        )}
        {props.onRemoveWaiver && f.waiver && (
          <Button size="small" onClick={props.onRemoveWaiver} disabledFocusable={props.busy} data-testid="waive-remove">
            {s.waiverRemove}
          </Button>
        )}
        {props.onArticle && f.citation && (
          <Button size="small" onClick={props.onArticle} data-testid="article-open">
            {s.articleButton}
          </Button>
        )}
      </div>
      {props.children}
    </section>
  );
}
