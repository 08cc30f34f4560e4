import { readFileSync } from "node:fs";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, catalogFields, outboxMessages, recordTypes, requests, vendors } from "../../db/schema";
import {
  agenciesWithSeveralOpen,
  campaignTargets,
  draftAgencySummary,
  followUpAllOverdue,
  saveTargetLetter,
  sendAgencySummary,
  sendAllLetters,
  setTargetContact,
  targetLetter,
} from "~/domain/campaign-mail.server";
import { parse } from "csv-parse/sync";
import { addRequestToCampaign, createCampaign, gridCsv, openOverlaps, previewCampaign } from "~/domain/campaigns.server";
import { coverageMatrix } from "~/domain/fields.server";
import { lawFor } from "~/domain/deadlines";
import { draftLetter, letterContext } from "~/domain/mail/letters.server";
import { DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER } from "~/domain/letters";
import { getRequest, getTimeline, setRequestCampaign } from "~/domain/requests.server";
import { campaignFormSchema, type CampaignInput } from "~/domain/vendor-input";
import { db } from "~/utils/db.server";
import * as letterRoute from "~/routes/campaigns.$campaignId_.letters.$requestId";
import * as sendRoute from "~/routes/campaigns.$campaignId_.send";
import { callRoute, cookieFor, formCoalition, freshViewer, makeAgency, makeOrganization, makeProduct, makeRequest, makeSystem, makeVendor, TODAY } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let ids: Record<string, string>;
const types: Record<string, string> = {};
const stopFields: Record<string, string> = {};

const LONG_TODAY = "November 23, 2026";

function ask(overrides: Record<string, unknown> = {}): CampaignInput {
  return campaignFormSchema.parse({
    title: "Traffic stops from New World RMS",
    ask: "Record-level traffic stop data as the standard RMS export.",
    recordTypeIds: [types.stops],
    catalogFieldIds: [stopFields.subject_race, stopFields.subject_age].filter(Boolean),
    periodStart: "2021-01-01",
    periodEnd: "2025-12-31",
    formats: ["csv"],
    letterTemplate: DEFAULT_AGENCY_LETTER,
    vendorLetterTemplate: DEFAULT_VENDOR_LETTER,
    targets: [ids.harrisburg, ids.madison, ids.oakland],
    productId: ids.rms,
    vendorId: ids.tyler,
    includeVendor: true,
    ...overrides,
  });
}

/** One letter, not a letter inside a letter: one date, one greeting, one signature. */
function expectOneLetter(text: string) {
  expect(text.split(LONG_TODAY).length - 1).toBe(1);
  expect(text.match(/^(To|Dear) /gm)).toHaveLength(1);
  expect(text.match(/^Thank you/gm)).toHaveLength(1);
}

beforeAll(async () => {
  org = await makeOrganization("Campaign mail");
  const v = org.viewer;
  const tyler = await makeVendor(v, "Tyler Technologies");
  const rms = await makeProduct(v, tyler, "New World RMS");
  const harrisburg = (await makeAgency(v, { name: "Harrisburg Bureau of Police", place: "Harrisburg", state: "PA" })).agencyId;
  const madison = (await makeAgency(v, { name: "Madison Police Department", place: "Madison", state: "WI" })).agencyId;
  const oakland = (await makeAgency(v, { name: "Oakland Police Department", place: "Oakland", state: "CA" })).agencyId;
  for (const agency of [harrisburg, madison, oakland]) await makeSystem(v, agency, { productId: rms });
  // Madison has no records email yet; the others and the vendor do.
  await db.update(agencies).set({ recordsContactEmail: "records@harrisburgpa.gov", recordsContactName: "Open Records Officer" }).where(eq(agencies.id, harrisburg));
  await db.update(agencies).set({ recordsContactEmail: "cpra@oaklandca.gov" }).where(eq(agencies.id, oakland));
  await db.update(vendors).set({ contactEmail: "legal@tylertech.com" }).where(eq(vendors.id, tyler));
  ids = { tyler, rms, harrisburg, madison, oakland };
  for (const t of await db.select().from(recordTypes).where(isNull(recordTypes.organizationId))) types[t.key] = t.id;
  for (const f of await db.select().from(catalogFields).where(eq(catalogFields.recordTypeId, types.stops!))) stopFields[f.key] = f.id;
});

