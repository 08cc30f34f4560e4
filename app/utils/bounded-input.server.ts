import busboy from "busboy";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";

// The one gate every request passes before any parser of the app (URLSearchParams, Conform's parseWithZod,
// JSON.parse, a multipart parser) sees it: server.ts's request handler calls guardRequest, and the routes read
// forms with readFormData, which guards a request that did not come through it (tests calling an action).
// Over a limit the client gets 413 (too much) or 400 (a shape no form of the app has), with a message, and
// the server has held at most the limit in memory.

export const LIMITS = {
  /** The path and query string together. */
  urlBytes: 8 * 1024,
  queryParams: 200,
  /** An urlencoded form body. */
  formBytes: 2 * 1024 * 1024,
  /** Fields of a form (urlencoded or multipart) or a query string. */
  formFields: 5_000,
  /** A field's name. */
  nameBytes: 200,
  /** Levels of a field's name (`a.b[0].c` has four). */
  nameDepth: 6,
  /** An index in a field's name (`fields[999].id`). */
  arrayIndex: 9_999,
  /** All the array elements the names of one form would make a parser create, summed over the arrays. */
  arraySlots: 20_000,
  /** A JSON body, and how deeply its arrays and objects may nest. */
  jsonBytes: 2 * 1024 * 1024,
  jsonDepth: 64,
  /** A text field of a multipart form (files have their own limits). */
  multipartFieldBytes: 1024 * 1024,
};

/** Refused input: the status to answer with and a message for a person; `field` names the field when one is at fault. */
export class InputRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// Postgres stores neither U+0000 in text nor half of a surrogate pair (not UTF-8). Nothing a person types
// contains them.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character Postgres cannot store, as "U+0000", or null. */
export function unstorableCharacter(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** `text` without the characters Postgres cannot store (NUL removed, lone surrogates replaced), and how many there were. */
export function withoutUnstorable(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(new RegExp(UNSTORABLE.source, "g"), (c) => {
    removed += 1;
    return c === "\u0000" ? "" : "\uFFFD";
  });
  return { text: cleaned, removed };
}

/** Refuses a value holding a character Postgres cannot store, naming the field. */
export function checkStorable(field: string, value: string): void {
  const character = unstorableCharacter(value);
  if (character) {
    throw new InputRefused(400, `“${printable(field)}” contains a character that can't be stored (${character}). Remove it and send again.`, field);
  }
}

function printable(name: string): string {
  const cleaned = withoutUnstorable(name).text.replace(/[\u0000-\u001f\u007f]/g, "");
  return cleaned.length > 60 ? `${cleaned.slice(0, 60)}…` : cleaned;
}

/**
 * Checks the names of a form's or a query string's fields against the shapes a form of the app can have,
 * before a parser that turns `a[3].b` into nested arrays and objects (Conform) sees them: a name's length,
 * its depth, its indexes, and the array elements all names together would make.
 */
export function checkFieldNames(names: Iterable<string>, what = "form"): void {
  const arrays = new Map<string, number>();
  let count = 0;
  for (const name of names) {
    count += 1;
    if (count > LIMITS.formFields) throw new InputRefused(413, `The ${what} has more than ${LIMITS.formFields} fields.`);
    if (name.length > LIMITS.nameBytes) throw new InputRefused(400, `A field name of the ${what} is longer than ${LIMITS.nameBytes} characters.`);
    checkStorable("field name", name);
    if (!name.includes("[") && !name.includes(".")) continue;
    // Conform's paths: segments separated by "." or in brackets.
    const segments = name.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];
    if (segments.length > LIMITS.nameDepth) {
      throw new InputRefused(400, `The field name “${printable(name)}” nests deeper than ${LIMITS.nameDepth} levels.`, name);
    }
    let prefix = "";
    for (const segment of segments) {
      const index = /^\[(\d+)\]$/.exec(segment);
      if (index) {
        const value = index[1]!.length > 6 ? Number.POSITIVE_INFINITY : Number(index[1]);
        if (value > LIMITS.arrayIndex) {
          throw new InputRefused(400, `The field name “${printable(name)}” has an index above ${LIMITS.arrayIndex}.`, name);
        }
        if (value + 1 > (arrays.get(prefix) ?? 0)) arrays.set(prefix, value + 1);
      }
      prefix += segment.startsWith("[") ? segment : `.${segment}`;
    }
  }
  let slots = 0;
  for (const size of arrays.values()) slots += size;
  if (slots > LIMITS.arraySlots) throw new InputRefused(413, `The ${what}'s field names make more than ${LIMITS.arraySlots} list entries.`);
}

