import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { coalitionInvitations, outboxMessages, requestEvents, requests } from "../../db/schema";
import { PUBLIC } from "~/domain/access.server";
import { acceptCoalitionInvitation, createCoalition, inviteOrganization, leaveCoalition, removeMember } from "~/domain/coalitions.server";
import { addNote, getRequest, getTimeline, listRequests } from "~/domain/requests.server";
import { listVendors } from "~/domain/vendors.server";
import { createSystem } from "~/domain/systems.server";
import { addRequestToCampaign, bulkTag, createCampaign, getCampaignPage, listCampaigns } from "~/domain/campaigns.server";
import { campaignTargetPage } from "~/domain/campaign-targets.server";
import { setEntryInternal, setRequestVisibility } from "~/domain/visibility.server";
import * as coalitionPage from "~/routes/coalition._index";
import * as joinPage from "~/routes/coalition.join.$token";
import * as requestPage from "~/routes/requests.$requestId";
import * as requestsIndex from "~/routes/requests._index";
import * as vendorEdit from "~/routes/vendors.$vendorId_.edit";
import { addDays, todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { DEFAULT_AGENCY_LETTER } from "~/domain/letters";
import { campaignFormSchema } from "~/domain/vendor-input";
import {
  callRoute,
  cookieFor,
  formCoalition,
  freshViewer,
  makeMember,
  makeOrganization,
  makeProduct,
  makeRequest,
  makeVendor,
  standardRecordTypeId,
  TODAY,
} from "./factories";

// Two organizations in a coalition and one outside it: who sees which request, entry, file, vendor and joint
// ask, who may change them, and what changes the moment a member leaves.

let a: Awaited<ReturnType<typeof makeOrganization>>;
let b: Awaited<ReturnType<typeof makeOrganization>>;
let outsider: Awaited<ReturnType<typeof makeOrganization>>;
const ids = {} as Record<"private" | "shared" | "published" | "embargoed" | "bShared", string>;

beforeAll(async () => {
  a = await makeOrganization("Alder");
  b = await makeOrganization("Birch");
  outsider = await makeOrganization("Cedar");
  ids.private = (await makeRequest(a.viewer, a.agencyId, { title: "Alder private ask", visibility: "private" })).id;
  ids.shared = (await makeRequest(a.viewer, a.agencyId, { title: "Alder shared ask", initialStatus: "submitted" })).id;
  ids.published = (await makeRequest(a.viewer, a.agencyId, { title: "Alder published ask" })).id;
  ids.embargoed = (await makeRequest(a.viewer, a.agencyId, { title: "Alder embargoed ask" })).id;
  ids.bShared = (await makeRequest(b.viewer, b.agencyId, { title: "Birch shared ask" })).id;
  const today = todayIn(a.viewer.timeZone);
  expect((await setRequestVisibility(a.viewer, ids.published, { visibility: "public" }))?.ok).toBe(true);
  expect((await setRequestVisibility(a.viewer, ids.embargoed, { visibility: "public", embargoUntil: addDays(today, 10) }))?.ok).toBe(true);
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title).sort();

describe("forming a coalition", () => {
  it("sends the invitation through the outbox, and an admin of the other organization accepts it once", async () => {
    const aCookie = await cookieFor(a.admin.id);
    const created = await callRoute(coalitionPage.action, { url: "/coalition", cookie: aCookie, form: { intent: "create", name: "Keystone Coalition" } });
    expect(created.status).toBe(302);
    const invited = await callRoute(coalitionPage.action, { url: "/coalition", cookie: aCookie, form: { intent: "invite", email: b.admin.email } });
    expect(invited.status).toBe(302);
    const [mail] = await db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, b.admin.email));
    expect(mail!.kind).toBe("coalition_invitation");
    const link = /\/coalition\/join\/([A-Za-z0-9_-]{43})/.exec(mail!.textBody);
    expect(link, mail!.textBody).not.toBeNull();
    const token = link![1]!;

    // A member who is not an admin sees the invitation but can't accept it.
    const advocate = await makeMember(b, "advocate");
    const shown = await callRoute(joinPage.loader, { url: `/coalition/join/${token}`, cookie: advocate.cookie, params: { token } });
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("Keystone Coalition");
    expect((await callRoute(joinPage.action, { url: `/coalition/join/${token}`, cookie: advocate.cookie, params: { token }, form: {} })).status).toBe(403);

    const bCookie = await cookieFor(b.admin.id);
    const accepted = await callRoute(joinPage.action, { url: `/coalition/join/${token}`, cookie: bCookie, params: { token }, form: {} });
    expect(accepted.status).toBe(302);
    expect((await freshViewer(b.admin.id)).partnerOrganizationIds).toEqual([a.org.id]);
    expect((await freshViewer(a.admin.id)).partnerOrganizationIds).toEqual([b.org.id]);

    // Used: the same link answers 410 and can't be accepted by the outsider.
    const again = await callRoute(joinPage.loader, { url: `/coalition/join/${token}`, cookie: await cookieFor(outsider.admin.id), params: { token } });
    expect(again.status).toBe(410);
    expect((await acceptCoalitionInvitation(outsider.viewer, token)).ok).toBe(false);
    expect((await freshViewer(outsider.admin.id)).partnerOrganizationIds).toEqual([]);
  });

  it("refuses unknown, expired and revoked links, and a second coalition for a member", async () => {
    const founder = await makeOrganization("Dogwood");
    const guest = await makeOrganization("Elm");
    expect((await createCoalition(founder.viewer, { name: "Dogwood Coalition" })).ok).toBe(true);
    const invited = await inviteOrganization(founder.viewer, { email: guest.admin.email });
    if (!invited.ok) throw new Error("invite");
    const token = invited.value.acceptUrl.split("/").pop()!;
    await db.update(coalitionInvitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(coalitionInvitations.id, invited.value.id));
    expect((await acceptCoalitionInvitation(guest.viewer, token)).ok).toBe(false);
    expect((await acceptCoalitionInvitation(guest.viewer, "not-a-token")).ok).toBe(false);
    const unknown = await callRoute(joinPage.loader, { url: "/coalition/join/x", cookie: await cookieFor(guest.admin.id), params: { token: "x".repeat(43) } });
    expect(unknown.status).toBe(404);
    expect((await createCoalition(a.viewer, { name: "Another one" })).ok).toBe(false);
    const bad = await inviteOrganization(founder.viewer, { email: "someone@example.org\r\nBcc: x@example.org" });
    expect(bad).toEqual({ ok: false, fieldErrors: { email: [expect.stringContaining("line breaks")] } });
  });
});

