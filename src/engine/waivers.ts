// Waivers: the user's 已核实 / 经评估同意 on a finding, kept in a very hidden sheet of the workbook so every host sees them.
import type { Lang, Waiver, WaiverStatus } from './types';

/** The very hidden sheet holding one row per waiver; never checked as data. */
export const WAIVER_SHEET = 'fundcheck_核实记录';

export const WAIVER_STATUSES: readonly WaiverStatus[] = ['verified', 'approved'];

export const WAIVER_STATUS_NAME: Readonly<Record<Lang, Readonly<Record<WaiverStatus, string>>>> = {
  zh: { verified: '已核实', approved: '经评估同意' },
  en: { verified: 'Verified', approved: 'Approved after assessment' },
};

/** Said of a waiver whose cell changed since it was recorded. */
export const WAIVER_STALE_NAME: Readonly<Record<Lang, string>> = { zh: '已过期', en: 'Outdated' };

/** One line for a waiver: status, reason, who and when; stale ones say so first. */
export function waiverText(w: Waiver, lang: Lang): string {
  const status = WAIVER_STATUS_NAME[lang][w.status];
  if (lang === 'zh') {
    const s = `${status}：${w.reason}（${w.by}，${w.date}）`;
    return w.stale ? `${WAIVER_STALE_NAME.zh}（单元格已改动）：${s}` : s;
  }
  const s = `${status}: ${w.reason} (${w.by}, ${w.date})`;
  return w.stale ? `${WAIVER_STALE_NAME.en} (cell changed since): ${s}` : s;
}
