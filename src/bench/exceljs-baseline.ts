// The CLI case's yardstick: ExcelJS alone reading and writing the same file, nothing else (node exceljs-baseline.js in out).
import ExcelJS from 'exceljs';

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: exceljs-baseline.js <in.xlsx> <out.xlsx>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
