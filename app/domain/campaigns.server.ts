import { requestReference } from "./request-reference";
import { and, arrayOverlaps, asc, count, desc, eq, ilike, inArray, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import { agencies, campaigns, jurisdictions, organizations, products, requestRecordTypes, requests, users, vendors } from "../../db/schema";
import type { RequestStatus } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownProducts, ownRequests, ownVendors, visibleCampaigns, visibleRequests } from "./access.server";
import { requestRef, spreadsheetSafe } from "./csv";
import { FIELD_STATE_LABELS } from "./field-states";
import { adoptCampaignAsk, copyAskToRequests, coverageMatrix, readCampaignAsk, resolveFieldsAsk, saveCampaignAsk, type FieldsAsk } from "./fields.server";
import { countUnasked, listPrecedents, listUnasked, RECEIVED_STATUSES, type ProductScope } from "./groups.server";
import { agencyLetter, lawCitationOf, lawOf, placeOf, vendorLetter, type CampaignLetterValues, type TargetAgency } from "./campaign-letters.server";
import { askedAgencyIds, campaignCounts } from "./campaign-targets.server";
import { askDetails } from "./mail/ask-details";
import { mailConfig } from "./mail/config.server";
import { requestLetter, type LetterData } from "../../emails";
import { MAX_TAGS, normalizeTags } from "./request-input";
import { isOpenStatus, OPEN_STATUSES, REQUEST_STATUSES, STATUS_LABELS } from "./request-status";
import {
  addTags,
  assignRequest,
  createRequest,
  isUuid,
  listRequests,
  logCommunication,
  setRequestCampaign,
  type RequestListRow,
} from "./requests.server";
import { ASSIGN_REFUSED, mayAssign } from "./permissions";
import { fail, ok, type FieldErrors, type Result } from "./results";
import type { CampaignInput } from "./vendor-input";

const creator = alias(users, "creator");
const source = alias(campaigns, "source");
const state = alias(jurisdictions, "state");

/** The most requests a campaign page lists (far beyond what one joint ask generates at once). */
const CAMPAIGN_PAGE_LIMIT = 10_000;

export type { TargetAgency } from "./campaign-letters.server";
export { lawOf } from "./campaign-letters.server";

/** The organization's own agencies among `ids` (the targets it may file to), with their place and law. */
export async function targetAgencies(viewer: Viewer, ids: readonly string[], db: Executor = defaultDb): Promise<TargetAgency[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      type: agencies.type,
      jurisdictionName: jurisdictions.name,
      jurisdictionKind: jurisdictions.kind,
      stateCode: sql<string | null>`coalesce(${state.code}, ${jurisdictions.code})`,
      stateName: sql<string>`coalesce(${state.name}, ${jurisdictions.name})`,
      contactName: agencies.recordsContactName,
      contactEmail: agencies.recordsContactEmail,
    })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .where(and(inArray(agencies.id, valid), ownAgencies(viewer)))
    .orderBy(sql`coalesce(${state.name}, ${jurisdictions.name})`, asc(sql`lower(${jurisdictions.name})`), asc(sql`lower(${agencies.name})`));
  return rows.map((r) => ({ ...r, law: lawOf(r.stateCode) }));
}

/** The organization's agencies whose name matches, for adding targets by search. */
export async function searchAgencies(viewer: Viewer, q: string, excludeIds: readonly string[], db: Executor = defaultDb) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conditions = [ownAgencies(viewer), ilike(agencies.name, pattern)];
  if (excludeIds.length) conditions.push(notInArray(agencies.id, [...excludeIds]));
  const rows = await db.select({ id: agencies.id }).from(agencies).where(and(...conditions)).limit(50);
  return targetAgencies(viewer, rows.map((r) => r.id), db);
}

async function findProduct(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: products.id, name: products.name, vendorId: products.vendorId, vendorName: vendors.name })
    .from(products)
    .innerJoin(vendors, eq(vendors.id, products.vendorId))
    .where(and(eq(products.id, id), ownProducts(viewer)))
    .limit(1);
  return row ?? null;
}

async function findVendor(db: Executor, viewer: Viewer, id: string) {
  const [row] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.id, id), ownVendors(viewer)))
    .limit(1);
  return row ?? null;
}

interface ResolvedAsk {
  product: { id: string; name: string } | null;
  vendor: { id: string; name: string } | null;
  targets: TargetAgency[];
  tags: string[];
  fieldsAsk: FieldsAsk;
  /** The names of the record types asked, for the letters and the joint ask's list. */
  recordTypeNames: string[];
}

