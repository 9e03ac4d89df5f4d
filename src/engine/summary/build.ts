// A reviewer's summary across many checked workbooks: one row per project, the findings by severity, the checks that need several files, and what could not be checked.
import type { ComputedKey, Finding, Lang, Report, Severity } from '../types';
import { DEADLINE_HEADERS } from '../deadlines';
import { SEVERITY_RANK } from '../presentation';
import { citationText } from '../regulations';
import { findingsTable } from '../findings-table';
import { normalizeText } from '../values/text';
import type { FactCell, ProjectFact } from './facts';

/** One file of a round: its report and project facts, or why it was not checked. */
export interface SummaryFileInput {
  /** The file as the reviewer knows it (a path relative to where the command ran). */
  file: string;
  report?: Report;
  facts?: ProjectFact[];
  /** Why a readable-format file could not be checked (unusable input). */
  error?: string;
  /** Why a file found in a folder was not checked (lock file, .xlsb…). */
  skipped?: string;
}

export interface SummaryInput {
  asOf: string;
  lang: Lang;
  files: SummaryFileInput[];
  /** The previous round's files (--previous): their ledgers are compared with this round's. */
  previous?: SummaryFileInput[];
}

export interface ProjectRow {
  file: string;
  sheet: string;
  /** Excel row of the project (a form: the row of its project name). */
  row: number;
  unit: string;
  project: string;
  /** 项目投资 / 总投资 in 万元, else 批复概算; null when none is readable. */
  amount: number | null;
  /** The computed 审批/管理路径 of the row ('' when none). */
  approvalPath: string;
  /** Findings of the row, waived ones (verified or approved, not stale) left out and counted in `waivers`. */
  errors: number;
  warnings: number;
  info: number;
  waivers: number;
  /** Cross-file findings naming this project's row. */
  crossFile: number;
  /** The nearest open deadline on or after the reference date, else the latest one before it (YYYY-MM-DD). */
  nextDeadline: string | null;
  /** What that deadline is (its computed column's name, without the （自动） marker). */
  deadlineKind: string;
  /** Some deadline of the row has passed with its event unrecorded. */
  overdue: boolean;
}

export interface FindingRow {
  severity: Severity;
  file: string;
  sheet: string;
  cell: string;
  unit: string;
  project: string;
  message: string;
  citation: string;
  /** The waiver's text when the finding carries one ('' when none). */
  waiver: string;
  /** Waived (verified or approved, not stale): nothing left to do, so listed after the others. */
  waived: boolean;
  ruleId: string;
  /** The finding's project has an overdue deadline (sort key: act on those first). */
  overdue: boolean;
}

export type CrossFileId = 'cross/amount-mismatch' | 'cross/approved-mismatch' | 'cross/name-several-units' | 'cross/invested-decreased' | 'cross/progress-stalled';

/** A place a cross-file finding names: the file, the cell and what it holds. */
export interface CrossPlace {
  file: string;
  sheet: string;
  cell: string;
  value: string;
  /** 'previous' for a file of the previous round (--previous). */
  round: 'current' | 'previous';
}

export interface CrossFileFinding {
  id: CrossFileId;
  severity: Severity;
  unit: string;
  project: string;
  message: string;
  /** Two or more places, each a file and cell. */
  places: CrossPlace[];
}

export interface NotCheckedRow {
  file: string;
  round: 'current' | 'previous';
  /** 'unusable': a file that could not be read (exit 2); 'skipped': found in a folder but not a checkable workbook. */
  status: 'unusable' | 'skipped';
  reason: string;
}

export interface Summary {
  asOf: string;
  lang: Lang;
  /** Sorted for action: overdue first, then by errors (most first), then by unit, file and row. */
  projects: ProjectRow[];
  /** Every finding and workbook notice of the round, in the same order of action. */
  findings: FindingRow[];
  crossFile: CrossFileFinding[];
  notChecked: NotCheckedRow[];
}

/** Columns of findingsTable's rows (FINDINGS_TABLE_HEADER). */
const COL = { sheet: 0, cell: 1, project: 2, problem: 4, citation: 5, waiver: 6 } as const;

/** Window starts and minimum periods are no duty with a due date: they are not anybody's next deadline. */
const NOT_A_DEADLINE = new Set<ComputedKey>(['selfEvaluationFrom', 'freeMaintenanceUntil']);

const MARKER = /[（(]自动[）)]$|\s*\(auto\)$/;

