/** @jest-environment jsdom */
// Pane additions over the real adapter, the strict fake Excel and the real engine: waive a finding (kept in the workbook, seen by the next reader, stale after an edit, removable) and export 检查结果.
import * as React from 'react';
import '@testing-library/jest-dom';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel, type FakeExcel } from '../../src/fake-excel';
import { WAIVER_HEADER, WAIVER_SHEET } from '../../src/engine/waivers';
import pkg from '../../package.json';
import './jsdom-env';

jest.setTimeout(120_000);

function workbook(): FakeExcel {
  return createFakeExcel({
    name: '叶集区政务信息化项目申报表.xlsx',
    sheets: [
      {
        name: '申报表',
        values: [
          ['六安市叶集区政务信息化项目申报表'],
          ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）', '银行贷款（万元）', '自筹（万元）', '其他（万元）', '负责人', '联系人', '联系电话', '电子邮箱', '备注'],
          [1, '叶集区数据资源管理局', '叶集区政务云平台扩容', '扩容计算存储资源', '2025年3月至2025年12月', 120, 120, 0, 0, 0, '张三', '李四', '0564-1234567', 'lisi@example.cn', ''],
          [2, '叶集区教育局', '智慧校园平台', '建设智慧校园', '2025年1月至2025年10月', 80, 80, 0, 0, 0, '王五', '赵六', '12', 'zhaoliu@example.cn', ''],
        ],
        merges: ['A1:O1'],
      },
    ],
  });
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/, undefined, { timeout: 20_000 });
}

const phoneItem = () => screen.getAllByTestId('finding').find((f) => f.getAttribute('data-cell') === 'M4')!;

beforeEach(() => localStorage.clear());

test('a waiver is recorded with a reason and name, kept in the workbook, shown to the next reader, stale after an edit, and removable', async () => {
  const fake = workbook();
  const user = userEvent.setup({ delay: null });
  const first = render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-10" lang="zh" />);
  await check(user);
  expect(phoneItem()).toBeDefined();
  await user.click(phoneItem());
  const actions = await screen.findByTestId('finding-actions');
  await user.click(within(actions).getByRole('button', { name: '核实…' }));
  const dialog = await screen.findByTestId('waiver-dialog');
  // The reason is required: nothing is written without one.
  await user.click(await within(dialog).findByRole('button', { name: '保存' }));
  expect(await within(dialog).findByText('请填写理由。')).toBeInTheDocument();
  expect(fake.save().sheets.some((s) => s.name === WAIVER_SHEET)).toBe(false);
  await user.click(within(dialog).getByRole('radio', { name: '经评估同意' }));
  await user.type(within(dialog).getByRole('textbox', { name: /理由/ }), '分机号，已电话核实');
  await user.type(within(dialog).getByRole('textbox', { name: /姓名/ }), '李娜');
  await user.click(within(dialog).getByRole('button', { name: '保存' }));
  await screen.findByText(/已记录核实情况/);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(within(phoneItem()).getByTestId('waiver')).toHaveTextContent('经评估同意分机号，已电话核实李娜，2025-01-10');

  const ws = fake.save().sheets.find((s) => s.name === WAIVER_SHEET)!;
  expect(ws.visibility).toBe('VeryHidden');
  expect(ws.values).toEqual([[...WAIVER_HEADER], ['申报表', 'M4', 'format/phone', '12', '经评估同意', '分机号，已电话核实', '李娜', '2025-01-10']]);
  first.unmount();
  cleanup();

  // The next reader opens the workbook: the waiver is there after a check, and the name is remembered on this computer.
  render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-11" lang="zh" />);
  await check(user);
  const badge = within(phoneItem()).getByTestId('waiver');
  expect(badge).toHaveTextContent('分机号，已电话核实');
  expect(badge).toHaveAttribute('data-stale', 'false');
  const other = screen.getAllByTestId('finding').find((f) => f !== phoneItem())!;
  await user.click(other);
  await user.click(within(await screen.findByTestId('finding-actions')).getByRole('button', { name: '核实…' }));
  const again = await screen.findByTestId('waiver-dialog');
  expect(await within(again).findByRole('textbox', { name: /姓名/ })).toHaveValue('李娜');
  await user.click(within(again).getByRole('button', { name: '取消' }));

  // The cell changes: the waiver says so.
  fake.userEdit('申报表', 'M4', '13');
  await check(user);
  expect(within(phoneItem()).getByTestId('waiver')).toHaveAttribute('data-stale', 'true');
  expect(within(phoneItem()).getByTestId('waiver')).toHaveTextContent('记录后单元格已改动');

  // Removed: gone from the list and from the workbook.
  await user.click(phoneItem());
  await user.click(within(await screen.findByTestId('finding-actions')).getByRole('button', { name: '撤销核实' }));
  await screen.findByText('已撤销核实。');
  expect(within(phoneItem()).queryByTestId('waiver')).toBeNull();
  expect(fake.save().sheets.find((s) => s.name === WAIVER_SHEET)!.values).toEqual([[...WAIVER_HEADER]]);
});