describe("one letter per target, composed once", () => {
  it("previews each letter with one date, one greeting, the fields and period asked and its own law", async () => {
    const preview = await previewCampaign(org.viewer, ask(), TODAY);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const letterTo = (name: string) => preview.value.letters.find((l) => l.target === name)!;
    const [harrisburg, madison, oakland, vendor] = ["Harrisburg Bureau of Police", "Madison Police Department", "Oakland Police Department", "Tyler Technologies"].map(letterTo);
    expect(preview.value.letters).toHaveLength(4);
    for (const letter of [harrisburg!, madison!, oakland!, vendor!]) {
      expectOneLetter(letter.text);
      expect(letter.text).toContain("Subject race");
      expect(letter.text).toContain("Period: records dated from January 1, 2021 to December 31, 2025.");
      expect(letter.text).toContain("as CSV files");
      expect(letter.text).not.toMatch(/\{[a-z_]+\}/);
    }
    expect(harrisburg!.text).toContain("To the Open Records Officer, Harrisburg Bureau of Police:");
    expect(harrisburg!.text).toContain(lawFor("PA")!.citation);
    expect(oakland!.text).toContain("California Public Records Act");
    expect(oakland!.text).not.toContain(lawFor("PA")!.citation);
    expect(vendor!.text).toContain("To Tyler Technologies:");
    expect(vendor!.text).toContain("- Madison Police Department (Madison, Wisconsin)");
  });

  it("keeps the ask as words and data on each request, and a whole-letter text never nests", async () => {
    const whole = `{date}\n\nTo the records custodian, {agency}\n\nPlease send {ask}\n\nThank you,\n{requester}\n{organization}`;
    const created = await createCampaign(org.viewer, ask({ title: "Nested check", letterTemplate: whole }), TODAY);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const targets = (await campaignTargets(org.viewer, created.value.id))!;
    expect(targets).toHaveLength(4);
    for (const t of targets) {
      const request = await getRequest(org.viewer, t.requestId);
      expect(request!.description).toBe("Record-level traffic stop data as the standard RMS export.");
      const letter = (await targetLetter(org.viewer, created.value.id, t.requestId, TODAY))!;
      expectOneLetter(letter.text);
      expect(letter.text).toContain("Subject race");
    }
  });

  it("writes a request whose 'What is asked' still holds an old rendered letter around its body only", async () => {
    const legacy = `October 1, 2026\n\nTo the records custodian, Harrisburg Bureau of Police\n\nUnder the Right-to-Know Law, I request the following records:\n\nStops since 2021.\n\nThank you,\n${org.viewer.name}\n${org.viewer.organizationName}`;
    const request = await makeRequest(org.viewer, ids.harrisburg!, { description: legacy });
    const context = await letterContext(org.viewer, request.id);
    const letter = (await draftLetter("request_letter", context!, TODAY)).text;
    expectOneLetter(letter);
    expect(letter).not.toContain("October 1, 2026");
    expect(letter).toContain("Stops since 2021.");
  });

  it("migration 0013 gives requests that stored the rendered letter their ask back, on their timelines", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Legacy data" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const [legacyTarget, ownWords] = (await campaignTargets(org.viewer, created.value.id))!;
    const theAsk = "Record-level traffic stop data as the standard RMS export.";
    const rendered = `November 1, 2026\n\nTo the records custodian, X\n\nUnder the law, I request the following records:\n\n${theAsk}\n\nThank you,\nA\nB`;
    await db.update(requests).set({ description: rendered, campaignLetter: false }).where(eq(requests.id, legacyTarget!.requestId));
    await db.update(requests).set({ description: "Our own words for this one.", campaignLetter: false }).where(eq(requests.id, ownWords!.requestId));
    // A request that joined before joining gave it the joint ask's ask: no fields, "Not asked" in the grid.
    const joinedBare = await makeRequest(org.viewer, ids.oakland!, { title: "Joined bare" });
    await setRequestCampaign(org.viewer, joinedBare.id, created.value.id);
    expect((await coverageMatrix(org.viewer, [joinedBare.id])).fields).toEqual([]);
    const migration = readFileSync(new URL("../../db/migrations/0013_campaign_letters_composed_once.sql", import.meta.url), "utf8");
    // Its data statements (after the new columns), run again on rows written the old way.
    for (const statement of migration.split("--> statement-breakpoint").filter((st) => !st.trim().startsWith("ALTER TABLE"))) {
      await db.execute(sql.raw(statement));
    }
    const [fixed] = await db.select().from(requests).where(eq(requests.id, legacyTarget!.requestId));
    expect(fixed).toMatchObject({ description: theAsk, campaignLetter: true });
    const [untouched] = await db.select().from(requests).where(eq(requests.id, ownWords!.requestId));
    expect(untouched).toMatchObject({ description: "Our own words for this one.", campaignLetter: false });
    expect((await getTimeline(org.viewer, fixed!.id)).at(-1)).toMatchObject({ kind: "edited", data: { changes: [{ field: "description" }] } });
    expectOneLetter((await targetLetter(org.viewer, created.value.id, fixed!.id, TODAY))!.text);
    const grid = await coverageMatrix(org.viewer, { campaignId: created.value.id });
    const bareRow = grid.rows.find((r) => r.requestId === joinedBare.id)!;
    expect(grid.fields.map((f) => bareRow.states[f.id])).toEqual(grid.fields.map(() => "not_yet"));
    expect((await getTimeline(org.viewer, joinedBare.id)).map((e) => e.kind).slice(-2)).toEqual(["edited", "fields_asked"]);
  });

  it("edits one target's letter without touching the others, on its timeline", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Edit one" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const [first, second] = (await campaignTargets(org.viewer, created.value.id))!;
    const before = (await targetLetter(org.viewer, created.value.id, second!.requestId, TODAY))!;
    const saved = await saveTargetLetter(org.viewer, created.value.id, first!.requestId, { subject: "A custom subject", body: "A custom letter for this target." });
    expect(saved).toEqual({ ok: true, value: { changed: true } });
    expect((await targetLetter(org.viewer, created.value.id, first!.requestId, TODAY))!).toMatchObject({ subject: "A custom subject", text: "A custom letter for this target.\n", edited: true });
    expect((await targetLetter(org.viewer, created.value.id, second!.requestId, TODAY))!.text).toBe(before.text);
    const timeline = await getTimeline(org.viewer, first!.requestId);
    expect(timeline.at(-1)).toMatchObject({ kind: "edited", data: { changes: [{ field: "letter" }] } });
    // Back to the joint ask's letter.
    await saveTargetLetter(org.viewer, created.value.id, first!.requestId, null);
    expect((await targetLetter(org.viewer, created.value.id, first!.requestId, TODAY))!.edited).toBe(false);
    // Header injection in the subject is refused with the field named.
    expect(await saveTargetLetter(org.viewer, created.value.id, first!.requestId, { subject: "x\r\nBcc: a@b.c", body: "y" })).toMatchObject({ ok: false, fieldErrors: { subject: [expect.any(String)] } });
  });
});

