/**
 * Runs a robustness job for the pane: in the Web Worker analysis-worker.js when the host can start
 * one (the pane stays responsive), else on the pane's thread a step at a time, yielding between
 * steps. Either way: progress after every step, and a cancel that stops it at once (the worker is
 * ended) and resolves to null, having written nothing.
 */
import { AnalysisJob, AnalysisOutcome, startJob } from "../core/analysis-job";
import { ErrorCode, Message, MessageParams, UserError } from "../core/errors";

export interface JobHandle {
  /** The outcome, or null when cancelled; rejects with the job's error (a UserError as thrown). */
  readonly done: Promise<AnalysisOutcome | null>;
  cancel(): void;
}

export interface JobOptions {
  readonly onProgress: (completed: number, total: number) => void;
  /** Gives the event loop a turn on the pane's thread (the fallback without a worker). */
  readonly yieldToUi: () => Promise<void>;
  /** The worker's script, beside taskpane.html; null: run on the pane's thread. */
  readonly workerUrl: string | null;
}

/** The worker's file name as webpack emits it (webpack.config.js: entry analysis-worker). */
export const WORKER_FILE = "analysis-worker.js";

export function runJob(job: AnalysisJob, options: JobOptions): JobHandle {
  if (options.workerUrl && typeof Worker !== "undefined") return inWorker(job, options, options.workerUrl);
  return inThread(job, options);
}

function inWorker(job: AnalysisJob, options: JobOptions, url: string): JobHandle {
  const worker = new Worker(url);
  let settle: (v: AnalysisOutcome | null) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<AnalysisOutcome | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (event: MessageEvent) => {
    const m = event.data as
      | { type: "progress"; completed: number; total: number }
      | { type: "done"; outcome: AnalysisOutcome }
      | { type: "error"; error: { code?: ErrorCode; params?: MessageParams; details?: Message[]; message?: string } };
    if (m.type === "progress") options.onProgress(m.completed, m.total);
    else {
      worker.terminate();
      if (m.type === "done") settle(m.outcome);
      else fail(m.error.code ? new UserError(m.error.code, m.error.params, m.error.details) : new Error(m.error.message));
    }
  };
  // The script could not load or failed outside the job: said as an unexpected error.
  worker.onerror = (event: ErrorEvent) => {
    worker.terminate();
    fail(new Error(event.message || "the analysis worker failed to start"));
  };
  worker.postMessage({ type: "start", job });
  return {
    done,
    cancel() {
      worker.terminate();
      settle(null);
    },
  };
}

function inThread(job: AnalysisJob, options: JobOptions): JobHandle {
  let cancelled = false;
  const done = (async () => {
    const { run, chunk, outcome } = startJob(job);
    while (!run.done) {
      if (cancelled) return null;
      run.step(chunk);
      options.onProgress(run.completed, run.total);
      await options.yieldToUi();
    }
    return cancelled ? null : outcome();
  })();
  return {
    done,
    cancel() {
      cancelled = true;
    },
  };
}
