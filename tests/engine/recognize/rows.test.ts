// Which rows below a header are data, totals, notes, seals or blanks — one appended row at a time.
import { recognizeSheet } from '../../../src/engine/recognize';
import { lastNonBlankRow } from '../../../src/engine/recognize/rows';
import type { CellValue } from '../../../src/engine/types';
import { range, sheet } from './fixtures';

const HEADER: CellValue[] = ['序号', '建设单位', '项目名称', '建设年度', '项目投资（万元）', '财政资金（万元）', '负责人', '备注'];
const PROJECT: CellValue[] = [1, '某局', '政务云', '2024年', 100, 100, '张三', ''];

/** Bucket of the row appended after one project row (row 3 of the sheet: title, header, project, probe). */
function bucketOf(probe: CellValue[], mergeProbe?: string, before: CellValue[][] = [], after: CellValue[][] = []): string {
  const rows: CellValue[][] = [['申报表'], HEADER, PROJECT, ...before, probe, ...after];
  const probeRow = 3 + before.length;
  const merges = mergeProbe ? [range(mergeProbe.replace(/#/g, String(probeRow + 1)))] : [];
  const r = recognizeSheet(sheet('s', rows, merges));
  if (r.dataRows.includes(probeRow)) return 'data';
  if (r.totalsRows.includes(probeRow)) return 'totals';
  const s = r.skippedRows.find((x) => x.row === probeRow);
  return s ? s.reason : 'missing';
}

describe('totals rows', () => {
  test.each<[string, CellValue[], string]>([
    ['合计 in the first cell', ['合计', null, null, null, 100, 100], ''],
    ['合  计 with spaces', ['合  计', null, null, null, 100], ''],
    ['合\u3000计 with an ideographic space', ['合\u3000计', null, null, null, 100], ''],
    ['总计', ['总计', null, null, null, 100], ''],
    ['小计', [null, '小计', null, null, 100], ''],
    ['合计： with a colon', ['合计：', null, null, null, 100], ''],
    ['合计（万元）', ['合计（万元）', null, null, null, 100], ''],
    ['合计 in the third cell after a seq', [null, null, '合计', null, 100], ''],
    ['合计 merged over the first columns', ['合计', null, null, null, 100], 'A#:D#'],
  ])('%s', (_n, probe, merge) => {
    expect(bucketOf(probe, merge)).toBe('totals');
  });

  test.each<[string, CellValue[]]>([
    ['a project named 合计系统', [2, '某局', '合计系统', '2024年', 10, 10, '李四', '']],
    ['合计 far to the right (remark column)', [2, '某局', '政务外网', '2024年', 10, 10, '李四', '合计']],
  ])('%s is data', (_n, probe) => {
    expect(bucketOf(probe)).toBe('data');
  });
});

describe('notes, seals and sign-offs', () => {
  test.each<[string, CellValue[], string, string]>([
    ['说明：… alone', ['说明：1．本表由项目建设单位填写。'], 'note', ''],
    ['注： alone', ['注：金额单位为万元'], 'note', ''],
    ['注1. alone', ['注1.资金来源须注明'], 'note', ''],
    ['备注： alone', ['备注：无'], 'note', ''],
    ['填表说明 alone', ['填表说明'], 'note', ''],
    ['a section heading merged across the table', ['一、续建项目'], 'note', 'A#:H#'],
    ['a long note merged across the table', ['说明：本表由项目建设单位填写，主管部门盖章。'], 'note', 'A#:H#'],
    ['主管部门意见（盖章）', ['项目主管部门意见（盖章）：'], 'seal', ''],
    ['盖章 line', [null, null, '单位（盖章）'], 'seal', ''],
    ['年 月 日 alone, far right', [null, null, null, null, null, null, '年     月      日'], 'seal', ''],
    ['填表人 / 审核人', ['填表人：', '王五', null, '审核人：', '赵六'], 'seal', ''],
  ])('%s → %s', (_n, probe, expected, merge) => {
    expect(bucketOf(probe, merge)).toBe(expected);
  });

  test.each<[string, CellValue[]]>([
    ['blank cells', [null, '', '   ', '\u3000']],
    // What pasting from web pages and CSV leaves behind: a byte-order mark, line and paragraph separators, NBSP.
    ['cells of invisible white space only', ['\ufeff', '\u2028', '\u2029', '\u00a0\ufeff', '\u2003\n']],
    ['an empty array', []],
  ])('%s between projects → blank; trailing blanks are not listed', (_n, probe) => {
    expect(bucketOf(probe, undefined, [], [PROJECT])).toBe('blank');
    expect(bucketOf(probe)).toBe('missing');
  });

  test('numbered lines after a note are notes too', () => {
    expect(bucketOf(['2．每个项目的简要说明字数控制在200字以内。'], undefined, [['说明：1．本表由项目建设单位填写。']])).toBe('note');
  });

  test.each<[string, CellValue[]]>([
    ['a project whose name starts with 注', [2, '某局', '注册登记系统', '2024年', 10, 10, '李四', '']],
    ['a project row starting with its unit', [null, '说明书管理中心', '档案系统', '2024年', 10, 10, '李四', '']],
    ['a row with only the project name filled', [null, null, '待定项目']],
    ['a dated row with other values', ['2024年3月5日', '某局', 'X', '2024年', 10, 10, '李四', '']],
  ])('%s is data', (_n, probe) => {
    expect(bucketOf(probe)).toBe('data');
  });
});

describe('lastNonBlankRow', () => {
  test.each<[string, (CellValue[] | null)[], number, number]>([
    ['trailing empties', [['a'], ['b'], [], [null], null], 8, 1],
    ['only beyond the table', [['a'], [null, null, 'x']], 1, 0],
    ['whitespace only', [['a'], ['  ']], 5, 0],
    ['nothing', [[], null], 5, -1],
  ])('%s', (_n, rows, right, expected) => {
    expect(lastNonBlankRow(rows as CellValue[][], 0, right)).toBe(expected);
  });
});
