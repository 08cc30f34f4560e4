import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const saved = vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const before = { DATA_DIR: process.env.DATA_DIR, MAIL_DOMAIN: process.env.MAIL_DOMAIN };
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "jointask-mail-classification-"));
  process.env.MAIL_DOMAIN = "replies.jointask.example";
  return before;
});

import { agencies, communications, contactBounces, inboundMessages, outboxMessages, requestEvents, requestFiles, requests, vendors } from "../../db/schema";
import type { MailClassification } from "../../db/schema/values";
import { chaseBoard, decodeChaseCursor } from "~/domain/chase.server";
import { openBounces, resendBouncedLetters } from "~/domain/mail/bounces.server";
import { startInboundSmtp, type InboundSmtp } from "~/domain/mail/inbound-smtp.server";
import { reclassifyMessage } from "~/domain/mail/inbound.server";
import { draftLetter, letterContext, sendLetter } from "~/domain/mail/letters.server";
import { enqueueMail } from "~/domain/mail/outbox.server";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { decideTrackingNumber, trackingProposals } from "~/domain/mail/tracking.server";
import { changeStatus, listRequests } from "~/domain/requests.server";
import * as agencyPage from "~/routes/agencies.$agencyId";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as chasePage from "~/routes/chase";
import * as inboxPage from "~/routes/inbox._index";
import * as messagePage from "~/routes/inbox.$messageId";
import * as requestPage from "~/routes/requests.$requestId";
import * as vendorPage from "~/routes/vendors.$vendorId";
import { db } from "~/utils/db.server";
import { FIXTURES } from "../fixtures/mail/classified/expectations";
import { callRoute, cookieFor, formCoalition, freshViewer, makeAgency, makeOrganization, makeRequest, makeVendor, makeVendorRequest, TODAY } from "./factories";
import { postFile } from "./support/mail-fixtures";

const folder = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", "mail", "classified");
const quiet = { info: () => {}, warn: () => {}, error: console.error };

let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let listener: InboundSmtp;
let smtp: ReturnType<typeof nodemailer.createTransport>;

