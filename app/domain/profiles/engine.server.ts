import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FileKind } from "../../../db/schema/field-values";
import { detectHeader } from "../files/csv-sniff";
import { MalformedCsv, readCsvHead } from "../files/csv.server";
import { inspectZip, zipBombProblem } from "../files/zip.server";
import {
  SAMPLE_ROWS,
  TOP_VALUES,
  VALUE_COUNTS_MAX,
  type ColumnProfile,
  type ColumnType,
  type DatasetProfile,
  type TableProfile,
} from "./profile-types";
import { ProfileError } from "./profile-error";
import { NO_SHAPES, valueShapes } from "./shapes";
import { workbookToCsvFiles } from "./xlsx-to-csv.server";

// Dataset profiles computed by DuckDB, embedded in the process: the file is read from disk in a stream of
// vectors, never loaded into the app's memory, with DuckDB's own memory capped (memory_limit) and spilling
// to a work directory. Two passes over a table: one for counts, distinct estimates (HyperLogLog), min/max
// and rows per month; one for the value counts of code-like columns and the top values of the others. The
// first SAMPLE_ROWS rows are read once more to judge what values look like (names, hashes...).

export { ProfileError };

export interface ProfileOptions {
  /** A directory of this job's own, for DuckDB's spill files and converted sheets; removed afterwards. */
  workDir: string;
  /** Called with 0..1 now and then. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** DuckDB's memory cap (default "96MB") and threads (default 2). */
  memoryLimit?: string;
  threads?: number;
}

export interface ProfileSource {
  path: string;
  kind: FileKind;
  sizeBytes: number;
}

export const PROFILED_KINDS: readonly FileKind[] = ["csv", "tsv", "xlsx", "json"];
// Records nested under a key ({"data": [...]}) are read as one object, so only up to this size.
const NESTED_JSON_MAX_BYTES = 64 * 1024 * 1024;
const MAX_COLUMNS = 500;
const MAX_TYPE_RETRIES = 20;
const SMALL_TABLE_ROWS = 10_000;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function columnTypeOf(duckType: string): ColumnType {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t)) return "integer";
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith("DECIMAL")) return "number";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "datetime";
  if (t.startsWith("TIME")) return "time";
  if (t === "BOOLEAN") return "boolean";
  if (t === "VARCHAR") return "text";
  return "other";
}

interface SourceColumn {
  name: string;
  type: ColumnType;
}

/** A relation DuckDB reads from (a table function call), with column names and types. */
interface Relation {
  source: string | null;
  from: string;
  columns: SourceColumn[];
}

const toNumber = (v: unknown): number => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0));

class Runner {
  constructor(
    private readonly connection: DuckDBConnection,
    private readonly options: ProfileOptions,
  ) {}

  /** Runs a query, reporting DuckDB's progress mapped into [from, to]. */
  async rows(sql: string, from = 0, to = 0): Promise<Record<string, unknown>[]> {
    if (this.options.signal?.aborted) throw new ProfileError("The profile was stopped.");
    const onAbort = () => this.connection.interrupt();
    this.options.signal?.addEventListener("abort", onAbort, { once: true });
    const timer =
      this.options.onProgress && to > from
        ? setInterval(() => {
            const p = this.connection.progress.percentage;
            if (p >= 0) this.options.onProgress!(from + ((to - from) * Math.min(100, p)) / 100);
          }, 250)
        : null;
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } finally {
      if (timer) clearInterval(timer);
      this.options.signal?.removeEventListener("abort", onAbort);
      if (to > from) this.options.onProgress?.(to);
    }
  }
}

function csvReader(file: string, dialect: { delimiter: string; header: boolean; encoding: string; names?: string[] }, types: Record<string, string>, allVarchar: boolean): string {
  const parts = [
    quoteString(file),
    `delim=${quoteString(dialect.delimiter)}`,
    `header=${dialect.header}`,
    `quote='"'`,
    `escape='"'`,
    `encoding=${quoteString(dialect.encoding)}`,
    "null_padding=true",
    "strict_mode=false",
    "parallel=true",
    // DuckDB's default of 16 MB per buffer holds several in memory per thread; 8 MB keeps the speed.
    `buffer_size=${8 * 1024 * 1024}`,
  ];
  if (dialect.names) parts.push(`names=[${dialect.names.map(quoteString).join(", ")}]`);
  if (allVarchar) parts.push("all_varchar=true");
  else if (Object.keys(types).length) parts.push(`types={${Object.entries(types).map(([k, v]) => `${quoteString(k)}: ${quoteString(v)}`).join(", ")}}`);
  return `read_csv(${parts.join(", ")})`;
}