/** Whether the JSON text's arrays and objects nest deeper than `max`, without parsing it. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth -= 1;
  }
  return false;
}

/** The path ("a.b.0") of the first key or string in a parsed JSON value that Postgres cannot store, and the character. */
export function unstorableInJson(value: unknown, path: string[] = []): { path: string; character: string } | null {
  if (typeof value === "string") {
    const character = unstorableCharacter(value);
    return character ? { path: path.join(".") || "body", character } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableInJson(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const character = unstorableCharacter(key);
      if (character) return { path: [...path, printable(key)].join("."), character };
      const found = unstorableInJson(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Reads a body into memory, up to `max` bytes: one byte more cancels the stream and refuses the request
 * with 413, so a client can never make the server hold more than `max`.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, max: number, tooLarge: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        throw new InputRefused(400, "The request body was cut off before it was complete.");
      }
      if (step.done) break;
      size += step.value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw new InputRefused(413, tooLarge);
      }
      chunks.push(step.value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The media type of a Content-Type header, lower-cased, and its boundary parameter. */
function mediaType(header: string | null): { type: string; boundary: string | null } {
  if (!header) return { type: "", boundary: null };
  const [type, ...params] = header.split(";");
  let boundary: string | null = null;
  for (const param of params) {
    const [key, ...rest] = param.split("=");
    if (key?.trim().toLowerCase() === "boundary") boundary = rest.join("=").trim().replace(/^"(.*)"$/, "$1");
  }
  return { type: (type ?? "").trim().toLowerCase(), boundary };
}

const guarded = new WeakSet<Request>();
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = "Send the form as application/x-www-form-urlencoded or multipart/form-data";

function declaredLength(request: Request): number | null {
  const header = request.headers.get("Content-Length");
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

function rebuilt(request: Request, body: BodyInit | null, headers = request.headers): Request {
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, body, signal: request.signal };
  if (body instanceof ReadableStream) init.duplex = "half";
  const copy = new Request(request.url, init);
  guarded.add(copy);
  return copy;
}

/** Multipart bodies are streamed on (files go to disk), counted: past `max` bytes the stream fails. */
function countedStream(body: ReadableStream<Uint8Array>, max: number): ReadableStream<Uint8Array> {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > max) controller.error(new InputRefused(413, "The upload is larger than the server accepts."));
        else controller.enqueue(chunk);
      },
    }),
  );
}

export interface GuardOptions {
  /** The largest multipart body (the largest upload and its framing). */
  multipartBytes: number;
}

/**
 * Checks a request's address and body against LIMITS before anything parses them, and returns the request to
 * hand on (a copy whose urlencoded or JSON body has been read, within the limit, and checked). Throws
 * InputRefused (see refusalResponse).
 */
