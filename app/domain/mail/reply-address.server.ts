import { createHmac, timingSafeEqual } from "node:crypto";
import { mailConfig, replyAddressKey } from "./config.server";

// Each request has its own reply address, requests+<request id>-<signature>@MAIL_DOMAIN. The signature is a
// truncated HMAC-SHA256 of the request id, so an address can't be guessed from an id, and mail to it can be
// filed on the request without trusting anything else in the message.

const LOCAL_BASE = "requests";
const SIGNATURE_HEX = 16;
const TAGGED = /^requests\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([0-9a-z]+)$/;

function signatureFor(requestId: string): string {
  return createHmac("sha256", replyAddressKey()).update(`reply:${requestId.toLowerCase()}`).digest("hex").slice(0, SIGNATURE_HEX);
}

export function replyAddressFor(requestId: string, domain = mailConfig().domain): string {
  return `${LOCAL_BASE}+${requestId.toLowerCase()}-${signatureFor(requestId)}@${domain}`;
}

export type ReplyAddress =
  /** Signed for this request. */
  | { kind: "verified"; requestId: string }
  /** Looks like a reply address, but the signature does not match the request id. */
  | { kind: "bad_signature"; requestId: string }
  /** Our mailbox without a request tag (requests@domain) or with a tag that can't be read. */
  | { kind: "untagged" }
  | { kind: "other" };

/** Reads an address; `domain` restricts it to our mail domain (the SMTP listener), else any domain is read. */
export function readReplyAddress(address: string, domain?: string): ReplyAddress {
  const at = address.lastIndexOf("@");
  if (at <= 0) return { kind: "other" };
  const local = address.slice(0, at).toLowerCase();
  const addressDomain = address.slice(at + 1).toLowerCase();
  if (domain !== undefined && addressDomain !== domain.toLowerCase()) return { kind: "other" };
  if (local !== LOCAL_BASE && !local.startsWith(`${LOCAL_BASE}+`)) return { kind: "other" };
  const match = TAGGED.exec(local);
  if (!match) return { kind: "untagged" };
  const [, requestId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(signatureFor(requestId), "utf8");
  // Compare equal-length buffers in constant time; a wrong length compares against itself and still fails.
  const candidate = Buffer.from(given.length === SIGNATURE_HEX ? given : "".padEnd(SIGNATURE_HEX, "\0"), "utf8");
  const same = timingSafeEqual(expected, candidate) && given.length === SIGNATURE_HEX;
  return same ? { kind: "verified", requestId } : { kind: "bad_signature", requestId };
}
