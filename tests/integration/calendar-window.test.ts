import ICAL from "ical.js";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jurisdictions } from "../../db/schema";
import { CALENDAR_MAX_EVENTS, CALENDAR_MAX_PAST, calendarFor, createCalendarFeed } from "~/domain/calendar-feed.server";
import { createAgency, createLocalJurisdiction } from "~/domain/places.server";
import { addDays } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { makeOrganization } from "./factories";

const TODAY = "2026-11-23";

async function agencyOf(viewer: Awaited<ReturnType<typeof makeOrganization>>["viewer"], name: string) {
  const [state] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, "PA"), isNull(jurisdictions.organizationId)));
  const city = await createLocalJurisdiction(viewer, { name: `${name} Town`, kind: "city", stateId: state!.id });
  if (!city.ok) throw new Error("city");
  const agency = await createAgency(viewer, { name: `${name} Police`, type: "police", jurisdictionId: city.value.id });
  if (!agency.ok) throw new Error("agency");
  return agency.value.id;
}

/** Open requests due on each day from `first` days after TODAY, `perDay` a day, for `days` days. */
async function dueSpread(org: Awaited<ReturnType<typeof makeOrganization>>, agencyId: string, first: number, days: number, perDay: number) {
  await db.execute(sql`
    insert into requests (organization_id, number, title, description, agency_id, requester_id, status, filed_on, received_on, due_on)
    select ${org.viewer.organizationId}::uuid, g, 'Spread ' || g, 'x', ${agencyId}::uuid, ${org.admin.id}::uuid, 'awaiting_response',
           ${TODAY}::date - 90, ${TODAY}::date - 90, ${TODAY}::date + ${first}::int + (g - 1) / ${perDay}::int
      from generate_series(1, ${days * perDay}::int) g`);
}

const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    // ical.js leaves an X- property's TEXT escaping in place.
    description: String(calendar.getFirstPropertyValue("x-wr-caldesc")).replace(/\\([,;\\])/g, "$1"),
    days: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).startDate.toString()),
  };
};

describe("the calendar feed's window and cap", () => {
  let small: Awaited<ReturnType<typeof makeOrganization>>;
  let big: Awaited<ReturnType<typeof makeOrganization>>;
  beforeAll(async () => {
    small = await makeOrganization("Window");
    // Due every day from 60 days ago to 400 days ahead, one a day.
    await dueSpread(small, await agencyOf(small.viewer, "Window"), -60, 461, 1);
    big = await makeOrganization("Cap");
    // 8 a day from 40 days ago to 460 days ahead: far more than the cap.
    await dueSpread(big, await agencyOf(big.viewer, "Cap"), -40, 500, 8);
  });

  it("covers the past 30 days to a year ahead, and says so", async () => {
    const feed = parse((await calendarFor(await createCalendarFeed(small.viewer), "https://x.example", db, TODAY))!);
    expect(feed.days).toHaveLength(30 + 366);
    expect(feed.days[0]).toBe(addDays(TODAY, -30));
    expect(feed.days.at(-1)).toBe(addDays(TODAY, 365));
    expect(feed.description).toContain("the past 30 days to a year ahead");
    expect(feed.description).not.toContain("nearest");
  });

  it("keeps the nearest dates when there are more than it carries: the recent past, then the coming days", async () => {
    const feed = parse((await calendarFor(await createCalendarFeed(big.viewer), "https://x.example", db, TODAY))!);
    expect(feed.days).toHaveLength(CALENDAR_MAX_EVENTS);
    const past = feed.days.filter((d) => d < TODAY);
    expect(past).toHaveLength(Math.min(30 * 8, CALENDAR_MAX_PAST));
    expect(past.length).toBeLessThanOrEqual(CALENDAR_MAX_PAST);
    expect(past[0]).toBe(addDays(TODAY, -30));
    // In date order, and the upcoming part is the earliest upcoming days: TODAY onward, 8 a day.
    expect([...feed.days].sort()).toEqual(feed.days);
    const upcoming = feed.days.filter((d) => d >= TODAY);
    expect(upcoming[0]).toBe(TODAY);
    expect(upcoming.at(-1)).toBe(addDays(TODAY, Math.ceil(upcoming.length / 8) - 1));
    expect(feed.description).toContain(`only the ${CALENDAR_MAX_EVENTS.toLocaleString("en-US")} nearest dates`);
  });
});
