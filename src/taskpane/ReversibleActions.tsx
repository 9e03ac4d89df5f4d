// 移除计算列 and 撤销上次填写: separate actions that each say what they will change (counts from the marks record) and wait for a second click.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { AdditionStrings } from './additions-strings';
import { errorMessage } from './model';

type Summary = { markedCells: number; computedCells: number; computedColumns: number };
type Action = 'remove' | 'undo';

export interface ReversibleActionsProps {
  s: AdditionStrings;
  disabled?: boolean;
  summary: () => Promise<Summary>;
  removeComputed: () => Promise<{ restored: number }>;
  undoLastFill: () => Promise<{ restored: number }>;
  /** After an action changed the workbook (the pane may mark its view stale). */
  onChanged?: () => void;
}

export function ReversibleActions(props: ReversibleActionsProps): React.ReactElement {
  const { s } = props;
  const [asking, setAsking] = React.useState<{ action: Action; text: string; nothing: boolean } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);

  async function ask(action: Action) {
    setMessage(null);
    setBusy(true);
    try {
      const n = await props.summary();
      const marked = n.markedCells;
      if (action === 'remove') setAsking({ action, nothing: n.computedCells === 0, text: n.computedCells === 0 ? s.removeComputedNone : s.removeComputedExplain(n.computedCells, n.computedColumns) });
      else {
        const cells = marked + n.computedCells;
        setAsking({ action, nothing: cells === 0, text: cells === 0 ? s.undoNone : `${s.undoFillExplain(cells)} ${s.clearMarksCount(marked)}` });
      }
    } catch (e) {
      setMessage({ ok: false, text: s.actionFailed + errorMessage(e, '') });
    } finally {
      setBusy(false);
    }
  }

  async function run(action: Action) {
    setAsking(null);
    setBusy(true);
    try {
      const res = action === 'remove' ? await props.removeComputed() : await props.undoLastFill();
      setMessage({ ok: true, text: action === 'remove' ? s.removedComputed(res.restored) : s.undone(res.restored) });
      props.onChanged?.();
    } catch (e) {
      setMessage({ ok: false, text: s.actionFailed + errorMessage(e, '') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="reversible-actions" style={{ marginTop: 6 }}>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        <Button size="small" onClick={() => void ask('remove')} disabledFocusable={props.disabled || busy} aria-expanded={asking?.action === 'remove'} data-testid="remove-computed">
          {s.removeComputed}
        </Button>
        <Button size="small" onClick={() => void ask('undo')} disabledFocusable={props.disabled || busy} aria-expanded={asking?.action === 'undo'} data-testid="undo-fill">
          {s.undoFill}
        </Button>
      </div>
      {asking && (
        <div role="group" aria-label={asking.action === 'remove' ? s.removeComputed : s.undoFill} data-testid={`${asking.action}-confirm`} style={{ marginTop: 6, padding: 6, border: '1px solid #d1d1d1', borderRadius: 4 }}>
          <p style={{ margin: '0 0 6px', fontSize: 12 }}>{asking.text}</p>
          <div style={{ display: 'flex', gap: 6 }}>
            {!asking.nothing && (
              <Button size="small" appearance="primary" onClick={() => void run(asking.action)} data-testid={`${asking.action}-confirm-yes`}>
                {asking.action === 'remove' ? s.removeComputedConfirm : s.undoFill}
              </Button>
            )}
            <Button size="small" onClick={() => setAsking(null)}>
              {s.keep}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="reversible-message" style={{ fontSize: 12, margin: '4px 0', color: message.ok ? undefined : '#a4262c' }}>
          {message.text}
        </p>
      )}
    </div>
  );
}