/** A name or unit as compared across files: width and spaces folded, punctuation and case ignored. */
export function matchKey(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[·•・、，,。.．;；:：'"“”‘’《》〈〉()（）[\]【】\-—_–]/g, '');
}

// One collator for every comparison: localeCompare with a locale builds a new one per call (measured: most of the sort).
const COLLATOR = new Intl.Collator('zh-Hans-CN');
const byText = (a: string, b: string): number => (a === b ? 0 : COLLATOR.compare(a, b));

function waived(f: Finding): boolean {
  return f.waiver !== undefined && !f.waiver.stale;
}

function wan(n: number, lang: Lang): string {
  const s = n.toFixed(2);
  return lang === 'zh' ? `${s} 万元` : `${s} (10k yuan)`;
}

interface Placed {
  fileIndex: number;
  file: string;
  fact: ProjectFact;
  row: ProjectRow | null;
  round: 'current' | 'previous';
}

const T = {
  zh: {
    amountName: { investment: '项目投资', totalInvestment: '总投资' } as Record<string, string>,
    approved: '批复概算',
    at: (p: CrossPlace) => `${p.file}「${p.sheet}」${p.cell}`,
    amountMismatch: (proj: string, a: string, av: string, b: string, bv: string, what: string) =>
      `项目“${proj}”的${what}在申报表与进度表中不一致：${a} 为 ${av}，${b} 为 ${bv}`,
    severalUnits: (proj: string, units: string, places: string) => `项目名称“${proj}”由多个建设单位申报（${units}）：${places}，请核实是否重复申报`,
    investedDown: (proj: string, prev: string, pv: string, cur: string, cv: string) =>
      `项目“${proj}”的已投资比上一轮减少：上一轮 ${prev} 为 ${pv}，本轮 ${cur} 为 ${cv}（累计已投资不应减少，请核实）`,
    stalled: (proj: string, prev: string, cur: string, text: string) => `项目“${proj}”的建设进度与上一轮相比没有推进：上一轮 ${prev}，本轮 ${cur}，均为“${text}”`,
    stalledPct: (proj: string, prev: string, pv: string, cur: string, cv: string) => `项目“${proj}”的建设进度与上一轮相比没有推进：上一轮 ${prev} 为“${pv}”，本轮 ${cur} 为“${cv}”`,
    sep: '、',
  },
  en: {
    amountName: { investment: 'project investment (项目投资)', totalInvestment: 'total investment (总投资)' } as Record<string, string>,
    approved: 'approved estimate (批复概算)',
    at: (p: CrossPlace) => `${p.file} "${p.sheet}" ${p.cell}`,
    amountMismatch: (proj: string, a: string, av: string, b: string, bv: string, what: string) =>
      `Project "${proj}": the ${what} differs between the declaration and the progress report: ${a} holds ${av}, ${b} holds ${bv}`,
    severalUnits: (proj: string, units: string, places: string) => `The project name "${proj}" is declared by several units (${units}): ${places}; check whether it is declared twice`,
    investedDown: (proj: string, prev: string, pv: string, cur: string, cv: string) =>
      `Project "${proj}": invested to date (已投资) went down since the previous round: ${prev} held ${pv}, ${cur} holds ${cv} (a cumulative amount should not decrease)`,
    stalled: (proj: string, prev: string, cur: string, text: string) => `Project "${proj}": construction progress (建设进度) has not moved since the previous round: ${prev} and ${cur} both read "${text}"`,
    stalledPct: (proj: string, prev: string, pv: string, cur: string, cv: string) => `Project "${proj}": construction progress (建设进度) has not moved since the previous round: ${prev} read "${pv}", ${cur} reads "${cv}"`,
    sep: ', ',
  },
};

/** The file's name without its folders: a ledger keeps its name from round to round, not its folder. */
function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return matchKey(i >= 0 ? file.slice(i + 1) : file);
}

const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/;
const FINISHED = /已(?:全部)?完成|已竣工|已验收|已完工|已上线/;

/** Progress that has not moved: the same percentage or less, or the same words (unless it says it is finished). */
function stalled(prev: string, cur: string): boolean {
  const p = PERCENT.exec(normalizeText(prev));
  const c = PERCENT.exec(normalizeText(cur));
  if (p && c) return +p[1]! < 100 && +c[1]! <= +p[1]!;
  if (p || c) return false;
  return normalizeText(prev) === normalizeText(cur) && !FINISHED.test(prev);
}

