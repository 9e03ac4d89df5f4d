// The regulations the checker knows: the built-in packs plus any the user loads, each resolved once into a Regulation and a Profile.
import type { Citation, ComputedKey, ProfileId } from '../types';
import type { Profile, ProfileParams, ThresholdBand } from '../profiles/types';
import type { DeadlineSpec } from '../deadlines/spec';
import { compileOverlays } from '../expense/classify';
import { loadPack } from './load';
import type { PackBound, RegulationPack } from './types';
import wuhan from './wuhan.json';
import yeji from './yeji.json';
import wulong from './wulong.json';
import laizhou from './laizhou.json';

/** One regulation as the reports, menus and messages name it. */
export interface Regulation {
  id: string;
  /** The place: 武汉 / Wuhan. */
  name: { zh: string; en: string };
  /** Title with document number, as cited. */
  title: string;
  /** The issuing number (文号), null when the text has none. */
  documentNumber: string | null;
  titleEn: string;
  /** First day in force, YYYY-MM-DD, or null when the text gives no date (自印发之日起施行 with no date printed). */
  inForceFrom: string | null;
  /** Last day in force, or null while it has no end. */
  inForceTo: string | null;
  /** The article on the period of force, cited by the expired and not-yet-in-force notices. */
  validityArticle: string;
  /** Article and annex texts by name (第八条, 附件1《…》). */
  articles: Readonly<Record<string, string>>;
  /** Words that tell a workbook is under this regulation. */
  detect: readonly string[];
  /** Loaded by the user (--rules, the pane's import), not shipped. */
  user: boolean;
}

/** The packs that ship with the checker, in menu order. Validated when first used; a test loads each with every check. */
const BUILTIN_PACKS: readonly unknown[] = [wuhan, yeji, wulong, laizhou];
/** Whose forms are cited when a pack names none: the only published declaration and progress forms (附件1, 附件2). */
const DEFAULT_TEMPLATES = 'yeji';

const wanToCents = (b: PackBound | undefined) => (b === undefined ? undefined : { cents: Math.round(b.wan * 100), inclusive: b.inclusive });

export interface Templates {
  regulation: Regulation;
  declaration: { title: string; fields: Partial<Record<string, string>> } | null;
  progress: { title: string; fields: Partial<Record<string, string>> } | null;
}

/** A set of regulations: look-ups by id, detection words, and each one's profile. */
export class Registry {
  readonly regulations: readonly Regulation[];
  /** The packs as loaded (validated), in menu order. */
  readonly packs: readonly RegulationPack[];
  private readonly byId = new Map<string, { pack: RegulationPack; regulation: Regulation; profile?: Profile }>();

  constructor(packs: readonly RegulationPack[], userIds: ReadonlySet<string> = new Set()) {
    for (const pack of packs) {
      if (this.byId.has(pack.id)) throw new Error(`two regulation packs have the id ${pack.id}`);
      this.byId.set(pack.id, { pack, regulation: regulationOf(pack, userIds.has(pack.id)) });
    }
    this.regulations = [...this.byId.values()].map((e) => e.regulation);
    this.packs = [...this.byId.values()].map((e) => e.pack);
  }

  private genericProfile: Profile | undefined;
  /** No regulation recognised: only the rules every regulation shares, citing the default forms. */
  get generic(): Profile {
    return (this.genericProfile ??= Object.freeze({
      id: 'generic',
      regulation: null,
      onlyAllProfileRules: true,
      rules: {},
      params: EMPTY_PARAMS,
      deadlines: [],
      overlayKey: '',
      expenseTable: { id: 'wulong-expense-scope', binding: false },
      templates: this.templates(DEFAULT_TEMPLATES),
    }));
  }

  ids(): string[] {
    return this.regulations.map((r) => r.id);
  }

  regulation(id: string): Regulation | undefined {
    return this.byId.get(id)?.regulation;
  }

  /** The profile of a regulation id, or the generic one; undefined for an unknown id. */
  profile(id: ProfileId): Profile | undefined {
    if (id === 'generic') return this.generic;
    const e = this.byId.get(id);
    if (e === undefined) return undefined;
    return (e.profile ??= profileOf(e.pack, e.regulation, this));
  }

  /** The forms a pack's form-filling findings cite: its own, those it borrows (templates.from), else the default ones. */
  templates(id: string, seen: readonly string[] = []): Templates | null {
    if (seen.includes(id)) return null;
    const e = this.byId.get(id);
    const t = e?.pack.templates;
    if (e === undefined || t === undefined) return id === DEFAULT_TEMPLATES ? null : this.templates(DEFAULT_TEMPLATES, [...seen, id]);
    if ('from' in t) return this.templates(t.from, [...seen, id]);
    return { regulation: e.regulation, declaration: t.declaration ?? null, progress: t.progress ?? null };
  }

  /** The same regulations plus the user's packs (a user's pack may not reuse a shipped id). */
  with(user: readonly RegulationPack[]): Registry {
    if (user.length === 0) return this;
    const ids = new Set(user.map((p) => p.id));
    return new Registry(this.packs.concat(user), ids);
  }
}

function regulationOf(pack: RegulationPack, user: boolean): Regulation {
  return Object.freeze({
    id: pack.id,
    name: pack.name,
    title: pack.title.zh,
    documentNumber: pack.documentNumber ?? null,
    titleEn: pack.title.en,
    inForceFrom: pack.inForce.from,
    inForceTo: pack.inForce.to,
    validityArticle: pack.inForce.article,
    articles: pack.articles,
    detect: pack.detect,
    user,
  });
}

