/** @jest-environment jsdom */
// Findings triage: 只看逾期 (overdue only) with the severity filter, group by project (order, counts, list semantics), navigation, en-US.
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckOptions, Finding, Report, WorkbookSnapshot } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { FindingsView } from '../../src/taskpane/FindingsView';
import { filterFindings, orderFindings, projectGroups, type FindingFilter } from '../../src/taskpane/model';
import { STRINGS } from '../../src/taskpane/strings';
import { fakeHost, stubReport } from './fixtures';
import './jsdom-env';

jest.mock('../../src/engine', () => ({
  check: () => {
    throw new Error('tests inject runCheck');
  },
}));

// Fluent renders are heavy under jsdom on a shared 2-core machine: generous on purpose.
jest.setTimeout(120_000);

function extra(sheet: string, row: number, cell: string, ruleId: string, severity: Finding['severity'], project: string | undefined, message: string): Finding {
  return {
    sheet, row, column: cell.replace(/\d+/g, ''), cell, ruleId, category: ruleId.startsWith('deadline') ? 'deadline' : 'completeness',
    severity, messageId: ruleId, params: {}, message, citation: null, ...(project ? { project } : {}),
  };
}

/**
 * Reading order: 申报表 whole sheet (info), D3 智慧城管平台 (info), F3 智慧城管平台 overdue (warning), B4 教育云 (warning),
 * G4 教育云 overdue (warning), 费用明细 A2 no project (error).
 */
function triageReport(o: CheckOptions): Report {
  const r = stubReport(o.lang ?? 'zh', o.asOf);
  r.findings[1]!.project = '智慧城管平台';
  r.findings[2]!.project = '教育云';
  r.findings.push(
    extra('申报表', 3, 'F3', 'deadline/overdue', 'warning', '智慧城管平台', '验收已逾期 30 天'),
    extra('申报表', 4, 'G4', 'deadline/overdue', 'warning', '教育云', '建设期已逾期 5 天'),
    extra('申报表', 0, '', 'completeness.sheet', 'info', undefined, '整张表缺少填报日期'),
  );
  return r;
}

function setup(lang: 'zh' | 'en' = 'zh') {
  const host = fakeHost();
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => triageReport(o));
  const user = userEvent.setup({ delay: null });
  render(<App host={host} runCheck={runCheck} today="2024-06-01" lang={lang} />);
  return { host, user };
}

async function checkOnce(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
}

const cells = () => screen.getAllByTestId('finding').map((el) => `${el.getAttribute('data-sheet')}!${el.getAttribute('data-cell')}`);

/** What axe's `list`/`aria-valid-attr-value` rules ask of the list: ul holds only li; every aria-labelledby names an element. */
function expectValidLists(root: HTMLElement) {
  for (const ul of Array.from(root.querySelectorAll('ul'))) {
    for (const child of Array.from(ul.children)) expect(child.tagName).toBe('LI');
    const by = ul.getAttribute('aria-labelledby');
    if (by) for (const id of by.split(/\s+/)) expect(document.getElementById(id)).not.toBeNull();
  }
}

