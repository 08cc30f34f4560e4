import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps, tsvector } from "./columns";
import { bounceResolution, inboundChannel, inboundStatus, mailClassification, mailKind, outboxStatus } from "./enums";
import { agencies } from "./places";
import { vendors } from "./vendors";
import { requestFiles } from "./files";
import { communications, requests } from "./requests";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Every message the app sends, written in the transaction that decides to send it and delivered later by the
 * outbox worker (no web request waits on SMTP). The idempotency key makes enqueuing the same logical message
 * twice a no-op; the lease (status 'sending', locked_until, lease_token) keeps two workers from sending it twice.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "cascade" }),
    // The member a digest or an alert is for.
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: mailKind("kind").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    messageId: text("message_id").notNull(),
    fromName: text("from_name"),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    status: outboxStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    leaseToken: uuid("lease_token"),
    lastError: text("last_error"),
    // "smtp" or "dev_mailbox": where the message went when it was sent.
    transport: text("transport"),
    serverResponse: text("server_response"),
    sentAt: instant("sent_at"),
    failedAt: instant("failed_at"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("outbox_idempotency_key_unique").on(t.idempotencyKey),
    uniqueIndex("outbox_message_id_unique").on(t.messageId),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_org_created_idx").on(t.organizationId, t.createdAt),
    index("outbox_request_idx").on(t.requestId),
  ],
);

/** The development mailbox: with no SMTP_URL, the worker delivers each message here as its raw RFC 5322 source. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    outboxMessageId: uuid("outbox_message_id")
      .notNull()
      .references(() => outboxMessages.id, { onDelete: "cascade" }),
    envelopeFrom: text("envelope_from").notNull(),
    envelopeTo: text("envelope_to").array().notNull(),
    raw: text("raw").notNull(),
    deliveredAt: instant("delivered_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dev_mailbox_outbox_unique").on(t.outboxMessageId)],
);

/**
 * Mail received by the SMTP listener or uploaded as .eml. Filed on a request when its reply address verifies,
 * otherwise held for review. organization_id is null only for mail that names no request of any organization.
 */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "cascade" }),
    status: inboundStatus("status").notNull(),
    channel: inboundChannel("channel").notNull(),
    reviewReason: text("review_reason"),
    // A request the message seems to answer (by In-Reply-To/References), offered in the review queue.
    suggestedRequestId: uuid("suggested_request_id").references(() => requests.id, { onDelete: "set null" }),
    messageId: text("message_id").notNull(),
    recipient: text("recipient"),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    toAddresses: text("to_addresses").array().notNull().default(sql`'{}'::text[]`),
    subject: text("subject").notNull().default(""),
    sentAt: instant("sent_at"),
    textBody: text("text_body").notNull().default(""),
    // As received; sanitized whenever it is displayed.
    htmlBody: text("html_body"),
    inReplyTo: text("in_reply_to"),
    references: text("references").array().notNull().default(sql`'{}'::text[]`),
    // Storage name of the message as received, under FILES_DIR (older rows: a key under DATA_DIR/mail-attachments).
    rawKey: text("raw_key").notNull(),
    rawSize: integer("raw_size").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedById: uuid("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: instant("reviewed_at"),
    // Once filed: the incoming communication it is on the request as, which its attachments belong to.
    communicationId: uuid("communication_id").references(() => communications.id, { onDelete: "set null" }),
    // Reply, automatic reply or bounce: judged on arrival (classified_by_id null), or by the person who
    // reclassified it. The reason says what decided it ("Header Auto-Submitted: auto-replied (RFC 3834)").
    classification: mailClassification("classification").notNull().default("reply"),
    classificationReason: text("classification_reason"),
    classifiedById: uuid("classified_by_id").references(() => users.id, { onDelete: "set null" }),
    classifiedAt: instant("classified_at"),
    // For a bounce: the address that failed, why (the server's words), and the RFC 3463 status (5.1.1).
    bouncedAddress: text("bounced_address"),
    bounceReason: text("bounce_reason"),
    bounceStatus: text("bounce_status"),
    // A reference the agency gave in a reply (PRR-2026-1182), proposed as the request's tracking number.
    trackingNumberFound: text("tracking_number_found"),
    // null: never acted on; "accepted" or "declined" by a person.
    trackingNumberDecision: text("tracking_number_decision").$type<"accepted" | "declined">(),
    // Searched from the requests list (filed replies, the request's own organization only).
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(text_body, '')), 'B')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("inbound_message_id_unique").on(t.messageId),
    index("inbound_org_status_idx").on(t.organizationId, t.status, t.receivedAt),
    index("inbound_request_idx").on(t.requestId),
  ],
);

