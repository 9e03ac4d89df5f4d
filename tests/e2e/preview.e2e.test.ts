// End-to-end in real Chromium: build the preview, open a sample, check, jump to a finding, clear the marks; the pane at 320 px (width, axe).
import type { Page } from 'playwright-core';
import { WAIT, axeViolations, usePreview } from './harness';

const SAMPLE = '01-yeji-declaration.xlsx';
/** Pinned so deadline findings do not drift with the calendar. */
const TODAY = '2024-06-01';

const preview = usePreview(SAMPLE);
let page: Page;
let baseUrl = '';
const pageErrors = preview.pageErrors;
beforeAll(() => {
  page = preview.page;
  baseUrl = preview.baseUrl;
});

async function filledCells(): Promise<string[]> {
  return page.$$eval('td[data-cell]', (tds) =>
    tds.filter((td) => td.getAttribute('data-fill')).map((td) => `${td.getAttribute('data-sheet')}!${td.getAttribute('data-cell')}=${td.getAttribute('data-fill')}`),
  );
}

/** Fills on every sheet: the grid shows one sheet at a time, so visit each tab. */
async function allFills(): Promise<string[]> {
  const tabs = await page.$$eval('[data-sheet-tab]', (els) => els.map((e) => e.getAttribute('data-sheet-tab') ?? ''));
  const out: string[] = [];
  for (const t of tabs) {
    await page.click(`[data-sheet-tab="${t}"]`);
    await page.waitForSelector(`[data-testid="grid"][data-sheet="${t}"]`);
    out.push(...(await filledCells()));
  }
  return out.sort();
}

test('check a sample in the preview, jump to a finding, clear the marks', async () => {
  await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
  await page.waitForSelector('td[data-cell="A1"]', WAIT);
  expect(await page.textContent('[data-testid="workbook-name"]')).toBe(SAMPLE);
  const before = await allFills();

  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="finding"]', WAIT);
  await page.waitForSelector('text=检查完成', WAIT);
  expect(await page.locator('[data-testid="error"]').count()).toBe(0);

  // Marks went into the workbook and the grid shows them.
  const marked = await allFills();
  expect(marked.length).toBeGreaterThan(before.length);

  // Prefer a finding on a sheet other than the one shown, so activation is exercised too.
  const active = await page.getAttribute('[data-testid="grid"]', 'data-sheet');
  const findings = await page.$$eval('[data-testid="finding"]', (els) =>
    els.map((e, i) => ({ i, sheet: e.getAttribute('data-sheet') ?? '', cell: e.getAttribute('data-cell') ?? '' })),
  );
  const withCell = findings.filter((f) => f.cell);
  expect(withCell.length).toBeGreaterThan(0);
  const target = withCell.find((f) => f.sheet !== active) ?? withCell[withCell.length - 1];
  await page.locator('[data-testid="finding"]').nth(target.i).click();
  const selected = `td[data-sheet="${target.sheet}"][data-cell="${target.cell}"][data-selected="true"]`;
  await page.waitForSelector(selected, WAIT);
  expect(await page.getAttribute(`[data-sheet-tab="${target.sheet}"]`, 'data-active')).toBe('true');
  expect(await page.getAttribute('[data-testid="grid"]', 'data-sheet')).toBe(target.sheet);

  // E2E_SCREENSHOT=/path.png keeps a picture of the pane and grid for a human to look at.
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

  // Keyboard: Enter on another finding selects its cell too.
  const other = withCell.find((f) => f !== target);
  if (other) {
    await page.locator('[data-testid="finding"]').nth(other.i).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`td[data-sheet="${other.sheet}"][data-cell="${other.cell}"][data-selected="true"]`);
  }

  await page.click('[data-testid="clear"]');
  await page.click('[data-testid="clear-confirm-yes"]');
  await page.waitForSelector('text=已清除标记', WAIT);
  expect(await allFills()).toEqual(before);
  expect(pageErrors).toEqual([]);
});


/** The pane at a task pane's width: nothing wider than the page (no sideways scrolling), nothing axe calls serious. */
async function checkState(state: string): Promise<void> {
  // A settled page: no run in progress, no pointer over a button, no colour transition half-way (axe measures colours).
  await page.waitForSelector('[data-testid="check"]:not([aria-disabled="true"])', WAIT);
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, WAIT);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect({ state, scrollWidth: scrollWidth <= clientWidth ? 'fits' : scrollWidth }).toEqual({ state, scrollWidth: 'fits' });
  expect(await axeViolations(page, state, '[data-testid="taskpane"]')).toEqual([]);
}

async function xlsxBuffer(rows: (string | number)[][], sheet = 'Sheet1'): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openFile(name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.waitForFunction((n) => document.querySelector('[data-testid="workbook-name"]')?.textContent === n, name, WAIT);
  await page.waitForSelector('[data-testid="check"]', WAIT);
}

