// Checks a raw message's MIME structure, which mail parsers forgive silently: a multipart cut off before its
// closing boundary, a base64 part that can't be decoded. Such a message may be missing what the agency sent,
// so it goes to review instead of being filed as if whole. Pure: no I/O.

const MAX_DEPTH = 30;

interface Entity {
  headers: Map<string, string>;
  /** Index of the first body line, and one past the last. */
  bodyStart: number;
  bodyEnd: number;
}

function readEntity(lines: readonly string[], start: number, end: number): Entity {
  const headers = new Map<string, string>();
  let name: string | null = null;
  let i = start;
  for (; i < end && lines[i] !== ""; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && name) {
      headers.set(name, `${headers.get(name)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins, as parsers do for Content-Type.
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    else name = null;
  }
  return { headers, bodyStart: Math.min(i + 1, end), bodyEnd: end };
}

/** "multipart/mixed; boundary=\"b1\"" -> { value: "multipart/mixed", params: { boundary: "b1" } }. */
export function parseHeaderValue(header: string | undefined): { value: string; params: Record<string, string> } {
  if (!header) return { value: "", params: {} };
  const semicolon = header.indexOf(";");
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (semicolon >= 0) {
    const rest = header.slice(semicolon);
    for (const m of rest.matchAll(/;\s*([^=\s;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
      const key = m[1]!.toLowerCase();
      if (!(key in params)) params[key] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    }
  }
  return { value, params };
}

function partName(headers: Map<string, string>): string {
  const name = parseHeaderValue(headers.get("content-disposition")).params.filename ?? parseHeaderValue(headers.get("content-type")).params.name;
  return name ? `the part "${name.slice(0, 100)}"` : "a part";
}

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** Null when the base64 text decodes cleanly; else why not. */
export function base64Problem(text: string): string | null {
  const compact = text.replace(/[\s]+/g, "");
  if (!BASE64_BODY.test(compact)) {
    return /[^A-Za-z0-9+/=]/.test(compact) ? "it contains characters that base64 does not use" : "it has padding (=) before its end";
  }
  // A lone sixth bit-group can never be a whole byte; missing padding otherwise is tolerated, as decoders do.
  if (compact.replace(/=+$/, "").length % 4 === 1) return "its length is not that of any base64 text";
  return null;
}

function checkEntity(lines: readonly string[], start: number, end: number, depth: number): string | null {
  const entity = readEntity(lines, start, end);
  const type = parseHeaderValue(entity.headers.get("content-type"));
  if (type.value.startsWith("multipart/")) {
    const boundary = type.params.boundary;
    // A missing boundary is reported by the caller from the parsed headers.
    if (!boundary) return null;
    if (depth >= MAX_DEPTH) return `its parts are nested more than ${MAX_DEPTH} deep.`;
    const delimiter = `--${boundary}`;
    const parts: Array<[number, number]> = [];
    let current: number | null = null;
    let closed = false;
    for (let i = entity.bodyStart; i < entity.bodyEnd; i++) {
      // Delimiter lines may carry trailing whitespace (RFC 2046 transport padding).
      const line = lines[i]!.replace(/[ \t]+$/, "");
      if (line === `${delimiter}--`) {
        if (current !== null) parts.push([current, i]);
        closed = true;
        break;
      }
      if (line === delimiter) {
        if (current !== null) parts.push([current, i]);
        current = i + 1;
      }
    }
    if (!closed) {
      return current === null
        ? "the multipart boundary never appears."
        : "a multipart section never reaches its closing boundary: the message seems to have been cut off.";
    }
    for (const [partStart, partEnd] of parts) {
      const problem = checkEntity(lines, partStart, partEnd, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const encoding = parseHeaderValue(entity.headers.get("content-transfer-encoding")).value;
  if (encoding === "base64") {
    const problem = base64Problem(lines.slice(entity.bodyStart, entity.bodyEnd).join("\n"));
    if (problem) return `${partName(entity.headers)} is declared as base64 but can't be decoded: ${problem}.`;
  }
  return null;
}

/** Why the message's MIME structure is broken, as the end of a sentence, or null when it holds together. */
export function mimeStructureProblem(raw: Buffer | string): string | null {
  const text = typeof raw === "string" ? raw : raw.toString("latin1");
  const lines = text.split(/\r?\n/);
  return checkEntity(lines, 0, lines.length, 0);
}
