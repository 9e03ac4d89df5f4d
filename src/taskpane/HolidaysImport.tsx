// The pane's holiday-schedule import: a .json schedule or a notice's .txt, shown back for confirmation, then kept in the workbook.
import * as React from 'react';
import { FileImport, readText } from './FileImport';
import type { FileReading } from './FileImport';
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
  const years = props.schedules.map((s) => s.year).sort((a, b) => a - b);

  async function read(file: File): Promise<FileReading<HolidaySchedule[]>> {
    try {
      if (file.size > MAX_BYTES) throw new HolidayScheduleError('', '文件过大，不是放假安排', 'the file is too large to be a schedule');
      const schedules = readHolidaySource(await readText(file), file.name);
      const replaced = schedules.map((s) => s.year).filter((y) => years.includes(y));
      return {
        ok: true,
        value: schedules,
        summary: schedules.map((s) => summarizeHolidaySchedule(s, props.lang)).join('\n'),
        ...(replaced.length > 0 ? { replaces: t.replaces(replaced) } : {}),
      };
    } catch (e) {
      return { ok: false, error: e instanceof HolidayScheduleError ? t.invalid(file.name, e.text(props.lang)) : t.unreadable(file.name) };
    }
  }

  return (
    <FileImport
      text={t}
      testId="holidays"
      accept=".json,.txt,application/json,text/plain"
      items={years.map((y) => ({ key: String(y), label: t.year(y), removeLabel: t.remove(y) }))}
      read={read}
      onImport={props.onImport}
      onRemove={(key) => props.onRemove(Number(key))}
      disabled={props.disabled}
    />
  );
}