export async function guardRequest(request: Request, options: GuardOptions): Promise<Request> {
  if (guarded.has(request)) return request;
  const url = new URL(request.url);
  if (url.pathname.length + url.search.length > LIMITS.urlBytes) throw new InputRefused(400, `The address is longer than ${LIMITS.urlBytes} characters.`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new InputRefused(400, "The address is not valid: a percent sign not followed by two hex digits, or bytes that are not UTF-8.");
  }
  checkStorable("address", path);
  if (url.search) {
    let count = 0;
    const names: string[] = [];
    for (const [name, value] of url.searchParams) {
      count += 1;
      if (count > LIMITS.queryParams) throw new InputRefused(400, `The address has more than ${LIMITS.queryParams} parameters.`);
      names.push(name);
      checkStorable(name, value);
    }
    checkFieldNames(names, "address");
  }
  if (BODYLESS.has(request.method.toUpperCase())) {
    guarded.add(request);
    return request;
  }

  const { type, boundary } = mediaType(request.headers.get("Content-Type"));
  const declared = declaredLength(request);

  if (type === "multipart/form-data") {
    if (!boundary || boundary.length > 70) throw new InputRefused(400, "The multipart/form-data body has no valid boundary.");
    if (declared !== null && declared > options.multipartBytes) throw new InputRefused(413, "The upload is larger than the server accepts.");
    if (!request.body) throw new InputRefused(400, "The form is empty.");
    return rebuilt(request, countedStream(request.body, options.multipartBytes));
  }

  if (type === "application/json" || type.endsWith("+json")) {
    const tooLarge = `The JSON body is larger than ${LIMITS.jsonBytes / 1024 / 1024} MB.`;
    if (declared !== null && declared > LIMITS.jsonBytes) throw new InputRefused(413, tooLarge);
    const bytes = await readCapped(request.body, LIMITS.jsonBytes, tooLarge);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new InputRefused(400, "The JSON body is not valid UTF-8.");
    }
    if (jsonNestsDeeperThan(text, LIMITS.jsonDepth)) throw new InputRefused(400, `The JSON body nests deeper than ${LIMITS.jsonDepth} levels.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new InputRefused(400, "The body is not valid JSON.");
    }
    const unstorable = unstorableInJson(value);
    if (unstorable) {
      throw new InputRefused(400, `“${unstorable.path}” contains a character that can't be stored (${unstorable.character}). Remove it and send again.`, unstorable.path);
    }
    return rebuilt(request, bytes);
  }

  if (type === "application/x-www-form-urlencoded" || type === "") {
    const tooLarge = `The form is larger than ${LIMITS.formBytes / 1024 / 1024} MB.`;
    if (declared !== null && declared > LIMITS.formBytes) throw new InputRefused(413, tooLarge);
    const bytes = await readCapped(request.body, LIMITS.formBytes, tooLarge);
    if (type === "") {
      // A POST without a body (a bare `curl -X POST`) is an empty form; a body of unnamed type is refused.
      if (bytes.byteLength > 0) throw new InputRefused(415, `${FORM_TYPES}, or JSON with Content-Type: application/json.`);
      const headers = new Headers(request.headers);
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      return rebuilt(request, "", headers);
    }
    let fields = 1;
    for (const byte of bytes) if (byte === 38 /* & */) fields += 1;
    if (fields > LIMITS.formFields) throw new InputRefused(413, `The form has more than ${LIMITS.formFields} fields.`);
    const text = new TextDecoder().decode(bytes);
    const params = new URLSearchParams(text);
    const names: string[] = [];
    for (const [name, value] of params) {
      names.push(name);
      checkStorable(name, value);
    }
    checkFieldNames(names);
    return rebuilt(request, bytes);
  }

  if (declared === 0) {
    guarded.add(request);
    return request;
  }
  throw new InputRefused(415, `Content-Type ${printable(type)} is not accepted here. ${FORM_TYPES}, or JSON with Content-Type: application/json.`);
}

/** The answer to refused input: JSON for the API and for Remix's data requests, plain text for a browser. */
export function refusalResponse(error: InputRefused, request: Request): Response {
  const url = new URL(request.url);
  const wantsJson =
    url.pathname.startsWith("/api/") || url.searchParams.has("_data") || (request.headers.get("Accept") ?? "").includes("application/json");
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (error.field) headers.set("X-Refused-Field", encodeURIComponent(error.field));
  if (wantsJson) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    const body = { error: error.message, ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : {}) };
    return new Response(JSON.stringify(body), { status: error.status, headers });
  }
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response(error.message, { status: error.status, headers });
}

export interface FormReadOptions {
  /** File fields accepted in a multipart form (others are refused), and the largest file. Default: none. */
  files?: { names: string[]; maxBytes: number };
  /** The largest text field of a multipart form, and all its text fields together (default LIMITS). */
  fieldBytes?: number;
  multipartBytes?: number;
}

