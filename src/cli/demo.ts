/**
 * `npm run demo [file.csv]`: runs the engine on the report's Top-100 table (or on a CSV of the
 * same shape) and prints the ranked table with the computed and the published totals, and a
 * verdict line: how many published totals were reproduced within 0.01.
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { parseCsv } from "../core/csv";
import { formatError, isIndexError } from "../core/errors";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { computeIndex } from "../core/pipeline";
import { buildRanking } from "../core/ranking";
import { PUBLISHED_NAME_NOTES, REPORT_TOP100_2020, REPORT_TOP100_HEADERS } from "../data/report2020";
import { writeRankedXlsx } from "../files/xlsx-writer";
import { planFromCells } from "./main";
import { padCells } from "./table-text";

const TOLERANCE = 0.01;

/** The report's Top-100 table as cells, exactly as printed ("-" kept). */
export function sampleCells(): unknown[][] {
  const rows = REPORT_TOP100_2020.map((r) => [
    r.rank,
    r.province,
    r.city ?? "-",
    r.district,
    r.supply ?? "-",
    r.viewing ?? "-",
    r.goods ?? "-",
    r.quality ?? "-",
    r.industry ?? "-",
    r.total,
  ]);
  return [[...REPORT_TOP100_HEADERS], ...rows];
}

/** Builds the demo's printed report for a table; returns the lines and how many totals were checked / reproduced. */
export function demoReport(cells: unknown[][], source: string): { lines: string[]; checked: number; reproduced: number } {
  const result = computeIndex(cells);
  const ranking = buildRanking(cells, result);
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const header = [
    "排名 Rank",
    "省 Province",
    "市 City",
    "区县 District",
    ...dims.map((d) => `${DIMENSIONS[d].zh} ${DIMENSIONS[d].id}`),
    "总指数(算) Computed",
    "总指数(报告) Published",
    "差 Diff",
  ];
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
    if (note) notes.push(`* ${d.district}: ${note.zh} / ${note.en}`);
    body.push([
      String(d.rank),
      d.province,
      d.city,
      note ? `${d.district}*` : d.district,
      ...dims.map((i) => fixed(d.dimensions[i])),
      fixed(d.total),
      d.givenTotal === null ? "" : fixed(d.givenTotal),
      diff === null ? "" : (diff >= 0 ? "+" : "") + diff.toFixed(4),
    ]);
  }
  const lines = [`直播电商区域发展指数 / Live-Streaming E-commerce Regional Development Index — ${source}`, "", ...padCells([header, ...body]), ""];
  lines.push(...notes);
  for (const r of ranking.rejected) lines.push(`! ${formatError(r.error, "zh")} / ${formatError(r.error, "en")}`);
  if (checked > 0) {
    lines.push(
      `复现：${checked} 个公布的总指数中有 ${reproduced} 个在 ±${TOLERANCE} 以内（最大差 ${worst.toFixed(4)}）。`,
      `Verdict: ${reproduced} of ${checked} published totals reproduced within ±${TOLERANCE} (largest difference ${worst.toFixed(4)}).`,
    );
  } else {
    lines.push(
      `已计算 ${ranking.districts.length} 个地区的总指数（表中没有“总指数”列可供核对）。`,
      `Computed the total for ${ranking.districts.length} regions (the table has no total column to check against).`,
    );
  }
  return { lines, checked, reproduced };
}

function fixed(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : "";
}

/** The file `npm run demo` writes from the embedded sample, in the current directory. */
export const SAMPLE_XLSX = "ranked-sample.xlsx";

/** Writes the embedded sample's ranked sheet (values, Chinese, top 100) as an .xlsx; returns its path. */
export async function writeSampleXlsx(dir: string): Promise<string> {
  const path = resolve(dir, SAMPLE_XLSX);
  const { plan } = planFromCells(sampleCells(), { lang: "zh", top: 100, mode: "values", source: "报告百强表（内置样例）" });
  await writeRankedXlsx(plan, path, { overwrite: true });
  return path;
}

async function main(argv: string[]): Promise<number> {
  const path = argv[0];
  try {
    const cells = path ? parseCsv(readFileSync(path, "utf8")) : sampleCells();
    const source = path ?? "报告百强表（内置样例）/ the report's Top-100 table (embedded sample)";
    const { lines, checked, reproduced } = demoReport(cells, source);
    process.stdout.write(lines.join("\n") + "\n");
    if (!path) process.stdout.write(`\n排名表文件 / Ranked sheet as a file: ${await writeSampleXlsx(process.cwd())}\n`);
    return checked > 0 && reproduced < checked ? 1 : 0;
  } catch (e) {
    if (isIndexError(e)) {
      process.stderr.write(`${formatError(e, "zh")}\n${formatError(e, "en")}\n`);
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      process.stderr.write(`找不到文件 / File not found: ${path}\n`);
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
