// A finding's waiver as the next reader sees it: a badge with the conclusion, the reason, who and when; a stale one says the cell changed since.
import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { Lang, Waiver } from '../engine/types';
import { WAIVER_STALE_NAME, WAIVER_STATUS_NAME } from '../engine/waivers';
import type { AdditionStrings } from './additions-strings';

export function WaiverBadge(props: { s: AdditionStrings; lang: Lang; waiver: Waiver }): React.ReactElement {
  const { s, lang, waiver: w } = props;
  return (
    <div data-testid="waiver" data-stale={w.stale ? 'true' : 'false'} style={{ fontSize: 12, marginTop: 3, display: 'flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Badge size="small" appearance="tint" color={w.stale ? 'warning' : 'success'}>
        {w.stale ? `${WAIVER_STATUS_NAME[lang][w.status]}（${WAIVER_STALE_NAME[lang]}）` : WAIVER_STATUS_NAME[lang][w.status]}
      </Badge>
      <span>{w.reason}</span>
      <span style={{ color: '#616161' }}>{s.waiverBy(w.by, w.date)}</span>
      {w.stale && <span style={{ color: '#8a3707' }}>{s.waiverStale}</span>}
    </div>
  );
}
