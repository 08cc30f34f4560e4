import { createHash } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fileTypeFromBuffer } from "file-type";
import { agencies, agencySystems, jurisdictions, products, systemDocuments, users, vendors } from "../../db/schema";
import type { SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb, queryRows } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownProducts, ownSystemDocuments, ownSystems, visibleSystemDocuments, visibleSystems } from "./access.server";
import { lockHosting, MAX_HOSTING_DEPTH, refreshMemberships } from "./memberships.server";
import { todayIn } from "../utils/dates";
import { isUuid } from "./requests.server";
import { conflicted, fail, ok, type Result } from "./results";
import { cleanFileName, documentType } from "./system-documents";
import { SYSTEM_TYPE_NOUNS, type SystemInput } from "./vendor-input";
import { editVersion, staleEdit } from "./edit-version";

const host = alias(agencies, "host");
const addedBy = alias(users, "added_by");

export interface UploadedDocument {
  name: string;
  bytes: Uint8Array;
}

async function findAgency(db: Executor, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.id, id), ownAgencies(viewer)))
    .limit(1);
  return row ?? null;
}

/**
 * Why `agencyId` can't use the system of type `systemType` that `hostAgencyId` hosts, or null when it can:
 * the host must not be (through any chain) hosted by the agency, and chains stay short.
 */
export async function hostingProblem(
  db: Executor,
  viewer: Viewer,
  agencyId: string,
  hostAgencyId: string,
  systemType: SystemType,
): Promise<string | null> {
  const above = await queryRows<{ agencyId: string; depth: number }>(
    db,
    sql`with recursive chain(agency_id, depth) as (
      select ${hostAgencyId}::uuid, 0
      union
      select ${agencySystems.hostAgencyId}, chain.depth + 1
        from chain join ${agencySystems} on ${agencySystems.agencyId} = chain.agency_id
       where ${agencySystems.systemType} = ${systemType}::system_type and ${agencySystems.hostAgencyId} is not null
         and ${ownSystems(viewer)} and chain.depth < ${MAX_HOSTING_DEPTH * 2}
    ) select agency_id::text as "agencyId", depth from chain`,
  );
  const label = SYSTEM_TYPE_NOUNS[systemType];
  if (above.some((r) => r.agencyId === agencyId)) {
    const [agency, hostAgency] = await Promise.all([findAgency(db, viewer, agencyId), findAgency(db, viewer, hostAgencyId)]);
    return `${hostAgency?.name ?? "That agency"} already gets its ${label} from ${agency?.name ?? "this agency"} (directly or through other agencies); hosting can't go round in a circle`;
  }
  const below = await queryRows<{ depth: number }>(
    db,
    sql`with recursive chain(agency_id, depth) as (
      select ${agencyId}::uuid, 0
      union
      select ${agencySystems.agencyId}, chain.depth + 1
        from chain join ${agencySystems} on ${agencySystems.hostAgencyId} = chain.agency_id
       where ${agencySystems.systemType} = ${systemType}::system_type and ${ownSystems(viewer)}
         and chain.depth < ${MAX_HOSTING_DEPTH * 2}
    ) select max(depth)::int as depth from chain`,
  );
  const length = Math.max(...above.map((r) => r.depth)) + 1 + (below[0]?.depth ?? 0);
  if (length >= MAX_HOSTING_DEPTH) {
    return `That would make a chain of ${length + 1} agencies sharing one ${label}; at most ${MAX_HOSTING_DEPTH} are followed`;
  }
  return null;
}

async function checkSystemInput(db: Executor, viewer: Viewer, agencyId: string, input: SystemInput): Promise<Result<null>> {
  if (input.productId) {
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), ownProducts(viewer)))
      .limit(1);
    if (!product) return fail("productId", "Choose a product from the list");
  }
  if (input.hostAgencyId) {
    if (input.hostAgencyId === agencyId) return fail("hostAgencyId", "An agency can't host its own system; choose the product instead");
    if (!(await findAgency(db, viewer, input.hostAgencyId))) return fail("hostAgencyId", "Choose the hosting agency from the list");
    const problem = await hostingProblem(db, viewer, agencyId, input.hostAgencyId, input.systemType);
    if (problem) return fail("hostAgencyId", problem);
  }
  return ok(null);
}

