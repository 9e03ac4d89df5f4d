// The 附件2 form: which cells are labels, where their values are, and when a sheet is a form rather than a table.
import { recognizeSheet } from '../../../src/engine/recognize';
import { formLabelField } from '../../../src/engine/recognize/form';
import { normalizeHeader } from '../../../src/engine/recognize/normalize';
import type { CellValue, FieldKey } from '../../../src/engine/types';
import { LEDGER_HEADER, attachment2, sheet } from './fixtures';

describe('form labels', () => {
  test.each<[string, FieldKey]>([
    ['项目建设\n单位名称\n（盖章）', 'unit'],
    ['负责人', 'owner'],
    ['填报\n日期', 'reportDate'],
    ['传  真', 'fax'],
    ['联系人', 'contact'],
    ['电  话', 'phone'],
    ['手  机', 'mobile'],
    ['E-MAIL', 'email'],
    ['项目名称：', 'projectName'],
    ['主要内容', 'content'],
    ['建设单位', 'builder'],
    ['建设进度', 'progress'],
    ['总投资\n（万元）', 'totalInvestment'],
    ['已投资\n（万元）', 'invested'],
  ])('%j → %s', (label, field) => {
    expect(formLabelField(normalizeHeader(label))).not.toBeNull();
    const r = recognizeSheet(sheet('f', [[label, 'v'], ['项目名称', 'A'], ['负责人', '张三'], ['联系人', '李四'], ['总投资', 1]]));
    expect(r.kind).toBe('progress-form');
    expect(r.formFields[field]).toEqual({ row: 0, col: 1 });
  });

  test.each(['张三', '2024年4月3日', '年  月  日', '智慧城市建设项目一期工程（含数据中台、城市大脑、一网统管）', '联系人：王五', '0564-6661234'])(
    'value %j is not a label',
    (text) => {
      expect(formLabelField(normalizeHeader(text))).toBeNull();
    },
  );
});

describe('form or table', () => {
  test('a ledger header (labels side by side) is a table, not a form', () => {
    const r = recognizeSheet(sheet('t', [LEDGER_HEADER, LEDGER_HEADER.map(() => 'x')]));
    expect(r.kind).toBe('progress-table');
  });

  test('a ledger with blank spacer columns between labels is still a table', () => {
    const header: CellValue[] = ['项目名称', null, '总投资', null, '已投资', null, '建设进度', null, '负责人'];
    const r = recognizeSheet(sheet('t', [header, ['A', null, 10, null, 5, null, '50%', null, '张三']]));
    expect(r.kind).toBe('progress-table');
    expect(r.columns).toMatchObject({ projectName: 0, totalInvestment: 2, invested: 4, progress: 6, owner: 8 });
  });

  test('a filled 附件2 with values that look like text is a form', () => {
    const r = recognizeSheet(
      attachment2({
        unit: '叶集区数据资源管理局', owner: '张三', reportDate: 45385, contact: '李四', phone: '0564-6661234',
        projectName: '智慧城管平台', content: '建设城市管理指挥中心', builder: '某科技有限公司', progress: '已完成60%，预计2024年12月完成',
        totalInvestment: '300', invested: '180',
      }),
    );
    expect(r.kind).toBe('progress-form');
    expect(Object.keys(r.formFields).sort()).toEqual(
      ['builder', 'contact', 'content', 'email', 'fax', 'invested', 'mobile', 'owner', 'phone', 'progress', 'projectName', 'reportDate', 'totalInvestment', 'unit'],
    );
  });

  test('the first copy wins when a label appears twice', () => {
    const r = recognizeSheet(sheet('f', [['项目名称', 'A'], ['负责人', '张三'], ['联系人', '李四'], ['总投资', 1], ['项目名称', 'B']]));
    expect(r.formFields.projectName).toEqual({ row: 0, col: 1 });
  });
});
