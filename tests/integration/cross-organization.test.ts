import { randomUUID } from "node:crypto";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { agencySystems, campaigns, communications, requestEvents, requestFiles, requests, systemDocuments, vendors } from "../../db/schema";
import { removeMember } from "~/domain/coalitions.server";
import { addNote, setRequestCampaign } from "~/domain/requests.server";
import { sendLetter } from "~/domain/mail/letters.server";
import { createSystem } from "~/domain/systems.server";
import { setEntryInternal, setRequestVisibility } from "~/domain/visibility.server";
import { db } from "~/utils/db.server";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import { callRoute, cookieFor, formCoalition, freshViewer, makeOrganization, makeProduct, makeRequest, makeVendor, standardRecordTypeId } from "./factories";
import { multipart, postBody } from "./support/uploads";
import { intentsOf, routeFiles, routesDir, urlFor, type RouteModule } from "./support/route-sweep";

// Organization B, a coalition partner of A, and then a former one, tries every route of the app (every
// loader, and every action with every intent its page knows) with the ids of A's private request, its files,
// its events, its joint ask and its other rows. Not one byte of A's private titles or text may come back, and
// nothing of A's may change. The routes are found on disk, so a new route is swept without editing this file.

const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-sweep-test-"));
  process.env.FILES_DIR = dir;
  return dir;
});

const SECRET = {
  title: "Undercover ALPR deployment map QX7",
  text: "Informant says the plates database is shared with ICE",
  note: "Internal: our source at the clerk's office is Dana R.",
  fileName: "source-list-QX7.csv",
  fileText: "name,phone\nConfidential Source,555-0199\n",
};
const SHARED_TITLE = "Shared stops ask RR4";

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let bCookie: string;
const ids: Record<string, string> = {};
let privateNumber = 0;

afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

beforeAll(async () => {
  a = await makeOrganization("Ash");
  b = await makeOrganization("Beech");
  await formCoalition(a, b);
  a.viewer = await freshViewer(a.admin.id);
  bCookie = await cookieFor(b.admin.id);
  const aCookie = await cookieFor(a.admin.id);

  const secret = await makeRequest(a.viewer, a.agencyId, { title: SECRET.title, description: SECRET.text, visibility: "private", initialStatus: "submitted" });
  ids.requestId = secret.id;
  privateNumber = secret.number;
  const shared = await makeRequest(a.viewer, a.agencyId, { title: SHARED_TITLE, initialStatus: "submitted" });
  ids.sharedRequestId = shared.id;

  // The private request was public once: its public address must not answer now.
  await setRequestVisibility(a.viewer, secret.id, { visibility: "public" });
  await setRequestVisibility(a.viewer, secret.id, { visibility: "private" });
  const [withSlug] = await db.select({ slug: requests.publicSlug }).from(requests).where(eq(requests.id, secret.id));
  ids.slug = withSlug!.slug!;

  // Files: one on the private request, one internal on the shared request.
  for (const [requestId, name] of [
    [secret.id, "private-stops.csv"],
    [shared.id, SECRET.fileName],
  ] as const) {
    const body = multipart([{ name: "file", filename: name, content: `${SECRET.fileText}${name}\n`, type: "text/csv" }]);
    const response = await postBody(apiFiles.action, { url: `/api/v1/requests/${requestId}/files`, cookie: aCookie, params: { requestId }, body: body.body, contentType: body.contentType });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  const [privateFile] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.requestId, secret.id));
  const [internalFile] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.requestId, shared.id));
  ids.fileId = privateFile!.id;
  ids.internalFileId = internalFile!.id;
  await setEntryInternal(a.viewer, shared.id, { entryType: "file", entryId: internalFile!.id, internal: true });

  // An internal note on the shared request, and a letter about the private one in A's outbox.
  await addNote(a.viewer, shared.id, SECRET.note, undefined, { internal: true });
  const [noteEvent] = await db.select({ id: requestEvents.id }).from(requestEvents).where(eq(requestEvents.kind, "note_added"));
  ids.eventId = noteEvent!.id;
  const letter = await sendLetter(
    a.viewer,
    secret.id,
    { kind: "request_letter", to: "records@ash.example", subject: `Request: ${SECRET.title}`, body: SECRET.text, nonce: randomUUID() },
    "2026-11-23",
  );
  if (!letter?.ok) throw new Error("letter");
  ids.messageId = letter.value.outboxMessageId;

  // A joint ask holding both, vendor knowledge with a document.
  const { createCampaign } = await import("~/domain/campaigns.server");
  const { campaignFormSchema } = await import("~/domain/vendor-input");
  const { DEFAULT_AGENCY_LETTER } = await import("~/domain/letters");
  const campaign = await createCampaign(
    a.viewer,
    campaignFormSchema.parse({
      title: "Ash joint ask",
      ask: "Stops.",
      recordTypeIds: [await standardRecordTypeId("stops")],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      targets: [a.agencyId],
    }),
    "2026-11-23",
  );
  if (!campaign.ok) throw new Error("campaign");
  ids.campaignId = campaign.value.id;
  await setRequestCampaign(a.viewer, secret.id, campaign.value.id);
  await setRequestCampaign(a.viewer, shared.id, campaign.value.id);
  ids.vendorId = await makeVendor(a.viewer, "Ash Vendor Co");
  ids.productId = await makeProduct(a.viewer, ids.vendorId, "Ash RMS");
  const system = await createSystem(
    a.viewer,
    a.agencyId,
    { systemType: "records_management", productId: ids.productId, confidence: "confirmed" },
    { name: "contract.txt", bytes: new TextEncoder().encode("Master agreement for Ash RMS.") },
  );
  if (!system?.ok) throw new Error("system");
  ids.systemId = system.value.id;
  const [document] = await db.select({ id: systemDocuments.id }).from(systemDocuments).where(eq(systemDocuments.systemId, system.value.id));
  ids.documentId = document!.id;
  ids.agencyId = a.agencyId;
  ids.organizationId = a.org.id;
  ids.userId = a.admin.id;
}, 120_000);