const EMPTY_PARAMS: ProfileParams = Object.freeze({
  thresholds: [],
  changeLimit: null,
  changeFiling: null,
  adjustmentMayNotRaiseTotal: null,
  adjustBeforeProcurement: null,
  adjustmentNeedsApproval: null,
  budgetCitation: null,
  withinEstimateCitation: null,
  omFeeLimit: null,
});

function profileOf(pack: RegulationPack, regulation: Regulation, registry: Registry): Profile {
  // Citations are shared by every finding that cites the same article: one frozen object each.
  const cites = new Map<string, Citation>();
  const cite = (article: string): Citation => {
    let c = cites.get(article);
    if (c === undefined) cites.set(article, (c = Object.freeze({ profile: pack.id, regulation: regulation.title, article })));
    return c;
  };
  const opt = (article: string | undefined) => (article === undefined ? null : cite(article));
  const thresholds: ThresholdBand[] = (pack.thresholds ?? []).map((t) =>
    Object.freeze({
      id: t.id,
      min: wanToCents(t.min),
      max: wanToCents(t.max),
      when: t.when,
      unless: t.unless,
      basis: t.basis,
      zh: t.zh,
      en: t.en,
      citation: cite(t.article),
      finding: t.finding,
    }),
  );
  const params: ProfileParams = {
    thresholds,
    changeLimit: pack.changeLimit === undefined ? null : { percent: pack.changeLimit.percent, citation: cite(pack.changeLimit.article) },
    changeFiling: pack.changeLimit?.filing ?? null,
    adjustmentMayNotRaiseTotal: opt(pack.adjustment?.mayNotRaiseTotal),
    adjustBeforeProcurement: opt(pack.adjustment?.beforeProcurement),
    adjustmentNeedsApproval: opt(pack.adjustment?.needsApproval),
    budgetCitation: opt(pack.budgetArticle),
    withinEstimateCitation: opt(pack.withinEstimateArticle),
    omFeeLimit: pack.omFeeLimit === undefined ? null : { percent: pack.omFeeLimit.percent, citation: cite(pack.omFeeLimit.article), projectClass: pack.omFeeLimit.projectClass },
  };
  const deadlines: DeadlineSpec[] = (pack.deadlines ?? []).map((d) => {
    const base = { key: d.key as ComputedKey, citation: cite(d.article) };
    switch (d.kind) {
      case 'afterEvent': {
        const inv = d.when?.investment;
        return Object.freeze({
          ...base,
          kind: d.kind,
          after: Object.freeze(d.after.slice()),
          months: d.months,
          event: d.event,
          proof: d.proof,
          informational: d.informational === true,
          investment: inv === undefined ? undefined : { min: wanToCents(inv.min), max: wanToCents(inv.max), ifUnknown: inv.ifUnknown },
          projectClass: d.when?.projectClass,
          notMaintenance: d.when?.notMaintenance === true,
        });
      }
      case 'yearEndWhileBuilding':
        return Object.freeze({ ...base, kind: d.kind, event: d.event });
      case 'quarterlyWindow':
        return Object.freeze({ ...base, kind: d.kind, workingDays: d.workingDays, longerThanMonths: d.longerThanMonths });
      case 'beforeProjectYear':
        return Object.freeze({ ...base, kind: d.kind, month: d.month, day: d.day, lateCitation: cite(d.lateArticle ?? d.article) });
    }
  });
  const overlays = (pack.overlays ?? []).map((o) => {
    const n = articleNumberEn(o.article);
    return {
      id: o.id,
      citation: cite(o.article),
      severity: o.severity,
      when: o.when,
      unless: o.unless,
      notForSystems: o.notForSystems === true,
      reason: o.quote === undefined ? o.reason.zh : `${o.reason.zh}${o.article}：“${o.quote.zh}”`,
      reasonEn: o.quote === undefined ? o.reason.en : `${o.reason.en} ${n}: "${o.quote.en}"`,
    };
  });
  return Object.freeze({
    id: pack.id,
    regulation,
    onlyAllProfileRules: false,
    rules: { ...(pack.rules ?? {}) },
    params: Object.freeze(params),
    deadlines: Object.freeze(deadlines),
    overlayKey: overlays.length === 0 ? '' : compileOverlays(pack.id, overlays),
    expenseTable: pack.expenseTable ?? { id: 'wulong-expense-scope', binding: false },
    templates: registry.templates(pack.id),
  });
}

const DIGITS = '零一二三四五六七八九';
/** 第二十三条 → "Article 23", for English texts quoting an article. */
export function articleNumberEn(article: string): string {
  const m = /^第([一二三四五六七八九十百零]+)条$/.exec(article);
  if (m === null) return article;
  let total = 0;
  let current = 0;
  for (const ch of m[1]) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGITS.indexOf(ch);
  }
  return `Article ${total + current}`;
}

let builtin: Registry | undefined;
/** The shipped regulations (built on first use, so module load order never matters). */
export function builtinRegistry(): Registry {
  if (builtin === undefined) {
    const packs = BUILTIN_PACKS.map((json) => loadPack(json, `${(json as { id?: string }).id ?? '?'}.json`));
    builtin = new Registry(packs);
  }
  return builtin;
}
