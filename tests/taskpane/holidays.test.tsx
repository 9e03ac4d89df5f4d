/** @jest-environment jsdom */
// The pane's holiday-schedule import through the fake host: choose a file, confirm the summary, kept in settings, passed to checks.
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckOptions, HolidaySchedule, WorkbookSnapshot } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { fakeHost, stubReport } from './fixtures';
import './jsdom-env';

jest.mock('../../src/engine', () => ({
  check: () => {
    throw new Error('tests inject runCheck');
  },
}));

const TODAY = '2026-10-20';
// Fluent under jsdom on a shared 2-core machine is slow: generous on purpose, nothing here measures speed.
jest.setTimeout(120_000);

const CAL = path.join(__dirname, '../engine/calendar');
/** Invented for the tests (see tests/engine/calendar/fixtures/README.md): not the State Council's 2027 notice. */
const INVENTED_2027 = fs.readFileSync(path.join(CAL, 'fixtures/holidays-2027.invented.json'), 'utf8');
const NOTICE_2026 = fs.readFileSync(path.join(CAL, 'notices/2026.txt'), 'utf8');

function setup(host = fakeHost()) {
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => stubReport(o.lang ?? 'zh', o.asOf));
  const user = userEvent.setup({ delay: null, applyAccept: false });
  render(<App host={host} runCheck={runCheck} today={TODAY} lang="zh" />);
  return { host, runCheck, user };
}

const fileInput = () => screen.getByTestId('holidays-file') as HTMLInputElement;

test('a .json schedule is shown back, kept in the workbook on confirmation and passed to the check', async () => {
  const { host, runCheck, user } = setup();
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  expect(screen.getByTestId('holidays')).toHaveTextContent('未导入');
  await user.upload(fileInput(), new File([INVENTED_2027], 'holidays-2027.json', { type: 'application/json' }));
  const confirm = await screen.findByTestId('holidays-confirm');
  expect(confirm).toHaveTextContent('请与通知核对');
  expect(confirm).toHaveTextContent('2027年放假安排：放假');
  expect(confirm).toHaveTextContent('INVENTED');
  expect(confirm).toHaveTextContent('春节：2027年2月5日（周五）至2027年2月13日（周六），共9天；2027年2月20日（周六）上班');
  // nothing is stored before the user confirms
  expect(host.saveSettings).not.toHaveBeenCalled();
  await user.click(within(confirm).getByRole('button', { name: '确认导入' }));
  expect(screen.queryByTestId('holidays-confirm')).toBeNull();
  expect(screen.getByTestId('holidays-imported')).toHaveTextContent('2027年');
  const saved = host.saveSettings.mock.calls.at(-1)![0] as { holidays: HolidaySchedule[] };
  expect(saved).toEqual(expect.objectContaining({ profile: 'auto', asOf: TODAY, overrides: {} }));
  expect(saved.holidays.map((h) => h.year)).toEqual([2027]);
  expect(saved.holidays[0]!.workdays[0]).toEqual({ date: '2027-02-20', name: '春节' });

  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
  const options = runCheck.mock.calls.at(-1)![1];
  expect(options.holidays?.map((h) => h.year)).toEqual([2027]);
  expect(options.asOf).toBe(TODAY);
});

test('a notice .txt is parsed; cancel keeps nothing; a second import of the same year replaces it; × removes it', async () => {
  const { host, runCheck, user } = setup();
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  await user.upload(fileInput(), new File([NOTICE_2026], '2026通知.txt', { type: 'text/plain' }));
  let confirm = await screen.findByTestId('holidays-confirm');
  expect(confirm).toHaveTextContent('《国务院办公厅关于2026年部分节假日安排的通知》');
  expect(confirm).toHaveTextContent('元旦：2026年1月1日（周四）至2026年1月3日（周六），共3天；2026年1月4日（周日）上班');
  await user.click(within(confirm).getByRole('button', { name: '取消' }));
  expect(screen.queryByTestId('holidays-confirm')).toBeNull();
  expect(host.saveSettings).not.toHaveBeenCalled();

  await user.upload(fileInput(), new File([NOTICE_2026], '2026通知.txt', { type: 'text/plain' }));
  confirm = await screen.findByTestId('holidays-confirm');
  await user.click(within(confirm).getByRole('button', { name: '确认导入' }));
  await user.upload(fileInput(), new File([NOTICE_2026], 'again.txt', { type: 'text/plain' }));
  confirm = await screen.findByTestId('holidays-confirm');
  expect(confirm).toHaveTextContent('将替换已导入的 2026年');
  await user.click(within(confirm).getByRole('button', { name: '确认导入' }));
  expect((host.saveSettings.mock.calls.at(-1)![0] as { holidays: HolidaySchedule[] }).holidays).toHaveLength(1);

  await user.click(screen.getByRole('button', { name: '移除 2026 年' }));
  expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: {} });
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
  expect(runCheck.mock.calls.at(-1)![1].holidays).toBeUndefined();
});

test('a bad file: the reason names the field, nothing is stored', async () => {
  const { host, user } = setup();
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  await user.upload(fileInput(), new File([INVENTED_2027.replace('"2027-02-20"', '"2027-02-19"')], 'bad.json', { type: 'application/json' }));
  const err = await screen.findByTestId('holidays-error');
  expect(err).toHaveTextContent('无法导入 bad.json：workdays[0].date：2027-02-19 是周五，调休上班日应为周六或周日');
  await user.upload(fileInput(), new File(['明年放假安排还没出来'], 'notes.txt', { type: 'text/plain' }));
  expect(await screen.findByTestId('holidays-error')).toHaveTextContent('通知正文：找不到年份');
  expect(screen.queryByTestId('holidays-confirm')).toBeNull();
  expect(host.saveSettings).not.toHaveBeenCalled();
});

test('schedules saved in the workbook are restored and used; an invalid saved one is ignored', async () => {
  const saved = JSON.parse(INVENTED_2027) as HolidaySchedule;
  const { runCheck, user } = setup(fakeHost({ loadSettings: jest.fn(async () => ({ profile: 'yeji', holidays: [{ year: 'x' }, saved, saved] })) }));
  await waitFor(() => expect(screen.getByTestId('holidays-imported')).toHaveTextContent('2027年'));
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
  expect(runCheck.mock.calls.at(-1)![1].holidays?.map((h) => h.year)).toEqual([2027]);
});

test('in English the summary and the reasons are English', async () => {
  const host = fakeHost();
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => stubReport(o.lang ?? 'en', o.asOf));
  const user = userEvent.setup({ delay: null, applyAccept: false });
  render(<App host={host} runCheck={runCheck} today={TODAY} lang="en" />);
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  await user.upload(fileInput(), new File([INVENTED_2027], 'h.json', { type: 'application/json' }));
  const confirm = await screen.findByTestId('holidays-confirm');
  expect(confirm).toHaveTextContent('2027 holiday schedule: ');
  expect(confirm).toHaveTextContent('春节 (Spring Festival): Fri 2027-02-05 – Sat 2027-02-13, 9 days off; working: Sat 2027-02-20');
  await user.upload(fileInput(), new File(['{"year": 2027}'], 'h2.json', { type: 'application/json' }));
  expect(await screen.findByTestId('holidays-error')).toHaveTextContent('Cannot import h2.json: holidays: must be a non-empty list');
});
