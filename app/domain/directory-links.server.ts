import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { agencies, directoryAgencies, jurisdictions } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { ownAgencies } from "./access.server";
import { normalizeText } from "./directory/clean";
import { directoryIndex } from "./directory.server";
import { searchIndex } from "./directory/index";
import { fail, ok, type Result } from "./results";

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * The organization's agency for a directory ORI: the one already linked to it, else one of its agencies of
 * the same name in the agency's state (then linked), else a new agency row under the state's jurisdiction,
 * named and typed as the directory says. What the organization adds (contact, portal, notes) stays its own.
 */
export async function agencyFromDirectory(viewer: Viewer, ori: string, db: Executor = defaultDb): Promise<Result<{ id: string; created: boolean }>> {
  const code = ori.trim().toUpperCase();
  const [entry] = await db
    .select({
      ori: directoryAgencies.ori,
      name: directoryAgencies.name,
      agencyType: directoryAgencies.agencyType,
      state: directoryAgencies.state,
      jurisdictionCode: directoryAgencies.jurisdictionCode,
    })
    .from(directoryAgencies)
    .where(eq(directoryAgencies.ori, code))
    .limit(1);
  if (!entry) return fail("directoryOri", `No agency with ORI ${code} in the directory`);
  const linked = await linkedAgency(db, viewer, code);
  if (linked) return ok({ id: linked, created: false });
  if (!entry.jurisdictionCode) {
    return fail("directoryOri", `JointAsk has no records law for ${entry.state} yet: add ${entry.name} to your agencies by hand`);
  }
  const [state] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, entry.jurisdictionCode), isNull(jurisdictions.organizationId)))
    .limit(1);
  if (!state) return fail("directoryOri", `No jurisdiction ${entry.jurisdictionCode} for ${entry.name}`);
  // One of the organization's agencies already named so in that state, not yet linked: link it.
  const [namesake] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .where(
      and(
        ownAgencies(viewer),
        isNull(agencies.ori),
        sql`lower(${agencies.name}) = lower(${entry.name})`,
        sql`(${jurisdictions.id} = ${state.id} or ${jurisdictions.stateId} = ${state.id})`,
      ),
    )
    .limit(1);
  try {
    if (namesake) {
      await db.update(agencies).set({ ori: code }).where(eq(agencies.id, namesake.id));
      return ok({ id: namesake.id, created: false });
    }
    const [row] = await db
      .insert(agencies)
      .values({
        organizationId: viewer.organizationId,
        jurisdictionId: state.id,
        name: entry.name,
        type: entry.agencyType,
        ori: code,
        createdById: viewer.id,
      })
      .returning({ id: agencies.id });
    return ok({ id: row!.id, created: true });
  } catch (error) {
    // Another request linked it at the same moment: use theirs.
    if (isUniqueViolation(error)) {
      const again = await linkedAgency(db, viewer, code);
      if (again) return ok({ id: again, created: false });
      return fail("directoryOri", `An agency named ${entry.name} already exists in ${entry.state}: link it to ${code} from its page`);
    }
    throw error;
  }
}

async function linkedAgency(db: Executor, viewer: Viewer, ori: string): Promise<string | null> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(ownAgencies(viewer), eq(agencies.ori, ori)))
    .limit(1);
  return row?.id ?? null;
}

export interface LinkSuggestion {
  ori: string;
  name: string;
  state: string;
  counties: string[];
}

/**
 * Directory agencies an organization's unlinked agency may be: a search by its name within its state.
 * Suggestions only: a person confirms the link.
 */
export async function suggestDirectoryMatches(viewer: Viewer, agencyId: string, db: Executor = defaultDb): Promise<LinkSuggestion[]> {
  if (!isUuid(agencyId)) return [];
  const [agency] = await db
    .select({ name: agencies.name, ori: agencies.ori, stateCode: sql<string | null>`coalesce(st.code, ${jurisdictions.code})` })
    .from(agencies)
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(sql`jurisdictions st`, sql`st.id = ${jurisdictions.stateId}`)
    .where(and(eq(agencies.id, agencyId), ownAgencies(viewer)))
    .limit(1);
  if (!agency || agency.ori) return [];
  const index = await directoryIndex(db);
  if (!index) return [];
  const state = agency.stateCode && agency.stateCode !== "US" ? agency.stateCode : undefined;
  // Every word of the name first; failing that, the name without its kind words ("Police Department").
  let found = searchIndex(index, agency.name, { state, limit: 5, offset: 0 });
  if (found.hits.length === 0) {
    const core = normalizeText(agency.name).replace(/\b(police|department|dept|pd|sheriffs?|office|city|of|the)\b/g, " ");
    if (core.trim()) found = searchIndex(index, core, { state, limit: 5, offset: 0 });
  }
  if (found.hits.length === 0) return [];
  const rows = await db
    .select({ ori: directoryAgencies.ori, name: directoryAgencies.name, state: directoryAgencies.state, counties: directoryAgencies.counties })
    .from(directoryAgencies)
    .where(sql`${directoryAgencies.ori} in (${sql.join(found.hits.map((h) => sql`${h.ori}`), sql`, `)})`)
    .orderBy(asc(directoryAgencies.name));
  const order = new Map(found.hits.map((h, i) => [h.ori, i]));
  return rows.sort((a, b) => order.get(a.ori)! - order.get(b.ori)!);
}

/** Links (or unlinks, with null) one of the organization's agencies to a directory ORI, as a person confirmed. */
export async function linkAgencyToDirectory(viewer: Viewer, agencyId: string, ori: string | null, db: Executor = defaultDb): Promise<Result<{ id: string }> | null> {
  if (!isUuid(agencyId)) return null;
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.id, agencyId), ownAgencies(viewer))).limit(1);
  if (!agency) return null;
  if (ori) {
    const [entry] = await db.select({ ori: directoryAgencies.ori }).from(directoryAgencies).where(eq(directoryAgencies.ori, ori)).limit(1);
    if (!entry) return fail("ori", `No agency with ORI ${ori} in the directory`);
  }
  try {
    await db.update(agencies).set({ ori }).where(eq(agencies.id, agencyId));
    return ok({ id: agencyId });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("ori", `Another of your agencies is already linked to ${ori}`);
    throw error;
  }
}
