// Imported holiday schedules kept in the workbook settings: round-trip, and defensive cleaning of what is stored.
import * as fs from 'fs';
import * as path from 'path';
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import type { HolidaySchedule } from '../../src/engine/types';

/** Invented for the tests (see tests/engine/calendar/fixtures/README.md): not the State Council's 2027 notice. */
const INVENTED_2027 = JSON.parse(fs.readFileSync(path.join(__dirname, '../engine/calendar/fixtures/holidays-2027.invented.json'), 'utf8')) as HolidaySchedule;
const SHEET = { name: 'S', values: [['a']] };

test('schedules round-trip through the workbook settings, also after save and reopen', async () => {
  const fake = createFakeExcel({ sheets: [SHEET] });
  const host = createOfficeHost(fake.Excel, fake.Office);
  const s = { profile: 'yeji', asOf: '2026-10-20', holidays: [INVENTED_2027] };
  await host.saveSettings(s);
  expect(await host.loadSettings()).toEqual(s);
  const reopened = createFakeExcel(fake.save());
  expect(await createOfficeHost(reopened.Excel, reopened.Office).loadSettings()).toEqual(s);
});

test('a malformed stored schedule is dropped on its own; the others and the other settings are kept', async () => {
  const bad = [
    'not a schedule',
    { year: 2028, holidays: [{ name: '元旦', date: '2028-02-30' }], workdays: [] },
    { ...INVENTED_2027, extra: '<script>' },
    INVENTED_2027,
    { ...INVENTED_2027, source: 'second 2027: dropped' },
  ];
  const fake = createFakeExcel({ sheets: [SHEET], settings: { 'fundcheck.settings': JSON.stringify({ asOf: '2026-10-20', holidays: bad }) } });
  expect(await createOfficeHost(fake.Excel, fake.Office).loadSettings()).toEqual({ asOf: '2026-10-20', holidays: [INVENTED_2027] });
  const notList = createFakeExcel({ sheets: [SHEET], settings: { 'fundcheck.settings': JSON.stringify({ asOf: '2026-10-20', holidays: { year: 2027 } }) } });
  expect(await createOfficeHost(notList.Excel, notList.Office).loadSettings()).toEqual({ asOf: '2026-10-20' });
});

test('imported regulation packs round-trip through the workbook settings; entries that are not objects are dropped', async () => {
  const pack = { format: 'fundcheck-regulation-pack/1', id: 'testcounty', articles: { 第一条: '……' } };
  const fake = createFakeExcel({ sheets: [SHEET] });
  const host = createOfficeHost(fake.Excel, fake.Office);
  await host.saveSettings({ profile: 'testcounty', regulations: [pack] });
  const reopened = createFakeExcel(fake.save());
  expect(await createOfficeHost(reopened.Excel, reopened.Office).loadSettings()).toEqual({ profile: 'testcounty', regulations: [pack] });
  const junk = createFakeExcel({ sheets: [SHEET], settings: { 'fundcheck.settings': JSON.stringify({ regulations: ['x', null, [1], pack] }) } });
  expect(await createOfficeHost(junk.Excel, junk.Office).loadSettings()).toEqual({ regulations: [pack] });
});