describe("what coalition members see", () => {
  it("lists the partner's requests that are not private, and never the private one", async () => {
    const bViewer = await freshViewer(b.admin.id);
    const seen = await listRequests(bViewer, { pageSize: 100 });
    expect(titles(seen.rows)).toEqual(["Alder embargoed ask", "Alder published ask", "Alder shared ask", "Birch shared ask"]);
    expect((await listRequests(bViewer, { owner: "shared", pageSize: 100 })).total).toBe(3);
    expect((await listRequests(bViewer, { q: "private", pageSize: 100 })).total).toBe(0);
    expect(await getRequest(bViewer, ids.private)).toBeNull();
    expect((await getRequest(bViewer, ids.shared))?.organizationName).toBe(a.org.name);
    // The outsider sees none of them; the public only the published one.
    expect((await listRequests(await freshViewer(outsider.admin.id), { pageSize: 100 })).total).toBe(0);
    const publicRows = await db.select({ title: requests.title }).from(requests).where(sql`${requests.organizationId} = ${a.org.id}`);
    expect(publicRows.length).toBe(4);
  });

  it("shows the public only published requests whose embargo has passed, and releases an embargo by itself", async () => {
    const visible = async () =>
      titles(await db.select({ title: requests.title }).from(requests).where((await import("~/domain/access.server")).visibleRequests(PUBLIC)));
    expect((await visible()).filter((t) => t.startsWith("Alder"))).toEqual(["Alder published ask"]);
    // The embargo date arrives: nobody acts, the request is public.
    await db.update(requests).set({ publicAt: sql`now() - interval '1 second'`, embargoUntil: addDays(TODAY, -1) }).where(eq(requests.id, ids.embargoed));
    expect((await visible()).filter((t) => t.startsWith("Alder"))).toEqual(["Alder embargoed ask", "Alder published ask"]);
  });

  it("hides internal timeline entries from partners, and keeps them for the organization", async () => {
    expect((await addNote(a.viewer, ids.shared, "Internal: the clerk sounded hostile", undefined, { internal: true }))?.ok).toBe(true);
    expect((await addNote(a.viewer, ids.shared, "Agency promised data by Friday"))?.ok).toBe(true);
    const bodies = (events: Awaited<ReturnType<typeof getTimeline>>) =>
      events.filter((e) => e.kind === "note_added").map((e) => (e.data as { body: string }).body);
    expect(bodies(await getTimeline(a.viewer, ids.shared))).toEqual(["Internal: the clerk sounded hostile", "Agency promised data by Friday"]);
    const bViewer = await freshViewer(b.admin.id);
    expect(bodies(await getTimeline(bViewer, ids.shared))).toEqual(["Agency promised data by Friday"]);
    // Hiding the other one later takes it away from partners too, and the change itself is internal.
    const [shown] = await db.select().from(requestEvents).where(sql`${requestEvents.requestId} = ${ids.shared} and ${requestEvents.data}->>'body' = 'Agency promised data by Friday'`);
    expect((await setEntryInternal(a.viewer, ids.shared, { entryType: "event", entryId: shown!.id, internal: true }))?.ok).toBe(true);
    expect(bodies(await getTimeline(bViewer, ids.shared))).toEqual([]);
    expect((await getTimeline(bViewer, ids.shared)).some((e) => e.kind === "entry_visibility_changed")).toBe(false);
    expect((await getTimeline(a.viewer, ids.shared)).some((e) => e.kind === "entry_visibility_changed")).toBe(true);
  });

  it("lets a partner read a shared request but change nothing on it", async () => {
    const bCookie = await cookieFor(b.admin.id);
    const page = await callRoute(requestPage.loader, { url: `/requests/${ids.shared}`, cookie: bCookie, params: { requestId: ids.shared } });
    expect(page.status).toBe(200);
    const body = (await page.json()) as { owned: boolean };
    expect(body.owned).toBe(false);
    const before = await db.select().from(requests).where(eq(requests.id, ids.shared));
    const eventsBefore = await db.select().from(requestEvents).where(eq(requestEvents.requestId, ids.shared));
    const forms: Record<string, string>[] = [
      { intent: "change-status", status: "withdrawn" },
      { intent: "add-note", body: "Birch was here" },
      { intent: "set-visibility", visibility: "private" },
      { intent: "assign", assigneeId: "" },
    ];
    for (const form of forms) {
      const response = await callRoute(requestPage.action, { url: `/requests/${ids.shared}`, cookie: bCookie, params: { requestId: ids.shared }, form });
      expect(response.status, form.intent).toBe(404);
    }
    expect(await db.select().from(requests).where(eq(requests.id, ids.shared))).toEqual(before);
    expect((await db.select().from(requestEvents).where(eq(requestEvents.requestId, ids.shared))).length).toBe(eventsBefore.length);
  });

  it("shares vendors read-only: partners see them but can't edit them or build on them", async () => {
    const vendorId = await makeVendor(a.viewer, "Alder Dispatch Systems");
    const productId = await makeProduct(a.viewer, vendorId, "AlderCAD", "computer_aided_dispatch");
    const bViewer = await freshViewer(b.admin.id);
    const listed = await listVendors(bViewer, {}, TODAY);
    expect(listed.find((v) => v.id === vendorId)?.organizationName).toBe(a.org.name);
    const edit = await callRoute(vendorEdit.loader, { url: `/vendors/${vendorId}/edit`, cookie: await cookieFor(b.admin.id), params: { vendorId } });
    expect(edit.status).toBe(404);
    const system = await createSystem(bViewer, b.agencyId, { systemType: "computer_aided_dispatch", productId, confidence: "reported" }, null);
    expect(system).toEqual({ ok: false, fieldErrors: { productId: ["Choose a product from the list"] } });
  });

  it("shares joint asks: a partner joins with its own request and changes only its own rows", async () => {
    const input = campaignFormSchema.parse({
      title: "Keystone stops ask",
      ask: "Stop data.",
      recordTypeIds: [await standardRecordTypeId("stops")],
      letterTemplate: DEFAULT_AGENCY_LETTER,
      targets: [a.agencyId],
    });
    const created = await createCampaign(a.viewer, input, TODAY);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const bViewer = await freshViewer(b.admin.id);
    expect((await listCampaigns(bViewer)).map((c) => c.title)).toContain("Keystone stops ask");
    const [birch] = await db.select({ number: requests.number }).from(requests).where(eq(requests.id, ids.bShared));
    expect((await addRequestToCampaign(bViewer, created.value.id, birch!.number))?.ok).toBe(true);
    const aPage = await getCampaignPage(await freshViewer(a.admin.id), created.value.id, TODAY);
    expect(aPage).not.toBeNull();
    expect((await campaignTargetPage(await freshViewer(a.admin.id), created.value.id, {})).rows.map((r) => r.organizationName).sort()).toEqual([a.org.name, b.org.name].sort());
    // The founder can't tag the partner's request through the joint ask.
    const tagged = await bulkTag(await freshViewer(a.admin.id), created.value.id, [ids.bShared], ["x"]);
    expect(tagged?.ok).toBe(false);
    // A private request of A in its own joint ask stays out of B's view of it, counts included.
    await db.update(requests).set({ campaignId: created.value.id }).where(eq(requests.id, ids.private));
    const bPage = await getCampaignPage(bViewer, created.value.id, TODAY);
    const bRows = (await campaignTargetPage(bViewer, created.value.id, {})).rows;
    const [alder] = await db.select({ number: requests.number }).from(requests).where(eq(requests.id, ids.private));
    expect(bRows.map((r) => `${r.organizationId}#${r.number}`)).not.toContain(`${a.org.id}#${alder!.number}`);
    expect(bPage!.summary.total).toBe(bRows.length);
  });

  it("the requests list offers the owner filter only inside a coalition", async () => {
    const inside = await callRoute(requestsIndex.loader, { url: "/requests?owner=own", cookie: await cookieFor(b.admin.id) });
    const data = (await inside.json()) as { inCoalition: boolean; result: { rows: { title: string }[] } };
    expect(data.inCoalition).toBe(true);
    expect(data.result.rows.map((r) => r.title)).toEqual(["Birch shared ask"]);
    const bad = await callRoute(requestsIndex.loader, { url: "/requests?owner=everyone", cookie: await cookieFor(b.admin.id) });
    expect(bad.status).toBe(400);
  });
});

