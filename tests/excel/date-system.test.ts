// The add-in reads the workbook's date system (Workbook.use1904DateSystem, ExcelApi BETA) and says when it cannot.
import { createOfficeHost } from '../../src/excel';
import { fakeFromSnapshot } from '../../src/fake-excel';
import type { WorkbookSnapshot } from '../../src/engine/types';

const SNAP: WorkbookSnapshot = {
  name: 'ledger.xlsx',
  // 2025-12-10 is serial 46001 in the 1900 system, 44539 in the 1904 one.
  sheets: [{ name: '进度台账', rows: [['项目名称', '建成日期'], ['智慧城管平台', 44539]], formats: [[], [null, 'yyyy-mm-dd']], merges: [] }],
  date1904: true,
};

test('a 1904 workbook: the snapshot says so, and the capability reports the date system as read', async () => {
  const fake = fakeFromSnapshot(SNAP);
  const host = createOfficeHost(fake.Excel, fake.Office);
  expect(host.capabilities().dateSystem).toBeNull(); // not asked yet
  const snap = await host.readSnapshot();
  expect(snap.date1904).toBe(true);
  expect(snap.sheets[0]!.rows[1]![1]).toBe(44539);
  expect(host.capabilities().dateSystem).toBe(true);
});

test('a 1900 workbook: no flag', async () => {
  const fake = fakeFromSnapshot({ ...SNAP, date1904: undefined });
  const host = createOfficeHost(fake.Excel, fake.Office);
  const snap = await host.readSnapshot();
  expect(snap.date1904).toBeUndefined();
  expect(host.capabilities().dateSystem).toBe(true);
});

test('a host without the API: the read still succeeds, in the 1900 system, and the capability says the system is unknown', async () => {
  const fake = fakeFromSnapshot(SNAP, { dateSystemApi: false });
  const host = createOfficeHost(fake.Excel, fake.Office);
  const snap = await host.readSnapshot();
  expect(snap.date1904).toBeUndefined();
  expect(snap.sheets[0]!.rows[1]).toEqual(['智慧城管平台', 44539]);
  expect(host.capabilities().dateSystem).toBe(false);
});

test('the strict fake refuses the property where the host lacks it, and serves it where it has it', async () => {
  const without = fakeFromSnapshot(SNAP, { dateSystemApi: false });
  await expect(
    without.Excel.run(async (ctx) => {
      ctx.workbook.load('use1904DateSystem' as never);
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
  const withIt = fakeFromSnapshot(SNAP);
  const v = await withIt.Excel.run(async (ctx) => {
    const wb = ctx.workbook as unknown as { load(p: string): void; use1904DateSystem: boolean };
    wb.load('use1904DateSystem');
    await ctx.sync();
    return wb.use1904DateSystem;
  });
  expect(v).toBe(true);
});
