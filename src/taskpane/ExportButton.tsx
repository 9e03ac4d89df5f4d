// 导出检查结果: writes the findings table to the sheet 检查结果, asking first when that would replace an earlier one.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { AdditionStrings } from './additions-strings';
import { errorMessage } from './model';

export interface ExportButtonProps {
  s: AdditionStrings;
  sheet: string;
  disabled?: boolean;
  /** Whether the sheet exists already (the user is asked before it is replaced). */
  sheetExists: () => Promise<boolean>;
  write: () => Promise<{ replaced: boolean; rows: number }>;
}

export function ExportButton(props: ExportButtonProps): React.ReactElement {
  const { s, sheet } = props;
  const [asking, setAsking] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);

  async function write() {
    setAsking(false);
    setBusy(true);
    try {
      const res = await props.write();
      setMessage({ ok: true, text: s.exported(res.rows, sheet, res.replaced) });
    } catch (e) {
      setMessage({ ok: false, text: s.exportFailed + errorMessage(e, '') });
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    setMessage(null);
    setBusy(true);
    let exists: boolean;
    try {
      exists = await props.sheetExists();
    } catch (e) {
      setBusy(false);
      setMessage({ ok: false, text: s.exportFailed + errorMessage(e, '') });
      return;
    }
    setBusy(false);
    if (exists) setAsking(true);
    else await write();
  }

  return (
    <div data-testid="export">
      <Button onClick={() => void start()} disabledFocusable={props.disabled || busy} aria-expanded={asking} data-testid="export-button">
        {s.exportButton}
      </Button>
      {asking && (
        <div role="group" aria-label={s.exportButton} data-testid="export-confirm" style={{ marginTop: 6, padding: 6, border: '1px solid #d1d1d1', borderRadius: 4 }}>
          <p style={{ margin: '0 0 6px', fontSize: 12 }}>{s.exportReplaceAsk(sheet)}</p>
          <div style={{ display: 'flex', gap: 6 }}>
            <Button size="small" appearance="primary" onClick={() => void write()} data-testid="export-replace">
              {s.exportReplace}
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              {s.exportCancel}
            </Button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="export-message" style={{ fontSize: 12, margin: '4px 0', color: message.ok ? undefined : '#a4262c' }}>
          {message.text}
        </p>
      )}
    </div>
  );
}
