// RULES.md §5: how the 附件1 申报表 / 附件2 进度情况表 must be filled — completeness, formats and the sums that must agree.
import type { FieldKey, SheetKind } from '../types';
import { formCitation, templateCitation } from '../templates';
import { looksLikeYuan } from '../values/amount';
import { formatWan } from '../values/money';
import { NormalizedHasher } from '../values/text-hash';
import { isBlankText, normalizeText, trimText } from '../values/text';
import { createRule, fieldsOnSheet, sheetState } from './api';
import type { Message, RecordContext, SheetContext } from './api';
import { F, FIELD_LABELS, SUMMED_FIELDS } from './fields';
import type { FieldId } from './fields';
import { PROGRESS_KINDS, PROJECT_KINDS, fieldLabel } from './util';
import { keyHash, keyPosition, sortedKeys } from './packed-key';

// Rules here that cite nothing of their own cite the template field their finding is about (the engine's fallback,
// see templateCitation): 附件1 on declarations, 附件2 on progress sheets, the expense table on expense sheets.

// ---- completeness ---------------------------------------------------------------------------------------------

/** A difference said as a positive amount with its direction (超出 / 不足), never 差-10.00. */
function gapWord(delta: number): { zh: string; en: string } {
  return delta > 0 ? { zh: '超出', en: 'over' } : { zh: '不足', en: 'short' };
}

const REQUIRED: Record<SheetKind, FieldKey[]> = {
  declaration: ['unit', 'projectName', 'investment', 'owner', 'contact'],
  'progress-form': ['unit', 'owner', 'reportDate', 'contact', 'projectName', 'content', 'builder', 'progress', 'totalInvestment', 'invested'],
  'progress-table': ['projectName'],
  expense: ['item', 'amount'],
  unknown: [],
};

// The same lists as ids, for the row pass.
const REQUIRED_IDS = Object.fromEntries(Object.entries(REQUIRED).map(([k, fs]) => [k, fs.map((f) => F[f])])) as Record<SheetKind, FieldId[]>;

function joinLabels(fields: FieldKey[]): Message {
  return { zh: fields.map((f) => FIELD_LABELS[f].zh).join('、'), en: fields.map((f) => FIELD_LABELS[f].en).join(', ') };
}

export const requiredColumn = createRule({
  id: 'completeness/required-column',
  scope: 'sheet',
  phase: 'before',
  category: 'completeness',
  severity: 'error',
  description: {
    zh: '表中缺少必填的列（表单缺少必填栏目），每张表只提示一次',
    en: 'A required column (a form’s required label) is missing; said once per sheet',
  },
  appliesTo: ['declaration', 'progress-table', 'progress-form', 'expense'],
  citation: () => null,
  messages: {
    missingColumns: { zh: '表中没有找到必填列：{fields}', en: 'Required columns not found: {fields}' },
    missingLabels: { zh: '表单中没有找到必填栏目：{fields}', en: 'Required form fields not found: {fields}' },
  },
  check(ctx) {
    const missing = REQUIRED[ctx.kind].filter((f) => !ctx.hasField(f));
    const form = ctx.kind === 'progress-form';
    if (form && !ctx.hasField(F.phone) && !ctx.hasField(F.mobile)) missing.push('phone');
    if (missing.length === 0) return;
    ctx.report({ messageId: form ? 'missingLabels' : 'missingColumns', params: { fields: joinLabels(missing) } });
  },
});

const UNFILLED_DATE = /^年月日$/;
/** Empty, or the printed form's "年  月  日" left as it was. */
function blank(ctx: RecordContext, f: FieldId): boolean {
  if (ctx.isEmpty(f)) return true;
  return f === F.reportDate && UNFILLED_DATE.test(ctx.text(f));
}

export const requiredField = createRule({
  id: 'completeness/required-field',
  category: 'completeness',
  severity: 'error',
  description: {
    zh: '必填项为空：申报表的建设单位、项目名称、项目投资（须大于0）、负责人、联系人；进度情况表的各栏目',
    en: 'A required value is empty: unit, project name, investment (> 0), person in charge and contact on declarations; the form’s fields on progress reports',
  },
  appliesTo: ['declaration', 'progress-table', 'progress-form', 'expense'],
  citation: () => null,
  messages: {
    missing: { zh: '{field}未填写', en: '{field} is empty' },
    missingPhone: { zh: '电话和手机都未填写', en: 'Neither telephone nor mobile is filled in' },
    notPositive: { zh: '项目投资应大于0，实为{amount}万元', en: 'Project investment must be above 0; it is {amount}' },
  },
  check(ctx) {
    const kind = ctx.sheetKind;
    const required = REQUIRED_IDS[kind];
    for (let i = 0; i < required.length; i++) {
      const f = required[i];
      if (ctx.has(f) && blank(ctx, f)) ctx.report({ field: f, messageId: 'missing', params: { field: fieldLabel(f) } });
    }
    if (kind === 'progress-form' && (ctx.has(F.phone) || ctx.has(F.mobile))) {
      const phoneEmpty = !ctx.has(F.phone) || ctx.isEmpty(F.phone);
      const mobileEmpty = !ctx.has(F.mobile) || ctx.isEmpty(F.mobile);
      if (phoneEmpty && mobileEmpty) ctx.report({ field: ctx.has(F.phone) ? 'phone' : 'mobile', messageId: 'missingPhone' });
    }
    if (kind === 'declaration') {
      const inv = ctx.amount(F.investment);
      if (inv === 0) ctx.report({ field: F.investment, messageId: 'notPositive', params: { amount: formatWan(inv) } });
    }
  },
});