export const inboundAttachments = pgTable(
  "inbound_attachments",
  {
    id: id(),
    inboundMessageId: uuid("inbound_message_id")
      .notNull()
      .references(() => inboundMessages.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    // Where the bytes are, under FILES_DIR: the attachment's own file, or the request file it turned out to
    // duplicate (older rows: a key under DATA_DIR/mail-attachments).
    storageKey: text("storage_key").notNull(),
    // Once the message is filed: the request's received file this attachment is (or duplicated).
    requestFileId: uuid("request_file_id").references(() => requestFiles.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("inbound_attachments_message_idx").on(t.inboundMessageId, t.position)],
);

/**
 * One row per person and local date, inserted before the digest is queued: the insert is the lock that makes
 * the digest go out exactly once a day whatever the number of app instances or restarts.
 */
export const mailDigests = pgTable(
  "mail_digests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: date("local_date", { mode: "string" }).notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Null when there was nothing to report that day (no email is sent).
    outboxMessageId: uuid("outbox_message_id").references(() => outboxMessages.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localDate] })],
);

/**
 * The overdue notice given for a request and its due date: its own alert, or a line of a summary when one person
 * had more than a few requests become overdue at once. Claimed (inserted) in the transaction that queues the
 * email, so each request is told once per due date whatever the number of instances or passes.
 */
export const overdueNotices = pgTable(
  "overdue_notices",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    recipientUserId: uuid("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    outboxMessageId: uuid("outbox_message_id").references(() => outboxMessages.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.dueOn] })],
);

/**
 * A letter that bounced: one row per bounce filed on a request, naming the address that failed on the agency
 * (or vendor) it was written to. Open rows (no resolution) mark the address as bouncing and put the request in
 * the chase board's "Fix the contact" group; once the contact is corrected the letter can be resent to the new
 * address through the outbox (resent_outbox_message_id), or a person sets the bounce aside.
 */
export const contactBounces = pgTable(
  "contact_bounces",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id").references(() => agencies.id, { onDelete: "cascade" }),
    vendorId: uuid("vendor_id").references(() => vendors.id, { onDelete: "cascade" }),
    inboundMessageId: uuid("inbound_message_id")
      .notNull()
      .references(() => inboundMessages.id, { onDelete: "cascade" }),
    // The letter that bounced, when the bounce names it (its Message-ID) or the request has one to that address.
    outboxMessageId: uuid("outbox_message_id").references(() => outboxMessages.id, { onDelete: "set null" }),
    address: text("address").notNull(),
    reason: text("reason").notNull(),
    status: text("status"),
    resolution: bounceResolution("resolution"),
    resolvedAt: instant("resolved_at"),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    // The copy of the letter sent again to the corrected address.
    resentOutboxMessageId: uuid("resent_outbox_message_id").references(() => outboxMessages.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("contact_bounces_inbound_unique").on(t.inboundMessageId),
    index("contact_bounces_request_idx").on(t.requestId),
    index("contact_bounces_org_open_idx").on(t.organizationId, t.requestId).where(sql`${t.resolution} is null`),
    index("contact_bounces_agency_open_idx").on(t.agencyId).where(sql`${t.resolution} is null`),
    index("contact_bounces_vendor_open_idx").on(t.vendorId).where(sql`${t.resolution} is null`),
    check("contact_bounces_resolved", sql`(${t.resolution} is null) = (${t.resolvedAt} is null)`),
  ],
);
