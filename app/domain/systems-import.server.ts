import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { agencies, agencySystems, jurisdictions, products, vendors } from "../../db/schema";
import type { AgencyType, SystemType } from "../../db/schema/values";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import { todayIn } from "../utils/dates";
import type { Viewer } from "./accounts.server";
import { ownAgencies, ownProducts, ownSystems, ownVendors } from "./access.server";
import { lockHosting, refreshMemberships } from "./memberships.server";
import { fail, ok, type Result } from "./results";
import { inSlices } from "./batches";
import { parseSystemsCsv, type ImportFormat, type ImportIssue, type ImportRow } from "./systems-import";

// Checks a parsed import against the organization's places, agencies, vendors and products, plans what
// would be created, and writes the plan in one transaction. Preview and import run the same checks.

const INSERT_CHUNK = 1000;
const PREVIEW_ROWS = 200;

export interface PlannedRow {
  line: number;
  agency: string;
  place: string;
  stateCode: string;
  systemType: SystemType;
  target: string;
  status: "new" | "recorded";
  newAgency: boolean;
  newProduct: boolean;
}

export interface ImportPlan {
  format: ImportFormat | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: { rows: number; places: number; agencies: number; vendors: number; products: number; systems: number; recorded: number };
  /** The first rows as they would be imported. */
  preview: PlannedRow[];
}

interface Writes {
  places: Array<{ id: string; name: string; kind: "city" | "county" | "regional"; stateId: string }>;
  agencies: Array<{ id: string; name: string; type: AgencyType; jurisdictionId: string }>;
  vendors: Array<{ id: string; name: string }>;
  products: Array<{ id: string; vendorId: string; name: string; systemType: SystemType }>;
  systems: Array<{
    agencyId: string;
    systemType: SystemType;
    productId: string | null;
    hostAgencyId: string | null;
    sinceOn: string | null;
    untilOn: string | null;
    confidence: ImportRow["confidence"];
    evidenceUrl: string | null;
    notes: string | null;
  }>;
}

const lower = (s: string) => s.toLowerCase();

async function loadContext(tx: Executor, viewer: Viewer) {
  const [stateRows, placeRows, agencyRows, vendorRows, productRows, hostEdges] = await Promise.all([
    tx
      .select({ id: jurisdictions.id, code: jurisdictions.code, name: jurisdictions.name })
      .from(jurisdictions)
      .where(and(isNull(jurisdictions.organizationId), isNotNull(jurisdictions.code))),
    tx
      .select({ id: jurisdictions.id, name: jurisdictions.name, kind: jurisdictions.kind, stateId: jurisdictions.stateId })
      .from(jurisdictions)
      .where(eq(jurisdictions.organizationId, viewer.organizationId)),
    tx
      .select({ id: agencies.id, name: agencies.name, jurisdictionId: agencies.jurisdictionId })
      .from(agencies)
      .where(ownAgencies(viewer)),
    tx.select({ id: vendors.id, name: vendors.name }).from(vendors).where(ownVendors(viewer)),
    tx
      .select({ id: products.id, vendorId: products.vendorId, name: products.name, systemType: products.systemType })
      .from(products)
      .where(ownProducts(viewer)),
    tx
      .select({ agencyId: agencySystems.agencyId, hostAgencyId: agencySystems.hostAgencyId, systemType: agencySystems.systemType })
      .from(agencySystems)
      .where(and(ownSystems(viewer), isNotNull(agencySystems.hostAgencyId))),
  ]);
  return { stateRows, placeRows, agencyRows, vendorRows, productRows, hostEdges };
}

