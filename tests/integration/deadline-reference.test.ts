import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencyClosures, jurisdictions, laws, requestEvents } from "../../db/schema";
import { seedReferenceData } from "../../db/seed/reference";
import type { Viewer } from "~/domain/accounts.server";
import { redateAfterReferenceChange } from "~/domain/deadlines.server";
import { draftLetter, letterContext } from "~/domain/mail/letters.server";
import { createAgency, createLocalJurisdiction } from "~/domain/places.server";
import { changeStatus, createRequest, getRequest, logExtension } from "~/domain/requests.server";
import * as agencyPage from "~/routes/agencies.$agencyId";
import * as lawPage from "~/routes/laws.$code";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeMember } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;

async function agencyIn(viewer: Viewer, code: string, town: string, county: string | null = null) {
  const [state] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, code), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(viewer, { name: town, kind: "city", stateId: state!.id, county });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(viewer, { name: `${town} Police`, type: "police", jurisdictionId: city.value.id });
  if (!agency.ok) throw new Error("agency");
  return agency.value.id;
}

async function submitted(agencyId: string, filedOn: string, title = `Ask ${filedOn}`) {
  const result = await createRequest(org.viewer, { title, description: "Stops data", agencyId, initialStatus: "submitted", filedOn, tags: [] }, "2026-12-31");
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value.id;
}

async function dueChanges(id: string) {
  const rows = await db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(requestEvents.seq);
  return rows.filter((e) => e.kind === "due_date_changed").map((e) => ({ ...(e.data as { from: string | null; to: string | null; reason: string }), actorId: e.actorId }));
}

beforeAll(async () => {
  org = await makeOrganization("Reference");
});