async function describe(runner: Runner, from: string): Promise<SourceColumn[]> {
  const rows = await runner.rows(`DESCRIBE SELECT * FROM ${from}`);
  return rows.map((r) => ({ name: String(r.column_name), type: columnTypeOf(String(r.column_type)) }));
}

/** The rows, columns and per-column statistics of one relation. */
async function profileRelation(runner: Runner, relation: Relation, progress: [number, number]): Promise<TableProfile> {
  const columns = relation.columns.slice(0, MAX_COLUMNS);
  const [start, end] = progress;
  const span = end - start;
  // Nested values (JSON objects and lists) are profiled as their JSON text.
  const select = columns
    .map((c) => (c.type === "other" ? `CAST(to_json(${quoteIdent(c.name)}) AS VARCHAR) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
    .join(", ");
  const src = `(SELECT ${select || "1 AS _"} FROM ${relation.from})`;
  const value = (c: SourceColumn) => {
    const q = quoteIdent(c.name);
    return c.type === "text" || c.type === "other" ? `nullif(trim(${q}), '')` : q;
  };

  // Pass 1: counts, distinct estimates, min/max, months.
  const aggregates = ["count(*) AS n_rows"];
  columns.forEach((c, i) => {
    const v = value(c);
    const q = quoteIdent(c.name);
    aggregates.push(`count(${v}) AS p${i}`, `approx_count_distinct(${v}) AS d${i}`);
    if (c.type === "integer" || c.type === "number") {
      aggregates.push(`CAST(min(${q}) AS DOUBLE) AS lo${i}`, `CAST(max(${q}) AS DOUBLE) AS hi${i}`);
      if (c.type === "integer") aggregates.push(`count_if(${q} % 100 = 0) AS h${i}`);
    } else if (c.type === "date" || c.type === "time") {
      aggregates.push(`CAST(min(${q}) AS VARCHAR) AS lo${i}`, `CAST(max(${q}) AS VARCHAR) AS hi${i}`);
    } else if (c.type === "datetime") {
      aggregates.push(`strftime(min(${q}), '%Y-%m-%d %H:%M:%S') AS lo${i}`, `strftime(max(${q}), '%Y-%m-%d %H:%M:%S') AS hi${i}`);
    }
    if (c.type === "date" || c.type === "datetime") aggregates.push(`histogram(strftime(${q}, '%Y-%m')) AS m${i}`);
  });
  const [first] = await runner.rows(`SELECT ${aggregates.join(", ")} FROM ${src}`, start, start + span * 0.55);
  const rows = toNumber(first!.n_rows);

  const profiles: ColumnProfile[] = columns.map((c, i) => {
    const present = toNumber(first![`p${i}`]);
    const months = first![`m${i}`] ? mapEntries(first![`m${i}`]) : null;
    const lo = first![`lo${i}`];
    const hi = first![`hi${i}`];
    const rounded = first![`h${i}`];
    return {
      name: c.name,
      type: c.type,
      present,
      shareEmpty: rows ? round((rows - present) / rows) : 0,
      distinct: Math.min(present, toNumber(first![`d${i}`])),
      distinctExact: false,
      min: lo === null || lo === undefined ? null : typeof lo === "string" ? lo : toNumber(lo),
      max: hi === null || hi === undefined ? null : typeof hi === "string" ? hi : toNumber(hi),
      topValues: [],
      valueCounts: null,
      months,
      roundedToHundred: rounded === undefined || present === 0 ? null : round(toNumber(rounded) / present),
      shapes: NO_SHAPES,
      examples: [],
    };
  });

  // Pass 2: every value's count for code-like columns; estimated top values for the others, unless nearly unique.
  const second: string[] = [];
  const counted = new Set<number>();
  const estimated = new Set<number>();
  profiles.forEach((p, i) => {
    if (p.present === 0 || p.type === "date" || p.type === "datetime") return;
    const v = `CAST(${value(columns[i]!)} AS VARCHAR)`;
    // HyperLogLog is within a few percent: a margin keeps columns just under the cap counted.
    if (p.distinct <= VALUE_COUNTS_MAX * 1.1) {
      second.push(`histogram(${v}) AS v${i}`);
      counted.add(i);
    } else if (p.distinct < p.present * 0.5) {
      second.push(`approx_top_k(${v}, ${TOP_VALUES}) AS k${i}`);
      estimated.add(i);
    }
  });
  if (second.length) {
    const [row] = await runner.rows(`SELECT ${second.join(", ")} FROM ${src}`, start + span * 0.55, start + span * 0.9);
    for (const i of counted) {
      const counts = mapEntries(row![`v${i}`]);
      const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const p = profiles[i]!;
      p.distinct = entries.length;
      p.distinctExact = true;
      const repeats = entries.length > 0 && entries[0]![1] > 1;
      // Top values say something only when values repeat; a column of unique ids has none worth showing.
      p.topValues = repeats ? entries.slice(0, TOP_VALUES).map(([value, count]) => ({ value, count })) : [];
      // Every value's count is kept for code-like columns, and for small tables (a code list is unique codes).
      p.valueCounts = entries.length <= VALUE_COUNTS_MAX && (repeats || rows <= SMALL_TABLE_ROWS) ? counts : null;
    }
    for (const i of estimated) {
      const values = (row![`k${i}`] as unknown[] | null) ?? [];
      profiles[i]!.topValues = values.map((value) => ({ value: String(value), count: null }));
    }
  }

  // The first rows, for what the values look like.
  const sample = await runner.rows(
    `SELECT ${columns.map((c, i) => `CAST(${quoteIdent(c.name)} AS VARCHAR) AS s${i}`).join(", ") || "1 AS _"} FROM ${src} LIMIT ${SAMPLE_ROWS}`,
    start + span * 0.9,
    end,
  );
  profiles.forEach((p, i) => {
    const values = sample.map((r) => (r[`s${i}`] === null || r[`s${i}`] === undefined ? "" : String(r[`s${i}`])));
    p.shapes = valueShapes(values);
    const examples = new Set<string>();
    for (const v of values) {
      const trimmed = v.trim();
      if (trimmed) examples.add(trimmed.slice(0, 80));
      if (examples.size >= 3) break;
    }
    p.examples = [...examples];
  });
  return { source: relation.source, rows, columns: profiles, sampledRows: sample.length };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** A DuckDB MAP read as JS ({entries: [{key, value}]} or [{key, value}]) into a plain object. */
function mapEntries(map: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  const entries = Array.isArray(map) ? map : ((map as { entries?: unknown[] } | null)?.entries ?? []);
  for (const e of entries as Array<{ key: unknown; value: unknown }>) {
    if (e.key === null || e.key === undefined) continue;
    out[String(e.key)] = toNumber(e.value);
  }
  return out;
}

/** The column a conversion error names ("Error when converting column "code""), or null. */
export function columnInConversionError(message: string): string | null {
  return /converting column "((?:[^"]|"")*)"/.exec(message)?.[1]?.replace(/""/g, '"') ?? null;
}

/** Runs `work`, making a column that fails conversion text, then running again. */
async function withTypeFallback<T>(
  make: (types: Record<string, string>, allVarchar: boolean) => Promise<Relation>,
  work: (relation: Relation) => Promise<T>,
): Promise<T> {
  const types: Record<string, string> = {};
  for (let attempt = 0; ; attempt++) {
    const relation = await make(types, attempt > MAX_TYPE_RETRIES);
    try {
      return await work(relation);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const column = /Conversion Error/i.test(message) ? columnInConversionError(message) : null;
      if (attempt > MAX_TYPE_RETRIES || (!column && !/Conversion Error/i.test(message))) throw error;
      if (column && !types[column]) types[column] = "VARCHAR";
      else if (!column || types[column]) attempt = MAX_TYPE_RETRIES; // all text next time
    }
  }
}

async function profileCsv(runner: Runner, file: string, source: string | null, preferred: "," | "\t", progress: [number, number]): Promise<TableProfile> {
  let head;
  try {
    head = await readCsvHead(file, Number.MAX_SAFE_INTEGER, preferred);
  } catch (error) {
    if (error instanceof MalformedCsv) throw new ProfileError(`it is not valid CSV: ${error.message}`);
    throw error;
  }
  if (head.records.length === 0) return { source, rows: 0, columns: [], sampledRows: 0 };
  const header = detectHeader(head.records.slice(0, 20));
  const width = Math.max(0, ...head.records.slice(0, 50).map((r) => r.length));
  const dialect = {
    delimiter: head.delimiter,
    header,
    encoding: head.encoding === "utf-8" ? "utf-8" : "latin-1",
    names: header ? undefined : Array.from({ length: width }, (_, i) => `Column ${i + 1}`),
  };
  return withTypeFallback(
    async (types, allVarchar) => {
      const from = csvReader(file, dialect, types, allVarchar);
      return { source, from, columns: await describe(runner, from) };
    },
    (relation) => profileRelation(runner, relation, progress),
  );
}

/** A JSON file: an array of records, newline-delimited records, or records under one key ({"data": [...]}). */
async function profileJson(runner: Runner, source: ProfileSource, progress: [number, number]): Promise<TableProfile> {
  const file = quoteString(source.path);
  let columns: SourceColumn[];
  let from = `read_json(${file}, format='auto', sample_size=20480)`;
  try {
    columns = await describe(runner, from);
  } catch (error) {
    throw new ProfileError(`it can't be read as JSON records (${firstLine(error)})`);
  }
  // One column holding a list of records: the records are under a key.
  const nested = columns.length === 1 && /\[\]$/.test(columns[0]!.name) === false;
  const [only] = columns;
  if (nested && only && only.type === "other") {
    const [described] = await runner.rows(`SELECT typeof(${quoteIdent(only.name)}) AS t FROM ${from} LIMIT 1`);
    if (/^STRUCT\(.*\)\[\]$/s.test(String(described?.t ?? ""))) {
      if (source.sizeBytes > NESTED_JSON_MAX_BYTES) {
        throw new ProfileError(`its records are nested under "${only.name}" in a file over 64 MB; ask for a JSON array or newline-delimited JSON`);
      }
      from = `(SELECT unnest(${quoteIdent(only.name)}, max_depth := 2) FROM read_json(${file}, maximum_object_size=${source.sizeBytes + 1024}))`;
      columns = await describe(runner, from);
    }
  }
  return withTypeFallback(
    async () => ({ source: null, from, columns }),
    (relation) => profileRelation(runner, relation, progress),
  );
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/^[A-Za-z ]+Error: /, "").slice(0, 200);
}

