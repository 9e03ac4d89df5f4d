// One presentation: the CLI's annotated copy and the add-in mark the same finding with the same fill and note; old notes are still ours.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeAnnotatedCopy } from '../../src/cli/annotate';
import { readSpreadsheet } from '../../src/cli/read';
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import { cite } from '../../src/engine/regulations';
import {
  LEGACY_NOTE_MARKER,
  NOTE_MARKER,
  SEVERITIES,
  SEVERITY_FILL_RGB,
  SEVERITY_NAME,
  isOwnNote,
  noteText,
  ownNoteStart,
} from '../../src/engine/presentation';
import type { Finding, Lang, Report, Severity } from '../../src/engine/types';
import { load, noteString } from './helpers';
import { columnsOf } from '../support/report';

// Generous on purpose: a busy 2-core machine runs this several times slower.
jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-presentation-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEET = '进度台账';
const VALUES: (string | number)[][] = [
  ['武隆区政务信息化项目进度台账'],
  ['序号', '项目名称', '批复概算', '调整金额'],
  [1, '政务云扩容', 500, 90],
  [2, '数据共享平台', 300, 10],
  [3, '视频会议系统', 80, 0],
];

function finding(cell: string, severity: Severity, message: string, withCitation = true): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return {
    sheet: SHEET, row: +m[2]!, column: m[1]!, cell, ruleId: 'test.rule', category: 'change-limit', severity,
    messageId: 'test', params: {}, message, citation: withCitation ? cite('wulong', '第二十六条') : null,
  };
}

const FINDINGS: Finding[] = [
  finding('D3', 'info', '调整比例 18.00%'),
  finding('D3', 'error', '调整金额超过概算总投资的15%'),
  finding('C4', 'warning', '验收即将到期'),
  finding('B5', 'info', '项目名称与申报表不一致', false),
];

function report(lang: Lang): Report {
  return {
    asOf: '2026-05-20', lang,
    profile: { id: 'wulong', regulation: '', detected: true, reason: '' },
    notices: [],
    sheets: [{ name: SHEET, kind: 'progress-table', headerRow: 2, columns: { projectName: 'B' }, dataRows: [3, 4, 5], reason: '', unmappedColumns: [], computedColumns: columnsOf([]) }],
    findings: FINDINGS,
  };
}

async function writeInput(file: string, notes: Record<string, string | string[]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  for (const row of VALUES) ws.addRow(row);
  // An array is a note of several runs, as earlier copies wrote ours below a user's note.
  for (const [ref, text] of Object.entries(notes)) ws.getCell(ref).note = typeof text === 'string' ? text : { texts: text.map((t) => ({ text: t })) };
  await wb.xlsx.writeFile(file);
  return file;
}

