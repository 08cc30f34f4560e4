import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { guardedForTest } from "../factories";

/** A multipart/form-data body, built by hand so tests control every byte (and can cut it short). */
export function multipart(parts: Array<{ name: string; filename?: string; content: string | Buffer; type?: string }>) {
  const boundary = `----jointask${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}`;
    const type = part.filename !== undefined ? `\r\nContent-Type: ${part.type ?? "application/octet-stream"}` : "";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The bytes as a stream of small chunks, as they arrive from a socket. `cutAfter` ends it early: with an
 * error (a connection reset) or cleanly (a client that stopped sending).
 */
export function streamOf(bytes: Buffer, options: { chunk?: number; cutAfter?: number; cut?: "error" | "close" } = {}) {
  const size = options.chunk ?? 16 * 1024;
  const limit = options.cutAfter ?? bytes.length;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= limit) {
        if (limit < bytes.length && options.cut !== "close") controller.error(new Error("socket hang up"));
        else controller.close();
        return;
      }
      const end = Math.min(offset + size, limit);
      controller.enqueue(new Uint8Array(bytes.subarray(offset, end)));
      offset = end;
    },
  });
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Calls a route's action with a raw (streamed) body, returning thrown Responses too. */
export async function postBody(
  handler: Handler,
  options: { url: string; cookie: string; params: Record<string, string>; body: ReadableStream<Uint8Array> | Buffer | string; contentType: string; headers?: Record<string, string> },
): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set("Cookie", options.cookie);
  headers.set("Content-Type", options.contentType);
  const request = new Request(new URL(options.url, "http://localhost"), {
    method: "POST",
    headers,
    body: options.body as BodyInit,
    duplex: "half",
  } as RequestInit);
  const guarded = await guardedForTest(request);
  if (guarded instanceof Response) return guarded;
  try {
    const result = await handler({ request: guarded, params: options.params, context: {} });
    return result instanceof Response ? result : new Response(JSON.stringify(result ?? null));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Files under a directory (one level), and the temp files under its tmp/. */
export function filesIn(dir: string): { stored: string[]; temp: string[] } {
  const list = (d: string) => {
    try {
      return readdirSync(d);
    } catch {
      return [];
    }
  };
  // Heartbeats (`<instance>.alive`) say which process writes the temp files; they are not temp files.
  return { stored: list(dir).filter((n) => n !== "tmp"), temp: list(path.join(dir, "tmp")).filter((n) => !n.endsWith(".alive")) };
}

/** A CSV of stop data, about `rows` rows long. */
export function stopsCsv(rows: number, seed = 0): string {
  const races = ["black", "white", "hispanic", "asian/pacific islander", "other"];
  const lines = ["Stop Date,Precinct,RACE,Badge Hash,Outcome"];
  for (let i = 0; i < rows; i++) {
    lines.push(`2024-01-${String((i % 28) + 1).padStart(2, "0")},${(i + seed) % 7},${races[i % 5]},${((i * 7919 + seed) % 1_000_003).toString(16)},warning`);
  }
  return `${lines.join("\n")}\n`;
}
