import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, catalogFields, outboxMessages, recordTypes, requestEvents, requests, vendors } from "../../db/schema";
import { setAskedFields, updateAsk } from "~/domain/fields.server";
import { receiveMail } from "~/domain/mail/inbound.server";
import { letterContext } from "~/domain/mail/letters.server";
import { readReplyAddress, replyAddressFor } from "~/domain/mail/reply-address.server";
import { smtpTransport } from "~/domain/mail/transport.server";
import { OutboxWorker } from "~/domain/mail/worker.server";
import * as outboxMessagePage from "~/routes/outbox.$messageId";
import * as outboxPage from "~/routes/outbox._index";
import * as lettersPage from "~/routes/requests.$requestId_.letters";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest, makeVendor, makeVendorRequest } from "./factories";
import { emlFixture } from "./support/mail-fixtures";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let other: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let otherCookie: string;
let sink: SmtpSink;
let worker: OutboxWorker;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  org = await makeOrganization("Letters");
  other = await makeOrganization("Others");
  await db.update(agencies).set({ recordsContactEmail: "righttoknow@city.example", recordsContactName: "Open Records Officer" }).where(eq(agencies.id, org.agencyId));
  cookie = await cookieFor(org.admin.id);
  otherCookie = await cookieFor(other.admin.id);
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
  worker = new OutboxWorker({ db, transport, organizationId: org.org.id, log: { info: () => {}, warn: () => {}, error: console.error } });
});
afterAll(async () => {
  transport.close();
  await sink.close();
});

type LetterPage = { draft: { subject: string; body: string }; nonce: string; contactEmail: string | null; replyAddress: string; law: { lawName: string } | null };

async function openLetterPage(requestId: string, kind = "request_letter", as = cookie) {
  return callRoute(lettersPage.loader, { url: `/requests/${requestId}/letters?kind=${kind}`, cookie: as, params: { requestId } });
}

async function draftFor(requestId: string, kind = "request_letter") {
  return (await (await openLetterPage(requestId, kind)).json()) as LetterPage;
}

function send(requestId: string, form: Record<string, string>, as = cookie) {
  return callRoute(lettersPage.action, { url: `/requests/${requestId}/letters`, cookie: as, params: { requestId }, form: { intent: "send", ...form } });
}

const eventsOf = (requestId: string) => db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(requestEvents.seq);

