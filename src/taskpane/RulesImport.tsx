// The pane's regulation-pack import: a pack (.json) validated and shown back for confirmation, then kept in the workbook.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
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

function readText(file: File): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(typeof r.result === 'string' ? r.result : '');
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file, 'utf-8');
  });
}

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
  const input = React.useRef<HTMLInputElement>(null);
  const [pending, setPending] = React.useState<RegulationPack | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setError(null);
    setPending(null);
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) {
        setError(t.tooLarge(file.name));
        return;
      }
      const text = await readText(file);
      const pack = parsePack(text, file.name, { known: [...props.shippedIds, ...props.packs.map((p) => p.id)], ruleIds: props.ruleIds });
      if (props.shippedIds.includes(pack.id)) setError(t.invalid(t.shipped(pack.id)));
      else setPending(pack);
    } catch (e) {
      setError(e instanceof PackError ? t.invalid(e.text(props.lang)) : t.unreadable(file.name));
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  const replaced = pending ? props.packs.find((p) => p.id === pending.id) : undefined;

  return (
    <section aria-label={t.title} data-testid="rules" style={{ marginTop: 8, fontSize: 12, overflowWrap: 'anywhere' }}>
      <div style={{ fontWeight: 600 }}>{t.title}</div>
      {props.packs.length === 0 ? (
        <p style={{ margin: '2px 0', color: '#444' }}>{t.none}</p>
      ) : (
        <p style={{ margin: '2px 0' }} data-testid="rules-imported">
          {t.imported}
          {props.packs.map((p) => (
            <span key={p.id} style={{ marginRight: 6 }}>
              {p.name[props.lang]}
              <Button size="small" appearance="subtle" aria-label={t.remove(p.name[props.lang])} disabled={props.disabled} onClick={() => props.onRemove(p.id)}>
                ×
              </Button>
            </span>
          ))}
        </p>
      )}
      <Button size="small" disabled={props.disabled} onClick={() => input.current?.click()} title={t.chooseHint}>
        {t.choose}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t.chooseHint}
        data-testid="rules-file"
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {error && (
        <MessageBar intent="error" role="alert" data-testid="rules-error" style={{ marginTop: 4 }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {pending && (
        <div data-testid="rules-confirm" style={{ marginTop: 4, border: '1px solid #ccc', padding: 6 }}>
          <div>{t.confirmTitle}</div>
          {/* text only: built from the file, never rendered as HTML */}
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '4px 0' }}>{t.summary(pending)}</pre>
          {replaced && <div>{t.replaces(replaced.name[props.lang])}</div>}
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Button
              size="small"
              appearance="primary"
              disabled={props.disabled}
              onClick={() => {
                props.onImport(pending);
                setPending(null);
              }}
            >
              {t.confirm}
            </Button>
            <Button size="small" onClick={() => setPending(null)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
