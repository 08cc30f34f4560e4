import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node flags `npm run serve` starts the server with (the heap size), read from package.json, so benches and
 * the end-to-end tests run the server as users do.
 */
export function serveNodeFlags(root: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const flags = /\bnode\s+((?:--\S+\s+)*)\.?\/?build\/server\.js/.exec(scripts.serve ?? "")?.[1] ?? "";
  return flags.trim().split(/\s+/).filter(Boolean);
}