/**
 * Checks the ids in a joint ask (targets, product, vendor, record types and fields from the catalog) against
 * what the organization owns (it starts joint asks from its own vendor knowledge and files to its own
 * agencies), and the tag count. Writes nothing: an "other record type" is only named.
 */
async function resolveAsk(db: Executor, viewer: Viewer, input: CampaignInput): Promise<Result<ResolvedAsk>> {
  const product = input.productId ? await findProduct(db, viewer, input.productId) : null;
  if (input.productId && !product) return fail("productId", "Choose a product from the list");
  const vendorId = input.vendorId ?? product?.vendorId;
  const vendor = vendorId ? await findVendor(db, viewer, vendorId) : null;
  if (input.vendorId && !vendor) return fail("vendorId", "Choose a vendor from the list");
  const targets = await targetAgencies(viewer, input.targets, db);
  if (targets.length !== input.targets.length) {
    return fail("targets", "Some of the chosen agencies no longer exist or are not in your organization; reload the page");
  }
  const fieldsAsk = await resolveFieldsAsk(viewer, input, { create: false }, db);
  if (!fieldsAsk.ok) return fieldsAsk;
  const recordTypeNames = fieldsAsk.value.recordTypes.map((t) => t.name);
  const tags = normalizeTags([...recordTypeNames, ...input.tags]);
  if (tags.length > MAX_TAGS) return fail("tags", `Record types and tags together can be at most ${MAX_TAGS}`);
  return ok({ product: product ? { id: product.id, name: product.name } : null, vendor, targets, tags, fieldsAsk: fieldsAsk.value, recordTypeNames });
}

export interface LetterPreview {
  target: string;
  place: string | null;
  law: string | null;
  subject: string;
  text: string;
}

/** Where replies go, in a preview: each request gets its own address when it is made. */
function previewReplyAddress(): string {
  return `requests+…@${mailConfig().domain}`;
}

/**
 * The letters a joint ask would send (the first few agencies, and the vendor), composed exactly as they will be
 * sent (one date, one greeting, the fields, period and format asked, each under its own law), without writing
 * anything. `only` picks the agencies to preview instead of the first few.
 */
export async function previewCampaign(
  viewer: Viewer,
  input: CampaignInput,
  today: string,
  db: Executor = defaultDb,
  only: readonly string[] = [],
): Promise<Result<{ letters: LetterPreview[]; total: number; overlaps: Record<string, Overlap[]> }>> {
  const resolved = await resolveAsk(db, viewer, input);
  if (!resolved.ok) return resolved;
  const { product, vendor, targets, recordTypeNames, fieldsAsk } = resolved.value;
  const values: CampaignLetterValues = {
    ask: input.ask,
    recordTypes: recordTypeNames,
    vendorName: vendor?.name ?? null,
    productName: product?.name ?? null,
    today,
    organizationName: viewer.organizationName,
    requesterName: viewer.name,
  };
  const details = askDetails(fieldsAsk);
  const base = { requestNumber: 0, title: input.title, requesterName: viewer.name, organizationName: viewer.organizationName, replyAddress: previewReplyAddress(), today, ...details };
  const picked = only.length ? targets.filter((t) => only.includes(t.id)) : targets.slice(0, 3);
  const letters: LetterPreview[] = picked.map((t) => {
    const data: LetterData = {
      ...base,
      description: agencyLetter(input.letterTemplate, t, values),
      agencyName: t.name,
      recipientKind: "agency",
      contactName: t.contactName ?? null,
      jurisdictionName: t.jurisdictionName,
      law: lawCitationOf(t.stateCode),
    };
    const rendered = requestLetter(data);
    return { target: t.name, place: placeOf(t), law: t.law ? `${t.law.name}, ${t.law.days}` : null, subject: rendered.subject, text: rendered.text };
  });
  if (input.includeVendor && vendor && input.vendorLetterTemplate) {
    const rendered = requestLetter({ ...base, description: vendorLetter(input.vendorLetterTemplate, targets, values), agencyName: vendor.name, recipientKind: "vendor", law: null });
    letters.push({ target: vendor.name, place: null, law: null, subject: rendered.subject, text: rendered.text });
  }
  const overlaps = await openOverlaps(
    viewer,
    targets.map((t) => t.id),
    { ids: fieldsAsk.recordTypes.map((t) => t.id).filter((id): id is string => id !== null), names: recordTypeNames },
    db,
  );
  return ok({ letters, total: targets.length + (input.includeVendor ? 1 : 0), overlaps });
}

