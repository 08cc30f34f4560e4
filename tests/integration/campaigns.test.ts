import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, campaigns, communications, requestEvents, requests } from "../../db/schema";
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
import { DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER } from "~/domain/letters";
import { changeStatus, getRequest, getTimeline, listRequests } from "~/domain/requests.server";
import { campaignFormSchema, type CampaignInput } from "~/domain/vendor-input";
import { db } from "~/utils/db.server";
import * as campaignExport from "~/routes/campaigns.$campaignId_.export";
import { callRoute, makeAgency, makeMember, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let ids: Record<string, string>;

function ask(overrides: Partial<CampaignInput> = {}): CampaignInput {
  const parsed = campaignFormSchema.parse({
    title: "Traffic stops from New World RMS",
    ask: "Record-level traffic stop data, 2021 to the present, as the standard RMS export.",
    recordTypes: "Traffic stops",
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
      expect(row.tags).toEqual(["traffic stops"]);
      expect(row.campaignId).toBe(result.value.id);
    }

    const harrisburg = await getRequest(org.viewer, byTarget.get("Harrisburg Bureau of Police")!.id);
    expect(harrisburg!.description).toContain("To the records custodian, Harrisburg Bureau of Police");
    expect(harrisburg!.description).toContain("Under the Right-to-Know Law (65 P.S. § 67.901)");
    expect(harrisburg!.description).toContain("within 5 business days");
    expect(harrisburg!.description).toContain("kept in New World RMS");
    expect(harrisburg!.description).toContain(org.viewer.name);
    expect(harrisburg!.description).not.toMatch(/\{[a-z_]+\}/);
    const oakland = await getRequest(org.viewer, byTarget.get("Oakland Police Department")!.id);
    expect(oakland!.description).toContain("Under the California Public Records Act");
    expect(oakland!.description).toContain("within 10 calendar days");
    const madison = await getRequest(org.viewer, byTarget.get("Madison Police Department")!.id);
    expect(madison!.description).toContain("Wisconsin Public Records Law");
    expect(madison!.description).toContain("within a reasonable time");

    const vendor = await getRequest(org.viewer, byTarget.get("Tyler Technologies")!.id);
    expect(vendor!.agencyId).toBeNull();
    expect(vendor!.vendorId).toBe(ids.tyler);
    expect(vendor!.description).toContain("3 agencies that use New World RMS");
    expect(vendor!.description).toContain("- Harrisburg Bureau of Police (Harrisburg, Pennsylvania)");
    expect(vendor!.description).toContain("- Oakland Police Department (Oakland, California)");

    const timeline = await getTimeline(org.viewer, harrisburg!.id);
    expect(timeline.map((e) => e.kind)).toEqual(["created", "due_date_changed", "campaign_joined"]);
    expect(timeline[1]!.data).toMatchObject({ from: null, statutory: true });
    expect(timeline[2]!.data).toEqual({ campaignId: result.value.id, campaignTitle: "Traffic stops from New World RMS" });
  });

  it("refuses a joint ask with no targets and writes nothing", async () => {
    const parsed = campaignFormSchema.safeParse({ title: "x", ask: "y", recordTypes: "stops", letterTemplate: "Dear {agency}" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["targets", "Pick at least one agency (or include the vendor): a joint ask with no targets can't be sent"],
    ]);
  });

  it("names unknown placeholders and law placeholders in the vendor letter", () => {
    const parsed = campaignFormSchema.safeParse({
      title: "x",
      ask: "y",
      recordTypes: "stops",
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
    const created = await createCampaign(org.viewer, ask({ title: "Use of force", recordTypes: ["use of force"], initialStatus: "submitted" }), TODAY);
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
    expect(page!.rows.map((r) => r.stateCode)).toEqual(["CA", "PA", "WI"]);
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
    expect(timeline.map((e) => e.kind)).toEqual(["created", "due_date_changed", "campaign_joined", "assignment_changed", "edited", "communication_logged"]);
  });

  it("lets an advocate take requests in bulk but not release or hand out someone else's", async () => {
    const advocate = await makeMember(org, "advocate");
    const assignees = async () => (await listRequests(org.viewer, { campaign: campaignId })).rows.map((r) => r.assigneeId);
    const before = await assignees();
    expect(before.every((id) => id === org.member.id)).toBe(true);
    const released = await bulkAssign(advocate.viewer, campaignId, rowIds, null);
    expect(released).toEqual({ ok: false, fieldErrors: { requestIds: [expect.stringMatching(/^Nothing was changed: #\d+: Only coordinators and admins can assign/)] } });
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
    expect(result).toEqual({ ok: false, fieldErrors: { requestIds: [expect.stringContaining("not part of this joint ask")] } });
    const eventsAfter = await db.select().from(requestEvents).where(inArray(requestEvents.requestId, [...rowIds, outside.id]));
    expect(eventsAfter).toHaveLength(eventsBefore.length);
  });

  it("adds new targets from the same letter, skipping agencies already asked", async () => {
    const added = await addCampaignTargets(org.viewer, campaignId, { targets: [ids.reading!, ids.harrisburg!], initialStatus: "draft" }, TODAY);
    expect(added).toEqual({ ok: true, value: { created: 1, skipped: 1 } });
    const reading = (await listRequests(org.viewer, { campaign: campaignId, agency: ids.reading })).rows[0]!;
    expect((await getRequest(org.viewer, reading.id))!.description).toContain("Reading Police Department");
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
    expect((await getTimeline(org.viewer, loose.id)).at(-1)!.kind).toBe("campaign_joined");
  });

  it("exports CSV that spreadsheet apps won't run as formulas", async () => {
    await db.update(requests).set({ trackingNumber: "=HYPERLINK(\"http://evil.example\")" }).where(eq(requests.id, rowIds[1]!));
    const exported = await campaignCsv(org.viewer, campaignId, TODAY);
    const records = parse(exported!.csv, { bom: true }) as string[][];
    expect(records[0]).toEqual(["Request number", "Title", "Target", "Place", "State", "Status", "Filed", "Due date", "Overdue", "Tracking number", "Assignee", "Last updated"]);
    expect(records).toHaveLength(1 + 5);
    const tracking = records.slice(1).map((r) => r[9]).filter(Boolean);
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