test('导出检查结果 writes the sheet 检查结果, and says before replacing an earlier one', async () => {
  const fake = workbook();
  const user = userEvent.setup({ delay: null });
  render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-10" lang="zh" />);
  await check(user);
  const n = screen.getAllByTestId('finding').length;
  await user.click(screen.getByRole('button', { name: '导出检查结果' }));
  expect(await screen.findByTestId('export-message')).toHaveTextContent(`已新建工作表“检查结果”，写入 ${n} 条问题`);
  const sheet = () => fake.save().sheets.find((s) => s.name === '检查结果')!;
  expect(sheet().values![0]).toEqual(['工作表', '单元格', '项目名称', '严重程度', '问题', '依据', '核实情况']);
  expect(sheet().values!.length).toBe(n + 1);
  expect(sheet().values!.some((r) => r[1] === 'M4' && r[2] === '智慧校园平台')).toBe(true);
  expect(sheet().bold).toEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1']);

  await user.click(screen.getByRole('button', { name: '导出检查结果' }));
  const confirm = await screen.findByTestId('export-confirm');
  expect(confirm).toHaveTextContent('已有工作表“检查结果”');
  await user.click(within(confirm).getByRole('button', { name: '替换并导出' }));
  expect(await screen.findByTestId('export-message')).toHaveTextContent('已替换工作表“检查结果”');
  expect(fake.save().sheets.filter((s) => s.name === '检查结果')).toHaveLength(1);
  // A re-check does not take the exported sheet for data.
  await check(user);
  expect(screen.getAllByTestId('finding').length).toBe(n);
});

