import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

const folder = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "fixtures", "mail");

/** A .eml fixture with its {{PLACEHOLDERS}} filled in; the Message-ID is fresh unless given. */
export function emlFixture(name: string, values: { to: string; messageId?: string; inReplyTo?: string }): Buffer {
  const text = readFileSync(path.join(folder, name), "utf8")
    .replaceAll("{{TO}}", values.to)
    .replaceAll("{{MESSAGE_ID}}", values.messageId ?? `<${randomUUID()}@cityofmadison.example>`)
    .replaceAll("{{IN_REPLY_TO}}", values.inReplyTo ?? "<none@jointask.example>");
  return Buffer.from(text, "utf8");
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Posts a file to a route's action as a browser's multipart form would. */
export async function postFile(handler: Handler, url: string, cookie: string, file: { name: string; content: Buffer | string; type?: string }) {
  const form = new FormData();
  form.append("file", new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name, { type: file.type ?? "message/rfc822" }));
  const request = new Request(new URL(url, "http://localhost"), { method: "POST", body: form, headers: { Cookie: cookie } });
  try {
    const result = await handler({ request, params: {}, context: {} });
    return result instanceof Response ? result : new Response(JSON.stringify(result ?? null));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
