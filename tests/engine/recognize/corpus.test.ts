// The header corpora as tables: each wording lands in its field (or nowhere) and each layout gets its kind and columns.
import { CORPORA, tryLayout, tryWording, type TableKind, type Wording } from './corpus';

/**
 * Wordings the matcher reads otherwise, each with why. The lists are the honest remainder, kept short: a wording
 * that starts to pass fails its row here, so it leaves the list as soon as it is fixed.
 */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  corpus: {
    // 申请财政资金 is the fiscal share asked for; read as 财政资金, which is what the column holds on most forms
    'declaration|申请财政资金（万元）': 'fundFiscal reading',
    // a label and its placeholder in one cell: the value has no cell of its own to read
    'progress-form|填报日期：    年  月  日': 'label with placeholder',
    // 建设单位 with a bracketed note: the note is dropped with the brackets, leaving the owner's wording
    'progress-table|建设单位（承建方）': 'bracketed note',
    // a budget line's name on a declaration is read as its description
    'declaration|预算科目': 'declaration item',
    // an expense row's 依据/描述 column is kept as its remark
    'expense|测算依据': 'expense remark',
    'expense|计算依据': 'expense remark',
    'expense|功能描述': 'expense remark',
  },
  'corpus-heldout': {
    // two-character typos are one keystroke from too many wordings to guess
    'declaration|自酬（万元）': 'short typo',
    'declaration|备住': 'short typo',
    // 上级 funds are read as fiscal (the first corpus reads them so too)
    'declaration|上级补助资金': 'fiscal reading',
    // the first corpus counts a planned start as the start date; this one does not
    'progress-table|计划开工时间': 'corpora disagree',
    // head nouns the reader does not know
    'expense|总支出数': 'unknown head',
    'expense|总租金': 'unknown head',
    'expense|测算过程': 'unknown head',
    // beside 申报金额 the audited amount is not the row's amount; alone it would be
    'expense|审定金额（万元）': 'audited amount',
  },
  'corpus-third': {
    // 进展情况 reads as progress; here it is the state of preliminary work, no column of ours
    'declaration|前期工作\n进展情况': 'progress reading',
    // alone on a form 建设单位 is the builder (附件2); the corpus reads it as the unit, as it is beside 承建单位
    'progress-form|建设单位：': 'form builder',
    // the first corpus counts a planned completion as the completion date; this one does not
    'progress-form|计划完成时间': 'corpora disagree',
    'expense|审定金额': 'audited amount',
    // 项目内容 on an expense sheet is its item here; read as the project's content
    'expense|项目内容': 'content reading',
  },
};

/** Layouts with a column the reader cannot place, and which. */
const KNOWN_LAYOUT_MISSES: Record<string, string[]> = {
  // 建设单位 beside 项目建设单位名称 is the builder on the form it was copied from; a ledger reads it as the unit
  'ledger-from-annex2': ['builder'],
  'pt-template-as-table': ['builder'],
  // the short typos above
  'decl-typos': ['fundSelf', 'remark'],
  'decl-annual-plan': ['fundOther'],
  // 治理类型 is no wording of a project type
  'pt-pollution-adapted': ['projectType'],
  // two progress columns: the overall one is read, the corpus wants the cumulative one
  'pt-weekly-code-export': ['progress'],
  // the title 项目进度情况 is read as a 建设进度 label
  'pf-colon-labels': ['progress'],
  // a vertical form whose 建设单位 sits beside no other builder label: read as the builder, as on 附件2
  绩效及验收节点: ['unit'],
};

for (const corpus of CORPORA) {
  const misses = KNOWN_MISSES[corpus.name] ?? {};
  const cases: [string, Wording, TableKind][] = [];
  for (const w of corpus.wordings) for (const k of w.kinds) cases.push([`${k}|${w.text}`, w, k]);

  describe(`${corpus.name}: every wording, in a sheet of its kind`, () => {
    test.each(cases)('%j', (id, w, kind) => {
      const out = tryWording(w, kind);
      if (id in misses || `${kind}|${w.text}` in misses) expect(out.ok).toBe(false);
      else expect({ kind: out.kind, field: out.got }).toEqual({ kind, field: w.field });
    });
  });

  test(`${corpus.name}: at least 90% of the wordings map to the right column`, () => {
    const ok = cases.filter(([, w, k]) => tryWording(w, k).ok).length;
    const layouts = corpus.layouts.map(tryLayout);
    const kinds = layouts.filter((o) => o.kindOk).length;
    const wrong = layouts.filter((o, i) => !o.kindOk && o.kind !== 'unknown' && corpus.layouts[i].kind !== 'unknown').length;
    // `npm run corpus` prints the measured rates
    if (process.env.CORPUS_REPORT) {
      process.stdout.write(
        `${corpus.name}: ${ok}/${cases.length} wordings (${((ok / cases.length) * 100).toFixed(1)}%) mapped right; ` +
          `${kinds}/${layouts.length} layouts of the right kind, ${wrong} of a wrong kind\n`,
      );
    }
    expect(ok / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  describe(`${corpus.name}: every layout gets its kind, and its columns where it names them`, () => {
    test.each(corpus.layouts.map((l) => [l.name, l] as const))('%s', (_name, l) => {
      const out = tryLayout(l);
      expect(out.kind).toBe(l.kind);
      expect(out.misses.map((m) => m.field)).toEqual(KNOWN_LAYOUT_MISSES[l.name] ?? []);
    });
  });
}