/** Thrown inside a generating transaction so that one failed request undoes the whole joint ask. */
class GenerationFailed extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("generation failed");
  }
}

async function generateRequests(
  tx: Executor,
  viewer: Viewer,
  campaign: { id: string; title: string; letterTemplate: string; ask: string; recordTypes: string[] },
  targets: readonly TargetAgency[],
  options: {
    vendor: { id: string; name: string } | null;
    product: { id: string; name: string } | null;
    vendorLetter: string | null;
    tags: string[];
    /** Copied into each request made, in this transaction. */
    fieldsAsk: FieldsAsk | null;
    initialStatus: "draft" | "submitted";
    method?: CampaignInput["method"];
    assigneeId?: string;
    today: string;
  },
): Promise<number> {
  // Each request keeps the ask in words (and, below, as structured data); its letter is composed from the
  // joint ask's letter text when it is drafted or sent, never stored here.
  const common = {
    description: campaign.ask,
    campaignLetter: true,
    title: campaign.title,
    campaignId: campaign.id,
    initialStatus: options.initialStatus,
    method: options.method,
    assigneeId: options.assigneeId,
    tags: options.tags,
  };
  const createdIds: string[] = [];
  for (const target of targets) {
    const result = await createRequest(viewer, { ...common, agencyId: target.id }, options.today, tx);
    if (!result.ok) throw new GenerationFailed(result.fieldErrors);
    createdIds.push(result.value.id);
  }
  if (options.vendor && options.vendorLetter) {
    const result = await createRequest(
      viewer,
      { ...common, vendorId: options.vendor.id },
      options.today,
      tx,
    );
    if (!result.ok) throw new GenerationFailed(result.fieldErrors);
    createdIds.push(result.value.id);
  }
  if (options.fieldsAsk) await copyAskToRequests(tx, viewer, createdIds, options.fieldsAsk);
  return createdIds.length;
}

/** Runs `work` in a transaction; a GenerationFailed inside rolls it all back and becomes an error on `field`. */
async function inTransaction<T>(
  db: Executor,
  field: string,
  nothingDone: string,
  work: (tx: Executor) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof GenerationFailed) {
      const messages = Object.values(error.fieldErrors).flat();
      return fail(field, `${nothingDone}: ${messages.join("; ")}`);
    }
    throw error;
  }
}

/**
 * Creates the joint ask and one request per target, each with its letter filled in for its own agency and
 * law (and the vendor's request when included), in one transaction: all of them or none.
 */
export async function createCampaign(
  viewer: Viewer,
  input: CampaignInput,
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; created: number }>> {
  const resolved = await resolveAsk(db, viewer, input);
  if (!resolved.ok) return resolved;
  const { product, vendor, targets, tags, recordTypeNames } = resolved.value;
  if (input.clonedFromId && !(await getCampaign(viewer, input.clonedFromId, db))) {
    return fail("clonedFromId", "The joint ask this copies no longer exists");
  }
  return inTransaction(db, "targets", "Nothing was created", async (tx) => {
    // Again inside the transaction, this time creating an "other record type" the organization lacks.
    const fieldsAsk = await resolveFieldsAsk(viewer, input, { create: true }, tx);
    if (!fieldsAsk.ok) throw new GenerationFailed(fieldsAsk.fieldErrors);
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        organizationId: viewer.organizationId,
        title: input.title,
        ask: input.ask,
        recordTypes: recordTypeNames,
        letterTemplate: input.letterTemplate,
        vendorLetterTemplate: input.vendorLetterTemplate ?? null,
        productId: product?.id ?? null,
        vendorId: vendor?.id ?? null,
        clonedFromId: input.clonedFromId ?? null,
        createdById: viewer.id,
      })
      .returning();
    await saveCampaignAsk(tx, viewer, campaign!.id, fieldsAsk.value);
    const created = await generateRequests(tx, viewer, campaign!, targets, {
      vendor: input.includeVendor ? vendor : null,
      product,
      vendorLetter: input.includeVendor ? (input.vendorLetterTemplate ?? null) : null,
      tags,
      fieldsAsk: fieldsAsk.value,
      initialStatus: input.initialStatus,
      method: input.method,
      assigneeId: input.assigneeId,
      today,
    });
    return ok({ id: campaign!.id, created });
  });
}

