import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, isNull } from "drizzle-orm";
import { agencies, jurisdictions, requestEvents, requests } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { chaseBoard, chaseCounts } from "~/domain/chase.server";
import { createCalendarFeed, revokeCalendarFeed, listCalendarFeeds } from "~/domain/calendar-feed.server";
import { createAgency, createLocalJurisdiction, updateAgency } from "~/domain/places.server";
import { changeStatus, createRequest, getRequest, logExtension, logFollowUp, setAgreedDate, updateRequest } from "~/domain/requests.server";
import * as apiDeadlines from "~/routes/api.v1.deadlines";
import * as apiRequest from "~/routes/api.v1.requests.$requestId";
import * as calendarRoute from "~/routes/calendar.$token";
import * as lawPage from "~/routes/laws.$code";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization } from "./factories";

/**
 * The calendar feed as served on `today` (the feed covers a window around the server's date): the clock is set
 * for the one call, so these dated tests don't depend on when they run.
 */
async function feedOn(today: string, url: string, token: string) {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${today}T12:00:00Z`) });
  try {
    return await callRoute(calendarRoute.loader, { url, params: { token } });
  } finally {
    vi.useRealTimers();
  }
}

let org: Awaited<ReturnType<typeof makeOrganization>>;
const agencyIn: Record<string, string> = {};

async function agencyInState(viewer: Viewer, code: string) {
  const [state] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, code), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(viewer, { name: `Town in ${code}`, kind: "city", stateId: state!.id });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(viewer, { name: `${code} Police`, type: "police", jurisdictionId: city.value.id });
  if (!agency.ok) throw new Error("agency");
  return agency.value.id;
}

beforeAll(async () => {
  org = await makeOrganization("Clock");
  for (const code of ["PA", "CA", "WI"]) agencyIn[code] = await agencyInState(org.viewer, code);
});

async function submitted(code: string, receivedOn: string, title = `Ask ${code} ${receivedOn}`) {
  const result = await createRequest(
    org.viewer,
    { title, description: "Stops data", agencyId: agencyIn[code]!, initialStatus: "submitted", filedOn: receivedOn, tags: [] },
    "2026-12-31",
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value.id;
}

async function dueEvents(id: string) {
  const rows = await db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(requestEvents.seq);
  return rows.filter((e) => e.kind === "due_date_changed").map((e) => e.data as { from: string | null; to: string | null; reason: string });
}

describe("due dates on requests", () => {
  it("are set when a request is submitted, from the law of the agency's state, with the change on the timeline", async () => {
    // PA: 5 business days, counting from the day after receipt, skipping Christmas (Fri 25 Dec 2026).
    const id = await submitted("PA", "2026-12-21");
    const request = await getRequest(org.viewer, id);
    expect(request?.dueOn).toBe("2026-12-29");
    expect(request?.dueStatutory).toBe(true);
    expect(request?.dueBasis).toContain("5 business days");
    expect(await dueEvents(id)).toEqual([{ from: null, to: "2026-12-29", reason: "Request submitted", statutory: true, basis: request?.dueBasis, flags: [] }]);
  });

  it("roll a calendar-day deadline off a weekend (CA: 10 calendar days)", async () => {
    // Received Wed 2 Dec 2026 + 10 calendar days = Sat 12 Dec -> Mon 14 Dec.
    const id = await submitted("CA", "2026-12-02");
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-12-14");
  });

  it("give no statutory date where the law has none, only the organization's follow-up date", async () => {
    const id = await submitted("WI", "2026-11-09");
    const request = await getRequest(org.viewer, id);
    expect(request?.dueOn).toBeNull();
    expect(request?.dueStatutory).toBe(false);
    // 10 business days after Mon 9 Nov 2026; Wisconsin offices are open on Veterans Day (Wis. Stat. 230.35(4)) -> Mon 23 Nov.
    expect(request?.followUpOn).toBe("2026-11-23");
    expect(request?.dueBasis).toMatch(/not statutory/);
  });

  it("stop while the agency waits on us and resume with the days that were left", async () => {
    // PA, received Mon 2 Nov 2026: due Mon 9 Nov. Paused Wed 4 Nov after 2 business days; 3 left.
    const id = await submitted("PA", "2026-11-02");
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-11-09");
    await changeStatus(org.viewer, id, { status: "clarification_requested", on: "2026-11-04" }, "2026-12-31");
    expect((await getRequest(org.viewer, id))?.dueOn).toBeNull();
    // Resumed Tue 17 Nov: 3 business days later is Fri 20 Nov.
    await changeStatus(org.viewer, id, { status: "awaiting_response", on: "2026-11-17" }, "2026-12-31");
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-11-20");
    expect((await dueEvents(id)).map((e) => [e.from, e.to])).toEqual([
      [null, "2026-11-09"],
      ["2026-11-09", null],
      [null, "2026-11-20"],
    ]);
    expect((await dueEvents(id))[2]!.reason).toBe("Status changed to Awaiting response");
  });

  it("move with an extension; one beyond the law's limit is flagged unless the requester agreed", async () => {
    // PA allows 30 calendar days of extension. Received Mon 2 Nov: due Mon 9 Nov; limit Wed 9 Dec.
    const within = await submitted("PA", "2026-11-02", "within");
    const ok = await logExtension(org.viewer, within, { on: "2026-11-05", days: 30, reason: "Records in storage", requesterAgreed: false });
    expect(ok?.ok && ok.value.beyondLimit).toBe(false);
    expect((await getRequest(org.viewer, within))?.dueOn).toBe("2026-12-09");

    const beyond = await submitted("PA", "2026-11-02", "beyond");
    const flagged = await logExtension(org.viewer, beyond, { on: "2026-11-05", newDueDate: "2027-01-15", reason: "Backlog", requesterAgreed: false });
    expect(flagged?.ok && flagged.value.beyondLimit).toBe(true);
    const flags = ((await getRequest(org.viewer, beyond))?.deadline as { flags: string[] }).flags;
    expect(flags).toContain("extension_beyond_limit");
    const lastDue = (await dueEvents(beyond)).at(-1) as { flags?: string[]; reason: string };
    expect(lastDue.flags).toContain("extension_beyond_limit");
    expect(lastDue.reason).toBe("Extension: Backlog");

    const agreed = await submitted("PA", "2026-11-02", "agreed");
    const fine = await logExtension(org.viewer, agreed, { on: "2026-11-05", newDueDate: "2027-01-15", reason: "Rolling release", requesterAgreed: true });
    expect(fine?.ok && fine.value.beyondLimit).toBe(false);
    expect((await getRequest(org.viewer, agreed))?.dueOn).toBe("2027-01-15");
  });

  it("take an agreed date, and refuse extensions that make no sense", async () => {
    const id = await submitted("PA", "2026-11-02", "agreed date");
    expect((await setAgreedDate(org.viewer, id, { on: "2026-11-06", dueDate: "2026-12-01", reason: "Phone call with the officer" }))?.ok).toBe(true);
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-12-01");
    const earlier = await logExtension(org.viewer, id, { on: "2026-11-07", newDueDate: "2026-11-20", reason: "x", requesterAgreed: false });
    expect(earlier?.ok).toBe(false);
    const before = await setAgreedDate(org.viewer, id, { on: "2026-11-06", dueDate: "2026-10-01", reason: "typo" });
    expect(before?.ok).toBe(false);
  });

  it("move when the received date is corrected, saying why", async () => {
    const id = await submitted("PA", "2026-12-21", "after hours");
    const request = (await getRequest(org.viewer, id))!;
    await updateRequest(org.viewer, id, {
      title: request.title,
      description: request.description,
      agencyId: request.agencyId!,
      requesterId: request.requesterId,
      filedOn: "2026-12-21",
      receivedOn: "2026-12-22",
      tags: [],
    });
    // Received Tue 22 Dec: 23, 24, 28, 29, 30 -> Wed 30 Dec.
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-12-30");
    expect((await dueEvents(id)).at(-1)).toMatchObject({ from: "2026-12-29", to: "2026-12-30", reason: "Edited received date" });
  });

  it("follow an agency's own rule, and re-date its requests when the rule changes", async () => {
    const id = await submitted("PA", "2026-11-02", "agency rule");
    const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyIn.PA!));
    const result = await updateAgency(org.viewer, agency!.id, {
      name: agency!.name,
      type: agency!.type,
      jurisdictionId: agency!.jurisdictionId,
      deadlineRuleDays: 10,
      deadlineRuleDayType: "business",
      deadlineRuleReason: "Published records policy 2025",
    });
    expect(result?.ok).toBe(true);
    // 10 business days after Mon 2 Nov 2026, skipping Veterans Day -> Tue 17 Nov.
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-11-17");
    expect((await dueEvents(id)).at(-1)?.reason).toMatch(/Agency rule set: 10 business days/);
    await updateAgency(org.viewer, agency!.id, { name: agency!.name, type: agency!.type, jurisdictionId: agency!.jurisdictionId });
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-11-09");
  });
});

describe("correcting the law table", () => {
  it("is for admins only, keeps who and why, and re-dates the organization's requests under that law", async () => {
    const other = await makeOrganization("OtherLaw");
    const otherAgency = await agencyInState(other.viewer, "CA");
    const otherRequest = await createRequest(other.viewer, { title: "x", description: "y", agencyId: otherAgency, initialStatus: "submitted", filedOn: "2026-12-02", tags: [] }, "2026-12-31");
    const id = await submitted("CA", "2026-12-02", "law correction");

    const memberCookie = await cookieFor(org.member.id);
    const refused = await callRoute(lawPage.action, {
      url: "/laws/CA",
      cookie: memberCookie,
      params: { code: "CA" },
      form: { intent: "correct-law", responseDays: "12", dayType: "calendar", reason: "testing the guard" },
    });
    expect(refused.status).toBe(403);

    const adminCookie = await cookieFor(org.admin.id);
    const missingReason = await callRoute(lawPage.action, { url: "/laws/CA", cookie: adminCookie, params: { code: "CA" }, form: { intent: "correct-law", responseDays: "12", dayType: "calendar" } });
    expect(missingReason.status).toBe(400);
    const saved = await callRoute(lawPage.action, {
      url: "/laws/CA",
      cookie: adminCookie,
      params: { code: "CA" },
      form: { intent: "correct-law", responseDays: "15", dayType: "calendar", extensionDays: "14", extensionDayType: "calendar", reason: "Local ordinance gives 15 days" },
    });
    expect(saved.status).toBe(302);
    // 15 calendar days after Wed 2 Dec = Thu 17 Dec (was Mon 14 Dec under the reference 10 days).
    expect((await getRequest(org.viewer, id))?.dueOn).toBe("2026-12-17");
    expect((await dueEvents(id)).at(-1)).toMatchObject({ from: "2026-12-14", to: "2026-12-17", reason: "Law table corrected (CA): Local ordinance gives 15 days" });
    // Another organization keeps the reference law.
    expect((await getRequest(other.viewer, otherRequest.ok ? otherRequest.value.id : ""))?.dueOn).toBe("2026-12-14");
    const page = await callRoute(lawPage.loader, { url: "/laws/CA", cookie: adminCookie, params: { code: "CA" } });
    const body = (await page.json()) as { law: { responseDays: number }; history: { reason: string; by: string }[] };
    expect(body.law.responseDays).toBe(15);
    expect(body.history[0]).toMatchObject({ reason: "Local ordinance gives 15 days", by: org.admin.name });
    const otherPage = await callRoute(lawPage.loader, { url: "/laws/CA", cookie: await cookieFor(other.admin.id), params: { code: "CA" } });
    expect(((await otherPage.json()) as { law: { responseDays: number } }).law.responseDays).toBe(10);
  });
});

describe("the chase board", () => {
  it("puts an overdue request under 'chase now'; logging a follow-up moves it and schedules the next one", async () => {
    const chaser = await makeOrganization("Chase");
    const agency = await agencyInState(chaser.viewer, "PA");
    const created = await createRequest(chaser.viewer, { title: "Overdue ask", description: "x", agencyId: agency, initialStatus: "submitted", filedOn: "2026-11-02", tags: [] }, "2026-11-23");
    const id = created.ok ? created.value.id : "";
    const today = "2026-11-23"; // due Mon 9 Nov: overdue
    const sectionOf = async () => (await chaseBoard(chaser.viewer, today)).find((s) => s.groups.some((g) => g.rows.some((r) => r.id === id)))?.key;
    expect(await sectionOf()).toBe("overdue");
    expect((await chaseCounts(chaser.viewer, today)).overdue).toBe(1);

    const logged = await logFollowUp(chaser.viewer, id, { channel: "email" }, today);
    expect(logged?.ok && logged.value.nextActionOn).toBe("2026-11-30");
    expect(await sectionOf()).toBe("overdue_scheduled");
    expect(await chaseCounts(chaser.viewer, today)).toEqual({ overdue: 0, attention: 0 });
    // When the next action date comes, it is back to chase.
    expect((await chaseBoard(chaser.viewer, "2026-11-30")).find((s) => s.key === "overdue")?.total).toBe(1);
    const kinds = (await db.select().from(requestEvents).where(eq(requestEvents.requestId, id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["communication_logged", "edited"]));
  });

  it("puts requests waiting on us and due soon in their own sections", async () => {
    const chaser = await makeOrganization("Chase2");
    const agency = await agencyInState(chaser.viewer, "PA");
    const make = async (filedOn: string) => {
      const r = await createRequest(chaser.viewer, { title: filedOn, description: "x", agencyId: agency, initialStatus: "submitted", filedOn, tags: [] }, "2026-11-23");
      return r.ok ? r.value.id : "";
    };
    const soon = await make("2026-11-18"); // due Wed 25 Nov, two days on
    const waiting = await make("2026-11-19");
    await changeStatus(chaser.viewer, waiting, { status: "fee_requested", on: "2026-11-20" }, "2026-11-23");
    const board = await chaseBoard(chaser.viewer, "2026-11-23");
    const keyOf = (id: string) => board.find((s) => s.groups.some((g) => g.rows.some((r) => r.id === id)))?.key;
    expect(keyOf(soon)).toBe("due_soon");
    expect(keyOf(waiting)).toBe("waiting_on_us");
    expect(board.find((s) => s.key === "due_soon")!.groups[0]!.assigneeName).toBe("Unassigned");
  });
});

describe("the chase board's follow-up and no-next-action sections", () => {
  it("sorts WI requests by follow-up and next action, grouped by assignee with the unassigned last", async () => {
    const board = await makeOrganization("Groups");
    const wi = await agencyInState(board.viewer, "WI");
    const make = async (title: string, filedOn: string, extra: { assigneeId?: string; nextActionOn?: string } = {}) => {
      const created = await createRequest(board.viewer, { title, description: "x", agencyId: wi, initialStatus: "submitted", filedOn, tags: [], ...extra }, "2026-11-24");
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      return created.value.id;
    };
    // WI has no deadline: the policy follow-up is 10 business days on. Filed Mon 9 Nov -> follow up Mon 23 Nov.
    const policyDue = await make("Policy follow-up", "2026-11-09", { assigneeId: board.member.id });
    // Filed Fri 20 Nov -> follow up Mon 7 Dec; a next action set for today brings it up now.
    const actionDue = await make("Next action today", "2026-11-20", { assigneeId: board.admin.id, nextActionOn: "2026-11-24" });
    // Nothing due and nothing planned: made unassigned first, so the order below is by name, not by creation.
    const idleNobody = await make("Idle unassigned", "2026-11-20");
    const idleMember = await make("Idle member", "2026-11-20", { assigneeId: board.member.id });
    const idleAdmin = await make("Idle admin", "2026-11-20", { assigneeId: board.admin.id });
    // Planned for later: on no list.
    const planned = await make("Planned later", "2026-11-20", { nextActionOn: "2026-12-10" });

    const today = "2026-11-24";
    const sections = await chaseBoard(board.viewer, today);
    const section = (key: string) => sections.find((s) => s.key === key)!;
    const groupsOf = (key: string) => section(key).groups.map((g) => [g.assigneeName, g.rows.map((r) => r.id)]);

    expect(groupsOf("follow_up")).toEqual([
      [board.admin.name, [actionDue]],
      [board.member.name, [policyDue]],
    ]);
    expect(section("follow_up").total).toBe(2);
    expect(groupsOf("no_next_action")).toEqual([
      [board.admin.name, [idleAdmin]],
      [board.member.name, [idleMember]],
      ["Unassigned", [idleNobody]],
    ]);
    expect(section("no_next_action").groups.at(-1)!.assigneeId).toBeNull();
    for (const key of ["overdue", "waiting_on_us", "due_soon", "overdue_scheduled"]) expect(section(key).total, key).toBe(0);
    expect(sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.id)))).not.toContain(planned);
    // Follow-ups need attention; requests with no next action don't count in the navigation.
    expect(await chaseCounts(board.viewer, today)).toEqual({ overdue: 0, attention: 2 });

    // The day before, the policy date has not come: that request has no next action either.
    const dayBefore = await chaseBoard(board.viewer, "2026-11-22");
    expect(dayBefore.find((s) => s.key === "no_next_action")!.groups.flatMap((g) => g.rows.map((r) => r.id))).toContain(policyDue);
  });
});

describe("a partly answered request", () => {
  it("stays open: still overdue, on the chase board, in the counts, the calendar feed and the API", async () => {
    const partial = await makeOrganization("Partial");
    const agency = await agencyInState(partial.viewer, "PA");
    // PA, received Mon 2 Nov 2026: due Mon 9 Nov. Part of the records came on Tue 10 Nov; the rest is still owed.
    const created = await createRequest(partial.viewer, { title: "Half answered", description: "x", agencyId: agency, initialStatus: "submitted", filedOn: "2026-11-02", tags: [] }, "2026-11-23");
    const id = created.ok ? created.value.id : "";
    const moved = await changeStatus(partial.viewer, id, { status: "partially_fulfilled", on: "2026-11-10" }, "2026-11-23");
    expect(moved?.ok).toBe(true);
    expect((await getRequest(partial.viewer, id))?.dueOn).toBe("2026-11-09");

    const today = "2026-11-23";
    const board = await chaseBoard(partial.viewer, today);
    expect(board.find((s) => s.key === "overdue")?.groups.flatMap((g) => g.rows.map((r) => r.id))).toEqual([id]);
    expect(await chaseCounts(partial.viewer, today)).toEqual({ overdue: 1, attention: 1 });

    const cookie = await cookieFor(partial.admin.id);
    const api = (await (await callRoute(apiRequest.loader, { url: `/api/v1/requests/${id}`, cookie, params: { requestId: id } })).json()) as { data: Record<string, unknown> };
    expect(api.data).toMatchObject({ status: "partially_fulfilled", dueDate: "2026-11-09", overdue: true });

    const token = await createCalendarFeed(partial.viewer);
    const feed = await feedOn("2026-12-05", `/calendar/${token}.ics`, `${token}.ics`);
    const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.filter((e) => e.summary.startsWith("Due: ")).map((e) => [e.summary, e.startDate.toString()])).toEqual([
      [expect.stringContaining("Half answered"), "2026-11-09"],
    ]);

    // The agency can still extend the time for the rest.
    const extended = await logExtension(partial.viewer, id, { on: "2026-11-12", newDueDate: "2026-12-04", reason: "Rest of the records", requesterAgreed: false });
    expect(extended?.ok).toBe(true);
    expect((await getRequest(partial.viewer, id))?.dueOn).toBe("2026-12-04");
  });
});

describe("calendar feeds", () => {
  it("serve valid iCalendar with the viewer's open deadlines, and stop working when revoked", async () => {
    const owner = await makeOrganization("Feed");
    const agency = await agencyInState(owner.viewer, "PA");
    await createRequest(owner.viewer, { title: "Feed ask", description: "x", agencyId: agency, initialStatus: "submitted", filedOn: "2026-12-21", nextActionOn: "2026-12-23", tags: [] }, "2026-12-31");
    const token = await createCalendarFeed(owner.viewer);
    const response = await feedOn("2026-12-05", `/calendar/${token}.ics`, `${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/text\/calendar/);
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const due = events.find((e) => e.summary.startsWith("Due: "));
    expect(due?.summary).toContain("Feed ask");
    expect(due?.startDate.toString()).toBe("2026-12-29");
    expect(events.some((e) => e.summary.startsWith("Next action: ") && e.startDate.toString() === "2026-12-23")).toBe(true);
    // Nothing from another organization.
    expect(text).not.toContain("Clock");
    expect((await listCalendarFeeds(owner.viewer))[0]?.lastUsedAt).not.toBeNull();

    const [feed] = await listCalendarFeeds(owner.viewer);
    expect(await revokeCalendarFeed(org.viewer, feed!.id)).toBe(false); // not yours
    expect(await revokeCalendarFeed(owner.viewer, feed!.id)).toBe(true);
    const revoked = await feedOn("2026-12-05", `/calendar/${token}.ics`, `${token}.ics`);
    expect(revoked.status).toBe(404);
    const garbage = await callRoute(calendarRoute.loader, { url: "/calendar/x.ics", params: { token: "../../etc/passwd" } });
    expect(garbage.status).toBe(404);
  });
});

