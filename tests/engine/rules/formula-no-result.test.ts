// Formulas saved without results (openpyxl, some exporters): one finding per sheet naming the cells and what to do.
import { check } from '../../../src/engine';
import type { CellValue, Report, WorkbookSnapshot } from '../../../src/engine/types';
import { DECLARATION_HEADERS, declarationRow, sheet } from '../../support/hostile';

const AS_OF = '2026-05-20';

function run(snapshot: WorkbookSnapshot): Report {
  return check(snapshot, { asOf: AS_OF, profile: 'yeji', lang: 'zh' });
}

/** A declaration: title, header, `n` data rows (Excel rows 3…), then `tail` rows; formulas by 0-based row. */
function declaration(n: number, tail: CellValue[][], formulas: Record<number, Record<number, string>>): WorkbookSnapshot {
  const rows: CellValue[][] = [['六安市叶集区政务信息化项目申报表'], DECLARATION_HEADERS];
  for (let i = 1; i <= n; i++) rows.push(declarationRow(i));
  rows.push(...tail);
  const grid: (string | null)[][] = rows.map(() => []);
  for (const [r, cols] of Object.entries(formulas)) {
    grid[+r] ??= [];
    for (const [c, f] of Object.entries(cols)) grid[+r]![+c] = f;
  }
  return { name: 'yeji.xlsx', sheets: [sheet('申报表', rows, { formulas: grid })] };
}

const SUMS = { 5: 'SUM(F3:F5)', 6: 'SUM(G3:G5)', 7: 'SUM(H3:H5)', 8: 'SUM(I3:I5)', 9: 'SUM(J3:J5)' };

test('a 合计 row of formulas without results: one warning naming every cell, what to do, citing the form’s 合计', () => {
  const r = run(declaration(3, [['合计']], { 5: SUMS }));
  const hits = r.findings.filter((f) => f.ruleId === 'format/formula-no-result');
  expect(hits).toHaveLength(1);
  const f = hits[0]!;
  expect(f.severity).toBe('warning');
  expect(f.cell).toBe('F6');
  expect(f.message).toContain('5个公式单元格没有计算结果（F6、G6、H6、I6、J6）');
  expect(f.message).toContain('合计行无法与各行之和核对');
  expect(f.message).toContain('在 Excel 或 WPS 中打开本文件，重新计算（F9）并保存');
  expect(f.citation).toMatchObject({ kind: 'template', profile: 'yeji' });
  expect(f.citation?.article).toContain('合计');
  // The totals check cannot compare what it cannot read, and says nothing of its own.
  expect(r.findings.filter((x) => x.ruleId === 'consistency/totals-row')).toEqual([]);
});

test('the same in English', () => {
  const r = check(declaration(3, [['合计']], { 5: SUMS }), { asOf: AS_OF, profile: 'yeji', lang: 'en' });
  const f = r.findings.find((x) => x.ruleId === 'format/formula-no-result')!;
  expect(f.message).toContain('5 formula cell(s) have no computed result (F6, G6, H6, I6, J6)');
  expect(f.message).toContain('Open the file in Excel or WPS, recalculate (F9), save it');
});

test('many cells over data rows: still one finding per sheet, the list cut after 12 with the count', () => {
  const formulas: Record<number, Record<number, string>> = {};
  for (let r = 2; r < 22; r++) formulas[r] = { 6: `F${r + 1}-I${r + 1}` };
  const snap = declaration(20, [], formulas);
  for (let r = 2; r < 22; r++) snap.sheets[0]!.rows[r]![6] = null;
  const hits = run(snap).findings.filter((f) => f.ruleId === 'format/formula-no-result');
  expect(hits).toHaveLength(1);
  expect(hits[0]!.message).toContain('20个公式单元格');
  expect(hits[0]!.message).toContain('G3、G4');
  expect(hits[0]!.message).toContain('等20个');
  expect(hits[0]!.message).not.toContain('G15');
  expect(hits[0]!.citation).toMatchObject({ kind: 'template' });
});

test('a label-less row holding only formulas without results is not dropped as blank', () => {
  const r = run(declaration(3, [[]], { 5: SUMS }));
  const hits = r.findings.filter((f) => f.ruleId === 'format/formula-no-result');
  expect(hits).toHaveLength(1);
  expect(hits[0]!.message).toContain('F6、G6、H6、I6、J6');
});

test('formulas with cached results, and formulas in columns no rule reads, say nothing', () => {
  const snap = declaration(3, [['合计', null, null, null, null, 360, 300, 0, 60, 0]], { 5: SUMS });
  expect(run(snap).findings.filter((f) => f.ruleId === 'format/formula-no-result')).toEqual([]);
  const unread = declaration(3, [], { 2: { 20: 'NOW()' } });
  expect(run(unread).findings.filter((f) => f.ruleId === 'format/formula-no-result')).toEqual([]);
});
