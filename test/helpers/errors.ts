import { IndexError } from "../../src/core/errors";

/** The code of the IndexError thrown by `f`, or "no error"; any other throw is rethrown. */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof IndexError) return e.code;
    throw e;
  }
  return "no error";
}