// 附件2 说明2: 每个项目的建设进度要填写预计完成时间 — a date, a month, a season or 预计…完成; a finished project may say so.
const COMPLETION_TIME = new RegExp(
  [
    '(?:\\d{2,4}|[〇零一二三四五六七八九十两]{2,4})年(?:底|末|内|前|初|中|\\d{1,2}月|[一二三四五六七八九十]{1,3}月|上半年|下半年|第?[一二三四1-4]季度|.{0,8}?(?:完成|完工|建成|竣工|上线|交付|验收))',
    '\\d{4}[.\\-/]\\d{1,2}',
    '\\d{1,2}月(?:底|末|份|前|初|中|中旬|上旬|下旬|\\d{1,2}[日号])?',
    '(?:今|明|后|本)年',
    '年底|年末|年内|上半年|下半年|第?[一二三四1-4]季度',
    '预计.{0,20}?(?:完成|完工|建成|竣工|上线|交付|验收)',
    '(?:完成|完工|建成|竣工|上线|交付)(?:时间|日期)',
    '已(?:竣工|验收|建成|上线|交付|全部完成|完成全部)',
    '已完成[。.]?$',
  ].join('|'),
);


export const progressCompletionTime = createRule({
  id: 'completeness/progress-completion-time',
  category: 'completeness',
  severity: 'warning',
  description: {
    zh: '建设进度须写明预计完成时间（附件2说明2）',
    en: 'Construction progress must state the expected completion time (Annex 2, note 2)',
  },
  appliesTo: PROGRESS_KINDS,
  citation: (p) => formCitation(p, 'progress', '说明2'),
  messages: {
    noTime: {
      zh: '建设进度“{text}”没有写明预计完成时间（如“预计2025年6月完成”）',
      en: 'Construction progress "{text}" does not give the expected completion time (e.g. "expected to finish June 2025")',
    },
  },
  check(ctx) {
    if (!ctx.has(F.progress)) return;
    const t = ctx.text(F.progress);
    if (t === '' || COMPLETION_TIME.test(t)) return;
    if (ctx.has(F.completionDate) && ctx.date(F.completionDate) !== null) return;
    const shown = ctx.display(F.progress);
    ctx.report({ field: F.progress, messageId: 'noTime', params: { text: shown.length > 40 ? shown.slice(0, 40) + '…' : shown } });
  },
});

// ---- consistency ----------------------------------------------------------------------------------------------

const FUNDS: FieldId[] = [F.fundFiscal, F.fundLoan, F.fundSelf, F.fundOther];

export const fundingSum = createRule({
  id: 'consistency/funding-sum',
  category: 'consistency',
  severity: 'error',
  description: {
    zh: '财政资金＋银行贷款＋自筹＋其他＝项目投资（精确到0.01万元）',
    en: 'Fiscal + loans + self-raised + other = project investment (to 0.01 of 10k yuan)',
  },
  appliesTo: PROJECT_KINDS,
  citation: (p) => formCitation(p, 'declaration', '资金筹措'),
  messages: {
    mismatch: {
      zh: '资金筹措合计{sum}万元与项目投资{investment}万元不一致（{gap}{diff}万元），请核对各资金来源或项目投资',
      en: 'The funding sources add up to {sum}, not the project investment {investment} ({diff} {gap}, 10k yuan): check the sources or the investment',
    },
    noFunding: {
      zh: '项目投资{investment}万元，但资金筹措各栏都未填写',
      en: 'Project investment is {investment} (10k yuan) but no funding source is filled in',
    },
  },
  check(ctx) {
    const inv = ctx.amount(F.investment);
    if (inv === null) return;
    let sum = 0;
    let present = 0;
    let mapped = 0;
    for (let i = 0; i < FUNDS.length; i++) {
      const f = FUNDS[i];
      if (!ctx.has(f)) continue;
      mapped++;
      const r = ctx.amountResult(f);
      if (r === null) continue;
      if (r.ok) {
        sum += r.cents;
        present++;
      } else if (r.reason !== 'empty') {
        return; // unreadable: reported by format rules; a sum would be a guess
      }
    }
    if (mapped === 0) return;
    if (present === 0) {
      if (inv !== 0) ctx.report({ field: F.investment, messageId: 'noFunding', severity: 'warning', params: { investment: formatWan(inv) } });
      return;
    }
    if (sum === inv) return;
    ctx.report({ field: F.investment, messageId: 'mismatch', params: { sum: formatWan(sum), investment: formatWan(inv), diff: formatWan(Math.abs(sum - inv)), gap: gapWord(sum - inv) } });
  },
});


