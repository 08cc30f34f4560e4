import type { ParsedMail } from "mailparser";
import type { MailFacts, MailPart } from "./classify";

/** Parts read as text for the classifier: delivery reports and returned headers are small; cap the rest. */
const READABLE_PART_TYPES = new Set(["message/delivery-status", "message/global-delivery-status", "text/rfc822-headers", "message/rfc822", "message/global"]);
const MAX_PART_CHARS = 64_000;

/**
 * Parses a received message. Delivery-status parts are kept as parts (mailparser would otherwise fold them into
 * the text), so a bounce is recognised by its structure and a reply can't pass for one by quoting such lines.
 */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // Loaded on first use: most servers receive mail rarely, and mailparser is large.
  const { simpleParser } = await import("mailparser");
  return simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, keepDeliveryStatus: true });
}

/** The classifier's view of a parsed message (see classify.ts). */
export function mailFacts(parsed: ParsedMail, envelopeFrom?: string): MailFacts {
  const headers = parsed.headerLines.map(({ key, line }): [string, string] => {
    const colon = line.indexOf(":");
    return [key.toLowerCase(), (colon >= 0 ? line.slice(colon + 1) : "").replace(/\r?\n[ \t]+/g, " ").trim()];
  });
  const type = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const parts: MailPart[] = parsed.attachments.map((a) => {
    const contentType = (a.contentType || "application/octet-stream").toLowerCase();
    return {
      contentType,
      filename: a.filename ?? null,
      content: READABLE_PART_TYPES.has(contentType) ? a.content.subarray(0, MAX_PART_CHARS * 2).toString("utf8").slice(0, MAX_PART_CHARS) : "",
    };
  });
  const from = parsed.from?.value[0];
  return {
    headers,
    subject: parsed.subject ?? "",
    fromAddress: from?.address?.toLowerCase() ?? null,
    fromName: from?.name || null,
    text: parsed.text ?? "",
    contentType: type?.value?.toLowerCase() ?? "text/plain",
    reportType: type?.params?.["report-type"] ?? null,
    parts,
    ...(envelopeFrom !== undefined ? { envelopeFrom } : {}),
  };
}