/** Everything of A's that no route may change, as it is now. */
async function snapshotOfA() {
  const requestRows = await db.select().from(requests).where(eq(requests.organizationId, a.org.id)).orderBy(asc(requests.id));
  const requestIds = requestRows.map((r) => r.id);
  return {
    requests: requestRows,
    events: (await db.select().from(requestEvents).where(inArray(requestEvents.requestId, requestIds))).length,
    files: await db.select().from(requestFiles).where(inArray(requestFiles.requestId, requestIds)).orderBy(asc(requestFiles.id)),
    communications: (await db.select().from(communications).where(inArray(communications.requestId, requestIds))).length,
    campaigns: await db.select().from(campaigns).where(eq(campaigns.organizationId, a.org.id)),
    vendors: await db.select().from(vendors).where(eq(vendors.organizationId, a.org.id)),
    systems: await db.select().from(agencySystems).where(eq(agencySystems.organizationId, a.org.id)),
  };
}

/** Values for a route's URL parameters: A's ids (every combination, for requests and files). */
function paramSets(file: string): Record<string, string>[] {
  const names = [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
  const options: Record<string, string[]> = {
    // A's private request, and its shared one (whose page B may read, but not its internal entries and files).
    requestId: [ids.requestId!, ids.sharedRequestId!],
    fileId: [ids.fileId!, ids.internalFileId!],
    campaignId: [ids.campaignId!],
    agencyId: [ids.agencyId!],
    vendorId: [ids.vendorId!],
    productId: [ids.productId!],
    systemId: [ids.systemId!],
    documentId: [ids.documentId!],
    messageId: [ids.messageId!],
    attachmentId: [randomUUID()],
    token: ["A".repeat(43)],
    code: ["PA"],
    slug: [ids.slug!],
  };
  let sets: Record<string, string>[] = [{}];
  for (const name of names) sets = sets.flatMap((set) => (options[name] ?? [randomUUID()]).map((value) => ({ ...set, [name]: value })));
  if (file.startsWith("$.") || file.startsWith("api.$.")) sets = sets.map((s) => ({ ...s, "*": "anything" }));
  return sets;
}

/** Forms with A's ids in every field a form of the app has: no intent, and each intent the route knows. */
function formsFor(file: string): Record<string, string>[] {
  const intents = intentsOf(file);
  const fields = {
    requestId: ids.requestId!,
    requestIds: ids.requestId!,
    fileId: ids.fileId!,
    entryId: ids.eventId!,
    entryType: "event",
    internal: "false",
    communicationId: randomUUID(),
    campaignId: ids.campaignId!,
    agencyId: ids.agencyId!,
    vendorId: ids.vendorId!,
    productId: ids.productId!,
    hostAgencyId: ids.agencyId!,
    targets: ids.agencyId!,
    organizationId: ids.organizationId!,
    userId: ids.userId!,
    invitationId: randomUUID(),
    inboundId: randomUUID(),
    messageId: ids.messageId!,
    tokenId: randomUUID(),
    number: String(privateNumber),
    requestNumber: String(privateNumber),
    status: "withdrawn",
    visibility: "public",
    role: "viewer",
    body: "B was here",
    note: "B was here",
    summary: "B was here",
    title: "B was here",
    description: "B was here",
    name: "B was here",
    email: "b-was-here@example.org",
    tags: "b-was-here",
    systemType: "records_management",
    confidence: "reported",
    on: "2026-11-20",
    occurredOn: "2026-11-20",
    direction: "outgoing",
    channel: "email",
  };
  return [{}, ...intents.map((intent) => ({ ...fields, intent }))];
}

async function expectNothingLeaks(response: Response, label: string, secrets: readonly string[]) {
  const text = await response.clone().text();
  for (const secret of secrets) expect(text.includes(secret), `${label} shows "${secret}"`).toBe(false);
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
}

async function sweep(cookie: string | undefined, secrets: readonly string[], options: { skip?: string[] } = {}) {
  let calls = 0;
  for (const file of routeFiles) {
    if (file.startsWith("logout.") || options.skip?.includes(file)) continue;
    const mod = (await import(path.join(routesDir, file))) as RouteModule;
    for (const params of paramSets(file)) {
      const url = urlFor(file, params);
      if (mod.loader) {
        await expectNothingLeaks(await callRoute(mod.loader as never, { url, cookie, params }), `GET ${url}`, secrets);
        calls += 1;
      }
      if (mod.action) {
        for (const form of formsFor(file)) {
          const response = await callRoute(mod.action as never, { url, cookie, params, form, headers: { Accept: "application/json" } });
          await expectNothingLeaks(response, `POST ${url} ${form.intent ?? "(no intent)"}`, secrets);
          calls += 1;
        }
        if (url.startsWith("/api/")) {
          const json = { title: "B was here", description: "B", agencyId: ids.agencyId, campaignId: ids.campaignId };
          await expectNothingLeaks(await callRoute(mod.action as never, { url, cookie, params, json }), `POST ${url} (JSON)`, secrets);
          calls += 1;
        }
      }
    }
  }
  return calls;
}

const PRIVATE_SECRETS = [SECRET.title, SECRET.text, SECRET.note, SECRET.fileName, "Confidential Source"];

describe("a coalition partner", () => {
  it("gets nothing of A's private request, internal entries or files from any route, and changes nothing", async () => {
    const before = await snapshotOfA();
    const calls = await sweep(bCookie, PRIVATE_SECRETS);
    expect(calls).toBeGreaterThan(routeFiles.length);
    expect(await snapshotOfA()).toEqual(before);
  }, 300_000);

  it("still sees A's shared request (the sweep is not passing because nothing is shown)", async () => {
    const requestPage = await import("~/routes/requests.$requestId");
    const response = await callRoute(requestPage.loader, { url: `/requests/${ids.sharedRequestId}`, cookie: bCookie, params: { requestId: ids.sharedRequestId! } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(SHARED_TITLE);
  });
});

describe("a signed-out visitor", () => {
  it("gets nothing of A's private or shared requests from any route", async () => {
    const before = await snapshotOfA();
    await sweep(undefined, [...PRIVATE_SECRETS, SHARED_TITLE, "Ash joint ask"]);
    expect(await snapshotOfA()).toEqual(before);
  }, 300_000);
});

describe("a former coalition partner", () => {
  it("gets nothing of A's requests, shared ones included, once A has removed it", async () => {
    expect((await removeMember(a.viewer, b.org.id)).ok).toBe(true);
    const before = await snapshotOfA();
    // B's audit log keeps what B itself exported while it was a member (the joint ask's CSV, by title): that
    // record is B's own history, so the audit page is checked against A's private secrets only.
    await sweep(bCookie, [...PRIVATE_SECRETS, SHARED_TITLE, "Ash joint ask", "Ash Vendor Co", "Master agreement for Ash RMS.", a.org.name], {
      skip: ["admin.audit.tsx"],
    });
    const audit = await import("~/routes/admin.audit");
    await expectNothingLeaks(await callRoute(audit.loader as never, { url: "/admin/audit", cookie: bCookie }), "GET /admin/audit", PRIVATE_SECRETS);
    expect(await snapshotOfA()).toEqual(before);
  }, 300_000);
});