/** Number of entries of sorted `a` below x. */
function countBelow(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A copy of a typed array in a larger one of the same kind (per-sheet state that grows by doubling). */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}

/** Per sheet: each record's row and, per summed field, its cents and whether its cell was unreadable. */
class RecordAmounts {
  /** Summed fields the sheet has; null until the first record. */
  fields: readonly FieldId[] | null = null;
  count = 0;
  rows = new Int32Array(256);
  /** Record-major: cents[k * fields.length + j]. */
  cents = new Float64Array(256);
  bad = new Uint8Array(256);

  /** Room for one more record of `nf` fields (typed arrays, doubled when full: this runs for every record). */
  reserve(nf: number): void {
    if (this.count < this.rows.length && (this.count + 1) * nf <= this.cents.length) return;
    this.rows = grown(this.rows, this.rows.length * 2);
    const size = Math.max(this.cents.length * 2, (this.count + 1) * nf * 2);
    this.cents = grown(this.cents, size);
    this.bad = grown(this.bad, size);
  }
}
const recordAmounts = sheetState(() => new RecordAmounts());
const summedFields = fieldsOnSheet(SUMMED_FIELDS);

export const totalsRow = createRule({
  id: 'consistency/totals-row',
  category: 'consistency',
  severity: 'error',
  description: {
    zh: '合计行等于所合计各行之和（逐列、精确到0.01万元）；模板把合计行放在数据之上的，与其下各行比较',
    en: 'The totals row equals the sum of its rows, column by column, to 0.01; where the template puts it above the data, the rows below',
  },
  appliesTo: ['declaration', 'progress-table', 'expense'],
  citation: () => null,
  messages: {
    mismatch: {
      zh: '合计行{field}为{total}万元，与各行之和{sum}万元不一致（合计行{gap}{diff}万元），请核对合计行或各行',
      en: 'The totals row shows {total} for {field}, but the rows add up to {sum} (the totals row is {diff} {gap}, 10k yuan): check the totals row or the rows',
    },
  },
  // The row pass notes each record's amounts (other rules have read them already), so the sums need no second pass.
  check(ctx) {
    if (ctx.totalsRows.length === 0) return;
    const st = recordAmounts(ctx);
    const fields = (st.fields = summedFields(ctx));
    if (fields.length === 0) return;
    const nf = fields.length;
    st.reserve(nf);
    const k = st.count++;
    st.rows[k] = ctx.row;
    for (let j = 0; j < nf; j++) {
      const r = ctx.amountResult(fields[j]);
      if (r === null) continue;
      if (r.ok) st.cents[k * nf + j] = r.cents;
      else if (r.reason !== 'empty') st.bad[k * nf + j] = 1;
    }
  },
  after(ctx) {
    const totals = [...ctx.totalsRows].sort((a, b) => a - b);
    if (totals.length === 0) return;
    const st = recordAmounts(ctx);
    const fields = st.fields;
    const n = st.count;
    if (fields === null || fields.length === 0 || n === 0) return;
    const nf = fields.length;
    // Records in row order (they come in it; the sort is for the odd sheet whose recognition says otherwise).
    const rows = Array.from(st.rows.subarray(0, n));
    const order = rows.map((_, k) => k);
    if (!rows.every((r, k) => k === 0 || rows[k - 1] <= r)) order.sort((x, y) => rows[x] - rows[y]);
    const data = order.map((k) => rows[k]);
    // Prefix sums per field (and of unreadable cells, which make a segment unsummable).
    const sums = fields.map(() => new Float64Array(n + 1));
    const bad = fields.map(() => new Int32Array(n + 1));
    for (let i = 0; i < n; i++) {
      const k = order[i];
      for (let j = 0; j < nf; j++) {
        sums[j][i + 1] = sums[j][i] + st.cents[k * nf + j];
        bad[j][i + 1] = bad[j][i] + st.bad[k * nf + j];
      }
    }
    for (let ti = 0; ti < totals.length; ti++) {
      const t = totals[ti];
      const a = countBelow(data, t);
      const b = ti > 0 ? countBelow(data, totals[ti - 1]) : 0;
      // Rows this total covers: those since the previous total; with none (a template 合计 above the data), the rows
      // below it up to the next total.
      const [from, to] = a > b ? [b, a] : [a, ti + 1 < totals.length ? countBelow(data, totals[ti + 1]) : n];
      if (from === to) continue;
      const rec = ctx.record(t);
      for (let j = 0; j < nf; j++) {
        const f = fields[j];
        const shown = rec.amount(f);
        if (shown === null) continue;
        if (bad[j][to] - bad[j][from] > 0) continue;
        const seg = sums[j][to] - sums[j][from];
        // A grand total under subtotals sums every data row above it.
        if (shown === seg || (a > b && shown === sums[j][a] && bad[j][a] === 0)) continue;
        ctx.report({
          row: t,
          field: f,
          messageId: 'mismatch',
          citation: ctx.kind === 'declaration' ? formCitation(ctx.profile, 'declaration', '合计') : null,
          params: { field: fieldLabel(f), total: formatWan(shown), sum: formatWan(seg), diff: formatWan(Math.abs(shown - seg)), gap: gapWord(shown - seg) },
        });
      }
    }
  },
});

