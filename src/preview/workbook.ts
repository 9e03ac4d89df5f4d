// The preview's live workbook: a fake Excel whose every sync notifies the grid, so it re-renders after each adapter write.
import { createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../fake-excel';
import { parseRect } from '../excel/address';
import type { GridSelection } from './Grid';

export interface WorkbookView {
  data: FakeWorkbookData;
  activeSheet: string;
  selection: GridSelection | null;
}

type RunArgs = [unknown, unknown?];

export class PreviewWorkbook {
  readonly fake: FakeExcel;
  /** What the adapter gets as `typeof Excel`: the fake's run, with each context.sync() reported to listeners. */
  readonly Excel: typeof Excel;
  private listeners = new Set<() => void>();
  private scheduled = false;

  constructor(data: FakeWorkbookData, displayLanguage = 'zh-CN') {
    this.fake = createFakeExcel(data, { displayLanguage });
    const inner = this.fake.Excel as unknown as { run: (...a: RunArgs) => Promise<unknown> };
    const wrapBatch = (batch: unknown) => async (ctx: { sync: () => Promise<unknown> }) => {
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        try {
          return await sync();
        } finally {
          this.changed();
        }
      };
      return (batch as (c: unknown) => Promise<unknown>)(ctx);
    };
    const run = (a: unknown, b?: unknown) =>
      typeof a === 'function' ? inner.run(wrapBatch(a)) : inner.run(a, wrapBatch(b));
    this.Excel = { ...(this.fake.Excel as object), run } as unknown as typeof Excel;
  }

  get Office(): typeof Office {
    return this.fake.Office;
  }

  /** Calls the listener (at most once per macrotask) after the workbook may have changed. Returns unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Coalesces bursts of syncs (a long applyReport) into one repaint per macrotask. */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      for (const l of [...this.listeners]) l();
    }, 0);
  }

  view(): WorkbookView {
    const data = this.fake.save();
    const sel = this.fake.selection();
    const rect = parseRect(sel.address);
    return {
      data,
      activeSheet: sel.sheet,
      selection: rect ? { sheet: sel.sheet, ...rect } : null,
    };
  }

  /** A click on a sheet tab, as Excel does it: the sheet becomes active. */
  async activate(sheet: string): Promise<void> {
    await this.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).activate();
      await ctx.sync();
    });
  }
}
