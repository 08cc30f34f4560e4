import type { Readable } from "node:stream";
import { webStreamOf } from "../../utils/web-streams.server";

/**
 * A file from a message, always as a download: never shown inline, never sniffed, so an HTML or SVG
 * attachment can't run in the app's origin.
 */
export function downloadResponse(content: Buffer | { body: Readable; sizeBytes: number }, filename: string, contentType: string): Response {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const streamed = !Buffer.isBuffer(content);
  // A stored file is streamed from the store as the client reads it, never held whole in memory.
  const body = streamed ? webStreamOf(content.body) : new Uint8Array(content);
  return new Response(body, {
    headers: {
      "Content-Type": /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : "application/octet-stream",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Content-Length": String(streamed ? content.sizeBytes : content.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