/** The values the system edit form shows, whose version it carries. */
export const SYSTEM_EDIT_FIELDS = ["systemType", "productId", "hostAgencyId", "sinceOn", "untilOn", "confidence", "evidenceUrl", "notes"] as const;
const SYSTEM_LABELS: Record<string, string> = {
  systemType: "Kind of system",
  productId: "Product",
  hostAgencyId: "Hosted by",
  sinceOn: "Since",
  untilOn: "Until",
  confidence: "Confidence",
  evidenceUrl: "Evidence link",
  notes: "Notes",
};

export function systemEditVersion(row: Record<string, unknown>): string {
  return editVersion(row, SYSTEM_EDIT_FIELDS);
}

function systemValues(input: SystemInput) {
  return {
    systemType: input.systemType,
    productId: input.productId ?? null,
    hostAgencyId: input.hostAgencyId ?? null,
    sinceOn: input.sinceOn ?? null,
    untilOn: input.untilOn ?? null,
    confidence: input.confidence,
    evidenceUrl: input.evidenceUrl ?? null,
    notes: input.notes ?? null,
  };
}

async function checkDocument(document: UploadedDocument): Promise<Result<{ name: string; type: string }>> {
  const name = cleanFileName(document.name);
  const sniffed = await fileTypeFromBuffer(document.bytes);
  const verdict = documentType(name, document.bytes, sniffed?.ext);
  if ("problem" in verdict) return fail("document", verdict.problem);
  return ok({ name, type: verdict.type });
}

async function insertDocument(tx: Executor, viewer: Viewer, systemId: string, document: UploadedDocument, checked: { name: string; type: string }) {
  await tx.insert(systemDocuments).values({
    organizationId: viewer.organizationId,
    systemId,
    fileName: checked.name,
    contentType: checked.type,
    byteSize: document.bytes.byteLength,
    sha256: createHash("sha256").update(document.bytes).digest("hex"),
    content: document.bytes,
    uploadedById: viewer.id,
  });
}

/** Records that an agency uses a product (or a system another agency hosts), with its evidence. */
export async function createSystem(
  viewer: Viewer,
  agencyId: string,
  input: SystemInput,
  document: UploadedDocument | null,
  db: Executor = defaultDb,
): Promise<Result<{ id: string }> | null> {
  const agency = await findAgency(db, viewer, agencyId);
  if (!agency) return null;
  const checkedDocument = document ? await checkDocument(document) : null;
  if (checkedDocument && !checkedDocument.ok) return checkedDocument;
  return db.transaction(async (tx) => {
    await lockHosting(tx, viewer.organizationId);
    const checked = await checkSystemInput(tx, viewer, agency.id, input);
    if (!checked.ok) return checked;
    const [row] = await tx
      .insert(agencySystems)
      .values({ organizationId: viewer.organizationId, agencyId: agency.id, createdById: viewer.id, ...systemValues(input) })
      .returning({ id: agencySystems.id });
    if (document && checkedDocument?.ok) await insertDocument(tx, viewer, row!.id, document, checkedDocument.value);
    await refreshMemberships(tx, viewer.organizationId, [{ agencyId: agency.id, systemType: input.systemType }], todayIn(viewer.timeZone));
    return ok(row!);
  });
}

export async function updateSystem(
  viewer: Viewer,
  id: string,
  input: SystemInput,
  document: UploadedDocument | null,
  db: Executor = defaultDb,
): Promise<Result<{ id: string; agencyId: string }> | null> {
  if (!isUuid(id)) return null;
  const checkedDocument = document ? await checkDocument(document) : null;
  if (checkedDocument && !checkedDocument.ok) return checkedDocument;
  return db.transaction(async (tx) => {
    await lockHosting(tx, viewer.organizationId);
    const [current] = await tx
      .select()
      .from(agencySystems)
      .where(and(eq(agencySystems.id, id), ownSystems(viewer)))
      .for("update")
      .limit(1);
    if (!current) return null;
    const checked = await checkSystemInput(tx, viewer, current.agencyId, input);
    if (!checked.ok) return checked;
    const conflict = staleEdit({ version: input.version, current, next: systemValues(input), fields: SYSTEM_EDIT_FIELDS, labels: SYSTEM_LABELS });
    if (conflict) return conflicted(conflict);
    await tx.update(agencySystems).set(systemValues(input)).where(eq(agencySystems.id, current.id));
    if (document && checkedDocument?.ok) await insertDocument(tx, viewer, current.id, document, checkedDocument.value);
    await refreshMemberships(
      tx,
      viewer.organizationId,
      [
        { agencyId: current.agencyId, systemType: current.systemType },
        { agencyId: current.agencyId, systemType: input.systemType },
      ],
      todayIn(viewer.timeZone),
    );
    return ok({ id: current.id, agencyId: current.agencyId });
  });
}