beforeAll(async () => {
  org = await makeOrganization("Classify");
  cookie = await cookieFor(org.admin.id);
  listener = await startInboundSmtp({ port: 0, host: "127.0.0.1", domain: "replies.jointask.example", maxBytes: 1_000_000, log: quiet });
  smtp = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  smtp.close();
  await listener.close();
  const { rmSync } = await import("node:fs");
  rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
  for (const [key, value] of Object.entries(await saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** A filed request to the organization's agency (records email as given) with a request letter already sent. */
async function requestWithLetter(agencyEmail: string, agencyId = org.agencyId) {
  await db.update(agencies).set({ recordsContactEmail: agencyEmail }).where(eq(agencies.id, agencyId));
  const request = await makeRequest(org.viewer, agencyId, { initialStatus: "submitted" });
  const letter = await enqueueMail(db, {
    organizationId: org.org.id,
    requestId: request.id,
    kind: "request_letter",
    idempotencyKey: `letter:${request.id}:${randomUUID()}`,
    to: agencyEmail,
    subject: "Right-to-Know Law request: Use-of-force reports 2024",
    text: "Under the Right-to-Know Law, I request the use-of-force reports for 2024.",
    html: "<p>Under the Right-to-Know Law, I request the use-of-force reports for 2024.</p>",
    replyTo: replyAddressFor(request.id),
    createdById: org.admin.id,
  });
  if (!letter.ok) throw new Error("letter");
  await db.update(outboxMessages).set({ status: "sent", sentAt: new Date() }).where(eq(outboxMessages.id, letter.value.id));
  return { request, letter: letter.value };
}

function fixture(name: string, values: { to: string; messageId: string; originalMessageId: string }): Buffer {
  return Buffer.from(
    readFileSync(path.join(folder, name), "utf8")
      .replaceAll("{{TO}}", values.to)
      .replaceAll("{{MESSAGE_ID}}", values.messageId)
      .replaceAll("{{ORIGINAL_MESSAGE_ID}}", values.originalMessageId)
      .replaceAll("{{MESSAGE_TOKEN}}", randomUUID()),
  );
}

const eventsOf = (requestId: string) => db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(requestEvents.seq);

async function deliver(channel: "smtp" | "upload", raw: Buffer, to: string, classification: MailClassification) {
  if (channel === "upload") {
    const response = await postFile(inboxPage.action, "/inbox", cookie, { name: "message.eml", content: raw });
    expect(response.status).toBe(302);
    return;
  }
  // Bounces come from the null sender, as RFC 5321 has mail servers send them.
  const from = classification === "bounce" ? "" : "agency@agency.example";
  await smtp.sendMail({ envelope: { from, to: [to] }, raw });
}

/** Every request in the chase board's "Fix the contact" section, read page by page (the board shows the first 25). */
async function fixContactIds(viewer: Parameters<typeof chaseBoard>[0]): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const [section] = await chaseBoard(viewer, TODAY, undefined, { section: "fix_contact", after: decodeChaseCursor(after) });
    ids.push(...section!.groups.flatMap((g) => g.rows).map((r) => r.id));
    if (!section!.next) break;
    after = section!.next;
  }
  return ids;
}

describe("every fixture, by SMTP and by upload", () => {
  for (const channel of ["smtp", "upload"] as const) {
    for (const [name, expected] of Object.entries(FIXTURES)) {
      it(`${channel}: ${name} is filed as ${expected.classification}`, async () => {
        const agencyEmail = expected.bouncedAddress ?? "records@springfield-il.example";
        const { request, letter } = await requestWithLetter(agencyEmail);
        const [before] = await db.select({ status: requests.status, dueOn: requests.dueOn }).from(requests).where(eq(requests.id, request.id));
        const to = replyAddressFor(request.id);
        const messageId = `<${randomUUID()}@agency.example>`;
        await deliver(channel, fixture(name, { to, messageId, originalMessageId: letter.messageId }), to, expected.classification);

        const rows = await db.select().from(inboundMessages).where(eq(inboundMessages.requestId, request.id));
        expect(rows).toHaveLength(1);
        const message = rows[0]!;
        expect(message).toMatchObject({ status: "filed", channel, classification: expected.classification });
        const received = (await eventsOf(request.id)).find((e) => e.kind === "email_received")!;
        expect(received.data).toMatchObject({ classification: expected.classification, inboundMessageId: message.id });
        const comms = await db.select().from(communications).where(eq(communications.requestId, request.id));
        const bounces = await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id));
        const [after] = await db.select({ status: requests.status, dueOn: requests.dueOn }).from(requests).where(eq(requests.id, request.id));
        expect(after).toEqual(before);

        if (expected.classification === "bounce") {
          expect(received.data).toMatchObject({ bouncedAddress: expected.bouncedAddress, bounceReason: expect.stringContaining(expected.reasonContains!) });
          expect(comms).toEqual([]);
          expect(await db.select().from(requestFiles).where(eq(requestFiles.requestId, request.id))).toEqual([]);
          // The agency's address is marked as bouncing, naming the letter that bounced.
          expect(bounces).toEqual([expect.objectContaining({ address: expected.bouncedAddress, agencyId: org.agencyId, outboxMessageId: letter.id, resolution: null })]);
        } else if (expected.classification === "auto_reply") {
          expect(comms).toEqual([]);
          expect(bounces).toEqual([]);
          expect((received.data as { excerpt: string }).excerpt.length).toBeGreaterThan(0);
        } else {
          // The agency's response: an incoming communication, with any attachment as a received file.
          expect(comms).toEqual([expect.objectContaining({ direction: "incoming", channel: "email" })]);
          expect(bounces).toEqual([]);
          expect(message.trackingNumberFound).toBe(expected.trackingNumber ?? null);
        }
      });
    }
  }
});

