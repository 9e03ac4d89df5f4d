// The marks record: round-trips through XML (odd sheet names, previous values of every type), splits into parts under the size cap.
import { decodeRecord, encodeRecord, hashValue, MarksRecord, MARKS_NS } from '../../src/excel/record';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const rec: MarksRecord = {
  run: '2024-06-01/abc',
  sheets: [
    {
      sheet: '进度表 & "汇总" <1>',
      fills: [{ set: '#FFC7CE', orig: null, areas: ['B5:B9', 'C7'] }, { set: '#FFEB9C', orig: '#FFFF00 Gray50', areas: ['D1'] }],
      notes: [{ cell: 'B5', kind: 'note', hash: 'x1' }, { cell: 'C7', kind: 'comment', hash: 'y2' }],
      values: [
        { cell: 'P2', hash: 'h1', prev: '', prevFormat: 'General' },
        { cell: 'P3', hash: 'h2', prev: 45000, prevFormat: 'yyyy-mm-dd' },
        { cell: 'P4', hash: 'h3', prev: true, prevFormat: '@' },
        { cell: 'P5', hash: 'h4', prev: 'a"b<c>&\n', prevFormat: '0.00' },
      ],
    },
    { sheet: "O'Brien", fills: [], notes: [], values: [] },
  ],
};

test('encode then decode gives the record back', () => {
  const parts = encodeRecord(rec);
  expect(parts).toHaveLength(1);
  expect(parts[0]).toContain(`xmlns="${MARKS_NS}"`);
  const back = decodeRecord(parts);
  expect(back.run).toBe(rec.run);
  expect(back.sheets[0]).toEqual(rec.sheets[0]);
});

test('a large record splits into parts under the cap, in any order', () => {
  const values = Array.from({ length: 20000 }, (_, i) => ({ cell: `P${i + 3}`, hash: hashValue(i), prev: '' as const, prevFormat: 'General' }));
  const big: MarksRecord = { run: 'r', sheets: [{ sheet: 'S', fills: [], notes: [], values }] };
  const parts = encodeRecord(big, 100_000);
  expect(parts.length).toBeGreaterThan(4);
  expect(parts.every((p) => p.length <= 100_000)).toBe(true);
  expect(decodeRecord(parts.slice().reverse()).sheets[0].values.map((v) => v.cell).sort()).toEqual(values.map((v) => v.cell).sort());
});

test('hashValue tells a number from its text', () => {
  expect(hashValue(45000)).not.toBe(hashValue('45000'));
  expect(hashValue('x')).toBe(hashValue('x'));
});