function projectRows(input: SummaryFileInput, fileIndex: number, asOf: string, lang: Lang, placed: Placed[], findings: FindingRow[]): ProjectRow[] {
  const report = input.report!;
  const rows: ProjectRow[] = [];
  const bySheetRow = new Map<string, ProjectRow>();
  const formOf = new Map<string, ProjectRow>();
  for (const fact of input.facts ?? []) {
    const row: ProjectRow = {
      file: input.file,
      sheet: fact.sheet,
      row: fact.row,
      unit: fact.unit?.value ?? '',
      project: fact.name?.value ?? '',
      amount: fact.amount?.value ?? fact.approved?.value ?? null,
      approvalPath: '',
      errors: 0,
      warnings: 0,
      info: 0,
      waivers: 0,
      crossFile: 0,
      nextDeadline: null,
      deadlineKind: '',
      overdue: false,
    };
    rows.push(row);
    placed.push({ fileIndex, file: input.file, fact, row, round: 'current' });
    if (fact.kind === 'progress-form') formOf.set(fact.sheet, row);
    else bySheetRow.set(`${fact.sheet}\u0000${fact.row}`, row);
  }
  const rowOf = (sheet: string, r: number): ProjectRow | undefined => formOf.get(sheet) ?? bySheetRow.get(`${sheet}\u0000${r}`);

  // Computed values: the approval path, and the deadlines still open.
  const open = new Map<ProjectRow, { day: string; key: ComputedKey; status: string }[]>();
  for (const s of report.sheets) {
    for (const c of s.computedColumns) {
      for (let i = 0; i < c.rows.length; i++) {
        const row = rowOf(s.name, c.rows[i]!);
        if (!row) continue;
        if (c.key === 'approvalPath') row.approvalPath = c.values[i]!;
        else if (c.type === 'date' && c.status !== null && !NOT_A_DEADLINE.has(c.key) && c.status[i] !== 'done') {
          let list = open.get(row);
          if (!list) open.set(row, (list = []));
          list.push({ day: c.values[i]!, key: c.key, status: c.status[i]! });
        }
      }
    }
  }
  for (const [row, list] of open) {
    // YYYY-MM-DD compares as text.
    const ahead = list.filter((d) => d.day >= asOf).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const past = list.filter((d) => d.day < asOf).sort((a, b) => (a.day > b.day ? -1 : a.day < b.day ? 1 : 0));
    const next = ahead[0] ?? past[0]!;
    row.nextDeadline = next.day;
    const h = DEADLINE_HEADERS[next.key];
    row.deadlineKind = (lang === 'zh' ? h.zh : h.en).replace(MARKER, '');
    row.overdue = list.some((d) => d.status === 'overdue');
  }

  // Findings: counted on their project's row; listed as the findings table lists them, with file and unit added.
  const table = findingsTable(report, lang).rows;
  report.findings.forEach((f, i) => {
    const row = f.row > 0 ? rowOf(f.sheet, f.row) : undefined;
    if (row) {
      if (waived(f)) row.waivers++;
      else if (f.severity === 'error') row.errors++;
      else if (f.severity === 'warning') row.warnings++;
      else row.info++;
    }
    const t = table[i]!.map(String);
    findings.push({
      severity: f.severity,
      file: input.file,
      sheet: t[COL.sheet]!,
      cell: t[COL.cell]!,
      unit: row?.unit ?? '',
      project: t[COL.project] || row?.project || '',
      message: t[COL.problem]!,
      citation: t[COL.citation]!,
      waiver: t[COL.waiver]!,
      waived: waived(f),
      ruleId: f.ruleId,
      overdue: row?.overdue === true,
    });
  });
  for (const n of report.notices) {
    findings.push({
      severity: n.severity,
      file: input.file,
      sheet: '',
      cell: '',
      unit: '',
      project: '',
      message: n.message,
      citation: n.citation ? citationText(n.citation) : '',
      waiver: '',
      waived: false,
      ruleId: n.id,
      overdue: false,
    });
  }
  return rows;
}

function place(p: Placed, c: FactCell<unknown> | undefined, value: string): CrossPlace {
  return { file: p.file, sheet: p.fact.sheet, cell: c?.cell ?? `A${p.fact.row}`, value, round: p.round };
}

