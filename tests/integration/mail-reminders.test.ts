import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailDigests, organizations, outboxMessages, overdueNotices, requestEvents, requests, users, vendors } from "../../db/schema";
import { changeStatus } from "~/domain/requests.server";
import { OVERDUE_ALERTS_ONE_BY_ONE, runReminders } from "~/domain/mail/reminders.server";
import { smtpTransport } from "~/domain/mail/transport.server";
import { OutboxWorker } from "~/domain/mail/worker.server";
import * as preferencesPage from "~/routes/settings.email";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest, makeVendor, makeVendorRequest, TODAY } from "./factories";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";

// TODAY is 2026-11-23 (a Monday); the organization is in New York, where 08:00 is 13:00 UTC in November.
const at = (iso: string) => new Date(iso);
const BEFORE_EIGHT = at("2026-11-23T12:59:00Z");
const AT_EIGHT = at("2026-11-23T13:00:00Z");
const EVENING = at("2026-11-23T23:30:00Z");
const NEXT_MORNING = at("2026-11-24T13:05:00Z");

let org: Awaited<ReturnType<typeof makeOrganization>>;
let sink: SmtpSink;

/** A submitted request whose stored due date is `dueOn` (set directly, as if the deadline engine had reached it). */
async function submitted(title: string, dueOn: string | null, assigneeId: string | null = null) {
  const { id } = await makeRequest(org.viewer, org.agencyId, { title });
  await changeStatus(org.viewer, id, { status: "submitted" }, TODAY);
  await db.update(requests).set({ dueOn, assigneeId }).where(eq(requests.id, id));
  return id;
}

const outboxOf = (kind: "digest" | "overdue_alert") =>
  db.select().from(outboxMessages).where(and(eq(outboxMessages.organizationId, org.org.id), eq(outboxMessages.kind, kind)));