/** Parses, checks and plans an import without writing anything. */
async function plan(tx: Executor, viewer: Viewer, text: string): Promise<{ plan: ImportPlan; writes: Writes }> {
  const context = await loadContext(tx, viewer);
  const states = context.stateRows.map((s) => ({ code: s.code!, name: s.name }));
  const parsed = parseSystemsCsv(text, states);
  const errors = [...parsed.errors];
  const warnings = [...parsed.warnings];
  const writes: Writes = { places: [], agencies: [], vendors: [], products: [], systems: [] };
  const preview: PlannedRow[] = [];
  const stateId = new Map(context.stateRows.map((s) => [s.code!, s.id]));
  const stateOfPlace = new Map<string, string>();
  for (const s of context.stateRows) stateOfPlace.set(s.id, s.id);

  const placeByKey = new Map<string, string>();
  for (const p of context.placeRows) {
    placeByKey.set(`${p.stateId}|${p.kind}|${lower(p.name)}`, p.id);
    if (p.stateId) stateOfPlace.set(p.id, p.stateId);
  }
  const agencyByKey = new Map<string, string>();
  const agenciesByState = new Map<string, Array<{ id: string; name: string; placeName: string }>>();
  const placeName = new Map(context.placeRows.map((p) => [p.id, p.name]));
  for (const s of context.stateRows) placeName.set(s.id, s.name);
  const addToState = (state: string, entry: { id: string; name: string; placeName: string }) =>
    agenciesByState.set(state, [...(agenciesByState.get(state) ?? []), entry]);
  for (const a of context.agencyRows) {
    agencyByKey.set(`${a.jurisdictionId}|${lower(a.name)}`, a.id);
    const state = stateOfPlace.get(a.jurisdictionId);
    if (state) addToState(state, { id: a.id, name: a.name, placeName: placeName.get(a.jurisdictionId) ?? "" });
  }
  const vendorByName = new Map(context.vendorRows.map((v) => [lower(v.name), v.id]));
  const productByKey = new Map(context.productRows.map((p) => [`${p.vendorId}|${lower(p.name)}`, p.id]));
  const productsByType = new Map<string, string[]>();
  for (const p of context.productRows) {
    const key = `${p.vendorId}|${p.systemType}`;
    productsByType.set(key, [...(productsByType.get(key) ?? []), p.id]);
  }

  // First pass: places and agencies, so that hosted_by can name an agency added further down the file.
  const agencyOfRow = new Map<number, { id: string; isNew: boolean; placeLabel: string }>();
  const newAgencyIds = new Set<string>();
  for (const row of parsed.rows) {
    const state = stateId.get(row.stateCode)!;
    let jurisdictionId = state;
    if (row.place) {
      const key = `${state}|${row.place.kind}|${lower(row.place.name)}`;
      let id = placeByKey.get(key);
      if (!id) {
        id = randomUUID();
        placeByKey.set(key, id);
        placeName.set(id, row.place.name);
        writes.places.push({ id, name: row.place.name, kind: row.place.kind, stateId: state });
      }
      jurisdictionId = id;
    }
    const key = `${jurisdictionId}|${lower(row.agency.name)}`;
    let id = agencyByKey.get(key);
    if (!id) {
      id = randomUUID();
      agencyByKey.set(key, id);
      newAgencyIds.add(id);
      writes.agencies.push({ id, name: row.agency.name, type: row.agency.type, jurisdictionId });
      addToState(state, { id, name: row.agency.name, placeName: placeName.get(jurisdictionId) ?? "" });
    }
    agencyOfRow.set(row.line, { id, isNew: newAgencyIds.has(id), placeLabel: placeName.get(jurisdictionId) ?? row.stateCode });
  }

  const existingAgencyIds = [...new Set([...agencyOfRow.values()].filter((a) => !a.isNew).map((a) => a.id))];
  const recorded = await existingSystemKeys(tx, viewer, existingAgencyIds);

  const edges = context.hostEdges.map((e) => ({ from: e.agencyId, to: e.hostAgencyId!, type: e.systemType, line: 0 }));
  const newVendor = new Map<string, string>();
  const newProduct = new Map<string, string>();
  let recordedCount = 0;
  for (const row of parsed.rows) {
    const agency = agencyOfRow.get(row.line)!;
    let productId: string | null = null;
    let hostAgencyId: string | null = null;
    let productIsNew = false;
    let targetLabel: string;
    if ("hostedBy" in row.target) {
      const host = findHost(agenciesByState.get(stateId.get(row.stateCode)!) ?? [], row.target.hostedBy);
      if ("problem" in host) {
        errors.push({ line: row.line, column: "hosted_by", message: host.problem.replace("{state}", row.stateCode) });
        continue;
      }
      if (host.id === agency.id) {
        errors.push({ line: row.line, column: "hosted_by", message: "An agency can't host its own system" });
        continue;
      }
      hostAgencyId = host.id;
      targetLabel = `hosted by ${row.target.hostedBy}`;
      edges.push({ from: agency.id, to: host.id, type: row.systemType, line: row.line });
    } else {
      const vendorKey = lower(row.target.vendor);
      let vendorId = vendorByName.get(vendorKey) ?? newVendor.get(vendorKey);
      if (!vendorId) {
        vendorId = randomUUID();
        newVendor.set(vendorKey, vendorId);
        writes.vendors.push({ id: vendorId, name: row.target.vendor });
      }
      const productKey = `${vendorId}|${lower(row.target.product)}`;
      productId = productByKey.get(productKey) ?? newProduct.get(productKey) ?? null;
      if (!productId && row.productIsTechnology) {
        const sameType = productsByType.get(`${vendorId}|${row.systemType}`) ?? [];
        if (sameType.length === 1) productId = sameType[0]!;
      }
      if (!productId) {
        productId = randomUUID();
        productIsNew = true;
        newProduct.set(productKey, productId);
        productsByType.set(`${vendorId}|${row.systemType}`, [...(productsByType.get(`${vendorId}|${row.systemType}`) ?? []), productId]);
        writes.products.push({ id: productId, vendorId, name: row.target.product, systemType: row.systemType });
      }
      targetLabel = `${row.target.vendor} · ${row.target.product}`;
    }
    const key = [agency.id, row.systemType, productId ?? "", hostAgencyId ?? "", row.sinceOn ?? ""].join("|");
    const alreadyRecorded = recorded.has(key);
    if (alreadyRecorded) recordedCount += 1;
    else {
      recorded.add(key);
      writes.systems.push({
        agencyId: agency.id,
        systemType: row.systemType,
        productId,
        hostAgencyId,
        sinceOn: row.sinceOn,
        untilOn: row.untilOn,
        confidence: row.confidence,
        evidenceUrl: row.evidenceUrl,
        notes: row.notes,
      });
    }
    if (preview.length < PREVIEW_ROWS) {
      preview.push({
        line: row.line,
        agency: row.agency.name,
        place: agency.placeLabel,
        stateCode: row.stateCode,
        systemType: row.systemType,
        target: targetLabel,
        status: alreadyRecorded ? "recorded" : "new",
        newAgency: agency.isNew,
        newProduct: productIsNew,
      });
    }
  }
  errors.push(...hostingCycles(edges));
  errors.sort((a, b) => a.line - b.line);
  return {
    plan: {
      format: parsed.format,
      errors,
      warnings,
      counts: {
        rows: parsed.rows.length,
        places: writes.places.length,
        agencies: writes.agencies.length,
        vendors: writes.vendors.length,
        products: writes.products.length,
        systems: writes.systems.length,
        recorded: recordedCount,
      },
      preview,
    },
    writes,
  };
}