/** Declaration against progress report: the same project (name and unit) with another 总投资 or 批复概算. */
function amountChecks(current: Placed[], lang: Lang, out: CrossFileFinding[]): void {
  const t = T[lang];
  const decl = current.filter((p) => p.fact.kind === 'declaration' && p.fact.name?.value);
  const prog = current.filter((p) => p.fact.kind !== 'declaration' && p.fact.name?.value);
  const progByName = new Map<string, Placed[]>();
  for (const p of prog) {
    const k = matchKey(p.fact.name!.value);
    const list = progByName.get(k);
    if (list) list.push(p);
    else progByName.set(k, [p]);
  }
  for (const d of decl) {
    const du = matchKey(d.fact.unit?.value ?? '');
    for (const p of progByName.get(matchKey(d.fact.name!.value)) ?? []) {
      const pu = matchKey(p.fact.unit?.value ?? '');
      // A sheet without a unit column (a ledger of one unit) matches by name; two units named must be the same.
      if (du && pu && du !== pu) continue;
      const pairs: [FactCell<number | null> | undefined, string, FactCell<number | null> | undefined, string, CrossFileId][] = [];
      const dAmount = d.fact.amount;
      const pTotal = p.fact.amount?.field === 'totalInvestment' ? p.fact.amount : undefined;
      if (pTotal) pairs.push([dAmount, t.amountName[dAmount?.field ?? 'investment']!, pTotal, t.amountName.totalInvestment!, 'cross/amount-mismatch']);
      if (d.fact.approved && p.fact.approved) pairs.push([d.fact.approved, t.approved, p.fact.approved, t.approved, 'cross/approved-mismatch']);
      // A ledger that keeps only 批复概算 is compared with what was declared.
      else if (!pTotal && p.fact.approved) pairs.push([dAmount, t.amountName[dAmount?.field ?? 'investment']!, p.fact.approved, t.approved, 'cross/approved-mismatch']);
      for (const [a, aName, b, bName, id] of pairs) {
        if (!a || !b || a.value === null || b.value === null || Math.round(a.value * 100) === Math.round(b.value * 100)) continue;
        const pa = place(d, a, wan(a.value, lang));
        const pb = place(p, b, wan(b.value, lang));
        const what = aName === bName ? aName : `${aName}${lang === 'zh' ? '／' : ' / '}${bName}`;
        out.push({
          id,
          severity: 'warning',
          unit: d.fact.unit?.value || p.fact.unit?.value || '',
          project: d.fact.name!.value,
          message: t.amountMismatch(d.fact.name!.value, t.at(pa), pa.value, t.at(pb), pb.value, what),
          places: [pa, pb],
        });
        if (d.row) d.row.crossFile++;
        if (p.row) p.row.crossFile++;
      }
    }
  }
}

