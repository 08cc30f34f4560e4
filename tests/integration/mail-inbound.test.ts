import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const saved = vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const before = { DATA_DIR: process.env.DATA_DIR, MAIL_DOMAIN: process.env.MAIL_DOMAIN, MAIL_MAX_BYTES: process.env.MAIL_MAX_BYTES };
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "jointask-mail-inbound-"));
  process.env.MAIL_DOMAIN = "replies.jointask.example";
  process.env.MAIL_MAX_BYTES = "60000";
  return before;
});

import { communications, inboundAttachments, inboundMessages, requestEvents, requestFiles } from "../../db/schema";
import { filesDir, storedPath } from "~/domain/files/storage.server";
import { MessageCollector, startInboundSmtp, type InboundSmtp } from "~/domain/mail/inbound-smtp.server";
import { receiveMail } from "~/domain/mail/inbound.server";
import { readReplyAddress, replyAddressFor } from "~/domain/mail/reply-address.server";
import * as attachmentRoute from "~/routes/inbox.attachments.$attachmentId";
import * as filePage from "~/routes/requests.$requestId_.files_.$fileId";
import * as filesPage from "~/routes/requests.$requestId_.files";
import * as inboxPage from "~/routes/inbox._index";
import * as messagePage from "~/routes/inbox.$messageId";
import * as reviewPage from "~/routes/inbox.review";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";
import { emlFixture, postFile } from "./support/mail-fixtures";
import { multipart, postBody } from "./support/uploads";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let other: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let memberCookie: string;
let otherCookie: string;
beforeAll(async () => {
  org = await makeOrganization("Inbound");
  other = await makeOrganization("Elsewhere");
  cookie = await cookieFor(org.admin.id);
  memberCookie = await cookieFor(org.member.id);
  otherCookie = await cookieFor(other.admin.id);
});
afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  for (const [key, value] of Object.entries(await saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const CSV = "stop_id,date,subject_race,officer_hash\n1,2021-01-04,B,9f2c\n2,2021-01-05,W,71aa\n";
const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const filesOf = (requestId: string) => db.select().from(requestFiles).where(eq(requestFiles.requestId, requestId));

/** A reply with one attachment of the given name, type and content (base64-encoded), to `to`. */
function replyWith(to: string, attachment: { name: string; type: string; content: Buffer | string }, messageId = `<${randomUUID()}@cityofmadison.example>`): Buffer {
  return Buffer.from(
    [
      "From: Records Custodian <mpdrecords@cityofmadison.example>",
      `To: ${to}`,
      "Subject: Installment",
      `Message-ID: ${messageId}`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Attached.",
      "--b1",
      `Content-Type: ${attachment.type}; name="${attachment.name}"`,
      `Content-Disposition: attachment; filename="${attachment.name}"`,
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(attachment.content).toString("base64").replace(/.{76}/g, "$&\r\n"),
      "--b1--",
      "",
    ].join("\r\n"),
  );
}

async function eventsOf(requestId: string) {
  return db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(requestEvents.seq);
}

const tamper = (address: string) => address.replace(/-([0-9a-f]{16})@/, (_m, sig: string) => `-${sig.slice(0, 15)}${sig.endsWith("0") ? "1" : "0"}@`);

describe("reply addresses", () => {
  it("are signed per request, verified in full, and only on our domain when asked", () => {
    const id = randomUUID();
    const address = replyAddressFor(id);
    expect(address).toMatch(new RegExp(`^requests\\+${id}-[0-9a-f]{16}@replies\\.jointask\\.example$`));
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(readReplyAddress(address, "replies.jointask.example")).toEqual({ kind: "verified", requestId: id });
    expect(readReplyAddress(address.toUpperCase())).toEqual({ kind: "verified", requestId: id });
    expect(readReplyAddress(tamper(address))).toEqual({ kind: "bad_signature", requestId: id });
    expect(readReplyAddress(address.replace(/-[0-9a-f]{16}@/, "-0123@"))).toEqual({ kind: "bad_signature", requestId: id });
    // The signature is bound to the id: another request's signature does not verify this one.
    const otherSignature = replyAddressFor(randomUUID()).match(/-([0-9a-f]{16})@/)![1]!;
    expect(readReplyAddress(address.replace(/-[0-9a-f]{16}@/, `-${otherSignature}@`)).kind).toBe("bad_signature");
    expect(readReplyAddress(address, "elsewhere.example")).toEqual({ kind: "other" });
    expect(readReplyAddress("requests@replies.jointask.example")).toEqual({ kind: "untagged" });
    expect(readReplyAddress("requests+hello@replies.jointask.example")).toEqual({ kind: "untagged" });
    expect(readReplyAddress("clerk@replies.jointask.example")).toEqual({ kind: "other" });
  });
});

describe("an uploaded .eml", () => {
  it("holding NUL bytes in its headers and body is filed, cleaned, not a server error", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const raw = Buffer.from(
      [
        "From: Records\u0000 Custodian <mpdrecords@cityofmadison.example>",
        `To: ${replyAddressFor(request.id)}`,
        "Subject: Nul\u0000 subject",
        `Message-ID: <${randomUUID()}@cityofmadison.example>`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Body\u0000 text.",
        "",
      ].join("\r\n"),
    );
    const response = await postFile(inboxPage.action, "/inbox", cookie, { name: "nul.eml", content: raw });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/${request.id}`);
    const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received");
    expect(received).toMatchObject({ data: { subject: "Nul subject", excerpt: "Body text." } });
  });

  it("with an attachment lands on the right request, with its body and attachment on the timeline", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const decoy = await makeRequest(org.viewer, org.agencyId);
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: `Dana <${replyAddressFor(request.id)}>` });
    const response = await postFile(inboxPage.action, "/inbox", cookie, { name: "reply.eml", content: raw });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/${request.id}`);

    const events = await eventsOf(request.id);
    const received = events.find((e) => e.kind === "email_received");
    expect(received?.data).toMatchObject({
      from: "Records Custodian <mpdrecords@cityofmadison.example>",
      subject: "RE: Public records request: Traffic stops 2021-present",
      attachments: [{ filename: "stops-2021.csv", size: 79 }],
    });
    expect((received!.data as { excerpt: string }).excerpt).toContain("tracking number R-2026-0412");
    expect(received!.actorId).toBe(org.admin.id);
    expect((await eventsOf(decoy.id)).some((e) => e.kind === "email_received")).toBe(false);

    // The attachment downloads as stored, never inline.
    const attachmentId = (received!.data as { attachments: { id: string }[] }).attachments[0]!.id;
    const download = await callRoute(attachmentRoute.loader, { url: `/inbox/attachments/${attachmentId}`, cookie, params: { attachmentId } });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="stops-2021.csv"/);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await download.text()).toBe(CSV);
    const elsewhere = await callRoute(attachmentRoute.loader, { url: `/inbox/attachments/${attachmentId}`, cookie: otherCookie, params: { attachmentId } });
    expect(elsewhere.status).toBe(404);
  });

  it("stores the message and its attachments as the request's received files, attached to the reply", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const outcome = await receiveMail({ raw: emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(request.id) }), channel: "upload", uploader: org.viewer });
    expect(outcome.outcome).toBe("filed");
    const [message] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, outcome.outcome === "filed" ? outcome.inboundMessageId : ""));

    // The reply is an incoming email communication of the request; its attachment a received file attached to it.
    const [communication] = await db.select().from(communications).where(eq(communications.id, message!.communicationId!));
    expect(communication).toMatchObject({
      requestId: request.id,
      direction: "incoming",
      channel: "email",
      summary: "Email from Records Custodian <mpdrecords@cityofmadison.example>: RE: Public records request: Traffic stops 2021-present",
    });
    const files = await filesOf(request.id);
    expect(files).toEqual([
      expect.objectContaining({
        originalName: "stops-2021.csv",
        sizeBytes: CSV.length,
        sha256: sha256(CSV),
        kind: "csv",
        mediaType: "text/csv",
        communicationId: communication!.id,
        uploadedById: org.admin.id,
      }),
    ]);
    const [attachment] = await db.select().from(inboundAttachments).where(eq(inboundAttachments.inboundMessageId, message!.id));
    expect(attachment).toMatchObject({ requestFileId: files[0]!.id, storageKey: files[0]!.storageName });
    const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received")!;
    expect(received.data).toMatchObject({ communicationId: communication!.id, attachments: [{ id: attachment!.id, fileId: files[0]!.id }] });

    // Bytes live in the received-files storage, flushed and renamed like uploads: the raw message too.
    expect(readFileSync(storedPath(files[0]!.storageName), "utf8")).toBe(CSV);
    expect(message!.rawKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(readFileSync(storedPath(message!.rawKey), "utf8")).toContain("Message-ID:");
    expect(existsSync(`${process.env.DATA_DIR}/mail-attachments`)).toBe(false);
    expect(storedPath(message!.rawKey).startsWith(filesDir())).toBe(true);

    // It is listed on the request's files page and previewed like an upload.
    const list = (await (await callRoute(filesPage.loader, { url: `/requests/${request.id}/files`, cookie, params: { requestId: request.id } })).json()) as { files: { id: string }[]; communications: { id: string }[] };
    expect(list.files.map((f) => f.id)).toEqual([files[0]!.id]);
    expect(list.communications.map((c) => c.id)).toContain(communication!.id);
    const page = await callRoute(filePage.loader, { url: `/requests/${request.id}/files/${files[0]!.id}`, cookie, params: { requestId: request.id, fileId: files[0]!.id } });
    const shown = (await page.json()) as { preview: { type: string; table?: { header: string[] } }; communication: { id: string } | null };
    expect(shown.preview.type).toBe("table");
    expect(shown.communication?.id).toBe(communication!.id);
  });

  it("records an attachment already received (by upload or an earlier reply) once, by checksum", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const to = replyAddressFor(request.id);
    await receiveMail({ raw: emlFixture("agency-reply-with-attachment.eml", { to }), channel: "upload", uploader: org.viewer });
    const [first] = await filesOf(request.id);
    const before = (await import("node:fs")).readdirSync(filesDir()).length;

    const again = await receiveMail({ raw: replyWith(to, { name: "stops-2021-again.csv", type: "text/csv", content: CSV }), channel: "upload", uploader: org.viewer });
    expect(again.outcome).toBe("filed");
    expect(await filesOf(request.id)).toHaveLength(1);
    const [attachment] = await db.select().from(inboundAttachments).where(eq(inboundAttachments.inboundMessageId, again.outcome === "filed" ? again.inboundMessageId : ""));
    expect(attachment).toMatchObject({ requestFileId: first!.id, storageKey: first!.storageName });
    const events = (await eventsOf(request.id)).filter((e) => e.kind === "email_received");
    expect(events[1]!.data).toMatchObject({ attachments: [{ filename: "stops-2021-again.csv", fileId: first!.id, duplicate: true }] });
    // Only the new raw message was kept; the duplicate attachment's own copy was removed.
    expect((await import("node:fs")).readdirSync(filesDir()).length).toBe(before + 1);
    // The inbox download still works, from the file received first.
    const download = await callRoute(attachmentRoute.loader, { url: `/inbox/attachments/${attachment!.id}`, cookie, params: { attachmentId: attachment!.id } });
    expect(await download.text()).toBe(CSV);

    // A file uploaded by hand first is matched the same way.
    const other = await makeRequest(org.viewer, org.agencyId);
    const upload = multipart([{ name: "file", filename: "uploaded.csv", content: CSV, type: "text/csv" }]);
    const uploaded = await postBody(filesPage.action, { url: `/requests/${other.id}/files`, cookie, params: { requestId: other.id }, body: upload.body, contentType: upload.contentType });
    expect(uploaded.status).toBe(302);
    const [byHand] = await filesOf(other.id);
    const late = await receiveMail({ raw: emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(other.id) }), channel: "upload", uploader: org.viewer });
    expect(late.outcome).toBe("filed");
    expect(await filesOf(other.id)).toEqual([expect.objectContaining({ id: byHand!.id, originalName: "uploaded.csv" })]);
    const last = (await eventsOf(other.id)).filter((e) => e.kind === "email_received").at(-1)!;
    expect(last.data).toMatchObject({ attachments: [{ filename: "stops-2021.csv", fileId: byHand!.id, duplicate: true }] });
  });

  it("keeps an attachment whose content contradicts its name, as an unpreviewed file", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(64, 1)]);
    const outcome = await receiveMail({ raw: replyWith(replyAddressFor(request.id), { name: "calls.csv", type: "text/csv", content: png }), channel: "upload", uploader: org.viewer });
    expect(outcome.outcome).toBe("filed");
    expect(await filesOf(request.id)).toEqual([expect.objectContaining({ originalName: "calls.csv", kind: "other", mediaType: "application/octet-stream", sha256: sha256(png) })]);
  });

  it("is shown with its HTML sanitized: no scripts, handlers, styles, images, frames or javascript: links", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const outcome = await receiveMail({ raw: emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(request.id) }), channel: "upload", uploader: org.viewer });
    expect(outcome.outcome).toBe("filed");
    const id = outcome.outcome === "filed" ? outcome.inboundMessageId : "";
    const page = await callRoute(messagePage.loader, { url: `/inbox/${id}`, cookie, params: { messageId: id } });
    const { message, attachments } = (await page.json()) as { message: { html: string }; attachments: { filename: string }[] };
    expect(message.html).toContain("<b>R-2026-0412</b>");
    expect(message.html).toContain('<a href="https://cityofmadison.example/records" rel="noopener noreferrer nofollow" target="_blank">Portal</a>');
    for (const unsafe of ["<script", "alert(", "onclick", "<style", "color:red", "<img", "tracker.example", "<iframe", "javascript:"]) {
      expect(message.html).not.toContain(unsafe);
    }
    expect(attachments.map((a) => a.filename)).toEqual(["stops-2021.csv"]);
    // The stored message is kept as received.
    const [stored] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
    expect(stored!.htmlBody).toContain("<script>");
  });

  it("with a wrong signature goes to review, and a person can file it on the request", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: tamper(replyAddressFor(request.id)) });
    const response = await postFile(inboxPage.action, "/inbox", cookie, { name: "reply.eml", content: raw });
    expect(response.headers.get("Location")).toBe("/inbox/review");
    expect((await eventsOf(request.id)).some((e) => e.kind === "email_received")).toBe(false);
    expect(await filesOf(request.id)).toHaveLength(0);

    const list = await callRoute(reviewPage.loader, { url: "/inbox/review", cookie });
    const { rows } = (await list.json()) as { rows: { id: string; reviewReason: string; suggestion: { id: string } | null }[] };
    const held = rows.find((r) => r.suggestion?.id === request.id)!;
    expect(held.reviewReason).toMatch(/signature that does not match/);

    // Invisible to another organization, and a number that isn't ours is refused with a field message.
    const otherList = await callRoute(reviewPage.loader, { url: "/inbox/review", cookie: otherCookie });
    expect(((await otherList.json()) as { rows: { id: string }[] }).rows.some((r) => r.id === held.id)).toBe(false);
    const wrong = await callRoute(reviewPage.action, { url: "/inbox/review", cookie, form: { intent: "file", messageId: held.id, requestNumber: "99999" } });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ messageId: held.id, errors: { requestNumber: ["Your organization has no request #99999."] } });
    const notNumber = await callRoute(reviewPage.action, { url: "/inbox/review", cookie, form: { intent: "file", messageId: held.id, requestNumber: "twelve" } });
    expect(notNumber.status).toBe(400);
    const stolen = await callRoute(reviewPage.action, { url: "/inbox/review", cookie: otherCookie, form: { intent: "file", messageId: held.id, requestNumber: "1" } });
    expect(stolen.status).toBe(404);

    const filed = await callRoute(reviewPage.action, { url: "/inbox/review", cookie: memberCookie, form: { intent: "file", messageId: held.id, requestNumber: String(request.number) } });
    expect(filed.status).toBe(302);
    expect(filed.headers.get("Location")).toBe(`/requests/${request.id}`);
    const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received");
    expect(received?.actorId).toBe(org.member.id);
    // Its attachment became a received file of the request when it was filed, not before.
    const files = await filesOf(request.id);
    expect(files).toEqual([expect.objectContaining({ originalName: "stops-2021.csv", kind: "csv", sha256: sha256(CSV), uploadedById: org.member.id })]);
    expect(received?.data).toMatchObject({ inboundMessageId: held.id, attachments: [{ filename: "stops-2021.csv", fileId: files[0]!.id }] });
    const [message] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, held.id));
    expect(files[0]!.communicationId).toBe(message!.communicationId);
    const again = await callRoute(reviewPage.action, { url: "/inbox/review", cookie, form: { intent: "file", messageId: held.id, requestNumber: String(request.number) } });
    expect(again.status).toBe(400);
  });

  it("stored under the old mail directory is still read, and filed from review into the received-files storage", async () => {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const legacy = (content: string) => {
      const key = `${sha256(content).slice(0, 2)}/${sha256(content)}`;
      mkdirSync(`${process.env.DATA_DIR}/mail-attachments/${key.slice(0, 2)}`, { recursive: true });
      writeFileSync(`${process.env.DATA_DIR}/mail-attachments/${key}`, content);
      return key;
    };
    const request = await makeRequest(org.viewer, org.agencyId);
    const content = `id,kind\n${randomUUID()},call\n`;
    const [held] = await db
      .insert(inboundMessages)
      .values({ organizationId: org.org.id, status: "review", channel: "upload", reviewReason: "Held before the upgrade.", messageId: `<${randomUUID()}@old.example>`, rawKey: legacy("From: a@b.example\r\n\r\nold"), rawSize: 25, subject: "Old reply" })
      .returning();
    const [attachment] = await db
      .insert(inboundAttachments)
      .values({ inboundMessageId: held!.id, position: 0, filename: "calls.csv", contentType: "text/csv", size: content.length, sha256: sha256(content), storageKey: legacy(content) })
      .returning();
    const download = await callRoute(attachmentRoute.loader, { url: `/inbox/attachments/${attachment!.id}`, cookie, params: { attachmentId: attachment!.id } });
    expect(await download.text()).toBe(content);

    const filed = await callRoute(reviewPage.action, { url: "/inbox/review", cookie, form: { intent: "file", messageId: held!.id, requestNumber: String(request.number) } });
    expect(filed.status).toBe(302);
    const files = await filesOf(request.id);
    expect(files).toEqual([expect.objectContaining({ originalName: "calls.csv", kind: "csv", sha256: sha256(content) })]);
    expect(readFileSync(storedPath(files[0]!.storageName), "utf8")).toBe(content);
    const [after] = await db.select().from(inboundAttachments).where(eq(inboundAttachments.id, attachment!.id));
    expect(after).toMatchObject({ requestFileId: files[0]!.id, storageKey: files[0]!.storageName });
  });

  it("can be discarded from review, and is kept as seen", async () => {
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: "someone@cityofmadison.example" });
    const outcome = await receiveMail({ raw, channel: "upload", uploader: org.viewer });
    expect(outcome).toMatchObject({ outcome: "review", reason: "It is not addressed to a request's reply address." });
    const id = outcome.outcome === "review" ? outcome.inboundMessageId : "";
    const discarded = await callRoute(reviewPage.action, { url: "/inbox/review", cookie, form: { intent: "discard", messageId: id } });
    expect(discarded.status).toBe(302);
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
    expect(row).toMatchObject({ status: "discarded", reviewedById: org.admin.id });
    expect((await receiveMail({ raw, channel: "upload", uploader: org.viewer })).outcome).toBe("duplicate");
  });

  it("is deduplicated by Message-ID", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const messageId = `<${randomUUID()}@cityofmadison.example>`;
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(request.id), messageId });
    const first = await receiveMail({ raw, channel: "upload", uploader: org.viewer });
    const second = await postFile(inboxPage.action, "/inbox", cookie, { name: "again.eml", content: raw });
    expect(first.outcome).toBe("filed");
    expect(second.headers.get("Location")).toBe(`/inbox/${first.outcome === "filed" ? first.inboundMessageId : ""}`);
    expect(await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId))).toHaveLength(1);
    expect((await eventsOf(request.id)).filter((e) => e.kind === "email_received")).toHaveLength(1);
  });

  it("addressed to another organization's request is not filed there", async () => {
    const theirs = await makeRequest(other.viewer, other.agencyId);
    const raw = emlFixture("agency-reply-with-attachment.eml", { to: replyAddressFor(theirs.id) });
    const outcome = await receiveMail({ raw, channel: "upload", uploader: org.viewer });
    expect(outcome).toMatchObject({ outcome: "review", reason: "It is addressed to a request of another organization." });
    expect((await eventsOf(theirs.id)).some((e) => e.kind === "email_received")).toBe(false);
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, outcome.outcome === "review" ? outcome.inboundMessageId : ""));
    expect(row!.organizationId).toBe(org.org.id);
  });

  it("with broken MIME goes to review even when its address verifies", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const raw = emlFixture("malformed-multipart.eml", { to: replyAddressFor(request.id) });
    const outcome = await receiveMail({ raw, channel: "upload", uploader: org.viewer });
    expect(outcome).toMatchObject({ outcome: "review", reason: expect.stringMatching(/MIME structure is broken/) });
    // A message cut off before its closing boundary, and one whose base64 attachment can't be decoded, may be
    // missing what the agency sent: they wait for a person too, with the request suggested, and record no file.
    const truncated = await receiveMail({ raw: emlFixture("truncated-multipart.eml", { to: replyAddressFor(request.id) }), channel: "upload", uploader: org.viewer });
    expect(truncated).toMatchObject({ outcome: "review", reason: "Its MIME structure is broken: a multipart section never reaches its closing boundary: the message seems to have been cut off." });
    const undecodable = await receiveMail({ raw: emlFixture("invalid-base64.eml", { to: replyAddressFor(request.id) }), channel: "upload", uploader: org.viewer });
    expect(undecodable).toMatchObject({ outcome: "review", reason: expect.stringContaining('the part "uof-2025.pdf" is declared as base64 but can\'t be decoded') });
    for (const held of [truncated, undecodable]) {
      const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, held.outcome === "review" ? held.inboundMessageId : ""));
      expect(row).toMatchObject({ status: "review", requestId: null, suggestedRequestId: request.id });
    }
    expect((await eventsOf(request.id)).some((e) => e.kind === "email_received")).toBe(false);
    expect(await filesOf(request.id)).toHaveLength(0);

    const garbage = await receiveMail({ raw: Buffer.from("not an email at all"), channel: "upload", uploader: org.viewer });
    expect(garbage).toMatchObject({ outcome: "review", reason: "It has no email headers." });
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, garbage.outcome === "review" ? garbage.inboundMessageId : ""));
    expect(row!.textBody).toBe("not an email at all");
  });

  it("is refused when too large or not an .eml, with a message by the field", async () => {
    const big = await postFile(inboxPage.action, "/inbox", cookie, { name: "big.eml", content: Buffer.alloc(70_000, "a") });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ errors: { file: ["The file is larger than 59 KB, the most the inbox takes."] } });
    const pdf = await postFile(inboxPage.action, "/inbox", cookie, { name: "letter.pdf", content: "%PDF-1.4", type: "application/pdf" });
    expect(pdf.status).toBe(400);
    expect(((await pdf.json()) as { errors: { file: string[] } }).errors.file[0]).toMatch(/not a \.eml file/);
    const empty = await postFile(inboxPage.action, "/inbox", cookie, { name: "empty.eml", content: "" });
    expect(empty.status).toBe(400);
  });
});

