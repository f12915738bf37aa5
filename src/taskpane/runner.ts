/**
 * The pane's one task runner: one task at a time across every section (nothing can interleave
 * with a running write or Monte Carlo run), every action button disabled while it runs, errors
 * shown in words (a user error with its detail lines, anything else in the one "unexpected"
 * wording), progress with the name of the step actually reported.
 */
import { formatError, isUserError } from "../core/errors";
import { Lang, PROGRESS_TEXT, ProgressStep, unexpectedError } from "../text";

/** Where a section shows its errors, status and progress. */
export interface TaskOutput {
  readonly error: HTMLElement;
  readonly status: HTMLElement;
  readonly progress?: { readonly box: HTMLElement; readonly bar: HTMLProgressElement; readonly text: HTMLElement };
}

export type Progress = (fraction: number, step: ProgressStep, detail?: string) => void;

export class TaskRunner {
  private running = false;
  private readonly buttons = new Set<HTMLButtonElement>();
  private readonly queued: (() => void)[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly lang: Lang,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  /** Buttons that start tasks: disabled while any task runs. */
  /** The status lines of the sections that have run a task. */
  private readonly statuses = new Set<HTMLElement>();

  register(...buttons: HTMLButtonElement[]): void {
    for (const b of buttons) this.buttons.add(b);
  }

  /** Runs `body` unless a task runs already (then it is dropped and false is returned). Never throws. */
  async run(output: TaskOutput, body: (progress: Progress) => Promise<void>, options: { readonly background?: boolean } = {}): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    this.setBusy(true);
    show(output.error, "");
    // A person's action clears every section's status line, so that the one left describes it;
    // a task the pane starts by itself (a re-check after an edit) clears only its own.
    this.statuses.add(output.status);
    for (const s of options.background ? [output.status] : this.statuses) s.textContent = "";
    try {
      await body((fraction, step, detail) => this.progress(output, fraction, step, detail));
    } catch (e) {
      show(output.error, describeError(e, this.lang));
    } finally {
      if (output.progress) output.progress.box.hidden = true;
      this.running = false;
      this.setBusy(false);
      this.queued.splice(0).forEach((f) => f());
    }
    return true;
  }

  /** Calls `f` once the running task ends (at once when none runs). */
  afterCurrent(f: () => void): void {
    if (this.running) this.queued.push(f);
    else f();
  }

  private setBusy(busy: boolean): void {
    this.root.setAttribute("aria-busy", String(busy));
    for (const b of this.buttons) b.disabled = busy;
  }

  private progress(output: TaskOutput, fraction: number, step: ProgressStep, detail?: string): void {
    if (!output.progress) return;
    output.progress.box.hidden = false;
    output.progress.bar.value = Math.max(0, Math.min(1, fraction));
    output.progress.text.textContent = detail ?? PROGRESS_TEXT[this.lang][step];
  }
}

/** An error in words: a user error with its details (one per line), anything else as unexpected. */
export function describeError(e: unknown, lang: Lang): string {
  if (isUserError(e)) return [formatError(e, lang), ...e.details.map((d) => formatError(d, lang))].join("\n");
  return unexpectedError(e instanceof Error ? e.message : String(e), lang);
}

function show(el: HTMLElement, text: string): void {
  el.textContent = text;
  el.hidden = text === "";
}
