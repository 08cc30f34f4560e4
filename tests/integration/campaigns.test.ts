import { parse } from "csv-parse/sync";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, campaignAsks, campaignFields, campaignRecordTypes, campaigns, catalogFields, communications, recordTypes, requestEvents, requests } from "../../db/schema";
import {
  addCampaignTargets,
  addRequestToCampaign,
  bulkAssign,
  bulkFollowUp,
  bulkTag,
  campaignCsv,
  createCampaign,
  getCampaignPage,
  previewCampaign,
} from "~/domain/campaigns.server";
import { campaignTargetPage } from "~/domain/campaign-targets.server";
import { DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER } from "~/domain/letters";
import { draftLetter, letterContext } from "~/domain/mail/letters.server";
import { createRecordType } from "~/domain/catalog.server";
import { coverageMatrix, getRequestFields, readCampaignAsk, updateAsk, updateFieldStates } from "~/domain/fields.server";
import { changeStatus, createRequest, getRequest, getTimeline, listRequests } from "~/domain/requests.server";
import { campaignFormSchema, type CampaignInput } from "~/domain/vendor-input";
import { db } from "~/utils/db.server";
import * as campaignExport from "~/routes/campaigns.$campaignId_.export";
import * as campaignsNew from "~/routes/campaigns.new";
import * as apiCampaign from "~/routes/api.v1.campaigns.$campaignId";
import { callRoute, cookieFor, makeAgency, makeMember, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;

/** A request's first letter, as drafted on its letters page and as the joint ask's send-all sends it. */
async function firstLetter(requestId: string, viewer = org.viewer): Promise<string> {
  const context = await letterContext(viewer, requestId);
  return (await draftLetter("request_letter", context!, TODAY)).text;
}

/** One letter, not a letter inside a letter: one date, one greeting, one signature. */
function expectOneLetter(text: string) {
  const date = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${TODAY}T00:00:00Z`));
  expect(text.split(date).length - 1).toBe(1);
  expect(text.match(/^(To|Dear) /gm)).toHaveLength(1);
  expect(text.match(/^Thank you/gm)).toHaveLength(1);
}
let ids: Record<string, string>;
/** Standard record types by key, and the standard fields of Stops by key. */
const types: Record<string, string> = {};
const stopFields: Record<string, string> = {};

function ask(overrides: Partial<CampaignInput> = {}): CampaignInput {
  const parsed = campaignFormSchema.parse({
    title: "Traffic stops from New World RMS",
    ask: "Record-level traffic stop data, 2021 to the present, as the standard RMS export.",
    recordTypeIds: [types.stops],
    letterTemplate: DEFAULT_AGENCY_LETTER,
    vendorLetterTemplate: DEFAULT_VENDOR_LETTER,
    targets: [ids.harrisburg, ids.madison, ids.oakland],
    productId: ids.rms,
  });
  return { ...parsed, ...overrides };
}

async function countRows() {
  const [r, c] = await Promise.all([
    db.select({ id: requests.id }).from(requests).where(eq(requests.organizationId, org.org.id)),
    db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organizationId, org.org.id)),
  ]);
  return { requests: r.length, campaigns: c.length };
}

beforeAll(async () => {
  org = await makeOrganization("Campaigns");
  const v = org.viewer;
  const tyler = await makeVendor(v, "Tyler Technologies");
  const rms = await makeProduct(v, tyler, "New World RMS");
  const harrisburg = (await makeAgency(v, { name: "Harrisburg Bureau of Police", place: "Harrisburg", state: "PA" })).agencyId;
  const madison = (await makeAgency(v, { name: "Madison Police Department", place: "Madison", state: "WI" })).agencyId;
  const oakland = (await makeAgency(v, { name: "Oakland Police Department", place: "Oakland", state: "CA" })).agencyId;
  const reading = (await makeAgency(v, { name: "Reading Police Department", place: "Reading", state: "PA" })).agencyId;
  for (const agency of [harrisburg, madison, oakland, reading]) await makeSystem(v, agency, { productId: rms });
  ids = { tyler, rms, harrisburg, madison, oakland, reading };
  for (const t of await db.select().from(recordTypes).where(isNull(recordTypes.organizationId))) types[t.key] = t.id;
  const fields = await db.select().from(catalogFields).where(eq(catalogFields.recordTypeId, types.stops!)).orderBy(asc(catalogFields.position));
  for (const f of fields) stopFields[f.key] = f.id;
});

describe("generating a joint ask", () => {
  it("creates one request per target with its own letter and law, plus the vendor's, all or nothing", async () => {
    const before = await countRows();
    const result = await createCampaign(org.viewer, { ...ask(), includeVendor: true, vendorId: ids.tyler, initialStatus: "submitted" }, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.created).toBe(4);
    expect(await countRows()).toEqual({ requests: before.requests + 4, campaigns: before.campaigns + 1 });

    const list = await listRequests(org.viewer, { campaign: result.value.id, pageSize: 100 });
    expect(list.total).toBe(4);
    const byTarget = new Map(list.rows.map((r) => [r.agencyName ?? r.vendorName, r]));
    expect([...byTarget.keys()].sort()).toEqual(["Harrisburg Bureau of Police", "Madison Police Department", "Oakland Police Department", "Tyler Technologies"]);
    for (const row of list.rows) {
      expect(row.status).toBe("submitted");
      expect(row.filedOn).toBe(TODAY);
      expect(row.tags).toEqual(["stops"]);
      expect(row.campaignId).toBe(result.value.id);
    }

    // Each request keeps the ask in words; its letter is composed once, around the joint ask's text.
    const harrisburg = await getRequest(org.viewer, byTarget.get("Harrisburg Bureau of Police")!.id);
    expect(harrisburg!.description).toBe(ask().ask);
    const hLetter = await firstLetter(harrisburg!.id);
    expect(hLetter).toContain("To the Records Officer, Harrisburg Bureau of Police:");
    expect(hLetter).toContain("the Right-to-Know Law (65 P.S. §§ 67.101-67.3104)");
    expect(hLetter).toContain("within 5 business days");
    expect(hLetter).toContain("keep these records in New World RMS");
    expect(hLetter).toContain(org.viewer.name);
    expect(hLetter).not.toMatch(/\{[a-z_]+\}/);
    expectOneLetter(hLetter);
    const oakland = await getRequest(org.viewer, byTarget.get("Oakland Police Department")!.id);
    const oLetter = await firstLetter(oakland!.id);
    expect(oLetter).toContain("Under the California Public Records Act");
    expect(oLetter).toContain("within 10 calendar days");
    expectOneLetter(oLetter);
    const madison = await getRequest(org.viewer, byTarget.get("Madison Police Department")!.id);
    expect(await firstLetter(madison!.id)).toContain("Wisconsin Public Records Law");

    const vendor = await getRequest(org.viewer, byTarget.get("Tyler Technologies")!.id);
    expect(vendor!.agencyId).toBeNull();
    expect(vendor!.vendorId).toBe(ids.tyler);
    expect(vendor!.description).toBe(ask().ask);
    const vLetter = await firstLetter(vendor!.id);
    expect(vLetter).toContain("3 agencies that use New World RMS");
    expect(vLetter).toContain("- Harrisburg Bureau of Police (Harrisburg, Pennsylvania)");
    expect(vLetter).toContain("- Oakland Police Department (Oakland, California)");
    expectOneLetter(vLetter);

    const timeline = await getTimeline(org.viewer, harrisburg!.id);
    expect(timeline.map((e) => e.kind)).toEqual(["created", "due_date_changed", "campaign_joined", "edited"]);
    expect(timeline[1]!.data).toMatchObject({ from: null, statutory: true });
    expect(timeline[2]!.data).toEqual({ campaignId: result.value.id, campaignTitle: "Traffic stops from New World RMS" });
    expect(timeline[3]!.data).toEqual({ changes: [{ field: "recordTypes", label: "Record types", from: null, to: "Stops" }] });
  });

  it("refuses a joint ask with no targets and writes nothing", async () => {
    const parsed = campaignFormSchema.safeParse({ title: "x", ask: "y", recordTypeIds: [types.stops], letterTemplate: "Dear {agency}" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["targets", "Pick at least one agency (or include the vendor): a joint ask with no targets can't be sent"],
    ]);
  });

  it("names unknown placeholders and law placeholders in the vendor letter", () => {
    const parsed = campaignFormSchema.safeParse({
      title: "x",
      ask: "y",
      recordTypeIds: [types.stops],
      letterTemplate: "Dear {agency}, under {law}",
      vendorLetterTemplate: "Dear {vendor}, under {law_name}",
      targets: [ids.harrisburg],
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.letterTemplate).toMatch(/^Unknown placeholder \{law\}\. You can use \{agency\}/);
    expect(messages.vendorLetterTemplate).toMatch(/^Unknown placeholder \{law_name\}/);
  });

  it("rolls everything back when a target is not the viewer's", async () => {
    const other = await makeOrganization("Other");
    const before = await countRows();
    const result = await createCampaign(org.viewer, ask({ targets: [ids.harrisburg!, other.agencyId] }), TODAY);
    expect(result).toEqual({ ok: false, fieldErrors: { targets: [expect.stringContaining("not in your organization")] } });
    expect(await countRows()).toEqual(before);
  });

  it("previews letters without writing anything", async () => {
    const before = await countRows();
    const preview = await previewCampaign(org.viewer, { ...ask(), includeVendor: true, vendorId: ids.tyler }, TODAY);
    expect(preview.ok && preview.value.total).toBe(4);
    expect(preview.ok && preview.value.letters.map((l) => [l.target, l.law])).toEqual([
      ["Oakland Police Department", "California Public Records Act, 10 calendar days"],
      ["Harrisburg Bureau of Police", "Right-to-Know Law, 5 business days"],
      ["Madison Police Department", "Wisconsin Public Records Law, a reasonable time, as the law requires"],
      ["Tyler Technologies", null],
    ]);
    expect(await countRows()).toEqual(before);
  });
});

describe("tracking a joint ask", () => {
  let campaignId: string;
  let rowIds: string[];

  beforeAll(async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Use of force", recordTypeIds: [types.use_of_force!], initialStatus: "submitted" }), TODAY);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    campaignId = created.value.id;
    rowIds = (await listRequests(org.viewer, { campaign: campaignId })).rows.map((r) => r.id);
  });

  it("counts statuses and assignees, and lists targets by state", async () => {
    await changeStatus(org.viewer, rowIds[0]!, { status: "fulfilled" }, TODAY);
    const page = await getCampaignPage(org.viewer, campaignId, TODAY, { showCandidates: true });
    expect(page!.summary).toMatchObject({ total: 3, open: 2, received: 1, drafts: 0 });
    expect(page!.summary.statusCounts.submitted).toBe(2);
    expect(page!.summary.statusCounts.fulfilled).toBe(1);
    expect(page!.summary.assignees).toEqual([{ id: null, name: "Unassigned", total: 3, open: 2 }]);
    expect((await campaignTargetPage(org.viewer, campaignId, {})).rows.map((r) => r.stateCode)).toEqual(["CA", "PA", "WI"]);
    // Reading is on the product but not in this ask: it is offered as a target to add.
    expect(page!.candidates.map((c) => c.name)).toEqual(["Reading Police Department"]);
    expect(page!.candidateTotal).toBe(1);
    const plain = await getCampaignPage(org.viewer, campaignId, TODAY);
    expect([plain!.candidates, plain!.candidateTotal]).toEqual([[], 1]);
  });

  it("assigns, tags and logs a follow-up on the selected requests, each on its timeline", async () => {
    const assigned = await bulkAssign(org.viewer, campaignId, rowIds, org.member.id);
    expect(assigned).toEqual({ ok: true, value: { changed: 3 } });
    const tagged = await bulkTag(org.viewer, campaignId, rowIds.slice(1), ["follow up", "Use of force"]);
    expect(tagged?.ok).toBe(true);
    const followed = await bulkFollowUp(org.viewer, campaignId, rowIds.slice(1), { channel: "email", occurredOn: TODAY, summary: "Checking on the status of our request." });
    expect(followed).toEqual({ ok: true, value: { changed: 2 } });

    const rows = (await listRequests(org.viewer, { campaign: campaignId })).rows;
    expect(rows.every((r) => r.assigneeId === org.member.id)).toBe(true);
    expect(rows.filter((r) => r.tags.includes("follow up")).map((r) => r.id).sort()).toEqual(rowIds.slice(1).sort());
    const logged = await db.select().from(communications).where(inArray(communications.requestId, rowIds));
    expect(logged).toHaveLength(2);
    expect(logged.every((c) => c.direction === "outgoing")).toBe(true);
    const timeline = await getTimeline(org.viewer, rowIds[1]!);
    expect(timeline.map((e) => e.kind)).toEqual(["created", "due_date_changed", "campaign_joined", "edited", "assignment_changed", "edited", "communication_logged"]);
  });

  it("lets an advocate take requests in bulk but not release or hand out someone else's", async () => {
    const advocate = await makeMember(org, "advocate");
    const assignees = async () => (await listRequests(org.viewer, { campaign: campaignId })).rows.map((r) => r.assigneeId);
    const before = await assignees();
    expect(before.every((id) => id === org.member.id)).toBe(true);
    const released = await bulkAssign(advocate.viewer, campaignId, rowIds, null);
    expect(released).toEqual({ ok: false, fieldErrors: { requestIds: [expect.stringMatching(/^Nothing was changed: [A-Z][A-Z0-9]{1,7}-\d+: Only coordinators and admins can assign/)] } });
    const handedOut = await bulkAssign(advocate.viewer, campaignId, rowIds, org.admin.id);
    expect(handedOut?.ok).toBe(false);
    expect(await assignees()).toEqual(before);

    const taken = await bulkAssign(advocate.viewer, campaignId, rowIds, advocate.id);
    expect(taken).toEqual({ ok: true, value: { changed: 3 } });
    expect(new Set(await assignees())).toEqual(new Set([advocate.id]));
    // Their own again, they may let go; then the coordinator puts them back.
    expect((await bulkAssign(advocate.viewer, campaignId, rowIds, null))?.ok).toBe(true);
    expect(await bulkAssign(org.viewer, campaignId, rowIds, org.member.id)).toEqual({ ok: true, value: { changed: 3 } });
  });

  it("refuses bulk changes to requests outside the joint ask, changing nothing", async () => {
    const outside = await makeRequest(org.viewer, ids.reading!, { title: "Not in the ask" });
    const eventsBefore = await db.select().from(requestEvents).where(inArray(requestEvents.requestId, [...rowIds, outside.id]));
    const result = await bulkTag(org.viewer, campaignId, [rowIds[0]!, outside.id], ["sneaky"]);
    expect(result).toEqual({ ok: false, fieldErrors: { requestIds: [expect.stringContaining("not your organization's requests in this joint ask")] } });
    const eventsAfter = await db.select().from(requestEvents).where(inArray(requestEvents.requestId, [...rowIds, outside.id]));
    expect(eventsAfter).toHaveLength(eventsBefore.length);
  });

  it("adds new targets from the same letter, skipping agencies already asked", async () => {
    const added = await addCampaignTargets(org.viewer, campaignId, { targets: [ids.reading!, ids.harrisburg!], initialStatus: "draft" }, TODAY);
    expect(added).toEqual({ ok: true, value: { created: 1, skipped: 1 } });
    const reading = (await listRequests(org.viewer, { campaign: campaignId, agency: ids.reading })).rows[0]!;
    expect(await firstLetter(reading.id)).toContain("The Reading Police Department is one of several agencies");
  });

  it("lets an existing request join by its number", async () => {
    const loose = await makeRequest(org.viewer, ids.oakland!, { title: "Filed before the joint ask" });
    const joined = await addRequestToCampaign(org.viewer, campaignId, loose.number);
    expect(joined?.ok).toBe(true);
    const again = await addRequestToCampaign(org.viewer, campaignId, loose.number);
    expect(again).toEqual({ ok: false, fieldErrors: { number: [`Request #${loose.number} is already part of this joint ask`] } });
    expect(await addRequestToCampaign(org.viewer, campaignId, 999_999)).toEqual({ ok: false, fieldErrors: { number: ["There is no request #999999"] } });
    const [row] = await db.select({ campaignId: requests.campaignId }).from(requests).where(and(eq(requests.id, loose.id)));
    expect(row!.campaignId).toBe(campaignId);
    // It joins, then takes on the joint ask's record types (it asks for them as its own).
    expect((await getTimeline(org.viewer, loose.id)).map((e) => e.kind).slice(-2)).toEqual(["campaign_joined", "edited"]);
  });

  it("exports CSV that spreadsheet apps won't run as formulas", async () => {
    await db.update(requests).set({ trackingNumber: "=HYPERLINK(\"http://evil.example\")" }).where(eq(requests.id, rowIds[1]!));
    const exported = await campaignCsv(org.viewer, campaignId, TODAY);
    const records = parse(exported!.csv, { bom: true }) as string[][];
    expect(records[0]).toEqual([
      "Organization",
      "Request",
      "Title",
      "Target",
      "Place",
      "State",
      "Status",
      "Filed",
      "Received",
      "Due date",
      "Overdue",
      "Tracking number",
      "Assignee",
      "Fields received",
      "Fields asked",
      "Coverage",
      "Last updated",
    ]);
    expect(records).toHaveLength(1 + 5);
    // Each row names its organization and its number as ORG-#, so two organizations' #1 never read the same.
    for (const record of records.slice(1)) {
      expect(record[0]).toBe(org.org.name);
      expect(record[1]).toMatch(/^[A-Z0-9]+-\d+$/);
    }
    const tracking = records.slice(1).map((r) => r[11]).filter(Boolean);
    expect(tracking).toEqual(["'=HYPERLINK(\"http://evil.example\")"]);
    for (const record of records.slice(1)) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("serves the CSV only to roles that may export, and records each export in the audit log", async () => {
    const advocate = await makeMember(org, "advocate");
    const viewer = await makeMember(org, "viewer");
    const call = (cookie: string) =>
      callRoute(campaignExport.loader, { url: `/campaigns/${campaignId}/export`, cookie, params: { campaignId }, context: { clientAddress: "198.51.100.4" } });
    const logged = (actorId: string) => db.select().from(auditEvents).where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, "export")));

    const refused = await call(viewer.cookie);
    expect(refused.status).toBe(403);
    expect(await logged(viewer.id)).toEqual([]);

    const response = await call(advocate.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="use-of-force-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = (parse(await response.text(), { bom: true }) as string[][]).length - 1;
    const [entry, ...more] = await logged(advocate.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      organizationId: org.org.id,
      targetType: "campaign",
      targetId: campaignId,
      ipAddress: "198.51.100.4",
      details: { what: "joint ask CSV", name: "Use of force", rows },
    });
    expect(rows).toBeGreaterThan(0);
  });
});

