import { and, count, eq, isNull, sql } from "drizzle-orm";
import { createOrganization, createUser, viewerFor, type Viewer } from "../../app/domain/accounts.server";
import { refreshDeadline } from "../../app/domain/deadlines.server";
import { DEFAULT_AGENCY_LETTER } from "../../app/domain/letters";
import { refreshMemberships } from "../../app/domain/memberships.server";
import { addDays } from "../../app/utils/dates";
import type { Executor } from "../client";
import { agencies, agencySystems, campaigns, communications, jurisdictions, organizations, products, requestEvents, requests, users } from "../schema";
import type { AgencyType, CommunicationChannel, RequestStatus, SubmissionMethod, SystemConfidence, SystemType } from "../schema/values";
import { seedDemoCoalition } from "./demo-coalition";
import { seedDemoCampaignAsk, seedDemoFields } from "./demo-fields";
import { seedDemoMail } from "./demo-mail";
import { seedVendorCatalog } from "./vendors";

export const DEMO_EMAIL = "demo@example.org";
export const DEMO_PASSWORD = "demo-password";
export const DEMO_ORGANIZATION = "Three Rivers Police Data Coalition";

interface CitySpec {
  name: string;
  kind: "city" | "county" | "regional";
  state: string;
  agencies: Array<{ key: string; name: string; type: AgencyType; email?: string; portal?: string; contact?: string }>;
}

const CITIES: CitySpec[] = [
  {
    name: "Harrisburg",
    kind: "city",
    state: "PA",
    agencies: [
      { key: "hbg-police", name: "Harrisburg Bureau of Police", type: "police", email: "righttoknow@harrisburgpa.example", contact: "Open Records Officer" },
      { key: "hbg-clerk", name: "Harrisburg City Clerk", type: "city_clerk", email: "clerk@harrisburgpa.example" },
    ],
  },
  {
    name: "Oakland",
    kind: "city",
    state: "CA",
    agencies: [
      { key: "oak-police", name: "Oakland Police Department", type: "police", portal: "https://oaklandca.nextrequest.example/", contact: "Records Division" },
      { key: "oak-cpra", name: "Oakland Community Police Review Agency", type: "oversight_board", email: "cpra@oaklandca.example" },
    ],
  },
  {
    name: "Madison",
    kind: "city",
    state: "WI",
    agencies: [
      { key: "msn-police", name: "Madison Police Department", type: "police", email: "mpdrecords@cityofmadison.example", contact: "Records Custodian" },
    ],
  },
  {
    name: "Dane County",
    kind: "county",
    state: "WI",
    agencies: [
      { key: "dane-sheriff", name: "Dane County Sheriff's Office", type: "sheriff", email: "records@danesheriff.example" },
      { key: "dane-911", name: "Dane County Public Safety Communications", type: "dispatch_911", email: "911records@countyofdane.example" },
    ],
  },
];

type Step = [status: RequestStatus, daysAgo: number, note?: string];
interface RequestSpec {
  agency: string;
  title: string;
  description: string;
  steps: Step[];
  assignee?: "demo" | "maya" | "sam";
  method?: SubmissionMethod;
  tracking?: string;
  nextActionIn?: number;
  tags?: string[];
  notes?: Array<[daysAgo: number, body: string]>;
  communications?: Array<[daysAgo: number, direction: "outgoing" | "incoming", channel: CommunicationChannel, summary: string]>;
}

const STOPS =
  "Record-level data on all traffic and pedestrian stops from 1 January 2021 to the present, in CSV or another machine-readable format: date, time, location, reason for stop, search conducted and basis, outcome, subject race/ethnicity, sex and age, and a pseudonymous officer identifier (a one-way hash of the badge number). Please withhold names and addresses rather than the whole record.";
const CFS =
  "All calls for service from 1 January 2022 to the present as a database export: call received, dispatched, on-scene and cleared times, initial and final call type, priority, disposition, officer-initiated flag, and beat or district. No names or street addresses are needed.";
const COMPLAINTS =
  "Complaints against officers and their investigations since 2018: complaint id, date, allegation category, finding, discipline imposed, complainant race/ethnicity, and a pseudonymous officer identifier.";
const UOF =
  "Use-of-force reports since 2020 at the record level: date, force type, subject injured, officer injured, subject race/ethnicity, sex and age, and a pseudonymous officer identifier.";

