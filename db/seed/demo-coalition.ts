import { and, eq, isNull } from "drizzle-orm";
import { createOrganization, createUser, viewerFor } from "../../app/domain/accounts.server";
import { adoptCampaignAsk, readCampaignAsk } from "../../app/domain/fields.server";
import { changeStatus, createRequest, setRequestCampaign } from "../../app/domain/requests.server";
import { createAgency, createLocalJurisdiction } from "../../app/domain/places.server";
import { createProduct, createVendor } from "../../app/domain/vendors.server";
import { createSystem } from "../../app/domain/systems.server";
import { setRequestVisibility } from "../../app/domain/visibility.server";
import type { Result } from "../../app/domain/results";
import { addDays } from "../../app/utils/dates";
import type { Executor } from "../client";
import { coalitionMembers, coalitions, jurisdictions, requests } from "../schema";

export const PARTNER_EMAIL = "partner@example.org";
export const PARTNER_ORGANIZATION = "Bay Area Records Collective";
export const DEMO_COALITION = "Police Data Coalition";
/** The partner's request it keeps private: other members must never see it. */
export const PARTNER_PRIVATE_TITLE = "Gunshot-detection alerts and dispatch outcomes (draft, not shared)";

function must<T>(result: Result<T> | null, what: string): T {
  if (!result || !result.ok) throw new Error(`demo seed: ${what}: ${result ? JSON.stringify(result.fieldErrors) : "not found"}`);
  return result.value;
}

/**
 * A second organization in a coalition with the demo one: it shares a request in the demo's joint ask, keeps
 * one private, publishes one, and shares its vendor knowledge. The demo organization makes two of its own
 * requests public (one under embargo) and one private.
 */
export async function seedDemoCoalition(
  db: Executor,
  demo: { organizationId: string; userId: string; campaignId: string },
  today: string,
  password: string,
): Promise<void> {
  const org = await createOrganization(db, { name: PARTNER_ORGANIZATION, timeZone: "America/Los_Angeles" });
  const admin = await createUser(db, { organizationId: org.id, email: PARTNER_EMAIL, name: "Priya Partner", password, role: "admin" });
  const [coalition] = await db
    .insert(coalitions)
    .values({ name: DEMO_COALITION, foundedByOrganizationId: demo.organizationId, createdById: demo.userId })
    .returning({ id: coalitions.id });
  await db.insert(coalitionMembers).values([
    { coalitionId: coalition!.id, organizationId: demo.organizationId, addedById: demo.userId },
    { coalitionId: coalition!.id, organizationId: org.id, addedById: demo.userId },
  ]);
  const partner = (await viewerFor(db, admin.id))!;
  const demoViewer = (await viewerFor(db, demo.userId))!;

  const [ca] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(and(eq(jurisdictions.code, "CA"), isNull(jurisdictions.organizationId)));
  const richmond = must(await createLocalJurisdiction(partner, { name: "Richmond", kind: "city", stateId: ca!.id }, db), "Richmond");
  const berkeley = must(await createLocalJurisdiction(partner, { name: "Berkeley", kind: "city", stateId: ca!.id }, db), "Berkeley");
  const richmondPd = must(
    await createAgency(partner, { name: "Richmond Police Department", type: "police", jurisdictionId: richmond.id, recordsContactEmail: "records@richmondca.example" }, db),
    "Richmond PD",
  );
  const berkeleyPd = must(
    await createAgency(partner, { name: "Berkeley Police Department", type: "police", jurisdictionId: berkeley.id, recordsContactEmail: "records@berkeleyca.example" }, db),
    "Berkeley PD",
  );

  // Vendor knowledge the partner shares with the coalition.
  const flock = must(await createVendor(partner, { name: "Flock Safety", website: "https://www.flocksafety.com" }, db), "Flock");
  const falcon = must(await createProduct(partner, flock.id, { name: "Flock ALPR cameras", systemType: "license_plate_readers" }, db), "Flock ALPR");
  must(
    await createSystem(
      partner,
      richmondPd.id,
      { systemType: "license_plate_readers", productId: falcon.id, confidence: "confirmed", evidenceUrl: "https://richmondca.example/council/2023-flock-contract.pdf" },
      null,
      db,
    ),
    "Richmond ALPR",
  );

  const stops = must(
    await createRequest(
      partner,
      {
        title: "Traffic stops 2021–present (Richmond)",
        description: "Record-level RIPA stop data from 1 January 2021 to the present, with a pseudonymous officer identifier.",
        agencyId: richmondPd.id,
        initialStatus: "submitted",
        filedOn: addDays(today, -10),
        method: "email",
        tags: ["stops", "joint ask"],
        visibility: "coalition",
      },
      today,
      db,
    ),
    "partner stops request",
  );
  must(await setRequestCampaign(partner, stops.id, demo.campaignId, db), "partner joins the joint ask");
  // Joining gives it the joint ask's ask, as its own organization's rows (as adding it by number does).
  const campaignAsk = await readCampaignAsk(demo.campaignId, db);
  if (campaignAsk) await db.transaction((tx) => adoptCampaignAsk(tx, partner, stops.id, campaignAsk));
  must(await changeStatus(partner, stops.id, { status: "acknowledged", on: addDays(today, -8) }, today, db), "acknowledged");

  must(
    await createRequest(
      partner,
      {
        title: PARTNER_PRIVATE_TITLE,
        description: "Alert-level data from the gunshot-detection system and what dispatch did with each alert. Kept private until the coalition's report is ready.",
        agencyId: richmondPd.id,
        initialStatus: "draft",
        tags: ["gunshot detection"],
        visibility: "private",
      },
      today,
      db,
    ),
    "partner private request",
  );

  const uof = must(
    await createRequest(
      partner,
      {
        title: "Use-of-force reports 2020–present (Berkeley)",
        description: "Use-of-force reports since 2020 at the record level, with subject race/ethnicity and a pseudonymous officer identifier.",
        agencyId: berkeleyPd.id,
        initialStatus: "submitted",
        filedOn: addDays(today, -45),
        method: "email",
        tags: ["use of force"],
        visibility: "coalition",
      },
      today,
      db,
    ),
    "partner use-of-force request",
  );
  must(await changeStatus(partner, uof.id, { status: "acknowledged", on: addDays(today, -40) }, today, db), "acknowledged");
  must(await changeStatus(partner, uof.id, { status: "fulfilled", on: addDays(today, -6), note: "Received a CSV of 2,314 reports with hashed officer ids." }, today, db), "fulfilled");
  must(await setRequestVisibility(partner, uof.id, { visibility: "public" }, {}, db), "published");

  // The demo organization's own choices.
  const byTitle = async (title: string) => {
    const [row] = await db
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.organizationId, demo.organizationId), eq(requests.title, title)))
      .limit(1);
    return row!.id;
  };
  must(await setRequestVisibility(demoViewer, await byTitle("Board meeting minutes 2025"), { visibility: "public" }, {}, db), "minutes public");
  must(
    await setRequestVisibility(demoViewer, await byTitle("Contracts with the RMS vendor"), { visibility: "public", embargoUntil: addDays(today, 14) }, {}, db),
    "contracts embargoed",
  );
  must(await setRequestVisibility(demoViewer, await byTitle("Surveillance technology inventory"), { visibility: "private" }, {}, db), "inventory private");
}

