// The calendar and date parsing must not depend on the machine's timezone: run the same digest in child
// processes under several TZ settings (the engine's TypeScript transpiled on the fly) and compare.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as months from '../../../src/engine/calendar/months';
import * as workdays from '../../../src/engine/calendar/workdays';
import * as date from '../../../src/engine/values/date';

const ROOT = path.resolve(__dirname, '../../..');

// Body of a function (w = workdays, dt = date, m = months) returning a JSON-able digest.
const DIGEST = `
  const flags = [];
  for (let day = dt.dayFromYmd(2023, 1, 1); day <= dt.dayFromYmd(2028, 12, 31); day++) {
    const r = w.isWorkday(day);
    flags.push(r.workday ? (r.provisional ? 'w' : 'W') : (r.provisional ? 'o' : 'O'));
  }
  const fifth = [];
  for (let y = 2024; y <= 2028; y++) for (let mo = 1; mo <= 12; mo++) fifth.push(dt.isoFromDay(w.nthWorkdayOfMonth(y, mo, 5).day));
  const parsed = [45356, 45356.99, 1, 61, 2958465, '2024年3月5日', '2024-03-05', '2024-03', '20240305', '2024-03-05T23:30:00Z']
    .map((v) => dt.parseDate(v)).map((r) => (r.ok ? r.iso : r.reason));
  const added = [dt.isoFromDay(m.addMonths(dt.dayFromIso('2024-08-31'), 6)), dt.isoFromDay(m.addYears(dt.dayFromIso('2024-02-29'), 1))];
  return { flags: flags.join(''), fifth, parsed, added, weekday: dt.weekdayOfDay(dt.dayFromIso('2026-10-10')) };
`;

const CHILD = `
  const ts = require('typescript');
  const fs = require('fs');
  require.extensions['.ts'] = (module, file) => {
    const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    module._compile(out.outputText, file);
  };
  const w = require('./src/engine/calendar/workdays.ts');
  const dt = require('./src/engine/values/date.ts');
  const m = require('./src/engine/calendar/months.ts');
  const digest = (function (w, dt, m) {${DIGEST}})(w, dt, m);
  process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), digest }));
`;

type ChildResult = { offset: number; digest: unknown };

function runIn(tz: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', CHILD], { cwd: ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout) as ChildResult),
    );
  });
}

const ZONES: [string, number][] = [
  ['America/Los_Angeles', 480],
  ['Asia/Shanghai', -480],
  ['Pacific/Kiritimati', -840],
  ['UTC', 0],
];
// Started together: each child spends most of its time loading TypeScript.
let children: Map<string, Promise<ChildResult>>;
beforeAll(() => {
  children = new Map(ZONES.map(([tz]) => [tz, runIn(tz)]));
});

const here = new Function('w', 'dt', 'm', DIGEST)(workdays, date, months) as {
  fifth: string[];
  parsed: string[];
  added: string[];
  weekday: number;
};

test('the digest says what the calendar promises (so the comparison is about something)', () => {
  expect(here.fifth[2026 * 12 + 9 - 2024 * 12]).toBe('2026-10-13');
  expect(here.parsed).toEqual([
    '2024-03-05',
    '2024-03-05',
    '1900-01-01',
    '1900-03-01',
    '9999-12-31',
    '2024-03-05',
    '2024-03-05',
    '2024-03-01',
    '2024-03-05',
    '2024-03-05',
  ]);
  expect(here.added).toEqual(['2025-02-28', '2025-02-28']);
  expect(here.weekday).toBe(6);
});

test.each(ZONES)(
  'results under TZ=%s equal this process',
  async (tz, offset) => {
    const child = await children.get(tz)!;
    expect(child.offset).toBe(offset); // the child really ran in that timezone
    expect(child.digest).toEqual(here);
  },
  // Generous on purpose: four children load TypeScript at once, several times slower on a busy 2-core machine.
  120_000,
);
