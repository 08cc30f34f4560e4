import { randomUUID } from "node:crypto";
import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordTypes, requestFields, requests } from "../../db/schema";
import type { Viewer } from "~/domain/accounts.server";
import { setAskedFields, updateFieldStates } from "~/domain/fields.server";
import { draftLetter, letterContext, sendLetter } from "~/domain/mail/letters.server";
import { replyAddressFor } from "~/domain/mail/reply-address.server";
import { decodePublicCursor, listPublicRequests } from "~/domain/public-requests.server";
import { addNote, assignRequest, createRequest, logCommunication } from "~/domain/requests.server";
import { setEntryInternal, setRequestVisibility } from "~/domain/visibility.server";
import * as apiFiles from "~/routes/api.v1.requests.$requestId.files";
import * as publicApi from "~/routes/api.v1.public.requests";
import * as publicFile from "~/routes/r.$slug.files.$fileId";
import * as publicPage from "~/routes/r.$slug";
import * as publicIndex from "~/routes/r._index";
import { addDays, todayIn } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/app-url.server";
import { callRoute, cookieFor, makeMember, makeOrganization, makeRequest, makeVendor, TODAY } from "./factories";
import { multipart, postBody } from "./support/uploads";

// Stored files go to a directory of this test file's own.
const storage = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "jointask-public-test-"));
  process.env.FILES_DIR = dir;
  return dir;
});

afterAll(async () => {
  const { rmSync } = await import("node:fs");
  rmSync(storage, { recursive: true, force: true });
});

type Org = Awaited<ReturnType<typeof makeOrganization>>;
let a: Org;
let b: Org;
let aCookie: string;
let bCookie: string;
let advocate: Awaited<ReturnType<typeof makeMember>>;

/** A word no other text in the database contains, to look for in every response. */
const secret = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

interface Made {
  id: string;
  title: string;
  description: string;
  slug: string | null;
}

async function make(viewer: Viewer, agencyId: string, label: string, status: "draft" | "submitted" = "submitted"): Promise<Made> {
  const title = `${label} ${secret("title")}`;
  const description = `What ${label} asks: ${secret("text")}`;
  const { id } = await makeRequest(viewer, agencyId, { title, description, initialStatus: status });
  return { id, title, description, slug: null };
}

async function setVisibility(viewer: Viewer, request: Made, visibility: "private" | "coalition" | "public", embargoUntil?: string) {
  const result = await setRequestVisibility(viewer, request.id, { visibility, embargoUntil });
  if (!result?.ok) throw new Error(JSON.stringify(result));
  request.slug = result.value.publicSlug;
  return result.value;
}

async function upload(requestId: string, name: string, content: string) {
  const body = multipart([{ name: "file", filename: name, content, type: "text/csv" }]);
  const response = await postBody(apiFiles.action, {
    url: `/api/v1/requests/${requestId}/files`,
    cookie: aCookie,
    params: { requestId },
    body: body.body,
    contentType: body.contentType,
  });
  if (response.status !== 201) throw new Error(`upload ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

const index = (query = "", cookie?: string) => callRoute(publicIndex.loader, { url: `/r${query}`, cookie });
const page = (slug: string, cookie?: string) => callRoute(publicPage.loader, { url: `/r/${slug}`, params: { slug }, cookie });
const download = (slug: string, fileId: string) => callRoute(publicFile.loader, { url: `/r/${slug}/files/${fileId}`, params: { slug, fileId } });

interface IndexBody {
  result: { rows: Array<{ slug: string; title: string; organizationName: string; status: string; target: { kind: string; name: string; place?: string | null }; filedOn: string | null; dueOn: string | null }>; page: number; pageCount: number; total: number };
}
interface PageBody {
  request: {
    title: string;
    description: string;
    status: string;
    organizationName: string;
    target: { kind: string; name: string; place: string | null; stateCode: string | null };
    filedOn: string | null;
    dueOn: string | null;
    acknowledgementDueOn: string | null;
    deadline: { lawName: string; citation: string } | null;
    timeline: Array<{ kind: string; actorName: string | null; data: Record<string, unknown> }>;
    files: Array<{ id: string; name: string; downloadUrl: string }>;
    fields: Array<{ label: string; state: string; stateNote: string | null; stateFileName: string | null }>;
    coverage: { received: number; total: number };
  };
}

/** Every page of /r for a query, as raw bodies (what a browser would get), checking that the pages neither repeat nor skip. */
async function allIndexPages(query: Record<string, string> = {}) {
  const bodies: string[] = [];
  const slugs: string[] = [];
  for (let n = 1; ; n++) {
    const response = await index(`?${new URLSearchParams({ ...query, page: String(n) })}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    bodies.push(text);
    const body = JSON.parse(text) as IndexBody;
    slugs.push(...body.result.rows.map((r) => r.slug));
    if (n >= body.result.pageCount) {
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs.length).toBe(body.result.total);
      return { bodies, slugs };
    }
  }
}