/** Per sheet: the hash of each name that is not blank once normalised, and its 0-based row, in row order. */
class NameHashes {
  hashes = new Int32Array(1024);
  rows = new Int32Array(1024);
  count = 0;
  private readonly hasher = new NormalizedHasher();

  /** Notes the name of the record at `row`, unless it normalises to ''. */
  addName(name: string, row: number): void {
    const h = this.hasher.hash(name);
    if (this.hasher.length !== 0) this.add(h, row);
  }

  private add(hash: number, row: number): void {
    if (this.count === this.hashes.length) {
      this.hashes = grown(this.hashes, this.count * 2);
      this.rows = grown(this.rows, this.count * 2);
    }
    this.hashes[this.count] = hash;
    this.rows[this.count++] = row;
  }
}
const nameHashes = sheetState(() => new NameHashes());

/** The name as the duplicate check reads it: the cell's own string, or the cell's text for anything else. */
function nameSource(ctx: RecordContext): string {
  const v = ctx.raw(F.projectName);
  return typeof v === 'string' ? v : ctx.text(F.projectName);
}

export const duplicateProjectName = createRule({
  id: 'consistency/duplicate-project-name',
  category: 'consistency',
  severity: 'warning',
  description: { zh: '同一张表中项目名称重复', en: 'The same project name twice in one sheet' },
  appliesTo: ['declaration', 'progress-table'],
  citation: () => null,
  messages: {
    duplicate: { zh: '项目名称“{name}”与第{first}行重复', en: 'Project name "{name}" repeats row {first}' },
  },
  // Names are compared as normalised text. The row pass only hashes each name (no string is built) and notes it in
  // typed arrays; after it, sorting the hashes brings repeats side by side, and only those are compared as text.
  // A hash table probed per row cost twice as much: every probe and every regrowth a cache miss.
  check(ctx) {
    if (!ctx.has(F.projectName)) return;
    const name = nameSource(ctx);
    if (name === '') return;
    nameHashes(ctx).addName(name, ctx.row);
  },
  after(ctx) {
    const seen = nameHashes(ctx);
    const n = seen.count;
    if (n < 2) return;
    const keys = sortedKeys(seen.hashes, n);
    for (let i = 0; i < n; ) {
      const hash = keyHash(keys[i]);
      let j = i + 1;
      while (j < n && keyHash(keys[j]) === hash) j++;
      if (j - i > 1) reportRepeats(ctx, seen, keys, i, j);
      i = j;
    }
  },
});

/** Among names of one hash (keys[from..to), in row order): each name equal to an earlier one, as text, is reported. */
function reportRepeats(ctx: SheetContext, seen: NameHashes, keys: Float64Array, from: number, to: number): void {
  const texts: string[] = [];
  const firstRows: number[] = [];
  for (let i = from; i < to; i++) {
    const row = seen.rows[keyPosition(keys[i])];
    const rec = ctx.record(row);
    const text = normalizeText(nameSource(rec));
    const earlier = texts.indexOf(text);
    if (earlier < 0) {
      texts.push(text);
      firstRows.push(row);
      continue;
    }
    ctx.report({ row, field: F.projectName, messageId: 'duplicate', params: { name: rec.display(F.projectName), first: firstRows[earlier] + 1 } });
  }
}

// ---- formats --------------------------------------------------------------------------------------------------

const DESCRIPTION_MAX = 200;
const WS = /\s+/g;