describe("a bounce, the contact fix and the resend", () => {
  it("marks the address, groups the request to fix, and resends the letter once to the corrected address", async () => {
    const { agencyId } = await makeAgency(org.viewer, { name: "Springfield Police Department", place: "Springfield" });
    const { request, letter } = await requestWithLetter("records@springfield-il.example", agencyId);
    const to = replyAddressFor(request.id);
    await smtp.sendMail({
      envelope: { from: "", to: [to] },
      raw: fixture("bounce-postfix.eml", { to, messageId: `<${randomUUID()}@agency.example>`, originalMessageId: letter.messageId }),
    });
    const timeline = await eventsOf(request.id);
    const bounce = timeline.find((e) => e.kind === "email_received")!;
    expect(bounce.data).toMatchObject({ classification: "bounce", bouncedAddress: "records@springfield-il.example" });
    expect(bounce.data).toMatchObject({ classification: "bounce" });

    // The agency page marks the address as bouncing and lists the letter; there is nothing to resend to yet.
    const page = (await (await callRoute(agencyPage.loader, { url: `/agencies/${agencyId}`, cookie, params: { agencyId: agencyId } })).json()) as {
      bouncing: { address: string }[];
      bounced: { contact: string; bounces: { requestId: string; resendable: boolean }[] };
    };
    expect(page.bouncing.map((b) => b.address)).toContain("records@springfield-il.example");
    expect(page.bounced.bounces.find((b) => b.requestId === request.id)).toMatchObject({ resendable: false });

    // The chase board puts the request under "Fix the contact".
    expect(await fixContactIds(org.viewer)).toContain(request.id);

    // Resending before the contact is fixed is refused by the field.
    expect(await resendBouncedLetters(org.viewer, { agencyId: agencyId }, null)).toMatchObject({ ok: false });

    await db.update(agencies).set({ recordsContactEmail: "openrecords@springfield-il.example" }).where(eq(agencies.id, agencyId));
    const { bounces } = await openBounces(org.viewer, { agencyId: agencyId });
    const mine = bounces.find((b) => b.requestId === request.id)!;
    expect(mine.resendable).toBe(true);

    const response = await callRoute(agencyPage.action, {
      url: `/agencies/${agencyId}`,
      cookie,
      params: { agencyId: agencyId },
      form: { intent: "resend-bounced", bounceId: mine.id },
    });
    expect(response.status).toBe(302);
    const copies = await db.select().from(outboxMessages).where(and(eq(outboxMessages.requestId, request.id), eq(outboxMessages.toAddress, "openrecords@springfield-il.example")));
    expect(copies).toEqual([expect.objectContaining({ kind: "request_letter", subject: "Right-to-Know Law request: Use-of-force reports 2024", status: "queued", inReplyTo: expect.any(String) })]);
    const queued = (await eventsOf(request.id)).filter((e) => e.kind === "email_queued");
    expect(queued.map((e) => e.data)).toEqual([expect.objectContaining({ to: "openrecords@springfield-il.example", resentFrom: "records@springfield-il.example" })]);

    // A second click sends nothing more; the request leaves the "Fix the contact" group.
    const again = await resendBouncedLetters(org.viewer, { agencyId: agencyId }, [mine.id]);
    expect(again.ok).toBe(false);
    expect((await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, "openrecords@springfield-il.example"))).filter((m) => m.requestId === request.id)).toHaveLength(1);
    const [row] = await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id));
    expect(row).toMatchObject({ resolution: "resent", resentOutboxMessageId: copies[0]!.id });
    expect(await fixContactIds(org.viewer)).not.toContain(request.id);
  });
});

describe("a bounced letter to a vendor", () => {
  it("is resent from the vendor's page once its contact is corrected", async () => {
    const vendorId = await makeVendor(org.viewer);
    await db.update(vendors).set({ contactEmail: "legal@vendor.example" }).where(eq(vendors.id, vendorId));
    const request = await makeVendorRequest(org.viewer, vendorId, { initialStatus: "submitted" });
    const letter = await enqueueMail(db, {
      organizationId: org.org.id,
      requestId: request.id,
      kind: "request_letter",
      idempotencyKey: `letter:${request.id}:${randomUUID()}`,
      to: "legal@vendor.example",
      subject: "Request for records: standard export",
      text: "Please send the standard export.",
      html: "<p>Please send the standard export.</p>",
      replyTo: replyAddressFor(request.id),
      createdById: org.admin.id,
    });
    if (!letter.ok) throw new Error("letter");
    const to = replyAddressFor(request.id);
    const bounce = fixture("bounce-rfc3464.eml", { to, messageId: `<${randomUUID()}@a.example>`, originalMessageId: letter.value.messageId }).toString().replaceAll("records@springfield-il.example", "legal@vendor.example");
    await postFile(inboxPage.action, "/inbox", cookie, { name: "bounce.eml", content: bounce });
    expect(await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id))).toEqual([
      expect.objectContaining({ vendorId, agencyId: null, address: "legal@vendor.example", outboxMessageId: letter.value.id }),
    ]);

    await db.update(vendors).set({ contactEmail: "records@vendor.example" }).where(eq(vendors.id, vendorId));
    const page = (await (await callRoute(vendorPage.loader, { url: `/vendors/${vendorId}`, cookie, params: { vendorId } })).json()) as { bounced: { bounces: { id: string; resendable: boolean }[] } };
    expect(page.bounced.bounces).toEqual([expect.objectContaining({ resendable: true })]);
    const response = await callRoute(vendorPage.action, { url: `/vendors/${vendorId}`, cookie, params: { vendorId }, form: { intent: "resend-bounced" } });
    expect(response.status).toBe(302);
    expect(await db.select().from(outboxMessages).where(and(eq(outboxMessages.requestId, request.id), eq(outboxMessages.toAddress, "records@vendor.example")))).toHaveLength(1);
  });
});

