// The small dialog that records a finding's waiver: 已核实 or 经评估同意, a reason (required) and the reader's name (remembered).
// It opens in place under the finding's actions (a task pane is narrow; a modal would cover the finding it is about).
import * as React from 'react';
import { Button, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { Finding, Lang, WaiverStatus } from '../engine/types';
import { WAIVER_STATUSES, WAIVER_STATUS_NAME } from '../engine/waivers';
import type { AdditionStrings } from './additions-strings';

export interface WaiverDraft {
  status: WaiverStatus;
  reason: string;
  by: string;
}

export interface WaiverDialogProps {
  s: AdditionStrings;
  lang: Lang;
  finding: Finding;
  /** The name used last time, filled in. */
  name: string;
  onSave: (draft: WaiverDraft) => void;
  onCancel: () => void;
  saving?: boolean;
}

export function WaiverDialog(props: WaiverDialogProps): React.ReactElement {
  const { s, finding } = props;
  const [status, setStatus] = React.useState<WaiverStatus>(finding.waiver?.status ?? 'verified');
  const [reason, setReason] = React.useState(finding.waiver && !finding.waiver.stale ? finding.waiver.reason : '');
  const [by, setBy] = React.useState(props.name);
  const [tried, setTried] = React.useState(false);
  const reasonMissing = reason.trim() === '';
  const nameMissing = by.trim() === '';

  function save() {
    setTried(true);
    if (reasonMissing || nameMissing) return;
    props.onSave({ status, reason: reason.trim(), by: by.trim() });
  }

  const titleId = React.useId();
  const first = React.useRef<HTMLTextAreaElement>(null);
  React.useEffect(() => first.current?.focus(), []);

  return (
    <section
      role="dialog"
      aria-labelledby={titleId}
      data-testid="waiver-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
      style={{ marginTop: 6, padding: 8, border: '1px solid #0f6cbd', borderRadius: 4, display: 'grid', gap: 6 }}
    >
      <h4 id={titleId} style={{ fontSize: 13, margin: 0 }}>
        {s.waiverTitle}
      </h4>
      <p style={{ fontSize: 12, margin: 0 }}>{`${finding.sheet}${finding.cell ? ' ' + finding.cell : ''}：${finding.message}`}</p>
      <Field label={s.waiverStatus} size="small">
        <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as WaiverStatus)} layout="horizontal">
          {WAIVER_STATUSES.map((st) => (
            <Radio key={st} value={st} label={WAIVER_STATUS_NAME[props.lang][st]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={s.waiverReason} size="small" required validationMessage={tried && reasonMissing ? s.waiverReasonRequired : undefined}>
        <Textarea ref={first} value={reason} onChange={(_, d) => setReason(d.value)} data-testid="waiver-reason" resize="vertical" />
      </Field>
      <Field label={s.waiverName} size="small" required validationMessage={tried && nameMissing ? s.waiverNameRequired : undefined}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} data-testid="waiver-name" />
      </Field>
      <div style={{ display: 'flex', gap: 6 }}>
        <Button size="small" appearance="primary" onClick={save} disabledFocusable={props.saving} data-testid="waiver-save">
          {s.waiverSave}
        </Button>
        <Button size="small" onClick={props.onCancel}>
          {s.waiverCancel}
        </Button>
      </div>
    </section>
  );
}
