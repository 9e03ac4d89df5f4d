// --rules FILE: reads a regulation pack (JSON), validates it with every check, and says what it added.
import * as fs from 'fs';
import * as path from 'path';
import { PackError, parsePack } from '../engine/packs/load';
import { builtinRegistry } from '../engine/packs/registry';
import type { RegulationPack } from '../engine/packs/types';
import { RULES } from '../engine/rules/registry';
import type { Lang } from '../engine/types';
import { decodeText } from './holidays';

/** A pack is a few hundred kilobytes at most (the articles it quotes): anything larger is not one. */
const MAX_BYTES = 4 * 1024 * 1024;

const MSG = {
  zh: {
    notFound: '办法数据包文件不存在',
    unreadable: (why: string) => `无法读取办法数据包（${why}）`,
    tooLarge: '办法数据包文件过大（超过 4 MB）',
    notText: '办法数据包不是文本（应为 UTF-8 的 JSON 文件）',
    twice: (id: string, other: string) => `办法“${id}”已由 ${other} 给出`,
    shipped: (id: string) => `办法“${id}”与内置办法同名；请改用另一个 id`,
    read: (file: string, p: RegulationPack) =>
      `已读入办法数据包 ${file}：${p.title.zh}（--profile ${p.id}；识别词：${p.detect.join('、')}；施行：${p.inForce.from ?? '未写明'}${p.inForce.to ? ` 至 ${p.inForce.to}` : ''}）\n`,
  },
  en: {
    notFound: 'no such regulation pack file',
    unreadable: (why: string) => `cannot read the regulation pack (${why})`,
    tooLarge: 'the regulation pack file is too large (over 4 MB)',
    notText: 'the regulation pack is not text (give a UTF-8 JSON file)',
    twice: (id: string, other: string) => `regulation "${id}" is already given by ${other}`,
    shipped: (id: string) => `regulation "${id}" has the id of a shipped one; give it another id`,
    read: (file: string, p: RegulationPack) =>
      `regulation pack read from ${file}: ${p.title.en} (--profile ${p.id}; detected by ${p.detect.join(', ')}; in force ${p.inForce.from ?? 'from an unstated day'}${p.inForce.to ? ` to ${p.inForce.to}` : ''})\n`,
  },
};

export type PackLoad = { ok: true; packs: RegulationPack[]; summaries: string[] } | { ok: false; error: string };

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Reads every --rules file in order; the first problem comes back as `<file>: <field>: <reason>`. */
export function loadRuleFiles(files: readonly string[], cwd: string, lang: Lang): PackLoad {
  const m = MSG[lang];
  const packs: RegulationPack[] = [];
  const from = new Map<string, string>();
  const summaries: string[] = [];
  const shipped = builtinRegistry().ids();
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    let bytes: Buffer;
    try {
      if (!fs.existsSync(abs)) return { ok: false, error: `${file}: ${m.notFound}` };
      if (fs.statSync(abs).size > MAX_BYTES) return { ok: false, error: `${file}: ${m.tooLarge}` };
      bytes = fs.readFileSync(abs);
    } catch (e) {
      return { ok: false, error: `${file}: ${m.unreadable(e instanceof Error ? e.message : String(e))}` };
    }
    const text = decodeText(bytes);
    if (text === null) return { ok: false, error: `${file}: ${m.notText}` };
    let pack: RegulationPack;
    try {
      pack = parsePack(text, file, { known: [...shipped, ...packs.map((p) => p.id)], ruleIds: RULE_IDS });
    } catch (e) {
      if (e instanceof PackError) return { ok: false, error: e.text(lang) };
      throw e;
    }
    if (shipped.includes(pack.id)) return { ok: false, error: `${file}: id: ${m.shipped(pack.id)}` };
    const other = from.get(pack.id);
    if (other !== undefined) return { ok: false, error: `${file}: id: ${m.twice(pack.id, other)}` };
    from.set(pack.id, file);
    packs.push(pack);
    summaries.push(m.read(file, pack));
  }
  return { ok: true, packs, summaries };
}
