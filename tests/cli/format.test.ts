// Output formats: the JSON document's exact shape, CSV that Excel opens safely, and a readable text summary.
import { BOM, csvField, csvHeader, csvLine, formatCsvRows, formatJson, formatText, formatTextTotals } from '../../src/cli/format';
import type { FileResult } from '../../src/cli/format';
import { cite } from '../../src/engine/regulations';
import { SHEET_UNCHECKED, templateCitation } from '../../src/engine';
import type { Finding, Report } from '../../src/engine/types';
import { columnsOf } from '../support/report';

function finding(over: Partial<Finding>): Finding {
  return {
    sheet: '申报表',
    row: 7,
    column: 'F',
    cell: 'F7',
    ruleId: 'form.fundingSum',
    category: 'consistency',
    severity: 'error',
    messageId: 'form.fundingSum',
    params: {},
    message: '资金筹措合计 110 与项目投资 120 不符',
    citation: cite('yeji', '附件1'),
    ...over,
  };
}

function report(findings: Finding[]): Report {
  return {
    asOf: '2026-05-20',
    lang: 'zh',
    profile: { id: 'yeji', regulation: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）', detected: true, reason: '标题含“叶集”' },
    notices: [{ id: 'notice.x', severity: 'info', message: '提示一则', citation: null }],
    sheets: [
      {
        name: '申报表',
        kind: 'declaration',
        headerRow: 4,
        columns: { projectName: 'C', investment: 'F' },
        dataRows: [5, 6, 7],
        reason: '',
        unmappedColumns: [],
        computedColumns: columnsOf(
          [{ key: 'declarationDue', header: '申报截止（自动）', column: 'P' }],
          [{ sheet: '申报表', row: 5, key: 'declarationDue', header: '申报截止（自动）', column: 'P', value: '2026-09-30', type: 'date', provisional: false }],
        ),
      },
      { name: '填表说明', kind: 'unknown', headerRow: null, columns: {}, dataRows: [], reason: '没有表头', unmappedColumns: [], computedColumns: [] },
    ],
    findings,
  };
}

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['中文说明', '中文说明'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+86 138', `"'+86 138"`],
    ['-1+2', `"'-1+2"`],
    ['@cmd', `"'@cmd"`],
    ['\tTAB', `"'\tTAB"`],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test('numbers are written as numbers and null as empty', () => {
    expect(csvField(7)).toBe('7');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  test('lines end in CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('csv output', () => {
  test('header starts with the UTF-8 BOM; one line per finding and per notice; formulas neutralised', () => {
    const hostile = finding({ message: '=cmd|"/c calc"!A1', ruleId: 'x.y', row: 9, cell: 'C9' });
    const result: FileResult = { file: 'a,b.xlsx', report: report([finding({}), hostile]) };
    const text = csvHeader('zh') + formatCsvRows(result, 'zh');
    expect(text.startsWith(BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('文件,工作表,行,单元格,严重程度,规则,类别,说明,依据,核实情况');
    expect(lines).toHaveLength(1 + 1 + 2 + 1); // header, notice, two findings, trailing empty
    expect(lines[2]).toBe(
      '"a,b.xlsx",申报表,7,F7,错误,form.fundingSum,consistency,资金筹措合计 110 与项目投资 120 不符,《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1,',
    );
    expect(lines[3]).toContain(`"'=cmd|""/c calc""!A1"`);
    // No field of any line may start with a formula character once parsed.
    for (const line of lines.slice(1)) {
      for (const field of line.split(',')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
  });

  test('English header', () => {
    expect(csvHeader('en')).toBe(`${BOM}file,sheet,row,cell,severity,ruleId,category,message,citation,waiver\r\n`);
  });
});

describe('json output', () => {
  test('exact document shape, citations as strings', () => {
    const doc = JSON.parse(
      formatJson([{ file: 'x.xlsx', report: report([finding({})]) }, { file: 'bad.xlsx', error: '文件为空（0 字节）' }], '2026-05-20'),
    );
    expect(Object.keys(doc)).toEqual(['asOf', 'workbooks', 'errors']);
    expect(doc.asOf).toBe('2026-05-20');
    expect(doc.workbooks).toHaveLength(1);
    const wb = doc.workbooks[0];
    expect(Object.keys(wb)).toEqual(['file', 'profile', 'notices', 'sheets', 'findings', 'computed']);
    expect(wb.file).toBe('x.xlsx');
    expect(wb.profile.id).toBe('yeji');
    expect(wb.notices).toEqual([{ id: 'notice.x', severity: 'info', message: '提示一则', citation: null }]);
    expect(wb.sheets[0]).toEqual({ name: '申报表', kind: 'declaration', headerRow: 4, columns: { projectName: 'C', investment: 'F' }, unmappedColumns: [] });
    expect(wb.sheets[1]).toEqual({ name: '填表说明', kind: 'unknown', headerRow: null, columns: {}, unmappedColumns: [] });
    expect(wb.findings[0]).toEqual({
      sheet: '申报表',
      row: 7,
      column: 'F',
      cell: 'F7',
      ruleId: 'form.fundingSum',
      category: 'consistency',
      severity: 'error',
      message: '资金筹措合计 110 与项目投资 120 不符',
      citation: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1',
    });
    expect(wb.computed).toEqual([{ sheet: '申报表', row: 5, key: 'declarationDue', header: '申报截止（自动）', value: '2026-09-30' }]);
    expect(doc.errors).toEqual([{ file: 'bad.xlsx', error: '文件为空（0 字节）' }]);
  });

  test('no errors key when every file was usable', () => {
    const doc = JSON.parse(formatJson([{ file: 'x.xlsx', report: report([]) }], '2026-05-20'));
    expect(Object.keys(doc)).toEqual(['asOf', 'workbooks']);
  });
});

describe('text output', () => {
  test('zh: regulation, sheet kind and header row, counts, findings by row with cell, severity, message and citation', () => {
    const text = formatText(
      { file: 'x.xlsx', report: report([finding({}), finding({ row: 5, column: 'C', cell: 'C5', severity: 'info', message: '未识别费用' })]) },
      'zh',
    );
    expect(text).toContain('== x.xlsx ==');
    expect(text).toContain('适用办法：《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）（自动识别：标题含“叶集”）');
    expect(text).toContain('工作表「申报表」：申报表，表头第 4 行 — 错误 1，警告 0，提示 1');
    expect(text).toContain('工作表「填表说明」：未识别（没有表头）');
    expect(text).toMatch(/第 7 行\n\s+F7\s+错误  资金筹措合计 110 与项目投资 120 不符  〔《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1〕/);
    // Rows in order: row 5 comes before row 7.
    expect(text.indexOf('第 5 行')).toBeLessThan(text.indexOf('第 7 行'));
    expect(text).toContain('计算列写入 1 个值');
  });

  test('en labels', () => {
    const text = formatText({ file: 'x.xlsx', report: report([finding({})]) }, 'en');
    expect(text).toContain('Sheet "申报表": declaration table, header row 4 — 1 error(s), 0 warning(s), 0 info');
    expect(text).toContain('Row 7');
    expect(text).toContain('error  资金筹措合计');
  });

  test('unusable file and totals', () => {
    expect(formatText({ file: 'bad.xlsx', error: '文件为空（0 字节）' }, 'zh')).toContain('无法检查：文件为空（0 字节）');
    const totals = formatTextTotals([{ file: 'x.xlsx', report: report([finding({})]) }, { file: 'bad.xlsx', error: 'x' }], 'zh');
    expect(totals).toBe('共 2 个文件（其中 1 个无法检查）：错误 1，警告 0，提示 0\n');
  });
});

describe('an honest verdict', () => {
  const TEMPLATE_PHONE = '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1《六安市叶集区政务信息化项目申报表》联系电话';
  const unchecked = finding({
    sheet: '填表说明',
    row: 3,
    column: 'A',
    cell: 'A3',
    ruleId: SHEET_UNCHECKED,
    category: 'completeness',
    severity: 'warning',
    messageId: 'unrecognised',
    message: '未识别工作表“填表说明”（没有表头），表中数据未检查',
    citation: templateCitation('unknown')!,
  });
  const phone = finding({ row: 6, column: 'M', cell: 'M6', severity: 'warning', message: '联系电话“6012”不像有效的电话号码', citation: templateCitation('declaration', 'phone')! });

  test('zh: an unrecognised sheet with data lists its warning under it; the verdict counts it and never says 未发现问题', () => {
    const text = formatText({ file: 'x.xlsx', report: report([unchecked]) }, 'zh');
    expect(text).toMatch(/工作表「填表说明」：未识别（没有表头）\n\s+第 3 行\n\s+A3\s+警告  未识别工作表“填表说明”（没有表头），表中数据未检查  〔/);
    expect(text).toContain('  结论：错误 0，警告 1，提示 0；1 张工作表有数据未检查\n');
    expect(text).not.toContain('结论：未发现问题');
  });

  test('en: the same in English', () => {
    const text = formatText({ file: 'x.xlsx', report: report([{ ...unchecked, message: 'Sheet "填表说明" was not recognised; its data was not checked' }]) }, 'en');
    expect(text).toContain('Verdict: 0 error(s), 1 warning(s), 0 info; 1 sheet(s) hold data that was not checked');
    expect(text).not.toContain('Verdict: no problems found');
  });

  test('the verdict: 未发现问题 only when a sheet was checked and nothing was found; nothing recognised says so', () => {
    expect(formatText({ file: 'x.xlsx', report: report([]) }, 'zh')).toContain('  结论：未发现问题\n');
    const none = report([]);
    none.sheets = none.sheets.filter((s) => s.kind === 'unknown');
    expect(formatText({ file: 'x.xlsx', report: none }, 'zh')).toContain('  结论：没有识别出可检查的表，未做任何检查\n');
    expect(formatText({ file: 'x.xlsx', report: none }, 'en')).toContain('  Verdict: no sheet was recognised; nothing was checked\n');
    const warned = report([]);
    warned.notices.push({ id: 'engine/rule-failed', severity: 'warning', message: '规则出错', citation: null });
    expect(formatText({ file: 'x.xlsx', report: warned }, 'zh')).toContain('  结论：错误 0，警告 0，提示 0；另有 1 条警告或错误提示（见上）\n');
  });

  test('totals count the sheets left unchecked', () => {
    const totals = formatTextTotals([{ file: 'x.xlsx', report: report([unchecked]) }, { file: 'y.xlsx', report: report([]) }], 'zh');
    expect(totals).toBe('共 2 个文件：错误 0，警告 1，提示 0；1 张工作表有数据未检查\n');
    expect(formatTextTotals([{ file: 'x.xlsx', report: report([unchecked]) }], 'en')).toBe('1 file(s): 0 error(s), 1 warning(s), 0 info; 1 sheet(s) hold data that was not checked\n');
  });

  test('unused columns: one line per sheet in text, listed in JSON', () => {
    const r = report([]);
    r.sheets[0]!.unmappedColumns = [{ column: 'P', header: '审批文号' }, { column: 'Q', header: '资金来源说明' }];
    expect(formatText({ file: 'x.xlsx', report: r }, 'zh')).toMatch(/工作表「申报表」：申报表，表头第 4 行 — 未发现问题\n    未用到的列：P“审批文号”、Q“资金来源说明”\n/);
    expect(formatText({ file: 'x.xlsx', report: r }, 'en')).toContain('    Unused columns: P "审批文号", Q "资金来源说明"\n');
    expect(formatText({ file: 'x.xlsx', report: report([]) }, 'zh')).not.toContain('未用到的列');
    const doc = JSON.parse(formatJson([{ file: 'x.xlsx', report: r }], '2026-05-20'));
    expect(doc.workbooks[0].sheets[0].unmappedColumns).toEqual([{ column: 'P', header: '审批文号' }, { column: 'Q', header: '资金来源说明' }]);
  });

  test('a template citation reads as the regulation, the annex, the form and the field in text, JSON and CSV', () => {
    const result: FileResult = { file: 'x.xlsx', report: report([phone, unchecked]) };
    expect(formatText(result, 'zh')).toContain(`M6    警告  联系电话“6012”不像有效的电话号码  〔${TEMPLATE_PHONE}〕`);
    const doc = JSON.parse(formatJson([result], '2026-05-20'));
    expect(doc.workbooks[0].findings[0].citation).toBe(TEMPLATE_PHONE);
    expect(doc.workbooks[0].findings[1].citation).toBe(
      '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）附件1《六安市叶集区政务信息化项目申报表》、附件2《六安市叶集区政务信息化项目进度情况表》',
    );
    const lines = formatCsvRows(result, 'zh').split('\r\n');
    expect(lines[1]).toBe(`x.xlsx,申报表,6,M6,警告,form.fundingSum,consistency,联系电话“6012”不像有效的电话号码,${TEMPLATE_PHONE},`);
    expect(lines[2]).toContain(`,填表说明,3,A3,警告,${SHEET_UNCHECKED},completeness,`);
  });
});
