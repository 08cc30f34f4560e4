import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { REQUEST_STATUSES, type RequestStatus } from "../../db/schema/values";
import { communications, requestEvents, requests } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { canTransition } from "~/domain/request-status";
import {
  addNote,
  assignRequest,
  changeStatus,
  getRequest,
  getTimeline,
  logCommunication,
  updateRequest,
} from "~/domain/requests.server";
import * as requestPage from "~/routes/requests.$requestId";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest, TODAY } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
beforeAll(async () => {
  org = await makeOrganization("Life");
});

async function eventsOf(requestId: string) {
  return db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(requestEvents.seq);
}

async function statusEventsOf(requestId: string) {
  return (await eventsOf(requestId)).filter((e) => e.kind === "status_changed");
}

describe("the request timeline", () => {
  it("records every change in order, with who did it", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId, { title: "Calls for service" });
    expect((await changeStatus(org.viewer, id, { status: "submitted" }, TODAY))?.ok).toBe(true);
    expect((await changeStatus(org.viewer, id, { status: "acknowledged", note: "Tracking no. 26-1" }, TODAY))?.ok).toBe(true);
    expect((await addNote(org.viewer, id, "Called the clerk"))?.ok).toBe(true);
    expect(
      (await logCommunication(org.viewer, id, { direction: "incoming", channel: "email", occurredOn: TODAY, summary: "Agency asked to narrow" }))?.ok,
    ).toBe(true);
    expect((await assignRequest(org.viewer, id, org.member.id))?.ok).toBe(true);

    const timeline = await getTimeline(org.viewer, id);
    expect(timeline.map((e) => e.kind)).toEqual([
      "created",
      "status_changed",
      "due_date_changed",
      "status_changed",
      "note_added",
      "communication_logged",
      "assignment_changed",
    ]);
    expect(timeline[2]!.data).toMatchObject({ from: null, reason: "Status changed to Submitted" });
    expect(timeline[3]!.data).toEqual({ from: "submitted", to: "acknowledged", on: TODAY, note: "Tracking no. 26-1" });
    expect(timeline[6]!.data).toMatchObject({ toId: org.member.id, toName: org.member.name });
    expect(timeline.every((e) => e.actorName === org.admin.name)).toBe(true);

    const request = await getRequest(org.viewer, id);
    expect(request?.status).toBe("acknowledged");
    expect(request?.filedOn).toBe(TODAY);
    expect(request?.assigneeId).toBe(org.member.id);
    const logged = await db.select().from(communications).where(eq(communications.requestId, id));
    expect(logged).toHaveLength(1);
  });

  it("records an edit with what changed, old and new", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId, { title: "Old title" });
    const result = await updateRequest(org.viewer, id, {
      title: "New title",
      description: "Record-level stop data with subject race and a hashed officer id.",
      agencyId: org.agencyId,
      requesterId: org.admin.id,
      trackingNumber: "RTK-9",
      tags: ["stops", "joint ask"],
    });
    expect(result?.ok && result.value.changed).toBe(3);
    const edited = (await eventsOf(id)).find((e) => e.kind === "edited");
    expect(edited?.data).toEqual({
      changes: [
        { field: "title", label: "Title", from: "Old title", to: "New title" },
        { field: "trackingNumber", label: "Tracking number", from: null, to: "RTK-9" },
        { field: "tags", label: "Tags", from: "stops", to: "stops, joint ask" },
      ],
    });
    const again = await updateRequest(org.viewer, id, {
      title: "New title",
      description: "Record-level stop data with subject race and a hashed officer id.",
      agencyId: org.agencyId,
      requesterId: org.admin.id,
      trackingNumber: "RTK-9",
      tags: ["stops", "joint ask"],
    });
    expect(again?.ok && again.value.changed).toBe(0);
    expect((await eventsOf(id)).filter((e) => e.kind === "edited")).toHaveLength(1);
  });
});

describe("the status transition table", () => {
  it.each(REQUEST_STATUSES.map((from) => [from]))("from %s: allowed moves succeed, others are refused and write nothing", async (from) => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    for (const to of REQUEST_STATUSES) {
      await db.update(requests).set({ status: from as RequestStatus }).where(eq(requests.id, id));
      const before = (await statusEventsOf(id)).length;
      const allBefore = (await eventsOf(id)).length;
      const result = await changeStatus(org.viewer, id, { status: to }, TODAY);
      const [row] = await db.select({ status: requests.status }).from(requests).where(eq(requests.id, id));
      if (from !== to && canTransition(from, to)) {
        expect(result?.ok, `${from} -> ${to}`).toBe(true);
        expect(row!.status).toBe(to);
        expect((await statusEventsOf(id)).length).toBe(before + 1);
      } else {
        expect(result?.ok, `${from} -> ${to}`).toBe(false);
        if (result && !result.ok) expect(result.fieldErrors.status?.[0]).toMatch(/can't move|already/);
        expect(row!.status).toBe(from);
        expect((await eventsOf(id)).length).toBe(allBefore);
      }
    }
  });
});

describe("a failed action", () => {
  it("writes nothing when the event can't be recorded: the status change is rolled back", async () => {
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const before = await eventsOf(id);
    // A viewer whose user row does not exist: the status update succeeds, the event's foreign key fails.
    const ghost: Viewer = { ...org.viewer, id: "00000000-0000-4000-8000-000000000000" };
    await expect(changeStatus(ghost, id, { status: "submitted" }, TODAY)).rejects.toThrow();
    const [row] = await db.select().from(requests).where(eq(requests.id, id));
    expect(row!.status).toBe("draft");
    expect(row!.filedOn).toBeNull();
    expect(await eventsOf(id)).toEqual(before);
    await expect(logCommunication(ghost, id, { direction: "incoming", channel: "email", occurredOn: TODAY, summary: "x" })).rejects.toThrow();
    expect(await db.select().from(communications).where(eq(communications.requestId, id))).toHaveLength(0);
  });

  it("answers bad form input with 400 and field messages, and writes nothing", async () => {
    const cookie = await cookieFor(org.admin.id);
    const { id } = await makeRequest(org.viewer, org.agencyId);
    const before = await eventsOf(id);
    const cases: Array<[Record<string, string>, string]> = [
      [{ intent: "change-status", status: "fulfilled" }, "status"],
      [{ intent: "change-status", status: "not-a-status" }, "status"],
      [{ intent: "add-note", body: "   " }, "body"],
      [{ intent: "log-communication", direction: "incoming", channel: "email", occurredOn: "2026-02-30", summary: "x" }, "occurredOn"],
      [{ intent: "log-communication", direction: "incoming", channel: "email", occurredOn: "2999-01-01", summary: "x" }, "occurredOn"],
      [{ intent: "assign", assigneeId: "nobody" }, "assigneeId"],
    ];
    for (const [form, field] of cases) {
      const response = await callRoute(requestPage.action, { url: `/requests/${id}`, cookie, params: { requestId: id }, form });
      expect(response.status, JSON.stringify(form)).toBe(400);
      const body = (await response.json()) as { result: { error: Record<string, string[]> } };
      expect(body.result.error[field]?.length, JSON.stringify(form)).toBeGreaterThan(0);
    }
    const unknownIntent = await callRoute(requestPage.action, { url: `/requests/${id}`, cookie, params: { requestId: id }, form: { intent: "delete-everything" } });
    expect(unknownIntent.status).toBe(400);
    expect(await eventsOf(id)).toEqual(before);
  });
});
