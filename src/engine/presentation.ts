// How a finding is shown everywhere (CLI text and copies, the add-in, the task pane): severity order, names, fills and cell-note text.
import { citationText } from './regulations';
import type { Finding, Lang, Severity } from './types';

/** Most severe first: the order of counts, filters and the lines of a note. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Higher is more severe; a cell with several findings is filled by its highest. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export const SEVERITY_NAME: Readonly<Record<Lang, Readonly<Record<Severity, string>>>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** Sort comparator: more severe first (stable for equal severities). */
export function bySeverity(a: { severity: Severity }, b: { severity: Severity }): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** The most severe of a non-empty list. */
export function topSeverity(items: readonly { severity: Severity }[]): Severity {
  let top: Severity = 'info';
  for (const f of items) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[top]) top = f.severity;
  return top;
}

/**
 * Cell fills as RRGGBB. Error and warning are Excel's own "Bad" and "Neutral" cell-style fills, which Excel users
 * already read as red = wrong, amber = look at this. Info is a light sage green: the templates' header bands are light
 * blue (DDEBF7, BDD7EE), and a lilac, the other candidate, looks like those blues to the red-green colour-blind (CIE
 * ΔE about 2), while this green stays at ΔE 25 or more from every band and 11 or more from the red and the amber, with
 * normal, protan or deutan vision (Machado simulation). It is Office's olive accent, not Excel's "Good" green C6EFCE,
 * so it does not read as "passed". Black text keeps at least 14:1 contrast on all three, and every note names the
 * severity in words, so colour is never the only sign.
 */
export const SEVERITY_FILL_RGB: Readonly<Record<Severity, string>> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'D8E4BC',
};

/** Fill as the OOXML package writes it (opaque ARGB). */
export function fillArgb(severity: Severity): string {
  return 'FF' + SEVERITY_FILL_RGB[severity];
}

/** Fill as Office.js sets it (#RRGGBB). */
export function fillHex(severity: Severity): string {
  return '#' + SEVERITY_FILL_RGB[severity];
}

/** First line of every note the checker writes, in the note's language; a re-check finds its own notes by it. */
export const NOTE_MARKER: Readonly<Record<Lang, string>> = {
  zh: '【fundcheck 资金规则检查】',
  en: '[fundcheck funding check]',
};

/** First line of the notes earlier CLI copies wrote; still recognised so re-checking an old copy replaces them. */
export const LEGACY_NOTE_MARKER = 'fundcheck';

/** Contained in every marker line, old and new: a cheap test whether a notes part may hold notes of ours. */
export const NOTE_MARKER_TOKEN = 'fundcheck';

const MARKER_LINES: readonly string[] = [NOTE_MARKER.zh, NOTE_MARKER.en, LEGACY_NOTE_MARKER];

/** Longest note written; Excel shows long notes poorly, so the finding list is cut with an ellipsis beyond it. */
export const MAX_NOTE_CHARS = 2000;

/** Whether a note's text is one of ours: its first line is a marker line (any language, or the legacy one). */
export function isOwnNote(text: string): boolean {
  const nl = text.indexOf('\n');
  return MARKER_LINES.includes((nl < 0 ? text : text.slice(0, nl)).trim());
}

/**
 * Where a note of ours starts inside a user's note that it was appended to (a blank line, then a marker line), or -1.
 */
export function ownNoteStart(text: string): number {
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 1)) {
    if (isOwnNote(text.slice(i + 2))) return i;
  }
  return -1;
}

/** A note of ours: the marker line, then the given lines, cut to MAX_NOTE_CHARS. */
export function ownNote(lines: readonly string[], lang: Lang): string {
  const s = [NOTE_MARKER[lang], ...lines].join('\n');
  return s.length > MAX_NOTE_CHARS ? s.slice(0, MAX_NOTE_CHARS - 1) + '…' : s;
}

/** The lines of a note of ours without its marker line (to merge two notes on one cell). */
export function ownNoteBody(text: string): string[] {
  return text.split('\n').slice(1);
}

/** One finding as one note line: severity name, message and citation, with Chinese punctuation in Chinese. */
export function findingLine(f: Pick<Finding, 'severity' | 'message' | 'citation'>, lang: Lang): string {
  const name = SEVERITY_NAME[lang][f.severity];
  if (lang === 'zh') return `${name}：${f.message}${f.citation ? `（依据：${citationText(f.citation)}）` : ''}`;
  return `${name}: ${f.message}${f.citation ? ` (per ${citationText(f.citation)})` : ''}`;
}

/** The note for one cell's findings: the row's project first (when known), then most severe first, one per line. */
export function noteText(findings: readonly Pick<Finding, 'severity' | 'message' | 'citation' | 'project'>[], lang: Lang): string {
  const project = findings.find((f) => f.project)?.project;
  const lines = findings.slice().sort(bySeverity).map((f) => findingLine(f, lang));
  if (project) lines.unshift(lang === 'zh' ? `项目：${project}` : `Project: ${project}`);
  return ownNote(lines, lang);
}