/** Deletes a system; agencies that got it through this agency stay hosted by it, with no product until it has one. */
export async function deleteSystem(viewer: Viewer, id: string, db: Executor = defaultDb): Promise<{ agencyId: string } | null> {
  if (!isUuid(id)) return null;
  return db.transaction(async (tx) => {
    await lockHosting(tx, viewer.organizationId);
    const [row] = await tx
      .delete(agencySystems)
      .where(and(eq(agencySystems.id, id), ownSystems(viewer)))
      .returning({ agencyId: agencySystems.agencyId, systemType: agencySystems.systemType });
    if (!row) return null;
    await refreshMemberships(tx, viewer.organizationId, [row], todayIn(viewer.timeZone));
    return { agencyId: row.agencyId };
  });
}

export async function deleteSystemDocument(viewer: Viewer, systemId: string, documentId: string, db: Executor = defaultDb) {
  if (!isUuid(systemId) || !isUuid(documentId)) return false;
  const deleted = await db
    .delete(systemDocuments)
    .where(and(eq(systemDocuments.id, documentId), eq(systemDocuments.systemId, systemId), ownSystemDocuments(viewer)))
    .returning({ id: systemDocuments.id });
  return deleted.length > 0;
}

/** A system of the organization's own, for its edit page. */
export async function getSystem(viewer: Viewer, id: string, db: Executor = defaultDb) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: agencySystems.id,
      agencyId: agencySystems.agencyId,
      agencyName: agencies.name,
      systemType: agencySystems.systemType,
      productId: agencySystems.productId,
      hostAgencyId: agencySystems.hostAgencyId,
      sinceOn: agencySystems.sinceOn,
      untilOn: agencySystems.untilOn,
      confidence: agencySystems.confidence,
      evidenceUrl: agencySystems.evidenceUrl,
      notes: agencySystems.notes,
    })
    .from(agencySystems)
    .innerJoin(agencies, eq(agencies.id, agencySystems.agencyId))
    .where(and(eq(agencySystems.id, id), ownSystems(viewer)))
    .limit(1);
  if (!row) return null;
  const documents = await listDocuments(viewer, [row.id], db);
  return { ...row, documents };
}

async function listDocuments(viewer: Viewer, systemIds: string[], db: Executor) {
  if (systemIds.length === 0) return [];
  return db
    .select({
      id: systemDocuments.id,
      systemId: systemDocuments.systemId,
      fileName: systemDocuments.fileName,
      byteSize: systemDocuments.byteSize,
      createdAt: systemDocuments.createdAt,
    })
    .from(systemDocuments)
    .where(and(sql`${systemDocuments.systemId} in (${sql.join(systemIds.map((s) => sql`${s}::uuid`), sql`, `)})`, visibleSystemDocuments(viewer)))
    .orderBy(asc(systemDocuments.createdAt));
}

export async function getSystemDocument(viewer: Viewer, systemId: string, documentId: string, db: Executor = defaultDb) {
  if (!isUuid(systemId) || !isUuid(documentId)) return null;
  const [row] = await db
    .select({
      fileName: systemDocuments.fileName,
      contentType: systemDocuments.contentType,
      content: systemDocuments.content,
      sha256: systemDocuments.sha256,
    })
    .from(systemDocuments)
    .where(and(eq(systemDocuments.id, documentId), eq(systemDocuments.systemId, systemId), visibleSystemDocuments(viewer)))
    .limit(1);
  return row ?? null;
}

/**
 * An agency's systems, current first: each with its product, or the agency hosting it and the product found
 * by following the hosting chain; and the agencies that use systems this agency hosts.
 */
