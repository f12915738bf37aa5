/** The pane's page elements, found by id: a missing one is a mistake in taskpane.html, said plainly. */
import type { TaskOutput } from "./runner";

export function byId(doc: Document, id: string): HTMLElement {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el;
}

/** Where a section shows its errors, status and progress, by the ids of its elements. */
export function taskOutput(doc: Document, ids: { error: string; status: string; progress: string; bar: string; text: string }): TaskOutput {
  return {
    error: byId(doc, ids.error),
    status: byId(doc, ids.status),
    progress: { box: byId(doc, ids.progress), bar: byId(doc, ids.bar) as HTMLProgressElement, text: byId(doc, ids.text) },
  };
}

/** Fills a dropdown with its choices: value → label, in order. */
export function fillChoices(el: HTMLSelectElement, labels: Readonly<Record<string, string>>): void {
  el.replaceChildren();
  for (const [value, label] of Object.entries(labels)) {
    const o = el.ownerDocument.createElement("option");
    o.value = value;
    o.textContent = label;
    el.appendChild(o);
  }
}
