// The fake Excel behaves like Office.js where the adapter relies on it: batching, unloaded reads, limits, events, persistence.
/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is driven through untyped request contexts, as add-in code drives Office.js */
import { createFakeExcel, fakeFromSnapshot, FakeWorkbookData } from '../../src/fake-excel';

function book(): FakeWorkbookData {
  return {
    name: 'test.xlsx',
    sheets: [
      {
        name: '申报表',
        values: [['序号', '项目名称', '金额'], [1, '智慧城管', 3200], [2, '教育云', '120']],
        formats: [[], [null, null, '0.00']],
        fills: { B2: '#ffff00' },
        notes: { A1: 'user note' },
        merges: ['A5:C5'],
      },
      { name: 'My Sheet', values: [['x']] },
    ],
  };
}

type AnyCtx = { workbook: any; sync(): Promise<void> };
const run = (fake: ReturnType<typeof createFakeExcel>, f: (ctx: AnyCtx) => Promise<unknown>) =>
  (fake.Excel.run as unknown as (cb: (ctx: AnyCtx) => Promise<unknown>) => Promise<unknown>)(f);

describe('batching and loading', () => {
  test('reading a property before load and sync throws PropertyNotLoaded', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('申报表').getRange('A1:C3');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['序号', '项目名称', '金额'], [1, '智慧城管', 3200], [2, '教育云', '120']]); // text stays text: workbook data is stored as given
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const coll = ctx.workbook.worksheets;
      expect(() => coll.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      coll.load('items/name');
      await ctx.sync();
      expect(coll.items.map((w: { name: string }) => w.name)).toEqual(['申报表', 'My Sheet']);
      expect(() => coll.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('empty cells read as "", formats default to General, fills come from getCellProperties', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('申报表').getRange('B2:D2');
      r.load('values,numberFormat');
      const props = r.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      expect(r.values).toEqual([['智慧城管', 3200, '']]);
      expect(r.numberFormat).toEqual([['General', '0.00', 'General']]);
      expect(props.value[0].map((p: any) => p.format.fill)).toEqual([
        { color: '#FFFF00', pattern: 'Solid' },
        { color: '#FFFFFF', pattern: 'None' },
        { color: '#FFFFFF', pattern: 'None' },
      ]);
    });
  });

  test('each sync is one request; Excel.run syncs what is left at the end', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRange('D1').values = [['new']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('申报表').getRange('D2').values = [['left for run']];
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requests.map((r) => r.ops)).toEqual([2, 2]);
    expect(fake.cell('申报表', 'D2').value).toBe('left for run');
  });

  test('a null object says so after sync; a missing sheet fails the request', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('nope');
      ws.load('name');
      const empty = ctx.workbook.worksheets.getItem('My Sheet').getRange('A1:A1').getMergedAreasOrNullObject();
      empty.load('address');
      const merged = ctx.workbook.worksheets.getItem('申报表').getRange('A1:C9').getMergedAreasOrNullObject();
      merged.load('address');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(empty.isNullObject).toBe(true);
      expect(merged.address).toBe('申报表!A5:C5');
      ctx.workbook.worksheets.getItem('nope').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });
});

describe('limits', () => {
  test('a request over 5 MB is refused and changes nothing', async () => {
    const fake = createFakeExcel(book());
    const big = Array.from({ length: 60000 }, () => ['x'.repeat(100)]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRange('E1:E60000').values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.cell('申报表', 'E1').value).toBe('');
    expect(fake.stats.requests).toHaveLength(0);
  });

  test('a response over 5 MB is refused too, and earlier writes in that request are undone', async () => {
    const rows = Array.from({ length: 30000 }, (_, i) => ['长文本'.repeat(30) + i]);
    const fake = createFakeExcel({ sheets: [{ name: 'S', values: rows }] });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B1').values = [['written first']];
      ws.getRange('A1:A30000').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.cell('S', 'B1').value).toBe('');
  });

  test('the limit is 5 MB: just under passes', async () => {
    const fake = createFakeExcel(book());
    const rows = Array.from({ length: 40000 }, () => ['y'.repeat(120)]);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRange('E1:E40000').values = rows;
      await ctx.sync();
    });
    expect(fake.stats.largestRequestBytes).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(fake.stats.largestRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  test('an address longer than 8192 characters is refused at sync', async () => {
    const fake = createFakeExcel(book());
    const cells = Array.from({ length: 2000 }, (_, i) => `A${i * 2 + 1}`).join(',');
    expect(cells.length).toBeGreaterThan(8192);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRanges(cells).format.fill.color = '#FF0000';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(fake.fills('申报表')).toEqual({ B2: '#FFFF00' });
    expect(fake.stats.longestAddress).toBe(cells.length);
    const ok = cells.slice(0, cells.lastIndexOf(',', 8192));
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRanges(ok).format.fill.color = '#FF0000';
    });
    expect(fake.cell('申报表', 'A3').fill).toBe('#FF0000');
  });

  test('APIs above the host requirement set fail with ApiNotFound', async () => {
    const fake = createFakeExcel(book(), { excelApiMinor: 17 });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await run(fake, async (ctx) => {
      ctx.workbook.notes.add('申报表!C3', 'x');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      ctx.workbook.comments.add('申报表!C3', 'x');
      await ctx.sync();
    });
    expect(fake.comments('申报表')).toEqual({ C3: 'x' });
  });

  test('an injected failure applies the calls before it and none after', async () => {
    const fake = createFakeExcel(book());
    fake.injectFailure({ atSync: 1, afterOps: 2 });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('申报表');
      ws.getRange('E1').values = [['a']]; // getRange + set = 2 calls
      ws.getRange('E2').values = [['b']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
    expect(fake.cell('申报表', 'E1').value).toBe('a');
    expect(fake.cell('申报表', 'E2').value).toBe('');
  });
});