export async function listAgencySystems(viewer: Viewer, agencyId: string, today: string, db: Executor = defaultDb) {
  if (!isUuid(agencyId)) return { systems: [], hostedFor: [] };
  const rows = await db
    .select({
      id: agencySystems.id,
      systemType: agencySystems.systemType,
      productId: agencySystems.productId,
      productName: products.name,
      vendorId: vendors.id,
      vendorName: vendors.name,
      hostAgencyId: agencySystems.hostAgencyId,
      hostAgencyName: host.name,
      sinceOn: agencySystems.sinceOn,
      untilOn: agencySystems.untilOn,
      confidence: agencySystems.confidence,
      evidenceUrl: agencySystems.evidenceUrl,
      notes: agencySystems.notes,
      addedByName: addedBy.name,
      createdAt: agencySystems.createdAt,
    })
    .from(agencySystems)
    .leftJoin(products, eq(products.id, agencySystems.productId))
    .leftJoin(vendors, eq(vendors.id, products.vendorId))
    .leftJoin(host, eq(host.id, agencySystems.hostAgencyId))
    .leftJoin(addedBy, eq(addedBy.id, agencySystems.createdById))
    .where(and(eq(agencySystems.agencyId, agencyId), visibleSystems(viewer)))
    .orderBy(sql`${agencySystems.untilOn} is not null and ${agencySystems.untilOn} < ${today}::date`, asc(agencySystems.systemType), desc(agencySystems.sinceOn));

  // For hosted systems: walk up the hosting chain to the agency that runs a product.
  const resolved = await queryRows<{ systemId: string; productId: string; productName: string; vendorId: string; vendorName: string; viaName: string }>(
    db,
    sql`with recursive up(system_id, agency_id, system_type, depth) as (
      select ${agencySystems.id}, ${agencySystems.hostAgencyId}, ${agencySystems.systemType}, 1
        from ${agencySystems}
       where ${agencySystems.agencyId} = ${agencyId}::uuid and ${agencySystems.hostAgencyId} is not null and ${visibleSystems(viewer)}
      union
      select up.system_id, ${agencySystems.hostAgencyId}, up.system_type, up.depth + 1
        from up join ${agencySystems} on ${agencySystems.agencyId} = up.agency_id and ${agencySystems.systemType} = up.system_type
       where ${agencySystems.hostAgencyId} is not null and ${visibleSystems(viewer)}
         and (${agencySystems.untilOn} is null or ${agencySystems.untilOn} >= ${today}::date) and up.depth < ${MAX_HOSTING_DEPTH}
    )
    select distinct up.system_id::text as "systemId", p.id::text as "productId", p.name as "productName",
           v.id::text as "vendorId", v.name as "vendorName", runner.name as "viaName"
      from up
      join ${agencySystems} on ${agencySystems.agencyId} = up.agency_id and ${agencySystems.systemType} = up.system_type
      join ${products} p on p.id = ${agencySystems.productId}
      join ${vendors} v on v.id = p.vendor_id
      join ${agencies} runner on runner.id = up.agency_id
     where ${visibleSystems(viewer)} and (${agencySystems.untilOn} is null or ${agencySystems.untilOn} >= ${today}::date)`,
  );
  const documents = await listDocuments(viewer, rows.map((r) => r.id), db);

  const hostedFor = await db
    .select({
      systemId: agencySystems.id,
      agencyId: agencies.id,
      agencyName: agencies.name,
      jurisdictionName: jurisdictions.name,
      systemType: agencySystems.systemType,
      untilOn: agencySystems.untilOn,
    })
    .from(agencySystems)
    .innerJoin(agencies, eq(agencies.id, agencySystems.agencyId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .where(and(eq(agencySystems.hostAgencyId, agencyId), visibleSystems(viewer)))
    .orderBy(asc(agencySystems.systemType), asc(agencies.name));

  return {
    systems: rows.map((r) => ({
      ...r,
      current: !r.untilOn || r.untilOn >= today,
      viaProducts: resolved.filter((x) => x.systemId === r.id),
      documents: documents.filter((d) => d.systemId === r.id),
    })),
    hostedFor: hostedFor.map((h) => ({ ...h, current: !h.untilOn || h.untilOn >= today })),
  };
}
