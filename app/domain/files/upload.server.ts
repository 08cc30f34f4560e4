import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, fdatasync, open as openCallback } from "node:fs";
import { rm } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { formatBytes } from "../field-states";
import { newTempPath } from "./storage.server";

/** An upload refused before anything was recorded; `status` is the HTTP status to answer with. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ReceivedUpload {
  /** A complete, flushed temp file: rename it into place or remove it. */
  tempPath: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  /** The form's text fields. */
  fields: Record<string, string>;
}

// Room for the multipart framing and a few small text fields around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;
const CHUNK = 1024 * 1024;
// While a large file arrives, its written part is flushed to disk every so often in the background, so the
// final flush before the rename has only the tail left instead of the whole file.
const FLUSH_EVERY = 64 * 1024 * 1024;

const openFile = promisify(openCallback);

/** The name as the user's computer had it: no directories, no control characters, at most 255 characters. */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned.slice(0, 255);
}

/**
 * Streams the multipart body's `file` field into a temp file under FILES_DIR/tmp while hashing and counting
 * it, then flushes it to disk. Memory use doesn't grow with the file. Any failure (size limit, a body cut
 * off, a client that went away, a malformed form) removes the temp file and throws an UploadError.
 */
export async function receiveUpload(
  request: Request,
  options: { maxBytes: number; fieldName?: string },
): Promise<ReceivedUpload> {
  const fieldName = options.fieldName ?? "file";
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    throw new UploadError(415, `Send the file as multipart/form-data, in a field named "${fieldName}".`);
  }
  const tooLarge = `The file is larger than the upload limit of ${formatBytes(options.maxBytes)}.`;
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > options.maxBytes + MULTIPART_OVERHEAD) throw new UploadError(413, tooLarge);
  if (!request.body) throw new UploadError(400, "Choose a file to upload.");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send file names as raw UTF-8 bytes.
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: options.maxBytes, fields: 20, fieldSize: 64 * 1024, parts: 25 },
      highWaterMark: CHUNK,
      fileHwm: CHUNK,
    });
  } catch {
    throw new UploadError(400, "The upload is not a valid multipart/form-data body.");
  }

  const tempPath = await newTempPath();
  // Opened before any byte is read, so cleanup never races the file's creation. A plain descriptor, not a
  // FileHandle: the callback-based write stream is markedly faster.
  const fd = await openFile(tempPath, "wx", 0o600);
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>, { highWaterMark: CHUNK });

  let failure: UploadError | null = null;
  let onFailure: (error: UploadError) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onFailure = reject;
  });
  failed.catch(() => {});
  const fail = (error: UploadError) => {
    if (failure) return;
    failure = error;
    // Stop reading but leave the connection open, so the client still gets the answer.
    source.unpipe(parser);
    source.pause();
    onFailure(error);
  };
  const interrupted = () => fail(new UploadError(400, "The upload was interrupted before the whole file arrived. Nothing was saved; try again."));

  const fields: Record<string, string> = {};
  let originalName = "";
  let written: Promise<{ bytes: number; sha256: string }> | null = null;
  // flush: fsync before the stream closes the file, so a complete upload is on disk before it is renamed.
  const out = createWriteStream("", { fd, flush: true, highWaterMark: 4 * CHUNK });

  parser.on("file", (name, file, info) => {
    if (name !== fieldName || written) {
      file.resume();
      return;
    }
    originalName = cleanOriginalName(info.filename ?? "");
    const hash = createHash("sha256");
    let bytes = 0;
    let flushedAt = 0;
    let flushing = false;
    // Hashed and counted as the chunks pass to the file (a listener, not another stream: cheaper per chunk).
    file.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (!flushing && out.bytesWritten - flushedAt >= FLUSH_EVERY) {
        flushing = true;
        flushedAt = out.bytesWritten;
        // Errors surface at the final flush, which fails the upload.
        fdatasync(fd, () => (flushing = false));
      }
    });
    file.once("limit", () => fail(new UploadError(413, tooLarge)));
    written = pipeline(file, out).then(() => ({ bytes, sha256: hash.digest("hex") }));
    written.catch(() => interrupted());
  });
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.once("error", () => interrupted());
  source.once("error", () => interrupted());
  request.signal.addEventListener("abort", interrupted, { once: true });
  const parsed = new Promise<void>((resolve) => parser.once("close", resolve));
  source.pipe(parser);

  try {
    await Promise.race([parsed, failed]);
    if (!written) throw new UploadError(400, `Choose a file to upload (form field "${fieldName}").`);
    const { bytes, sha256 } = await Promise.race([written as Promise<{ bytes: number; sha256: string }>, failed]);
    if (failure) throw failure;
    if (bytes === 0 && !originalName) throw new UploadError(400, "Choose a file to upload.");
    return { tempPath, originalName: originalName || "upload", sizeBytes: bytes, sha256, fields };
  } catch (error) {
    if (!out.closed) {
      const closed = once(out, "close").catch(() => {});
      out.destroy();
      await closed;
    }
    await rm(tempPath, { force: true });
    if (error instanceof UploadError) throw error;
    throw failure ?? error;
  } finally {
    request.signal.removeEventListener("abort", interrupted);
  }
}