describe("writing a letter", () => {
  it("drafts the request letter citing the state's law, from the agency's records email", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId, { title: "Stops 2021–present" });
    const page = await draftFor(id);
    expect(page.contactEmail).toBe("righttoknow@city.example");
    expect(page.law?.lawName).toBe("Right-to-Know Law");
    expect(page.draft.subject).toBe("Right-to-Know Law request: Stops 2021–present");
    expect(page.draft.body).toContain("To the Open Records Officer, Letters Police Department:");
    expect(page.draft.body).toContain("Under the Right-to-Know Law (65 P.S. §§ 67.101-67.3104)");
    expect(page.draft.body).toContain("within 5 business days of receipt");
    expect(page.draft.body).toContain(replyAddressFor(id));
    expect(page.draft.body.trimEnd().endsWith(`${org.admin.name}\n${org.org.name}`)).toBe(true);
    const context = await letterContext(org.viewer, id);
    expect(context?.lawCode).toBe("PA");
  });

  it("lists what the request asks for: record types and fields, detail level, period, formats and de-identification", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId, { title: "Stops with fields" });
    const types = await db
      .select({ id: recordTypes.id, key: recordTypes.key, name: recordTypes.name })
      .from(recordTypes)
      .where(and(inArray(recordTypes.key, ["stops", "use_of_force"]), isNull(recordTypes.organizationId)));
    const stops = types.find((t) => t.key === "stops")!;
    const force = types.find((t) => t.key === "use_of_force")!;
    const stopFields = await db
      .select({ id: catalogFields.id, key: catalogFields.key, label: catalogFields.label })
      .from(catalogFields)
      .where(and(eq(catalogFields.recordTypeId, stops.id), inArray(catalogFields.key, ["subject_race", "officer_id_hash"])))
      .orderBy(asc(catalogFields.position));
    expect(stopFields).toHaveLength(2);

    // Nothing asked yet: the letter lists nothing beyond the description.
    expect((await draftFor(id)).draft.body).not.toMatch(/Specifically|Detail:|Period:|Format:|De-identification:/);

    const asked = await updateAsk(org.viewer, id, {
      recordTypeIds: [stops.id, force.id],
      detailLevel: "record_level",
      periodStart: "2021-01-01",
      formats: ["csv", "spreadsheet"],
      deidentify: true,
      deidentifyNotes: "Replace officer names with a one-way hash of the badge number.",
    });
    expect(asked?.ok).toBe(true);
    expect((await setAskedFields(org.viewer, id, { catalogFieldIds: stopFields.map((f) => f.id), keepCustomIds: [] }))?.ok).toBe(true);

    const page = await draftFor(id);
    const body = page.draft.body;
    expect(body).toContain("Specifically, I ask for these records and fields:");
    expect(body).toContain(`- ${stops.name}: ${stopFields.map((f) => f.label).join(", ")}\n- ${force.name}\n`);
    expect(body).toContain("Detail: I ask for record-level data");
    expect(body).toContain("Period: records dated from January 1, 2021 to the present.");
    expect(body).toContain("Format: please provide the records electronically, as CSV files or spreadsheets (XLSX).");
    expect(body).toContain("De-identification: Replace officer names with a one-way hash of the badge number.");

    // What is sent is what was drafted, in the text and in the HTML.
    expect((await send(id, { kind: "request_letter", to: page.contactEmail!, subject: page.draft.subject, body, nonce: page.nonce })).status).toBe(302);
    await worker.drain();
    const letter = sink.arrivals.find((a) => a.parsed.subject === page.draft.subject)!;
    expect(letter.parsed.text).toContain(`${stops.name}: ${stopFields.map((f) => f.label).join(", ")}`);
    expect(letter.parsed.html).toContain(`<li>${force.name.replace("&", "&amp;")}</li>`);
    expect(letter.parsed.html).toContain("as CSV files or spreadsheets (XLSX).");

    // De-identification asked without details gets a standard sentence; a closed period names both ends.
    await updateAsk(org.viewer, id, { recordTypeIds: [stops.id, force.id], detailLevel: "aggregate", periodStart: "2020-01-01", periodEnd: "2020-12-31", formats: ["any"], deidentify: true });
    const again = (await draftFor(id)).draft.body;
    expect(again).toContain("Detail: Counts and totals are enough");
    expect(again).toContain("Period: records dated from January 1, 2020 to December 31, 2020.");
    expect(again).toContain("as any machine-readable format.");
    expect(again).toMatch(/De-identification: Please remove or replace with a one-way hash the names/);
  });

  it("to a vendor goes to the vendor's contact, cites no law, and says why", async () => {
    const vendorId = await makeVendor(org.viewer, "Tyler Technologies");
    await db.update(vendors).set({ contactEmail: "legal@tylertech.example", contactName: "Legal Department" }).where(eq(vendors.id, vendorId));
    const { id } = await makeVendorRequest(org.viewer, vendorId, { title: "New World RMS stop export" });

    const response = await openLetterPage(id);
    expect(response.status).toBe(200);
    const page = (await response.json()) as LetterPage & { recipientKind: string; request: { agencyName: string } };
    expect(page).toMatchObject({ contactEmail: "legal@tylertech.example", law: null, recipientKind: "vendor", request: { agencyName: "Tyler Technologies" } });
    expect(page.draft.subject).toBe("Request for records: New World RMS stop export");
    expect(page.draft.body).toContain("To Legal Department, Tyler Technologies:");
    expect(page.draft.body).toContain("I ask Tyler Technologies for copies of the following records");
    expect(page.draft.body).not.toMatch(/Under the|exemption|held by the Tyler/);
    const context = await letterContext(org.viewer, id);
    expect(context).toMatchObject({ recipientKind: "vendor", lawCode: null, jurisdictionName: null });

    // The follow-up and the appeal are written too; the appeal asks to reconsider without claiming a law.
    const followUp = await draftFor(id, "follow_up");
    expect(followUp.draft.body).toContain("To Legal Department, Tyler Technologies:");
    const appeal = await draftFor(id, "appeal");
    expect(appeal.draft.body).toContain("what I ask for describes the work of the public agencies that use your product");
    expect(appeal.draft.body).not.toContain("public under");

    // Sent to the vendor's address, from the request's own reply address, and filed like any other letter.
    expect((await send(id, { kind: "request_letter", to: page.contactEmail!, subject: page.draft.subject, body: page.draft.body, nonce: page.nonce })).status).toBe(302);
    await worker.drain();
    const letter = sink.arrivals.find((a) => a.parsed.subject === page.draft.subject)!;
    expect(letter.envelopeTo).toEqual(["legal@tylertech.example"]);
    expect(readReplyAddress(letter.parsed.replyTo!.value[0]!.address!)).toEqual({ kind: "verified", requestId: id });
    const [request] = await db.select().from(requests).where(eq(requests.id, id));
    expect(request!.status).toBe("submitted");

    // Another organization still gets a 404.
    expect((await openLetterPage(id, "request_letter", otherCookie)).status).toBe(404);
  });

  it("is sent through the outbox: timeline, SMTP headers, reply address and threading, and the draft is filed", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const page = await draftFor(id);
    const response = await send(id, { kind: "request_letter", to: page.contactEmail!, subject: page.draft.subject, body: page.draft.body, nonce: page.nonce });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/requests/${id}`);

    const queued = (await eventsOf(id)).find((e) => e.kind === "email_queued");
    expect(queued?.data).toMatchObject({ letterKind: "request_letter", to: "righttoknow@city.example", subject: page.draft.subject, body: page.draft.body });
    expect(queued?.actorId).toBe(org.admin.id);

    await worker.drain();
    const letter = sink.arrivals.find((a) => a.parsed.subject === page.draft.subject)!;
    expect(letter.envelopeTo).toEqual(["righttoknow@city.example"]);
    const replyTo = letter.parsed.replyTo!.value[0]!.address!;
    expect(readReplyAddress(replyTo)).toEqual({ kind: "verified", requestId: id });
    expect(letter.parsed.from!.value[0]!.name).toBe(org.admin.name);
    expect(letter.parsed.inReplyTo).toBeUndefined();
    // Unedited, the template's own HTML is sent.
    expect(letter.parsed.html).toContain("Under the Right-to-Know Law (65 P.S. §§ 67.101-67.3104)");

    const events = await eventsOf(id);
    expect(events.map((e) => e.kind)).toEqual(["created", "email_queued", "email_sent", "status_changed", "due_date_changed"]);
    expect(events[3]!.data).toMatchObject({ from: "draft", to: "submitted", note: "Request letter sent by email." });
    const [request] = await db.select().from(requests).where(eq(requests.id, id));
    expect(request!.status).toBe("submitted");
    expect(request!.filedOn).not.toBeNull();

    // The agency answers; the follow-up replies to that answer and references the whole conversation.
    const [sent] = await db.select().from(outboxMessages).where(eq(outboxMessages.requestId, id));
    const answerId = `<${randomUUID()}@city.example>`;
    const answer = await receiveMail({ raw: emlFixture("agency-reply-with-attachment.eml", { to: replyTo, messageId: answerId, inReplyTo: sent!.messageId }), channel: "upload", uploader: org.viewer });
    expect(answer.outcome).toBe("filed");
    const followUp = await draftFor(id, "follow_up");
    const edited = `${followUp.draft.body}\nP.S. Please include the data dictionary.`;
    expect((await send(id, { kind: "follow_up", to: "righttoknow@city.example", subject: followUp.draft.subject, body: edited, nonce: followUp.nonce })).status).toBe(302);
    await worker.drain();
    const second = sink.arrivals.find((a) => a.parsed.subject === followUp.draft.subject)!;
    expect(second.parsed.inReplyTo).toBe(answerId);
    expect(second.parsed.references).toEqual([sent!.messageId, answerId]);
    expect(second.parsed.text).toContain("P.S. Please include the data dictionary.");
    expect(second.parsed.html).toContain("P.S. Please include the data dictionary.");
  });

  it("queues one letter when the same form is sent twice", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const page = await draftFor(id);
    const form = { kind: "request_letter", to: "righttoknow@city.example", subject: page.draft.subject, body: page.draft.body, nonce: page.nonce };
    const [a, b] = await Promise.all([send(id, form), send(id, form)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.requestId, id))).toHaveLength(1);
    expect((await eventsOf(id)).filter((e) => e.kind === "email_queued")).toHaveLength(1);
  });

  it.each([
    [{ to: "Records <righttoknow@city.example>" }, "to", /without a name or angle brackets/],
    [{ to: "righttoknow@city.example (records)" }, "to", /comments/],
    [{ to: "records:a@city.example;" }, "to", /groups/],
    [{ to: '"records"@city.example' }, "to", /quoted/],
    [{ to: "righttoknow@city.example\r\nBcc: x@evil.example" }, "to", /line breaks/],
    [{ to: "" }, "to", /To is required/],
    [{ subject: "Records\r\nBcc: x@evil.example" }, "subject", /line breaks/],
    [{ subject: "" }, "subject", /Subject is required/],
    [{ body: "   " }, "body", /empty/],
    [{ nonce: "not-a-uuid" }, "nonce", /Reload the page/],
    [{ kind: "threat" }, "kind", /kind of letter/],
  ])("refuses %j with a message by the field, queuing nothing", async (override, field, message) => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const response = await send(id, { kind: "request_letter", to: "righttoknow@city.example", subject: "Records", body: "Please send the records.", nonce: randomUUID(), ...override });
    expect(response.status).toBe(400);
    const { result } = (await response.json()) as { result: { error: Record<string, string[]> } };
    expect(result.error[field]?.[0]).toMatch(message);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.requestId, id))).toHaveLength(0);
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("previews without queuing anything", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const response = await callRoute(lettersPage.action, {
      url: `/requests/${id}/letters`,
      cookie,
      params: { requestId: id },
      form: { intent: "preview", kind: "appeal", to: "righttoknow@city.example", subject: "Appeal", body: "I appeal.", nonce: randomUUID() },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { preview: unknown }).preview).toEqual({ to: "righttoknow@city.example", subject: "Appeal", body: "I appeal." });
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.requestId, id))).toHaveLength(0);
  });

  it("is not possible on another organization's request, or on a malformed id", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    expect((await openLetterPage(id, "request_letter", otherCookie)).status).toBe(404);
    expect((await send(id, { kind: "request_letter", to: "a@city.example", subject: "x", body: "y", nonce: randomUUID() }, otherCookie)).status).toBe(404);
    expect((await openLetterPage("not-a-uuid")).status).toBe(404);
    // An unknown kind in the address falls back to the request letter rather than failing.
    expect((await (await openLetterPage(id, "<script>")).json()) as { kind: string }).toMatchObject({ kind: "request_letter" });
  });
});

describe("the outbox pages", () => {
  it("list only the organization's messages, show failures with their error, and send a failed one again", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const page = await draftFor(id);
    await send(id, { kind: "request_letter", to: "righttoknow@city.example", subject: page.draft.subject, body: page.draft.body, nonce: page.nonce });
    sink.rejectRecipientsWith = 550;
    await worker.drain();
    sink.rejectRecipientsWith = null;
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.requestId, id));
    expect(row!.status).toBe("failed");

    const list = (await (await callRoute(outboxPage.loader, { url: "/outbox?status=failed", cookie })).json()) as { rows: { id: string; lastError: string }[] };
    expect(list.rows.find((r) => r.id === row!.id)?.lastError).toMatch(/550/);
    const theirs = (await (await callRoute(outboxPage.loader, { url: "/outbox", cookie: otherCookie })).json()) as { rows: { id: string }[] };
    expect(theirs.rows.some((r) => r.id === row!.id)).toBe(false);
    expect((await callRoute(outboxMessagePage.loader, { url: `/outbox/${row!.id}`, cookie: otherCookie, params: { messageId: row!.id } })).status).toBe(404);
    expect((await callRoute(outboxMessagePage.action, { url: `/outbox/${row!.id}`, cookie: otherCookie, params: { messageId: row!.id }, form: { intent: "retry" } })).status).toBe(404);
    expect((await callRoute(outboxMessagePage.loader, { url: "/outbox/nope", cookie, params: { messageId: "nope" } })).status).toBe(404);
    expect((await callRoute(outboxPage.loader, { url: "/outbox?status=<x>&page=-4", cookie })).status).toBe(200);

    const retried = await callRoute(outboxMessagePage.action, { url: `/outbox/${row!.id}`, cookie, params: { messageId: row!.id }, form: { intent: "retry" } });
    expect(retried.status).toBe(302);
    await worker.drain();
    const [after] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, row!.id));
    expect(after!.status).toBe("sent");
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["created", "email_queued", "email_failed", "email_sent", "status_changed", "due_date_changed"]);
  });

  it("sends a test message to the signed-in person", async () => {
    const response = await callRoute(outboxPage.action, { url: "/outbox", cookie, form: { intent: "send-test" } });
    expect(response.status).toBe(302);
    await worker.drain();
    const test = sink.arrivals.find((a) => a.envelopeTo[0] === org.admin.email && a.parsed.subject === "JointAsk test message");
    expect(test?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
  });
});