describe("a bounce that reaches the bare mailbox", () => {
  it("waits for review, suggesting the request of the letter it returns, and is filed there as a bounce", async () => {
    const { agencyId } = await makeAgency(org.viewer, { name: "Review Police Department", place: "Reviewville" });
    const { request, letter } = await requestWithLetter("records@springfield-il.example", agencyId);
    const messageId = `<${randomUUID()}@a.example>`;
    // A relay that rewrote the envelope sender: the bounce comes to requests@ without the request's tag.
    await smtp.sendMail({ envelope: { from: "", to: ["requests@replies.jointask.example"] }, raw: fixture("bounce-sendmail.eml", { to: "requests@replies.jointask.example", messageId, originalMessageId: letter.messageId }) });
    const [held] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId));
    expect(held).toMatchObject({ status: "review", classification: "bounce", bouncedAddress: "foia@rivertown.example", suggestedRequestId: request.id });
    const { fileFromReview } = await import("~/domain/mail/inbound.server");
    const [row] = await db.select({ number: requests.number }).from(requests).where(eq(requests.id, request.id));
    expect(await fileFromReview(org.viewer, held!.id, row!.number)).toMatchObject({ ok: true });
    expect(await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id))).toEqual([
      expect.objectContaining({ address: "foia@rivertown.example", resolution: null }),
    ]);
    expect(await db.select().from(communications).where(eq(communications.requestId, request.id))).toEqual([]);
  });
});

describe("setting a bounce aside", () => {
  it("takes the request out of Fix the contact, with a timeline entry", async () => {
    const { agencyId } = await makeAgency(org.viewer, { name: "Aside Police Department", place: "Asideville" });
    const { request, letter } = await requestWithLetter("records@springfield-il.example", agencyId);
    const to = replyAddressFor(request.id);
    await postFile(inboxPage.action, "/inbox", cookie, { name: "b.eml", content: fixture("bounce-sendmail.eml", { to, messageId: `<${randomUUID()}@a.example>`, originalMessageId: letter.messageId }) });
    const [bounce] = await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id));
    const response = await callRoute(requestPage.action, { url: `/requests/${request.id}`, cookie, params: { requestId: request.id }, form: { intent: "dismiss-bounce", bounceId: bounce!.id } });
    expect(response.status).toBe(302);
    expect((await eventsOf(request.id)).at(-1)).toMatchObject({ kind: "bounce_set_aside", data: { address: "foia@rivertown.example" } });
    expect(await fixContactIds(org.viewer)).not.toContain(request.id);
    const again = await callRoute(requestPage.action, { url: `/requests/${request.id}`, cookie, params: { requestId: request.id }, form: { intent: "dismiss-bounce", bounceId: bounce!.id } });
    expect(again.status).toBe(404);
  });
});

describe("reclassifying", () => {
  it("turns an automatic reply into the agency's response and a reply into a bounce, each on the timeline", async () => {
    const { request, letter } = await requestWithLetter("mlopez@springfield-il.example");
    const to = replyAddressFor(request.id);
    await postFile(inboxPage.action, "/inbox", cookie, { name: "oof.eml", content: fixture("auto-exchange-oof.eml", { to, messageId: `<${randomUUID()}@a.example>`, originalMessageId: letter.messageId }) });
    const [message] = await db.select().from(inboundMessages).where(eq(inboundMessages.requestId, request.id));
    expect(message!.classification).toBe("auto_reply");

    // By the message page's form.
    const response = await callRoute(messagePage.action, { url: `/inbox/${message!.id}`, cookie, params: { messageId: message!.id }, form: { classification: "reply" } });
    expect(response.status).toBe(302);
    const [asReply] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, message!.id));
    expect(asReply).toMatchObject({ classification: "reply", classifiedById: org.admin.id, communicationId: expect.any(String) });
    expect(await db.select().from(communications).where(eq(communications.requestId, request.id))).toHaveLength(1);

    const result = await reclassifyMessage(org.viewer, message!.id, { classification: "bounce", bouncedAddress: "mlopez@springfield-il.example" });
    expect(result).toMatchObject({ ok: true, value: { from: "reply" } });
    expect(await db.select().from(communications).where(eq(communications.requestId, request.id))).toEqual([]);
    expect(await db.select().from(contactBounces).where(eq(contactBounces.requestId, request.id))).toEqual([
      expect.objectContaining({ address: "mlopez@springfield-il.example", resolution: null }),
    ]);
    const changes = (await eventsOf(request.id)).filter((e) => e.kind === "email_reclassified").map((e) => e.data);
    expect(changes).toEqual([expect.objectContaining({ from: "auto_reply", to: "reply" }), expect.objectContaining({ from: "reply", to: "bounce", bouncedAddress: "mlopez@springfield-il.example" })]);

    // Bad input gets a message by the field; the same classification again is refused.
    const bad = await callRoute(messagePage.action, { url: `/inbox/${message!.id}`, cookie, params: { messageId: message!.id }, form: { classification: "spam" } });
    expect(bad.status).toBe(400);
    const badAddress = await callRoute(messagePage.action, { url: `/inbox/${message!.id}`, cookie, params: { messageId: message!.id }, form: { classification: "reply", bouncedAddress: "Jo <x@y.example>" } });
    expect(badAddress.status).toBe(400);
    expect(await reclassifyMessage(org.viewer, message!.id, { classification: "bounce" })).toMatchObject({ ok: false });
  });
});

