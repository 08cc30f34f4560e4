import { webStreamOf } from "../../utils/web-streams.server";
import { contentDisposition } from "./filename";
import { objectStore } from "./storage.server";

/**
 * A received file as a download: an attachment with a safe file name, never sniffed, sandboxed, streamed from
 * the store (the server adapter sends it with backpressure; from object storage, the object's body is passed on
 * as it arrives). Null when the bytes are missing from storage.
 */
export async function storedFileResponse(file: { id: string; requestId: string; storageName: string; mediaType: string; originalName: string; sha256: string }) {
  const opened = await objectStore().open(file.storageName);
  if (!opened) {
    console.error(`Stored file missing from storage: request ${file.requestId}, file ${file.id}`);
    return null;
  }
  return new Response(webStreamOf(opened.body), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(opened.sizeBytes),
      "Content-Disposition": contentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