let published: Made;
let vendorRequest: Made;
let privateRequest: Made;
let coalitionRequest: Made;
let withdrawn: Made;
let embargoed: Made;
let embargoPassed: Made;
let hidden: Made[];
let publicFileId: string;
let internalFileId: string;
let embargoedFileId: string;
const internalNote = secret("internal-note");
const internalFileName = `${secret("internal-file")}.csv`;
const internalFileContent = `name,value\nsecret row,${secret("internal-bytes")}\n`;
const publicFileContent = "stop_id,subject_race\n1,W\n2,B\n";

beforeAll(async () => {
  a = await makeOrganization("Public A");
  b = await makeOrganization("Public B");
  aCookie = await cookieFor(a.admin.id);
  bCookie = await cookieFor(b.admin.id);
  advocate = await makeMember(a, "advocate");

  // The published request, with everything the public page shows and withholds.
  published = await make(a.viewer, a.agencyId, "Published stop data");
  await setVisibility(a.viewer, published, "public");
  await addNote(a.viewer, published.id, `The records office promised the data by Friday; ask ${a.admin.name} (${a.admin.email}).`);
  await addNote(a.viewer, published.id, internalNote, undefined, { internal: true });
  await assignRequest(a.viewer, published.id, advocate.id);
  const logged = await logCommunication(a.viewer, published.id, { direction: "outgoing", channel: "phone", occurredOn: TODAY, summary: `${a.member.name} called the clerk` });
  if (!logged?.ok) throw new Error(JSON.stringify(logged));
  const context = (await letterContext(a.viewer, published.id))!;
  const draft = await draftLetter("request_letter", context, TODAY);
  const sent = await sendLetter(a.viewer, published.id, { kind: "request_letter", to: "righttoknow@city.example", subject: draft.subject, body: draft.text, nonce: randomUUID() }, TODAY);
  if (!sent?.ok) throw new Error(JSON.stringify(sent));
  publicFileId = await upload(published.id, "stops-2024.csv", publicFileContent);
  internalFileId = await upload(published.id, internalFileName, internalFileContent);
  const hiddenFile = await setEntryInternal(a.viewer, published.id, { entryType: "file", entryId: internalFileId, internal: true });
  if (!hiddenFile?.ok) throw new Error(JSON.stringify(hiddenFile));
  // A field whose state was read from the internal file.
  const [stopsType] = await db.select({ id: recordTypes.id }).from(recordTypes).where(isNull(recordTypes.organizationId)).limit(1);
  const asked = await setAskedFields(a.viewer, published.id, { catalogFieldIds: [], keepCustomIds: [], customLabel: "Subject race", customRecordTypeId: stopsType!.id });
  if (!asked?.ok) throw new Error(JSON.stringify(asked));
  const [field] = await db.select({ id: requestFields.id }).from(requestFields).where(eq(requestFields.requestId, published.id));
  const states = await updateFieldStates(a.viewer, published.id, { fileId: internalFileId, fields: [{ id: field!.id, state: "received", note: "All years" }] });
  if (!states?.ok) throw new Error(JSON.stringify(states));

  // A published request to a vendor.
  const vendorId = await makeVendor(a.viewer, `Vendor ${secret("v")}`);
  const vendorTitle = `Vendor ask ${secret("t")}`;
  const toVendor = await createRequest(a.viewer, { title: vendorTitle, description: "The standard export", vendorId, initialStatus: "submitted", tags: [] }, TODAY);
  if (!toVendor.ok) throw new Error(JSON.stringify(toVendor.fieldErrors));
  vendorRequest = { id: toVendor.value.id, title: vendorTitle, description: "The standard export", slug: null };
  await setVisibility(a.viewer, vendorRequest, "public");

  // Requests the public never sees.
  privateRequest = await make(a.viewer, a.agencyId, "Private ask");
  await setVisibility(a.viewer, privateRequest, "private");
  coalitionRequest = await make(a.viewer, a.agencyId, "Coalition ask");
  withdrawn = await make(a.viewer, a.agencyId, "Withdrawn ask");
  await setVisibility(a.viewer, withdrawn, "public");
  await setVisibility(a.viewer, withdrawn, "private");
  // setVisibility keeps the slug it was given when public: the page address stays known.
  const [withdrawnRow] = await db.select({ slug: requests.publicSlug }).from(requests).where(eq(requests.id, withdrawn.id));
  withdrawn.slug = withdrawnRow!.slug;
  embargoed = await make(a.viewer, a.agencyId, "Embargoed ask");
  await setVisibility(a.viewer, embargoed, "public", addDays(todayIn(a.viewer.timeZone), 30));
  embargoedFileId = await upload(embargoed.id, "embargoed.csv", "a,b\n1,2\n");
  hidden = [privateRequest, coalitionRequest, withdrawn, embargoed];

  // An embargo whose day has come: published with nobody acting.
  embargoPassed = await make(a.viewer, a.agencyId, "Embargo over");
  await setVisibility(a.viewer, embargoPassed, "public", addDays(todayIn(a.viewer.timeZone), 10));
  await db.execute(sql`update requests set public_at = now() - interval '1 day', embargo_until = ${addDays(todayIn(a.viewer.timeZone), -1)} where id = ${embargoPassed.id}`);

  // Another organization's published and private requests.
  const bPublished = await make(b.viewer, b.agencyId, "B published");
  await setVisibility(b.viewer, bPublished, "public");
  const bPrivate = await make(b.viewer, b.agencyId, "B private");
  await setVisibility(b.viewer, bPrivate, "private");
  hidden.push(bPrivate);
});

