// The web worker's node:path shim gives node's path.posix answers for the package part names the copy writer handles.
import * as path from 'node:path';
import shim from '../../../src/web/shims/path';

const parts = ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', '/xl/styles.xml', 'xl/worksheets/_rels/sheet1.xml.rels', '[Content_Types].xml', 'a/b/../c/./d.xml', '../x.xml', 'xl/', '/'];

test.each(parts)('dirname, basename, extname, normalize of %s', (p) => {
  expect([shim.posix.dirname(p), shim.posix.basename(p), shim.posix.extname(p), shim.posix.normalize(p)]).toEqual([
    path.posix.dirname(p),
    path.posix.basename(p),
    path.posix.extname(p),
    path.posix.normalize(p),
  ]);
});

test.each([
  ['xl/worksheets', '../drawings/vmlDrawing1.vml'],
  ['xl', 'worksheets/sheet1.xml'],
  ['xl/worksheets', '/xl/comments1.xml'],
])('join(%s, %s)', (a, b) => expect(shim.posix.join(a, b)).toBe(path.posix.join(a, b)));

test.each([
  ['xl/worksheets', 'xl/comments1.xml'],
  ['xl/worksheets', 'xl/worksheets/sheet2.xml'],
  ['xl/worksheets', 'xl/drawings/vmlDrawing1.vml'],
  ['xl', 'xl/a/b.xml'],
])('relative(%s, %s)', (a, b) => expect(shim.posix.relative(a, b)).toBe(path.posix.relative(a, b)));