/**
 * The form data of a POST, read within LIMITS: urlencoded or multipart (text fields, and the files named in
 * `options.files`, held in memory up to their limit). Throws a Response (400/413/415) for anything else.
 */
export async function readFormData(request: Request, options: FormReadOptions = {}): Promise<FormData> {
  try {
    const checked = await guardRequest(request, { multipartBytes: options.multipartBytes ?? defaultMultipartBytes() });
    const { type } = mediaType(checked.headers.get("Content-Type"));
    if (type === "application/x-www-form-urlencoded") return await checked.formData();
    if (type === "multipart/form-data") return await readMultipart(checked, options);
    throw new InputRefused(415, `${FORM_TYPES}.`);
  } catch (error) {
    if (error instanceof InputRefused) throw refusalResponse(error, request);
    throw error;
  }
}

function defaultMultipartBytes(): number {
  return 2 * LIMITS.formBytes;
}

/** A multipart form parsed with busboy within limits: every text field checked as in urlencoded forms. */
async function readMultipart(request: Request, options: FormReadOptions): Promise<FormData> {
  if (!request.body) throw new InputRefused(400, "The form is empty.");
  const files = options.files;
  const fieldBytes = Math.max(options.fieldBytes ?? 0, LIMITS.multipartFieldBytes);
  const textBytes = Math.max(options.fieldBytes ?? 0, LIMITS.formBytes);
  let text = 0;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("Content-Type") ?? "" },
      defParamCharset: "utf8",
      limits: {
        fields: LIMITS.formFields,
        fieldSize: fieldBytes,
        fieldNameSize: LIMITS.nameBytes,
        files: files ? files.names.length : 0,
        fileSize: files?.maxBytes ?? 0,
        parts: LIMITS.formFields + (files?.names.length ?? 0),
      },
    });
  } catch {
    throw new InputRefused(400, "The multipart/form-data body is not valid.");
  }
  const form = new FormData();
  const names: string[] = [];
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (error: InputRefused) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.resume();
      reject(error);
    };
    parser.on("field", (name, value, info) => {
      if (info.nameTruncated) return fail(new InputRefused(400, `A field name of the form is longer than ${LIMITS.nameBytes} characters.`));
      if (info.valueTruncated) return fail(new InputRefused(413, `“${printable(name)}” is larger than the form accepts.`, name));
      text += value.length;
      if (text > textBytes) return fail(new InputRefused(413, "The form's text is larger than the form accepts."));
      try {
        checkStorable(name, value);
      } catch (error) {
        return fail(error as InputRefused);
      }
      names.push(name);
      form.append(name, value);
    });
    parser.on("file", (name, stream, info) => {
      if (!files?.names.includes(name)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("limit", () => fail(new InputRefused(413, `The file is larger than the limit of ${files.maxBytes} bytes.`, name)));
      pending.push(
        new Promise<void>((done) =>
          stream.once("end", () => {
            names.push(name);
            form.append(name, new File(chunks as Uint8Array<ArrayBuffer>[], info.filename ?? "", { type: info.mimeType }));
            done();
          }),
        ),
      );
    });
    parser.once("fieldsLimit", () => fail(new InputRefused(413, `The form has more than ${LIMITS.formFields} fields.`)));
    parser.once("partsLimit", () => fail(new InputRefused(413, `The form has more than ${LIMITS.formFields} parts.`)));
    parser.once("filesLimit", () => fail(new InputRefused(400, "The form has more files than it accepts.")));
    parser.once("error", (error: unknown) =>
      fail(
        error instanceof InputRefused
          ? error
          : new InputRefused(400, "The multipart/form-data body is malformed or was cut off before it was complete."),
      ),
    );
    source.once("error", (error: unknown) =>
      fail(error instanceof InputRefused ? error : new InputRefused(400, "The form was cut off before it was complete.")),
    );
    parser.once("close", () => {
      if (settled) return;
      Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve();
      }, reject);
    });
    source.pipe(parser);
  });
  checkFieldNames(names);
  return form;
}
