/**
 * `live-index ahp`: the AHP of a pairwise-comparison matrix in a file (core/ahp.ts), printed with
 * its consistency, and with --out written as a weight table (the five sub-indices' weights, or
 * one sub-index's indicator weights, the rest the report's) that check-weights and rank take.
 *
 *   live-index ahp <matrix.csv|.xlsx> [--sheet <name>] [--lang zh|en] [--out weights.csv|.xlsx] [--base weights.csv] [--force]
 */
import { resolve } from "path";
import { ahpOfRange, ahpWeightTable } from "../core/ahp";
import { UserError } from "../core/errors";
import type { WeightTable } from "../core/weights";
import { readTable } from "../files/read-table";
import { AHP_TEXT, Lang } from "../text";
import { StartingFileIO, writeStartingFile } from "./starting-files";
import { padCells } from "./table-text";

export interface AhpArgs {
  readonly input: string;
  readonly sheet?: string;
  readonly lang: Lang;
  readonly out?: string;
  readonly force: boolean;
  /** --base: the weight table the AHP weights go into (default: the report's). */
  readonly base?: WeightTable;
}

/**
 * Prints the weights, λmax, CI, RI, CR and the verdict; returns 0, or 2 for judgements that are
 * not acceptable (CR ≥ 0.1), which are then not written as a weight table.
 */
export async function ahpCommand(args: AhpArgs, io: StartingFileIO): Promise<number> {
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const { names, result } = ahpOfRange(table.cells);
  const t = AHP_TEXT[args.lang];
  io.out(`${t.title}${args.lang === "zh" ? "：" : ": "}${table.source}`);
  const rows = [["", t.weight], ...names.map((n, i) => [n, `${(result.weights[i] * 100).toFixed(2)}%`])];
  for (const line of padCells(rows)) io.out(`  ${line}`);
  io.out("");
  const stats = [
    [t.lambdaMax, result.lambdaMax.toFixed(4)],
    [t.ci, result.ci.toFixed(4)],
    [t.ri, result.ri.toFixed(2)],
    [t.cr, result.cr.toFixed(4)],
    [t.verdict, result.acceptable ? t.ok : t.notOk],
  ];
  for (const line of padCells(stats)) io.out(`  ${line}`);
  if (!result.acceptable) {
    if (args.out !== undefined) throw new UserError("AHP_NOT_ACCEPTABLE", { cr: result.cr.toFixed(4) });
    return 2;
  }
  if (args.out !== undefined) {
    // After the weights are shown: names that make no weight table are said with the numbers in view.
    const table = ahpWeightTable(names, result.weights, args.base);
    io.out("");
    await writeStartingFile({ kind: "weights", out: args.out, lang: args.lang, force: args.force, table, method: "ahp" }, io);
  }
  return 0;
}
