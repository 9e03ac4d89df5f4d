// Remembers the name a reader gives with a waiver, on this computer (never in the workbook: the next reader is someone else).
const KEY = 'fundcheck.waiverName';

export interface NameStore {
  load(): string;
  save(name: string): void;
}

/** localStorage where the webview allows it; otherwise the name lasts as long as the pane. */
export function localNameStore(): NameStore {
  let memory = '';
  return {
    load() {
      try {
        return globalThis.localStorage?.getItem(KEY) ?? memory;
      } catch {
        return memory;
      }
    },
    save(name) {
      memory = name;
      try {
        globalThis.localStorage?.setItem(KEY, name);
      } catch {
        // private mode or a locked-down webview: remembered for this session only
      }
    },
  };
}
