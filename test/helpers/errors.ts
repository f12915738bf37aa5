import { UserError } from "../../src/core/errors";

/** The code of the UserError thrown by `f`, or "no error"; any other throw is rethrown. */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return "no error";
}