describe("leaving", () => {
  it("ends all sharing at once when the founder removes a member", async () => {
    const removed = await removeMember(a.viewer, b.org.id);
    expect(removed.ok).toBe(true);
    const bViewer = await freshViewer(b.admin.id);
    expect(bViewer.partnerOrganizationIds).toEqual([]);
    expect(titles((await listRequests(bViewer, { pageSize: 100 })).rows)).toEqual(["Birch shared ask"]);
    expect(await getRequest(bViewer, ids.shared)).toBeNull();
    expect((await listVendors(bViewer, {}, TODAY)).some((v) => v.organizationName === a.org.name)).toBe(false);
    expect((await listCampaigns(bViewer)).some((c) => c.title === "Keystone stops ask")).toBe(false);
    // B's request still points at A's joint ask, but B no longer sees it named.
    expect((await getRequest(bViewer, ids.bShared))?.campaignTitle).toBeNull();
    expect((await listRequests(await freshViewer(a.admin.id), { pageSize: 100 })).rows.some((r) => r.title === "Birch shared ask")).toBe(false);
  });

  it("lets a member leave, and the founder dissolve", async () => {
    const f = await makeOrganization("Fir");
    const g = await makeOrganization("Gum");
    const h = await makeOrganization("Hazel");
    await formCoalition(f, g, h);
    expect((await leaveCoalition(await freshViewer(g.admin.id))).ok).toBe(true);
    expect((await freshViewer(f.admin.id)).partnerOrganizationIds).toEqual([h.org.id]);
    const dissolved = await leaveCoalition(await freshViewer(f.admin.id));
    expect(dissolved).toEqual({ ok: true, value: { dissolved: true, name: expect.any(String) } });
    expect((await freshViewer(h.admin.id)).partnerOrganizationIds).toEqual([]);
    expect((await removeMember(await freshViewer(h.admin.id), f.org.id)).ok).toBe(false);
  });
});