const REQUESTS: RequestSpec[] = [
  { agency: "hbg-police", title: "Traffic stops 2021–present", description: STOPS, steps: [["submitted", 12], ["acknowledged", 9]], assignee: "demo", method: "email", tracking: "RTK-2026-0412", tags: ["stops", "joint ask"], communications: [[9, "incoming", "email", "Acknowledgement from the Open Records Officer; says a 30-day extension may be needed."]] },
  { agency: "hbg-police", title: "Use-of-force reports 2020–present", description: UOF, steps: [["submitted", 40], ["awaiting_response", 33], ["denied", 5, "Denied as exempt investigative records under 708(b)(17)."]], assignee: "maya", method: "email", tracking: "RTK-2026-0388", tags: ["use of force"] },
  { agency: "hbg-police", title: "Calls for service 2022–present", description: CFS, steps: [["submitted", 3]], assignee: "sam", method: "email", tags: ["calls for service"] },
  { agency: "hbg-clerk", title: "Contracts with the RMS vendor", description: "Contracts, amendments, statements of work and purchase orders with the vendor of the police records management system since 2015.", steps: [["submitted", 20], ["fulfilled", 6, "Received 3 PDFs: master agreement and two amendments."]], assignee: "demo", method: "email", tags: ["vendor", "contracts"] },
  { agency: "hbg-clerk", title: "Council agenda items on CAD/RMS purchase", description: "Council agenda packets and minutes that discuss purchasing or renewing the computer-aided dispatch or records management system, 2015 to present.", steps: [], assignee: "maya", tags: ["vendor"] },
  { agency: "oak-police", title: "Stop data (RIPA) 2022–present", description: STOPS, steps: [["submitted", 18], ["acknowledged", 16], ["clarification_requested", 8, "Asked us to narrow the date range."]], assignee: "demo", method: "portal", tracking: "26-1184", tags: ["stops", "joint ask"], nextActionIn: 2, communications: [[8, "incoming", "portal", "Records asked whether we need pedestrian stops as well as vehicle stops."]] },
  { agency: "oak-police", title: "Calls for service 2022–present", description: CFS, steps: [["submitted", 30], ["acknowledged", 28], ["partially_fulfilled", 4, "Received 2022–2023; 2024 onward still being compiled."]], assignee: "sam", method: "portal", tracking: "26-0977", tags: ["calls for service"] },
  { agency: "oak-police", title: "Use-of-force reports 2020–present", description: UOF, steps: [["submitted", 25], ["fee_requested", 10, "Estimate of $180 for programming time."]], assignee: "maya", method: "portal", tracking: "26-1020", tags: ["use of force", "fees"], nextActionIn: -1 },
  { agency: "oak-police", title: "Body camera policy and audit logs", description: "Current body-worn camera policy and the audit-log export showing when footage was viewed, 2024 to present.", steps: [["submitted", 60], ["denied", 45], ["appealed", 30, "Appeal filed with the City Attorney."]], assignee: "demo", method: "portal", tracking: "25-8812", tags: ["bodycam"] },
  { agency: "oak-cpra", title: "Complaints and investigations since 2018", description: COMPLAINTS, steps: [["submitted", 14], ["acknowledged", 12]], assignee: "sam", method: "email", tags: ["complaints"], notes: [[11, "Staff said the case-management export has an officer id column."]] },
  { agency: "oak-cpra", title: "Board meeting minutes 2025", description: "Minutes of all board meetings held in 2025.", steps: [["submitted", 50], ["fulfilled", 41]], method: "email", tags: [] },
  { agency: "msn-police", title: "Traffic stops 2021–present", description: STOPS, steps: [["submitted", 22], ["acknowledged", 20]], assignee: "demo", method: "email", tracking: "MPD-26-551", tags: ["stops", "joint ask"], nextActionIn: 0 },
  { agency: "msn-police", title: "Field contact cards 2020–present", description: "Field interview / contact card data since 2020: date, location, reason, subject race/ethnicity, sex and age, and a pseudonymous officer identifier.", steps: [["submitted", 35], ["no_responsive_records", 15, "Department says it does not record field contacts electronically."]], assignee: "maya", method: "email", tags: ["field contacts"] },
  { agency: "msn-police", title: "Complaints and internal investigations since 2018", description: COMPLAINTS, steps: [["submitted", 9]], assignee: "sam", method: "mail", tags: ["complaints"] },
  { agency: "msn-police", title: "Calls for service export", description: CFS, steps: [["submitted", 70], ["acknowledged", 66], ["denied", 50], ["appealed", 40], ["in_litigation", 20, "Petition filed in circuit court."]], assignee: "demo", method: "email", tags: ["calls for service", "litigation"] },
  { agency: "dane-sheriff", title: "Jail booking data 2023", description: "Booking records for 2023: booking date, charge, release date and reason, race/ethnicity, sex, age. No names.", steps: [["submitted", 16], ["awaiting_response", 10]], assignee: "maya", method: "email", tags: [] },
  { agency: "dane-sheriff", title: "Use-of-force reports 2020–present", description: UOF, steps: [["submitted", 5], ["withdrawn", 2, "Duplicate of a request filed by a partner organization."]], method: "email", tags: ["use of force"] },
  { agency: "dane-911", title: "CAD call-type codes and dispositions", description: "The list of call-type codes, priorities and disposition codes used in the county's computer-aided dispatch system, with their descriptions.", steps: [["submitted", 28], ["fulfilled", 19, "Code tables received as XLSX."]], assignee: "sam", method: "email", tags: ["calls for service", "vendor"] },
  { agency: "dane-911", title: "Calls for service for Madison 2022–present", description: CFS, steps: [["submitted", 11], ["acknowledged", 7]], assignee: "demo", method: "email", tags: ["calls for service", "joint ask"], notes: [[6, "The county hosts CAD for Madison: ask here, not at MPD."]] },
  { agency: "oak-police", title: "Surveillance technology inventory", description: "The current inventory of surveillance technologies reported under the city's surveillance ordinance.", steps: [], tags: ["vendor"] },
];