beforeAll(async () => {
  org = await makeOrganization("Reminders");
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe("overdue alerts", () => {
  // The digests of these days are tested below: here only the alerts go out.
  beforeAll(async () => {
    await db.update(users).set({ emailDigest: false }).where(eq(users.organizationId, org.org.id));
  });
  afterAll(async () => {
    await db.update(users).set({ emailDigest: true }).where(eq(users.organizationId, org.org.id));
  });

  it("go out once when a request becomes overdue, to its assignee or else its requester, at the digest hour", async () => {
    const mine = await submitted("Overdue, unassigned", "2026-11-20");
    const theirs = await submitted("Overdue, assigned", "2026-11-22", org.member.id);
    const stale = await submitted("Overdue for weeks", "2026-10-01");
    await submitted("Not due yet", "2026-11-30");
    const clarification = await submitted("Waiting on us", "2026-11-20");
    await changeStatus(org.viewer, clarification, { status: "clarification_requested" }, TODAY);

    // Overdue since midnight, but nobody is told at night: the alerts wait for the organization's digest hour.
    expect(await runReminders(db, BEFORE_EIGHT, [org.org.id])).toEqual({ alerts: 0, digests: 0, followUps: 0 });
    expect(await outboxOf("overdue_alert")).toHaveLength(0);
    const first = await runReminders(db, AT_EIGHT, [org.org.id]);
    expect(first.alerts).toBe(2);
    const alerts = await outboxOf("overdue_alert");
    expect(alerts.map((a) => [a.requestId, a.toAddress, a.idempotencyKey]).sort()).toEqual(
      [
        [mine, org.admin.email, `overdue:${mine}:2026-11-20`],
        [theirs, org.member.email, `overdue:${theirs}:2026-11-22`],
      ].sort(),
    );
    expect(alerts.every((a) => a.subject.startsWith("Overdue: #"))).toBe(true);
    expect(alerts.some((a) => a.requestId === stale)).toBe(false);

    // However often, and from however many instances, the reminders run, nothing is queued twice.
    await Promise.all([runReminders(db, AT_EIGHT, [org.org.id]), runReminders(db, EVENING, [org.org.id])]);
    expect(await outboxOf("overdue_alert")).toHaveLength(2);

    // Alerts reach the person, but are not correspondence: nothing is added to the request's timeline.
    const transport = smtpTransport(sink.url);
    await new OutboxWorker({ db, transport, organizationId: org.org.id, log: { info: () => {}, warn: () => {}, error: console.error } }).drain();
    transport.close();
    expect(sink.arrivals.filter((a) => a.parsed.subject?.startsWith("Overdue: #"))).toHaveLength(2);
    const kinds = (await db.select().from(requestEvents).where(eq(requestEvents.requestId, mine)).orderBy(asc(requestEvents.seq))).map((e) => e.kind);
    expect(kinds).toEqual(["created", "status_changed", "due_date_changed"]);

    // A new due date that passes is a new alert.
    await db.update(requests).set({ dueOn: "2026-11-21" }).where(eq(requests.id, mine));
    expect((await runReminders(db, AT_EIGHT, [org.org.id])).alerts).toBe(1);
    expect(await outboxOf("overdue_alert")).toHaveLength(3);
  });

  it("respect the person's choice not to get them", async () => {
    await db.update(users).set({ emailOverdueAlerts: false }).where(eq(users.id, org.admin.id));
    const id = await submitted("Overdue, nobody wants to hear", "2026-11-19");
    await runReminders(db, AT_EIGHT, [org.org.id]);
    expect((await outboxOf("overdue_alert")).some((a) => a.requestId === id)).toBe(false);
    await db.update(users).set({ emailOverdueAlerts: true }).where(eq(users.id, org.admin.id));
  });
});

describe("the daily digest", () => {
  it("goes to each coordinator exactly once a day, at the organization's hour in its time zone", async () => {
    await db.update(users).set({ role: "viewer" }).where(eq(users.id, org.member.id));
    expect((await runReminders(db, BEFORE_EIGHT, [org.org.id])).digests).toBe(0);
    expect(await outboxOf("digest")).toHaveLength(0);

    // Several instances reach 08:00 at once.
    const runs = await Promise.all([1, 2, 3, 4].map(() => runReminders(db, AT_EIGHT, [org.org.id])));
    expect(runs.reduce((n, r) => n + r.digests, 0)).toBe(1);
    await runReminders(db, EVENING, [org.org.id]);
    const digests = await outboxOf("digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ toAddress: org.admin.email, recipientUserId: org.admin.id, idempotencyKey: `digest:${org.admin.id}:2026-11-23` });
    expect(digests[0]!.subject).toMatch(/^JointAsk digest for Mon 23 Nov: \d+ overdue/);
    expect(digests[0]!.textBody).toContain("Overdue (");
    expect(digests[0]!.textBody).toContain("Waiting on us (1)");
    const rows = await db.select().from(mailDigests).where(eq(mailDigests.organizationId, org.org.id));
    expect(rows).toEqual([expect.objectContaining({ userId: org.admin.id, localDate: "2026-11-23", outboxMessageId: digests[0]!.id })]);

    // The next day brings the next digest; a later digest hour is respected.
    await db.update(organizations).set({ digestHour: 9 }).where(eq(organizations.id, org.org.id));
    expect((await runReminders(db, NEXT_MORNING, [org.org.id])).digests).toBe(0);
    expect((await runReminders(db, at("2026-11-24T14:00:00Z"), [org.org.id])).digests).toBe(1);
    expect(await outboxOf("digest")).toHaveLength(2);

    // It arrives through SMTP marked as automatic.
    const transport = smtpTransport(sink.url);
    await new OutboxWorker({ db, transport, organizationId: org.org.id, log: { info: () => {}, warn: () => {}, error: console.error } }).drain();
    transport.close();
    const arrived = sink.arrivals.filter((a) => a.parsed.subject?.startsWith("JointAsk digest"));
    expect(arrived).toHaveLength(2);
    expect(arrived[0]!.parsed.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("is not sent to people who opted out, and an empty digest is decided but not sent", async () => {
    const quiet = await makeOrganization("Quiet");
    await db.update(users).set({ emailDigest: false }).where(eq(users.id, quiet.admin.id));
    const summary = await runReminders(db, AT_EIGHT, [quiet.org.id]);
    expect(summary.digests).toBe(0);
    const decided = await db.select().from(mailDigests).where(eq(mailDigests.organizationId, quiet.org.id));
    // The member has nothing to report: the day is marked done, with no message.
    expect(decided).toEqual([expect.objectContaining({ userId: quiet.member.id, outboxMessageId: null })]);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, quiet.org.id))).toHaveLength(0);
  });
});

describe("many requests overdue at once", () => {
  it("fold into one summary per person past a few, each request told once, and later ones alerted one by one", async () => {
    const own = await makeOrganization("Overdue flood");
    await db.update(users).set({ emailDigest: false }).where(eq(users.organizationId, own.org.id));
    const overdue = async (title: string, dueOn: string, assigneeId: string | null) => {
      const { id } = await makeRequest(own.viewer, own.agencyId, { title });
      await changeStatus(own.viewer, id, { status: "submitted" }, TODAY);
      await db.update(requests).set({ dueOn, assigneeId }).where(eq(requests.id, id));
      return id;
    };
    const many: string[] = [];
    for (let i = 0; i < OVERDUE_ALERTS_ONE_BY_ONE + 3; i++) many.push(await overdue(`Flooded ${i}`, "2026-11-20", own.member.id));
    const few = [await overdue("Few 1", "2026-11-21", null), await overdue("Few 2", "2026-11-22", null)];

    expect((await runReminders(db, AT_EIGHT, [own.org.id])).alerts).toBe(1 + few.length);
    const queued = await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, own.org.id));
    const summary = queued.find((m) => m.toAddress === own.member.email)!;
    expect(queued.filter((m) => m.toAddress === own.member.email)).toHaveLength(1);
    expect(summary).toMatchObject({ kind: "overdue_alert", requestId: null, subject: `Overdue: ${many.length} requests` });
    for (let i = 0; i < many.length; i++) expect(summary.textBody).toContain(`Flooded ${i}`);
    expect(summary.textBody).toContain("/chase");
    expect(queued.filter((m) => m.toAddress === own.admin.email).map((m) => m.requestId).sort()).toEqual([...few].sort());
    // Each request is told once: its notice names the message it was in.
    const notices = await db.select().from(overdueNotices).where(inArray(overdueNotices.requestId, [...many, ...few]));
    expect(notices).toHaveLength(many.length + few.length);
    expect(notices.filter((n) => many.includes(n.requestId)).every((n) => n.outboxMessageId === summary.id)).toBe(true);

    // Again, from two instances at once: nothing more.
    await Promise.all([runReminders(db, AT_EIGHT, [own.org.id]), runReminders(db, EVENING, [own.org.id])]);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, own.org.id))).toHaveLength(1 + few.length);

    // The next morning one more becomes overdue: its own alert.
    const next = await overdue("One more", "2026-11-23", own.member.id);
    expect((await runReminders(db, NEXT_MORNING, [own.org.id])).alerts).toBe(1);
    const latest = await db.select().from(outboxMessages).where(and(eq(outboxMessages.organizationId, own.org.id), eq(outboxMessages.requestId, next)));
    expect(latest.map((m) => m.subject)).toEqual([expect.stringMatching(/^Overdue: #\d+ One more$/)]);
  });
});

describe("an address the strict check refuses", () => {
  it("is logged with its context once, and the digest and alert go out when it is corrected", async () => {
    const own = await makeOrganization("Bad address");
    await db.update(users).set({ emailDigest: false }).where(eq(users.id, own.member.id));
    const { id } = await makeRequest(own.viewer, own.agencyId, { title: "Overdue to a bad address" });
    await changeStatus(own.viewer, id, { status: "submitted" }, TODAY);
    await db.update(requests).set({ dueOn: "2026-11-20" }).where(eq(requests.id, id));
    const quoted = `"ana ruiz"@${own.admin.email.split("@")[1]}`;
    await db.update(users).set({ email: quoted }).where(eq(users.id, own.admin.id));

    const errors: string[] = [];
    const log = { info: () => {}, warn: () => {}, error: (message: string) => errors.push(message) };
    expect(await runReminders(db, AT_EIGHT, [own.org.id], log)).toEqual({ alerts: 0, digests: 0, followUps: 0 });
    expect(errors).toHaveLength(2);
    const [alertError, digestError] = [errors.find((e) => e.includes("overdue alert"))!, errors.find((e) => e.includes("digest"))!];
    for (const message of [alertError, digestError]) {
      expect(message).toContain(own.admin.id);
      expect(message).toContain(quoted);
      expect(message).toContain(own.org.id);
      expect(message).toMatch(/refused \(to: .*quoted/);
    }
    expect(alertError).toContain(id);
    expect(digestError).toContain("digest of 2026-11-23");
    // Nothing is queued, and the day is not marked done: it is tried again, but not logged again.
    expect(await db.select().from(mailDigests).where(eq(mailDigests.userId, own.admin.id))).toHaveLength(0);
    await runReminders(db, EVENING, [own.org.id], log);
    expect(errors).toHaveLength(2);

    await db.update(users).set({ email: own.admin.email }).where(eq(users.id, own.admin.id));
    expect(await runReminders(db, EVENING, [own.org.id], log)).toEqual({ alerts: 1, digests: 1, followUps: 0 });
    const queued = await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, own.org.id));
    expect(queued.map((m) => [m.kind, m.toAddress]).sort()).toEqual([
      ["digest", own.admin.email],
      ["overdue_alert", own.admin.email],
    ]);
  });
});

