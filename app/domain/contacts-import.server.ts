import { parse } from "csv-parse/sync";
import { and, eq, inArray } from "drizzle-orm";
import { agencies, directoryAgencies } from "../../db/schema";
import type { Executor } from "../utils/db.server";
import { db as defaultDb } from "../utils/db.server";
import type { Viewer } from "./accounts.server";
import { checkContactRow, checkHeader, MAX_CONTACT_ROWS, type ContactRow, type RowProblem } from "./contacts-import";
import { agencyFromDirectory } from "./directory-links.server";
import { fail, ok, type Result } from "./results";

export interface ContactPlanRow extends ContactRow {
  agency: string;
  state: string;
  /** "new": the organization gets an agency row for the ORI; "update": its linked agency's contact changes. */
  result: "new" | "update";
}

export interface ContactPlan {
  rows: ContactPlanRow[];
  errors: RowProblem[];
  counts: { rows: number; created: number; updated: number };
}

const PREVIEW_ROWS = 200;

/** Every row checked against the directory and the organization's agencies; nothing written. */
export async function previewContactsImport(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<ContactPlan & { preview: ContactPlanRow[] }> {
  const plan = await planContacts(viewer, text, db);
  return { ...plan, preview: plan.rows.slice(0, PREVIEW_ROWS) };
}

async function planContacts(viewer: Viewer, text: string, db: Executor): Promise<ContactPlan> {
  const empty = (errors: RowProblem[]): ContactPlan => ({ rows: [], errors, counts: { rows: 0, created: 0, updated: 0 } });
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    return empty([{ line: (error as { lines?: number }).lines ?? 1, message: `The CSV could not be read: ${(error as Error).message}` }]);
  }
  if (records.length < 2) return empty([{ line: 1, message: "The file has a header but no rows" }]);
  if (records.length - 1 > MAX_CONTACT_ROWS) return empty([{ line: 1, message: `At most ${MAX_CONTACT_ROWS} rows per file` }]);
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const headerProblems = checkHeader(header);
  if (headerProblems.length) return empty(headerProblems);
  const errors: RowProblem[] = [];
  const rows: ContactRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const record = Object.fromEntries(header.map((h, k) => [h, cells[k]]));
    const checked = checkContactRow(line, record);
    errors.push(...checked.problems);
    if (!checked.row) return;
    const earlier = seen.get(checked.row.ori);
    if (earlier) errors.push({ line, column: "ori", message: `${checked.row.ori} is already on line ${earlier}` });
    else seen.set(checked.row.ori, line);
    rows.push(checked.row);
  });
  const oris = [...seen.keys()];
  const entries = new Map<string, { name: string; state: string; jurisdictionCode: string | null }>();
  const linked = new Set<string>();
  for (let i = 0; i < oris.length; i += 1000) {
    const chunk = oris.slice(i, i + 1000);
    const [found, own] = await Promise.all([
      db
        .select({ ori: directoryAgencies.ori, name: directoryAgencies.name, state: directoryAgencies.state, jurisdictionCode: directoryAgencies.jurisdictionCode })
        .from(directoryAgencies)
        .where(inArray(directoryAgencies.ori, chunk)),
      db
        .select({ ori: agencies.ori })
        .from(agencies)
        .where(and(eq(agencies.organizationId, viewer.organizationId), inArray(agencies.ori, chunk))),
    ]);
    for (const f of found) entries.set(f.ori, f);
    for (const o of own) if (o.ori) linked.add(o.ori);
  }
  const planned: ContactPlanRow[] = [];
  for (const row of rows) {
    const entry = entries.get(row.ori);
    if (!entry) {
      errors.push({ line: row.line, column: "ori", message: `No agency with ORI ${row.ori} in the directory` });
      continue;
    }
    if (!linked.has(row.ori) && !entry.jurisdictionCode) {
      errors.push({ line: row.line, column: "ori", message: `JointAsk has no records law for ${entry.state}: add ${entry.name} by hand` });
      continue;
    }
    planned.push({ ...row, agency: entry.name, state: entry.state, result: linked.has(row.ori) ? "update" : "new" });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    rows: planned,
    errors,
    counts: { rows: rows.length, created: planned.filter((r) => r.result === "new").length, updated: planned.filter((r) => r.result === "update").length },
  };
}

/**
 * All or nothing: with any problem nothing is written; else, in one transaction, each ORI's agency (created from
 * the directory when the organization has none) gets the file's non-empty values.
 */
export async function runContactsImport(viewer: Viewer, text: string, db: Executor = defaultDb): Promise<Result<ContactPlan> & { plan: ContactPlan }> {
  const plan = await planContacts(viewer, text, db);
  if (plan.errors.length) return { ...fail("csv", `${plan.errors.length} problems: nothing imported`), plan };
  await db.transaction(async (tx) => {
    for (const row of plan.rows) {
      const agency = await agencyFromDirectory(viewer, row.ori, tx);
      if (!agency.ok) throw new Error(`line ${row.line}: ${Object.values(agency.fieldErrors).flat().join(" ")}`);
      const values = {
        ...(row.recordsContactName !== undefined ? { recordsContactName: row.recordsContactName } : {}),
        ...(row.recordsContactEmail !== undefined ? { recordsContactEmail: row.recordsContactEmail } : {}),
        ...(row.portalUrl !== undefined ? { portalUrl: row.portalUrl } : {}),
        ...(row.notes !== undefined ? { notes: row.notes } : {}),
      };
      if (Object.keys(values).length) await tx.update(agencies).set(values).where(eq(agencies.id, agency.value.id));
    }
  });
  return { ...ok(plan), plan };
}