/** Generates requests for more agencies from the joint ask's letter; agencies already in it are skipped. */
export async function addCampaignTargets(
  viewer: Viewer,
  campaignId: string,
  input: { targets: string[]; initialStatus: "draft" | "submitted"; method?: CampaignInput["method"]; assigneeId?: string },
  today: string,
  db: Executor = defaultDb,
): Promise<Result<{ created: number; skipped: number }> | null> {
  const campaign = await getCampaign(viewer, campaignId, db);
  if (!campaign) return null;
  const targets = await targetAgencies(viewer, input.targets, db);
  if (targets.length !== input.targets.length) return fail("targets", "Some of the chosen agencies are not in your organization; reload the page");
  const already = await db
    .selectDistinct({ agencyId: requests.agencyId })
    .from(requests)
    .where(and(eq(requests.campaignId, campaign.id), visibleRequests(viewer), inArray(requests.agencyId, targets.map((t) => t.id))));
  const skip = new Set(already.map((r) => r.agencyId));
  const fresh = targets.filter((t) => !skip.has(t.id));
  const fieldsAsk = await readCampaignAsk(campaign.id, db);
  return inTransaction(db, "targets", "Nothing was created", async (tx) => {
    const created = await generateRequests(tx, viewer, campaign, fresh, {
      vendor: campaign.vendorId && campaign.vendorName ? { id: campaign.vendorId, name: campaign.vendorName } : null,
      product: campaign.productId && campaign.productName ? { id: campaign.productId, name: campaign.productName } : null,
      vendorLetter: null,
      tags: normalizeTags([...campaign.recordTypes]),
      fieldsAsk,
      initialStatus: input.initialStatus,
      method: input.method,
      assigneeId: input.assigneeId,
      today,
    });
    await tx.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, campaign.id));
    return ok({ created, skipped: targets.length - fresh.length });
  });
}

/** Brings an existing request of the organization (by its number) into the joint ask, its own or a partner's. */
export async function addRequestToCampaign(
  viewer: Viewer,
  campaignId: string,
  number: number,
  db: Executor = defaultDb,
): Promise<Result<{ requestId: string }> | null> {
  const campaign = await getCampaign(viewer, campaignId, db);
  if (!campaign) return null;
  const [request] = await db
    .select({ id: requests.id, campaignId: requests.campaignId })
    .from(requests)
    .where(and(eq(requests.number, number), ownRequests(viewer)))
    .limit(1);
  if (!request) return fail("number", `There is no request #${number}`);
  if (request.campaignId === campaign.id) return fail("number", `Request #${number} is already part of this joint ask`);
  const fieldsAsk = await readCampaignAsk(campaign.id, db);
  return inTransaction(db, "number", "Nothing was changed", async (tx) => {
    const result = await setRequestCampaign(viewer, request.id, campaign.id, tx);
    if (!result) return fail("number", `There is no request #${number}`);
    if (!result.ok) throw new GenerationFailed(result.fieldErrors);
    // The request now asks what the joint ask asks (its organization's own copy), so the grid shows its fields.
    if (fieldsAsk) await adoptCampaignAsk(tx, viewer, request.id, fieldsAsk);
    return ok({ requestId: request.id });
  });
}

/**
 * The selected ids that are the organization's requests in this joint ask (in a shared joint ask each member
 * changes only its own); a field error when any is not.
 */
async function campaignRequestIds(db: Executor, viewer: Viewer, campaignId: string, requestIds: readonly string[]): Promise<Result<string[]>> {
  const valid = requestIds.filter(isUuid);
  const rows = valid.length
    ? await db
        .select({ id: requests.id })
        .from(requests)
        .where(and(inArray(requests.id, valid), eq(requests.campaignId, campaignId), ownRequests(viewer)))
    : [];
  if (rows.length !== requestIds.length) {
    return fail("requestIds", "Some selected requests are not your organization's requests in this joint ask; reload the page");
  }
  return ok(rows.map((r) => r.id));
}