/** "Dane County 911" or "Dane County 911 (Dane County)" among the agencies of the row's state. */
function findHost(candidates: ReadonlyArray<{ id: string; name: string; placeName: string }>, text: string): { id: string } | { problem: string } {
  const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text);
  const name = lower(match ? match[1]! : text);
  const place = match ? lower(match[2]!) : null;
  const found = candidates.filter((c) => lower(c.name) === name && (place === null || lower(c.placeName) === place));
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length === 0) return { problem: `No agency named “${text}” in {state}, in your agencies or in this file` };
  return { problem: `Several agencies in {state} are named “${text}”; write it as “Name (Place)”` };
}

/** Existing systems as keys, to skip rows already recorded. */
async function existingSystemKeys(tx: Executor, viewer: Viewer, ids: readonly string[]) {
  const keys = new Set<string>();
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const rows = await tx
      .select({
        agencyId: agencySystems.agencyId,
        systemType: agencySystems.systemType,
        productId: agencySystems.productId,
        hostAgencyId: agencySystems.hostAgencyId,
        sinceOn: agencySystems.sinceOn,
      })
      .from(agencySystems)
      .where(and(ownSystems(viewer), inArray(agencySystems.agencyId, ids.slice(i, i + INSERT_CHUNK))));
    for (const r of rows) keys.add([r.agencyId, r.systemType, r.productId ?? "", r.hostAgencyId ?? "", r.sinceOn ?? ""].join("|"));
  }
  return keys;
}