/** Characters as a reader counts them: code points, whitespace left out. */
function charCount(s: string): number {
  const t = s.replace(WS, '');
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

export const descriptionLength = createRule({
  id: 'format/description-length',
  category: 'format',
  severity: 'warning',
  description: { zh: '项目简要说明字数控制在200字以内（附件1说明2）', en: 'The brief description stays within 200 characters (Annex 1, note 2)' },
  appliesTo: ['declaration'],
  citation: (p) => formCitation(p, 'declaration', '说明2'),
  messages: {
    tooLong: { zh: '项目简要说明{count}字，超过200字', en: 'The brief description has {count} characters, over 200' },
  },
  check(ctx) {
    if (!ctx.has(F.description)) return;
    const s = ctx.display(F.description);
    if (s.length <= DESCRIPTION_MAX) return; // UTF-16 length bounds the count from above
    const n = charCount(s);
    if (n > DESCRIPTION_MAX) ctx.report({ field: F.description, messageId: 'tooLong', params: { count: n } });
  },
});

export const period = createRule({
  id: 'format/period',
  category: 'format',
  severity: 'warning',
  description: {
    zh: '建设年度按“XX年XX月至XX年XX月”填写，起始不晚于结束（附件1说明3；常见写法可接受）',
    en: 'The construction period reads "YYYY年MM月至YYYY年MM月" with start ≤ end (Annex 1, note 3; common variants accepted)',
  },
  appliesTo: PROJECT_KINDS,
  citation: (p) => formCitation(p, 'declaration', '说明3'),
  messages: {
    unreadable: { zh: '建设年度“{value}”无法识别，应填写为“XX年XX月至XX年XX月”', en: 'Construction period "{value}" cannot be read; write it as "YYYY年MM月至YYYY年MM月"' },
    startAfterEnd: { zh: '建设年度“{value}”的开始晚于结束', en: 'Construction period "{value}" starts after it ends' },
  },
  check(ctx) {
    const r = ctx.periodResult(F.period);
    if (r === null || r.ok || r.reason === 'empty') return;
    if (typeof ctx.raw(F.period) === 'object' && ctx.raw(F.period) !== null) return; // error value: its own rule
    if (r.reason === 'start-after-end') ctx.report({ field: F.period, messageId: 'startAfterEnd', severity: 'error', params: { value: ctx.display(F.period) } });
    else ctx.report({ field: F.period, messageId: 'unreadable', params: { value: ctx.display(F.period) } });
  },
});

const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86-?)?(?:\(0\d{2,3}\)|0\d{2,3}-?)\d{7,8}(?:(?:-|转|ext\.?|x)\d{1,6})?$/i;
const SERVICE = /^(?:400|800)-?\d{3}-?\d{4}$|^1\d{4}$/;
const LOCAL = /^\d{7,8}(?:(?:-|转)\d{1,6})?$/;
const LOST_ZERO = /^[1-9]\d{9,11}$/;
const PHONE_SEPARATORS = /[,，;；、/／\n]+|\s{2,}/;
// Labels people write next to numbers: 手机：…, …（办）, Tel:
const PHONE_NOISE = /[（(][^0-9（）()]*[）)]|(?:电话|手机|座机|办公室?|传真|tel|mobile|fax)[:：]?/gi;
const EMPTY_MARK = /^(?:无|-+|—+|\/|暂无)$/;
/** EMPTY_MARK.test(s), without running the regex on the cells (nearly all) that cannot match from their first unit. */
function isEmptyMark(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c === 0x65e0 /* 无 */ || c === 45 || c === 0x2014 || c === 47 || c === 0x6682 /* 暂 */) && EMPTY_MARK.test(s);
}

type PhoneKind = 'mobile' | 'landline' | 'local' | 'invalid';
function phoneKind(part: string): PhoneKind {
  // Most cells are a plain ASCII number: decide without the normalising passes.
  if (MOBILE.test(part)) return 'mobile';
  if (LANDLINE.test(part)) return 'landline';
  const s = part.normalize('NFKC').replace(PHONE_NOISE, '').replace(/\s+/g, '').replace(/[－—–]/g, '-');
  if (MOBILE.test(s)) return 'mobile';
  if (LANDLINE.test(s) || SERVICE.test(s)) return 'landline';
  if (LOCAL.test(s)) return 'local';
  return 'invalid';
}

const PHONE_FIELDS: FieldId[] = [F.phone, F.mobile, F.fax];

