// The pane's regulation-pack import: a pack (.json) validated and shown back for confirmation, then kept in the workbook.
import * as React from 'react';
import { FileImport, readText } from './FileImport';
import type { FileReading } from './FileImport';
import { PackError, parsePack } from '../engine/packs/load';
import type { RegulationPack } from '../engine/packs/types';
import type { Lang } from '../engine/types';

const TEXT = {
  zh: {
    title: '其他地区的办法',
    none: '未导入。可导入其他地区政务信息化项目管理办法的数据包（.json，写法见 README“编写办法数据包”）。',
    imported: '已导入：',
    remove: (name: string) => `移除 ${name}`,
    choose: '导入办法数据包…',
    chooseHint: '办法数据包 .json',
    confirmTitle: '请与办法原文核对：',
    replaces: (name: string) => `将替换已导入的“${name}”。`,
    shipped: (name: string) => `“${name}”是内置办法，不能导入同名数据包；请改用另一个 id`,
    confirm: '确认导入',
    cancel: '取消',
    invalid: (why: string) => `无法导入：${why}`,
    unreadable: (file: string) => `无法读取 ${file}`,
    tooLarge: (file: string) => `${file} 过大（超过 4 MB），不是办法数据包`,
    summary: (p: RegulationPack) =>
      [
        `${p.title.zh}（${p.name.zh}，id：${p.id}）`,
        `施行：${p.inForce.from ?? '未写明日期'}${p.inForce.to ? ` 至 ${p.inForce.to}` : '起'}（${p.inForce.article}）`,
        `识别词：${p.detect.join('、')}`,
        `金额档次 ${p.thresholds?.length ?? 0} 个；调整比例：${p.changeLimit ? `${p.changeLimit.percent}%（${p.changeLimit.article}）` : '无'}；期限 ${p.deadlines?.length ?? 0} 项；排除或限制事项 ${p.overlays?.length ?? 0} 项；条文 ${Object.keys(p.articles).length} 条`,
      ].join('\n'),
  },
  en: {
    title: 'Regulations of other places',
    none: 'None imported. You can import the data pack of another place’s measures (.json; see the README, "Writing a regulation pack").',
    imported: 'Imported: ',
    remove: (name: string) => `Remove ${name}`,
    choose: 'Import a regulation pack…',
    chooseHint: 'a regulation pack .json',
    confirmTitle: 'Check this against the regulation’s text:',
    replaces: (name: string) => `Replaces the imported "${name}".`,
    shipped: (name: string) => `"${name}" is a shipped regulation; a pack cannot take its id`,
    confirm: 'Import',
    cancel: 'Cancel',
    invalid: (why: string) => `Cannot import: ${why}`,
    unreadable: (file: string) => `Cannot read ${file}`,
    tooLarge: (file: string) => `${file} is too large (over 4 MB) to be a regulation pack`,
    summary: (p: RegulationPack) =>
      [
        `${p.title.en} (${p.name.en}, id: ${p.id})`,
        `In force: ${p.inForce.from ?? 'no date given'}${p.inForce.to ? ` to ${p.inForce.to}` : ' on'} (${p.inForce.article})`,
        `Detected by: ${p.detect.join(', ')}`,
        `${p.thresholds?.length ?? 0} amount bands; change limit: ${p.changeLimit ? `${p.changeLimit.percent}% (${p.changeLimit.article})` : 'none'}; ${p.deadlines?.length ?? 0} deadlines; ${p.overlays?.length ?? 0} excluded or restricted items; ${Object.keys(p.articles).length} articles`,
      ].join('\n'),
  },
};

const MAX_BYTES = 4 * 1024 * 1024;

export interface RulesImportProps {
  lang: Lang;
  /** The packs imported so far. */
  packs: readonly RegulationPack[];
  /** Ids of the shipped regulations (a pack may not take one). */
  shippedIds: readonly string[];
  /** Rule ids a pack's `rules` may set. */
  ruleIds: ReadonlySet<string>;
  /** The confirmed pack (it replaces an imported one of the same id). */
  onImport: (pack: RegulationPack) => void;
  onRemove: (id: string) => void;
  disabled?: boolean;
}

export function RulesImport(props: RulesImportProps): React.ReactElement {
  const t = TEXT[props.lang];

  async function read(file: File): Promise<FileReading<RegulationPack>> {
    if (file.size > MAX_BYTES) return { ok: false, error: t.tooLarge(file.name) };
    try {
      const pack = parsePack(await readText(file), file.name, { known: [...props.shippedIds, ...props.packs.map((p) => p.id)], ruleIds: props.ruleIds });
      if (props.shippedIds.includes(pack.id)) return { ok: false, error: t.invalid(t.shipped(pack.id)) };
      const replaced = props.packs.find((p) => p.id === pack.id);
      return { ok: true, value: pack, summary: t.summary(pack), ...(replaced ? { replaces: t.replaces(replaced.name[props.lang]) } : {}) };
    } catch (e) {
      return { ok: false, error: e instanceof PackError ? t.invalid(e.text(props.lang)) : t.unreadable(file.name) };
    }
  }

  return (
    <FileImport
      text={t}
      testId="rules"
      accept=".json,application/json"
      items={props.packs.map((p) => ({ key: p.id, label: p.name[props.lang], removeLabel: t.remove(p.name[props.lang]) }))}
      read={read}
      onImport={props.onImport}
      onRemove={props.onRemove}
      disabled={props.disabled}
    />
  );
}