describe("the catalog ask of a joint ask", () => {
  const FIELD_KEYS = ["officer_id_hash", "subject_race"];
  const catalogAsk = () => ({
    recordTypeIds: [types.stops!],
    catalogFieldIds: FIELD_KEYS.map((k) => stopFields[k]!),
    detailLevel: "record_level" as const,
    periodStart: "2021-01-01",
    formats: ["csv" as const],
    deidentify: true,
    deidentifyNotes: "A one-way hash of the badge number instead of names.",
  });
  /** The fields asked, in catalog order (the order stopFields was read in). */
  const inCatalogOrder = (keys: string[]) => Object.keys(stopFields).filter((k) => keys.includes(k));
  let campaignId: string;

  it("copies record types, fields, detail level, period, format and de-identification into every request it makes", async () => {
    const created = await createCampaign(
      org.viewer,
      ask({
        title: "Stops with fields",
        ...catalogAsk(),
        tags: ["joint ask"],
        targets: [ids.harrisburg!, ids.oakland!],
        includeVendor: true,
        vendorId: ids.tyler,
        initialStatus: "submitted",
      }),
      TODAY,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    campaignId = created.value.id;
    expect(created.value.created).toBe(3);

    const stored = await readCampaignAsk(campaignId);
    expect(stored).toEqual({
      ask: { detailLevel: "record_level", periodStart: "2021-01-01", periodEnd: null, formats: ["csv"], deidentify: true, deidentifyNotes: "A one-way hash of the badge number instead of names." },
      recordTypes: [{ id: types.stops, key: "stops", name: "Stops" }],
      fields: inCatalogOrder(FIELD_KEYS).map((key) => expect.objectContaining({ key, recordTypeId: types.stops, catalogFieldId: stopFields[key] })),
    });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(campaign!.recordTypes).toEqual(["Stops"]);

    const rows = (await listRequests(org.viewer, { campaign: campaignId })).rows;
    expect(rows.map((r) => r.agencyName ?? r.vendorName).sort()).toEqual(["Harrisburg Bureau of Police", "Oakland Police Department", "Tyler Technologies"]);
    for (const row of rows) {
      // Tags still come from the record types (and the other tags), as before the catalog.
      expect(row.tags).toEqual(["stops", "joint ask"]);
      const fields = await getRequestFields(org.viewer, row.id);
      expect(fields!.ask).toEqual(stored!.ask);
      expect(fields!.recordTypes.map((t) => t.key)).toEqual(["stops"]);
      expect(fields!.fields.map((f) => [f.key, f.state, f.catalogFieldId])).toEqual(inCatalogOrder(FIELD_KEYS).map((k) => [k, "not_yet", stopFields[k]]));
      expect(fields!.coverage).toEqual({ received: 0, total: 2 });
      const timeline = await getTimeline(org.viewer, row.id);
      const asked = timeline.find((e) => e.kind === "fields_asked");
      expect(asked?.data).toEqual({ added: inCatalogOrder(FIELD_KEYS).map((k) => expect.objectContaining({ key: k, recordType: "Stops" })), removed: [] });
      const edited = timeline.find((e) => e.kind === "edited");
      expect((edited?.data as { changes: Array<{ field: string }> }).changes.map((c) => c.field)).toEqual(["recordTypes", "detailLevel", "period", "formats", "deidentify"]);
    }
  });

  it("carries the catalog ask in GET /api/v1/campaigns/:id", async () => {
    const response = await callRoute(apiCampaign.loader, { url: `/api/v1/campaigns/${campaignId}`, cookie: await cookieFor(org.admin.id), params: { campaignId } });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { recordTypes: string[]; fieldsAsk: unknown; requests: unknown[] } };
    expect(data.recordTypes).toEqual(["Stops"]);
    expect(data.requests).toHaveLength(3);
    expect(data.fieldsAsk).toEqual({
      recordTypes: [{ key: "stops", name: "Stops" }],
      fields: inCatalogOrder(FIELD_KEYS).map((key) => ({ key, label: expect.any(String), recordType: "Stops" })),
      detailLevel: "record_level",
      periodStart: "2021-01-01",
      periodEnd: null,
      formats: ["csv"],
      deidentify: true,
      deidentifyNotes: "A one-way hash of the badge number instead of names.",
    });
  });

  it("gives agencies added later the same ask", async () => {
    const added = await addCampaignTargets(org.viewer, campaignId, { targets: [ids.reading!], initialStatus: "draft" }, TODAY);
    expect(added).toEqual({ ok: true, value: { created: 1, skipped: 0 } });
    const reading = (await listRequests(org.viewer, { campaign: campaignId, agency: ids.reading })).rows[0]!;
    const fields = await getRequestFields(org.viewer, reading.id);
    expect(fields!.fields.map((f) => f.key)).toEqual(inCatalogOrder(FIELD_KEYS));
    expect(fields!.ask.deidentify).toBe(true);
  });

  it("shows a city-by-field matrix on the joint ask's page, the vendor's request included", async () => {
    const harrisburg = (await listRequests(org.viewer, { campaign: campaignId, agency: ids.harrisburg })).rows[0]!;
    const asked = await getRequestFields(org.viewer, harrisburg.id);
    const race = asked!.fields.find((f) => f.key === "subject_race")!;
    const hash = asked!.fields.find((f) => f.key === "officer_id_hash")!;
    await updateFieldStates(org.viewer, harrisburg.id, { fields: [{ id: race.id, state: "received" }, { id: hash.id, state: "withheld", note: "Exempt under 708(b)(17)" }] });

    const page = await getCampaignPage(org.viewer, campaignId, TODAY);
    const matrix = await coverageMatrix(org.viewer, { campaignId });
    expect(matrix.fields.map((f) => f.id)).toEqual(inCatalogOrder(FIELD_KEYS).map((k) => `stops.${k}`));
    const byTarget = Object.fromEntries(matrix.rows.map((r) => [r.targetName, r]));
    expect(Object.keys(byTarget).sort()).toEqual(["Harrisburg Bureau of Police", "Oakland Police Department", "Reading Police Department", "Tyler Technologies"]);
    expect(byTarget["Harrisburg Bureau of Police"]).toMatchObject({
      isVendor: false,
      jurisdictionName: "Harrisburg",
      states: { "stops.subject_race": "received", "stops.officer_id_hash": "withheld" },
      coverage: { received: 1, total: 2 },
    });
    expect(byTarget["Tyler Technologies"]).toMatchObject({
      isVendor: true,
      jurisdictionName: null,
      states: { "stops.subject_race": "not_yet", "stops.officer_id_hash": "not_yet" },
      coverage: { received: 0, total: 2 },
    });
    // The vendor's request comes first, then by place.
    expect(matrix.rows[0]!.targetName).toBe("Tyler Technologies");
    expect(page!.fieldsAsk?.fields.map((f) => f.key)).toEqual(inCatalogOrder(FIELD_KEYS));
  });

  it("lists as precedents requests on the same product that asked the same catalog record type, or carry its tag", async () => {
    const make = async (agencyId: string, title: string, options: { tags: string[]; recordType?: string; status: "fulfilled" | "partially_fulfilled" | "submitted" }) => {
      const created = await createRequest(org.viewer, { title, description: "Stop data.", agencyId, initialStatus: "submitted", tags: options.tags }, TODAY);
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      if (options.recordType) await updateAsk(org.viewer, created.value.id, { recordTypeIds: [options.recordType], formats: [], deidentify: false });
      if (options.status !== "submitted") await changeStatus(org.viewer, created.value.id, { status: options.status }, TODAY);
      return created.value.id;
    };
    await make(ids.madison!, "Precedent by catalog ask", { tags: [], recordType: types.stops, status: "fulfilled" });
    await make(ids.oakland!, "Precedent by tag", { tags: ["stops"], status: "partially_fulfilled" });
    await make(ids.reading!, "Precedent of another record type", { tags: ["use of force"], recordType: types.use_of_force, status: "fulfilled" });
    await make(ids.madison!, "Precedent still waiting", { tags: ["stops"], recordType: types.stops, status: "submitted" });

    const page = await getCampaignPage(org.viewer, campaignId, TODAY);
    const titles = page!.precedents.map((p) => p.title).filter((t) => t.startsWith("Precedent"));
    expect(titles.sort()).toEqual(["Precedent by catalog ask", "Precedent by tag"]);
    // A joint ask made before the catalog (names only) still finds them by tag.
    const legacy = await db
      .insert(campaigns)
      .values({ organizationId: org.org.id, title: "Legacy", ask: "Stops.", recordTypes: ["stops"], letterTemplate: "Dear {agency}", productId: ids.rms })
      .returning({ id: campaigns.id });
    const legacyPage = await getCampaignPage(org.viewer, legacy[0]!.id, TODAY);
    expect(legacyPage!.fieldsAsk).toBeNull();
    expect(legacyPage!.precedents.map((p) => p.title).filter((t) => t.startsWith("Precedent"))).toEqual(expect.arrayContaining(["Precedent by tag"]));
    expect(legacyPage!.precedents.map((p) => p.title)).not.toContain("Precedent by catalog ask");
  });

  it("creates an 'other record type' in the organization's catalog and asks for it", async () => {
    const result = await createCampaign(org.viewer, ask({ title: "Drones", recordTypeIds: [], newRecordType: "Drone  flight logs", targets: [ids.harrisburg!] }), TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const [created] = await db.select().from(recordTypes).where(and(eq(recordTypes.organizationId, org.org.id), eq(recordTypes.name, "Drone flight logs")));
    expect(created).toBeDefined();
    expect((await readCampaignAsk(result.value.id))!.recordTypes.map((t) => t.id)).toEqual([created!.id]);
    const [row] = (await listRequests(org.viewer, { campaign: result.value.id })).rows;
    expect(row!.tags).toEqual(["drone flight logs"]);
    expect((await getRequestFields(org.viewer, row!.id))!.recordTypes.map((t) => t.name)).toEqual(["Drone flight logs"]);
  });

  it("previews an 'other record type' in the letters without adding it to the catalog", async () => {
    const letterTemplate = "Dear {agency}: please send {record_types}.";
    const preview = await previewCampaign(org.viewer, ask({ recordTypeIds: [types.stops!], newRecordType: "Predictive policing inputs", letterTemplate }), TODAY);
    expect(preview.ok && preview.value.letters[0]!.text).toContain("\n\nDear Oakland Police Department: please send Stops, Predictive policing inputs.\n\n");
    expect(await db.select().from(recordTypes).where(eq(recordTypes.name, "Predictive policing inputs"))).toEqual([]);
  });

  it("writes the ask and the requests in one transaction: a failed request leaves no joint ask, no ask and no new record type", async () => {
    const outsider = await makeOrganization("Outsider");
    const before = await countRows();
    const asksBefore = await db.select().from(campaignAsks).where(eq(campaignAsks.organizationId, org.org.id));
    // The second target fails (an assignee from another organization), after the first request and the ask were written.
    const result = await createCampaign(org.viewer, ask({ ...catalogAsk(), newRecordType: "Jail phone logs", assigneeId: outsider.admin.id }), TODAY);
    expect(result).toEqual({ ok: false, fieldErrors: { targets: [expect.stringMatching(/^Nothing was created: .*assignee/)] } });
    expect(await countRows()).toEqual(before);
    expect(await db.select().from(campaignAsks).where(eq(campaignAsks.organizationId, org.org.id))).toHaveLength(asksBefore.length);
    expect(await db.select().from(recordTypes).where(eq(recordTypes.name, "Jail phone logs"))).toEqual([]);
    const orphans = await db.select().from(campaignRecordTypes).where(eq(campaignRecordTypes.organizationId, org.org.id));
    const fieldRows = await db.select().from(campaignFields).where(eq(campaignFields.organizationId, org.org.id));
    const campaignIds = new Set((await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organizationId, org.org.id))).map((c) => c.id));
    expect([...orphans, ...fieldRows].every((r) => campaignIds.has(r.campaignId))).toBe(true);
  });

  it("refuses record types and fields the organization can't see, naming the field", async () => {
    const outsider = await makeOrganization("Catalog outsider");
    const theirs = await createRecordType(outsider.viewer, { name: "Their secret records" });
    if (!theirs.ok) throw new Error("record type");
    const before = await countRows();
    expect(await createCampaign(org.viewer, ask({ recordTypeIds: [theirs.value.id] }), TODAY)).toEqual({ ok: false, fieldErrors: { recordTypeIds: ["Choose record types from the list"] } });
    expect(await createCampaign(org.viewer, ask({ catalogFieldIds: [theirs.value.id] }), TODAY)).toEqual({ ok: false, fieldErrors: { catalogFieldIds: ["Choose fields from the catalog"] } });
    expect(await countRows()).toEqual(before);
    const none = campaignFormSchema.safeParse({ title: "x", ask: "y", letterTemplate: "Dear {agency}", targets: [ids.harrisburg] });
    expect(none.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["recordTypeIds", "Choose at least one record type (or a field), e.g. Stops"]]);
  });
});

