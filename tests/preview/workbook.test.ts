// The preview's live workbook: syncs notify listeners (coalesced), view() reflects writes, tabs activate sheets.
import { PreviewWorkbook } from '../../src/preview/workbook';

const tick = () => new Promise((r) => setTimeout(r, 0));

function book() {
  return new PreviewWorkbook({
    name: 'b.xlsx',
    sheets: [
      { name: '甲', values: [['a', 'b'], [1, 2]] },
      { name: '乙', values: [['x']] },
    ],
  });
}

test('writes through the wrapped Excel.run show up in view() and notify listeners once per burst', async () => {
  const wb = book();
  const listener = jest.fn();
  wb.subscribe(listener);
  await wb.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('甲').getRange('B2');
    r.format.fill.color = '#FFC7CE';
    await ctx.sync();
    ctx.workbook.worksheets.getItem('甲').getRange('A2').values = [[5]];
    await ctx.sync();
  });
  expect(listener).not.toHaveBeenCalled();
  await tick();
  expect(listener).toHaveBeenCalledTimes(1);
  const v = wb.view();
  expect(v.data.sheets[0].fills).toEqual({ B2: '#FFC7CE' });
  expect(v.data.sheets[0].values?.[1]?.[0]).toBe(5);
});

test('selection and active sheet follow activate and select', async () => {
  const wb = book();
  expect(wb.view().activeSheet).toBe('甲');
  expect(wb.view().selection).toEqual({ sheet: '甲', top: 0, left: 0, bottom: 0, right: 0 });
  await wb.activate('乙');
  expect(wb.view().activeSheet).toBe('乙');
  await wb.Excel.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('甲');
    s.activate();
    s.getRange('B2').select();
    await ctx.sync();
  });
  expect(wb.view()).toMatchObject({ activeSheet: '甲', selection: { sheet: '甲', top: 1, left: 1, bottom: 1, right: 1 } });
});

test('unsubscribe stops notifications', async () => {
  const wb = book();
  const listener = jest.fn();
  const off = wb.subscribe(listener);
  off();
  await wb.activate('乙');
  await tick();
  expect(listener).not.toHaveBeenCalled();
});