/** Runs one change on each selected request of the joint ask, in one transaction: all succeed or none. */
async function bulk(
  viewer: Viewer,
  campaignId: string,
  requestIds: readonly string[],
  change: (tx: Executor, requestId: string) => Promise<Result<unknown> | null>,
  db: Executor,
): Promise<Result<{ changed: number }> | null> {
  if (!(await getCampaign(viewer, campaignId, db))) return null;
  const ids = await campaignRequestIds(db, viewer, campaignId, requestIds);
  if (!ids.ok) return ids;
  return inTransaction(db, "requestIds", "Nothing was changed", async (tx) => {
    for (const id of ids.value) {
      const result = await change(tx, id);
      if (!result) throw new GenerationFailed({ requestIds: ["a selected request was just removed; reload the page"] });
      if (!result.ok) throw new GenerationFailed(result.fieldErrors);
    }
    return ok({ changed: ids.value.length });
  });
}

/**
 * Sets the assignee of the selected requests. Those who may not assign (advocates) may only take requests
 * themselves or let go of their own, as on a request's page: one request they may not change refuses all.
 */
export function bulkAssign(viewer: Viewer, campaignId: string, requestIds: readonly string[], assigneeId: string | null, db: Executor = defaultDb) {
  return bulk(
    viewer,
    campaignId,
    requestIds,
    async (tx, id) => {
      const [current] = await tx
        .select({ number: requests.number, assigneeId: requests.assigneeId })
        .from(requests)
        .where(and(eq(requests.id, id), ownRequests(viewer)))
        .for("update");
      if (!current) return null;
      if (!mayAssign(viewer, current.assigneeId, assigneeId)) return fail("assigneeId", `${requestReference({ organizationCode: viewer.organizationCode, number: current.number })}: ${ASSIGN_REFUSED}`);
      return assignRequest(viewer, id, assigneeId, tx);
    },
    db,
  );
}

export function bulkFollowUp(
  viewer: Viewer,
  campaignId: string,
  requestIds: readonly string[],
  input: { channel: "email" | "portal" | "mail" | "phone" | "in_person" | "other"; occurredOn: string; summary: string },
  db: Executor = defaultDb,
) {
  return bulk(viewer, campaignId, requestIds, (tx, id) => logCommunication(viewer, id, { direction: "outgoing", ...input }, tx), db);
}

export function bulkTag(viewer: Viewer, campaignId: string, requestIds: readonly string[], tags: readonly string[], db: Executor = defaultDb) {
  return bulk(viewer, campaignId, requestIds, (tx, id) => addTags(viewer, id, tags, tx), db);
}

/** Takes the selected requests out of the joint ask (they stay as ordinary requests). */
export function bulkRemove(viewer: Viewer, campaignId: string, requestIds: readonly string[], db: Executor = defaultDb) {
  return bulk(viewer, campaignId, requestIds, (tx, id) => setRequestCampaign(viewer, id, null, tx), db);
}

export async function getCampaign(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      ask: campaigns.ask,
      recordTypes: campaigns.recordTypes,
      letterTemplate: campaigns.letterTemplate,
      vendorLetterTemplate: campaigns.vendorLetterTemplate,
      productId: campaigns.productId,
      productName: products.name,
      vendorId: campaigns.vendorId,
      vendorName: vendors.name,
      clonedFromId: campaigns.clonedFromId,
      clonedFromTitle: source.title,
      createdByName: creator.name,
      createdAt: campaigns.createdAt,
      updatedAt: campaigns.updatedAt,
      organizationId: campaigns.organizationId,
      organizationName: organizations.name,
    })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .leftJoin(products, eq(products.id, campaigns.productId))
    .leftJoin(vendors, eq(vendors.id, campaigns.vendorId))
    .leftJoin(source, eq(source.id, campaigns.clonedFromId))
    .leftJoin(creator, eq(creator.id, campaigns.createdById))
    .where(and(eq(campaigns.id, id), visibleCampaigns(viewer)))
    .limit(1);
  return row ?? null;
}
export type CampaignDetail = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;

/** A request row with its due date once requests carry one (null until then). */
export function dueDateOf(row: RequestListRow): string | null {
  return row.dueOn;
}

export function isOverdue(row: RequestListRow, today: string): boolean {
  const due = dueDateOf(row);
  return Boolean(due && due < today && isOpenStatus(row.status));
}

/** Vendor first, then by state, place and agency: the order of the per-city table and the CSV. */
function byTarget(a: RequestListRow, b: RequestListRow): number {
  const key = (r: RequestListRow) => [r.vendorId ? "0" : "1", r.stateCode ?? "", (r.jurisdictionName ?? "").toLowerCase(), (r.agencyName ?? r.vendorName ?? "").toLowerCase()];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) {
    const c = ka[i]!.localeCompare(kb[i]!);
    if (c !== 0) return c;
  }
  return a.number - b.number;
}

