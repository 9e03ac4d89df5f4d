// fundcheck --rules FILE: a user's regulation pack is validated with the file and field named, detected like a shipped one, and cited in findings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers';
import { builtinRegistry } from '../../src/engine/packs/registry';
import type { RegulationPack } from '../../src/engine/packs/types';

const ROOT = path.resolve(__dirname, '../..');
const AS_OF = '2026-05-20';
let dir: string;

/** The shipped 武汉 pack under another id and place: a county whose rules are like Wuhan's. */
function countyPack(): RegulationPack {
  const wuhan = builtinRegistry().packs.find((p) => p.id === 'wuhan')!;
  return {
    ...structuredClone(wuhan),
    id: 'testcounty',
    name: { zh: '测试县', en: 'Test County' },
    title: { zh: '《测试县政务信息化项目管理办法》（测政办〔2026〕1号）', en: 'Test County Measures' },
    detect: ['测试县'],
    overlays: wuhan.overlays!.map((o) => ({ ...o, id: o.id.replace('wuhan', 'testcounty') })),
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-rules-'));
  fs.writeFileSync(path.join(dir, 'county.json'), JSON.stringify(countyPack()));
  const bad = countyPack();
  bad.thresholds![1] = { ...bad.thresholds![1], article: '第九十九条' };
  fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ "format": ');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sample = path.join(ROOT, 'assets/samples/06-wuhan-progress-ledger.xlsx');

describe('--rules', () => {
  test('an unknown --profile is refused with the choices, which include the packs given', async () => {
    const r = await runCli(['--profile', 'beijing', sample], ROOT, AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--profile/);
    expect(r.err).toMatch(/auto\|wuhan\|yeji\|wulong\|laizhou\|generic/);
    const withPack = await runCli(['--rules', path.join(dir, 'county.json'), '--profile', 'beijing', sample], ROOT, AS_OF);
    expect(withPack.err).toMatch(/laizhou\|testcounty\|generic/);
  });

  test('a pack citing an article it does not quote is refused, naming the file and the field', async () => {
    const r = await runCli(['--rules', path.join(dir, 'bad.json'), sample], ROOT, AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.json：thresholds[1].article：引用的“第九十九条”不在本数据包的 articles 中');
    const en = await runCli(['--lang', 'en', '--rules', path.join(dir, 'broken.json'), sample], ROOT, AS_OF);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/broken\.json: not valid JSON/);
  });

  test('a pack may not take a shipped id', async () => {
    const shipped = { ...countyPack(), id: 'wuhan' };
    fs.writeFileSync(path.join(dir, 'shadow.json'), JSON.stringify(shipped));
    const r = await runCli(['--rules', path.join(dir, 'shadow.json'), sample], ROOT, AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toContain('与内置办法同名');
  });

  test('a loaded pack is chosen with --profile and cited in the findings; what was read is shown', async () => {
    const r = await runCli(['--rules', path.join(dir, 'county.json'), '--profile', 'testcounty', '--format', 'json', sample], ROOT, AS_OF);
    expect(r.err).toContain('已读入办法数据包');
    expect(r.err).toContain('--profile testcounty');
    const doc = JSON.parse(r.out);
    const wb = doc.workbooks[0];
    expect(wb.profile).toMatchObject({ id: 'testcounty', regulation: '《测试县政务信息化项目管理办法》（测政办〔2026〕1号）' });
    const cited = wb.findings.filter((f: { citation: string | null }) => f.citation?.startsWith('《测试县政务信息化项目管理办法》'));
    expect(cited.length).toBeGreaterThan(0);
    // The same rules switched on as under the pack it copies (thresholds, change limit, deadlines, overlays).
    const wuhan = JSON.parse((await runCli(['--profile', 'wuhan', '--format', 'json', sample], ROOT, AS_OF)).out).workbooks[0];
    const rules = (w: { findings: { ruleId: string }[] }) => w.findings.map((f) => f.ruleId).sort();
    expect(rules(wb)).toEqual(rules(wuhan));
  });

  test('a loaded pack is detected by its words like a shipped one', async () => {
    const r = await runCli(['--rules', path.join(dir, 'county.json'), '--format', 'json', path.join(ROOT, 'assets/samples')], ROOT, AS_OF);
    const doc = JSON.parse(r.out);
    // No sample names 测试县: detection still picks the shipped regulations, the pack's presence changes nothing.
    expect(doc.workbooks.map((w: { profile: { id: string } }) => w.profile.id)).not.toContain('testcounty');
  });
});
