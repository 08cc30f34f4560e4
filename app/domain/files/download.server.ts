import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { contentDisposition } from "./filename";

/**
 * A received file as a download: an attachment with a safe file name, never sniffed, sandboxed, streamed from
 * disk (the server adapter sends it with backpressure). Null when the bytes are missing from storage.
 */
export async function storedFileResponse(file: { id: string; requestId: string; path: string; mediaType: string; originalName: string; sha256: string }) {
  const info = await stat(file.path).catch(() => null);
  if (!info) {
    console.error(`Stored file missing from disk: request ${file.requestId}, file ${file.id}`);
    return null;
  }
  return new Response(createReadableStreamFromReadable(createReadStream(file.path, { highWaterMark: 1024 * 1024 })), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(info.size),
      "Content-Disposition": contentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