describe("requests to a vendor", () => {
  it("get their overdue alert and their digest lines, named by the vendor", async () => {
    const own = await makeOrganization("Vendor reminders");
    const vendorId = await makeVendor(own.viewer, "Axon Enterprise");
    const late = await makeVendorRequest(own.viewer, vendorId, { title: "Evidence.com audit export" });
    const soon = await makeVendorRequest(own.viewer, vendorId, { title: "Body camera metadata dictionary" });
    for (const [request, dueOn] of [[late, "2026-11-20"], [soon, "2026-11-26"]] as const) {
      await changeStatus(own.viewer, request.id, { status: "submitted" }, TODAY);
      await db.update(requests).set({ dueOn }).where(eq(requests.id, request.id));
    }
    // The vendor's own row is what names it: renaming it renames the lines.
    await db.update(vendors).set({ name: "Axon" }).where(eq(vendors.id, vendorId));

    const summary = await runReminders(db, AT_EIGHT, [own.org.id]);
    // One alert, to the requester (nobody is assigned); a digest to each coordinator (both see unassigned requests).
    expect(summary).toEqual({ alerts: 1, digests: 2, followUps: 0 });
    const mail = await db.select().from(outboxMessages).where(eq(outboxMessages.organizationId, own.org.id));
    const alert = mail.find((m) => m.kind === "overdue_alert")!;
    expect(alert).toMatchObject({ requestId: late.id, toAddress: own.admin.email, idempotencyKey: `overdue:${late.id}:2026-11-20` });
    expect(alert.textBody).toContain(`Axon has not answered request #${late.number}, "Evidence.com audit export"`);
    expect(alert.textBody).toContain("send the vendor a follow-up letter");
    expect(alert.textBody).toContain(`/requests/${late.id}/letters?kind=follow_up`);

    const digest = mail.find((m) => m.kind === "digest" && m.recipientUserId === own.admin.id)!;
    expect(digest.textBody).toMatch(new RegExp(`Overdue \\(1\\)[\\s\\S]*#${late.number} Evidence\\.com audit export — Axon · Submitted`));
    expect(digest.textBody).toMatch(new RegExp(`Due this week \\(1\\)[\\s\\S]*#${soon.number} Body camera metadata dictionary — Axon · Submitted`));
  });
});