/**
 * Profiles a received tabular file: every sheet of a workbook (hidden ones too: they are part of what was
 * received), the table of a CSV, TSV or JSON file. Throws ProfileError for content that can't be read.
 */
export async function profileFile(source: ProfileSource, options: ProfileOptions): Promise<DatasetProfile> {
  const started = performance.now();
  await mkdir(options.workDir, { recursive: true, mode: 0o700 });
  // Loaded on first use: a server that never profiles doesn't hold the engine.
  const { DuckDBInstance, version } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? "96MB",
    threads: String(options.threads ?? 2),
    temp_directory: path.join(options.workDir, "spill"),
    preserve_insertion_order: "false",
    enable_external_access: "true",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  const runner = new Runner(connection, options);
  const tables: TableProfile[] = [];
  const skipped: DatasetProfile["skipped"] = [];
  try {
    switch (source.kind) {
      case "csv":
      case "tsv":
        tables.push(await profileCsv(runner, source.path, null, source.kind === "tsv" ? "\t" : ",", [0, 1]));
        break;
      case "json":
        tables.push(await profileJson(runner, source, [0, 1]));
        break;
      case "xlsx": {
        const summary = await inspectZip(source.path);
        const problem = summary ? zipBombProblem(summary, source.sizeBytes) : "its zip structure is damaged";
        if (problem) throw new ProfileError(problem);
        // Converting the sheets is about half the work.
        const sheets = await workbookToCsvFiles(source.path, path.join(options.workDir, "sheets"), {
          onProgress: (f) => options.onProgress?.(f * 0.5),
          signal: options.signal,
        });
        let done = 0;
        for (const sheet of sheets) {
          const from = 0.5 + (0.5 * done) / Math.max(1, sheets.length);
          const to = 0.5 + (0.5 * (done + 1)) / Math.max(1, sheets.length);
          done += 1;
          if (!sheet.csvPath) {
            skipped.push({ source: sheet.name, reason: sheet.reason ?? "it has no rows" });
            continue;
          }
          try {
            tables.push(await profileCsv(runner, sheet.csvPath, sheet.name, ",", [from, to]));
          } catch (error) {
            if (!(error instanceof ProfileError)) throw error;
            skipped.push({ source: sheet.name, reason: error.message });
          } finally {
            await rm(sheet.csvPath, { force: true });
          }
        }
        break;
      }
      default:
        throw new ProfileError("only CSV, TSV, Excel workbooks and JSON records are profiled");
    }
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    if (options.signal?.aborted) throw new ProfileError("The profile was stopped.");
    const message = error instanceof Error ? error.message : String(error);
    // DuckDB's own words for content it can't read are the user's to see.
    if (/^(Invalid Input|Conversion|Parser|Invalid) Error/i.test(message)) throw new ProfileError(`it can't be read: ${firstLine(error)}`);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(options.workDir, { recursive: true, force: true });
  }
  return { version: 1, engine: `DuckDB ${version()}`, tables, skipped, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