describe("copying a joint ask", () => {
  it("offers the agencies not asked yet, keeps the ask, stores where it came from and creates the new requests", async () => {
    const original = await createCampaign(
      org.viewer,
      ask({ title: "Original ask", recordTypeIds: [types.stops!], catalogFieldIds: [stopFields.subject_race!], detailLevel: "aggregate", targets: [ids.harrisburg!, ids.madison!] }),
      TODAY,
    );
    if (!original.ok) throw new Error(JSON.stringify(original.fieldErrors));
    const cookie = await cookieFor(org.admin.id);

    const page = await callRoute(campaignsNew.loader, { url: `/campaigns/new?clone=${original.value.id}`, cookie });
    expect(page.status).toBe(200);
    const data = (await page.json()) as {
      source: { id: string; title: string };
      preselected: string[];
      targets: Array<{ id: string; name: string; note?: string }>;
      sourceAsk: { recordTypeIds: string[]; catalogFieldIds: string[]; detailLevel: string | null };
    };
    expect(data.source).toMatchObject({ id: original.value.id, title: "Original ask" });
    // Everyone on the product is listed; those the original asked are noted and not ticked.
    expect(data.targets.filter((t) => t.note === "asked in the original").map((t) => t.name).sort()).toEqual(["Harrisburg Bureau of Police", "Madison Police Department"]);
    expect(data.preselected.sort()).toEqual([ids.oakland!, ids.reading!].sort());
    expect(data.sourceAsk).toEqual(expect.objectContaining({ recordTypeIds: [types.stops], catalogFieldIds: [stopFields.subject_race], detailLevel: "aggregate" }));

    const form = new URLSearchParams([
      ["intent", "create"],
      ["title", "Original ask (copy)"],
      ["ask", "Record-level traffic stop data."],
      ["recordTypeIds", types.stops!],
      ["catalogFieldIds", stopFields.subject_race!],
      ["detailLevel", "aggregate"],
      ["letterTemplate", DEFAULT_AGENCY_LETTER],
      ["productId", ids.rms!],
      ["clonedFromId", original.value.id],
      ...data.preselected.map((id): [string, string] => ["targets", id]),
      ["initialStatus", "draft"],
    ]);
    const response = await callRoute(campaignsNew.action, {
      url: "/campaigns/new",
      cookie,
      body: form.toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status, await response.clone().text()).toBe(302);
    const copyId = /^\/campaigns\/([0-9a-f-]{36})$/.exec(response.headers.get("Location") ?? "")?.[1];
    expect(copyId).toBeDefined();
    const [copy] = await db.select().from(campaigns).where(eq(campaigns.id, copyId!));
    expect(copy!.clonedFromId).toBe(original.value.id);
    const rows = (await listRequests(org.viewer, { campaign: copyId! })).rows;
    expect(rows.map((r) => r.agencyName).sort()).toEqual(["Oakland Police Department", "Reading Police Department"]);
    for (const row of rows) {
      expect(row.status).toBe("draft");
      const fields = await getRequestFields(org.viewer, row.id);
      expect(fields!.fields.map((f) => f.key)).toEqual(["subject_race"]);
      expect(fields!.ask.detailLevel).toBe("aggregate");
    }
    expect((await getCampaignPage(org.viewer, copyId!, TODAY))!.campaign.clonedFromTitle).toBe("Original ask");
  });
});