test('the whole-workbook result comes first: regulation, 基准日期, sheets checked and not (why), counts per sheet and project, earlier marks', async () => {
  const fake = createFakeExcel({
    name: '叶集区政务信息化项目申报表.xlsx',
    sheets: [
      ...workbook().save().sheets,
      { name: '统计', values: [['类别', '数量', '备注'], ['甲', 3, 'x'], ['乙', 4, 'y'], ['丙', 5, 'z']] },
    ],
  });
  // A note of an earlier check on a cell: the pane says the workbook carries marks already.
  fake.save();
  const withNote = createFakeExcel({ ...fake.save(), sheets: fake.save().sheets.map((s) => (s.name === '申报表' ? { ...s, notes: { F3: '【fundcheck 资金规则检查】\n错误：旧的问题' } } : s)) });
  const user = userEvent.setup({ delay: null });
  render(<App host={createOfficeHost(withNote.Excel, withNote.Office)} today="2025-01-10" lang="zh" />);
  await check(user);
  const result = screen.getByTestId('workbook-result');
  expect(within(result).getByTestId('result-regulation')).toHaveTextContent('依据：《六安市叶集区政务信息化项目管理办法》');
  expect(within(result).getByTestId('result-asof')).toHaveTextContent('基准日期：2025-01-10');
  expect(within(result).getByTestId('result-earlier-marks')).toHaveTextContent('已带有之前检查留下的标记（1 个单元格');
  const n = screen.getAllByTestId('finding').filter((f) => f.getAttribute('data-sheet') === '申报表').length;
  expect(within(result).getByTestId('result-checked')).toHaveTextContent(`申报表（申报表）：${n} 个问题`);
  expect(within(result).getByTestId('result-not-checked')).toHaveTextContent(/统计：.+（表中有数据未检查）/);
  const projects = within(result).getByTestId('result-projects');
  expect(projects).toHaveTextContent(/智慧校园平台（申报表）：\d+ 个/);
  // It comes before the findings.
  expect(result.compareDocumentPosition(screen.getAllByTestId('finding')[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test('帮助 says what is recognised, what each button changes, the version and each regulation’s dates in force', async () => {
  const fake = workbook();
  const user = userEvent.setup({ delay: null });
  render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-10" lang="zh" />);
  await user.click(screen.getByRole('button', { name: '帮助' }));
  const help = await screen.findByTestId('help');
  expect(help).toHaveTextContent('申报表（附件1）');
  expect(help).toHaveTextContent('进度情况表（附件2）：一个项目一张表单，或一行一个项目的台账');
  expect(help).toHaveTextContent('费用明细');
  expect(within(help).getByTestId('help-buttons')).toHaveTextContent('导出检查结果：新建（或替换）工作表“检查结果”');
  expect(within(help).getByTestId('help-version')).toHaveTextContent(`版本 ${pkg.version}`);
  const regs = within(help).getByTestId('help-regulations');
  expect(regs).toHaveTextContent('《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）：自 2020-07-17 起施行');
  expect(regs).toHaveTextContent('有效期至 2024-09-28');
  expect(regs).toHaveTextContent('《武汉市政务信息化项目建设管理办法》：自印发之日起施行（未载明日期）');
});

test('a finding opens its article text and what to do; citations of the regulation named above read as the article alone', async () => {
  const { articleText } = jest.requireActual('../../src/engine/regulations') as typeof import('../../src/engine/regulations');
  const fake = workbook();
  const user = userEvent.setup({ delay: null });
  render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-10" lang="zh" />);
  await check(user);
  const item = phoneItem();
  // In the list: 依据 is the annex and field, the regulation being named once at the top.
  expect(item).toHaveTextContent('依据：附件1《六安市叶集区政务信息化项目申报表》联系电话');
  expect(item).not.toHaveTextContent('依据：《六安市叶集区');
  await user.click(item);
  await user.click(within(await screen.findByTestId('finding-actions')).getByRole('button', { name: '查看条文' }));
  const article = await screen.findByTestId('article');
  expect(within(article).getByTestId('article-heading')).toHaveTextContent('引用：附件1《六安市叶集区政务信息化项目申报表》联系电话');
  const expected = articleText({ profile: 'yeji', regulation: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）', article: '附件1《六安市叶集区政务信息化项目申报表》联系电话', kind: 'template' });
  if (expected) expect(within(article).getByTestId('article-text').textContent).toBe(expected.text);
  else expect(within(article).getByTestId('article-missing')).toBeInTheDocument();
  expect(within(article).getByTestId('article-todo')).toHaveTextContent(/^联系电话.+。改正单元格 M4后重新检查；如经核实确属合理，用“核实…”记下理由。$/);
  await user.click(within(article).getByRole('button', { name: '关闭条文' }));
  expect(screen.queryByTestId('article')).toBeNull();
});

test('移除计算列 and 撤销上次填写 are separate: each says what it will change (counts) and waits; marks stay when columns go', async () => {
  const fake = workbook();
  const user = userEvent.setup({ delay: null });
  render(<App host={createOfficeHost(fake.Excel, fake.Office)} today="2025-01-10" lang="zh" />);
  const original = fake.save().sheets[0].values;
  await user.click(screen.getByRole('button', { name: '填写期限列' }));
  await screen.findByText(/已填写/, undefined, { timeout: 20_000 });
  const filled = fake.save().sheets[0].values!;
  expect(filled).not.toEqual(original);
  const fills = fake.fills('申报表');
  expect(Object.keys(fills).length).toBeGreaterThan(0);

  await user.click(screen.getByRole('button', { name: '移除计算列' }));
  const ask = await screen.findByTestId('remove-confirm');
  expect(ask).toHaveTextContent(/将移除 \d+ 个计算列（表头以“（自动）”结尾）中的 \d+ 个单元格/);
  // Nothing changed yet.
  expect(fake.save().sheets[0].values).toEqual(filled);
  await user.click(within(ask).getByRole('button', { name: '移除计算列' }));
  expect(await screen.findByTestId('reversible-message')).toHaveTextContent(/已移除计算列：\d+ 个单元格/);
  expect(fake.save().sheets[0].values).toEqual(original);
  expect(fake.fills('申报表')).toEqual(fills);

  await user.click(screen.getByRole('button', { name: '撤销上次填写' }));
  const undo = await screen.findByTestId('undo-confirm');
  expect(undo).toHaveTextContent(`${Object.keys(fills).length} 个单元格恢复为填写前的颜色、批注和值`);
  await user.click(within(undo).getByRole('button', { name: '保留' }));
  expect(fake.fills('申报表')).toEqual(fills);
  await user.click(screen.getByRole('button', { name: '撤销上次填写' }));
  await user.click(within(await screen.findByTestId('undo-confirm')).getByRole('button', { name: '撤销上次填写' }));
  expect(await screen.findByTestId('reversible-message')).toHaveTextContent(`已撤销上次填写：${Object.keys(fills).length} 个单元格恢复原样。`);
  expect(fake.fills('申报表')).toEqual({});
  expect(fake.notes('申报表')).toEqual({});
});