export const phone = createRule({
  id: 'format/phone',
  category: 'format',
  severity: 'warning',
  description: {
    zh: '联系电话、手机、传真应像大陆号码：带区号的固定电话或11位手机号',
    en: 'Telephone, mobile and fax look like mainland numbers: a landline with area code or an 11-digit mobile',
  },
  appliesTo: PROJECT_KINDS,
  citation: () => null,
  messages: {
    invalid: {
      zh: '{field}“{value}”不是有效的电话号码：{why}。请填写带区号的固定电话（如0564-1234567）或11位手机号',
      en: '{field} "{value}" is not a valid phone number: {why}. Enter a landline with its area code (e.g. 0564-1234567) or an 11-digit mobile',
    },
    noAreaCode: { zh: '{field}“{value}”缺少区号', en: '{field} "{value}" lacks the area code' },
    lostZero: { zh: '{field}“{value}”像是区号前的0因数字格式丢失了，请把单元格设为文本', en: '{field} "{value}" looks like a landline whose leading 0 was lost to a number format; format the cell as text' },
    notMobile: { zh: '手机“{value}”不是11位手机号', en: 'Mobile "{value}" is not an 11-digit mobile number' },
  },
  check(ctx) {
    for (let i = 0; i < PHONE_FIELDS.length; i++) {
      const f = PHONE_FIELDS[i];
      if (!ctx.has(f)) continue;
      const v = ctx.raw(f);
      if (v === null || typeof v === 'object' || typeof v === 'boolean') continue;
      const shown = typeof v === 'number' ? String(v) : trimText(v);
      if (shown === '' || isEmptyMark(shown)) continue;
      if (typeof v === 'number' && LOST_ZERO.test(shown) && !MOBILE.test(shown)) {
        ctx.report({ field: f, messageId: 'lostZero', params: { field: fieldLabel(f), value: shown } });
        continue;
      }
      const whole = phoneKind(shown);
      if (whole !== 'invalid') {
        // One number (the usual cell): the same verdicts as the list below, without building it.
        if (f === F.mobile && whole !== 'mobile') {
          ctx.report({ field: f, messageId: 'notMobile', params: { value: shown } });
        } else if (whole === 'local') {
          ctx.report({ field: f, messageId: 'noAreaCode', params: { field: fieldLabel(f), value: shown } });
        }
        continue;
      }
      const kinds = whole !== 'invalid' ? [whole] : shown.split(PHONE_SEPARATORS).filter((p) => p.trim() !== '').map(phoneKind);
      // "0564 1234567 13800000000": a single space may separate numbers as well as the area code.
      if (kinds.includes('invalid') && whole === 'invalid') {
        const bySpace = shown.split(/\s+/).filter((p) => p !== '').map(phoneKind);
        if (!bySpace.includes('invalid') && !bySpace.includes('local')) kinds.splice(0, kinds.length, ...bySpace);
      }
      if (kinds.includes('invalid')) {
        ctx.report({ field: f, messageId: 'invalid', params: { field: fieldLabel(f), value: shown, why: phoneProblem(shown) } });
      } else if (f === F.mobile && !kinds.includes('mobile')) {
        ctx.report({ field: f, messageId: 'notMobile', params: { value: shown } });
      } else if (kinds.includes('local')) {
        ctx.report({ field: f, messageId: 'noAreaCode', params: { field: fieldLabel(f), value: shown } });
      }
    }
  },
});

/** What is wrong with a number that is no phone number, in words a clerk can act on. */
function phoneProblem(shown: string): { zh: string; en: string } {
  const digits = shown.replace(/\D/g, '').length;
  if (/[^\d\s()（）+\-－—,，、;；/]/.test(shown)) return { zh: '含有数字以外的字符', en: 'it holds characters other than digits' };
  if (digits < 7) return { zh: `只有${digits}位数字，位数不够`, en: `it has only ${digits} digits` };
  if (/^\D*1/.test(shown) && digits !== 11) return { zh: `像手机号，但有${digits}位数字，手机号应为11位`, en: `it looks like a mobile but has ${digits} digits, not 11` };
  if (digits > 12) return { zh: `有${digits}位数字，位数太多`, en: `it has ${digits} digits, too many` };
  return { zh: '位数不对（固定电话为区号3～4位加号码7～8位）', en: 'the number of digits is wrong (a landline is a 3–4 digit area code and a 7–8 digit number)' };
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isLabelChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 45;
const isLocalChar = (c: number): boolean => isLabelChar(c) || c === 46 || c === 95 || c === 37 || c === 43;

/**
 * /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/ as one pass: a local part, '@', then two or
 * more non-empty labels of letters, digits and '-', the last of two or more letters. (The regex ran on every row.)
 */
export function isEmailAddress(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isLocalChar(s.charCodeAt(i))) i++;
  if (i === 0 || i === n || s.charCodeAt(i) !== 64) return false;
  let labels = 0;
  let labelStart = i + 1;
  let allLetters = true;
  for (let j = labelStart; j <= n; j++) {
    const c = j < n ? s.charCodeAt(j) : 46;
    if (c === 46) {
      if (j === labelStart) return false;
      labels++;
      if (j === n) return labels >= 2 && allLetters && j - labelStart >= 2;
      labelStart = j + 1;
      allLetters = true;
    } else if (isLabelChar(c)) {
      if (!isLetter(c)) allLetters = false;
    } else return false;
  }
  return false;
}
const EMAIL_SEPARATORS = /[,;、/]+/;