/** The words of a hidden request that must appear in no public response. */
const wordsOf = (request: Made) => [request.title, request.description, request.title.split(" ").at(-1)!, request.description.split(" ").at(-1)!];

function expectNoneOf(text: string, requests: Made[]) {
  for (const request of requests) for (const word of wordsOf(request)) expect(text, word).not.toContain(word);
}

describe("/r, the public index", () => {
  it("lists published requests of every organization, newest published first, with what a row shows", async () => {
    const response = await index();
    expect(response.status).toBe(200);
    const body = (await response.json()) as IndexBody;
    const row = body.result.rows.find((r) => r.slug === published.slug)!;
    expect(row).toMatchObject({
      title: published.title,
      organizationName: a.org.name,
      status: "submitted",
      target: { kind: "agency", name: "Public A Police Department" },
      filedOn: TODAY,
    });
    expect(row.target.place).toMatch(/^Public A City .*, PA$/);
    expect(row.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.result.rows.some((r) => r.organizationName === b.org.name)).toBe(true);
    expect(body.result.rows.find((r) => r.slug === vendorRequest.slug)?.target).toMatchObject({ kind: "vendor" });
    // The embargo that ended was published a day ago: it comes after the ones published just now.
    const order = body.result.rows.map((r) => r.slug);
    expect(order.indexOf(embargoPassed.slug!)).toBeGreaterThan(order.indexOf(published.slug!));
  });

  it("never shows a private, coalition, withdrawn or embargoed request, on any page, searched or not", async () => {
    const everything = await allIndexPages();
    expect(everything.slugs).toContain(published.slug);
    expect(everything.slugs).toContain(embargoPassed.slug);
    for (const request of hidden) {
      for (const body of everything.bodies) expectNoneOf(body, [request]);
      for (const q of [request.title, request.title.split(" ").at(-1)!, request.description.split(" ").at(-1)!, request.title.split(" ")[0]!]) {
        const searched = await allIndexPages({ q });
        for (const body of searched.bodies) expectNoneOf(body, hidden);
        const filtered = await allIndexPages({ q, status: "submitted", state: "PA" });
        for (const body of filtered.bodies) expectNoneOf(body, hidden);
      }
    }
    expect(JSON.stringify(everything.bodies)).not.toContain(internalNote);
  });

  it("searches titles and descriptions, and filters by status and by state", async () => {
    const byText = (await (await index(`?q=${encodeURIComponent(published.description.split(" ").at(-1)!)}`)).json()) as IndexBody;
    expect(byText.result.rows.map((r) => r.slug)).toEqual([published.slug]);
    const byTitle = (await (await index(`?q=${encodeURIComponent(published.title.toUpperCase())}`)).json()) as IndexBody;
    expect(byTitle.result.rows.map((r) => r.slug)).toEqual([published.slug]);
    const wildcard = (await (await index("?q=%25")).json()) as IndexBody;
    expect(wildcard.result.total).toBe(0);
    // Other test files publish requests into the same database on Postgres: assert on this file's own rows.
    const fulfilled = (await (await index("?status=fulfilled")).json()) as IndexBody;
    expect(fulfilled.result.rows.map((r) => r.slug)).not.toContain(published.slug);
    expect(fulfilled.result.rows.every((r) => r.status === "fulfilled")).toBe(true);
    const submitted = (await (await index("?status=submitted")).json()) as IndexBody;
    expect(submitted.result.rows.map((r) => r.slug)).toContain(published.slug);
    const pa = (await (await index("?state=pa")).json()) as IndexBody;
    expect(pa.result.rows.map((r) => r.slug)).toContain(published.slug);
    expect(pa.result.rows.map((r) => r.slug)).not.toContain(vendorRequest.slug);
    const ca = (await (await index("?state=CA")).json()) as IndexBody;
    expect(ca.result.rows.map((r) => r.slug)).not.toContain(published.slug);
  });

  it("answers bad filters with 400 and the field named", async () => {
    for (const [query, field] of [
      ["?status=lost", "status"],
      ["?state=Pennsylvania", "state"],
      ["?page=0", "page"],
      ["?page=x", "page"],
      [`?q=${"x".repeat(201)}`, "q"],
    ] as const) {
      const response = await index(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: Record<string, string[]> };
      expect(Object.keys(body.errors), query).toEqual([field]);
    }
  });

  it("pages in a stable order (published at, newest first, then id) even when publication instants tie", async () => {
    const tied: string[] = [];
    for (let i = 0; i < 5; i++) {
      const request = await make(b.viewer, b.agencyId, `Tied ${i}`);
      await setVisibility(b.viewer, request, "public");
      tied.push(request.id);
    }
    await db.execute(sql`update requests set public_at = '2000-01-01T12:00:00Z' where id in (${sql.join(tied.map((id) => sql`${id}`), sql`, `)})`);
    const all = await listPublicRequests({}, { pageSize: 100 });
    const paged: string[] = [];
    for (let n = 1; n <= Math.ceil(all.total / 2); n++) paged.push(...(await listPublicRequests({ page: n }, { pageSize: 2 })).rows.map((r) => r.slug));
    expect(paged).toEqual(all.rows.map((r) => r.slug));
    // Keyset pages ("Next page" on /r) give the same order, ties on the instant included, each row once.
    const keyset: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 200; n++) {
      const page: Awaited<ReturnType<typeof listPublicRequests>> = await listPublicRequests({}, { pageSize: 2, after: decodePublicCursor(after) });
      keyset.push(...page.rows.map((r) => r.slug));
      if (!page.next) break;
      after = page.next;
    }
    expect(keyset).toEqual(all.rows.map((r) => r.slug));
    const instants = all.rows.map((r) => r.publishedAt);
    expect([...instants].sort().reverse()).toEqual(instants);
    const tiedRows = await db.select({ id: requests.id, slug: requests.publicSlug }).from(requests).where(sql`${requests.id} in (${sql.join(tied.map((id) => sql`${id}`), sql`, `)})`);
    const expected = tiedRows.sort((x, y) => (x.id < y.id ? -1 : 1)).map((r) => r.slug);
    expect(all.rows.map((r) => r.slug).filter((s) => expected.includes(s))).toEqual(expected);
  });

  it("is the same for a signed-in user of any organization", async () => {
    const anonymous = (await (await index()).json()) as IndexBody;
    for (const cookie of [aCookie, bCookie]) {
      const signedIn = (await (await index("", cookie)).json()) as IndexBody;
      expect(signedIn.result.rows.map((r) => r.slug)).toEqual(anonymous.result.rows.map((r) => r.slug));
    }
  });
});