/** One project name declared by two or more units, across files (a duplicate within one sheet the check itself reports). */
function unitChecks(current: Placed[], lang: Lang, out: CrossFileFinding[]): void {
  const t = T[lang];
  const groups = new Map<string, Placed[]>();
  for (const p of current) {
    if (p.fact.kind !== 'declaration' || !p.fact.name?.value || !p.fact.unit?.value) continue;
    const k = matchKey(p.fact.name.value);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  for (const list of groups.values()) {
    const units = [...new Set(list.map((p) => matchKey(p.fact.unit!.value)))];
    const files = new Set(list.map((p) => p.fileIndex));
    if (units.length < 2 || files.size < 2) continue;
    const places = list.map((p) => place(p, p.fact.name, p.fact.unit!.value));
    const unitNames = [...new Set(list.map((p) => p.fact.unit!.value))];
    out.push({
      id: 'cross/name-several-units',
      severity: 'warning',
      unit: unitNames.join(t.sep),
      project: list[0]!.fact.name!.value,
      message: t.severalUnits(list[0]!.fact.name!.value, unitNames.join(t.sep), places.map((x) => t.at(x)).join(t.sep)),
      places,
    });
    for (const p of list) if (p.row) p.row.crossFile++;
  }
}

/** This round's progress rows against the previous round's: 已投资 must not go down, 建设进度 must move. */
function roundChecks(current: Placed[], previous: Placed[], lang: Lang, out: CrossFileFinding[]): void {
  const t = T[lang];
  const progress = (p: Placed) => p.fact.kind !== 'declaration' && !!p.fact.name?.value;
  const byFile = new Map<string, Placed>();
  const byUnit = new Map<string, Placed>();
  for (const p of previous.filter(progress)) {
    const name = matchKey(p.fact.name!.value);
    byFile.set(`${baseName(p.file)}\u0000${name}`, p);
    const unit = matchKey(p.fact.unit?.value ?? '');
    if (unit) byUnit.set(`${unit}\u0000${name}`, p);
  }
  for (const c of current.filter(progress)) {
    const name = matchKey(c.fact.name!.value);
    const unit = matchKey(c.fact.unit?.value ?? '');
    const p = byFile.get(`${baseName(c.file)}\u0000${name}`) ?? (unit ? byUnit.get(`${unit}\u0000${name}`) : undefined);
    if (!p) continue;
    const project = c.fact.name!.value;
    const base = { severity: 'warning' as Severity, unit: c.fact.unit?.value || p.fact.unit?.value || '', project };
    const pi = p.fact.invested;
    const ci = c.fact.invested;
    if (pi && ci && pi.value !== null && ci.value !== null && Math.round(ci.value * 100) < Math.round(pi.value * 100)) {
      const a = place(p, pi, wan(pi.value, lang));
      const b = place(c, ci, wan(ci.value, lang));
      out.push({ ...base, id: 'cross/invested-decreased', message: t.investedDown(project, t.at(a), a.value, t.at(b), b.value), places: [a, b] });
      if (c.row) c.row.crossFile++;
    }
    const pp = p.fact.progress;
    const cp = c.fact.progress;
    if (pp && cp && pp.value && cp.value && stalled(pp.value, cp.value)) {
      const a = place(p, pp, pp.value);
      const b = place(c, cp, cp.value);
      const same = normalizeText(pp.value) === normalizeText(cp.value);
      out.push({
        ...base,
        id: 'cross/progress-stalled',
        message: same ? t.stalled(project, t.at(a), t.at(b), cp.value) : t.stalledPct(project, t.at(a), pp.value, t.at(b), cp.value),
        places: [a, b],
      });
      if (c.row) c.row.crossFile++;
    }
  }
}

function notChecked(files: SummaryFileInput[], round: 'current' | 'previous'): NotCheckedRow[] {
  const out: NotCheckedRow[] = [];
  for (const f of files) {
    if (f.skipped !== undefined) out.push({ file: f.file, round, status: 'skipped', reason: f.skipped });
    else if (!f.report) out.push({ file: f.file, round, status: 'unusable', reason: f.error ?? '' });
  }
  return out;
}

/** Builds the summary of a round (and its comparison with the previous one). Pure: per-file results in, rows out. */
export function buildSummary(input: SummaryInput): Summary {
  const { asOf, lang } = input;
  const placed: Placed[] = [];
  const findings: FindingRow[] = [];
  const projects: ProjectRow[] = [];
  input.files.forEach((f, i) => {
    if (f.report) projects.push(...projectRows(f, i, asOf, lang, placed, findings));
  });
  const previous: Placed[] = [];
  (input.previous ?? []).forEach((f, i) => {
    for (const fact of f.facts ?? []) previous.push({ fileIndex: -1 - i, file: f.file, fact, row: null, round: 'previous' });
  });

  const crossFile: CrossFileFinding[] = [];
  amountChecks(placed, lang, crossFile);
  unitChecks(placed, lang, crossFile);
  if (input.previous) roundChecks(placed, previous, lang, crossFile);

  const order = (a: ProjectRow, b: ProjectRow) =>
    Number(b.overdue) - Number(a.overdue) || b.errors - a.errors || byText(a.unit, b.unit) || byText(a.file, b.file) || byText(a.sheet, b.sheet) || a.row - b.row;
  projects.sort(order);
  const rank = new Map(projects.map((p, i) => [`${p.file}\u0000${p.unit}\u0000${p.project}`, i]));
  findings.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      Number(a.waived) - Number(b.waived) ||
      byText(a.unit, b.unit) ||
      byText(a.file, b.file) ||
      (rank.get(`${a.file}\u0000${a.unit}\u0000${a.project}`) ?? -1) - (rank.get(`${b.file}\u0000${b.unit}\u0000${b.project}`) ?? -1) ||
      byText(a.sheet, b.sheet) ||
      cellOrder(a.cell, b.cell),
  );
  crossFile.sort((a, b) => byText(a.unit, b.unit) || byText(a.project, b.project));
  return {
    asOf,
    lang,
    projects,
    findings,
    crossFile,
    notChecked: [...notChecked(input.files, 'current'), ...notChecked(input.previous ?? [], 'previous')],
  };
}

function cellOrder(a: string, b: string): number {
  const ra = +(/\d+$/.exec(a)?.[0] ?? 0);
  const rb = +(/\d+$/.exec(b)?.[0] ?? 0);
  return ra - rb || a.length - b.length || byText(a, b);
}

