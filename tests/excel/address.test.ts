// A1 address arithmetic: parsing, quoting, multi-area splitting, compression and chunking under the address limit.
import { cellAddress, chunkAddresses, colToLetters, compressCells, cellKey, lettersToCol, parseRect, quoteSheet, splitAreas, utf8Length } from '../../src/excel/address';

test.each([
  [0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD'],
])('column %i ↔ %s', (n, s) => {
  expect(colToLetters(n)).toBe(s);
  expect(lettersToCol(s)).toBe(n);
  expect(lettersToCol(s.toLowerCase())).toBe(n);
});

test.each([
  ['B5', { top: 4, left: 1, bottom: 4, right: 1 }],
  ['$B$5', { top: 4, left: 1, bottom: 4, right: 1 }],
  ['C9:B5', { top: 4, left: 1, bottom: 8, right: 2 }],
  ['B:C', { top: 0, left: 1, bottom: 1048575, right: 2 }],
  ['3:4', { top: 2, left: 0, bottom: 3, right: 16383 }],
])('parseRect(%s)', (a, r) => expect(parseRect(a)).toEqual(r));

test.each(['', 'B0', 'A1:B2:C3', '5', 'AAAA1', 'A1048577', 'B5!', '1A'])('parseRect rejects %p', (a) => {
  expect(parseRect(a)).toBeNull();
});

test.each([
  ['Sheet1', 'Sheet1'], ['进度表', '进度表'], ['My Sheet', "'My Sheet'"], ["O'Brien", "'O''Brien'"], ['A1', "'A1'"], ['2024', "'2024'"],
])('quoteSheet(%s) = %s', (n, q) => expect(quoteSheet(n)).toBe(q));

test('splitAreas reads quoted names with commas and quotes, and unqualified areas', () => {
  expect(splitAreas("'O''Brien, 表'!A1:B2,Sheet1!C3, D4")).toEqual([
    { sheet: "O'Brien, 表", rect: { top: 0, left: 0, bottom: 1, right: 1 } },
    { sheet: 'Sheet1', rect: { top: 2, left: 2, bottom: 2, right: 2 } },
    { sheet: null, rect: { top: 3, left: 3, bottom: 3, right: 3 } },
  ]);
  expect(() => splitAreas('Sheet1!nope')).toThrow();
});

test('compressCells joins vertical runs per column and drops duplicates', () => {
  const keys = [cellKey(4, 1), cellKey(5, 1), cellKey(6, 1), cellKey(9, 1), cellKey(4, 2), cellKey(5, 1)];
  expect(compressCells(keys)).toEqual(['B5:B7', 'B10', 'C5']);
  expect(compressCells([])).toEqual([]);
});

test('chunkAddresses keeps every chunk within the limit and loses nothing', () => {
  const areas = Array.from({ length: 5000 }, (_, i) => cellAddress(i * 3, i % 20));
  const chunks = chunkAddresses(areas, 8000);
  expect(chunks.every((c) => c.length <= 8000)).toBe(true);
  expect(chunks.join(',').split(',')).toEqual(areas);
});

test.each([
  ['abc', 3], ['进度', 6], ['é', 2], ['😀', 4], ['', 0],
])('utf8Length(%s) = %i', (s, n) => expect(utf8Length(s)).toBe(n));
