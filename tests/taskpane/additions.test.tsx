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
