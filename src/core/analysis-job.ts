/**
 * A robustness analysis as a job that can run anywhere: in the task pane's Web Worker (so that
 * thousands of runs never freeze the pane), on the pane's own thread where no worker can start,
 * and in tests. The job is plain data (structured-cloneable: the cells, the user's choices, the
 * assumptions); the result too. Either the weights' Monte Carlo with the leave-one-out check (the
 * weights alone are uncertain), or the uncertainty and sensitivity analysis over the assumptions.
 */
import { activeAssumptions, Assumptions } from "./assumptions";
import type { Cells } from "./dataset";
import { getLeaveOneOut, SensitivityResult, startSensitivity } from "./sensitivity";
import { AnalysisRun, modelOfTable, SensitivityIndices, startSobol, UncertaintyResult } from "./uncertainty";
import { IndexRequest, runIndex } from "./workflow";
import type { WeightTable } from "./weights";

export interface AnalysisJob {
  readonly cells: Cells;
  readonly request: IndexRequest;
  readonly assumptions: Assumptions;
  /** Runs of the weights' Monte Carlo, or the base samples N of the sensitivity design. */
  readonly runs: number;
  readonly seed: number;
  /** The workbook's weight tables a weight set names (`table:<name>`), by name. */
  readonly tables?: readonly { readonly name: string; readonly table: WeightTable }[];
}

export type AnalysisOutcome =
  | { readonly kind: "weights"; readonly result: SensitivityResult; readonly leaveOneOut: Float64Array }
  | { readonly kind: "assumptions"; readonly uncertainty: UncertaintyResult; readonly indices: SensitivityIndices };

/** Whether only the weights are uncertain: the weights' Monte Carlo and its sheet, as before the other assumptions existed. */
export function weightsOnly(a: Assumptions): boolean {
  const active = activeAssumptions(a);
  return active.length === 1 && active[0] === "weights";
}

/**
 * Starts a job: a run to step (progress and cancelling between steps), and how to read its outcome.
 *
 * @example
 * const job = startJob({ cells, request: {}, assumptions: readAssumptions("scaling=minmax,rank"), runs: 200, seed: 7 });
 * while (!job.run.done) job.run.step(job.chunk);
 * job.outcome().kind // → "assumptions"
 */
export function startJob(job: AnalysisJob): { run: AnalysisRun<unknown>; chunk: number; outcome: () => AnalysisOutcome } {
  const rows = Math.max(1, job.cells.length);
  // About 200,000 region-runs a step: a tenth of a second or so, short enough to answer a cancel.
  const chunk = Math.max(1, Math.round(200_000 / rows));
  if (weightsOnly(job.assumptions)) {
    const nominal = runIndex(job.cells, job.request);
    const run = startSensitivity(nominal.result, { runs: job.runs, spread: job.assumptions.weights, seed: job.seed });
    return { run, chunk, outcome: () => ({ kind: "weights", result: run.result(), leaveOneOut: getLeaveOneOut(nominal.result) }) };
  }
  const tables = new Map((job.tables ?? []).map((t) => [t.name, t.table]));
  const run = startSobol(modelOfTable(job.cells, job.request, job.assumptions, tables), job.runs, job.seed);
  return {
    run,
    chunk,
    outcome: () => {
      const r = run.result();
      return { kind: "assumptions", uncertainty: r.uncertainty, indices: r.indices };
    },
  };
}
