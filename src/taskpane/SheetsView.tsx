// Sheets tab: how each sheet was recognised, with a per-sheet correction of kind and header row.
import * as React from 'react';
import { Badge, Field, Input, Select } from '@fluentui/react-components';
import type { FieldKey, SheetKind, SheetOverride, SheetReport } from '../engine/types';
import { FIELDS, FIELD_KEYS } from '../engine/vocabulary';
import type { UiStrings } from './strings';

const KINDS: readonly SheetKind[] = ['declaration', 'progress-table', 'progress-form', 'expense', 'unknown'];

export function SheetsView(props: {
  s: UiStrings;
  sheets: SheetReport[];
  /** Names of the sheets holding data that was not checked. */
  unchecked?: readonly string[];
  overrides: Record<string, SheetOverride>;
  onOverride: (sheet: string, override: SheetOverride | undefined) => void;
}): React.ReactElement {
  const { s, sheets, overrides } = props;
  if (sheets.length === 0) return <p>{s.noSheets}</p>;

  const update = (sheet: string, patch: Partial<SheetOverride>) => {
    const next: SheetOverride = { ...overrides[sheet], ...patch };
    if (next.kind === undefined) delete next.kind;
    if (next.headerRow === undefined) delete next.headerRow;
    if (next.columns === undefined || Object.keys(next.columns).length === 0) delete next.columns;
    props.onOverride(sheet, Object.keys(next).length > 0 ? next : undefined);
  };

  return (
    <section aria-label={s.sheetsHeading}>
      <h3 style={{ fontSize: 14, margin: '4px 0' }}>{s.sheetsHeading}</h3>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sheets.map((sh) => {
          const o = overrides[sh.name] ?? {};
          return (
            <li
              key={sh.name}
              data-testid="sheet"
              data-sheet={sh.name}
              style={{ padding: 6, margin: '4px 0', border: '1px solid #e0e0e0', borderRadius: 4 }}
            >
              <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                <strong>{sh.name}</strong>
                <Badge appearance="tint" color={sh.kind === 'unknown' ? 'subtle' : 'brand'} data-testid="sheet-kind">
                  {s.kindNames[sh.kind] ?? sh.kind}
                </Badge>
                {props.unchecked?.includes(sh.name) && (
                  <Badge appearance="filled" color="warning" data-testid="sheet-unchecked">
                    {s.uncheckedBadge}
                  </Badge>
                )}
                {sh.headerRow !== null && (
                  <span style={{ fontSize: 12 }} data-testid="sheet-header-row">{`${s.headerRow}：${sh.headerRow}`}</span>
                )}
              </div>
              {sh.reason && <div style={{ fontSize: 12, color: '#555' }}>{`${s.reason}：${sh.reason}`}</div>}
              {sh.unmappedColumns.length > 0 && (
                <div style={{ fontSize: 12, color: '#555' }} data-testid="sheet-unmapped">
                  {s.unmappedColumns(sh.unmappedColumns)}
                </div>
              )}
              {sh.headerRow !== null && sh.kind !== 'progress-form' && (
                <ColumnMapping
                  s={s}
                  sheet={sh}
                  mapping={o.columns ?? {}}
                  onChange={(columns) => update(sh.name, { columns })}
                />
              )}
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 4 }}>
                <Field label={s.sheetKind} size="small">
                  <Select
                    size="small"
                    aria-label={`${sh.name} ${s.sheetKind}`}
                    value={o.kind ?? ''}
                    onChange={(_, d) => update(sh.name, { kind: d.value === '' ? undefined : (d.value as SheetKind) })}
                  >
                    <option value="">{s.kindAuto}</option>
                    {KINDS.map((k) => (
                      <option key={k} value={k}>
                        {s.kindNames[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s.headerRow} hint={s.headerRowHint} size="small">
                  <Input
                    size="small"
                    type="number"
                    min={1}
                    aria-label={`${sh.name} ${s.headerRow}`}
                    value={o.headerRow !== undefined ? String(o.headerRow) : ''}
                    onChange={(_, d) => {
                      const n = Number.parseInt(d.value, 10);
                      update(sh.name, { headerRow: Number.isFinite(n) && n >= 1 ? n : undefined });
                    }}
                    style={{ width: 90 }}
                  />
                </Field>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const IGNORE = '-';

/**
 * One picker per column the user may want to read differently: the columns recognition left unused and those the
 * user already set. The fields offered are the sheet kind's own first, then the rest.
 */
function ColumnMapping(props: {
  s: UiStrings;
  sheet: SheetReport;
  mapping: Record<string, FieldKey | null>;
  onChange: (columns: Record<string, FieldKey | null>) => void;
}): React.ReactElement | null {
  const { s, sheet, mapping } = props;
  const headers = new Map(sheet.unmappedColumns.map((u) => [u.column, u.header]));
  const letters = [...new Set([...headers.keys(), ...Object.keys(mapping)])].sort(
    (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (letters.length === 0) return null;
  const kind = sheet.kind;
  const own = FIELD_KEYS.filter((k) => kind !== 'unknown' && FIELDS[k].sheets.includes(kind));
  const rest = FIELD_KEYS.filter((k) => !own.includes(k));
  const set = (letter: string, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[letter];
    else next[letter] = value === IGNORE ? null : (value as FieldKey);
    props.onChange(next);
  };
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '4px 0' }} data-testid="column-mapping">
      <legend style={{ fontSize: 12, fontWeight: 600, padding: 0 }}>{s.columnMapping}</legend>
      <div style={{ fontSize: 12, color: '#555' }}>{s.columnMappingHint}</div>
      {letters.map((letter) => {
        const label = s.columnLabel(letter, headers.get(letter) ?? '');
        const v = mapping[letter];
        return (
          <Field key={letter} label={label} size="small">
            <Select
              size="small"
              aria-label={`${sheet.name} ${label}`}
              data-testid="column-field"
              data-column={letter}
              value={v === undefined ? '' : v === null ? IGNORE : v}
              onChange={(_, d) => set(letter, d.value)}
            >
              <option value="">{s.columnAuto}</option>
              <option value={IGNORE}>{s.columnIgnore}</option>
              {[...own, ...rest].map((k) => (
                <option key={k} value={k}>
                  {s.fieldLabel(FIELDS[k].zh, FIELDS[k].en)}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </fieldset>
  );
}
