/** @jest-environment jsdom */
// Task pane behaviour through a fake WorkbookHost: check/clear/fill, findings, filters, navigation, settings, errors.
import * as React from 'react';
import '@testing-library/jest-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckOptions, Report, WorkbookSnapshot } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { SNAPSHOT, fakeHost, stubReport } from './fixtures';
import { columnsOf } from '../support/report';
import './jsdom-env';

// The pane always gets runCheck injected here; the engine itself is tested on its own.
jest.mock('../../src/engine', () => ({
  check: () => {
    throw new Error('tests inject runCheck');
  },
}));

const TODAY = '2024-06-01';
// Fluent renders are heavy under jsdom and this 2-core machine is shared with other suites: generous on purpose.
jest.setTimeout(120_000);

function setup(
  opts: { host?: ReturnType<typeof fakeHost>; report?: (o: CheckOptions) => Report; pageSize?: number; liveDelayMs?: number } = {},
) {
  const host = opts.host ?? fakeHost();
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) =>
    opts.report ? opts.report(o) : stubReport(o.lang ?? 'zh', o.asOf),
  );
  const user = userEvent.setup({ delay: null });
  const utils = render(
    <App host={host} runCheck={runCheck} today={TODAY} lang="zh" pageSize={opts.pageSize} liveDelayMs={opts.liveDelayMs} />,
  );
  return { host, runCheck, user, ...utils };
}

async function checkOnce(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
}

let consoleSpies: jest.SpyInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => {}));
});
afterEach(() => {
  // Nothing from the workbook may reach the console.
  for (const spy of consoleSpies) {
    const text = JSON.stringify(spy.mock.calls);
    expect(text).not.toContain('智慧城管平台');
    expect(text).not.toContain('办公耗材');
    spy.mockRestore();
  }
});

