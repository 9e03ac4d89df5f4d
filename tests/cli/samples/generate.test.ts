// The committed samples are exactly what the generator writes today, so regenerating them changes nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbook } from '../../../src/cli/read';
import { generateSamples, SAMPLE_FILES } from '../../../src/cli/samples/generate';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const SAMPLES = path.join(__dirname, '../../../assets/samples');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundcheck-samples-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(Object.values(SAMPLE_FILES))('%s matches a fresh generation cell for cell (values, formats, formulas, merges)', async (file) => {
  await generateSamples(dir);
  const fresh = await readWorkbook(path.join(dir, file));
  const committed = await readWorkbook(path.join(SAMPLES, file));
  expect(fresh.snapshot).toEqual(committed.snapshot);
});

test('the generator is re-runnable over an existing folder', async () => {
  const first = await generateSamples(dir);
  const again = await generateSamples(dir);
  expect(again).toEqual(first);
  expect(first.map((f) => path.basename(f)).sort()).toEqual(Object.values(SAMPLE_FILES).sort());
});
