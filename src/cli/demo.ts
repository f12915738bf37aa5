/**
 * `npm run demo [file.csv]`: runs the engine on the report's Top-100 table (or on a CSV of the
 * same shape) and prints the ranked table with the computed and the published totals, and a
 * verdict line: how many published totals were reproduced within 0.01. On the embedded table it
 * also writes ranked-sample.xlsx in the current folder, unless that file exists (`-- --force`
 * replaces it).
 */
import { existsSync } from "fs";
import { resolve } from "path";
import { formatError, isUserError } from "../core/errors";
import { displayWidth } from "../core/text";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { runIndex } from "../core/workflow";
import { PUBLISHED_NAME_NOTES } from "../data/report2020";
import { readTable } from "../files/read-table";
import { sampleTableCells } from "../plans/sample-sheet";
import { DEMO_TEXT } from "../text";
import { planFromCells, writeOutput } from "./main";
import { padCells } from "./table-text";

const TOLERANCE = 0.01;

/** Builds the demo's printed report for a table; returns the lines and how many totals were checked / reproduced. */
export function demoReport(cells: unknown[][], source: string): { lines: string[]; checked: number; reproduced: number } {
  const { ranking } = runIndex(cells);
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const h = DEMO_TEXT.header;
  const header = [h.rank, h.province, h.city, h.district, ...dims.map((d) => DIMENSIONS[d].id), h.computed, h.published, h.diff];
  const body: string[][] = [];
  let checked = 0;
  let reproduced = 0;
  let worst = 0;
  const notes: string[] = [];
  for (const d of ranking.districts) {
    const diff = d.givenTotal === null ? null : d.total - d.givenTotal;
    if (diff !== null) {
      checked++;
      if (Math.abs(diff) <= TOLERANCE) reproduced++;
      worst = Math.max(worst, Math.abs(diff));
    }
    const note = PUBLISHED_NAME_NOTES[d.district];
    if (note) notes.push(`* ${d.district}：${note.zh}`, `  ${note.en}`);
    body.push([
      String(d.rank),
      cut(d.province, NAME_WIDTH),
      cut(d.city, NAME_WIDTH),
      cut(note ? `${d.district}*` : d.district, NAME_WIDTH),
      ...dims.map((i) => fixed(d.dimensions[i])),
      fixed(d.total),
      d.givenTotal === null ? "" : fixed(d.givenTotal),
      diff === null ? "" : (diff >= 0 ? "+" : "") + diff.toFixed(4),
    ]);
  }
  const lines = [DEMO_TEXT.title(source), ...DEMO_TEXT.legend, "", ...padCells([header, ...body]), ""];
  lines.push(...notes);
  for (const r of ranking.rejected) lines.push(`! ${formatError(r.error, "zh")} / ${formatError(r.error, "en")}`);
  const verdict = checked > 0 ? DEMO_TEXT.verdict(reproduced, checked, TOLERANCE, worst.toFixed(4)) : DEMO_TEXT.noTotals(ranking.districts.length);
  lines.push(verdict.zh, verdict.en);
  return { lines, checked, reproduced };
}

/** Display width of a name column: the table fits a terminal of 120 columns. */
const NAME_WIDTH = 14;

/** A name cut to `width` display columns, with "…" where it was cut. */
function cut(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function fixed(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : "";
}

/** The demo's report of a file, read exactly as `live-index rank` reads it (encoding, separator, .xlsx). */
export async function demoFile(path: string): Promise<ReturnType<typeof demoReport>> {
  return demoReport((await readTable(resolve(path))).cells, path);
}

/** The file `npm run demo` writes from the embedded sample, in the current directory. */
export const SAMPLE_XLSX = "ranked-sample.xlsx";

/**
 * Writes the embedded sample's ranked sheet (values, Chinese, top 100) as an .xlsx; returns its
 * path, or null when the file exists and `force` is not set (a file of the user's is never replaced).
 */
export async function writeSampleXlsx(dir: string, force = false): Promise<string | null> {
  const path = resolve(dir, SAMPLE_XLSX);
  if (!force && existsSync(path)) return null;
  const { plan } = planFromCells(sampleTableCells(), { lang: "zh", top: 100, mode: "values", source: DEMO_TEXT.sampleShort });
  await writeOutput([plan], path, force);
  return path;
}

async function main(argv: string[]): Promise<number> {
  const force = argv.includes("--force");
  const path = argv.find((a) => a !== "--force");
  try {
    const { lines, checked, reproduced } = path ? await demoFile(path) : demoReport(sampleTableCells(), DEMO_TEXT.sample);
    process.stdout.write(lines.join("\n") + "\n");
    if (!path) {
      const written = await writeSampleXlsx(process.cwd(), force);
      process.stdout.write(`\n${written ? DEMO_TEXT.fileWritten(written) : DEMO_TEXT.fileKept(resolve(SAMPLE_XLSX))}\n`);
    }
    return checked > 0 && reproduced < checked ? 1 : 0;
  } catch (e) {
    if (isUserError(e)) {
      process.stderr.write(`${formatError(e, "zh")}\n${formatError(e, "en")}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
