// Writes two rounds of small 武隆 workbooks (declarations from two units, a progress ledger, the previous round's ledger) for the --summary tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

type V = string | number | Date | null;

function d(iso: string): Date {
  const [y, m, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, day!));
}

/** The very hidden sheet the add-in keeps a reviewer's 已核实 / 经评估同意 in (src/engine/waivers.ts). */
export interface WaiverRow {
  sheet: string;
  cell: string;
  rule: string;
  /** The cell's value when the waiver was recorded: another value than the cell's now makes the waiver stale. */
  value: string;
}

/** One sheet: a merged title row, a header row, the rows (dates as dates); an optional waiver sheet. */
export async function writeTable(file: string, sheet: string, title: string, headers: string[], rows: V[][], waivers: WaiverRow[] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  headers.forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      const cell = ws.getCell(i + 3, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }),
  );
  if (waivers.length) {
    const w = wb.addWorksheet('fundcheck_核实记录', { state: 'veryHidden' });
    w.addRow(['工作表', '单元格', '规则', '记录时的单元格值', '状态', '理由', '姓名', '日期']);
    for (const x of waivers) w.addRow([x.sheet, x.cell, x.rule, x.value, '已核实', '资金来源另有批复', '王审核', '2026-05-01']);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

export const DECL_HEADERS = ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）', '负责人', '联系人', '联系电话', '电子邮箱'];
export const LEDGER_HEADERS = ['序号', '建设单位', '项目名称', '总投资（万元）', '批复概算（万元）', '已投资（万元）', '建设进度', '开工日期', '建成日期', '验收日期'];
export const LEDGER_TITLE = '武隆区政务信息化项目进度台账（2026年）';

/** Declaration rows: [unit, name, investment, fiscal]. */
function declRows(rows: [string, string, number, number][]): V[][] {
  return rows.map(([unit, name, inv, fiscal], i) => [
    i + 1,
    unit,
    name,
    `建设${name}，依据《武隆区政务信息化项目管理办法》。`,
    '2027年1月至2027年12月',
    inv,
    fiscal,
    '张伟',
    '李娜',
    '023-77712345',
    'lina@wulong.gov.cn',
  ]);
}

/** The rows each round's ledger holds, by project: what the tests name. */
export const LEDGER = {
  campus: { unit: '武隆区教育委员会', name: '智慧校园综合管理平台' },
  city: { unit: '武隆区城市管理局', name: '数字城管平台' },
  emergency: { unit: '武隆区应急管理局', name: '应急指挥调度平台' },
};

/**
 * Writes `<dir>/本轮` (this round: 教委-申报表.xlsx, 街道-申报表.xlsx, 进度台账.xlsx and an Excel lock file) and
 * `<dir>/上一轮` (the previous round's 进度台账.xlsx). Planted, checked against 2026-05-20:
 * - 智慧校园综合管理平台: declared 1000 (教委-申报表 F3), 总投资 1200 in the ledger (D3); 已投资 700 → 600 (F3);
 * - 数字城管平台: built 2025-10-31, not accepted: 验收截止 2026-04-30 overdue; 建设进度 the same words both rounds (G4);
 * - 应急指挥调度平台: 验收截止 2026-06-10 ahead; progress 70% → 80% (moving: no finding);
 * - 雪亮工程视频监控补点: declared by 武隆区公安局 (教委-申报表 C5) and 武隆区凤山街道办事处 (街道-申报表 C3);
 * - 街道-申报表 rows 4 and 5: 财政资金 ≠ 项目投资 (errors of the check itself, on F4 and F5); F4's is waived (已核实),
 *   F5's waiver was recorded on another value (stale), so F5 stays an error.
 */
export async function writeSummaryFixtures(dir: string): Promise<{ current: string; previous: string }> {
  const current = path.join(dir, '本轮');
  const previous = path.join(dir, '上一轮');
  await writeTable(
    path.join(current, '教委-申报表.xlsx'),
    '申报表',
    '武隆区政务信息化项目申报表',
    DECL_HEADERS,
    declRows([
      [LEDGER.campus.unit, LEDGER.campus.name, 1000, 1000],
      ['武隆区教育委员会', '教育资源公共服务平台', 300, 300],
      ['武隆区公安局', '雪亮工程视频监控补点', 200, 200],
    ]),
  );
  await writeTable(
    path.join(current, '街道-申报表.xlsx'),
    '申报表',
    '武隆区政务信息化项目申报表',
    DECL_HEADERS,
    declRows([
      ['武隆区凤山街道办事处', '雪亮工程视频监控补点', 80, 80],
      ['武隆区凤山街道办事处', '社区网格化管理系统', 80, 50],
      ['武隆区凤山街道办事处', '智慧社区服务平台', 100, 60],
    ]),
    [
      { sheet: '申报表', cell: 'F4', rule: 'consistency/funding-sum', value: '80' },
      { sheet: '申报表', cell: 'F5', rule: 'consistency/funding-sum', value: '90' },
    ],
  );
  const ledgerRow = (p: { unit: string; name: string }, i: number, total: number, invested: number, progress: string, start: string, built: string | null): V[] => [
    i,
    p.unit,
    p.name,
    total,
    total,
    invested,
    progress,
    d(start),
    built ? d(built) : null,
    null,
  ];
  await writeTable(path.join(current, '进度台账.xlsx'), '进度台账', LEDGER_TITLE, LEDGER_HEADERS, [
    ledgerRow(LEDGER.campus, 1, 1200, 600, '已完成60%，预计2026年12月完工', '2025-06-01', null),
    ledgerRow(LEDGER.city, 2, 800, 780, '已建成，待验收，预计2026年6月完成验收', '2024-06-01', '2025-10-31'),
    ledgerRow(LEDGER.emergency, 3, 260, 200, '已完成80%，预计2026年6月完工', '2025-05-01', '2025-12-10'),
  ]);
  // Excel's lock file beside a workbook someone has open: listed as not checked, never read.
  fs.writeFileSync(path.join(current, '~$进度台账.xlsx'), Buffer.from([0x0c, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
  await writeTable(path.join(previous, '进度台账.xlsx'), '进度台账', LEDGER_TITLE, LEDGER_HEADERS, [
    ledgerRow(LEDGER.campus, 1, 1200, 700, '已完成50%，预计2026年12月完工', '2025-06-01', null),
    ledgerRow(LEDGER.city, 2, 800, 780, '已建成，待验收，预计2026年6月完成验收', '2024-06-01', '2025-10-31'),
    ledgerRow(LEDGER.emergency, 3, 260, 150, '已完成70%，预计2026年6月完工', '2025-05-01', '2025-12-10'),
  ]);
  return { current, previous };
}
