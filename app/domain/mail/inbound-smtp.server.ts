import type { AddressInfo } from "node:net";
import type { Executor } from "../../utils/db.server";
import { receiveMail } from "./inbound.server";
import { readReplyAddress } from "./reply-address.server";

type Logger = Pick<Console, "info" | "warn" | "error">;

export interface InboundSmtpOptions {
  port: number;
  host: string;
  /** Mail for this domain's requests mailbox is accepted; every other recipient is refused. */
  domain: string;
  maxBytes: number;
  db?: Executor;
  log?: Logger;
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/**
 * Collects a message's bytes up to the limit. Past it, everything already held is dropped and the rest is
 * only counted as it drains, so a client that ignores SIZE can't fill the memory.
 */
export class MessageCollector {
  private chunks: Buffer[] = [];
  /** Bytes seen, held or not. */
  received = 0;
  tooLarge = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.tooLarge) return;
    if (this.received > this.maxBytes) {
      this.tooLarge = true;
      this.chunks = [];
      return;
    }
    this.chunks.push(chunk);
  }

  /** Bytes held in memory now. */
  get buffered(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0);
  }

  message(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Receives agency replies by SMTP. Only the requests mailbox of MAIL_DOMAIN is accepted (requests@ and
 * requests+<tag>@), so the listener can't be used as a relay. The size limit is announced (SIZE) and enforced;
 * a message over it is refused with 552. Accepted mail is filed or held for review before the 250 reply.
 * No STARTTLS: put a TLS-terminating MTA in front when the listener faces the internet.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const log = options.log ?? console;
  // Loaded only when the listener is turned on (INBOUND_SMTP_PORT).
  const { SMTPServer } = await import("smtp-server");
  const server = new SMTPServer({
    name: options.domain,
    banner: "JointAsk inbound mail",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    logger: false,
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      if (readReplyAddress(address.address, options.domain).kind === "other") {
        return callback(smtpError(`No mailbox here for <${address.address}>`, 550));
      }
      callback();
    },
    onData(stream, session, callback) {
      const collector = new MessageCollector(options.maxBytes);
      stream.on("data", (chunk: Buffer) => collector.push(chunk));
      stream.on("end", () => {
        if (collector.tooLarge || stream.sizeExceeded) {
          return callback(smtpError(`Message too large: the limit is ${options.maxBytes} bytes`, 552));
        }
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        // The null sender (MAIL FROM:<>) is how bounces arrive (RFC 5321 section 4.5.5).
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        receiveMail({ raw: collector.message(), channel: "smtp", envelopeTo, envelopeFrom }, options.db)
          .then((outcome) => {
            if (outcome.outcome === "too_large") return callback(smtpError("Message too large", 552));
            callback();
          })
          .catch((error: unknown) => {
            log.error("mail: an inbound message could not be stored; the sender will retry:", error);
            callback(smtpError("Temporary failure, please try again later", 451));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log.warn("mail: inbound SMTP connection error:", error.message));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
