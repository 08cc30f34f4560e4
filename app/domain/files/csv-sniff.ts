// Delimiter and header-row detection for delimited text, from a sample of its first lines. Pure.

export const DELIMITERS = [",", "\t", ";", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };

/** Complete lines of the sample (a line break inside quotes doesn't end a line); the last, maybe cut, is dropped unless the sample is the whole text. */
export function sampleLines(sample: string, complete: boolean, max = 50): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < sample.length && lines.length < max; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === "\n" && !inQuotes) {
      lines.push(sample.slice(start, i).replace(/\r$/, ""));
      start = i + 1;
    }
  }
  if (complete && lines.length < max && start < sample.length) lines.push(sample.slice(start).replace(/\r$/, ""));
  return lines.filter((l) => l.length > 0);
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}

/**
 * The delimiter that splits the sample's lines into the same number of columns most consistently;
 * the file's extension breaks ties (".tsv" -> tab).
 */
export function sniffDelimiter(lines: readonly string[], preferred: Delimiter = ","): Delimiter {
  const candidates = DELIMITERS.flatMap((delimiter) => {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [columns, times] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    if (columns === 0) return [];
    // Consistency in steps of 5%, so one odd line doesn't outweigh the extension's hint.
    return [{ delimiter, consistency: Math.round((times / counts.length) * 20), columns }];
  });
  candidates.sort(
    (a, b) =>
      b.consistency - a.consistency ||
      Number(b.delimiter === preferred) - Number(a.delimiter === preferred) ||
      b.columns - a.columns,
  );
  return candidates[0]?.delimiter ?? preferred;
}

const NUMBER = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?)?/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])?$/;

export type CellType = "empty" | "number" | "date" | "text";

export function cellType(value: string): CellType {
  const v = value.trim();
  if (!v) return "empty";
  if (NUMBER.test(v) && /\d/.test(v)) return "number";
  if (DATE.test(v) || TIME.test(v)) return "date";
  return "text";
}

/**
 * Whether the first row names the columns: every cell is distinct text (no numbers or dates), and either
 * some column holds another type below it, or the first row's values never occur again in their column.
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, ...rest] = rows;
  if (!first || first.length === 0) return false;
  const cells = first.map((c) => c.trim());
  if (cells.some((c) => cellType(c) !== "text")) return false;
  if (new Set(cells.map((c) => c.toLowerCase())).size !== cells.length) return false;
  if (rest.length === 0) return true;
  const typeDiffers = cells.some((_, i) => rest.some((r) => {
    const t = cellType(r[i] ?? "");
    return t === "number" || t === "date";
  }));
  if (typeDiffers) return true;
  return cells.every((c, i) => !rest.some((r) => (r[i] ?? "").trim().toLowerCase() === c.toLowerCase()));
}
