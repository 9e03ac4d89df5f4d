/** @jest-environment jsdom */
// The pane says, visibly, when this Excel cannot tell the workbook's date system (dates then read in the 1900 system).
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckOptions, WorkbookSnapshot } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { fakeHost, stubReport } from './fixtures';
import './jsdom-env';

jest.setTimeout(120_000);

test.each([
  [false, true],
  [true, false],
  [null, false],
] as const)('date system read: %p → notice shown: %p', async (dateSystem, shown) => {
  const host = fakeHost({
    capabilities: jest.fn(() => ({ notes: true, comments: true, annotations: 'notes', mergedAreas: true, changeSource: true, dateSystem })),
  });
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => stubReport(o.lang ?? 'zh', o.asOf));
  const user = userEvent.setup({ delay: null });
  render(<App host={host} runCheck={runCheck} today="2024-06-01" lang="zh" />);
  expect(screen.queryByTestId('date-system-unknown')).toBeNull();
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
  expect(screen.queryByTestId('date-system-unknown') !== null).toBe(shown);
  if (shown) expect(screen.getByTestId('date-system-unknown')).toHaveTextContent('日期按 1900 日期系统读取');
});