describe("/r/:slug, a public request page", () => {
  it("shows status, organization, target, law, dates and what is asked", async () => {
    const response = await page(published.slug!);
    expect(response.status).toBe(200);
    const { request } = (await response.json()) as PageBody;
    expect(request).toMatchObject({
      title: published.title,
      description: published.description,
      status: "submitted",
      organizationName: a.org.name,
      target: { kind: "agency", name: "Public A Police Department", stateCode: "PA" },
      filedOn: TODAY,
    });
    expect(request.deadline).toMatchObject({ lawName: "Right-to-Know Law", citation: expect.stringContaining("67.101") });
    expect(request.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request.fields).toEqual([{ key: "subject_race", label: "Subject race", recordTypeName: expect.any(String), state: "received", stateNote: "All years", stateFileName: null }]);
    expect(request.coverage).toEqual({ received: 1, total: 1 });
  });

  it("shows the public timeline and files: no internal entries, no assignment, no internal file", async () => {
    const text = await (await page(published.slug!)).text();
    const { request } = JSON.parse(text) as PageBody;
    const kinds = request.timeline.map((e) => e.kind);
    expect(kinds).toContain("created");
    expect(kinds).toContain("note_added");
    expect(kinds).toContain("communication_logged");
    expect(kinds).toContain("email_queued");
    expect(kinds).toContain("file_added");
    expect(kinds).toContain("received_states_changed");
    for (const kind of ["assignment_changed", "visibility_changed", "entry_visibility_changed"]) expect(kinds).not.toContain(kind);
    expect(request.timeline.every((e) => e.actorName === null)).toBe(true);
    expect(text).not.toContain(internalNote);
    expect(text).not.toContain(internalFileName);
    expect(text).not.toContain(internalFileId);
    expect(request.files.map((f) => f.name)).toEqual(["stops-2024.csv"]);
    expect(request.files[0]!.downloadUrl).toBe(`/r/${published.slug}/files/${publicFileId}`);
  });

  it("names no member of the organization and gives no reply address", async () => {
    const text = await (await page(published.slug!)).text();
    for (const person of [a.admin, a.member, advocate]) {
      expect(text, person.name).not.toContain(person.name);
      expect(text.toLowerCase(), person.email).not.toContain(person.email.toLowerCase());
    }
    expect(text).not.toContain(replyAddressFor(published.id));
    expect(text).not.toMatch(/requests\+[0-9a-f-]+@/);
    // The letter and the note are there, with the names withheld.
    const { request } = JSON.parse(text) as PageBody;
    const letter = request.timeline.find((e) => e.kind === "email_queued")!;
    expect(letter.data.body).toContain("[name withheld]");
    expect(letter.data.body).toContain("[reply address withheld]");
    expect(letter.data.outboxMessageId).toBe("");
    const note = request.timeline.find((e) => e.kind === "note_added")!;
    expect(note.data.body).toBe("The records office promised the data by Friday; ask [name withheld] ([email withheld]).");
  });

  it("answers the same plain 404 for unknown, private, coalition, withdrawn and embargoed requests", async () => {
    const addresses = [
      "no-such-request-0123456789",
      "Not-A-Slug",
      "../requests",
      privateRequest.id,
      coalitionRequest.id,
      withdrawn.slug!,
      embargoed.slug!,
    ];
    const answers = await Promise.all(addresses.map(async (slug) => {
      const response = await page(slug);
      return { slug, status: response.status, text: await response.text() };
    }));
    for (const answer of answers) {
      expect(answer.status, answer.slug).toBe(404);
      expect(answer.text, answer.slug).toBe(answers[0]!.text);
      expectNoneOf(answer.text, hidden);
    }
    // Signed in makes no difference: the public page is for the public, even to the organization that owns it.
    expect((await page(embargoed.slug!, aCookie)).status).toBe(404);
    expect((await page(withdrawn.slug!, aCookie)).status).toBe(404);
  });

  it("publishes a request by itself once its embargo has passed", async () => {
    const response = await page(embargoPassed.slug!);
    expect(response.status).toBe(200);
    expect(((await response.json()) as PageBody).request.title).toBe(embargoPassed.title);
  });

  it("is the same page for a signed-in user", async () => {
    const anonymous = await (await page(published.slug!)).text();
    expect(await (await page(published.slug!, bCookie)).text()).toBe(anonymous);
  });

  it("shows a vendor as the target", async () => {
    const { request } = (await (await page(vendorRequest.slug!)).json()) as PageBody;
    expect(request.target).toMatchObject({ kind: "vendor", name: expect.stringMatching(/^Vendor /) });
  });
});