export const email = createRule({
  id: 'format/email',
  category: 'format',
  severity: 'warning',
  description: { zh: '电子邮箱应像邮件地址', en: 'The email looks like an address' },
  appliesTo: PROJECT_KINDS,
  citation: () => null,
  messages: {
    invalid: { zh: '电子邮箱“{value}”不像有效的邮件地址', en: 'Email "{value}" does not look like an address' },
  },
  check(ctx) {
    if (!ctx.has(F.email)) return;
    const t = ctx.text(F.email); // NFKC: full-width ＠ and letters become ASCII
    if (t === '' || isEmptyMark(t)) return;
    if (typeof ctx.raw(F.email) === 'object') return;
    if (isEmailAddress(t)) return;
    const parts = t.split(EMAIL_SEPARATORS).filter((p) => p !== '');
    if (parts.length > 1 && parts.every(isEmailAddress)) return;
    ctx.report({ field: F.email, messageId: 'invalid', params: { value: ctx.display(F.email) } });
  },
});

// Prices can be in 元 while amounts are in 万元; 调整金额 may be negative (money moved out).
const NO_YUAN_CHECK = F.unitPrice;
const MAY_BE_NEGATIVE = F.adjustment;

const ALL_CHECKED: SheetKind[] = ['declaration', 'progress-table', 'progress-form', 'expense'];

export const amountInYuan = createRule({
  id: 'format/amount-in-yuan',
  category: 'format',
  severity: 'warning',
  description: {
    zh: '万元列中出现100000以上的金额，可能按元填写',
    en: 'An amount of 100000 or more in a 万元 column was probably entered in yuan',
  },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    yuan: {
      zh: '{field}为{amount}万元，可能误按“元”填写（按元计为{wan}万元）',
      en: '{field} is {amount} (10k yuan), probably entered in yuan ({wan} in 10k yuan)',
    },
  },
  check(ctx) {
    const fields = ctx.fields('amount');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f === NO_YUAN_CHECK) continue;
      const r = ctx.amountResult(f);
      if (r === null || !r.ok || r.unitWritten !== null || !looksLikeYuan(r.cents)) continue;
      ctx.report({ field: f, messageId: 'yuan', params: { field: fieldLabel(f), amount: formatWan(r.cents), wan: formatWan(Math.round(r.cents / 10000)) } });
    }
  },
});

export const amountUnreadable = createRule({
  id: 'format/amount-unreadable',
  category: 'format',
  severity: 'error',
  description: { zh: '金额无法识别为数字', en: 'An amount cannot be read as a number' },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    unreadable: { zh: '{field}“{value}”不是可识别的金额', en: '{field} "{value}" is not a readable amount' },
    outOfRange: { zh: '{field}“{value}”超出合理范围', en: '{field} "{value}" is out of range' },
  },
  check(ctx) {
    const fields = ctx.fields('amount');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const r = ctx.amountResult(f);
      if (r === null || r.ok || r.reason === 'empty' || r.reason === 'error-value') continue;
      ctx.report({ field: f, messageId: r.reason === 'out-of-range' ? 'outOfRange' : 'unreadable', params: { field: fieldLabel(f), value: r.raw } });
    }
  },
});

export const negativeAmount = createRule({
  id: 'format/negative-amount',
  category: 'format',
  severity: 'error',
  description: { zh: '金额为负数（调整金额除外）', en: 'A negative amount (adjustments excepted)' },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    negative: { zh: '{field}为负数：{amount}万元', en: '{field} is negative: {amount}' },
  },
  check(ctx) {
    const fields = ctx.fields('amount');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f === MAY_BE_NEGATIVE) continue;
      const c = ctx.amount(f);
      if (c !== null && c < 0) ctx.report({ field: f, messageId: 'negative', params: { field: fieldLabel(f), amount: formatWan(c) } });
    }
  },
});

export const dateUnreadable = createRule({
  id: 'format/date-unreadable',
  category: 'format',
  severity: 'warning',
  description: { zh: '日期无法识别', en: 'A date cannot be read' },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    unreadable: { zh: '{field}“{value}”不是可识别的日期，相关期限无法计算', en: '{field} "{value}" is not a readable date; deadlines that need it cannot be computed' },
  },
  check(ctx) {
    const fields = ctx.fields('date');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const r = ctx.dateResult(f);
      if (r === null || r.ok || r.reason === 'empty' || r.reason === 'error-value') continue;
      // The printed form's "年  月  日" left unfilled is an empty date, not an unreadable one.
      if (UNFILLED_DATE.test(ctx.text(f))) continue;
      ctx.report({ field: f, messageId: 'unreadable', params: { field: fieldLabel(f), value: r.raw } });
    }
  },
});

export const errorValue = createRule({
  id: 'format/error-value',
  category: 'format',
  severity: 'error',
  description: { zh: '单元格是错误值（如 #REF!、#DIV/0!）', en: 'A cell holds an error value such as #REF! or #DIV/0!' },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    error: { zh: '{field}是错误值 {value}', en: '{field} is the error value {value}' },
  },
  check(ctx) {
    const fields = ctx.fields();
    for (let i = 0; i < fields.length; i++) {
      const v = ctx.raw(fields[i]);
      if (v !== null && typeof v === 'object') ctx.report({ field: fields[i], messageId: 'error', params: { field: fieldLabel(fields[i]), value: v.error } });
    }
  },
});

