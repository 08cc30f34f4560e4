import type { Database } from "../../utils/db.server";
import { mailConfig } from "./config.server";
import { startInboundSmtp, type InboundSmtp } from "./inbound-smtp.server";
import { ReminderScheduler } from "./reminders.server";
import { devMailboxTransport, smtpTransport } from "./transport.server";
import { OutboxWorker } from "./worker.server";

type Logger = Pick<Console, "info" | "warn" | "error">;

export interface MailService {
  stop(): Promise<void>;
}

/**
 * Mail in the app process: the outbox worker and the reminders (unless MAIL_WORKER=false) and, when
 * INBOUND_SMTP_PORT is set, the inbound SMTP listener. Start it after migrations; stop it before the
 * database closes.
 */
export async function startMailService(db: Database, log: Logger = console): Promise<MailService> {
  const config = mailConfig();
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : devMailboxTransport(db);
  const worker = config.workerEnabled ? new OutboxWorker({ db, transport, log }) : null;
  const reminders = config.workerEnabled ? new ReminderScheduler({ db, log }) : null;
  worker?.start();
  reminders?.start();
  if (worker) {
    const where = config.smtpUrl ? `SMTP (${new URL(config.smtpUrl).host})` : "the development mailbox at /outbox (no SMTP_URL)";
    log.info(`Mail: sending to ${where}.`);
  }

  let inbound: InboundSmtp | null = null;
  if (config.inboundPort !== undefined) {
    try {
      inbound = await startInboundSmtp({
        port: config.inboundPort,
        host: config.inboundHost,
        domain: config.domain,
        maxBytes: config.maxInboundBytes,
        db,
        log,
      });
      log.info(`Mail: receiving replies for requests+…@${config.domain} by SMTP on port ${inbound.port}.`);
    } catch (error) {
      await reminders?.stop();
      await worker?.stop();
      transport.close();
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === "EADDRINUSE"
          ? `INBOUND_SMTP_PORT ${config.inboundPort} is already in use. Stop the other program or choose another port.`
          : `The inbound SMTP listener could not start: ${(error as Error).message}`,
      );
    }
  }

  return {
    async stop() {
      await inbound?.close();
      await reminders?.stop();
      await worker?.stop();
      transport.close();
    },
  };
}
