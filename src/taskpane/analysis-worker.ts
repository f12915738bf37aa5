/**
 * The task pane's Web Worker (analysis-worker.js, built from this file): runs a robustness job
 * (core/analysis-job.ts) off the pane's thread, posting its progress after each step, so that the
 * pane keeps answering clicks (Cancel among them) through thousands of runs. Office's WebView2
 * and every browser Excel on the web supports run workers (learn.microsoft.com: "Use Web Workers
 * in Office Add-ins"). Messages: in, { type: "start", job }; out, "progress", "done" or "error".
 */
import { AnalysisJob, startJob } from "../core/analysis-job";
import { isUserError } from "../core/errors";
import { installWasmKernels } from "../core/wasm-kernels";

/** What a worker's global scope offers this file (the DOM types describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const scope = self as unknown as WorkerScope;

// The Monte Carlo's WebAssembly kernels where the webview runs them (the same numbers, faster). A
// dedicated worker loaded from its own URL takes the Content-Security-Policy of its response, not the
// pane's <meta> (HTML's "initialize worker policy container"; Chromium since CL 3168339), so the
// pane's policy, which has no 'wasm-unsafe-eval', does not refuse the compile here. Where a policy
// or the engine does, the JavaScript kernels run. Which ones, this scope says (developer tools, the
// browser test).
(self as unknown as { analysisKernels: string }).analysisKernels = installWasmKernels() ? "WebAssembly" : "JavaScript";

scope.onmessage = (event: MessageEvent) => {
  const message = event.data as { type: "start"; job: AnalysisJob };
  if (message?.type === "start") void run(message.job);
};

async function run(job: AnalysisJob): Promise<void> {
  try {
    const { run, chunk, outcome } = startJob(job);
    while (!run.done) {
      run.step(chunk);
      scope.postMessage({ type: "progress", completed: run.completed, total: run.total });
      // A turn of the event loop between steps: the pane may end the worker at any of them.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    scope.postMessage({ type: "done", outcome: outcome() });
  } catch (e) {
    scope.postMessage({
      type: "error",
      error: isUserError(e) ? { code: e.code, params: e.params, details: e.details } : { message: e instanceof Error ? e.message : String(e) },
    });
  }
}