describe('findings triage in the pane', () => {
  test('只看逾期 keeps only overdue findings, shows their count, combines with the severity filter, and navigation follows it', async () => {
    const { host, user } = setup();
    await checkOnce(user);
    expect(screen.getAllByTestId('finding')).toHaveLength(6);
    const overdue = screen.getByRole('button', { name: '只看逾期 2' });
    expect(overdue).toHaveAttribute('aria-pressed', 'false');
    await user.click(overdue);
    expect(overdue).toHaveAttribute('aria-pressed', 'true');
    expect(cells()).toEqual(['申报表!F3', '申报表!G4']);
    expect(screen.getByTestId('position')).toHaveTextContent('共 2 个');

    await user.click(screen.getByRole('button', { name: '下一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'F3');
    expect(screen.getByTestId('position')).toHaveTextContent('第 1 / 2 个');
    await user.click(screen.getByRole('button', { name: '下一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'G4');
    expect(screen.getByTestId('position')).toHaveTextContent('第 2 / 2 个');
    expect(screen.getByRole('button', { name: '下一个' })).toBeDisabled();

    // Combined with the severity chips: errors that are overdue — none here; warnings that are overdue — both.
    await user.click(screen.getByTestId('count-error'));
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeInTheDocument();
    await user.click(screen.getByTestId('count-warning'));
    expect(cells()).toEqual(['申报表!F3', '申报表!G4']);
    await user.click(overdue);
    expect(overdue).toHaveAttribute('aria-pressed', 'false');
    expect(cells()).toEqual(['申报表!F3', '申报表!B4', '申报表!G4']);
  });

  test('group by project: headings with counts per severity, errors/overdue groups first, valid lists, arrows move finding by finding', async () => {
    const { host, user } = setup();
    await checkOnce(user);
    const group = screen.getByRole('button', { name: '按项目分组' });
    await user.click(group);
    expect(group).toHaveAttribute('aria-pressed', 'true');

    const groups = screen.getAllByTestId('project-group');
    expect(groups.map((g) => within(g).getByRole('heading').textContent)).toEqual([
      '智慧城管平台 · 警告 1，提示 1',
      '教育云 · 警告 2',
      '（未写项目名称） · 错误 1',
      '申报表 · 提示 1',
    ]);
    expect(cells()).toEqual(['申报表!D3', '申报表!F3', '申报表!B4', '申报表!G4', '费用明细!A2', '申报表!']);
    // Each group's list is named by its heading.
    expect(within(groups[1]!).getByRole('list')).toHaveAccessibleName('教育云 · 警告 2');
    expectValidLists(screen.getByTestId('finding-list'));
    // Headings are not stops: one Tab stop, arrows move through all findings across groups.
    const items = screen.getAllByTestId('finding');
    expect(items.filter((el) => el.getAttribute('tabindex') === '0')).toEqual([items[0]]);
    items[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[5]);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(host.selectCell).toHaveBeenLastCalledWith('费用明细', 'A2');
    // Next/previous follow the grouped order too.
    await user.click(screen.getByRole('button', { name: '上一个' }));
    expect(host.selectCell).toHaveBeenLastCalledWith('申报表', 'G4');
    expect(screen.getByTestId('position')).toHaveTextContent('第 4 / 6 个');

    // Both toggles together: overdue findings, grouped.
    await user.click(screen.getByRole('button', { name: '只看逾期 2' }));
    expect(screen.getAllByTestId('project-group').map((g) => within(g).getByRole('heading').textContent)).toEqual([
      '智慧城管平台 · 警告 1',
      '教育云 · 警告 1',
    ]);
    expectValidLists(screen.getByTestId('finding-list'));
  });

  test('both toggles are remembered while the pane is open: across tabs and a re-check', async () => {
    const { user } = setup();
    await checkOnce(user);
    await user.click(screen.getByRole('button', { name: '按项目分组' }));
    await user.click(screen.getByRole('button', { name: '只看逾期 2' }));
    await user.click(screen.getByRole('tab', { name: /期限/ }));
    await user.click(screen.getByRole('tab', { name: /问题/ }));
    expect(screen.getByRole('button', { name: '按项目分组' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '只看逾期 2' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: '检查' }));
    await screen.findAllByText(/检查完成/);
    expect(cells()).toEqual(['申报表!F3', '申报表!G4']);
    expect(screen.getAllByTestId('project-group')).toHaveLength(2);
  });

  test('en-US labels: toggles, the no-project heading and the sheet heading', async () => {
    const report = triageReport({ lang: 'en', asOf: '2024-06-01' } as CheckOptions);
    const ordered = orderFindings(report.findings, report.sheets.map((s) => s.name));
    function Harness() {
      const [filter, setFilter] = React.useState<FindingFilter>({ severity: 'all', category: 'all' });
      const visible = filterFindings(ordered, filter);
      return (
        <FindingsView s={STRINGS.en} report={report} ordered={ordered} visible={visible} filter={filter} onFilter={setFilter}
          current={null} onSelect={() => {}} onStep={() => {}} />
      );
    }
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    expect(screen.getByRole('group', { name: 'Sort out the list' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Group by project' }));
    expect(screen.getAllByTestId('project-group').map((g) => within(g).getByRole('heading').textContent)).toEqual([
      '智慧城管平台 · Warning 1, Info 1',
      '教育云 · Warning 2',
      '(no project name) · Error 1',
      '申报表 · Info 1',
    ]);
    await user.click(screen.getByRole('button', { name: 'Overdue only 2' }));
    expect(cells()).toEqual(['申报表!F3', '申报表!G4']);
  });
});

describe('projectGroups', () => {
  test('a project on two sheets is one group; urgency only from errors and overdue; ties keep sheet order', () => {
    const fs = [
      extra('A表', 2, 'B2', 'format.x', 'warning', '甲', 'a'),
      extra('A表', 3, 'B3', 'format.x', 'info', '乙', 'b'),
      extra('B表', 2, 'C2', 'format.x', 'error', '乙', 'c'),
      extra('B表', 3, 'C3', 'format.x', 'warning', undefined, 'd'),
      extra('B表', 4, 'C4', 'deadline/overdue', 'info', '丙', 'e'),
    ];
    const groups = projectGroups(fs);
    expect(groups.map((g) => [g.project, g.sheet, g.findings.map((f) => f.cell), g.urgent])).toEqual([
      ['乙', null, ['B3', 'C2'], true],
      ['丙', null, ['C4'], true],
      ['甲', null, ['B2'], false],
      ['', null, ['C3'], false],
    ]);
    expect(groups[0]!.counts).toEqual({ error: 1, warning: 0, info: 1 });
  });
});