describe('task pane', () => {
  test('check reads, checks with the pane settings, marks, and shows profile, notices and findings', async () => {
    const { host, runCheck, user } = setup();
    await checkOnce(user);

    expect(host.readSnapshot).toHaveBeenCalledTimes(1);
    // The check runs with the run's abort signal and a progress callback, so a long check can be cancelled.
    expect(runCheck).toHaveBeenCalledWith(SNAPSHOT, { asOf: TODAY, profile: 'auto', lang: 'zh', overrides: {} }, expect.objectContaining({ signal: expect.any(AbortSignal), onProgress: expect.any(Function) }));
    expect(host.applyReport).toHaveBeenCalledTimes(1);
    expect(host.applyReport.mock.calls[0][1]).toMatchObject({ lang: 'zh', fillComputed: false });
    expect(screen.getByText('检查完成：发现 3 个问题，已标记 3 个单元格。')).toBeInTheDocument();

    expect(screen.getByTestId('profile-line')).toHaveTextContent('已识别为：武隆（工作簿名称含“武隆”）');
    expect(screen.getByTestId('notice')).toHaveTextContent('这是一条提示');
    expect(screen.getByTestId('count-error')).toHaveTextContent('错误 1');
    expect(screen.getByTestId('count-warning')).toHaveTextContent('警告 1');
    expect(screen.getByTestId('count-info')).toHaveTextContent('提示 1');
    expect(screen.getByTestId('category-eligibility')).toHaveTextContent('经费范围：1');

    // Grouped by sheet in workbook order, then by row.
    const cells = screen.getAllByTestId('finding').map((el) => `${el.getAttribute('data-sheet')}!${el.getAttribute('data-cell')}`);
    expect(cells).toEqual(['申报表!D3', '申报表!B4', '费用明细!A2']);
    const first = screen.getByRole('region', { name: '申报表' });
    expect(within(first).getByText('第 3 行')).toBeInTheDocument();
    expect(within(first).getByText(/第九条/)).toBeInTheDocument();
  });

  test('report text is rendered as text, never as HTML', async () => {
    const { user, container } = setup();
    await checkOnce(user);
    expect(screen.getByText('联系电话格式不对 <b>不是HTML</b>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  test('filter by severity and category', async () => {
    const { user } = setup();
    await checkOnce(user);
    await user.selectOptions(screen.getByLabelText('严重程度'), 'error');
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-cell'))).toEqual(['A2']);
    await user.selectOptions(screen.getByLabelText('严重程度'), 'all');
    await user.selectOptions(screen.getByLabelText('类别'), 'format');
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-cell'))).toEqual(['B4']);
    await user.selectOptions(screen.getByLabelText('严重程度'), 'info');
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeInTheDocument();
  });

  test('clicking a finding, pressing Enter on one, and next/previous select its cell', async () => {
    const { host, user } = setup();
    await checkOnce(user);
    const items = screen.getAllByTestId('finding');
    await user.click(items[1]);
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'B4');
    expect(items[1]).toHaveAttribute('aria-current', 'true');

    await user.click(screen.getByRole('button', { name: '下一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('费用明细', 'A2');
    expect(screen.getByRole('button', { name: '下一个' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '上一个' }));
    await user.click(screen.getByRole('button', { name: '上一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'D3');

    screen.getAllByTestId('finding')[2].focus();
    await user.keyboard('{Enter}');
    expect(host.selectCell).toHaveBeenLastCalledWith('费用明细', 'A2');
    screen.getAllByTestId('finding')[1].focus();
    await user.keyboard(' ');
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'B4');
  });

  test('clear says what it will clear, waits for confirmation, then clears only the marks', async () => {
    const { host, user } = setup();
    await checkOnce(user);
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    // Nothing is cleared yet: the pane says what goes and what stays.
    expect(host.clearMarks).not.toHaveBeenCalled();
    expect(screen.getByTestId('clear-confirm')).toHaveTextContent('期限列和审批/管理路径列保留');
    await user.click(screen.getByRole('button', { name: '不清除' }));
    expect(screen.queryByTestId('clear-confirm')).toBeNull();
    expect(host.clearMarks).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await user.click(screen.getByRole('button', { name: '清除颜色和批注' }));
    expect(host.clearMarks).toHaveBeenCalledTimes(1);
    expect(host.clearMarks).toHaveBeenCalledWith({ keepComputed: true });
    expect(await screen.findByText('已清除标记：3 个单元格恢复原来的填充色。')).toBeInTheDocument();
    expect(screen.queryByTestId('clear-confirm')).toBeNull();
  });

  test('fill deadline columns applies the report with fillComputed', async () => {
    const host = fakeHost({ applyReport: jest.fn(async () => ({ marked: 3, computed: 21, computedDates: 10 })) });
    const { user } = setup({ host });
    await user.click(screen.getByRole('button', { name: '填写期限列' }));
    // 审批/管理路径 texts are no deadlines: counted apart.
    expect(await screen.findByText('已填写 10 个期限日期和 11 个审批/管理路径等其他计算值，已标记 3 个单元格。')).toBeInTheDocument();
    expect(host.applyReport.mock.calls[0][1]).toMatchObject({ fillComputed: true });
  });

  test('a second click of 检查 while running does not cancel; 取消, its own button, does', async () => {
    let seenSignal: AbortSignal | undefined;
    const host = fakeHost({
      readSnapshot: jest.fn(
        (_p: unknown, signal?: AbortSignal) =>
          new Promise((_, reject) => {
            seenSignal = signal;
            signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    });
    const { runCheck, user } = setup({ host });
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByText('正在读取工作簿…')).toBeInTheDocument();
    expect(seenSignal?.aborted).toBe(false);
    // A double-click's second click lands on 检查 again: the run goes on.
    await user.click(screen.getByRole('button', { name: '检查' }));
    await user.dblClick(screen.getByRole('button', { name: '填写期限列' }));
    expect(seenSignal?.aborted).toBe(false);
    expect(host.readSnapshot).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('已取消。')).toBeNull();
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(seenSignal?.aborted).toBe(true);
    expect(await screen.findByText('已取消。')).toBeInTheDocument();
    expect(runCheck).not.toHaveBeenCalled();
    expect(host.applyReport).not.toHaveBeenCalled();
    expect(screen.queryByTestId('error')).toBeNull();
    expect(screen.getByRole('button', { name: '检查' })).toBeEnabled();
  });

  test('a cancelled run that the host ignores does not show its results', async () => {
    let resolveRead: (s: WorkbookSnapshot) => void = () => {};
    const host = fakeHost({ readSnapshot: jest.fn(() => new Promise((r) => (resolveRead = r))) });
    const { runCheck, user } = setup({ host });
    await user.click(screen.getByRole('button', { name: '检查' }));
    await user.click(await screen.findByRole('button', { name: '取消' }));
    await act(async () => resolveRead(SNAPSHOT));
    expect(await screen.findByText('已取消。')).toBeInTheDocument();
    expect(runCheck).not.toHaveBeenCalled();
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
  });

  test('shows progress while the host reports it', async () => {
    let report: (d: number, t: number) => void = () => {};
    let finish: (s: WorkbookSnapshot) => void = () => {};
    const host = fakeHost({
      readSnapshot: jest.fn((p: (d: number, t: number) => void) => {
        report = p;
        return new Promise((r) => (finish = r));
      }),
    });
    const { user } = setup({ host });
    await user.click(screen.getByRole('button', { name: '检查' }));
    act(() => report(40, 100));
    expect(await screen.findByText('40 / 100')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.4');
    await act(async () => finish(SNAPSHOT));
    await screen.findByText(/检查完成/);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test.each([
    ['readSnapshot', '无法读取工作簿：文件已损坏'],
    ['applyReport', '无法在工作簿中标记问题：文件已损坏'],
  ] as const)('an error from %s is shown in the pane in words', async (method, text) => {
    const host = fakeHost({ [method]: jest.fn(async () => Promise.reject(new Error('文件已损坏'))) });
    const { user } = setup({ host });
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('button', { name: '检查' })).toBeEnabled();
  });

  test('an error thrown by the check itself is shown', async () => {
    const { user } = setup({
      report: () => {
        throw new Error('规则表损坏');
      },
    });
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('检查时出错：规则表损坏');
  });

  test('language switch re-renders the pane and the findings in English without reading the workbook again', async () => {
    const { host, runCheck, user } = setup();
    await checkOnce(user);
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(screen.getByRole('button', { name: 'Check' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear marks' })).toBeInTheDocument();
    expect(runCheck).toHaveBeenLastCalledWith(SNAPSHOT, expect.objectContaining({ lang: 'en' }));
    expect(screen.getByText('Office consumables are not eligible')).toBeInTheDocument();
    expect(screen.getByTestId('profile-line')).toHaveTextContent('Detected: Wulong');
    expect(host.readSnapshot).toHaveBeenCalledTimes(1);
    // The notes in the sheet are still Chinese: the pane says so, and a re-check in English writes English notes.
    expect(screen.getByTestId('notes-language')).toHaveTextContent('still in Chinese');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/Check finished/);
    expect(host.applyReport).toHaveBeenLastCalledWith(expect.objectContaining({ lang: 'en' }), expect.objectContaining({ lang: 'en' }));
    expect(screen.queryByTestId('notes-language')).toBeNull();
    await user.click(screen.getByRole('button', { name: '切换到中文' }));
    expect(screen.getByText('办公耗材不纳入政务信息化项目')).toBeInTheDocument();
    expect(screen.getByTestId('notes-language')).toHaveTextContent('仍是英文');
  });

  test('profile and reference date are saved to the workbook and used by the check', async () => {
    const { host, runCheck, user } = setup();
    await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
    await user.selectOptions(screen.getByLabelText('适用办法'), 'laizhou');
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'laizhou', asOf: TODAY, overrides: {} });
    const date = screen.getByLabelText('基准日期');
    await user.clear(date);
    await user.type(date, '2025-01-15');
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'laizhou', asOf: '2025-01-15', overrides: {} });
    await checkOnce(user);
    expect(runCheck).toHaveBeenLastCalledWith(SNAPSHOT, expect.objectContaining({ profile: 'laizhou', asOf: '2025-01-15' }), expect.objectContaining({ signal: expect.any(AbortSignal), onProgress: expect.any(Function) }));
  });

  test('settings saved in the workbook are restored on open', async () => {
    const host = fakeHost({
      loadSettings: jest.fn(async () => ({ profile: 'yeji', asOf: '2023-03-31', overrides: { 费用明细: { kind: 'unknown' } } })),
    });
    const { runCheck, user } = setup({ host });
    await waitFor(() => expect(screen.getByLabelText('适用办法')).toHaveValue('yeji'));
    expect(screen.getByLabelText('基准日期')).toHaveValue('2023-03-31');
    await checkOnce(user);
    expect(runCheck).toHaveBeenLastCalledWith(SNAPSHOT, {
      asOf: '2023-03-31',
      profile: 'yeji',
      lang: 'zh',
      overrides: { 费用明细: { kind: 'unknown' } },
    }, expect.objectContaining({ signal: expect.any(AbortSignal), onProgress: expect.any(Function) }));
  });

  test('sheet recognition is listed and can be overridden; the override is saved and passed to the check', async () => {
    const { host, runCheck, user } = setup();
    await checkOnce(user);
    await user.click(screen.getByRole('tab', { name: /工作表/ }));
    const sheets = screen.getAllByTestId('sheet');
    expect(sheets.map((el) => el.getAttribute('data-sheet'))).toEqual(['申报表', '费用明细']);
    expect(within(sheets[0]).getByTestId('sheet-kind')).toHaveTextContent('申报表');
    expect(within(sheets[0]).getByTestId('sheet-header-row')).toHaveTextContent('表头行：2');
    expect(within(sheets[1]).getByTestId('sheet-kind')).toHaveTextContent('费用明细');

    await user.selectOptions(screen.getByLabelText('申报表 表格类型'), 'progress-table');
    await user.type(screen.getByLabelText('申报表 表头行'), '3');
    const expected = { 申报表: { kind: 'progress-table', headerRow: 3 } };
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: expected });
    expect(screen.getByRole('status')).toHaveTextContent('识别设置已更改');

    await user.click(screen.getByRole('button', { name: '检查' }));
    await waitFor(() => expect(runCheck).toHaveBeenCalledTimes(2));
    expect(runCheck.mock.calls[1][1].overrides).toEqual(expected);

    await user.selectOptions(screen.getByLabelText('申报表 表格类型'), '');
    await user.clear(screen.getByLabelText('申报表 表头行'));
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: {} });
  });

  test('an unused column can be read as a field or ignored; the mapping is saved and passed to the check', async () => {
    const report = (o: CheckOptions): Report => {
      const r = stubReport(o.lang ?? 'zh', o.asOf);
      r.sheets[0] = { ...r.sheets[0], unmappedColumns: [{ column: 'F', header: '资金盘子（万元）' }] };
      return r;
    };
    const { host, runCheck, user } = setup({ report });
    await checkOnce(user);
    await user.click(screen.getByRole('tab', { name: /工作表/ }));
    const sheet = screen.getAllByTestId('sheet')[0];
    expect(within(sheet).getByTestId('sheet-unmapped')).toHaveTextContent('未用到的列：F“资金盘子（万元）”');
    const picker = within(sheet).getByLabelText('申报表 F列“资金盘子（万元）”');
    // the declaration's own fields come first, after 自动识别 and 不读取此列
    expect([...picker.querySelectorAll('option')].slice(0, 4).map((o) => o.textContent)).toEqual(['自动识别', '不读取此列', '序号', '建设单位']);

    await user.selectOptions(picker, 'investment');
    const expected = { 申报表: { columns: { F: 'investment' } } };
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: expected });
    await user.click(screen.getByRole('button', { name: '检查' }));
    await waitFor(() => expect(runCheck).toHaveBeenCalledTimes(2));
    expect(runCheck.mock.calls[1][1].overrides).toEqual(expected);

    await user.selectOptions(within(screen.getAllByTestId('sheet')[0]).getByLabelText('申报表 F列“资金盘子（万元）”'), '-');
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: { 申报表: { columns: { F: null } } } });
    await user.selectOptions(within(screen.getAllByTestId('sheet')[0]).getByLabelText('申报表 F列“资金盘子（万元）”'), '');
    expect(host.saveSettings).toHaveBeenLastCalledWith({ profile: 'auto', asOf: TODAY, overrides: {} });
  });

  test('deadlines view lists computed dates overdue first, then soonest, with project names', async () => {
    const base = stubReport('zh');
    const computed = (row: number, value: string, header = '验收截止（自动）') =>
      ({ sheet: '申报表', row, key: 'acceptanceDue', header, column: 'E', value, type: 'date' }) as const;
    // Three dated columns and a text one (which the view leaves out).
    const layout = [
      { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'E' },
      { key: 'approvalPath' as const, header: '审批路径（自动）', column: 'F' },
      { key: 'selfEvaluationDue' as const, header: '绩效自评价截止（自动）', column: 'G' },
      { key: 'standardPublicationDue' as const, header: '标准发布截止（自动）', column: 'H' },
    ];
    const report = (o: CheckOptions): Report => ({
      ...base,
      asOf: o.asOf,
      sheets: [
        {
          ...base.sheets[0]!,
          computedColumns: columnsOf(layout, [
            computed(3, '2024-07-01'),
            computed(4, '2024-05-01'),
            { ...computed(3, '前置审批', '审批路径（自动）'), key: 'approvalPath', column: 'F', type: 'text' },
            { ...computed(4, '2025-01-01', '绩效自评价截止（自动）'), key: 'selfEvaluationDue', column: 'G' },
            { ...computed(3, '2024-03-01', '标准发布截止（自动）'), key: 'standardPublicationDue', column: 'H' },
          ]),
        },
        ...base.sheets.slice(1),
      ],
    });
    const { host, user } = setup({ report });
    await checkOnce(user);
    await user.click(screen.getByRole('tab', { name: /期限/ }));
    const items = screen.getAllByTestId('deadline');
    expect(items.map((el) => el.getAttribute('data-date'))).toEqual(['2024-03-01', '2024-05-01', '2024-07-01', '2025-01-01']);
    expect(items.map((el) => el.getAttribute('data-overdue'))).toEqual(['true', 'true', 'false', 'false']);
    expect(items[0]).toHaveTextContent('已逾期 92 天');
    expect(items[0]).toHaveTextContent('智慧城管平台');
    expect(items[1]).toHaveTextContent('教育云');
    expect(items[2]).toHaveTextContent('还有 30 天');
    // Headings say what is under them; action first.
    expect(screen.getByTestId('deadlines-overdue')).toHaveTextContent('已逾期，须尽快处理（2）');
    expect(screen.getByTestId('deadlines-soon')).toHaveTextContent('30 天内到期（1）');
    expect(screen.getByTestId('deadlines-later')).toHaveTextContent('30 天以后到期（1）');
    expect(items[0]).toHaveTextContent('2024年3月1日');
    // Before 填写期限列 the cell is empty: the pane says so and offers to fill, instead of selecting an empty cell.
    await user.click(items[1]);
    expect(host.selectCell).not.toHaveBeenCalled();
    expect(screen.getByTestId('deadline-not-filled')).toHaveTextContent('期限列还没有填写到工作表中，E4 单元格现在是空的');
    await user.click(screen.getByTestId('deadline-fill'));
    await screen.findByText(/已填写/);
    expect(host.applyReport).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ fillComputed: true }));
    await user.click(screen.getAllByTestId('deadline')[1]);
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'E4');
    expect(screen.queryByTestId('deadline-not-filled')).toBeNull();
  });

  test('findings: one Tab stop with Up/Down/Home/End, buttons named by what they show, project names, counts that filter', async () => {
    const { host, user } = setup({
      report: (o) => {
        const r = stubReport(o.lang ?? 'zh', o.asOf);
        r.findings[1]!.project = '智慧城管平台';
        return r;
      },
    });
    await checkOnce(user);
    const items = screen.getAllByTestId('finding');
    expect(items.every((el) => el.tagName === 'BUTTON' && el.closest('li'))).toBe(true);
    expect(items.filter((el) => el.getAttribute('tabindex') === '0')).toEqual([items[0]]);
    // The name is what it shows: severity, cell, category, message, project, citation.
    expect(items[0]).toHaveAccessibleName(expect.stringContaining('提示 D3 审批路径 3000万元以上须先编制可行性研究报告 项目：智慧城管平台 依据：'));
    expect(screen.getByRole('heading', { name: '第 3 行 · 智慧城管平台' })).toBeInTheDocument();
    items[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    expect(host.selectCell).not.toHaveBeenCalled(); // moving is not selecting
    await user.keyboard('{Enter}');
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'D3');
    expect(screen.getByTestId('position')).toHaveTextContent('第 1 / 3 个');
    // The counts are filter toggles.
    const errors = screen.getByTestId('count-error');
    expect(errors).toHaveAttribute('aria-pressed', 'false');
    await user.click(errors);
    expect(errors).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByTestId('finding').map((el) => el.getAttribute('data-cell'))).toEqual(['A2']);
    await user.click(errors);
    expect(screen.getAllByTestId('finding')).toHaveLength(3);
    expect(screen.getByRole('tab', { name: '问题（3）' })).toHaveAttribute('aria-selected', 'true');
  });

  test('a regulation chosen by hand that the workbook contradicts is warned about, naming what it mentions; the date used is shown', async () => {
    const { user } = setup({
      report: (o) => ({ ...stubReport(o.lang ?? 'zh', o.asOf), profile: { id: 'wuhan', regulation: '', detected: false, reason: '由用户选择' } }),
    });
    // An emptied 基准日期 says which date it stands for.
    const date = document.querySelector('input[type="date"]') as HTMLInputElement;
    await user.clear(date);
    expect(screen.getByText('未填写：按今天（2024年6月1日）计算')).toBeInTheDocument();
    await checkOnce(user);
    expect(screen.getByTestId('as-of-used')).toHaveTextContent('基准日期：2024年6月1日');
    // The workbook (武隆区项目申报.xlsx) names 武隆, not 武汉.
    expect(screen.getByTestId('profile-mismatch')).toHaveTextContent(/所选办法“武汉.*”可能与工作簿不符：工作簿中提到“武隆.*”\d+ 处，没有提到“武汉/);
  });

  test('identical deadlines collapse into one line with a count that expands; the list is one Tab stop with arrow keys', async () => {
    const base = stubReport('zh');
    const rows = Array.from({ length: 30 }, (_, i) => i + 3);
    const report = (o: CheckOptions): Report => ({
      ...base,
      asOf: o.asOf,
      sheets: [
        {
          ...base.sheets[0]!,
          computedColumns: columnsOf(
            [{ key: 'declarationDue' as const, header: '申报截止（自动）', column: 'E' }, { key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'F' }],
            [
              ...rows.map((row) => ({ sheet: '申报表', row, key: 'declarationDue' as const, header: '申报截止（自动）', column: 'E', value: '2024-09-30', type: 'date' as const })),
              { sheet: '申报表', row: 3, key: 'acceptanceDue' as const, header: '验收截止（自动）', column: 'F', value: '2024-05-01', type: 'date' as const },
            ],
          ),
        },
        ...base.sheets.slice(1),
      ],
    });
    const { user } = setup({ report, pageSize: 10 });
    await checkOnce(user);
    await user.click(screen.getByRole('tab', { name: /期限/ }));
    const group = screen.getByTestId('deadline-group');
    expect(group).toHaveTextContent('申报截止2024年9月30日');
    expect(group).toHaveTextContent('30 个项目同一期限');
    expect(group).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getAllByTestId('deadline')).toHaveLength(1); // only the single overdue one
    await user.click(group);
    expect(group).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByTestId('deadline')).toHaveLength(11);
    await user.click(screen.getByRole('button', { name: '显示更多（还有 20 条）' }));
    expect(screen.getAllByTestId('deadline')).toHaveLength(21);
    // One Tab stop: only one item is tabbable; Down/End/Home move the focus.
    const tabbable = () => [...screen.getByTestId('deadlines').querySelectorAll('[data-rove]')].filter((e) => e.getAttribute('tabindex') === '0');
    expect(tabbable()).toHaveLength(1);
    const first = screen.getAllByTestId('deadline')[0]!;
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(group);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getAllByTestId('deadline')[20]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    expect(tabbable()).toEqual([first]);
  });

  test('a change in the workbook after the check asks for a new check', async () => {
    let onRows: (sheet: string, rows: number[]) => void = () => {};
    const host = fakeHost({
      watchChanges: jest.fn(async (cb: typeof onRows) => {
        onRows = cb;
        return async () => undefined;
      }),
    });
    const { user } = setup({ host });
    await checkOnce(user);
    const now = Date.now();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now + 10_000);
    act(() => onRows('申报表', [3]));
    spy.mockRestore();
    expect(screen.getByText('工作簿在检查后有改动，请重新检查。')).toBeInTheDocument();
  });

  test('live mode: a burst of edits is re-checked once after they pause; the add-in\'s own writes are ignored', async () => {
    let onRows: (sheet: string, rows: number[]) => void = () => {};
    const host = fakeHost({
      watchChanges: jest.fn(async (cb: typeof onRows) => {
        onRows = cb;
        return async () => undefined;
      }),
    });
    const { user, runCheck } = setup({ host, liveDelayMs: 20 });
    // The pane's clock stands still until the burst below, so "right after the check" holds however slow this machine is.
    const now = Date.now();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
    await checkOnce(user);
    await user.click(screen.getByRole('checkbox', { name: '实时检查（编辑后自动重新检查）' }));
    // Right after the check, the changes are the echo of our own marks: no re-check.
    act(() => onRows('申报表', [5]));
    await new Promise((r) => setTimeout(r, 60));
    expect(host.readSnapshot).toHaveBeenCalledTimes(1);

    spy.mockReturnValue(now + 10_000);
    act(() => {
      onRows('申报表', [5]);
      onRows('申报表', [6]);
      onRows('申报表', [7]);
    });
    spy.mockRestore();
    await waitFor(() => expect(host.readSnapshot).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(host.applyReport).toHaveBeenCalledTimes(2));
    expect(runCheck).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('工作簿在检查后有改动，请重新检查。')).not.toBeInTheDocument();
  });

  test.each([
    ['none', true],
    ['notes', false],
  ] as const)('annotations %s → tells the clerk marks are colour only: %s', (annotations, shown) => {
    const host = fakeHost({
      capabilities: jest.fn(() => ({ notes: false, comments: false, annotations, mergedAreas: true, changeSource: true })),
    });
    setup({ host });
    expect(screen.queryByTestId('no-annotations') !== null).toBe(shown);
  });

  test('a long findings list renders a page at a time; navigation past the page renders further', async () => {
    const base = stubReport('zh');
    const many = Array.from({ length: 12 }, (_, i) => ({ ...base.findings[1], row: i + 3, cell: `D${i + 3}`, message: `第${i}条` }));
    const { host, user } = setup({ report: (o) => ({ ...base, asOf: o.asOf, findings: many }), pageSize: 5 });
    await checkOnce(user);
    expect(screen.getAllByTestId('finding')).toHaveLength(5);
    await user.click(screen.getAllByTestId('finding')[4]);
    await user.click(screen.getByRole('button', { name: '下一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'D8');
    expect(screen.getAllByTestId('finding')).toHaveLength(6);
    expect(screen.getByText('第 6 / 12 个')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '显示更多（还有 6 条）' }));
    expect(screen.getAllByTestId('finding')).toHaveLength(11);
    await user.click(screen.getByRole('button', { name: '显示更多（还有 1 条）' }));
    expect(screen.getAllByTestId('finding')).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /显示更多/ })).toBeNull();
  });
});