export async function organizationCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}

export async function demoUserExists(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  return Boolean(row);
}

/**
 * The demo coalition: three cities (and the county that hosts one's dispatch), their departments, three
 * people and about twenty requests in every kind of state, dated relative to `today`.
 */
export async function seedDemo(db: Executor, today: string): Promise<{ organizationId: string }> {
  const org = await createOrganization(db, { name: DEMO_ORGANIZATION, timeZone: "America/New_York" });
  const demo = await createUser(db, { organizationId: org.id, email: DEMO_EMAIL, name: "Dana Demo", password: DEMO_PASSWORD, role: "admin" });
  const maya = await createUser(db, { organizationId: org.id, email: "maya@example.org", name: "Maya Torres", password: DEMO_PASSWORD });
  const sam = await createUser(db, { organizationId: org.id, email: "sam@example.org", name: "Sam Okafor", password: DEMO_PASSWORD, role: "advocate" });
  const people = { demo, maya, sam };

  const agencyIds = new Map<string, { id: string; name: string }>();
  for (const city of CITIES) {
    const [state] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(and(eq(jurisdictions.code, city.state), isNull(jurisdictions.organizationId)));
    const [place] = await db
      .insert(jurisdictions)
      .values({ organizationId: org.id, kind: city.kind, name: city.name, stateId: state!.id })
      .returning({ id: jurisdictions.id });
    for (const a of city.agencies) {
      const [row] = await db
        .insert(agencies)
        .values({
          organizationId: org.id,
          jurisdictionId: place!.id,
          name: a.name,
          type: a.type,
          recordsContactName: a.contact ?? null,
          recordsContactEmail: a.email ?? null,
          portalUrl: a.portal ?? null,
          createdById: demo.id,
        })
        .returning({ id: agencies.id });
      agencyIds.set(a.key, { id: row!.id, name: a.name });
    }
  }

  const at = (daysAgo: number, hour: number) => new Date(Date.parse(`${addDays(today, -daysAgo)}T${String(hour).padStart(2, "0")}:00:00Z`));
  let number = 0;
  const createdRequests: Array<{ id: string; title: string; lastEventAt: Date }> = [];
  for (const spec of REQUESTS) {
    number += 1;
    const agency = agencyIds.get(spec.agency)!;
    const firstDay = Math.max(spec.steps[0]?.[1] ?? 1, ...(spec.notes ?? []).map((n) => n[0])) + 1;
    const finalStatus = spec.steps.at(-1)?.[0] ?? "draft";
    const filedStep = spec.steps.find(([s]) => s === "submitted");
    const assignee = spec.assignee ? people[spec.assignee] : null;
    const [request] = await db
      .insert(requests)
      .values({
        organizationId: org.id,
        number,
        title: spec.title,
        description: spec.description,
        agencyId: agency.id,
        requesterId: demo.id,
        assigneeId: assignee?.id ?? null,
        status: finalStatus,
        filedOn: filedStep ? addDays(today, -filedStep[1]) : null,
        receivedOn: filedStep ? addDays(today, -filedStep[1]) : null,
        method: spec.method ?? null,
        trackingNumber: spec.tracking ?? null,
        nextActionOn: spec.nextActionIn === undefined ? null : addDays(today, spec.nextActionIn),
        tags: spec.tags ?? [],
        createdById: demo.id,
        createdAt: at(firstDay, 13),
        updatedAt: at(Math.min(...spec.steps.map((s) => s[1]), firstDay), 15),
      })
      .returning({ id: requests.id });
    
    const events: Array<{ at: Date; kind: typeof requestEvents.$inferInsert.kind; actorId: string; data: Record<string, unknown> }> = [
      { at: at(firstDay, 13), kind: "created", actorId: demo.id, data: { status: "draft", title: spec.title } },
    ];
    if (assignee) {
      events.push({ at: at(firstDay, 14), kind: "assignment_changed", actorId: demo.id, data: { fromId: null, fromName: null, toId: assignee.id, toName: assignee.name } });
    }
    let previous: RequestStatus = "draft";
    for (const [status, daysAgo, note] of spec.steps) {
      events.push({ at: at(daysAgo, 15), kind: "status_changed", actorId: (assignee ?? demo).id, data: { from: previous, to: status, ...(note ? { note } : {}) } });
      previous = status;
    }
    for (const [daysAgo, body] of spec.notes ?? []) {
      events.push({ at: at(daysAgo, 16), kind: "note_added", actorId: (assignee ?? demo).id, data: { body } });
    }
    for (const [daysAgo, direction, channel, summary] of spec.communications ?? []) {
      const occurredOn = addDays(today, -daysAgo);
      const [communication] = await db
        .insert(communications)
        .values({ organizationId: org.id, requestId: request!.id, direction, channel, occurredOn, summary, createdById: (assignee ?? demo).id })
        .returning({ id: communications.id });
      events.push({ at: at(daysAgo, 17), kind: "communication_logged", actorId: (assignee ?? demo).id, data: { communicationId: communication!.id, direction, channel, occurredOn, summary } });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const event of events) {
      await db.insert(requestEvents).values({
        organizationId: org.id,
        requestId: request!.id,
        kind: event.kind,
        actorId: event.actorId,
        occurredAt: event.at,
        data: event.data,
      });
    }
    // The request's last event in the story; the demo joint ask is joined just after it (so the timeline, read in
    // its written order, stays in date order).
    createdRequests.push({ id: request!.id, title: spec.title, lastEventAt: new Date(events.at(-1)!.at.getTime() + 5 * 60_000) });
    if (filedStep) {
      const viewer: Viewer = { id: demo.id, organizationId: org.id, organizationName: org.name, organizationCode: org.shortCode, timeZone: org.timeZone, email: demo.email, name: demo.name, role: "admin", partnerOrganizationIds: [] };
      const last = events.at(-1)!.at;
      await refreshDeadline(db, viewer, request!.id, "Deadline worked out from the law and the timeline", {
        occurredAt: new Date(last.getTime() + 60_000),
      });
    }
  }
  await db.update(organizations).set({ lastRequestNumber: number }).where(eq(organizations.id, org.id));
  await seedDemoFields(db, org.id, demo.id);
  const campaignId = await seedDemoSystems(db, org.id, demo.id, agencyIds, createdRequests, today);
  // A letter in the outbox, an agency's reply with a file, and the fields that file brought (see demo-mail.ts).
  const demoViewer = (await viewerFor(db, demo.id))!;
  await seedDemoMail(db, demoViewer, (n) => createdRequests[n - 1]!, today);
  await seedDemoCoalition(db, { organizationId: org.id, userId: demo.id, campaignId }, today, DEMO_PASSWORD);
  return { organizationId: org.id };
}