describe("send all", () => {
  it("sends each unsent letter once, files each request under its own law, and lists targets without an email", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Send all" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const campaignId = created.value.id;
    const requestIds = (await campaignTargets(org.viewer, campaignId))!.map((t) => t.requestId);
    const outbox = () => db.select().from(outboxMessages).where(inArray(outboxMessages.requestId, requestIds));

    // Twice at once, then once more: every letter is queued once.
    const [first, second] = await Promise.all([sendAllLetters(org.viewer, campaignId, TODAY), sendAllLetters(org.viewer, campaignId, TODAY)]);
    const again = await sendAllLetters(org.viewer, campaignId, TODAY);
    const queued = [first, second, again].map((r) => (r?.ok ? r.value.queued : -1));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(3);
    expect(again).toEqual({ ok: true, value: { queued: 0, already: 0, withoutContact: 1, failed: [] } });
    const messages = await outbox();
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.toAddress).sort()).toEqual(["cpra@oaklandca.gov", "legal@tylertech.com", "records@harrisburgpa.gov"]);
    for (const m of messages) {
      expect(m.kind).toBe("request_letter");
      expectOneLetter(m.textBody);
      expect(m.replyTo).toMatch(new RegExp(`^requests\\+${m.requestId}-`));
    }

    // Each sent request is filed today and due under its own state's law; Madison waits for an address.
    const rows = await db.select().from(requests).where(inArray(requests.id, requestIds));
    const byAgency = new Map<string | undefined, (typeof rows)[number]>(rows.map((r) => [r.agencyId ?? r.vendorId ?? undefined, r]));
    for (const key of [ids.harrisburg, ids.oakland]) {
      expect(byAgency.get(key)).toMatchObject({ status: "submitted", filedOn: TODAY, receivedOn: TODAY, method: "email" });
      expect(byAgency.get(key)!.dueOn).not.toBeNull();
    }
    expect(byAgency.get(ids.harrisburg)!.dueOn).not.toBe(byAgency.get(ids.oakland)!.dueOn);
    expect(byAgency.get(ids.madison)).toMatchObject({ status: "draft", receivedOn: null });
    const timeline = await getTimeline(org.viewer, byAgency.get(ids.harrisburg)!.id);
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["email_queued", "status_changed", "due_date_changed"]));

    const targets = (await campaignTargets(org.viewer, campaignId))!;
    const madison = targets.find((t) => t.agencyId === ids.madison)!;
    expect(madison).toMatchObject({ contactEmail: null, letter: null, status: "draft" });

    // A bad address is refused with the field named; a good one lets Madison's letter go.
    expect(await setTargetContact(org.viewer, { agencyId: ids.madison }, "not an address")).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await setTargetContact(org.viewer, { agencyId: ids.madison }, "records@cityofmadison.com")).toEqual({ ok: true, value: { address: "records@cityofmadison.com" } });
    expect(await sendAllLetters(org.viewer, campaignId, TODAY, { requestIds: [madison.requestId] })).toEqual({
      ok: true,
      value: { queued: 1, already: 0, withoutContact: 0, failed: [] },
    });
    expect(await outbox()).toHaveLength(4);
    await db.update(agencies).set({ recordsContactEmail: null }).where(eq(agencies.id, ids.madison!));
  });

  it("refuses requests that are not the organization's in this joint ask", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Selected only" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const other = await makeOrganization("Other");
    const result = await sendAllLetters(org.viewer, created.value.id, TODAY, { requestIds: [other.org.id] });
    expect(result).toMatchObject({ ok: false, fieldErrors: { requestIds: [expect.any(String)] } });
    expect(await sendAllLetters(other.viewer, created.value.id, TODAY)).toBeNull();
  });
});

