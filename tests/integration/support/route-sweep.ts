import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What the sweeps (isolation, fuzz) need to walk the app as it is on disk: every route file, the URL of a
// route for given parameters, and every intent the app's forms send. A new route or intent is swept without
// editing a test.

export const routesDir = path.join(__dirname, "..", "..", "..", "app", "routes");
export const appDir = path.join(__dirname, "..", "..", "..", "app");
export const routeFiles = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f));

export type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

/** The names of a route file's URL parameters ("requestId", ...), and "*" for a splat route. */
export function paramNames(file: string): string[] {
  const names = [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
  return file.startsWith("$.") || file.startsWith("api.$.") ? [...names, "*"] : names;
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}

export function urlFor(file: string, params: Record<string, string>): string {
  const route = file.replace(/\.tsx?$/, "").replace(/\[(.)\]/g, "$1");
  const segments = route
    .split(/(?<!\[)\.(?![^[]*\])/)
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? encodeSegment(params[s.slice(1)] ?? params["*"] ?? "x") : s));
  return `/${segments.join("/")}`.replace(/\/+/g, "/");
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
}

/** Every intent the app's forms send: literals of the action schemas and the values of intent buttons. */
export const ALL_INTENTS = new Set(
  sourcesUnder(appDir).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return [
      ...[...source.matchAll(/intent: z\.literal\("([a-z-]+)"\)/g)].map((m) => m[1]!),
      ...[...source.matchAll(/name="intent" value="([a-z-]+)"/g)].map((m) => m[1]!),
      ...[...source.matchAll(/value="([a-z-]+)"[^>]*name="intent"/g)].map((m) => m[1]!),
      ...[...source.matchAll(/intent: z\.enum\(\s*\[([^\]]+)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"([a-z-]+)"/g)].map((x) => x[1]!)),
    ];
  }),
);

/** The intents a route handles: those named in its file or in the components it renders. */
export function intentsOf(file: string, exclude: readonly string[] = ["leave", "sign-out-everywhere"]): string[] {
  const source = readFileSync(path.join(routesDir, file), "utf8");
  const components = [...source.matchAll(/from "~\/components\/([a-z-]+)"/g)].map((m) => readFileSync(path.join(appDir, "components", `${m[1]}.tsx`), "utf8"));
  const quoted = new Set([source, ...components].flatMap((text) => [...text.matchAll(/"([a-z]+(?:-[a-z]+)*)"/g)].map((m) => m[1]!)));
  return [...ALL_INTENTS].filter((intent) => quoted.has(intent) && !exclude.includes(intent));
}

/** The field names a route's forms use: `name="..."` attributes and Conform fields of its file and components. */
export function fieldNamesOf(file: string): string[] {
  const source = readFileSync(path.join(routesDir, file), "utf8");
  const components = [...source.matchAll(/from "~\/components\/([a-z-]+)"/g)].map((m) => readFileSync(path.join(appDir, "components", `${m[1]}.tsx`), "utf8"));
  const names = new Set<string>();
  for (const text of [source, ...components]) {
    for (const m of text.matchAll(/name="([A-Za-z][A-Za-z0-9_]*)"/g)) names.add(m[1]!);
    for (const m of text.matchAll(/fields\.([A-Za-z][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  }
  names.delete("intent");
  return [...names];
}
