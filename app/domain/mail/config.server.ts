import { createHmac } from "node:crypto";
import { env } from "../../utils/env.server";
import { sessionSecret } from "../../utils/secrets.server";
import { appUrl } from "../../utils/app-url.server";

export interface MailConfig {
  /** Unset: messages go to the development mailbox (/outbox) instead of an SMTP server. */
  smtpUrl: string | undefined;
  from: { name: string | null; address: string };
  /** Domain of the per-request reply addresses. */
  domain: string;
  appUrl: string;
  maxInboundBytes: number;
  inboundPort: number | undefined;
  inboundHost: string;
  workerEnabled: boolean;
}

const FROM = /^\s*(?:"?([^"<>\r\n]*?)"?\s*<([^<>\s@]+@[^<>\s@]+)>|([^<>\s@"]+@[^<>\s@"]+))\s*$/;

/** "JointAsk <jointask@example.org>" or "jointask@example.org". */
export function parseMailFrom(value: string): { name: string | null; address: string } {
  const match = FROM.exec(value);
  if (!match) throw new Error(`MAIL_FROM must be an address like "JointAsk <requests@example.org>", not ${JSON.stringify(value)}`);
  const address = (match[2] ?? match[3])!;
  return { name: match[1]?.trim() || null, address };
}

let cached: MailConfig | undefined;

export function mailConfig(): MailConfig {
  if (cached) return cached;
  const from = parseMailFrom(env.MAIL_FROM);
  return (cached = {
    smtpUrl: env.SMTP_URL,
    from,
    domain: env.MAIL_DOMAIN ?? from.address.split("@")[1]!.toLowerCase(),
    appUrl: appUrl(),
    maxInboundBytes: env.MAIL_MAX_BYTES,
    inboundPort: env.INBOUND_SMTP_PORT,
    inboundHost: env.INBOUND_SMTP_HOST,
    workerEnabled: env.MAIL_WORKER !== false,
  });
}

let secret: Buffer | undefined;

/** Key for reply-address signatures: MAIL_SECRET, else derived from the session secret (never the secret itself). */
export function replyAddressKey(): Buffer {
  return (secret ??= env.MAIL_SECRET
    ? Buffer.from(env.MAIL_SECRET, "utf8")
    : createHmac("sha256", sessionSecret()).update("jointask:mail-reply-address:v1").digest());
}
