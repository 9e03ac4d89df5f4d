// 帮助: the forms recognised, what each button changes in the workbook, the version and each regulation's period of force.
import * as React from 'react';
import type { AdditionStrings } from './additions-strings';

export interface HelpRegulation {
  id: string;
  title: string;
  inForceFrom: string | null;
  inForceTo: string | null;
}

export interface HelpViewProps {
  s: AdditionStrings;
  version: string;
  regulations: readonly HelpRegulation[];
}

export function HelpView(props: HelpViewProps): React.ReactElement {
  const { s } = props;
  const h: React.CSSProperties = { fontSize: 13, margin: '8px 0 4px' };
  return (
    <section aria-label={s.helpTab} data-testid="help" style={{ fontSize: 12 }}>
      <h3 style={h}>{s.helpForms}</h3>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {s.helpFormsList.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      <h3 style={h}>{s.helpButtons}</h3>
      <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="help-buttons">
        {s.helpButtonsList.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      <h3 style={h}>{s.helpRegulations}</h3>
      <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="help-regulations">
        {props.regulations.map((r) => (
          <li key={r.id}>{`${r.title}：${s.inForce(r.inForceFrom, r.inForceTo)}`}</li>
        ))}
      </ul>
      <p data-testid="help-version" style={{ marginTop: 8, color: '#616161' }}>
        {s.helpVersion(props.version)}
      </p>
    </section>
  );
}
