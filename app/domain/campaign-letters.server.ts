import { formatLetterDate } from "../utils/dates";
// The letters of a joint ask: its letter text (the body, written once) filled in for each target. The letter
// itself (date, greeting, law, fields, period, deadline, reply address, signature) is composed around that body
// by the request letter template, so no letter ever holds another.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { agencies, campaigns, jurisdictions, organizations, products, requests, users, vendors } from "../../db/schema";
import type { LawCitation } from "../../emails/types";
import type { Executor } from "../utils/db.server";
import { lawFor } from "./deadlines";
import { describeResponseTime, fillTemplate, letterBody } from "./letters";

const state = alias(jurisdictions, "state");
const requester = alias(users, "requester");

export interface TargetAgency {
  id: string;
  name: string;
  type: string;
  jurisdictionName: string;
  jurisdictionKind: string;
  stateCode: string | null;
  stateName: string;
  law: { name: string; citation: string; days: string } | null;
  contactName?: string | null;
  contactEmail?: string | null;
}

/** The law a request to an agency falls under: its state's (federal FOIA for federal agencies). */
export function lawOf(stateCode: string | null): TargetAgency["law"] {
  const law = stateCode ? lawFor(stateCode) : undefined;
  if (!law) return null;
  return { name: law.lawName, citation: law.citation, days: describeResponseTime(law.responseDays, law.dayType) };
}

/** The same law as a letter cites it. */
export function lawCitationOf(stateCode: string | null): LawCitation | null {
  const law = stateCode ? lawFor(stateCode) : undefined;
  return law
    ? { lawName: law.lawName, citation: law.citation, responseDays: law.responseDays, dayType: law.dayType, responseCite: law.details?.responseCite ?? null }
    : null;
}

export function placeOf(target: Pick<TargetAgency, "jurisdictionKind" | "jurisdictionName" | "stateName">): string {
  if (target.jurisdictionKind === "federal") return "the United States";
  if (target.jurisdictionKind === "state") return target.jurisdictionName;
  return `${target.jurisdictionName}, ${target.stateName}`;
}


export interface CampaignLetterValues {
  ask: string;
  recordTypes: readonly string[];
  vendorName: string | null;
  productName: string | null;
  today: string;
  organizationName: string;
  requesterName: string;
}

function commonValues(context: CampaignLetterValues) {
  return {
    ask: context.ask,
    record_types: context.recordTypes.join(", "),
    vendor: context.vendorName ?? "the vendor of your records system",
    product: context.productName ?? "your records or dispatch system",
    date: formatLetterDate(context.today),
    organization: context.organizationName,
    requester: context.requesterName,
  };
}

/** The joint ask's letter text filled in for one agency: the body of that agency's letter. */
export function agencyLetter(template: string, target: TargetAgency, context: CampaignLetterValues): string {
  return fillTemplate(letterBody(template), {
    ...commonValues(context),
    agency: target.name,
    jurisdiction: placeOf(target),
    state: target.stateName,
    law_name: target.law?.name ?? "public records law",
    citation: target.law?.citation ?? "the state's public records statute",
    days: target.law?.days ?? "the time the law allows",
  });
}

/** The vendor letter text filled in, listing the agencies asked. */
export function vendorLetter(template: string, targets: readonly TargetAgency[], context: CampaignLetterValues): string {
  return fillTemplate(letterBody(template), {
    ...commonValues(context),
    agencies: targets.map((t) => `- ${t.name} (${placeOf(t)})`).join("\n"),
    agency_count: String(targets.length),
  });
}

const targetColumns = {
  id: agencies.id,
  name: agencies.name,
  type: agencies.type,
  jurisdictionName: jurisdictions.name,
  jurisdictionKind: jurisdictions.kind,
  stateCode: sql<string | null>`coalesce(${state.code}, ${jurisdictions.code})`,
  stateName: sql<string>`coalesce(${state.name}, ${jurisdictions.name})`,
  contactName: agencies.recordsContactName,
  contactEmail: agencies.recordsContactEmail,
};

/** The agencies of one organization's requests in a joint ask, in letter order (by state, place, agency). */
export async function campaignAgencyTargets(db: Executor, campaignId: string, organizationId: string): Promise<TargetAgency[]> {
  const rows = await db
    .selectDistinct(targetColumns)
    .from(requests)
    .innerJoin(agencies, eq(agencies.id, requests.agencyId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
    .leftJoin(state, eq(state.id, jurisdictions.stateId))
    .where(and(eq(requests.campaignId, campaignId), eq(requests.organizationId, organizationId), isNotNull(requests.agencyId)));
  return rows
    .map((r) => ({ ...r, law: lawOf(r.stateCode) }))
    .sort((a, b) => a.stateName.localeCompare(b.stateName) || a.jurisdictionName.localeCompare(b.jurisdictionName) || a.name.localeCompare(b.name));
}

/**
 * The body of the first letter of a request a joint ask made: the joint ask's letter text (or its vendor
 * letter text) filled in for this request's target. Null when the request is not (or no longer) in a joint ask
 * of its own organization, or that joint ask has no letter text for this kind of target.
 */
export async function campaignLetterText(db: Executor, requestId: string, today: string): Promise<string | null> {
  const [row] = await db
    .select({
      organizationId: requests.organizationId,
      campaignId: campaigns.id,
      agencyId: requests.agencyId,
      ask: campaigns.ask,
      recordTypes: campaigns.recordTypes,
      letterTemplate: campaigns.letterTemplate,
      vendorLetterTemplate: campaigns.vendorLetterTemplate,
      productName: products.name,
      vendorName: vendors.name,
      organizationName: organizations.name,
      requesterName: requester.name,
    })
    .from(requests)
    .innerJoin(campaigns, and(eq(campaigns.id, requests.campaignId), eq(campaigns.organizationId, requests.organizationId)))
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(products, eq(products.id, campaigns.productId))
    .leftJoin(vendors, eq(vendors.id, campaigns.vendorId))
    .where(eq(requests.id, requestId))
    .limit(1);
  if (!row) return null;
  const values: CampaignLetterValues = {
    ask: row.ask,
    recordTypes: row.recordTypes,
    vendorName: row.vendorName,
    productName: row.productName,
    today,
    organizationName: row.organizationName,
    requesterName: row.requesterName,
  };
  if (row.agencyId) {
    const [target] = await db
      .select(targetColumns)
      .from(agencies)
      .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .leftJoin(state, eq(state.id, jurisdictions.stateId))
      .where(eq(agencies.id, row.agencyId))
      .orderBy(asc(agencies.name))
      .limit(1);
    if (!target) return null;
    return agencyLetter(row.letterTemplate, { ...target, law: lawOf(target.stateCode) }, values);
  }
  if (!row.vendorLetterTemplate) return null;
  return vendorLetter(row.vendorLetterTemplate, await campaignAgencyTargets(db, row.campaignId, row.organizationId), values);
}