describe("/r/:slug/files/:fileId", () => {
  it("downloads a public file as an attachment that is never sniffed", async () => {
    const response = await download(published.slug!, publicFileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="stops-2024.csv"/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(response.headers.get("Content-Length")).toBe(String(Buffer.byteLength(publicFileContent)));
    expect(await response.text()).toBe(publicFileContent);
  });

  it("answers 404 for an internal file, a file of another request, an embargoed request's file and nonsense", async () => {
    const cases: Array<[string, string]> = [
      [published.slug!, internalFileId],
      [embargoPassed.slug!, publicFileId],
      [embargoed.slug!, embargoedFileId],
      [withdrawn.slug!, publicFileId],
      [published.slug!, "not-a-uuid"],
      [published.slug!, randomUUID()],
      ["Bad Slug", publicFileId],
    ];
    for (const [slug, fileId] of cases) {
      const response = await download(slug, fileId);
      expect(response.status, `${slug} ${fileId}`).toBe(404);
      const text = await response.text();
      expect(text).not.toContain("secret row");
      expect(text).toBe("No such page.");
    }
  });
});

describe("GET /api/v1/public/requests", () => {
  const api = (query = "") => callRoute(publicApi.loader, { url: `/api/v1/public/requests${query}` });

  it("lists the published requests with their page addresses, and nothing else", async () => {
    const response = await api(`?q=${encodeURIComponent(published.title)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await response.json()) as { data: Array<Record<string, unknown>>; total: number };
    expect(body.total).toBe(1);
    expect(body.data[0]).toEqual({
      title: published.title,
      url: `${appUrl()}/r/${published.slug}`,
      organization: a.org.name,
      target: expect.objectContaining({ kind: "agency", name: "Public A Police Department", stateCode: "PA" }),
      status: "submitted",
      filedOn: TODAY,
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      publishedAt: expect.any(String),
    });
    for (const request of hidden) {
      const searched = await (await api(`?q=${encodeURIComponent(request.title)}`)).text();
      expectNoneOf(searched, hidden);
    }
  });

  it("answers a bad filter with 400 and the field named", async () => {
    const response = await api("?status=lost");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ status: ["Unknown status"] });
  });
});