describe('workbook parts', () => {
  test('custom XML parts, settings, notes and comments survive save and reopen', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      ctx.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
      ctx.workbook.settings.add('k', { v: [1, 2] });
      ctx.workbook.notes.add('申报表!C3', 'n');
      ctx.workbook.comments.add("'My Sheet'!A1", 'c');
    });
    const reopened = createFakeExcel(fake.save());
    await run(reopened, async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace('urn:x');
      parts.load('items/id');
      const s = ctx.workbook.settings.getItemOrNullObject('k');
      s.load('value');
      await ctx.sync();
      expect(parts.items).toHaveLength(1);
      const xml = parts.items[0].getXml();
      await ctx.sync();
      expect(xml.value).toBe('<a xmlns="urn:x">1</a>');
      expect(s.value).toEqual({ v: [1, 2] });
    });
    expect(reopened.notes('申报表')).toEqual({ A1: 'user note', C3: 'n' });
    expect(reopened.comments('My Sheet')).toEqual({ A1: 'c' });
  });

  test('a note on a cell that has one is refused; malformed XML is refused', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      ctx.workbook.notes.add('申报表!A1', 'again');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ctx.workbook.customXmlParts.add('not xml');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  test('select needs the sheet to be active first', async () => {
    const fake = createFakeExcel(book());
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('My Sheet').getRange('B2').select();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidSelection' });
      const ws = ctx.workbook.worksheets.getItem('My Sheet');
      ws.activate();
      ws.getRange('B2').select();
    });
    expect(fake.selection()).toEqual({ sheet: 'My Sheet', address: 'B2' });
  });
});

describe('events', () => {
  test('onChanged fires for user edits and for add-in writes, telling them apart (ExcelApi 1.14)', async () => {
    const fake = createFakeExcel(book());
    const seen: any[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e: unknown) => { seen.push(e); });
    });
    fake.userEdit('申报表', 'B3', '改了');
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('申报表').getRange('D2:D3').values = [['a'], ['b']];
    });
    await fake.flushEvents();
    expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
      ['B3', 'Unknown'],
      ['D2:D3', 'ThisLocalAddin'],
    ]);
  });

  test('before ExcelApi 1.14 events carry no trigger source', async () => {
    const fake = createFakeExcel(book(), { excelApiMinor: 13 });
    const seen: any[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e: unknown) => { seen.push(e); });
    });
    fake.userEdit('申报表', 'B3', 'x');
    await fake.flushEvents();
    expect(seen).toHaveLength(1);
    expect(seen[0].triggerSource).toBeUndefined();
  });
});

test('fakeFromSnapshot holds the snapshot values, formats and merges', async () => {
  const fake = fakeFromSnapshot({
    sheets: [{ name: 'S', rows: [['a', 1, null, { error: '#REF!' }]], formats: [[null, 'yyyy-mm-dd']], merges: [{ top: 1, left: 0, bottom: 1, right: 2 }] }],
  });
  expect(fake.cell('S', 'B1')).toMatchObject({ value: 1, format: 'yyyy-mm-dd', fill: null });
  expect(fake.cell('S', 'D1').value).toBe('#REF!');
  expect(fake.save().sheets[0].merges).toEqual(['A2:C2']);
});
