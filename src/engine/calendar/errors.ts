// The error of a holiday schedule or notice that cannot be used: it names the field (or notice item) and says why in zh and en.
import type { Lang } from '../types';

/** A schedule (or schedule file) that cannot be used: `field` is the path of the offending field, e.g. `holidays[2].to`. */
export class HolidayScheduleError extends Error {
  constructor(
    readonly field: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(field ? `${field}: ${en}` : en);
    this.name = 'HolidayScheduleError';
  }

  /** The reason in the report language, naming the field. */
  text(lang: Lang): string {
    if (lang === 'en') return this.field ? `${this.field}: ${this.en}` : this.en;
    return this.field ? `${this.field}：${this.zh}` : this.zh;
  }
}
