import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, contactBounces, inboundMessages, organizations, outboxMessages, requestEvents, requests } from "../../db/schema";
import { runReminders } from "~/domain/mail/reminders.server";
import { sendLetter } from "~/domain/mail/letters.server";
import * as requestPage from "~/routes/requests.$requestId";
import * as emailSettings from "~/routes/settings.email";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeAgency, makeOrganization, makeRequest } from "./factories";

const quiet = { info: () => {}, warn: () => {}, error: console.error };
// 10:00 in New York (the organizations' time zone), after the 08:00 digest hour.
const NOV_23 = new Date("2026-11-23T15:00:00Z");
const DEC_3 = new Date("2026-12-03T15:00:00Z");

let org: Awaited<ReturnType<typeof makeOrganization>>;
let cookie: string;
let agencyId: string;

beforeAll(async () => {
  org = await makeOrganization("Auto");
  cookie = await cookieFor(org.admin.id);
  ({ agencyId } = await makeAgency(org.viewer, { name: "Overdue Police Department", place: "Overdueville" }));
  await db.update(agencies).set({ recordsContactEmail: "records@overdueville.example" }).where(eq(agencies.id, agencyId));
});

/** A submitted request whose answer was due on 10 November. */
async function overdueRequest(trackingNumber: string | null = null) {
  const request = await makeRequest(org.viewer, agencyId, { initialStatus: "submitted" });
  await db.update(requests).set({ dueOn: "2026-11-10", trackingNumber }).where(eq(requests.id, request.id));
  return request;
}

const autoLetters = (requestId: string) =>
  db.select().from(outboxMessages).where(and(eq(outboxMessages.requestId, requestId), like(outboxMessages.idempotencyKey, "auto-follow-up:%")));

describe("automatic follow-ups", () => {
  it("are off until an admin turns them on, with an interval between 1 and 365 days", async () => {
    const request = await overdueRequest();
    expect((await runReminders(db, NOV_23, [org.org.id], quiet)).followUps).toBe(0);
    expect(await autoLetters(request.id)).toEqual([]);

    const bad = await callRoute(emailSettings.action, { url: "/settings/email", cookie, form: { intent: "auto-follow-up", enabled: "on", intervalDays: "0" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { intervalDays: string[] } }).errors.intervalDays[0]).toMatch(/between 1 and 365/);
    const member = await cookieFor(org.member.id);
    const refused = await callRoute(emailSettings.action, { url: "/settings/email", cookie: member, form: { intent: "auto-follow-up", enabled: "on", intervalDays: "10" } });
    expect(refused.status).toBe(403);

    const saved = await callRoute(emailSettings.action, { url: "/settings/email", cookie, form: { intent: "auto-follow-up", enabled: "on", intervalDays: "10" } });
    expect(saved.status).toBe(302);
    const [row] = await db.select({ enabled: organizations.autoFollowUpEnabled, days: organizations.autoFollowUpIntervalDays }).from(organizations).where(eq(organizations.id, org.org.id));
    expect(row).toEqual({ enabled: true, days: 10 });
  });

  it("send each overdue request's letter once per date, on the timeline, and again N days later", async () => {
    const request = await overdueRequest("PRR-2026-77");
    await runReminders(db, NOV_23, [org.org.id], quiet);
    // Any number of passes the same day (every minute, on every instance) queue it once.
    await Promise.all([runReminders(db, NOV_23, [org.org.id], quiet), runReminders(db, NOV_23, [org.org.id], quiet)]);
    const letters = await autoLetters(request.id);
    // Due 10 Nov: the first overdue day is 11 Nov, then every 10 days; on 23 Nov the date due is 21 Nov.
    expect(letters.map((l) => [l.idempotencyKey, l.kind, l.toAddress, l.createdById])).toEqual([
      [`auto-follow-up:${request.id}:2026-11-21`, "follow_up", "records@overdueville.example", null],
    ]);
    expect(letters[0]!.subject).toContain("PRR-2026-77");
    expect(letters[0]!.textBody).toMatch(/a response was due by November 10, 2026/i);
    const events = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, request.id), eq(requestEvents.kind, "email_queued")));
    expect(events).toEqual([expect.objectContaining({ actorId: null, data: expect.objectContaining({ automatic: true, letterKind: "follow_up", outboxMessageId: letters[0]!.id }) })]);

    await runReminders(db, DEC_3, [org.org.id], quiet);
    expect((await autoLetters(request.id)).map((l) => l.idempotencyKey).sort()).toEqual([
      `auto-follow-up:${request.id}:2026-11-21`,
      `auto-follow-up:${request.id}:2026-12-01`,
    ]);
  });

  it("leave out a request turned off on its page, one answered, one whose letter bounced, and a date someone already followed up on", async () => {
    const off = await overdueRequest();
    const response = await callRoute(requestPage.action, { url: `/requests/${off.id}`, cookie, params: { requestId: off.id }, form: { intent: "auto-follow-up", autoFollowUp: "off" } });
    expect(response.status).toBe(302);
    const edited = await db.select().from(requestEvents).where(and(eq(requestEvents.requestId, off.id), eq(requestEvents.kind, "edited")));
    expect(edited.at(-1)!.data).toEqual({ changes: [{ field: "autoFollowUp", label: "Automatic follow-ups", from: "on", to: "off" }] });

    const answered = await overdueRequest();
    await db.update(requests).set({ status: "fulfilled" }).where(eq(requests.id, answered.id));

    const bounced = await overdueRequest();
    const [inbound] = await db
      .insert(inboundMessages)
      .values({ organizationId: org.org.id, requestId: bounced.id, status: "filed", channel: "upload", messageId: `<${randomUUID()}@x.example>`, rawKey: "x", rawSize: 1, classification: "bounce" })
      .returning();
    await db.insert(contactBounces).values({ organizationId: org.org.id, requestId: bounced.id, agencyId, inboundMessageId: inbound!.id, address: "old@overdueville.example", reason: "550 5.1.1 User unknown" });

    const followedUp = await overdueRequest();
    const sent = await sendLetter(org.viewer, followedUp.id, { kind: "follow_up", to: "records@overdueville.example", subject: "Follow-up", body: "Any news?", nonce: randomUUID() }, "2026-11-23");
    expect(sent?.ok).toBe(true);
    // Sent by hand on 23 November (the clock of this test), the day an automatic one would go out.
    await db.update(outboxMessages).set({ createdAt: NOV_23 }).where(eq(outboxMessages.requestId, followedUp.id));

    await runReminders(db, NOV_23, [org.org.id], quiet);
    for (const request of [off, answered, bounced, followedUp]) expect(await autoLetters(request.id)).toEqual([]);
  });

  it("go out only at the organization's hour, and not at all once turned off", async () => {
    const request = await overdueRequest();
    expect((await runReminders(db, new Date("2026-11-23T11:00:00Z"), [org.org.id], quiet)).followUps).toBe(0); // 06:00 in New York
    await db.update(organizations).set({ autoFollowUpEnabled: false }).where(eq(organizations.id, org.org.id));
    expect((await runReminders(db, NOV_23, [org.org.id], quiet)).followUps).toBe(0);
    expect(await autoLetters(request.id)).toEqual([]);
    await db.update(organizations).set({ autoFollowUpEnabled: true }).where(eq(organizations.id, org.org.id));
  });
});
