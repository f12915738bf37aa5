/**
 * `live-index ahp`: the AHP of a pairwise-comparison matrix in a file (core/ahp.ts), printed with
 * its consistency, and with --out written as a weight table (the five sub-indices' weights, or
 * one sub-index's indicator weights, the rest the report's) that check-weights and rank take.
 *
 *   live-index ahp <matrix.csv|.xlsx> [--sheet <name>] [--lang zh|en] [--out weights.csv|.xlsx] [--force]
 */
import { resolve } from "path";
import { ahpOfRange, ahpWeightTable } from "../core/ahp";
import { UserError } from "../core/errors";
import { percentText } from "../core/text";
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
}

/**
 * Prints the weights, λmax, CI, RI, CR and the verdict; returns 0, or 2 for judgements that are
 * not acceptable (CR ≥ 0.1), which are then not written as a weight table.
 */
export async function ahpCommand(args: AhpArgs, io: StartingFileIO): Promise<number> {
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const { names, result } = ahpOfRange(table.cells);
  const t = AHP_TEXT[args.lang];
  // The weight table first, so that names that make none are said before anything is printed.
  const weights = args.out === undefined ? null : ahpWeightTable(names, result.weights);
  io.out(`${t.title}${args.lang === "zh" ? "：" : ": "}${table.source}`);
  const rows = [["", t.weight], ...names.map((n, i) => [n, percentText(result.weights[i], 2)])];
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
    if (weights) throw new UserError("AHP_NOT_ACCEPTABLE", { cr: result.cr.toFixed(4) });
    return 2;
  }
  if (weights) {
    io.out("");
    await writeStartingFile({ kind: "weights", out: args.out, lang: args.lang, force: args.force, table: weights, method: "ahp" }, io);
  }
  return 0;
}
