import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { agencies, fileProfiles, jurisdictions, requestAsks, requestFiles, requests, vendors } from "../../../db/schema";
import { todayIn } from "../../utils/dates";
import type { Executor } from "../../utils/db.server";
import { db as defaultDb } from "../../utils/db.server";
import type { Viewer } from "../accounts.server";
import { visibleFiles, visibleRequests } from "../access.server";
import { isUuid } from "../requests.server";
import { checkAgainstAsk, codeListShape, type Period } from "./ask-check";
import { mainTable } from "./profile-types";
import { describeMonths, monthsBetween } from "./months";
import { listDoneProfiles } from "./profiles.server";

// Per city of a joint ask: what data came back, from the profiles of its received files. One query for the
// requests, one for their profiles; the check against each request's own ask is computed here.

export interface DataReceivedRow {
  requestId: string;
  number: number;
  targetName: string;
  jurisdictionName: string | null;
  /** Data files profiled (code lists not counted). */
  files: number;
  /** Files still being profiled. */
  profiling: number;
  rows: number;
  periodCovered: Period | null;
  periodAsked: Period | null;
  /** Months of the period asked that none of its files cover, in words; null when all are or nothing can be said. */
  missing: string | null;
  missingMonths: number;
  flags: string[];
  codeLists: number;
}

export async function dataReceivedByRequest(
  viewer: Viewer,
  campaignId: string,
  db: Executor = defaultDb,
  /** Only these requests of the joint ask (the page of targets shown); all of them when left out. */
  requestIds?: readonly string[],
): Promise<DataReceivedRow[]> {
  if (!isUuid(campaignId)) return [];
  if (requestIds && requestIds.length === 0) return [];
  const targetsQuery = db
    .select({
      id: requests.id,
      number: requests.number,
      agencyName: agencies.name,
      vendorName: vendors.name,
      jurisdictionName: jurisdictions.name,
      periodStart: requestAsks.periodStart,
      periodEnd: requestAsks.periodEnd,
      detailLevel: requestAsks.detailLevel,
      deidentify: requestAsks.deidentify,
      profiling: sql<number>`(select count(*)::int from ${fileProfiles} inner join ${requestFiles} on ${requestFiles.id} = ${fileProfiles.fileId} where ${fileProfiles.requestId} = ${requests.id} and ${fileProfiles.status} in ('pending', 'running') and ${visibleFiles(viewer)})`,
    })
    .from(requests)
    .leftJoin(agencies, eq(agencies.id, requests.agencyId))
    .leftJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(vendors, eq(vendors.id, requests.vendorId))
    .leftJoin(requestAsks, eq(requestAsks.requestId, requests.id))
    .where(and(eq(requests.campaignId, campaignId), visibleRequests(viewer), requestIds ? inArray(requests.id, [...requestIds]) : undefined))
    .orderBy(sql`${requests.vendorId} is null`, asc(jurisdictions.name), asc(sql`coalesce(${agencies.name}, ${vendors.name})`), asc(requests.number));
  // Given the requests, their profiles are read at the same time (those of ids that are not targets are never
  // looked at below); otherwise after the targets, from their ids.
  const [targets, profiles] = requestIds
    ? await Promise.all([targetsQuery, listDoneProfiles(viewer, requestIds, db)])
    : await targetsQuery.then(async (rows) => [rows, await listDoneProfiles(viewer, rows.map((t) => t.id), db)] as const);
  const today = todayIn(viewer.timeZone);
  return targets.map((t) => {
    const own = profiles.filter((p) => p.requestId === t.id);
    const lists = own.filter((p) => codeListShape(p.profile));
    const data = own.filter((p) => !codeListShape(p.profile));
    const ask = { detailLevel: t.detailLevel, periodStart: t.periodStart, periodEnd: t.periodEnd, deidentify: t.deidentify ?? false };
    const covered = new Set<string>();
    let from: string | null = null;
    let to: string | null = null;
    let rows = 0;
    const flags = new Set<string>();
    for (const file of data) {
      const check = checkAgainstAsk({ profile: file.profile, fileId: file.fileId, ask, fields: [], others: [], today });
      rows += mainTable(file.profile)?.rows ?? 0;
      if (check.period.covered) {
        if (!from || check.period.covered.from < from) from = check.period.covered.from;
        if (!to || check.period.covered.to > to) to = check.period.covered.to;
      }
      const main = mainTable(file.profile);
      const dateColumn = main?.columns.find((c) => c.name === check.period.dateColumn);
      for (const [month, n] of Object.entries(dateColumn?.months ?? {})) if (n > 0) covered.add(month);
      for (const f of check.flags) flags.add(f.message);
      if (check.detail.mismatch) flags.add("Counts only, though record-level data was asked.");
    }
    const periodAsked = t.periodStart ? { from: t.periodStart, to: t.periodEnd ?? today } : null;
    const missingMonths = periodAsked && data.length ? monthsBetween(periodAsked.from, periodAsked.to).filter((m) => !covered.has(m)) : [];
    return {
      requestId: t.id,
      number: t.number,
      targetName: t.agencyName ?? t.vendorName ?? "",
      jurisdictionName: t.jurisdictionName,
      files: data.length,
      profiling: t.profiling,
      rows,
      periodCovered: from && to ? { from, to } : null,
      periodAsked,
      missing: missingMonths.length ? describeMonths(missingMonths) : null,
      missingMonths: missingMonths.length,
      flags: [...flags],
      codeLists: lists.length,
    };
  });
}