describe("the send page", () => {
  it("sends from a plain form, refreshes itself while letters wait, and names the field of a bad address", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Send page" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const campaignId = created.value.id;
    const cookie = await cookieFor(org.admin.id);
    const url = `/campaigns/${campaignId}/send`;
    const sent = await callRoute(sendRoute.action, { url, cookie, params: { campaignId }, form: { intent: "send-all" } });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`${url}?watch=1`);
    const again = await callRoute(sendRoute.action, { url, cookie, params: { campaignId }, form: { intent: "send-all" } });
    expect(again.status).toBe(302);
    const requestIds = (await campaignTargets(org.viewer, campaignId))!.map((t) => t.requestId);
    expect(await db.select().from(outboxMessages).where(inArray(outboxMessages.requestId, requestIds))).toHaveLength(3);

    const body = (await (await callRoute(sendRoute.loader, { url, cookie, params: { campaignId } })).json()) as {
      progress: { queued: number; sent: number; failed: number; unsent: number };
      withoutContact: Array<{ targetName: string }>;
    };
    expect(body.progress).toMatchObject({ queued: 3, sent: 0, failed: 0, unsent: 1 });
    expect(body.withoutContact.map((t) => t.targetName)).toEqual(["Madison Police Department"]);
    // Refreshing itself is asked for (after a send, or ?watch=1), never imposed.
    const meta = (data: unknown) => sendRoute.meta({ data } as unknown as Parameters<typeof sendRoute.meta>[0]);
    expect(meta(body)).not.toContainEqual(expect.objectContaining({ httpEquiv: "refresh" }));
    const watching = (await (await callRoute(sendRoute.loader, { url: `${url}?watch=1`, cookie, params: { campaignId } })).json()) as { watching: boolean };
    expect(watching.watching).toBe(true);
    expect(meta(watching)).toContainEqual({ httpEquiv: "refresh", content: "3" });

    const bad = await callRoute(sendRoute.action, { url, cookie, params: { campaignId }, form: { intent: "add-contact", agencyId: ids.madison!, email: "nope" } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.email).toBeDefined();
    const none = await callRoute(sendRoute.action, { url, cookie, params: { campaignId }, form: { intent: "send-selected" } });
    expect(none.status).toBe(400);
    expect((await callRoute(sendRoute.action, { url, cookie, params: { campaignId }, form: { intent: "nope" } })).status).toBe(400);
    for (const bad of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await callRoute(sendRoute.loader, { url, cookie, params: { campaignId: bad } })).status).toBe(404);
      expect((await callRoute(letterRoute.loader, { url, cookie, params: { campaignId, requestId: bad } })).status).toBe(404);
    }
    // A target's letter: an empty subject is refused with the field named.
    const target = (await campaignTargets(org.viewer, campaignId))!.find((t) => t.status === "draft")!;
    const emptySubject = await callRoute(letterRoute.action, {
      url,
      cookie,
      params: { campaignId, requestId: target.requestId },
      form: { intent: "save", subject: " ", body: "x" },
    });
    expect(emptySubject.status).toBe(400);
    expect(((await emptySubject.json()) as { errors: Record<string, string[]> }).errors.subject).toBeDefined();
  });
});

