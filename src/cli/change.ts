/**
 * `live-index change`: the rank change between two years of a table with a year column
 * (core/panel.ts, as LIVERANKCHANGE computes it), printed in one language, and with --out written
 * as the rank change sheet (.xlsx) or as a .csv (UTF-8 with a byte-order mark, as Excel opens it).
 *
 *   live-index change <data.xlsx|csv> [--from 2020] [--to 2021] [--top N] [--lang zh|en] [--out change.xlsx|.csv] [--force]
 */
import { existsSync } from "fs";
import { extname, resolve } from "path";
import { formatError, UserError } from "../core/errors";
import type { PipelineOptions } from "../core/options";
import { rankChangeRows, rankChanges, readPanel, regionText, topMoves } from "../core/panel";
import type { SheetPlan } from "../plans/plan";
import { planRankChangeSheet } from "../plans/rank-change-sheet";
import type { ScalingMethodName } from "../core/scaling";
import type { WeightTable } from "../core/weights";
import { readTable } from "../files/read-table";
import { CHANGE_CLI_TEXT, Lang, localDateTime, RANK_CHANGE_CELLS } from "../text";
import { version } from "./version";
import { writeCsvFile } from "./starting-files";
import { padCells, skippedRows } from "./table-text";

export interface ChangeArgs {
  readonly input: string;
  readonly from?: number;
  readonly to?: number;
  readonly weights?: WeightTable;
  readonly method: ScalingMethodName;
  readonly pipeline: PipelineOptions;
  readonly rescale: boolean;
  /** Regions of the later year's top N listed, with those entering and leaving it. */
  readonly top: number;
  readonly lang: Lang;
  readonly out?: string;
  readonly sheet?: string;
  readonly force: boolean;
}

export interface ChangeIO {
  readonly out: (line: string) => void;
  readonly cwd: string;
  readonly now?: () => Date;
  /** Writes sheets as a new .xlsx (main.ts writeOutput). */
  readonly write?: (plans: readonly SheetPlan[], path: string, force: boolean) => Promise<readonly { sheetName: string }[]>;
}

/**
 * Prints the change of the top N, who entered and left it, and with --out writes the rank change
 * sheet (.xlsx: plans/rank-change-sheet.ts, its slope chart included) or the whole table (.csv); returns 0.
 */
export async function changeCommand(args: ChangeArgs, io: ChangeIO): Promise<number> {
  // An output that exists is refused before the work, not after it has been printed.
  if (args.out !== undefined && !args.force && existsSync(resolve(io.cwd, args.out))) throw new UserError("OUTPUT_EXISTS", { path: resolve(io.cwd, args.out) });
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const panel = readPanel(table.cells, { weights: args.weights, method: args.method, pipeline: args.pipeline, rescale: args.rescale });
  const years = panel.years.map((y) => y.year);
  if (years.length < 2) throw new UserError("PANEL_ONE_YEAR", { year: years[0] ?? "—" });
  const from = args.from ?? years[years.length - 2];
  const to = args.to ?? years[years.length - 1];
  const changes = rankChanges(panel, from, to);
  const t = CHANGE_CLI_TEXT[args.lang];
  const words = RANK_CHANGE_CELLS[args.lang];
  io.out(t.title(table.source, from, to));
  const shown = changes.filter((c) => c.to !== null && c.to <= args.top);
  const arrow = (c: (typeof changes)[number]) => (c.change === null ? "" : c.change > 0 ? `▲${c.change}` : c.change < 0 ? `▼${-c.change}` : "–");
  const rows = shown.map((c) => [String(c.to), regionText(c.names), c.from === null ? "—" : String(c.from), arrow(c), words.status[c.status]]);
  for (const line of padCells([[t.rankTo(to), t.region, t.rankFrom(from), t.change, t.status], ...rows])) io.out(`  ${line}`);
  const { entering, leaving } = topMoves(changes, args.top);
  io.out("");
  io.out(
    `  ${t.entering(
      args.top,
      entering.map((c) => regionText(c.names)),
    )}`,
  );
  io.out(
    `  ${t.leaving(
      args.top,
      leaving.map((c) => regionText(c.names)),
    )}`,
  );
  // Rows left out of either year (a bad value, a totals row): their regions have no rank there.
  for (const y of panel.years.filter((x) => x.year === from || x.year === to)) {
    const n = y.run.ranking.rejected.length;
    if (!n) continue;
    io.out(`  ${t.skipped(y.year, n)}`);
    // Each row named, as the rank command names them (a .csv has no note to read them in).
    for (const line of skippedRows(y.run, (m) => `    ${formatError(m, args.lang)}`)) io.out(line);
  }
  if (args.out !== undefined) {
    const path = resolve(io.cwd, args.out);
    io.out("");
    if (extname(path).toLowerCase() === ".xlsx" && io.write) {
      const plan = planRankChangeSheet(
        panel,
        from,
        to,
        {
          lang: args.lang,
          topN: args.top,
          source: table.source,
          generatedAt: localDateTime(io.now?.() ?? new Date(), args.lang),
          version: version(),
        },
        changes,
      );
      const [written] = await io.write([plan], path, args.force);
      io.out(t.writtenSheet(path, written.sheetName));
    } else {
      await writeCsvFile(path, rankChangeRows(changes, from, to, args.lang), args.force);
      io.out(t.written(path));
    }
  }
  return 0;
}