describe("calendar feed entries", () => {
  it("carry acknowledgement and appeal deadlines, follow-up dates and one entry per extension", async () => {
    const owner = await makeOrganization("Entries");
    const agencies = Object.fromEntries(await Promise.all(["NY", "PA", "WI"].map(async (code) => [code, await agencyInState(owner.viewer, code)] as const)));
    const file = async (code: string, title: string, filedOn: string) => {
      const created = await createRequest(owner.viewer, { title, description: "x", agencyId: agencies[code]!, initialStatus: "submitted", filedOn, tags: [] }, "2026-12-31");
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      return created.value.id;
    };
    // NY acknowledges within 5 business days: received Mon 2 Nov 2026, skipping Election Day (Tue 3 Nov, a NY
    // holiday) -> Tue 10 Nov.
    await file("NY", "Acknowledge me", "2026-11-02");
    // PA, denied Tue 3 Nov 2026: 15 business days to appeal, skipping Veterans Day -> Wed 25 Nov.
    const denied = await file("PA", "Denied ask", "2026-11-02");
    expect((await changeStatus(owner.viewer, denied, { status: "denied", on: "2026-11-03" }, "2026-12-31"))?.ok).toBe(true);
    // WI has no fixed deadline: follow up after 10 business days, Mon 9 Nov -> Tue 24 Nov.
    await file("WI", "No deadline ask", "2026-11-09");
    // PA, due Mon 9 Nov; extended by 10 calendar days (-> Thu 19 Nov), then to Fri 4 Dec.
    const extended = await file("PA", "Extended ask", "2026-11-02");
    expect((await logExtension(owner.viewer, extended, { on: "2026-11-05", days: 10, reason: "Records off site", requesterAgreed: false }))?.ok).toBe(true);
    expect((await logExtension(owner.viewer, extended, { on: "2026-11-18", newDueDate: "2026-12-04", reason: "Legal review", requesterAgreed: true }))?.ok).toBe(true);

    const token = await createCalendarFeed(owner.viewer);
    const response = await feedOn("2026-12-05", `/calendar/${token}.ics`, `${token}.ics`);
    expect(response.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const entries = (title: string) =>
      events.filter((e) => e.summary.includes(title)).map((e) => ({ summary: e.summary.replace(/ [A-Z][A-Z0-9]{1,7}-\d+ .*$/, ""), on: e.startDate.toString(), description: e.description }));

    // NY: 5 business days from Mon 2 Nov 2026; state offices stay open on Election Day -> Mon 9 Nov.
    expect(entries("Acknowledge me").find((e) => e.summary === "Acknowledgement due:")?.on).toBe("2026-11-09");
    expect(entries("Denied ask")).toEqual([{ summary: "Appeal deadline:", on: "2026-11-25", description: "Last day to appeal the denial." }]);
    const followUps = entries("No deadline ask");
    expect(followUps.map((e) => [e.summary, e.on])).toEqual([["Follow up:", "2026-11-23"]]);
    expect(followUps[0]!.description).toContain("not a statutory deadline");

    const onExtended = entries("Extended ask");
    expect(onExtended.filter((e) => e.summary === "Due:").map((e) => e.on)).toEqual(["2026-12-04"]);
    const extensions = onExtended.filter((e) => e.summary === "Extended due:");
    expect(extensions.map((e) => e.on)).toEqual(["2026-11-19", "2026-12-04"]);
    expect(extensions[0]!.description).toContain("Records off site");
    expect(extensions[0]!.description).toContain("from Mon 9 Nov 2026 to Thu 19 Nov 2026");
    expect(extensions[1]!.description).toContain("Legal review");
    // Every entry has its own UID, so calendar apps keep them apart.
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });
});

describe("the deadline API", () => {
  it("answers the public calculator without sign-in", async () => {
    const response = await callRoute(apiDeadlines.loader, { url: "/api/v1/deadlines?jurisdiction=pa&received=2026-12-21" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      jurisdiction: "PA",
      lawName: "Right-to-Know Law",
      dueDate: "2026-12-29",
      dayType: "business",
      days: 5,
      extensionDays: 30,
      extensionDayType: "calendar",
      noFixedDeadline: false,
    });
    const wisconsin = (await (await callRoute(apiDeadlines.loader, { url: "/api/v1/deadlines?jurisdiction=WI&received=2026-12-21" })).json()) as Record<string, unknown>;
    expect(wisconsin).toMatchObject({ dueDate: null, dayType: "none", days: null, noFixedDeadline: true });
  });

  it.each([
    ["/api/v1/deadlines?jurisdiction=ZZ&received=2026-12-21", "jurisdiction"],
    ["/api/v1/deadlines?jurisdiction=Pennsylvania&received=2026-12-21", "jurisdiction"],
    ["/api/v1/deadlines?jurisdiction=PA&received=2026-02-30", "received"],
    ["/api/v1/deadlines?jurisdiction=PA", "received"],
  ])("answers %s with 400 naming %s", async (url, field) => {
    const response = await callRoute(apiDeadlines.loader, { url });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBeTruthy();
    expect(Object.keys(body.fieldErrors)).toContain(field);
  });

  it("puts dueDate, dueBasis, overdue and nextActionDate on requests", async () => {
    const id = await submitted("PA", "2026-11-02", "api fields");
    const cookie = await cookieFor(org.admin.id);
    const response = await callRoute(apiRequest.loader, { url: `/api/v1/requests/${id}`, cookie, params: { requestId: id } });
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ dueDate: "2026-11-09", overdue: true, nextActionDate: null });
    expect(String(data.dueBasis)).toContain("Right-to-Know Law");
    await db.update(requests).set({ status: "fulfilled" }).where(eq(requests.id, id));
    const closed = (await (await callRoute(apiRequest.loader, { url: `/api/v1/requests/${id}`, cookie, params: { requestId: id } })).json()) as { data: Record<string, unknown> };
    expect(closed.data.overdue).toBe(false);
  });
});
