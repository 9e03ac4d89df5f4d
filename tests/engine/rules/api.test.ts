// The rule API: createRule validation, which profiles a rule runs in, and the registry's metadata.
import { createRule, ruleRunsIn } from '../../../src/engine/rules/api';
import { RULES, RULE_DOCS } from '../../../src/engine/rules/registry';
import { PROFILES } from '../../../src/engine/profiles';

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
  const some = createRule({ ...base, id: 'format/some', profiles: ['wuhan'] });
  test.each([
    ['wuhan', true, true],
    ['yeji', true, false],
    ['generic', true, false],
  ] as const)('%s: all-profile %s, wuhan-only %s', (p, a, s) => {
    expect(ruleRunsIn(all, PROFILES[p])).toBe(a);
    expect(ruleRunsIn(some, PROFILES[p])).toBe(s);
  });

  test("a profile can switch a rule 'off'", () => {
    const off = { ...PROFILES.wuhan, rules: { 'format/all': 'off' as const } };
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
    const generic = RULES.filter((r) => ruleRunsIn(r, PROFILES.generic)).map((r) => r.id);
    expect(generic).toContain('consistency/funding-sum');
    expect(generic).toContain('eligibility/expense-scope');
    expect(generic).not.toContain('threshold/approval-path');
    expect(generic).not.toContain('deadline/overdue');
  });

  test('documentation metadata carries no functions', () => {
    expect(JSON.parse(JSON.stringify(RULE_DOCS))).toEqual(RULE_DOCS);
  });
});