describe("email preferences", () => {
  it("let anyone opt out, and only admins change the digest hour", async () => {
    const prefs = await makeOrganization("Prefs");
    const memberCookie = await cookieFor(prefs.member.id);
    const adminCookie = await cookieFor(prefs.admin.id);
    const saved = await callRoute(preferencesPage.action, { url: "/settings/email", cookie: memberCookie, form: { intent: "preferences", overdueAlerts: "on" } });
    expect(saved.status).toBe(302);
    const [member] = await db.select().from(users).where(eq(users.id, prefs.member.id));
    expect(member).toMatchObject({ emailDigest: false, emailOverdueAlerts: true });

    const forbidden = await callRoute(preferencesPage.action, { url: "/settings/email", cookie: memberCookie, form: { intent: "digest-hour", digestHour: "6" } });
    expect(forbidden.status).toBe(403);
    const bad = await callRoute(preferencesPage.action, { url: "/settings/email", cookie: adminCookie, form: { intent: "digest-hour", digestHour: "25" } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ intent: "digest-hour", errors: { digestHour: ["Choose an hour"] } });
    const ok = await callRoute(preferencesPage.action, { url: "/settings/email", cookie: adminCookie, form: { intent: "digest-hour", digestHour: "6" } });
    expect(ok.status).toBe(302);
    const [row] = await db.select().from(organizations).where(eq(organizations.id, prefs.org.id));
    expect(row!.digestHour).toBe(6);
  });
});