type DemoSystem = [agency: string, systemType: SystemType, target: { product: string } | { host: string }, extra?: { since?: string; confidence?: SystemConfidence; evidence?: string; notes?: string }];

const RMS = "Enterprise Law Enforcement Records (New World RMS)";

/** Who runs what in the demo: the cities share Tyler's RMS, and the county 911 center hosts CAD for Madison and the sheriff. */
const SYSTEMS: DemoSystem[] = [
  ["hbg-police", "records_management", { product: RMS }, { since: "2014-01-01", confidence: "confirmed", evidence: "https://harrisburgpa.example/council/2013-12-10-agenda.pdf" }],
  ["msn-police", "records_management", { product: RMS }, { since: "2016-05-01", confidence: "likely", notes: "Records request forms carry the New World report header." }],
  ["dane-sheriff", "records_management", { product: RMS }, { confidence: "reported", notes: "Part of the Dane County records consortium." }],
  ["dane-911", "computer_aided_dispatch", { product: "Enterprise CAD" }, { since: "2015-09-01", confidence: "confirmed", evidence: "https://countyofdane.example/board/2015-cad-contract.pdf" }],
  ["msn-police", "computer_aided_dispatch", { host: "dane-911" }, { confidence: "confirmed", notes: "Dispatch for Madison is run by the county." }],
  ["dane-sheriff", "computer_aided_dispatch", { host: "dane-911" }, { confidence: "confirmed" }],
  ["oak-police", "body_cameras", { product: "Axon body cameras" }, { since: "2010-11-01", confidence: "confirmed" }],
  ["oak-police", "gunshot_detection", { product: "ShotSpotter" }, { since: "2006-01-01", confidence: "confirmed" }],
  ["oak-police", "records_request_portal", { product: "NextRequest" }, { confidence: "confirmed", evidence: "https://oaklandca.nextrequest.example/" }],
  ["hbg-police", "body_cameras", { product: "Axon body cameras" }, { confidence: "reported" }],
];