describe("tracking numbers", () => {
  it("are proposed from a reply, accepted with one click, quoted in later letters and found by the search", async () => {
    const { request, letter } = await requestWithLetter("mlopez@springfield-il.example");
    await changeStatus(org.viewer, request.id, { status: "acknowledged" }, TODAY);
    const to = replyAddressFor(request.id);
    await postFile(inboxPage.action, "/inbox", cookie, {
      name: "reply.eml",
      content: fixture("reply-with-tracking-number.eml", { to, messageId: `<${randomUUID()}@a.example>`, originalMessageId: letter.messageId }),
    });
    const proposals = await trackingProposals(org.viewer, request.id);
    expect(proposals.map((p) => p.value)).toEqual(["PRR-2026-1182"]);

    const accepted = await callRoute(requestPage.action, {
      url: `/requests/${request.id}`,
      cookie,
      params: { requestId: request.id },
      form: { intent: "tracking-number", inboundMessageId: proposals[0]!.inboundMessageId, decision: "accepted" },
    });
    expect(accepted.status).toBe(302);
    const [row] = await db.select({ trackingNumber: requests.trackingNumber }).from(requests).where(eq(requests.id, request.id));
    expect(row!.trackingNumber).toBe("PRR-2026-1182");
    const edited = (await eventsOf(request.id)).filter((e) => e.kind === "edited").at(-1)!;
    expect(edited.data).toMatchObject({ changes: [{ field: "trackingNumber", from: null, to: "PRR-2026-1182" }], note: expect.stringContaining("RE: Right-to-Know Law request") });
    expect(await trackingProposals(org.viewer, request.id)).toEqual([]);
    expect(await decideTrackingNumber(org.viewer, request.id, proposals[0]!.inboundMessageId, "accepted")).toMatchObject({ ok: false });

    // Later letters quote it in their subject.
    const context = (await letterContext(org.viewer, request.id))!;
    expect((await draftLetter("follow_up", context, TODAY)).subject).toContain("PRR-2026-1182");
    expect((await draftLetter("request_letter", context, TODAY)).subject).toContain("PRR-2026-1182");

    // The list's search finds it by the number and by the reply's words; a coalition partner only by the number.
    const found = async (viewer: typeof org.viewer, q: string) => (await listRequests(viewer, { q })).rows.map((r) => r.id);
    expect(await found(org.viewer, "prr-2026-1182")).toContain(request.id);
    expect(await found(org.viewer, "please use it in any correspondence")).toContain(request.id);
    const partner = await makeOrganization("Partner");
    await formCoalition(org, partner);
    const partnerViewer = await freshViewer(partner.admin.id);
    expect(await found(partnerViewer, "PRR-2026-1182")).toContain(request.id);
    expect(await found(partnerViewer, "please use it in any correspondence")).not.toContain(request.id);
  });
});

