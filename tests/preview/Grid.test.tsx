/** @jest-environment jsdom */
// The preview grid: what a cell shows, its test attributes (sheet, address, fill, selection), notes, merges, tabs.
import * as React from 'react';
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { Grid, displayValue } from '../../src/preview/Grid';
import type { FakeWorkbookData } from '../../src/fake-excel/model';

describe('displayValue', () => {
  test.each([
    [null, null, ''],
    ['', null, ''],
    ['文本', null, '文本'],
    [42, null, '42'],
    [1.25, 'General', '1.25'],
    [0.1 + 0.2, null, '0.3'],
    [45356, 'yyyy-mm-dd', '2024-03-05'],
    [45356, 'yyyy"年"m"月"d"日"', '2024-03-05'],
    [45356, '[$-804]yyyy/m/d', '2024-03-05'],
    [45356, 'm/d/yy', '2024-03-05'],
    [45356, '0.00', '45356'],
    [45356, '#,##0"万元"', '45356'],
    [0.5, 'h:mm', '0.5'],
    [true, null, 'TRUE'],
  ] as const)('%p with %p → %p', (v, f, out) => expect(displayValue(v, f)).toBe(out));
});

const DATA: FakeWorkbookData = {
  sheets: [
    {
      name: '申报表',
      values: [['项目申报表'], ['序号', '项目名称', '开工日期'], [1, '智慧城管', 45356]],
      formats: [[], [], [null, null, 'yyyy-mm-dd']],
      fills: { B3: '#FFC7CE' },
      notes: { B3: '项目名称重复' },
      merges: ['A1:C1'],
    },
    { name: '说明', values: [['填表说明']] },
  ],
};

function cell(sheet: string, addr: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-sheet="${sheet}"][data-cell="${addr}"]`);
  if (!el) throw new Error(`no cell ${sheet}!${addr}`);
  return el;
}

test('cells carry sheet, address, fill, note and selection; merges span and hide covered cells', () => {
  const onActivate = jest.fn();
  render(
    <Grid
      data={DATA}
      activeSheet="申报表"
      selection={{ sheet: '申报表', top: 2, left: 1, bottom: 2, right: 2 }}
      onActivateSheet={onActivate}
      labels={{ sheets: '工作表', truncated: () => '' }}
    />,
  );
  expect(cell('申报表', 'A1')).toHaveTextContent('项目申报表');
  expect(cell('申报表', 'A1')).toHaveAttribute('colspan', '3');
  expect(document.querySelector('[data-cell="B1"]')).toBeNull();
  expect(cell('申报表', 'C3')).toHaveTextContent('2024-03-05');
  expect(cell('申报表', 'B3')).toHaveAttribute('data-fill', '#FFC7CE');
  expect(cell('申报表', 'B3')).toHaveAttribute('title', '项目名称重复');
  expect(cell('申报表', 'A3')).toHaveAttribute('data-fill', '');
  expect(cell('申报表', 'A3')).not.toHaveAttribute('title');
  expect(cell('申报表', 'B3')).toHaveAttribute('data-selected', 'true');
  expect(cell('申报表', 'C3')).toHaveAttribute('data-selected', 'true');
  expect(cell('申报表', 'A3')).toHaveAttribute('data-selected', 'false');

  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
    ['申报表', 'true'],
    ['说明', 'false'],
  ]);
  fireEvent.click(screen.getByRole('tab', { name: '说明' }));
  expect(onActivate).toHaveBeenCalledWith('说明');
});

test('a selection on another sheet marks nothing on the shown sheet', () => {
  render(
    <Grid
      data={DATA}
      activeSheet="说明"
      selection={{ sheet: '申报表', top: 0, left: 0, bottom: 0, right: 0 }}
      onActivateSheet={() => {}}
      labels={{ sheets: '工作表', truncated: () => '' }}
    />,
  );
  expect(screen.getByTestId('grid')).toHaveAttribute('data-sheet', '说明');
  expect(document.querySelectorAll('[data-selected="true"]')).toHaveLength(0);
});

test('large sheets are cut with a note', () => {
  const big: FakeWorkbookData = { sheets: [{ name: 'S', values: Array.from({ length: 1000 }, (_, i) => [i]) }] };
  render(
    <Grid data={big} activeSheet="S" selection={null} onActivateSheet={() => {}} labels={{ sheets: 's', truncated: (r) => `cut at ${r}` }} />,
  );
  expect(screen.getByText('cut at 400')).toBeInTheDocument();
  expect(document.querySelectorAll('tbody tr')).toHaveLength(400);
});
