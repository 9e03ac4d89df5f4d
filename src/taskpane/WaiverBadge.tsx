// A finding's waiver as the next reader sees it: a badge with the conclusion, the reason, who and when; a stale one says the cell changed since.
import * as React from 'react';
import type { Lang, Waiver } from '../engine/types';
import { WAIVER_STALE_NAME, WAIVER_STATUS_NAME } from '../engine/waivers';
import type { AdditionStrings } from './additions-strings';

export function WaiverBadge(props: { s: AdditionStrings; lang: Lang; waiver: Waiver }): React.ReactElement {
  const { s, lang, waiver: w } = props;
  return (
    // Spans only: it is shown inside the finding's button, where only phrasing content may go.
    <span data-testid="waiver" data-stale={w.stale ? 'true' : 'false'} style={{ fontSize: 12, marginTop: 3, display: 'flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <span style={{ ...badge, ...(w.stale ? staleBadge : okBadge) }}>
        {w.stale ? `${WAIVER_STATUS_NAME[lang][w.status]}（${WAIVER_STALE_NAME[lang]}）` : WAIVER_STATUS_NAME[lang][w.status]}
      </span>
      <span>{w.reason}</span>
      <span style={{ color: '#616161' }}>{s.waiverBy(w.by, w.date)}</span>
      {w.stale && <span style={{ color: '#8a3707' }}>{s.waiverStale}</span>}
    </span>
  );
}

// Dark text on light tints: 7:1 or more, and the words say the status (colour is never the only sign).
const badge: React.CSSProperties = { borderRadius: 4, padding: '0 4px', fontWeight: 600 };
const okBadge: React.CSSProperties = { background: '#dff6dd', color: '#0e4a0c', border: '1px solid #9fd89f' };
const staleBadge: React.CSSProperties = { background: '#fff4ce', color: '#6b3a00', border: '1px solid #f2c661' };
