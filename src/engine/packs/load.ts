// Reads a regulation pack (parsed JSON) into a checked RegulationPack, naming the file and field of the first problem found.
import type { FieldKey, Severity } from '../types';
import { COMPUTED_HEADERS, FIELD_KEYS } from '../vocabulary';
import { CONCEPTS } from '../expense/lexicon';
import { PACK_FORMAT } from './types';
import type { PackBound, PackDeadline, PackText, RegulationPack } from './types';

/** A pack that cannot be used: where (file and field path) and why, in Chinese and English. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${file}: ${path === '' ? '' : path + ': '}${en}`);
    this.name = 'PackError';
  }

  /** The problem in the user's language, prefixed with file and field. */
  text(lang: 'zh' | 'en'): string {
    const where = this.path === '' ? '' : `${this.path}${lang === 'zh' ? '：' : ': '}`;
    return `${this.file}${lang === 'zh' ? '：' : ': '}${where}${lang === 'zh' ? this.zh : this.en}`;
  }
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const ID = /^[a-z][a-z0-9-]{1,39}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ARTICLE = /^第[一二三四五六七八九十百零]{1,6}条$/;
const DEADLINE_KINDS = ['afterEvent', 'yearEndWhileBuilding', 'quarterlyWindow', 'beforeProjectYear'] as const;
const FIELD_SET: ReadonlySet<string> = new Set(FIELD_KEYS);
const DEADLINE_KEYS: ReadonlySet<string> = new Set(Object.keys(COMPUTED_HEADERS).filter((k) => k !== 'approvalPath' && k !== 'expenseScope'));
const CONCEPT_SET: ReadonlySet<string> = new Set(Object.keys(CONCEPTS));
/** Built-in expense-scope tables a pack may name. */
export const EXPENSE_TABLE_IDS: readonly string[] = ['wulong-expense-scope'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates one pack. `known` lists pack ids a `templates.from` may name; `ruleIds`, when given, the rule ids `rules` may set. */
export function loadPack(json: unknown, file: string, options: { known?: readonly string[]; ruleIds?: ReadonlySet<string> } = {}): RegulationPack {
  const fail = (path: string, zh: string, en: string): never => {
    throw new PackError(file, path, zh, en);
  };
  if (!isObj(json)) return fail('', '不是一个办法数据包（应为 JSON 对象）', 'not a regulation pack (a JSON object is expected)');
  const p = json;
  if (p.format !== PACK_FORMAT) {
    fail('format', `应为“${PACK_FORMAT}”，实为 ${JSON.stringify(p.format)}`, `must be "${PACK_FORMAT}", got ${JSON.stringify(p.format)}`);
  }
  const str = (v: unknown, path: string, allowEmpty = false): string => {
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) fail(path, '应为非空文字', 'must be a non-empty string');
    return v as string;
  };
  const text = (v: unknown, path: string): PackText => {
    if (!isObj(v)) fail(path, '应为 { "zh": …, "en": … }', 'must be { "zh": …, "en": … }');
    const t = v as Record<string, unknown>;
    return { zh: str(t.zh, `${path}.zh`), en: str(t.en, `${path}.en`) };
  };
  const int = (v: unknown, path: string, min: number, max: number): number => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(path, `应为 ${min} 到 ${max} 的整数`, `must be a whole number from ${min} to ${max}`);
    return v as number;
  };
  const bool = (v: unknown, path: string): boolean => {
    if (typeof v !== 'boolean') fail(path, '应为 true 或 false', 'must be true or false');
    return v as boolean;
  };
  const arr = (v: unknown, path: string): unknown[] => {
    if (!Array.isArray(v)) fail(path, '应为数组', 'must be an array');
    return v as unknown[];
  };
  const field = (v: unknown, path: string): FieldKey => {
    if (typeof v !== 'string' || !FIELD_SET.has(v)) fail(path, `没有字段 ${JSON.stringify(v)}（可用字段见 README“编写办法数据包”）`, `no field ${JSON.stringify(v)} (see the README, "Writing a regulation pack")`);
    return v as FieldKey;
  };
  const severity = (v: unknown, path: string): Severity => {
    if (!SEVERITIES.includes(v as Severity)) fail(path, '应为 error、warning 或 info', 'must be error, warning or info');
    return v as Severity;
  };

  const id = str(p.id, 'id');
  if (!ID.test(id)) fail('id', '只能用小写字母、数字和“-”，以字母开头，2 到 40 个字符', 'lower-case letters, digits and "-" only, starting with a letter, 2 to 40 characters');
  if (id === 'auto' || id === 'generic') fail('id', `“${id}”是保留字`, `"${id}" is reserved`);
  text(p.name, 'name');
  const title = text(p.title, 'title');
  if (!title.zh.includes('《')) fail('title.zh', '应为带书名号的办法全称（含文号），如《…办法》（…〔2022〕6号）', 'must be the full title in 《》 with its document number');
  if (p.documentNumber !== undefined && p.documentNumber !== null) {
    const n = str(p.documentNumber, 'documentNumber');
    if (!title.zh.includes(n)) fail('documentNumber', `文号“${n}”应写在 title.zh 中，引用时随标题出现`, `the number "${n}" must appear in title.zh, which citations print`);
  }
  if (p.source !== undefined && !isObj(p.source)) fail('source', '应为对象', 'must be an object');

  // Article texts first: everything cited is looked up in them.
  if (!isObj(p.articles) || Object.keys(p.articles).length === 0) fail('articles', '应列出所引用条文的原文（"第八条": "…"）', 'must hold the text of the articles it cites ("第八条": "…")');
  const articles = p.articles as Record<string, unknown>;
  for (const [k, v] of Object.entries(articles)) {
    if (!ARTICLE.test(k) && !k.startsWith('附件')) fail(`articles.${k}`, '条文名应为“第N条”或以“附件”开头', 'an article is named 第N条 or starts with 附件');
    str(v, `articles.${k}`);
  }
  const annexes = Object.keys(articles).filter((k) => k.startsWith('附件'));
  /** A citation's article: 第八条, 第二条、第八条, or an annex with what follows its title. */
  const cited = (v: unknown, path: string): string => {
    const a = str(v, path);
    for (const part of a.split('、')) {
      const ok = part.startsWith('附件') ? annexes.some((k) => part.startsWith(k)) : Object.prototype.hasOwnProperty.call(articles, part);
      if (!ok) fail(path, `引用的“${part}”不在本数据包的 articles 中，请补上该条原文`, `cites "${part}", which is not in this pack's articles: add its text`);
    }
    return a;
  };

  // In force
  if (!isObj(p.inForce)) fail('inForce', '应写明施行日期 { "from", "to", "article" }', 'must say when it is in force { "from", "to", "article" }');
  const inForce = p.inForce as Record<string, unknown>;
  const date = (v: unknown, path: string): string | null => {
    if (v === null) return null;
    const m = typeof v === 'string' ? ISO.exec(v) : null;
    const d = m === null ? null : new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (m === null || d === null || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) fail(path, '应为 YYYY-MM-DD 日期或 null', 'must be a YYYY-MM-DD date or null');
    return v as string;
  };
  const from = date(inForce.from, 'inForce.from');
  const to = date(inForce.to, 'inForce.to');
  if (from !== null && to !== null && to < from) fail('inForce.to', '失效日期早于施行日期', 'ends before it starts');
  cited(inForce.article, 'inForce.article');

  const detect = arr(p.detect, 'detect');
  if (detect.length === 0) fail('detect', '至少给出一个地名，用于识别工作簿所属办法', 'give at least one place name to recognise its workbooks by');
  detect.forEach((w, i) => {
    if (str(w, `detect[${i}]`).length < 2) fail(`detect[${i}]`, '识别词至少两个字，以免误认', 'a detection word needs two characters at least');
  });

  if (p.rules !== undefined) {
    if (!isObj(p.rules)) fail('rules', '应为 { 规则编号: 严重程度或 "off" }', 'must be { rule id: severity or "off" }');
    for (const [rid, s] of Object.entries(p.rules as Record<string, unknown>)) {
      if (options.ruleIds !== undefined && !options.ruleIds.has(rid)) fail(`rules.${rid}`, '没有这个规则编号', 'no rule has this id');
      if (s !== 'off') severity(s, `rules.${rid}`);
    }
  }

  const bound = (v: unknown, path: string): PackBound => {
    if (!isObj(v)) fail(path, '应为 { "wan": 万元数, "inclusive": true/false }', 'must be { "wan": amount in 万元, "inclusive": true/false }');
    const b = v as Record<string, unknown>;
    if (typeof b.wan !== 'number' || !Number.isFinite(b.wan) || b.wan < 0 || Math.round(b.wan * 100) !== b.wan * 100) {
      fail(`${path}.wan`, '应为不小于 0、最多两位小数的万元数', 'must be an amount in 万元, 0 or more, at most two decimals');
    }
    return { wan: b.wan as number, inclusive: bool(b.inclusive, `${path}.inclusive`) };
  };
  const range = (o: Record<string, unknown>, path: string): void => {
    const min = o.min === undefined ? undefined : bound(o.min, `${path}.min`);
    const max = o.max === undefined ? undefined : bound(o.max, `${path}.max`);
    if (min !== undefined && max !== undefined && (max.wan < min.wan || (max.wan === min.wan && !(max.inclusive && min.inclusive)))) {
      fail(path, '上下限之间没有金额', 'no amount lies between its bounds');
    }
  };

  if (p.thresholds !== undefined) {
    const ids = new Set<string>();
    arr(p.thresholds, 'thresholds').forEach((t, i) => {
      const path = `thresholds[${i}]`;
      if (!isObj(t)) fail(path, '应为对象', 'must be an object');
      const b = t as Record<string, unknown>;
      const tid = str(b.id, `${path}.id`);
      if (ids.has(tid)) fail(`${path}.id`, `与前面的档次重名“${tid}”`, `repeats the id "${tid}"`);
      ids.add(tid);
      if (b.min === undefined && b.max === undefined) fail(path, '应至少有 min 或 max', 'needs a min or a max');
      range(b, path);
      if (b.when !== undefined && b.when !== 'upgrade') fail(`${path}.when`, '只能是 "upgrade"', 'can only be "upgrade"');
      if (b.unless !== undefined && b.unless !== 'maintenance') fail(`${path}.unless`, '只能是 "maintenance"', 'can only be "maintenance"');
      if (b.basis !== undefined && b.basis !== 'approved') fail(`${path}.basis`, '只能是 "approved"', 'can only be "approved"');
      str(b.zh, `${path}.zh`);
      str(b.en, `${path}.en`);
      cited(b.article, `${path}.article`);
      if (b.finding !== undefined) {
        const f = b.finding as Record<string, unknown>;
        if (!isObj(f) || f.messageId !== 'outOfScope') fail(`${path}.finding`, '只能是 { "messageId": "outOfScope", "severity": … }', 'can only be { "messageId": "outOfScope", "severity": … }');
        severity(f.severity, `${path}.finding.severity`);
      }
    });
  }

  if (p.changeLimit !== undefined) {
    const c = p.changeLimit as Record<string, unknown>;
    if (!isObj(c)) fail('changeLimit', '应为 { "percent", "article", "filing" }', 'must be { "percent", "article", "filing" }');
    if (typeof c.percent !== 'number' || !(c.percent > 0 && c.percent < 100)) fail('changeLimit.percent', '应为 0 到 100 之间的百分数', 'must be a percentage between 0 and 100');
    cited(c.article, 'changeLimit.article');
    text(c.filing, 'changeLimit.filing');
  }
  if (p.adjustment !== undefined) {
    if (!isObj(p.adjustment)) fail('adjustment', '应为对象', 'must be an object');
    for (const [k, v] of Object.entries(p.adjustment as Record<string, unknown>)) {
      if (!['mayNotRaiseTotal', 'beforeProcurement', 'needsApproval'].includes(k)) fail(`adjustment.${k}`, '不认识这一项（可用 mayNotRaiseTotal、beforeProcurement、needsApproval）', 'unknown (mayNotRaiseTotal, beforeProcurement or needsApproval)');
      cited(v, `adjustment.${k}`);
    }
  }
  if (p.budgetArticle !== undefined) cited(p.budgetArticle, 'budgetArticle');
  if (p.withinEstimateArticle !== undefined) cited(p.withinEstimateArticle, 'withinEstimateArticle');
  if (p.omFeeLimit !== undefined) {
    const o = p.omFeeLimit as Record<string, unknown>;
    if (!isObj(o)) fail('omFeeLimit', '应为 { "percent", "article", "projectClass" }', 'must be { "percent", "article", "projectClass" }');
    if (typeof o.percent !== 'number' || !(o.percent > 0 && o.percent < 100)) fail('omFeeLimit.percent', '应为 0 到 100 之间的百分数', 'must be a percentage between 0 and 100');
    cited(o.article, 'omFeeLimit.article');
    str(o.projectClass, 'omFeeLimit.projectClass');
  }

  if (p.deadlines !== undefined) {
    arr(p.deadlines, 'deadlines').forEach((x, i) => checkDeadline(x, `deadlines[${i}]`));
  }
  function checkDeadline(x: unknown, path: string): void {
    if (!isObj(x)) fail(path, '应为对象', 'must be an object');
    const d = x as Record<string, unknown>;
    if (typeof d.key !== 'string' || !DEADLINE_KEYS.has(d.key)) {
      fail(`${path}.key`, `没有期限列 ${JSON.stringify(d.key)}（可用：${[...DEADLINE_KEYS].join('、')}）`, `no deadline column ${JSON.stringify(d.key)} (one of ${[...DEADLINE_KEYS].join(', ')})`);
    }
    cited(d.article, `${path}.article`);
    const kind = d.kind as PackDeadline['kind'];
    if (!DEADLINE_KINDS.includes(kind)) fail(`${path}.kind`, `没有这种期限（可用：${DEADLINE_KINDS.join('、')}）`, `no such kind of deadline (${DEADLINE_KINDS.join(', ')})`);
    if (kind === 'afterEvent') {
      const after = arr(d.after, `${path}.after`);
      if (after.length < 1 || after.length > 2) fail(`${path}.after`, '应为一个事件，或取两个事件中较晚的一个', 'one event, or the later of two');
      after.forEach((f, j) => field(f, `${path}.after[${j}]`));
      int(d.months, `${path}.months`, 1, 120);
      if (d.event !== undefined) field(d.event, `${path}.event`);
      if (d.proof !== undefined) {
        field(d.proof, `${path}.proof`);
        if (d.event === undefined) fail(`${path}.proof`, '有 proof 时须有 event', 'a proof needs an event');
      }
      if (d.informational !== undefined) bool(d.informational, `${path}.informational`);
      if (d.informational !== true && d.event === undefined) fail(`${path}.event`, '须写明记录完成情况的字段（只需知晓的日期写 "informational": true）', 'name the field recording it (or set "informational": true for a date only to be known)');
      if (d.when !== undefined) {
        const w = d.when as Record<string, unknown>;
        if (!isObj(w)) fail(`${path}.when`, '应为对象', 'must be an object');
        if (w.investment !== undefined) {
          const inv = w.investment as Record<string, unknown>;
          if (!isObj(inv) || (inv.min === undefined && inv.max === undefined)) fail(`${path}.when.investment`, '应有 min 或 max', 'needs a min or a max');
          range(inv, `${path}.when.investment`);
          bool(inv.ifUnknown, `${path}.when.investment.ifUnknown`);
        }
        if (w.projectClass !== undefined) str(w.projectClass, `${path}.when.projectClass`);
        if (w.notMaintenance !== undefined) bool(w.notMaintenance, `${path}.when.notMaintenance`);
      }
    } else if (kind === 'yearEndWhileBuilding') {
      field(d.event, `${path}.event`);
    } else if (kind === 'quarterlyWindow') {
      int(d.workingDays, `${path}.workingDays`, 1, 20);
      int(d.longerThanMonths, `${path}.longerThanMonths`, 0, 60);
    } else {
      const month = int(d.month, `${path}.month`, 1, 12);
      int(d.day, `${path}.day`, 1, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]);
      if (d.lateArticle !== undefined) cited(d.lateArticle, `${path}.lateArticle`);
    }
  }

  if (p.overlays !== undefined) {
    const ids = new Set<string>();
    const list = arr(p.overlays, 'overlays');
    // The classifier packs a verdict's overlays into OVERLAY_BITS (10) bits.
    if (list.length > 10) fail('overlays', '最多 10 条', '10 at most');
    list.forEach((x, i) => {
      const path = `overlays[${i}]`;
      if (!isObj(x)) fail(path, '应为对象', 'must be an object');
      const o = x as Record<string, unknown>;
      const oid = str(o.id, `${path}.id`);
      if (ids.has(oid)) fail(`${path}.id`, `重名“${oid}”`, `repeats the id "${oid}"`);
      ids.add(oid);
      const article = cited(o.article, `${path}.article`);
      severity(o.severity, `${path}.severity`);
      const sets = arr(o.when, `${path}.when`);
      if (sets.length === 0) fail(`${path}.when`, '至少一组条件', 'needs a condition set');
      sets.forEach((set, j) => {
        const groups = arr(set, `${path}.when[${j}]`);
        if (groups.length === 0) fail(`${path}.when[${j}]`, '条件组不能为空', 'a condition set cannot be empty');
        groups.forEach((g, k) => {
          const cs = arr(g, `${path}.when[${j}][${k}]`);
          if (cs.length === 0) fail(`${path}.when[${j}][${k}]`, '不能为空', 'cannot be empty');
          cs.forEach((c, l) => {
            if (typeof c !== 'string' || !CONCEPT_SET.has(c)) fail(`${path}.when[${j}][${k}][${l}]`, `没有概念 ${JSON.stringify(c)}（概念见 src/engine/expense/lexicon.ts 的 CONCEPTS）`, `no concept ${JSON.stringify(c)} (see CONCEPTS in src/engine/expense/lexicon.ts)`);
          });
        });
      });
      if (o.unless !== undefined) {
        arr(o.unless, `${path}.unless`).forEach((c, l) => {
          if (typeof c !== 'string' || !CONCEPT_SET.has(c)) fail(`${path}.unless[${l}]`, `没有概念 ${JSON.stringify(c)}`, `no concept ${JSON.stringify(c)}`);
        });
      }
      if (o.notForSystems !== undefined) bool(o.notForSystems, `${path}.notForSystems`);
      text(o.reason, `${path}.reason`);
      if (o.quote !== undefined) {
        const q = text(o.quote, `${path}.quote`);
        // White space is layout (a line wrapped inside a word in the published text), not wording.
        const body = article.split('、').map((a) => (articles[a] as string | undefined) ?? '').join('').replace(/\s+/g, '');
        let at = 0;
        for (const piece of q.zh.split('……').filter((s) => s !== '')) {
          const found = body.indexOf(piece.replace(/\s+/g, ''), at);
          if (found < 0) fail(`${path}.quote.zh`, `引文“${piece}”不在${article}的原文中`, `the quoted words "${piece}" are not in the text of ${article}`);
          at = found + piece.length;
        }
      }
    });
  }

  if (p.expenseTable !== undefined) {
    const e = p.expenseTable as Record<string, unknown>;
    if (!isObj(e) || typeof e.id !== 'string' || !EXPENSE_TABLE_IDS.includes(e.id)) {
      fail('expenseTable.id', `没有这个经费口径表（可用：${EXPENSE_TABLE_IDS.join('、')}）`, `no such expense-scope table (${EXPENSE_TABLE_IDS.join(', ')})`);
    }
    bool(e.binding, 'expenseTable.binding');
  }

  if (p.templates !== undefined) {
    const t = p.templates as Record<string, unknown>;
    if (!isObj(t)) fail('templates', '应为对象', 'must be an object');
    if ('from' in t) {
      const src = str(t.from, 'templates.from');
      if (src !== id && options.known !== undefined && !options.known.includes(src)) fail('templates.from', `没有办法“${src}”`, `no regulation "${src}"`);
    } else {
      for (const which of ['declaration', 'progress'] as const) {
        if (t[which] === undefined) continue;
        const path = `templates.${which}`;
        const tpl = t[which] as Record<string, unknown>;
        if (!isObj(tpl)) fail(path, '应为 { "title", "fields" }', 'must be { "title", "fields" }');
        const tt = str(tpl.title, `${path}.title`);
        if (!annexes.includes(tt)) fail(`${path}.title`, `“${tt}”不在本数据包的 articles 中（附件原文）`, `"${tt}" is not among this pack's annex texts`);
        if (!isObj(tpl.fields)) fail(`${path}.fields`, '应为 { 字段: 表上印的栏目名 }', 'must be { field: label printed on the form }');
        for (const [k, v] of Object.entries(tpl.fields as Record<string, unknown>)) {
          field(k, `${path}.fields.${k}`);
          str(v, `${path}.fields.${k}`);
        }
      }
    }
  }
  return json as unknown as RegulationPack;
}

/** Parses a pack file's text (JSON) and validates it; a syntax error names the file too. */
export function parsePack(textOfFile: string, file: string, options: { known?: readonly string[]; ruleIds?: ReadonlySet<string> } = {}): RegulationPack {
  let json: unknown;
  try {
    json = JSON.parse(textOfFile.charCodeAt(0) === 0xfeff ? textOfFile.slice(1) : textOfFile);
  } catch (e) {
    throw new PackError(file, '', `不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return loadPack(json, file, options);
}