/** A bare SMTP client that says only what it is told to: no SIZE, no pipelining, no politeness. */
function rawSmtp(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let buffer = "";
  const replies: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  socket.on("data", (data: Buffer) => {
    buffer += data.toString("latin1");
    for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!/^\d{3} /.test(line)) continue; // continuation lines of a multi-line reply
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else replies.push(line);
    }
  });
  socket.on("error", () => {});
  return {
    reply: () => new Promise<string>((resolve) => (replies.length ? resolve(replies.shift()!) : waiting.push(resolve))),
    write: (data: string | Buffer) => new Promise<void>((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve()))),
    close: () => socket.destroy(),
  };
}

describe("collecting an SMTP message", () => {
  it("holds at most the limit: past it, what was held is dropped and the rest only counted", () => {
    const collector = new MessageCollector(1_000);
    for (let i = 0; i < 9; i++) collector.push(Buffer.alloc(100, "a"));
    expect(collector).toMatchObject({ buffered: 900, tooLarge: false });
    for (let i = 0; i < 1_000; i++) collector.push(Buffer.alloc(100, "a"));
    expect(collector).toMatchObject({ buffered: 0, tooLarge: true, received: 100_900 });
    expect(collector.message().length).toBe(0);
  });
});

describe("the inbound SMTP listener", () => {
  let listener: InboundSmtp;
  let send: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    listener = await startInboundSmtp({ port: 0, host: "127.0.0.1", domain: "replies.jointask.example", maxBytes: 20_000, log: { info: () => {}, warn: () => {}, error: console.error } });
    send = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    send.close();
    await listener.close();
  });

  it("files a reply with its attachment on the request, threaded on our letter", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const to = replyAddressFor(request.id);
    const info = await send.sendMail({
      from: '"Records Custodian" <mpdrecords@cityofmadison.example>',
      to,
      subject: "Installment 1",
      text: "Attached is the first installment.",
      inReplyTo: "<letter-1@replies.jointask.example>",
      attachments: [{ filename: "calls.csv", content: "id,type\n1,traffic\n" }],
    });
    expect(info.accepted).toEqual([to]);
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, info.messageId));
    expect(row).toMatchObject({ status: "filed", requestId: request.id, organizationId: org.org.id, channel: "smtp", recipient: to, inReplyTo: "<letter-1@replies.jointask.example>" });
    const attachments = await db.select().from(inboundAttachments).where(eq(inboundAttachments.inboundMessageId, row!.id));
    expect(attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([["calls.csv", "text/csv", 18]]);
    // Recorded as the request's received file, by nobody in particular (it came by SMTP).
    expect(await filesOf(request.id)).toEqual([
      expect.objectContaining({ id: attachments[0]!.requestFileId, originalName: "calls.csv", kind: "csv", uploadedById: null, communicationId: row!.communicationId }),
    ]);
    const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received");
    expect(received).toMatchObject({ actorId: null, data: { excerpt: "Attached is the first installment." } });
  });

  it("files a reply holding NUL characters, with them removed and the removal noted (never a temporary failure)", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const to = replyAddressFor(request.id);
    const info = await send.sendMail({
      from: '"Records\u0000 Custodian" <mpdrecords@cityofmadison.example>',
      to,
      subject: "Installment\u0000 2",
      text: "Attached\u0000 is the second installment.",
    });
    expect(info.accepted).toEqual([to]);
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, info.messageId));
    expect(row).toMatchObject({ status: "filed", requestId: request.id, subject: "Installment 2" });
    expect(row!.textBody).toContain("Attached is the second installment.");
    expect(row!.classificationReason).toMatch(/characters? that can't be stored \(such as U\+0000\) removed/);
    const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received");
    expect(received).toMatchObject({ data: { subject: "Installment 2", excerpt: "Attached is the second installment." } });
  });

  it("holds mail with a bad signature for review in the request's organization", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const info = await send.sendMail({ from: "clerk@cityofmadison.example", to: tamper(replyAddressFor(request.id)), subject: "Guess", text: "x" });
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, info.messageId));
    expect(row).toMatchObject({ status: "review", organizationId: org.org.id, suggestedRequestId: request.id, requestId: null });
  });

  it("keeps mail to the bare mailbox for admins to review, unseen by other members", async () => {
    const info = await send.sendMail({ from: "stranger@unknown.example", to: "requests@replies.jointask.example", subject: `Lost ${randomUUID()}`, text: "Which request?" });
    const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, info.messageId));
    expect(row).toMatchObject({ status: "review", organizationId: null });
    const ids = async (c: string) => ((await (await callRoute(reviewPage.loader, { url: "/inbox/review", cookie: c })).json()) as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(await ids(cookie)).toContain(row!.id);
    expect(await ids(memberCookie)).not.toContain(row!.id);
  });

  it("refuses other recipients and oversized messages, and sends malformed ones to review", async () => {
    await expect(send.sendMail({ from: "a@b.example", to: "someone@elsewhere.example", subject: "relay?", text: "x" })).rejects.toMatchObject({ responseCode: 550 });
    const request = await makeRequest(org.viewer, org.agencyId);
    const to = replyAddressFor(request.id);
    await expect(send.sendMail({ from: "a@b.example", to, subject: "huge", text: "x".repeat(30_000) })).rejects.toMatchObject({ responseCode: 552 });
    expect((await eventsOf(request.id)).some((e) => e.kind === "email_received")).toBe(false);

    for (const fixture of ["malformed-multipart.eml", "truncated-multipart.eml"]) {
      const messageId = `<${randomUUID()}@agency.example>`;
      await send.sendMail({ envelope: { from: "records@agency.example", to: [to] }, raw: emlFixture(fixture, { to, messageId }) });
      const [row] = await db.select().from(inboundMessages).where(and(eq(inboundMessages.messageId, messageId)));
      expect(row).toMatchObject({ status: "review", suggestedRequestId: request.id, organizationId: org.org.id, reviewReason: expect.stringMatching(/MIME structure is broken/) });
    }
  });

  it("refuses with 552, storing nothing, a client that ignores SIZE and sends far more than the limit", async () => {
    const request = await makeRequest(org.viewer, org.agencyId);
    const to = replyAddressFor(request.id);
    const messageId = `<${randomUUID()}@agency.example>`;
    const client = rawSmtp(listener.port);
    try {
      expect(await client.reply()).toMatch(/^220 /);
      await client.write("EHLO agency.example\r\n");
      expect(await client.reply()).toMatch(/^250 /);
      // No SIZE= on MAIL FROM: the server learns the size only as the data arrives.
      await client.write("MAIL FROM:<records@agency.example>\r\n");
      expect(await client.reply()).toMatch(/^250 /);
      await client.write(`RCPT TO:<${to}>\r\n`);
      expect(await client.reply()).toMatch(/^250 /);
      await client.write("DATA\r\n");
      expect(await client.reply()).toMatch(/^354 /);
      await client.write(`From: records@agency.example\r\nTo: ${to}\r\nSubject: Everything\r\nMessage-ID: ${messageId}\r\n\r\n`);
      const line = `${"x".repeat(998)}\r\n`;
      const chunk = line.repeat(64); // 64 KB
      for (let sent = 0; sent < 3 * 1024 * 1024; sent += chunk.length) await client.write(chunk); // 3 MB against a 20 KB limit
      await client.write(".\r\n");
      expect(await client.reply()).toMatch(/^552 /);
      // The connection is still in order and ends as usual.
      await client.write("QUIT\r\n");
      expect(await client.reply()).toMatch(/^221 /);
    } finally {
      client.close();
    }
    expect(await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId))).toHaveLength(0);
    expect((await eventsOf(request.id)).some((e) => e.kind === "email_received")).toBe(false);
  });
});
