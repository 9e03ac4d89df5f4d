// The whole-workbook result shown first: sheets checked and not (and why), the regulation and 基准日期, counts per sheet and per project, earlier marks.
import * as React from 'react';
import type { Lang, Report, SheetKind } from '../engine/types';
import { SHEET_UNCHECKED } from '../engine/rules/coverage';
import type { AdditionStrings } from './additions-strings';

export interface WorkbookSummary {
  checked: { name: string; kind: SheetKind; findings: number }[];
  /** `unchecked`: it holds data that was left unchecked (the sheet-unchecked warning is on it). */
  notChecked: { name: string; reason: string; unchecked: boolean }[];
  projects: { project: string; sheet: string; findings: number }[];
}

/** The report read per sheet and per project (projects in the order their first finding comes). */
export function workbookSummary(report: Report): WorkbookSummary {
  const perSheet = new Map<string, number>();
  const perProject = new Map<string, { project: string; sheet: string; findings: number }>();
  for (const f of report.findings) {
    perSheet.set(f.sheet, (perSheet.get(f.sheet) ?? 0) + 1);
    if (f.project === undefined) continue;
    const key = `${f.sheet}\u0000${f.project}`;
    const p = perProject.get(key);
    if (p) p.findings++;
    else perProject.set(key, { project: f.project, sheet: f.sheet, findings: 1 });
  }
  const unchecked = new Set(report.findings.filter((f) => f.ruleId === SHEET_UNCHECKED).map((f) => f.sheet));
  return {
    checked: report.sheets.filter((s) => s.kind !== 'unknown').map((s) => ({ name: s.name, kind: s.kind, findings: perSheet.get(s.name) ?? 0 })),
    // An unrecognised sheet: recognition's reason, which also says when it holds data left unchecked.
    notChecked: report.sheets.filter((s) => s.kind === 'unknown').map((s) => ({ name: s.name, reason: s.reason, unchecked: unchecked.has(s.name) })),
    projects: [...perProject.values()],
  };
}

export interface WorkbookResultProps {
  s: AdditionStrings;
  lang: Lang;
  report: Report;
  /** Cells that carried marks of an earlier check when the pane opened (0 or null: say nothing). */
  earlierMarks: number | null;
}

export function WorkbookResult(props: WorkbookResultProps): React.ReactElement {
  const { s, report } = props;
  const sum = React.useMemo(() => workbookSummary(report), [report]);
  const regulation = report.profile.id === 'generic' || !report.profile.regulation ? s.noRegulation : s.regulationLine(report.profile.regulation);
  const li: React.CSSProperties = { margin: '1px 0' };
  return (
    <section aria-label={s.resultTitle} data-testid="workbook-result" style={{ margin: '6px 0', padding: 6, background: '#f5f5f5', borderRadius: 4, fontSize: 12 }}>
      <h3 style={{ fontSize: 13, margin: '0 0 4px' }}>{s.resultTitle}</h3>
      <div data-testid="result-regulation">{regulation}</div>
      <div data-testid="result-asof">{s.asOfLine(report.asOf)}</div>
      {props.earlierMarks ? (
        <p data-testid="result-earlier-marks" style={{ margin: '4px 0', color: '#8a3707' }}>
          {s.earlierMarks(props.earlierMarks)}
        </p>
      ) : null}
      <h4 style={{ fontSize: 12, margin: '6px 0 2px' }}>{s.checkedSheets}</h4>
      <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="result-checked">
        {sum.checked.map((x) => (
          <li key={x.name} style={li}>
            {s.sheetLine(x.name, s.kindNames[x.kind], x.findings)}
          </li>
        ))}
      </ul>
      {sum.notChecked.length > 0 && (
        <>
          <h4 style={{ fontSize: 12, margin: '6px 0 2px' }}>{s.notCheckedSheets}</h4>
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="result-not-checked">
            {sum.notChecked.map((x) => (
              <li key={x.name} style={li}>
                {s.notCheckedLine(x.name, x.reason)}
                {x.unchecked ? <strong>{` ${s.holdsData}`}</strong> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {sum.projects.length > 0 && (
        <>
          <h4 style={{ fontSize: 12, margin: '6px 0 2px' }}>{s.perProject}</h4>
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="result-projects">
            {sum.projects.map((p) => (
              <li key={`${p.sheet}/${p.project}`} style={li}>
                {s.projectLine(p.project, p.sheet, p.findings)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