/** The standard vendor list, the demo agencies' systems, and a joint ask grouping the traffic-stop requests. */
async function seedDemoSystems(
  db: Executor,
  organizationId: string,
  userId: string,
  agencyIds: Map<string, { id: string; name: string }>,
  createdRequests: Array<{ id: string; title: string; lastEventAt: Date }>,
  today: string,
): Promise<string> {
  await seedVendorCatalog(db, organizationId, userId);
  const productRows = await db.select({ id: products.id, name: products.name }).from(products).where(eq(products.organizationId, organizationId));
  const productId = (name: string) => productRows.find((p) => p.name === name)!.id;
  for (const [agency, systemType, target, extra] of SYSTEMS) {
    await db.insert(agencySystems).values({
      organizationId,
      agencyId: agencyIds.get(agency)!.id,
      systemType,
      productId: "product" in target ? productId(target.product) : null,
      hostAgencyId: "host" in target ? agencyIds.get(target.host)!.id : null,
      sinceOn: extra?.since ?? null,
      confidence: extra?.confidence ?? "reported",
      evidenceUrl: extra?.evidence ?? null,
      notes: extra?.notes ?? null,
      createdById: userId,
    });
  }
  await refreshMemberships(db, organizationId, "all", today);

  const stops = createdRequests.filter((r) => r.title.startsWith("Traffic stops") || r.title.startsWith("Stop data"));
  const [campaign] = await db
    .insert(campaigns)
    .values({
      organizationId,
      title: "Traffic stops 2021–present",
      ask: "Record-level data on all traffic and pedestrian stops from 1 January 2021 to the present, in CSV or another machine-readable format.",
      recordTypes: ["Stops"],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      createdById: userId,
    })
    .returning({ id: campaigns.id, title: campaigns.title });
  await seedDemoCampaignAsk(db, organizationId, campaign!.id);
  for (const request of stops) {
    // Joining the demo joint ask is not news: the request keeps its last-updated time.
    await db.update(requests).set({ campaignId: campaign!.id, updatedAt: sql`${requests.updatedAt}` }).where(eq(requests.id, request.id));
    await db.insert(requestEvents).values({
      organizationId,
      requestId: request.id,
      kind: "campaign_joined",
      actorId: userId,
      // On the story's own date, not the moment the demo was loaded.
      occurredAt: request.lastEventAt,
      data: { campaignId: campaign!.id, campaignTitle: campaign!.title },
    });
  }
  return campaign!.id;
}
