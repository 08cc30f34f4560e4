import { readFile } from "node:fs/promises";
import { jsonNestsDeeperThan } from "../../utils/bounded-input.server";
import { readTextHead } from "./text.server";

// JSON previews: an array of objects is shown as a table (and matched against the fields asked like a CSV);
// anything else as an excerpt. Documents up to JSON_PARSE_MAX_BYTES are parsed whole.

export const JSON_PARSE_MAX_BYTES = 20 * 1024 * 1024;
const PREVIEW_ROWS = 100;
/** Deeper documents are shown as an excerpt: laying them out (JSON.stringify) would overflow the stack. */
export const JSON_PREVIEW_MAX_DEPTH = 200;

export interface JsonPreview {
  summary: string;
  table: { headers: string[]; rows: string[][]; totalRows: number } | null;
  excerpt: string;
}

export class MalformedJson extends Error {}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The records of a document that holds a list of them: `[{...}]` or `{"data": [{...}]}`. */
function recordsOf(document: unknown): { path: string; records: Record<string, unknown>[] } | null {
  const isRecords = (v: unknown): v is Record<string, unknown>[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === "object" && !Array.isArray(x));
  if (isRecords(document)) return { path: "", records: document };
  if (document && typeof document === "object" && !Array.isArray(document)) {
    for (const [key, value] of Object.entries(document)) if (isRecords(value)) return { path: key, records: value };
  }
  return null;
}

export async function parseJsonDocument(path: string, options: { maxDepth?: number } = {}): Promise<unknown> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  if (options.maxDepth !== undefined && jsonNestsDeeperThan(text, options.maxDepth)) return TOO_DEEP;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedJson(error instanceof Error ? error.message : "it can't be parsed");
  }
}

const TOO_DEEP = Symbol("too deep");

export async function previewJson(path: string, size: number): Promise<JsonPreview> {
  const head = await readTextHead(path, size, 64 * 1024);
  const excerpt = head.text.slice(0, 4000);
  if (size > JSON_PARSE_MAX_BYTES) {
    return { summary: "Too large to read whole here; the start of the file is shown.", table: null, excerpt };
  }
  const document = await parseJsonDocument(path, { maxDepth: JSON_PREVIEW_MAX_DEPTH });
  if (document === TOO_DEEP) {
    return { summary: `The document nests deeper than ${JSON_PREVIEW_MAX_DEPTH} levels; the start of the file is shown.`, table: null, excerpt };
  }
  const found = recordsOf(document);
  if (!found) {
    const what = Array.isArray(document) ? `a list of ${document.length} values` : document && typeof document === "object" ? `an object with ${Object.keys(document).length} keys` : "a single value";
    return { summary: `The document is ${what}.`, table: null, excerpt: JSON.stringify(document, null, 2).slice(0, 4000) };
  }
  const headers: string[] = [];
  for (const record of found.records.slice(0, 1000)) for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
  return {
    summary: `${found.records.length.toLocaleString("en-US")} records${found.path ? ` under "${found.path}"` : ""}.`,
    table: { headers, rows: found.records.slice(0, PREVIEW_ROWS).map((r) => headers.map((h) => cell(r[h]))), totalRows: found.records.length },
    excerpt: "",
  };
}