export async function listCampaignRequests(viewer: Viewer, campaignId: string, db: Executor = defaultDb) {
  const result = await listRequests(viewer, { campaign: campaignId, sort: "number", dir: "asc", pageSize: CAMPAIGN_PAGE_LIMIT }, db);
  return result.rows.sort(byTarget);
}

export function summarize(rows: readonly RequestListRow[], today: string) {
  const statusCounts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  const assignees = new Map<string, { id: string | null; name: string; total: number; open: number }>();
  let open = 0;
  let overdue = 0;
  let received = 0;
  for (const row of rows) {
    statusCounts[row.status] += 1;
    const isOpen = isOpenStatus(row.status);
    if (isOpen) open += 1;
    if (isOverdue(row, today)) overdue += 1;
    if (RECEIVED_STATUSES.includes(row.status)) received += 1;
    const key = row.assigneeId ?? "";
    const entry = assignees.get(key) ?? { id: row.assigneeId, name: row.assigneeName ?? "Unassigned", total: 0, open: 0 };
    entry.total += 1;
    if (isOpen) entry.open += 1;
    assignees.set(key, entry);
  }
  return {
    total: rows.length,
    open,
    overdue,
    received,
    drafts: statusCounts.draft,
    statusCounts,
    assignees: [...assignees.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
  };
}

/** Everything the campaign page shows, computed through the same functions the request pages use. */
/** How many agencies on the product a joint ask lists at once as targets to add. */
export const CANDIDATE_LIMIT = 300;

/**
 * Everything the campaign page shows, through the same functions the request pages use. With `showCandidates`,
 * the agencies on the product not yet asked (the first CANDIDATE_LIMIT), else only how many there are.
 */
export async function getCampaignPage(
  viewer: Viewer,
  id: string,
  today: string,
  options: { addQuery?: string; showCandidates?: boolean } = {},
  db: Executor = defaultDb,
) {
  if (!isUuid(id)) return null;
  // The ask and the summary need only the id: read with the joint ask itself (one round trip, not three in a
  // row), and used only when the viewer sees it (the summary counts only requests the viewer sees anyway).
  const [campaign, fieldsAsk, summary] = await Promise.all([getCampaign(viewer, id, db), readCampaignAsk(id, db), campaignCounts(viewer, id, today, db)]);
  if (!campaign) return null;
  const scope: ProductScope | null = campaign.productId ? { productId: campaign.productId } : campaign.vendorId ? { vendorId: campaign.vendorId } : null;
  // Agencies on the product not yet asked are the owner's to add; a coalition member adds its own by search.
  const group: ProductScope | null = campaign.productId && campaign.organizationId === viewer.organizationId ? { productId: campaign.productId } : null;
  const recordTypeIds = (fieldsAsk?.recordTypes ?? []).map((t) => t.id).filter((x): x is string => x !== null);
  // The summary is counted by the database; the targets themselves are paged by campaignTargetPage.
  const [precedents, candidateTotal, candidateIds] = await Promise.all([
    scope
      ? listPrecedents(
          viewer,
          scope,
          { today, vendorId: campaign.vendorId, recordTypes: normalizeTags(campaign.recordTypes), recordTypeIds, excludeCampaignId: campaign.id, limit: 20 },
          db,
        )
      : Promise.resolve([]),
    group ? countUnasked(viewer, group, campaign.id, today, db) : Promise.resolve(0),
    group && options.showCandidates ? listUnasked(viewer, group, campaign.id, { today, limit: CANDIDATE_LIMIT }, db) : Promise.resolve([]),
  ]);
  const [candidates, searchResults] = await Promise.all([
    targetAgencies(viewer, candidateIds, db),
    options.addQuery ? askedAgencyIds(viewer, campaign.id, db).then((asked) => searchAgencies(viewer, options.addQuery!, asked, db)) : Promise.resolve([]),
  ]);
  return { campaign, fieldsAsk, summary, precedents, candidates, candidateTotal, searchResults };
}

/** The joint asks of the organization and its coalition, newest first, with how far along each is (counting the
 * requests the viewer sees). */
export async function listCampaigns(
  viewer: Viewer,
  filters: { vendorId?: string; after?: CampaignCursor; limit?: number } = {},
  db: Executor = defaultDb,
) {
  const progress = db
    .select({
      campaignId: requests.campaignId,
      total: count().as("total"),
      open: sql<number>`count(*) filter (where ${inArray(requests.status, [...OPEN_STATUSES])})`.as("open"),
      received: sql<number>`count(*) filter (where ${inArray(requests.status, [...RECEIVED_STATUSES])})`.as("received"),
    })
    .from(requests)
    .where(and(visibleRequests(viewer), sql`${requests.campaignId} is not null`))
    .groupBy(requests.campaignId)
    .as("progress");
  return db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      recordTypes: campaigns.recordTypes,
      productId: campaigns.productId,
      productName: products.name,
      vendorId: campaigns.vendorId,
      vendorName: vendors.name,
      createdAt: campaigns.createdAt,
      organizationId: campaigns.organizationId,
      organizationName: organizations.name,
      total: sql<number>`coalesce(${progress.total}, 0)`.mapWith(Number),
      open: sql<number>`coalesce(${progress.open}, 0)`.mapWith(Number),
      received: sql<number>`coalesce(${progress.received}, 0)`.mapWith(Number),
    })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .leftJoin(products, eq(products.id, campaigns.productId))
    .leftJoin(vendors, eq(vendors.id, campaigns.vendorId))
    .leftJoin(progress, eq(progress.campaignId, campaigns.id))
    .where(
      and(
        visibleCampaigns(viewer),
        filters.vendorId ? eq(campaigns.vendorId, filters.vendorId) : undefined,
        // Keyset pages (the API's): rows after the cursor's, in the list's order (newest first).
        filters.after ? sql`(${campaigns.createdAt}, ${campaigns.id}) < (${filters.after.createdAt}::timestamptz, ${filters.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(filters.limit ?? 100_000);
}

/** Where a page of joint asks ends: the last row's creation instant (to the microsecond, as text) and id. */
export interface CampaignCursor {
  createdAt: string;
  id: string;
}

export function encodeCampaignCursor(cursor: CampaignCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/** The cursor, or null when it is not one the list made. */
export function decodeCampaignCursor(text: string): CampaignCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== "string" || typeof id !== "string" || !isUuid(id) || Number.isNaN(Date.parse(createdAt))) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

/**
 * A keyset page of the joint asks the viewer sees, newest first, with the cursor of the next page (null on the
 * last). The cursor keeps the creation instant to the microsecond, so no row is skipped or repeated.
 */
export async function listCampaignsPage(viewer: Viewer, options: { after?: CampaignCursor; pageSize: number }, db: Executor = defaultDb) {
  const rows = await listCampaigns(viewer, { after: options.after, limit: options.pageSize + 1 }, db);
  const page = rows.slice(0, options.pageSize);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > options.pageSize && last) {
    const [key] = await queryRows<{ createdAt: string }>(db, sql`select to_char(${campaigns.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt" from ${campaigns} where ${campaigns.id} = ${last.id}::uuid`);
    nextCursor = key ? encodeCampaignCursor({ createdAt: key.createdAt, id: last.id }) : null;
  }
  return { rows: page, nextCursor };
}

export const CSV_COLUMNS = [
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
] as const;

/** The joint ask's requests as CSV, every cell safe to open in a spreadsheet app. */
export async function campaignCsv(viewer: Viewer, id: string, today: string, db: Executor = defaultDb): Promise<{ id: string; title: string; csv: string; rows: number } | null> {
  const campaign = await getCampaign(viewer, id, db);
  if (!campaign) return null;
  const rows = await listCampaignRequests(viewer, campaign.id, db);
  const records = rows.map((r) =>
    [
      r.organizationName,
      requestRef(r.organizationName, r.number),
      r.title,
      r.agencyName ?? r.vendorName,
      r.jurisdictionName,
      r.stateCode,
      STATUS_LABELS[r.status],
      r.filedOn,
      r.receivedOn,
      dueDateOf(r),
      isOverdue(r, today) ? "yes" : "no",
      r.trackingNumber,
      r.assigneeName,
      r.coverageReceived,
      r.coverageTotal,
      r.coverageTotal ? `${Math.round((100 * r.coverageReceived) / r.coverageTotal)}%` : "",
      r.updatedAt.toISOString(),
    ].map(spreadsheetSafe),
  );
  return { id: campaign.id, title: campaign.title, rows: records.length, csv: stringify([[...CSV_COLUMNS], ...records], { bom: true, record_delimiter: "\r\n" }) };
}

/**
 * The city-by-field grid as CSV: one row per request (its organization, ORG-#, target, place and the period its
 * data covers), one column per field asked with its state in words, then the totals per city; a last row counts,
 * per field, how many of the requests that asked it received it.
 */
export async function gridCsv(
  viewer: Viewer,
  id: string,
  periods: ReadonlyMap<string, { from: string; to: string } | null>,
  db: Executor = defaultDb,
): Promise<{ id: string; title: string; csv: string; rows: number } | null> {
  const campaign = await getCampaign(viewer, id, db);
  if (!campaign) return null;
  const matrix = await coverageMatrix(viewer, { campaignId: campaign.id }, db);
  const header = ["Organization", "Request", "Target", "Place", "Period delivered", ...matrix.fields.map((f) => `${f.label} (${f.recordTypeName})`), "Fields received", "Fields asked"];
  const records = matrix.rows.map((r) => {
    const period = periods.get(r.requestId);
    return [
      r.organizationName,
      requestRef(r.organizationName, r.number),
      r.targetName,
      r.isVendor ? "vendor" : r.jurisdictionName,
      period ? `${period.from} to ${period.to}` : "",
      ...matrix.fields.map((f) => {
        const state = r.states[f.id];
        return state ? FIELD_STATE_LABELS[state] : "Not asked";
      }),
      r.coverage.received,
      r.coverage.total,
    ].map(spreadsheetSafe);
  });
  const totals = [
    "Received",
    "",
    "",
    "",
    "",
    ...matrix.fields.map((f) => {
      const asked = matrix.rows.filter((r) => r.states[f.id] != null).length;
      const received = matrix.rows.filter((r) => r.states[f.id] === "received").length;
      return `${received} of ${asked}`;
    }),
    matrix.rows.reduce((n, r) => n + r.coverage.received, 0),
    matrix.rows.reduce((n, r) => n + r.coverage.total, 0),
  ].map(spreadsheetSafe);
  return {
    id: campaign.id,
    title: campaign.title,
    rows: records.length,
    csv: stringify([header.map(spreadsheetSafe), ...records, totals], { bom: true, record_delimiter: "\r\n" }),
  };
}

export interface Overlap {
  requestId: string;
  number: number;
  title: string;
  status: RequestStatus;
  organizationName: string;
  organizationCode: string;
  own: boolean;
  tags: string[];
}

/** Open (and draft) statuses: a request that is still being asked, so a new one would ask the same again. */
const STILL_ASKING: RequestStatus[] = ["draft", ...OPEN_STATUSES];

/**
 * The open requests (the organization's and its coalition's) to each of these agencies for the same record
 * types: by the record types they ask or their tags. Without record types, every open request to the agency.
 */
export async function openOverlaps(
  viewer: Viewer,
  agencyIds: readonly string[],
  recordTypes: { ids: readonly string[]; names: readonly string[] } | null,
  db: Executor = defaultDb,
): Promise<Record<string, Overlap[]>> {
  const valid = agencyIds.filter(isUuid);
  if (valid.length === 0) return {};
  const names = normalizeTags([...(recordTypes?.names ?? [])]);
  const ids = (recordTypes?.ids ?? []).filter(isUuid);
  const sameTypes =
    recordTypes && (names.length || ids.length)
      ? or(
          names.length ? arrayOverlaps(requests.tags, names) : undefined,
          ids.length
            ? inArray(requests.id, db.select({ id: requestRecordTypes.requestId }).from(requestRecordTypes).where(inArray(requestRecordTypes.recordTypeId, ids)))
            : undefined,
        )
      : undefined;
  const rows = await db
    .select({
      agencyId: requests.agencyId,
      requestId: requests.id,
      number: requests.number,
      title: requests.title,
      status: requests.status,
      organizationId: requests.organizationId,
      organizationName: organizations.name,
      organizationCode: organizations.shortCode,
      tags: requests.tags,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .where(and(visibleRequests(viewer), inArray(requests.agencyId, valid), inArray(requests.status, STILL_ASKING), sameTypes))
    .orderBy(asc(requests.agencyId), desc(requests.createdAt))
    .limit(2_000);
  const result: Record<string, Overlap[]> = {};
  for (const { agencyId, organizationId, ...row } of rows) {
    (result[agencyId!] ??= []).push({ ...row, own: organizationId === viewer.organizationId });
  }
  return result;
}
