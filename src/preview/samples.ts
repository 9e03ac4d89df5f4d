// The sample workbooks the preview offers; the build copies assets/samples/*.xlsx to samples/ beside preview.html.
export const SAMPLE_BASE = 'samples/';

export const SAMPLES: readonly string[] = [
  '01-yeji-declaration.xlsx',
  '02-yeji-progress-form.xlsx',
  '03-wulong-progress-ledger.xlsx',
  '04-wulong-expenses.xlsx',
  '05-laizhou-ledger.xlsx',
  '06-wuhan-progress-ledger.xlsx',
  '07-yeji-small-projects.xlsx',
];

/** Downloads one sample's bytes; throws with the HTTP status when it is not there. */
export async function fetchSample(name: string, base = SAMPLE_BASE): Promise<ArrayBuffer> {
  const res = await fetch(base + encodeURIComponent(name));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res.arrayBuffer();
}
