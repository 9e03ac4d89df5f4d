/** @jest-environment jsdom */
// The pane's regulation-pack import through the fake host: choose a pack, confirm its summary, kept in the workbook, offered in the menu, passed to checks.
import * as React from 'react';
import '@testing-library/jest-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckOptions, WorkbookSnapshot } from '../../src/engine/types';
import { App } from '../../src/taskpane/App';
import { builtinRegistry } from '../../src/engine/packs/registry';
import type { RegulationPack } from '../../src/engine/packs/types';
import { fakeHost, stubReport } from './fixtures';
import './jsdom-env';

jest.mock('../../src/engine', () => ({
  check: () => {
    throw new Error('tests inject runCheck');
  },
}));

const TODAY = '2026-10-20';
// Fluent under jsdom on a shared 2-core machine is slow: generous on purpose, nothing here measures speed.
jest.setTimeout(120_000);

/** A county pack: the shipped 武汉 one under another id and place. */
function countyPack(): RegulationPack {
  const wuhan = builtinRegistry().packs.find((p) => p.id === 'wuhan')!;
  return {
    ...(JSON.parse(JSON.stringify(wuhan)) as RegulationPack),
    id: 'testcounty',
    name: { zh: '测试县', en: 'Test County' },
    title: { zh: '《测试县政务信息化项目管理办法》', en: 'Test County Measures' },
    detect: ['测试县'],
    overlays: [],
  };
}

function setup(host = fakeHost()) {
  const runCheck = jest.fn((_: WorkbookSnapshot, o: CheckOptions) => stubReport(o.lang ?? 'zh', o.asOf));
  const user = userEvent.setup({ delay: null, applyAccept: false });
  render(<App host={host} runCheck={runCheck} today={TODAY} lang="zh" />);
  return { host, runCheck, user };
}

const fileInput = () => screen.getByTestId('rules-file') as HTMLInputElement;
const menu = () => screen.getByRole('combobox', { name: '适用办法' }) as HTMLSelectElement;

test('the menu lists the registry’s regulations; a pack is shown back, kept on confirmation, chosen and passed to the check', async () => {
  const { host, runCheck, user } = setup();
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  expect([...menu().options].map((o) => o.textContent)).toEqual(['自动识别', '武汉', '叶集', '武隆', '莱州']);
  await user.upload(fileInput(), new File([JSON.stringify(countyPack())], 'county.json', { type: 'application/json' }));
  const confirm = await screen.findByTestId('rules-confirm');
  expect(confirm).toHaveTextContent('《测试县政务信息化项目管理办法》（测试县，id：testcounty）');
  expect(confirm).toHaveTextContent('调整比例：15%（第十九条）');
  expect(host.saveSettings).not.toHaveBeenCalled();
  await user.click(within(confirm).getByRole('button', { name: '确认导入' }));
  expect(screen.getByTestId('rules-imported')).toHaveTextContent('测试县');
  expect([...menu().options].map((o) => o.textContent)).toContain('测试县');
  expect(menu().value).toBe('testcounty');
  const saved = host.saveSettings.mock.calls.at(-1)![0] as { profile: string; regulations: RegulationPack[] };
  expect(saved.profile).toBe('testcounty');
  expect(saved.regulations.map((p) => p.id)).toEqual(['testcounty']);

  await user.click(screen.getByRole('button', { name: '检查' }));
  await screen.findByText(/检查完成/);
  const options = runCheck.mock.calls.at(-1)![1];
  expect(options.profile).toBe('testcounty');
  expect(options.regulations?.map((p) => p.id)).toEqual(['testcounty']);

  await user.click(screen.getByRole('button', { name: '移除 测试县' }));
  expect(menu().value).toBe('auto');
  expect([...menu().options].map((o) => o.textContent)).not.toContain('测试县');
});

test('a broken pack is refused in plain words naming the field; a shipped id is refused', async () => {
  const { host, user } = setup();
  await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
  const bad = countyPack();
  bad.changeLimit!.article = '第九十九条';
  await user.upload(fileInput(), new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' }));
  expect(await screen.findByTestId('rules-error')).toHaveTextContent('无法导入：bad.json：changeLimit.article：引用的“第九十九条”不在本数据包的 articles 中');
  await user.upload(fileInput(), new File([JSON.stringify({ ...countyPack(), id: 'wuhan' })], 'shadow.json', { type: 'application/json' }));
  expect(await screen.findByTestId('rules-error')).toHaveTextContent('是内置办法');
  expect(screen.queryByTestId('rules-confirm')).toBeNull();
});

test('packs kept in the workbook come back with the profile chosen; a malformed one is dropped', async () => {
  const host = fakeHost();
  host.loadSettings.mockResolvedValue({ profile: 'testcounty', regulations: [countyPack(), { id: 'junk' }] });
  setup(host);
  await waitFor(() => expect(menu().value).toBe('testcounty'));
  expect(screen.getByTestId('rules-imported')).toHaveTextContent('测试县');
  expect(screen.getByTestId('rules-imported')).not.toHaveTextContent('junk');
});
