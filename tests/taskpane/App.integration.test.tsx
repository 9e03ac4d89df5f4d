/** @jest-environment jsdom */
// The pane over the real adapter, the strict fake Excel and the real engine: check marks cells, a click selects, clear restores the marks only.
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { createOfficeHost } from '../../src/excel';
import { createFakeExcel } from '../../src/fake-excel';
import './jsdom-env';

// Generous on purpose: a busy 2-core machine runs this several times slower.
jest.setTimeout(120_000);

// A Yeji declaration (附件1) with a funding split that does not add up and a phone number that is not one.
function workbook() {
  return createFakeExcel({
    name: '叶集区政务信息化项目申报表.xlsx',
    sheets: [
      { name: '说明', values: [['填表说明：本表由项目建设单位填写。']] },
      {
        name: '申报表',
        values: [
          ['六安市叶集区政务信息化项目申报表'],
          ['序号', '建设单位', '项目名称', '项目简要说明及建设依据', '建设年度', '项目投资（万元）', '财政资金（万元）', '银行贷款（万元）', '自筹（万元）', '其他（万元）', '负责人', '联系人', '联系电话', '电子邮箱', '备注'],
          [1, '叶集区数据资源管理局', '叶集区政务云平台扩容', '扩容计算存储资源', '2025年3月至2025年12月', 120, 100, 0, 10, 0, '张三', '李四', '0564-1234567', 'lisi@example.cn', ''],
          [2, '叶集区教育局', '智慧校园平台', '建设智慧校园', '2025年1月至2025年10月', 80, 80, 0, 0, 0, '王五', '赵六', '12', 'zhaoliu@example.cn', ''],
        ],
        merges: ['A1:O1'],
      },
    ],
  });
}

test('check → marks in the workbook; click a finding → its cell selected; clear → marks gone', async () => {
  const fake = workbook();
  const host = createOfficeHost(fake.Excel, fake.Office);
  const user = userEvent.setup({ delay: null });
  render(<App host={host} today="2025-01-10" lang="zh" />);

  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/, undefined, { timeout: 20_000 });
  expect(screen.queryByTestId('error')).toBeNull();
  expect(screen.getByTestId('profile-line')).toHaveTextContent('叶集');

  const findings = screen.getAllByTestId('finding');
  expect(findings.length).toBeGreaterThan(0);
  expect(Object.keys(fake.fills('申报表')).length).toBeGreaterThan(0);

  // The 100+0+10+0 ≠ 120 split and the phone "12" are on the 申报表 sheet's data rows.
  const onRow3or4 = findings.filter((f) => /^[A-Z]+[34]$/.test(f.getAttribute('data-cell') ?? '') && f.getAttribute('data-sheet') === '申报表');
  expect(onRow3or4.length).toBeGreaterThan(0);
  const target = onRow3or4[0];
  await user.click(target);
  await waitFor(() => expect(fake.selection()).toEqual({ sheet: '申报表', address: target.getAttribute('data-cell') }));

  await user.click(screen.getByRole('button', { name: '清除标记' }));
  await user.click(screen.getByRole('button', { name: '清除颜色和批注' }));
  await screen.findByText(/已清除标记/);
  expect(fake.fills('申报表')).toEqual({});
  expect(fake.notes('申报表')).toEqual({});
});

test('清除标记 after 填写期限列 keeps the filled columns', async () => {
  const fake = workbook();
  const host = createOfficeHost(fake.Excel, fake.Office);
  const user = userEvent.setup({ delay: null });
  render(<App host={host} today="2025-01-10" lang="zh" />);
  await user.click(screen.getByRole('button', { name: '填写期限列' }));
  await screen.findByText(/已填写/, undefined, { timeout: 20_000 });
  const headers = () => (fake.save().sheets[1].values![1] as unknown[]).filter((v) => typeof v === 'string' && v.endsWith('（自动）'));
  expect(headers().length).toBeGreaterThan(0);
  const filled = headers();
  await user.click(screen.getByRole('button', { name: '清除标记' }));
  await user.click(screen.getByRole('button', { name: '清除颜色和批注' }));
  await screen.findByText(/已清除标记/);
  expect(fake.fills('申报表')).toEqual({});
  expect(headers()).toEqual(filled);
});