describe("the JSON API", () => {
  it("gives the reply address and each incoming email's classification, with the bounced address", async () => {
    const { request, letter } = await requestWithLetter("records@springfield-il.example");
    const to = replyAddressFor(request.id);
    for (const name of ["bounce-exim.eml", "auto-gmail-vacation.eml", "reply-mentions-out-of-office.eml"]) {
      await postFile(inboxPage.action, "/inbox", cookie, { name, content: fixture(name, { to, messageId: `<${randomUUID()}@a.example>`, originalMessageId: letter.messageId }) });
    }
    const response = await callRoute(apiRequest.loader, { url: `/api/v1/requests/${request.id}`, cookie, params: { requestId: request.id } });
    const body = (await response.json()) as { data: { replyAddress: string; timeline: { kind: string; data: Record<string, unknown> }[] } };
    expect(body.data.replyAddress).toBe(to);
    const emails = body.data.timeline.filter((e) => e.kind === "email_received").map((e) => e.data);
    expect(emails.map((e) => e.classification)).toEqual(["bounce", "auto_reply", "reply"]);
    expect(emails[0]).toMatchObject({ bouncedAddress: "records@springfield-il.example", bounceStatus: "5.1.1" });
  });
});

describe("the chase board's Log follow-up", () => {
  it("sends the follow-up letter through the outbox, or only records one sent elsewhere, as its buttons say", async () => {
    const { agencyId } = await makeAgency(org.viewer, { name: "Chase Police Department", place: "Chaseville" });
    const { request } = await requestWithLetter("records@chaseville.example", agencyId);
    const page = (await (await callRoute(chasePage.loader, { url: "/chase", cookie })).json()) as { nonce: string };
    const send = () => callRoute(chasePage.action, { url: "/chase", cookie, form: { requestId: request.id, intent: "send-follow-up", nonce: page.nonce } });
    expect((await send()).status).toBe(302);
    expect((await send()).status).toBe(302);
    const letters = await db.select().from(outboxMessages).where(and(eq(outboxMessages.requestId, request.id), eq(outboxMessages.kind, "follow_up")));
    expect(letters).toEqual([expect.objectContaining({ toAddress: "records@chaseville.example", replyTo: replyAddressFor(request.id) })]);

    const record = await callRoute(chasePage.action, { url: "/chase", cookie, form: { requestId: request.id, intent: "log-follow-up", channel: "phone" } });
    expect(record.status).toBe(302);
    expect(await db.select().from(outboxMessages).where(and(eq(outboxMessages.requestId, request.id), eq(outboxMessages.kind, "follow_up")))).toHaveLength(1);
    expect(await db.select().from(communications).where(eq(communications.requestId, request.id))).toEqual([expect.objectContaining({ direction: "outgoing", channel: "phone" })]);

    // To an address that bounces, or without an address, sending is refused by the form, and nothing is queued.
    const bounced = await makeAgency(org.viewer, { name: "Bounceville Police Department", place: "Bounceville" });
    const first = await requestWithLetter("records@springfield-il.example", bounced.agencyId);
    const firstTo = replyAddressFor(first.request.id);
    await postFile(inboxPage.action, "/inbox", cookie, { name: "b.eml", content: fixture("bounce-exim.eml", { to: firstTo, messageId: `<${randomUUID()}@a.example>`, originalMessageId: first.letter.messageId }) });
    const second = await requestWithLetter("records@springfield-il.example", bounced.agencyId);
    const bouncing = await callRoute(chasePage.action, { url: "/chase", cookie, form: { requestId: second.request.id, intent: "send-follow-up", nonce: randomUUID() } });
    expect(bouncing.status).toBe(400);
    expect(((await bouncing.json()) as { errors: { send: string[] } }).errors.send[0]).toMatch(/bounces: fix the contact first/);
    await db.update(agencies).set({ recordsContactEmail: null }).where(eq(agencies.id, agencyId));
    const refused = await callRoute(chasePage.action, { url: "/chase", cookie, form: { requestId: request.id, intent: "send-follow-up", nonce: randomUUID() } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { send: string[] } }).errors.send[0]).toMatch(/no email address/);
  });

  it("sends letters with the request's reply address as their envelope sender, so bounces come back to it", async () => {
    const { request } = await requestWithLetter("records@springfield-il.example");
    const result = await sendLetter(org.viewer, request.id, { kind: "follow_up", to: "records@springfield-il.example", subject: "Follow-up", body: "Any news?", nonce: randomUUID() }, TODAY);
    expect(result?.ok).toBe(true);
    const { nodemailerOptions } = await import("~/domain/mail/transport.server");
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, result!.ok ? result!.value.outboxMessageId : ""));
    expect(nodemailerOptions(row!).envelope).toEqual({ from: replyAddressFor(request.id), to: ["records@springfield-il.example"] });
  });
});
