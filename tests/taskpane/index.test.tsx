/** @jest-environment jsdom */
// Task pane entry: waits for Office.onReady, builds the host from Office's globals, picks the UI language from Office.
import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { fakeHost } from './fixtures';
import './jsdom-env';

jest.mock('../../src/engine', () => ({ check: jest.fn() }));
const createOfficeHost = jest.fn();
jest.mock('../../src/excel', () => ({ createOfficeHost: (...a: unknown[]) => createOfficeHost(...a) }));

// Generous on purpose: booting the pane takes several seconds here, several times that on a busy 2-core machine.
jest.setTimeout(120_000);

type Ready = (info: { host: string }) => void;

async function boot(hostType: string, displayLanguage: string) {
  document.body.innerHTML = '<div id="root"></div>';
  const host = fakeHost({ displayLanguage: jest.fn(() => displayLanguage) });
  createOfficeHost.mockReset().mockReturnValue(host);
  let ready: Ready = () => {};
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = { run: jest.fn() };
  g.Office = { HostType: { Excel: 'Excel' }, onReady: (cb: Ready) => (ready = cb) };
  // A fresh module registry per boot, with act from the same React instance the entry renders with.
  jest.resetModules();
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded after resetModules, so each boot gets fresh modules */
  const { act } = require('react') as typeof import('react');
  require('../../src/taskpane/index');
  /* eslint-enable @typescript-eslint/no-require-imports */
  expect(createOfficeHost).not.toHaveBeenCalled();
  await act(async () => ready({ host: hostType }));
  return { host, g };
}

test.each([
  ['zh-CN', '检查', 'zh-CN'],
  ['en-US', 'Check', 'en-US'],
])('display language %s → pane in %s', async (lang, button, htmlLang) => {
  const { g } = await boot('Excel', lang);
  expect(createOfficeHost).toHaveBeenCalledWith(g.Excel, g.Office);
  expect(await screen.findByRole('button', { name: button })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe(htmlLang);
});

test('outside Excel the pane says so instead of starting', async () => {
  await boot('Word', 'zh-CN');
  expect(createOfficeHost).not.toHaveBeenCalled();
  expect(screen.getByRole('alert')).toHaveTextContent('此加载项只能在 Excel 中使用');
});
