/**
 * `live-index change`: the rank change between two years of a table with a year column
 * (core/panel.ts, as LIVERANKCHANGE computes it), printed in one language, and with --out written
 * as a .csv (UTF-8 with a byte-order mark, as Excel opens it).
 *
 *   live-index change <data.xlsx|csv> [--from 2020] [--to 2021] [--top N] [--lang zh|en] [--out change.csv] [--force]
 */
import { resolve } from "path";
import { UserError } from "../core/errors";
import type { PipelineOptions } from "../core/options";
import { rankChanges, readPanel } from "../core/panel";
import type { ScalingMethodName } from "../core/scaling";
import type { WeightTable } from "../core/weights";
import { readTable } from "../files/read-table";
import { CHANGE_CLI_TEXT, Lang, RANK_CHANGE_TEXT } from "../text";
import { writeCsvFile } from "./starting-files";
import { padCells } from "./table-text";

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

/** Prints the change of the top N, who entered and left it, and writes the whole table with --out; returns 0. */
export async function changeCommand(args: ChangeArgs, io: { out: (line: string) => void; cwd: string }): Promise<number> {
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const panel = readPanel(table.cells, { weights: args.weights, method: args.method, pipeline: args.pipeline, rescale: args.rescale });
  const years = panel.years.map((y) => y.year);
  if (years.length < 2) throw new UserError("PANEL_ONE_YEAR", { year: years[0] ?? "—" });
  const from = args.from ?? years[years.length - 2];
  const to = args.to ?? years[years.length - 1];
  const changes = rankChanges(panel, from, to);
  const t = CHANGE_CLI_TEXT[args.lang];
  const words = RANK_CHANGE_TEXT[args.lang];
  const name = (key: string) => key.split("|").filter(Boolean).join(" ");
  io.out(t.title(table.source, from, to));
  const shown = changes.filter((c) => c.to !== null && c.to <= args.top);
  const arrow = (c: (typeof changes)[number]) => (c.change === null ? "" : c.change > 0 ? `▲${c.change}` : c.change < 0 ? `▼${-c.change}` : "=");
  const rows = shown.map((c) => [String(c.to), name(c.key), c.from === null ? "—" : String(c.from), arrow(c), words.status[c.status]]);
  for (const line of padCells([[t.rankTo(to), t.region, t.rankFrom(from), t.change, t.status], ...rows])) io.out(`  ${line}`);
  const entering = changes.filter((c) => c.to !== null && c.to <= args.top && (c.from === null || c.from > args.top));
  const leaving = changes.filter((c) => c.from !== null && c.from <= args.top && (c.to === null || c.to > args.top));
  io.out("");
  io.out(
    `  ${t.entering(
      args.top,
      entering.map((c) => name(c.key)),
    )}`,
  );
  io.out(
    `  ${t.leaving(
      args.top,
      leaving.map((c) => name(c.key)),
    )}`,
  );
  if (args.out !== undefined) {
    const path = resolve(io.cwd, args.out);
    const cells = [
      words.header(from, to),
      ...changes.map((c) => {
        const [p, city, d] = c.key.split("|");
        return [p, city || "-", d, c.from ?? "", c.to ?? "", c.change ?? "", words.status[c.status]];
      }),
    ];
    await writeCsvFile(path, cells, args.force);
    io.out("");
    io.out(t.written(path));
  }
  return 0;
}