describe("an agency's closed days", () => {
  it("re-date its open requests, on their timelines, and removing one re-dates them back", async () => {
    const agency = await agencyIn(org.viewer, "PA", "Stormville");
    // PA, 5 business days: Mon 9 Mar 2026 -> Mon 16 Mar.
    const open = await submitted(agency, "2026-03-09", "Open ask");
    const closed = await submitted(agency, "2026-03-09", "Closed ask");
    await changeStatus(org.viewer, closed, { status: "fulfilled", on: "2026-03-12" }, "2026-03-12");
    expect((await getRequest(org.viewer, open))?.dueOn).toBe("2026-03-16");

    const cookie = await cookieFor(org.admin.id);
    const added = await callRoute(agencyPage.action, {
      url: `/agencies/${agency}`,
      params: { agencyId: agency },
      cookie,
      form: { intent: "add-closure", closedOn: "2026-03-11", reason: "Snowstorm: offices closed" },
    });
    expect(added.status).toBe(302);
    expect((await getRequest(org.viewer, open))?.dueOn).toBe("2026-03-17");
    expect((await dueChanges(open)).at(-1)).toMatchObject({ from: "2026-03-16", to: "2026-03-17", reason: "Agency closed 2026-03-11: Snowstorm: offices closed" });
    // A closed request keeps its dates.
    expect((await dueChanges(closed)).map((c) => c.to)).toEqual(["2026-03-16"]);
    const page = await callRoute(agencyPage.loader, { url: `/agencies/${agency}`, params: { agencyId: agency }, cookie });
    expect(await page.text()).toContain("Snowstorm: offices closed");

    const again = await callRoute(agencyPage.action, {
      url: `/agencies/${agency}`,
      params: { agencyId: agency },
      cookie,
      form: { intent: "add-closure", closedOn: "2026-03-11", reason: "Twice" },
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already on the list");

    const [row] = await db.select().from(agencyClosures).where(eq(agencyClosures.agencyId, agency));
    const removed = await callRoute(agencyPage.action, {
      url: `/agencies/${agency}`,
      params: { agencyId: agency },
      cookie,
      form: { intent: "remove-closure", closureId: row!.id },
    });
    expect(removed.status).toBe(302);
    expect((await getRequest(org.viewer, open))?.dueOn).toBe("2026-03-16");
  });

  it("refuse a bad date or a missing reason with the field named, and non-admins with 403", async () => {
    const agency = await agencyIn(org.viewer, "PA", "Badtown");
    const cookie = await cookieFor(org.admin.id);
    const bad = await callRoute(agencyPage.action, {
      url: `/agencies/${agency}`,
      params: { agencyId: agency },
      cookie,
      form: { intent: "add-closure", closedOn: "2026-02-30", reason: "" },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { closureErrors: Record<string, string[]> };
    expect(body.closureErrors.closedOn?.[0]).toMatch(/real date/);
    expect(body.closureErrors.reason?.[0]).toMatch(/Say why/);
    const coordinator = await makeMember(org, "coordinator");
    const refused = await callRoute(agencyPage.action, {
      url: `/agencies/${agency}`,
      params: { agencyId: agency },
      cookie: await cookieFor(coordinator.id),
      form: { intent: "add-closure", closedOn: "2026-03-11", reason: "Storm" },
    });
    expect(refused.status).toBe(403);
  });
});

describe("county-only days", () => {
  it("count for an agency in that county and not for one elsewhere in the state (MA Evacuation Day, Suffolk)", async () => {
    // MA, 10 business days from Mon 16 Mar 2026; Evacuation Day (Tue 17 Mar) closes Suffolk county offices only.
    const boston = await agencyIn(org.viewer, "MA", "Boston", "Suffolk County");
    const worcester = await agencyIn(org.viewer, "MA", "Worcester", "Worcester");
    const inSuffolk = await getRequest(org.viewer, await submitted(boston, "2026-03-16"));
    const elsewhere = await getRequest(org.viewer, await submitted(worcester, "2026-03-16"));
    expect(elsewhere?.dueOn).toBe("2026-03-30");
    expect(inSuffolk?.dueOn).toBe("2026-03-31");
  });
});

describe("extensions beyond the law", () => {
  it("keep the law's due date and show the agency's as proposed (PA: 30 calendar days at most)", async () => {
    const agency = await agencyIn(org.viewer, "PA", "Extendburg");
    // Mon 2 Nov 2026 -> due Mon 9 Nov; the law allows 30 calendar days more -> Wed 9 Dec.
    const id = await submitted(agency, "2026-11-02");
    const logged = await logExtension(org.viewer, id, { on: "2026-11-05", newDueDate: "2027-01-15", reason: "Backlog", requesterAgreed: false });
    expect(logged?.ok).toBe(true);
    const request = await getRequest(org.viewer, id);
    expect(request?.dueOn).toBe("2026-12-09");
    const snapshot = request?.deadline as { proposedDueDate: string; flags: string[] };
    expect(snapshot.proposedDueDate).toBe("2027-01-15");
    expect(snapshot.flags).toContain("extension_beyond_limit");
  });
});

describe("appeal letters", () => {
  it("go to the body the law names, with the provision and the deadline (PA: the Office of Open Records)", async () => {
    const agency = await agencyIn(org.viewer, "PA", "Appealton");
    const id = await submitted(agency, "2026-11-02");
    await changeStatus(org.viewer, id, { status: "denied", on: "2026-11-06", note: "Exempt" }, "2026-11-06");
    const context = await letterContext(org.viewer, id);
    const letter = await draftLetter("appeal", context!, "2026-11-10");
    expect(letter.text).toMatch(/^November 10, 2026\n\nTo the Office of Open Records/);
    expect(letter.text).toContain(`by ${"Appealton Police"}`);
    expect(letter.text).toContain("I appeal the denial, dated November 6, 2026, by Appealton Police");
    // 15 business days from Fri 6 Nov 2026, skipping Veterans Day, Thanksgiving and the Friday after -> Wed 2 Dec.
    expect(letter.text).toContain("This appeal is made under 65 P.S. § 67.1101(a)(1), within the time the law allows (by December 2, 2026).");
    expect(letter.text).toContain("333 Market Street");
    expect((await getRequest(org.viewer, id))?.appealDueOn).toBe("2026-12-02");
  });
});

describe("the law page", () => {
  it("shows each fact with its source, what is unverified, and the office calendar for this year and next", async () => {
    const response = await callRoute(lawPage.loader, { url: "/laws/TX", params: { code: "TX" }, cookie: await cookieFor(org.admin.id) });
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      explained: {
        facts: { label: string; source: { cite: string; primary: boolean } | null }[];
        calendar: { years: { year: number; days: { date: string; name: string; source: { cite: string } }[] }[] };
        unverified: string[];
      };
    };
    expect(data.explained.facts.map((f) => f.label)).toEqual(expect.arrayContaining(["Response", "Receipt", "Extension", "Appeal", "Deemed denial"]));
    expect(data.explained.calendar.years.map((y) => y.year)).toHaveLength(2);
    const allDays = data.explained.calendar.years.flatMap((y) => y.days);
    expect(allDays.find((d) => d.name === "Lyndon Baines Johnson Day")?.source.cite).toMatch(/662\.003/);
    expect(data.explained.unverified.length).toBeGreaterThan(0);
  });
});

describe("a deploy that changes a jurisdiction's reference", () => {
  it("re-dates the open requests under it, as the app, and a second start changes nothing", async () => {
    const agency = await agencyIn(org.viewer, "PA", "Redateville");
    const id = await submitted(agency, "2026-11-20");
    const before = (await getRequest(org.viewer, id))?.dueOn;
    // As if the database had loaded an older PA reference: the next start sees PA changed.
    await db.update(laws).set({ referenceHash: "an older reference" }).where(eq(laws.jurisdictionCode, "PA"));
    const changed = await seedReferenceData(db);
    expect(changed.map((c) => c.code)).toEqual(["PA"]);
    expect(await seedReferenceData(db)).toEqual([]);
    const redated = await redateAfterReferenceChange(db, changed);
    expect(redated).toBeGreaterThanOrEqual(1);
    // The reference itself did not change, so the date stays and no new entry is written.
    expect((await getRequest(org.viewer, id))?.dueOn).toBe(before);
    expect((await dueChanges(id)).length).toBe(1);
  });
});
