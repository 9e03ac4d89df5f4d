// End-to-end in real Chromium for the pane additions (issue #14): waive a finding (kept in the very hidden sheet, seen
// after a re-check), export 检查结果, the whole-workbook result, 帮助 and an article — with axe-core at each state.
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



test('waive a finding, export 检查结果, read the workbook result, help and an article in the preview', async () => {
  const violations: string[] = [];
  await page.goto(`${baseUrl}/preview.html?today=${TODAY}&sample=${encodeURIComponent(SAMPLE)}`);
  await page.waitForSelector('td[data-cell="A1"]', WAIT);
  await page.click('[data-testid="check"]');
  await page.waitForSelector('[data-testid="finding"]', WAIT);
  await page.waitForSelector('text=检查完成', WAIT);

  // The whole workbook first: regulation, reference date, sheets.
  const result = page.locator('[data-testid="workbook-result"]');
  await result.waitFor(WAIT);
  expect(await page.textContent('[data-testid="result-regulation"]')).toContain('依据：《六安市叶集区政务信息化项目管理办法》');
  expect(await page.textContent('[data-testid="result-asof"]')).toContain(TODAY);
  expect(await page.locator('[data-testid="result-checked"] li').count()).toBeGreaterThan(0);
  violations.push(...(await axeViolations(page, 'checked')));

  // Waive the first finding that has a cell.
  const item = page.locator('[data-testid="finding"]:not([data-cell=""])').first();
  const cell = (await item.getAttribute('data-cell'))!;
  const sheet = (await item.getAttribute('data-sheet'))!;
  await item.click();
  await page.click('[data-testid="waive"]');
  await page.waitForSelector('[data-testid="waiver-dialog"]', WAIT);
  violations.push(...(await axeViolations(page, 'waiver dialog')));
  await page.click('[data-testid="waiver-save"]');
  await page.waitForSelector('text=请填写理由。', WAIT);
  await page.getByRole('radio', { name: '经评估同意' }).check();
  await page.getByRole('textbox', { name: /理由/ }).fill('已与建设单位核对，情况属实');
  await page.getByRole('textbox', { name: /姓名/ }).fill('李娜');
  await page.click('[data-testid="waiver-save"]');
  await page.waitForSelector('[data-testid="waiver-message"]', WAIT);
  expect(await page.textContent('[data-testid="waiver-message"]')).toContain('已记录核实情况');
  const badge = page.locator(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"] [data-testid="waiver"]`).first();
  await badge.waitFor(WAIT);
  expect(await badge.textContent()).toContain('经评估同意已与建设单位核对，情况属实李娜，');
  // Kept in the workbook, in a sheet that has no tab.
  expect(await page.locator('[data-sheet-tab="fundcheck_核实记录"]').count()).toBe(0);

  // A new check reads it back from the workbook.
  await page.click('[data-testid="check"]');
  await page.waitForSelector('text=检查完成', WAIT);
  await page.locator(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"] [data-testid="waiver"]`).first().waitFor(WAIT);

  // The article on demand.
  const cited = page.locator('[data-testid="finding"]:not([data-cell=""])').first();
  await cited.click();
  const open = page.locator('[data-testid="article-open"]');
  if ((await open.count()) > 0) {
    await open.click();
    await page.waitForSelector('[data-testid="article"]', WAIT);
    expect(await page.textContent('[data-testid="article-heading"]')).toMatch(/^引用：/);
    expect(await page.textContent('[data-testid="article-todo"]')).toContain('重新检查');
    violations.push(...(await axeViolations(page, 'article open')));
  }

  // Export: a new sheet 检查结果 with the findings.
  const n = await page.locator('[data-testid="finding"]').count();
  await page.click('[data-testid="export-button"]');
  await page.waitForSelector('[data-testid="export-message"]', WAIT);
  expect(await page.textContent('[data-testid="export-message"]')).toContain('写入');
  await page.click('[data-sheet-tab="检查结果"]');
  await page.waitForSelector('[data-testid="grid"][data-sheet="检查结果"]', WAIT);
  expect(await page.textContent('td[data-sheet="检查结果"][data-cell="A1"]')).toBe('工作表');
  expect(await page.textContent('td[data-sheet="检查结果"][data-cell="G1"]')).toBe('核实情况');
  expect(await page.locator('td[data-sheet="检查结果"][data-cell="A1"]').evaluate((td) => getComputedStyle(td).fontWeight)).toBe('600');
  expect(await page.textContent('[data-testid="export-message"]')).toContain(`${n}`);
  // Exporting again asks before replacing.
  await page.click('[data-testid="export-button"]');
  await page.waitForSelector('[data-testid="export-confirm"]', WAIT);
  violations.push(...(await axeViolations(page, 'export confirm')));
  await page.click('[data-testid="export-replace"]');
  await page.waitForSelector('text=已替换工作表“检查结果”', WAIT);

  // Help.
  await page.click('[data-testid="help-toggle"]');
  await page.waitForSelector('[data-testid="help"]', WAIT);
  expect(await page.textContent('[data-testid="help-regulations"]')).toContain('2020-07-17');
  violations.push(...(await axeViolations(page, 'help open')));

  expect(violations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
