// A file import that is shown back before it is kept: what is imported (each removable), a chooser, the reason a file is refused, and a confirmation box.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Words of one import panel (the caller's language). */
export interface FileImportText {
  title: string;
  /** Shown while nothing is imported. */
  none: string;
  imported: string;
  choose: string;
  chooseHint: string;
  confirmTitle: string;
  confirm: string;
  cancel: string;
}

/** What reading a chosen file gave: a value to confirm with its summary (and what it replaces), or why it is refused. */
export type FileReading<T> = { ok: true; value: T; summary: string; replaces?: string } | { ok: false; error: string };

export interface FileImportProps<T> {
  text: FileImportText;
  /** data-testid prefix: `${testId}`, `-imported`, `-file`, `-error`, `-confirm`. */
  testId: string;
  accept: string;
  /** What is imported, each with the label shown and the accessible name of its remove button. */
  items: readonly { key: string; label: string; removeLabel: string }[];
  read: (file: File) => Promise<FileReading<T>>;
  onImport: (value: T) => void;
  onRemove: (key: string) => void;
  disabled?: boolean;
}

export function FileImport<T>(props: FileImportProps<T>): React.ReactElement {
  const { text: t, testId } = props;
  const input = React.useRef<HTMLInputElement>(null);
  const [pending, setPending] = React.useState<Extract<FileReading<T>, { ok: true }> | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setError(null);
    setPending(null);
    if (!file) return;
    try {
      const r = await props.read(file);
      if (r.ok) setPending(r);
      else setError(r.error);
    } finally {
      // the same file can be chosen again after a cancel
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section aria-label={t.title} data-testid={testId} style={{ marginTop: 8, fontSize: 12, overflowWrap: 'anywhere' }}>
      <div style={{ fontWeight: 600 }}>{t.title}</div>
      {props.items.length === 0 ? (
        <p style={{ margin: '2px 0', color: '#444' }}>{t.none}</p>
      ) : (
        <p style={{ margin: '2px 0' }} data-testid={`${testId}-imported`}>
          {t.imported}
          {props.items.map((item) => (
            <span key={item.key} style={{ marginRight: 6 }}>
              {item.label}
              <Button size="small" appearance="subtle" aria-label={item.removeLabel} disabled={props.disabled} onClick={() => props.onRemove(item.key)}>
                ×
              </Button>
            </span>
          ))}
        </p>
      )}
      <Button size="small" disabled={props.disabled} onClick={() => input.current?.click()} title={t.chooseHint}>
        {t.choose}
      </Button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        aria-label={t.chooseHint}
        data-testid={`${testId}-file`}
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {error && (
        <MessageBar intent="error" role="alert" data-testid={`${testId}-error`} style={{ marginTop: 4 }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {pending && (
        <div data-testid={`${testId}-confirm`} style={{ marginTop: 4, border: '1px solid #ccc', padding: 6 }}>
          <div>{t.confirmTitle}</div>
          {/* text only: the summary is built from the file, never rendered as HTML */}
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '4px 0' }}>{pending.summary}</pre>
          {pending.replaces !== undefined && <div>{pending.replaces}</div>}
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Button
              size="small"
              appearance="primary"
              disabled={props.disabled}
              onClick={() => {
                props.onImport(pending.value);
                setPending(null);
              }}
            >
              {t.confirm}
            </Button>
            <Button size="small" onClick={() => setPending(null)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The text of a chosen file: UTF-8, or GB18030 when UTF-8 does not fit (a file saved by Chinese Windows Notepad). */
export function readText(file: File): Promise<string> {
  const read = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(typeof r.result === 'string' ? r.result : '');
      r.onerror = () => reject(r.error ?? new Error('read failed'));
      r.readAsText(file, encoding);
    });
  return read('utf-8').then((t) => (t.includes('\uFFFD') ? read('gb18030') : t));
}