describe('an honest verdict', () => {
  const TEMPLATES = { profile: 'yeji' as const, regulation: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）', article: '附件1《六安市叶集区政务信息化项目申报表》、附件2《六安市叶集区政务信息化项目进度情况表》', kind: 'template' as const };

  /** Only an unrecognised sheet holding data: its one finding is the warning that it went unchecked. */
  function uncheckedReport(o: CheckOptions): Report {
    const r = stubReport(o.lang ?? 'zh', o.asOf);
    const zh = (o.lang ?? 'zh') === 'zh';
    r.sheets = [{ name: '资产', kind: 'unknown', headerRow: null, columns: {}, dataRows: [], reason: zh ? '前30行中未找到表头' : 'no header found', unmappedColumns: [], computedColumns: [] }];
    r.findings = [
      {
        sheet: '资产', row: 2, column: 'A', cell: 'A2', ruleId: 'completeness/sheet-unchecked', category: 'completeness', severity: 'warning',
        messageId: 'unrecognised', params: {}, citation: TEMPLATES,
        message: zh ? '未识别工作表“资产”（前30行中未找到表头），表中数据未检查' : 'Sheet "资产" was not recognised (no header found); its data was not checked',
      },
    ];
    return r;
  }

  test('data left unchecked: a warning finding with its citation, a summary that says the result is incomplete, never 未发现问题', async () => {
    const { user } = setup({ report: uncheckedReport });
    await checkOnce(user);
    // No sheet was recognised: the status says nothing was checked (as the CLI), never "发现 n 个问题".
    expect(screen.getByText('检查完成：没有识别出可检查的表，未做任何检查。1 张工作表有数据未检查，已在表中标出。')).toBeInTheDocument();
    expect(screen.queryByText(/发现 \d+ 个问题/)).toBeNull();
    expect(screen.getByTestId('verdict')).toHaveTextContent('没有识别出可检查的表，未做任何检查。');
    expect(screen.getByTestId('unchecked-sheets')).toHaveTextContent('1 张工作表有数据未检查：“资产”。检查结果不完整。');
    expect(screen.getByTestId('count-warning')).toHaveTextContent('警告 1');
    const f = screen.getByTestId('finding');
    expect(f).toHaveTextContent('未识别工作表“资产”（前30行中未找到表头），表中数据未检查');
    expect(f).toHaveTextContent(`依据：${TEMPLATES.regulation}${TEMPLATES.article}`);
    expect(screen.queryByText(/未发现问题/)).toBeNull();

    await user.click(screen.getByRole('tab', { name: /工作表/ }));
    const sheet = screen.getByTestId('sheet');
    expect(within(sheet).getByTestId('sheet-unchecked')).toHaveTextContent('有数据未检查');
  });

  test('in English too', async () => {
    const host = fakeHost();
    const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => uncheckedReport(o));
    const user = userEvent.setup({ delay: null });
    render(<App host={host} runCheck={runCheck} today={TODAY} lang="en" />);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByText(/Check finished: no sheet was recognised, so nothing was checked\. 1 sheet\(s\) hold data/);
    expect(screen.getByTestId('unchecked-sheets')).toHaveTextContent('1 sheet(s) hold data that was not checked: "资产". The result is incomplete.');
    expect(screen.queryByText(/No findings/)).toBeNull();
  });

  test('nothing recognised and nothing to check: says nothing was checked, not “0 problems”', async () => {
    const { user } = setup({
      report: (o) => {
        const r = uncheckedReport(o);
        r.findings = [];
        return r;
      },
    });
    await user.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByText('检查完成：没有识别出可检查的表，未做任何检查。')).toBeInTheDocument();
    expect(screen.getByTestId('verdict')).toHaveTextContent('没有识别出可检查的表，未做任何检查。');
    expect(screen.queryByText(/未发现问题|发现 0 个问题/)).toBeNull();
    expect(screen.queryByTestId('unchecked-sheets')).toBeNull();
  });

  test('填写期限列 on a workbook with nothing recognised says nothing was checked, not "0 deadline values"', async () => {
    const host = fakeHost({ applyReport: jest.fn(async () => ({ marked: 0, computed: 0 })) });
    const { user } = setup({
      host,
      report: (o) => {
        const r = uncheckedReport(o);
        r.findings = [];
        return r;
      },
    });
    await user.click(screen.getByRole('button', { name: '填写期限列' }));
    expect(await screen.findByText('检查完成：没有识别出可检查的表，未做任何检查。')).toBeInTheDocument();
    expect(screen.queryByText(/已填写/)).toBeNull();
  });

  test('a clean check still says 未发现问题; a warning notice beside it is pointed to', async () => {
    const clean = (o: CheckOptions) => ({ ...stubReport(o.lang ?? 'zh', o.asOf), findings: [] });
    const first = setup({ report: clean });
    await checkOnce(first.user);
    expect(screen.getByTestId('verdict')).toHaveTextContent('未发现问题。');
    first.unmount();
    const second = setup({
      report: (o) => {
        const r = clean(o);
        r.notices.push({ id: 'engine/rule-failed', severity: 'warning', message: '检查规则出错', citation: null });
        return r;
      },
    });
    await checkOnce(second.user);
    expect(screen.getByTestId('verdict')).toHaveTextContent('没有单元格问题，但请看上方的警告提示。');
  });

  test('the sheet list shows the columns the check did not use', async () => {
    const { user } = setup({
      report: (o) => {
        const r = stubReport(o.lang ?? 'zh', o.asOf);
        r.sheets[0]!.unmappedColumns = [{ column: 'P', header: '审批文号' }, { column: 'Q', header: '资金来源说明' }];
        return r;
      },
    });
    await checkOnce(user);
    await user.click(screen.getByRole('tab', { name: /工作表/ }));
    const [decl, expense] = screen.getAllByTestId('sheet');
    expect(within(decl!).getByTestId('sheet-unmapped')).toHaveTextContent('未用到的列：P“审批文号”、Q“资金来源说明”');
    expect(within(expense!).queryByTestId('sheet-unmapped')).toBeNull();
    expect(screen.queryByTestId('sheet-unchecked')).toBeNull();
  });
});

test('en-US: citations in the findings list give the article number in English (the regulation keeps its Chinese title)', async () => {
  const host = fakeHost();
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => stubReport(o.lang ?? 'zh', o.asOf));
  const user = userEvent.setup({ delay: null });
  render(<App host={host} runCheck={runCheck} today={TODAY} lang="en" />);
  await user.click(screen.getByRole('button', { name: 'Check' }));
  await screen.findByText(/Check finished/);
  const list = screen.getAllByTestId('finding').map((el) => el.textContent ?? '');
  expect(list.some((t) => t.includes('Article 9'))).toBe(true);
  expect(list.some((t) => t.includes('第九条'))).toBe(false);
});
