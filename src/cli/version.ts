/** The add-in's version as the command line reports it and its sheets' notes print it. */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

let cachedVersion: string | undefined;
/** The package's version, from the nearest package.json above this file. */
export function version(): string {
  if (cachedVersion) return cachedVersion;
  for (let dir = __dirname, i = 0; i < 6; dir = dirname(dir), i++) {
    const p = join(dir, "package.json");
    if (!existsSync(p)) continue;
    try {
      const v = (JSON.parse(readFileSync(p, "utf8")) as { version?: string }).version;
      if (v) return (cachedVersion = v);
    } catch {
      // keep looking
    }
  }
  return (cachedVersion = "0.0.0");
}