test('at 320 px, as a task pane: every state fits the width and has no serious accessibility violation', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.goto(`${baseUrl}/preview.html?layout=pane&today=2026-05-20&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await checkState('before check');

    // The buttons stay where they were when the results arrive.
    const y0 = (await page.locator('[data-testid="check"]').boundingBox())!.y;
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=检查完成', WAIT);
    expect((await page.locator('[data-testid="check"]').boundingBox())!.y).toBe(y0);
    await page.waitForSelector('[data-testid="finding"]', WAIT);
    await checkState('after check with findings');

    // One Tab stop with arrow keys; next/previous stay in view when the pane is scrolled to the end.
    expect(await page.locator('[data-testid="finding"][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-testid="finding"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rove'))).toBe('1');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const nav = (await page.locator('[data-testid="finding-nav"]').boundingBox())!;
    expect(nav.y).toBeGreaterThanOrEqual(-1);
    expect(nav.y + nav.height).toBeLessThanOrEqual(800);

    // A severity count filters the list (aria-pressed).
    await page.click('[data-testid="count-warning"]');
    expect(await page.getAttribute('[data-testid="count-warning"]', 'aria-pressed')).toBe('true');
    const severities = await page.$$eval('[data-testid="finding"]', (els) => els.length);
    expect(severities).toBeGreaterThan(0);
    await checkState('findings filtered by severity');
    await page.click('[data-testid="count-warning"]');

    await page.getByRole('tab', { name: /期限/ }).click();
    await page.waitForSelector('[data-testid="deadlines"]', WAIT);
    await checkState('期限 tab');
    await page.getByRole('tab', { name: /工作表/ }).click();
    await checkState('sheets tab');

    // An empty workbook and one nothing is recognised in: "nothing was checked", never "0 problems".
    for (const [name, rows] of [
      ['empty.xlsx', []],
      ['资产清单.xlsx', [['资产编号', '资产名称', '数量', '存放地点'], ['ZC-001', '笔记本电脑', 3, '三楼'], ['ZC-002', '打印机', 1, '二楼']]],
    ] as const) {
      await openFile(name, await xlsxBuffer(rows.map((r) => [...r])));
      await page.click('[data-testid="check"]');
      await page.waitForSelector('text=没有识别出可检查的表，未做任何检查', WAIT);
      const text = await page.textContent('[data-testid="taskpane"]');
      expect(text).not.toMatch(/发现 0 个问题|未发现问题/);
      await checkState(name);
    }

    await page.goto(`${baseUrl}/preview.html?layout=pane&lang=en-US&today=2026-05-20&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=Check finished', WAIT);
    await checkState('en-US after check');
    expect(await page.textContent('[data-testid="taskpane"]')).not.toContain('Source：');
  } finally {
    // Back to the Chinese preview at its usual width for the tests after this one.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('td[data-cell="A1"]', WAIT);
  }
  expect(pageErrors).toEqual([]);
});

/** A bundled sample with an overdue acceptance (K8 `deadline/overdue`, due 2026-04-30; see assets/samples/README.md). */
const OVERDUE_SAMPLE = '03-wulong-progress-ledger.xlsx';

test('at 320 px: findings grouped by project and 只看逾期 fit the width, have no serious violation, and keep one Tab stop', async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    await page.goto(`${baseUrl}/preview.html?layout=pane&today=2026-05-20&sample=${encodeURIComponent(OVERDUE_SAMPLE)}`);
    await page.waitForSelector('[data-testid="check"]', WAIT);
    await page.click('[data-testid="check"]');
    await page.waitForSelector('text=检查完成', WAIT);
    await page.waitForSelector('[data-testid="finding"]', WAIT);
    const all = await page.locator('[data-testid="finding"]').count();

    await page.click('[data-testid="group-by-project"]');
    expect(await page.getAttribute('[data-testid="group-by-project"]', 'aria-pressed')).toBe('true');
    await page.waitForSelector('[data-testid="project-group"]', WAIT);
    // Grouping reorders, never drops: every finding is still listed, under a heading that names its list.
    expect(await page.locator('[data-testid="finding"]').count()).toBe(all);
    const labelled = await page.$$eval('[data-testid="project-group"] ul', (uls) =>
      uls.map((ul) => !!document.getElementById(ul.getAttribute('aria-labelledby') ?? '')),
    );
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.every(Boolean)).toBe(true);
    // Groups holding errors or the overdue finding (K8) come before the others.
    const urgent = await page.$$eval('[data-testid="project-group"]', (groups) =>
      groups.map(
        (g) =>
          /错误 \d/.test(g.querySelector('h3')?.textContent ?? '') ||
          Array.from(g.querySelectorAll('[data-testid="finding"]')).some((e) => e.getAttribute('data-cell') === 'K8'),
      ),
    );
    expect(urgent[0]).toBe(true);
    expect(urgent).toEqual([...urgent].sort((a, b) => Number(b) - Number(a)));
    expect(urgent).toContain(false);
    await checkState('grouped by project');
    expect(await page.locator('[data-testid="finding"][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-testid="finding"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rove'))).toBe('1');

    await page.click('[data-testid="overdue-only"]');
    expect(await page.getAttribute('[data-testid="overdue-only"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('[data-testid="overdue-only"]')).toBe('只看逾期 1');
    expect(await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['K8']);
    await checkState('只看逾期, grouped by project');

    await page.click('[data-testid="group-by-project"]');
    expect(await page.locator('[data-testid="project-group"]').count()).toBe(0);
    await checkState('只看逾期');
    await page.getByRole('button', { name: '下一个' }).click();
    await page.waitForSelector('[data-testid="finding"][aria-current="true"][data-cell="K8"]', WAIT);
    expect(await page.textContent('[data-testid="position"]')).toBe('第 1 / 1 个');
  } finally {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
    await page.waitForSelector('td[data-cell="A1"]', WAIT);
  }
  expect(pageErrors).toEqual([]);
});

test('a file that is not a workbook is refused in words', async () => {
  await page.setInputFiles('[data-testid="file-input"]', {
    name: 'broken.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('this is not a zip'),
  });
  const alert = await page.waitForSelector('[data-testid="preview-error"]', WAIT);
  expect(await alert.textContent()).toContain('无法打开工作簿：broken.xlsx');
  expect(pageErrors).toEqual([]);
});
