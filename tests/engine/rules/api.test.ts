// The rule API: createRule validation, which profiles a rule runs in, and the registry's metadata.
import { createRule, fieldsOnSheet, recordCache, ruleRunsIn, sheetState } from '../../../src/engine/rules/api';
import { F } from '../../../src/engine/rules/fields';
import type { FieldRef } from '../../../src/engine/rules/fields';
import type { RecordContext } from '../../../src/engine/rules/api';
import { RULES, RULE_DOCS } from '../../../src/engine/rules/registry';
import { getProfile } from '../../../src/engine/profiles';

const base = {
  category: 'format' as const,
  severity: 'warning' as const,
  description: { zh: '说明', en: 'description' },
  appliesTo: ['declaration' as const],
  citation: () => null,
  messages: { m: { zh: '中文', en: 'English' } },
  check() {},
};

describe('createRule', () => {
  test('defaults to a row rule', () => {
    expect(createRule({ ...base, id: 'format/x' }).scope).toBe('row');
  });

  test.each([
    ['bad id', { id: 'nonsense' }],
    ['unknown category prefix', { id: 'speed/x' }],
    ['no messages', { id: 'format/x', messages: {} }],
    ['a message without English', { id: 'format/x', messages: { m: { zh: '中文', en: '' } } }],
  ])('rejects %s', (_n, over) => {
    expect(() => createRule({ ...base, ...over } as unknown as Parameters<typeof createRule>[0])).toThrow();
  });
});

describe('ruleRunsIn', () => {
  const all = createRule({ ...base, id: 'format/all' });
  const some = createRule({ ...base, id: 'format/some', requires: 'changeLimit' });
  test.each([
    ['wuhan', true, true],
    ['yeji', true, false],
    ['generic', true, false],
  ] as const)('%s: all-profile %s, needing a change limit %s', (p, a, s) => {
    expect(ruleRunsIn(all, getProfile(p))).toBe(a);
    expect(ruleRunsIn(some, getProfile(p))).toBe(s);
  });

  test("a profile can switch a rule 'off'", () => {
    const off = { ...getProfile('wuhan'), rules: { 'format/all': 'off' as const } };
    expect(ruleRunsIn(all, off)).toBe(false);
  });
});

describe('the registry', () => {
  test('ids are unique and name their category', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.id.startsWith(r.category + '/')).toBe(true);
  });

  test('zh and en messages use the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const r of RULES) for (const [id, m] of Object.entries(r.messages)) expect([r.id, id, names(m.en)]).toEqual([r.id, id, names(m.zh)]);
  });

  test('every section of RULES.md has rules', () => {
    const cats = new Set(RULE_DOCS.map((d) => d.category));
    for (const c of ['threshold', 'eligibility', 'change-limit', 'deadline', 'consistency', 'format', 'completeness']) expect(cats.has(c as never)).toBe(true);
  });

  test('rules for one regulation say so; the generic profile runs only the rest', () => {
    const generic = RULES.filter((r) => ruleRunsIn(r, getProfile('generic'))).map((r) => r.id);
    expect(generic).toContain('consistency/funding-sum');
    expect(generic).toContain('eligibility/expense-scope');
    expect(generic).not.toContain('threshold/approval-path');
    expect(generic).not.toContain('deadline/overdue');
  });

  test('documentation metadata carries no functions', () => {
    expect(JSON.parse(JSON.stringify(RULE_DOCS))).toEqual(RULE_DOCS);
  });
});

// A context that keeps memo and sheetMemo as the engine does: per slot, memo values stamped with the record.
function fakeSheet(present: FieldRef[] = []) {
  let record = 0;
  let asked = 0;
  const memoAt: number[] = [];
  const memoVal: unknown[] = [];
  const state = new Map<number, unknown>();
  const ctx = {
    has(f: FieldRef): boolean {
      asked++;
      return present.includes(f);
    },
    memo<T>(slot: number, compute: (c: RecordContext) => T): T {
      if (memoAt[slot] === record) return memoVal[slot] as T;
      memoAt[slot] = record;
      return (memoVal[slot] = compute(ctx as unknown as RecordContext)) as T;
    },
    sheetMemo<T>(slot: number, init: () => T): T {
      if (!state.has(slot)) state.set(slot, init());
      return state.get(slot) as T;
    },
  };
  return { ctx: ctx as unknown as RecordContext, next: () => void record++, asked: () => asked };
}

describe('recordCache and sheetState', () => {
  test('a record cache computes once per record, however often it is asked, and again on the next record', () => {
    let calls = 0;
    const cached = recordCache(() => ++calls);
    const other = recordCache(() => 'other');
    const { ctx, next } = fakeSheet();
    expect([cached(ctx), cached(ctx), other(ctx), cached(ctx)]).toEqual([1, 1, 'other', 1]);
    next();
    expect([cached(ctx), cached(ctx)]).toEqual([2, 2]);
  });

  test('sheet state is one object per sheet, fresh on the next sheet, and each block has its own', () => {
    const seen = sheetState(() => ({ count: 0 }));
    const said = sheetState(() => ({ said: false }));
    const a = fakeSheet();
    seen(a.ctx).count++;
    a.next();
    seen(a.ctx).count++;
    said(a.ctx).said = true;
    expect([seen(a.ctx), said(a.ctx)]).toEqual([{ count: 2 }, { said: true }]);
    const b = fakeSheet();
    expect([seen(b.ctx), said(b.ctx)]).toEqual([{ count: 0 }, { said: false }]);
  });
});

describe('fieldsOnSheet', () => {
  test('resolves the keys the sheet has to ids once, in list order, and hands the same list to every record', () => {
    const dates = fieldsOnSheet(['startDate', 'completionDate', 'acceptanceDate']);
    const a = fakeSheet([F.acceptanceDate, F.startDate]);
    const first = dates(a.ctx);
    expect(first).toEqual([F.startDate, F.acceptanceDate]);
    a.next();
    expect(dates(a.ctx)).toBe(first);
    expect(a.asked()).toBe(3);
    expect(dates(fakeSheet([]).ctx)).toEqual([]);
  });
});
