// The pane's holiday-schedule import: a .json schedule or a notice's .txt, shown back for confirmation, then kept in the workbook.
import * as React from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { HolidayScheduleError, readHolidaySource, summarizeHolidaySchedule } from '../engine/calendar/schedule';
import type { HolidaySchedule, Lang } from '../engine/types';

const TEXT = {
  zh: {
    title: '放假安排（工作日期限）',
    none: '未导入。内置的国务院放假安排之后的年份，工作日期限按周一至周五暂算。',
    imported: '已导入：',
    year: (y: number) => `${y}年`,
    remove: (y: number) => `移除 ${y} 年`,
    choose: '导入放假安排…',
    chooseHint: '.json 放假安排文件，或国务院办公厅通知原文 .txt',
    confirmTitle: '请与通知核对以下安排：',
    replaces: (ys: number[]) => `将替换已导入的 ${ys.map((y) => `${y}年`).join('、')}。`,
    confirm: '确认导入',
    cancel: '取消',
    invalid: (file: string, why: string) => `无法导入 ${file}：${why}`,
    unreadable: (file: string) => `无法读取 ${file}`,
  },
  en: {
    title: 'Holiday schedules (working-day deadlines)',
    none: 'None imported. For years after the bundled State Council schedules, working-day deadlines are provisional (Monday–Friday).',
    imported: 'Imported: ',
    year: (y: number) => `${y}`,
    remove: (y: number) => `Remove ${y}`,
    choose: 'Import a holiday schedule…',
    chooseHint: 'a .json schedule, or the State Council notice as .txt',
    confirmTitle: 'Check this against the notice:',
    replaces: (ys: number[]) => `Replaces the imported ${ys.join(', ')}.`,
    confirm: 'Import',
    cancel: 'Cancel',
    invalid: (file: string, why: string) => `Cannot import ${file}: ${why}`,
    unreadable: (file: string) => `Cannot read ${file}`,
  },
};

/** The file's text: UTF-8, or GB18030 when UTF-8 does not fit (a notice saved by Chinese Windows Notepad). */
function readText(file: File): Promise<string> {
  const read = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(typeof r.result === 'string' ? r.result : '');
      r.onerror = () => reject(r.error ?? new Error('read failed'));
      r.readAsText(file, encoding);
    });
  return read('utf-8').then((t) => (t.includes('\uFFFD') ? read('gb18030') : t));
}

/** A notice is a page of text: anything over 1 MB is not one. */
const MAX_BYTES = 1024 * 1024;

export interface HolidaysImportProps {
  lang: Lang;
  schedules: readonly HolidaySchedule[];
  /** The confirmed schedules (they replace stored ones of the same years). */
  onImport: (schedules: HolidaySchedule[]) => void;
  onRemove: (year: number) => void;
  disabled?: boolean;
}

export function HolidaysImport(props: HolidaysImportProps): React.ReactElement {
  const t = TEXT[props.lang];
  const input = React.useRef<HTMLInputElement>(null);
  const [pending, setPending] = React.useState<HolidaySchedule[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setError(null);
    setPending(null);
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) throw new HolidayScheduleError('', '文件过大，不是放假安排', 'the file is too large to be a schedule');
      const text = await readText(file);
      setPending(readHolidaySource(text, file.name));
    } catch (e) {
      setError(e instanceof HolidayScheduleError ? t.invalid(file.name, e.text(props.lang)) : t.unreadable(file.name));
    } finally {
      // the same file can be chosen again after a cancel
      if (input.current) input.current.value = '';
    }
  }

  const years = props.schedules.map((s) => s.year).sort((a, b) => a - b);
  const replaced = pending ? pending.map((s) => s.year).filter((y) => years.includes(y)) : [];

  return (
    <section aria-label={t.title} data-testid="holidays" style={{ marginTop: 8, fontSize: 12 }}>
      <div style={{ fontWeight: 600 }}>{t.title}</div>
      {years.length === 0 ? (
        <p style={{ margin: '2px 0', color: '#444' }}>{t.none}</p>
      ) : (
        <p style={{ margin: '2px 0' }} data-testid="holidays-imported">
          {t.imported}
          {years.map((y) => (
            <span key={y} style={{ marginRight: 6 }}>
              {t.year(y)}
              <Button size="small" appearance="subtle" aria-label={t.remove(y)} disabled={props.disabled} onClick={() => props.onRemove(y)}>
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
        accept=".json,.txt,application/json,text/plain"
        aria-label={t.chooseHint}
        data-testid="holidays-file"
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {error && (
        <MessageBar intent="error" role="alert" data-testid="holidays-error" style={{ marginTop: 4 }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {pending && (
        <div data-testid="holidays-confirm" style={{ marginTop: 4, border: '1px solid #ccc', padding: 6 }}>
          <div>{t.confirmTitle}</div>
          {/* text only: the summary is built from the file, never rendered as HTML */}
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '4px 0' }}>{pending.map((s) => summarizeHolidaySchedule(s, props.lang)).join('\n')}</pre>
          {replaced.length > 0 && <div>{t.replaces(replaced)}</div>}
          <div style={{ display: 'flex', gap: 6 }}>
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
