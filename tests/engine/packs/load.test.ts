// The pack loader: every shipped pack passes every check, and each kind of mistake is refused naming the file and field.
import { PackError, loadPack } from '../../../src/engine/packs/load';
import { articleNumberEn, builtinRegistry } from '../../../src/engine/packs/registry';
import { articleEn, articleText, citationText } from '../../../src/engine/regulations';
import { RULES } from '../../../src/engine/rules/registry';
import type { RegulationPack } from '../../../src/engine/packs/types';

const RULE_IDS = new Set(RULES.map((r) => r.id));
const shipped = builtinRegistry().packs;
const wuhan = () => structuredClone(shipped.find((p) => p.id === 'wuhan')!) as RegulationPack & Record<string, unknown>;

describe('shipped packs', () => {
  test.each(shipped.map((p) => [p.id, p] as const))('%s loads with every check (rule ids, templates, quotes)', (_id, pack) => {
    expect(() => loadPack(pack, `${pack.id}.json`, { known: shipped.map((p) => p.id), ruleIds: RULE_IDS })).not.toThrow();
  });

  test('every citation a shipped profile makes has its text in the pack', () => {
    const registry = builtinRegistry();
    for (const id of registry.ids()) {
      const p = registry.profile(id)!;
      const cites = [
        ...p.params.thresholds.map((b) => b.citation),
        p.params.changeLimit?.citation,
        p.params.budgetCitation,
        p.params.withinEstimateCitation,
        ...p.deadlines.map((d) => d.citation),
      ].filter((c) => c != null);
      for (const c of cites) expect([id, c.article, articleText(c) !== null]).toEqual([id, c.article, true]);
    }
  });

  test('article texts are the regulation’s words: 武汉第十九条 sets the 15% limit', () => {
    const c = builtinRegistry().profile('wuhan')!.params.changeLimit!.citation;
    expect(articleText(c)!.text).toContain('15%');
  });

  test('article numbers read in English', () => {
    expect(['第三条', '第十九条', '第二十条', '第三十四条', '第一百零二条'].map(articleNumberEn)).toEqual(['Article 3', 'Article 19', 'Article 20', 'Article 34', 'Article 102']);
  });
});

describe('loadPack refuses, naming the field', () => {
  const cases: [string, (p: RegulationPack & Record<string, unknown>) => void, string][] = [
    ['a newer format', (p) => void ((p as { format: string }).format = 'fundcheck-regulation-pack/2'), 'format'],
    ['a reserved id', (p) => void (p.id = 'generic'), 'id'],
    ['an id with capitals', (p) => void (p.id = 'Wuhan'), 'id'],
    ['a title without 《》', (p) => void (p.title.zh = '武汉办法'), 'title.zh'],
    ['a 文号 the title does not print', (p) => void (p.documentNumber = '武政办〔2020〕1号'), 'documentNumber'],
    ['no article texts', (p) => void (p.articles = {}), 'articles'],
    ['a threshold citing an article it lacks', (p) => void (p.thresholds![0].article = '第九十九条'), 'thresholds[0].article'],
    ['bounds with nothing between', (p) => void (p.thresholds![0].min = { wan: 60, inclusive: true }), 'thresholds[0]'],
    ['a change limit of 150%', (p) => void (p.changeLimit!.percent = 150), 'changeLimit.percent'],
    ['an unknown deadline column', (p) => void ((p.deadlines![0] as { key: string }).key = 'lunchDue'), 'deadlines[0].key'],
    ['an unknown kind of deadline', (p) => void ((p.deadlines![1] as { kind: string }).kind = 'whenever'), 'deadlines[1].kind'],
    ['an unknown field', (p) => void ((p.deadlines![1] as { after: string[] }).after = ['approvalDay']), 'deadlines[1].after[0]'],
    ['a duty with no event', (p) => void delete (p.deadlines![1] as { event?: string }).event, 'deadlines[1].event'],
    ['an unknown concept', (p) => void (p.overlays![0].when = [[['spaceship']]]), 'overlays[0].when[0][0][0]'],
    ['a quote not in the article', (p) => void (p.overlays![0].quote!.zh = '不得建设任何系统'), 'overlays[0].quote.zh'],
    // The classifier holds 10 overlays a verdict: an 11th would fail every check later, so the loader refuses it now.
    ['eleven overlays', (p) => void (p.overlays = Array.from({ length: 11 }, (_, i) => ({ ...p.overlays![0], id: `x-${i}` }))), 'overlays'],
    ['an unknown expense table', (p) => void (p.expenseTable = { id: 'beijing', binding: true }), 'expenseTable.id'],
    ['a detection word of one character', (p) => void (p.detect = ['汉']), 'detect[0]'],
    ['an in-force end before its start', (p) => void (p.inForce = { from: '2024-01-01', to: '2023-01-01', article: '第三十一条' }), 'inForce.to'],
    ['an impossible date', (p) => void (p.inForce = { from: '2024-02-30', to: null, article: '第三十一条' }), 'inForce.from'],
  ];
  test.each(cases)('%s', (_name, spoil, path) => {
    const p = wuhan();
    spoil(p);
    let err: unknown;
    try {
      loadPack(p, 'mine.json', { ruleIds: RULE_IDS });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).path).toBe(path);
    expect((err as PackError).text('zh')).toMatch(new RegExp(`^mine\\.json：${path.replace(/[[\].]/g, '\\$&')}：`));
  });

  test('an unknown rule id, when the rules are given', () => {
    const p = wuhan();
    p.rules = { 'format/no-such-rule': 'error' };
    expect(() => loadPack(p, 'mine.json', { ruleIds: RULE_IDS })).toThrow(/rules\.format\/no-such-rule/);
  });
});

describe('citations in English', () => {
  test('article numbers read in English; an annex keeps its title', () => {
    const c = { profile: 'yeji', regulation: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）', article: '第六条、第八条' };
    expect(citationText(c, 'en')).toBe('《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号） Article 6, Article 8');
    expect(citationText(c)).toBe('《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）第六条、第八条');
    expect(articleEn('附件1《六安市叶集区政务信息化项目申报表》联系电话')).toBe('附件1《六安市叶集区政务信息化项目申报表》联系电话');
  });
});