/** An error on each file row whose hosting edge closes a circle (per system type). */
function hostingCycles(edges: ReadonlyArray<{ from: string; to: string; type: SystemType; line: number }>): ImportIssue[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const key = `${e.type}|${e.from}`;
    next.set(key, [...(next.get(key) ?? []), e.to]);
  }
  const issues: ImportIssue[] = [];
  for (const edge of edges) {
    if (edge.line === 0) continue;
    // Is edge.from reachable from edge.to?
    const seen = new Set<string>();
    const stack = [edge.to];
    let circle = false;
    while (stack.length > 0 && !circle) {
      const at = stack.pop()!;
      if (at === edge.from) circle = true;
      else if (!seen.has(at)) {
        seen.add(at);
        stack.push(...(next.get(`${edge.type}|${at}`) ?? []));
      }
    }
    if (circle) issues.push({ line: edge.line, column: "hosted_by", message: "This hosting goes round in a circle (the host gets the same system, through others, from this agency)" });
  }
  return issues;
}

export async function previewImport(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<ImportPlan> {
  return (await plan(db, viewer, text)).plan;
}

/** Raised inside the import transaction to undo it when the file no longer checks out. */
class ImportRefused extends Error {
  constructor(readonly plan: ImportPlan) {
    super("import refused");
  }
}

/** Imports the file in one transaction: everything, or (with any error) nothing. */
export async function runImport(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<Result<ImportPlan> & { plan: ImportPlan }> {
  try {
    const done = await db.transaction(async (tx) => {
      await lockHosting(tx, viewer.organizationId);
      const { plan: checked, writes } = await plan(tx, viewer, text);
      if (checked.errors.length > 0) throw new ImportRefused(checked);
      await write(tx, viewer, writes);
      return checked;
    });
    return { ...ok(done), plan: done };
  } catch (error) {
    if (error instanceof ImportRefused) {
      return { ...fail("file", `Nothing was imported: ${error.plan.errors.length} ${error.plan.errors.length === 1 ? "problem" : "problems"} to fix`), plan: error.plan };
    }
    throw error;
  }
}

const insertChunks = <T>(items: readonly T[], insert: (chunk: T[]) => Promise<unknown>) => inSlices(items, INSERT_CHUNK, insert);

async function write(tx: Executor, viewer: Viewer, writes: Writes) {
  const org = viewer.organizationId;
  await insertChunks(writes.places, (chunk) =>
    tx.insert(jurisdictions).values(chunk.map((p) => ({ id: p.id, organizationId: org, kind: p.kind, name: p.name, stateId: p.stateId }))),
  );
  await insertChunks(writes.agencies, (chunk) =>
    tx.insert(agencies).values(chunk.map((a) => ({ ...a, organizationId: org, createdById: viewer.id }))),
  );
  await insertChunks(writes.vendors, (chunk) =>
    tx.insert(vendors).values(chunk.map((v) => ({ ...v, organizationId: org, createdById: viewer.id }))),
  );
  await insertChunks(writes.products, (chunk) =>
    tx.insert(products).values(chunk.map((p) => ({ ...p, organizationId: org, createdById: viewer.id }))),
  );
  await insertChunks(writes.systems, (chunk) =>
    tx.insert(agencySystems).values(chunk.map((s) => ({ ...s, organizationId: org, createdById: viewer.id }))),
  );
  const changed = [...new Map(writes.systems.map((s) => [`${s.agencyId}|${s.systemType}`, { agencyId: s.agencyId, systemType: s.systemType }])).values()];
  if (changed.length > 0) await refreshMemberships(tx, org, changed.length > 5000 ? "all" : changed, todayIn(viewer.timeZone));
}