/** Cells a formula-without-result finding names before it says "等 N 个". */
const NO_RESULT_LISTED = 12;

function a1(row: number, col: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

function hasAnyFormula(formulas: readonly (readonly (string | null | undefined)[] | undefined)[] | undefined): boolean {
  if (!formulas) return false;
  for (const row of formulas) if (row) for (const f of row) if (f) return true;
  return false;
}

/**
 * A formula whose file holds no computed result (openpyxl and some other tools save formulas without calculating
 * them) leaves its cell empty to every check: the amount, date or total it stands for goes unchecked, a 合计 row
 * cannot be compared with its rows. Said once per sheet, listing the cells, with what to do; only cells a rule reads
 * (mapped fields on data and 合计 rows, a form's fields) count, so a formula in a column nothing reads stays quiet.
 */
export const formulaNoResult = createRule({
  id: 'format/formula-no-result',
  scope: 'sheet',
  phase: 'after',
  category: 'format',
  severity: 'warning',
  description: {
    zh: '公式单元格没有计算结果（文件保存时未重新计算），其值无法检查；每张表说一次，列出单元格',
    en: 'Formula cells have no computed result (the file was saved without recalculation), so their values cannot be checked; said once per sheet, listing the cells',
  },
  appliesTo: ALL_CHECKED,
  citation: () => null,
  messages: {
    noResult: {
      zh: '{count}个公式单元格没有计算结果（{cells}），其值无法检查{totals}。请在 Excel 或 WPS 中打开本文件，重新计算（F9）并保存后再检查',
      en: '{count} formula cell(s) have no computed result ({cells}), so their values cannot be checked{totals}. Open the file in Excel or WPS, recalculate (F9), save it, and check again',
    },
  },
  check(ctx: SheetContext) {
    const { sheet, recognition: rec } = ctx;
    const formulas = sheet.formulas;
    if (!formulas || !hasAnyFormula(formulas)) return;
    const cells: { row: number; col: number; key: FieldKey; totals: boolean }[] = [];
    const noResult = (r: number, c: number): boolean => {
      if (!formulas[r]?.[c]) return false;
      const v = sheet.rows[r]?.[c] ?? null;
      return v === null || (typeof v === 'string' && isBlankText(v));
    };
    if (ctx.kind === 'progress-form') {
      for (const [key, at] of Object.entries(rec.formFields) as [FieldKey, { row: number; col: number }][]) {
        if (noResult(at.row, at.col)) cells.push({ row: at.row, col: at.col, key, totals: false });
      }
    } else {
      const cols = Object.entries(rec.columns) as [FieldKey, number][];
      const totals = new Set(ctx.totalsRows);
      // Rows recognition set aside because their only contents are formulas without results count too.
      const uncomputed = rec.skippedRows.filter((x) => x.reason === 'formulas-no-result').map((x) => x.row);
      for (const r of [...ctx.dataRows, ...ctx.totalsRows, ...uncomputed]) {
        if (!formulas[r]) continue;
        for (const [key, c] of cols) if (noResult(r, c)) cells.push({ row: r, col: c, key, totals: totals.has(r) });
      }
    }
    if (cells.length === 0) return;
    cells.sort((x, y) => x.row - y.row || x.col - y.col);
    const first = cells[0]!;
    const names = cells.slice(0, NO_RESULT_LISTED).map((x) => a1(x.row, x.col));
    // One cell: its formula too, which tells the user what the missing value stands for.
    if (cells.length === 1) names[0] = `${names[0]} =${formulas[first.row]![first.col]}`;
    const more = cells.length - names.length;
    const inTotals = cells.some((x) => x.totals);
    ctx.report({
      row: first.row,
      field: F[first.key],
      messageId: 'noResult',
      // The whole form is cited (the cells span its fields); a declaration's 合计 row alone cites the form's 合计 line.
      citation: cells.every((x) => x.totals) && ctx.kind === 'declaration' ? formCitation(ctx.profile, 'declaration', '合计') : templateCitation(ctx.kind, undefined, ctx.profile),
      params: {
        count: cells.length,
        cells: { zh: names.join('、') + (more > 0 ? ` 等${cells.length}个` : ''), en: names.join(', ') + (more > 0 ? ` and ${more} more` : '') },
        totals: inTotals ? { zh: '，合计行无法与各行之和核对', en: ', and the totals row cannot be compared with the rows it sums' } : '',
      },
    });
  },
});

export const FORM_RULES = [
  requiredColumn,
  requiredField,
  progressCompletionTime,
  fundingSum,
  totalsRow,
  duplicateProjectName,
  descriptionLength,
  period,
  phone,
  email,
  amountInYuan,
  amountUnreadable,
  negativeAmount,
  dateUnreadable,
  errorValue,
  formulaNoResult,
];