describe("following up", () => {
  it("follows up every overdue target once per due date, each on its timeline", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Follow up all" }), TODAY);
    if (!created.ok) throw new Error("not created");
    const campaignId = created.value.id;
    await sendAllLetters(org.viewer, campaignId, TODAY);
    const targets = (await campaignTargets(org.viewer, campaignId))!;
    const requestIds = targets.map((t) => t.requestId);
    const overdue = (await db.select().from(requests).where(inArray(requests.id, requestIds))).filter((r) => r.dueOn && r.dueOn < "2027-03-01" && r.status === "submitted");
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const followUps = () =>
      db.select().from(outboxMessages).where(and(inArray(outboxMessages.requestId, requestIds), eq(outboxMessages.kind, "follow_up")));

    // Before anything is due, nothing goes.
    expect(await followUpAllOverdue(org.viewer, campaignId, TODAY)).toEqual({ queued: 0, already: 0, withoutContact: 0, failed: [] });
    const later = "2027-03-01";
    const first = await followUpAllOverdue(org.viewer, campaignId, later);
    expect(first).toMatchObject({ queued: overdue.length, already: 0, failed: [] });
    expect(await followUpAllOverdue(org.viewer, campaignId, later)).toMatchObject({ queued: 0, already: overdue.length });
    const messages = await followUps();
    expect(messages).toHaveLength(overdue.length);
    for (const m of messages) {
      expect(m.textBody).toContain("a response was due by");
      const timeline = await getTimeline(org.viewer, m.requestId!);
      expect(timeline.filter((e) => e.kind === "email_queued" && (e.data as { letterKind: string }).letterKind === "follow_up")).toHaveLength(1);
    }
  });

  it("sends one summary follow-up to an agency listing all its open requests, once a day", async () => {
    const draft = (await draftAgencySummary(org.viewer, ids.harrisburg!, "2027-03-01"))!;
    const open = await db.select().from(requests).where(and(eq(requests.agencyId, ids.harrisburg!), eq(requests.status, "submitted")));
    expect(open.length).toBeGreaterThan(1);
    expect(draft.open).toHaveLength(open.length);
    for (const r of open) expect(draft.letter!.text).toContain(`${org.viewer.organizationCode}-${r.number} ${r.title}`);
    expect(draft.letter!.text.startsWith("March 1, 2027\n\nTo the Open Records Officer, Harrisburg Bureau of Police:")).toBe(true);
    expect(draft.letter!.text.match(/^Thank you/gm)).toHaveLength(1);

    const sent = await sendAgencySummary(org.viewer, ids.harrisburg!, "2027-03-01");
    expect(sent).toEqual({ ok: true, value: { created: true, requests: open.length, to: "records@harrisburgpa.gov" } });
    expect(await sendAgencySummary(org.viewer, ids.harrisburg!, "2027-03-01")).toMatchObject({ ok: true, value: { created: false } });
    const queued = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `agency-summary:${ids.harrisburg}:2027-03-01`));
    expect(queued).toHaveLength(1);
    for (const r of open) {
      const timeline = await getTimeline(org.viewer, r.id);
      expect(timeline.some((e) => e.kind === "email_queued" && (e.data as { outboxMessageId: string }).outboxMessageId === queued[0]!.id)).toBe(true);
    }
    // Madison has no email: refused with the field named.
    expect(await sendAgencySummary(org.viewer, ids.madison!, "2027-03-01")).toMatchObject({ ok: false });
  });

  it("lists the joint ask's agencies that have several open requests", async () => {
    const created = await createCampaign(org.viewer, ask({ title: "Several open", targets: [ids.harrisburg] }), TODAY);
    if (!created.ok) throw new Error("not created");
    const list = await agenciesWithSeveralOpen(org.viewer, created.value.id);
    expect(list.map((a) => a.name)).toEqual(["Harrisburg Bureau of Police"]);
    expect(list[0]!.open).toBeGreaterThan(1);
    // Each agency read with its id and records address (what the summary follow-up form posts and checks).
    expect(list[0]).toMatchObject({ agencyId: ids.harrisburg, contactEmail: "records@harrisburgpa.gov" });
  });
});