async function cliMarks(lang: Lang): Promise<Map<string, { fill: string | null; note: string }>> {
  const input = await writeInput(path.join(dir, `in-${lang}.xlsx`));
  const { snapshot, format } = await readSpreadsheet(input);
  const out = await writeAnnotatedCopy({ input, format, snapshot, report: report(lang), lang, outPath: path.join(dir, `out-${lang}.xlsx`) });
  const ws = (await load(out)).getWorksheet(SHEET)!;
  const marks = new Map<string, { fill: string | null; note: string }>();
  for (const ref of ['D3', 'C4', 'B5']) {
    const argb = (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    marks.set(ref, { fill: argb ? '#' + argb.slice(2).toUpperCase() : null, note: noteString(ws.getCell(ref).note) });
  }
  return marks;
}

async function addinMarks(lang: Lang): Promise<Map<string, { fill: string | null; note: string }>> {
  const fake = createFakeExcel({ sheets: [{ name: SHEET, values: VALUES }] });
  const host = createOfficeHost(fake.Excel, fake.Office);
  await host.applyReport(report(lang), { lang, fillComputed: false });
  const marks = new Map<string, { fill: string | null; note: string }>();
  for (const ref of ['D3', 'C4', 'B5']) {
    const c = fake.cell(SHEET, ref);
    marks.set(ref, { fill: c.fill ? c.fill.toUpperCase() : null, note: c.note ?? '' });
  }
  return marks;
}

describe.each(['zh', 'en'] as const)('the same finding looks the same in the CLI copy and the add-in (%s)', (lang) => {
  test('same fill, same note', async () => {
    const [cli, addin] = await Promise.all([cliMarks(lang), addinMarks(lang)]);
    expect(cli).toEqual(addin);
    // And it is the shared presentation, not two copies that happen to agree.
    expect(addin.get('D3')).toEqual({ fill: '#' + SEVERITY_FILL_RGB.error, note: noteText(FINDINGS.slice(0, 2), lang) });
    expect(addin.get('C4')!.fill).toBe('#' + SEVERITY_FILL_RGB.warning);
    expect(addin.get('B5')!.fill).toBe('#' + SEVERITY_FILL_RGB.info);
  });
});

describe('note text', () => {
  test('one finding per line, most severe first, with its citation; full-width punctuation in Chinese', () => {
    const zh = noteText(FINDINGS.slice(0, 2), 'zh').split('\n');
    expect(zh).toEqual([
      NOTE_MARKER.zh,
      '错误：调整金额超过概算总投资的15%（依据：《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）第二十六条）',
      '提示：调整比例 18.00%（依据：《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）第二十六条）',
    ]);
    expect(noteText([FINDINGS[3]!], 'en')).toBe(`${NOTE_MARKER.en}\nInfo: 项目名称与申报表不一致`);
    expect(SEVERITIES.map((s) => SEVERITY_NAME.zh[s])).toEqual(['错误', '警告', '提示']);
  });

  test('the info fill is none of the templates’ light-blue header bands, and the three fills differ', () => {
    expect(['DDEBF7', 'BDD7EE', 'D9E1F2', 'B4C6E7']).not.toContain(SEVERITY_FILL_RGB.info);
    expect(new Set(Object.values(SEVERITY_FILL_RGB)).size).toBe(3);
  });

  test('notes of ours are told from the user’s by their first line, the old CLI marker included', () => {
    expect(isOwnNote(noteText(FINDINGS, 'zh'))).toBe(true);
    expect(isOwnNote(noteText(FINDINGS, 'en'))).toBe(true);
    expect(isOwnNote(`${LEGACY_NOTE_MARKER}\n【错误】旧的说明\n依据：第二十六条`)).toBe(true);
    expect(isOwnNote('fundcheck 报告说这里有问题')).toBe(false);
    expect(isOwnNote('经办人备注')).toBe(false);
    expect(ownNoteStart(`经办人备注\n\n${LEGACY_NOTE_MARKER}\n【警告】旧`)).toBe(5);
    expect(ownNoteStart('经办人备注\n\n第二段')).toBe(-1);
  });
});

test('re-checking a copy an earlier version wrote replaces its old-marker notes and keeps the user’s text', async () => {
  const input = await writeInput(path.join(dir, 'old-copy.xlsx'), {
    D3: `${LEGACY_NOTE_MARKER}\n【错误】旧的说明\n依据：第二十六条`,
    C4: ['经办人备注', `\n\n${LEGACY_NOTE_MARKER}\n【警告】旧的说明`],
    A1: `${LEGACY_NOTE_MARKER}\n【提示】已不再有的问题`,
    B3: '用户自己的批注',
  });
  const { snapshot, format } = await readSpreadsheet(input);
  const out = await writeAnnotatedCopy({ input, format, snapshot, report: report('zh'), lang: 'zh', outPath: path.join(dir, 'old-copy-out.xlsx') });
  const ws = (await load(out)).getWorksheet(SHEET)!;
  expect(noteString(ws.getCell('D3').note)).toBe(noteText(FINDINGS.slice(0, 2), 'zh'));
  expect(noteString(ws.getCell('C4').note)).toBe(`经办人备注\n\n${noteText([FINDINGS[2]!], 'zh')}`);
  expect(ws.getCell('A1').note ?? null).toBeNull();
  expect(noteString(ws.getCell('B3').note)).toBe('用户自己的批注');
});
