// Every finding cites its source: a regulation's article, or the template field a form-filling check comes from.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../src/engine';
import type { CheckOptions, ProfileId, WorkbookSnapshot } from '../../src/engine/types';
import { readWorkbook } from '../../src/cli/read';
import { HOSTILE_VALUES, declarationWith, goodWorkbook, ledgerWith, writeHostileWorkbook } from '../support/hostile';

const AS_OF = '2026-05-20';
const PROFILES: (ProfileId | 'auto')[] = ['auto', 'wuhan', 'yeji', 'wulong', 'laizhou', 'generic'];
const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

// Checks whose findings may cite the template rather than an article: how the forms are filled.
const FORM_CATEGORIES = new Set(['completeness', 'format', 'consistency']);

/**
 * "profile ruleId messageId (input, date)" of each finding without a citation, and of each finding of a regulation's
 * own checks (thresholds, eligibility, change limits, deadlines) citing a template under a regulation's profile: the
 * engine's template fallback must not stand in for a missing article.
 */
function uncited(label: string, snapshot: WorkbookSnapshot, dates: string[] = [AS_OF, '2030-12-31'], options: Partial<CheckOptions> = {}): string[] {
  const out: string[] = [];
  for (const profile of PROFILES) {
    // A date late enough that every deadline has passed and 申报截止 too: the most findings.
    for (const asOf of dates) {
      const report = check(snapshot, { asOf, profile, ...options });
      for (const f of report.findings) {
        const where = `${report.profile.id} ${f.ruleId} ${f.messageId} (${label}, ${asOf})`;
        if (f.citation === null) out.push(where);
        else if (f.citation.kind === 'template' && report.profile.id !== 'generic' && !FORM_CATEGORIES.has(f.category)) out.push(`template for ${where}`);
      }
    }
  }
  return out;
}

function unique(lines: string[]): string[] {
  // One line per profile and message: the first input that shows it.
  const seen = new Map<string, string>();
  for (const l of lines) {
    const key = l.split(' (')[0]!;
    if (!seen.has(key)) seen.set(key, l);
  }
  return [...seen.values()].sort();
}

describe('every finding has a citation', () => {
  test.each(fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')))('sample %s, under every profile', async (file) => {
    const { snapshot } = await readWorkbook(path.join(SAMPLES, file));
    expect(unique(uncited(file, snapshot))).toEqual([]);
  });

  test('the hostile values in every declaration and ledger column', () => {
    const lines: string[] = [];
    for (const [name, value] of HOSTILE_VALUES) {
      for (let col = 0; col < 15; col++) {
        lines.push(...uncited(`decl:${name}:${col}`, declarationWith(col, value), ['2030-12-31']));
        lines.push(...uncited(`ledger:${name}:${col}`, ledgerWith(col, value), ['2030-12-31']));
      }
    }
    expect(unique(lines)).toEqual([]);
  });

  test('the hostile workbook and the good workbook of the CLI tests', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-cite-'));
    try {
      const hostile = path.join(dir, 'hostile.xlsx');
      await writeHostileWorkbook(hostile);
      const good = path.join(dir, 'good.xlsx');
      fs.writeFileSync(good, await goodWorkbook());
      const lines: string[] = [];
      for (const f of [hostile, good]) lines.push(...uncited(path.basename(f), (await readWorkbook(f)).snapshot));
      expect(unique(lines)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