describe("partners and overlaps", () => {
  it("gives a partner's request added by number the joint ask's ask, so the grid shows its fields", async () => {
    const owner = await makeOrganization("Grid owner");
    const partner = await makeOrganization("Grid partner");
    await formCoalition(owner, partner);
    const ownerViewer = await freshViewer(owner.admin.id);
    const partnerViewer = await freshViewer(partner.admin.id);
    const mine = (await makeAgency(ownerViewer, { name: "Erie Police Department", place: "Erie", state: "PA" })).agencyId;
    const theirs = (await makeAgency(partnerViewer, { name: "Dane County Sheriff", place: "Dane County", state: "WI", kind: "county", type: "sheriff" })).agencyId;
    const created = await createCampaign(
      ownerViewer,
      campaignFormSchema.parse({
        title: "Shared stops",
        ask: "Stops.",
        recordTypeIds: [types.stops],
        catalogFieldIds: [stopFields.subject_race, stopFields.subject_age].filter(Boolean),
        letterTemplate: DEFAULT_AGENCY_LETTER,
        targets: [mine],
      }),
      TODAY,
    );
    if (!created.ok) throw new Error("not created");
    const request = await makeRequest(partnerViewer, theirs, { title: "Dane County stops" });
    const added = await addRequestToCampaign(partnerViewer, created.value.id, request.number);
    expect(added).toEqual({ ok: true, value: { requestId: request.id } });

    const matrix = await coverageMatrix(ownerViewer, { campaignId: created.value.id });
    expect(matrix.fields.length).toBeGreaterThanOrEqual(2);
    const row = matrix.rows.find((r) => r.requestId === request.id)!;
    expect(row).toBeDefined();
    for (const field of matrix.fields) expect(row.states[field.id]).toBe("not_yet");
    const timeline = await getTimeline(partnerViewer, request.id);
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["campaign_joined", "fields_asked"]));
    // The grid's CSV: organization, ORG-#, each field's state in words, totals per city and per field.
    const exported = (await gridCsv(ownerViewer, created.value.id, new Map([[request.id, { from: "2021-01-01", to: "2024-12-31" }]])))!;
    const records = parse(exported.csv, { bom: true }) as string[][];
    expect(records[0]!.slice(0, 5)).toEqual(["Organization", "Request", "Target", "Place", "Period delivered"]);
    const partnerRow = records.find((r) => r[2] === "Dane County Sheriff")!;
    expect(partnerRow[0]).toBe(partner.org.name);
    expect(partnerRow[1]).toMatch(new RegExp(`-${request.number}$`));
    expect(partnerRow[4]).toBe("2021-01-01 to 2024-12-31");
    expect(partnerRow.slice(5, 5 + matrix.fields.length)).toEqual(matrix.fields.map(() => "Not yet"));
    expect(records.at(-1)![0]).toBe("Received");
    expect(records.at(-1)!.slice(5, 5 + matrix.fields.length)).toEqual(matrix.fields.map(() => "0 of 2"));
    // The partner's copy is its own organization's.
    const fields = await db.select().from(requests).where(eq(requests.id, request.id));
    expect(fields[0]!.organizationId).toBe(partner.org.id);
  });

  it("warns of open requests (own and the coalition's) to the same agency for the same record types", async () => {
    const owner = await makeOrganization("Overlap owner");
    const partner = await makeOrganization("Overlap partner");
    await formCoalition(owner, partner);
    const ownerViewer = await freshViewer(owner.admin.id);
    const partnerViewer = await freshViewer(partner.admin.id);
    const madison = (await makeAgency(ownerViewer, { name: "Madison PD", place: "Madison", state: "WI" })).agencyId;
    const quiet = (await makeAgency(ownerViewer, { name: "Quiet PD", place: "Quietville", state: "WI" })).agencyId;
    const open = await makeRequest(ownerViewer, madison, { title: "Madison traffic stops", initialStatus: "submitted" });
    const byName = await openOverlaps(ownerViewer, [madison, quiet], { ids: [types.stops!], names: ["Stops"] });
    expect(byName[madison]!.map((o) => o.requestId)).toEqual([open.id]);
    expect(byName[quiet]).toBeUndefined();
    expect(await openOverlaps(ownerViewer, [madison], { ids: [types.use_of_force ?? types.calls_for_service!], names: ["Use of force"] })).toEqual({});
    // The partner asking the same agency is warned of the owner's open request (shared with the coalition), with whose it is.
    const partnerMadison = await openOverlaps(partnerViewer, [madison], { ids: [types.stops!], names: ["stops"] });
    expect(partnerMadison[madison]).toEqual([expect.objectContaining({ requestId: open.id, own: false, organizationName: owner.org.name })]);
    const preview = await previewCampaign(
      ownerViewer,
      campaignFormSchema.parse({ title: "Again", ask: "Stops.", recordTypeIds: [types.stops], letterTemplate: DEFAULT_AGENCY_LETTER, targets: [madison, quiet] }),
      TODAY,
    );
    expect(preview.ok && preview.value.overlaps[madison]![0]).toMatchObject({ number: open.number, own: true });
  });
});
