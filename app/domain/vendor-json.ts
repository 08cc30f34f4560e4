import type { SystemType } from "../../db/schema/values";
import type { FieldsAsk } from "./fields.server";
import type { RequestListRow } from "./requests.server";
import { requestSummaryJson } from "./request-json";

// The public shapes of vendors and joint asks in the JSON API.

interface GroupCounts {
  systemType: SystemType;
  cities: number;
  agencies: number;
  states: number;
  hosted: number;
}

export function vendorDetailJson(
  vendor: { id: string; name: string; website: string | null; contactName: string | null; contactEmail: string | null; notes: string | null },
  products: Array<{ id: string; name: string; systemType: SystemType; groups: GroupCounts[] }>,
  memberships: Array<{ productId: string; systemType: SystemType; agencyId: string; agencyName: string; place: string; stateCode: string | null; viaAgencyId: string | null }>,
) {
  return {
    id: vendor.id,
    name: vendor.name,
    website: vendor.website,
    contact: { name: vendor.contactName, email: vendor.contactEmail },
    notes: vendor.notes,
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      systemType: p.systemType,
      agencies: memberships
        .filter((m) => m.productId === p.id)
        .map((m) => ({
          id: m.agencyId,
          name: m.agencyName,
          place: m.place,
          state: m.stateCode,
          usedAs: m.systemType,
          hostedBy: m.viaAgencyId,
        })),
    })),
    groups: products.flatMap((p) =>
      p.groups.map((g) => ({ productId: p.id, productName: p.name, systemType: g.systemType, cities: g.cities, agencies: g.agencies, states: g.states, hosted: g.hosted })),
    ),
  };
}

export function campaignJson(
  campaign: {
    id: string;
    title: string;
    ask: string;
    recordTypes: string[];
    productId: string | null;
    productName: string | null;
    vendorId: string | null;
    vendorName: string | null;
    createdAt: Date;
  },
  rows: Array<RequestListRow & { dueDate: string | null; overdue: boolean }>,
  summary: { total: number; open: number; overdue: number; received: number; statusCounts: Record<string, number> },
  today: string,
  fieldsAsk: FieldsAsk | null = null,
) {
  return {
    id: campaign.id,
    title: campaign.title,
    ask: campaign.ask,
    recordTypes: campaign.recordTypes,
    // The catalog ask each request was generated with (null for joint asks made before there was one).
    fieldsAsk: fieldsAsk
      ? {
          recordTypes: fieldsAsk.recordTypes.map((t) => ({ key: t.key, name: t.name })),
          fields: fieldsAsk.fields.map((f) => ({ key: f.key, label: f.label, recordType: f.recordTypeName })),
          detailLevel: fieldsAsk.ask.detailLevel,
          periodStart: fieldsAsk.ask.periodStart,
          periodEnd: fieldsAsk.ask.periodEnd,
          formats: fieldsAsk.ask.formats,
          deidentify: fieldsAsk.ask.deidentify,
          deidentifyNotes: fieldsAsk.ask.deidentifyNotes,
        }
      : null,
    product: campaign.productId ? { id: campaign.productId, name: campaign.productName } : null,
    vendor: campaign.vendorId ? { id: campaign.vendorId, name: campaign.vendorName } : null,
    createdAt: campaign.createdAt.toISOString(),
    counts: { total: summary.total, open: summary.open, overdue: summary.overdue, recordsReceived: summary.received },
    statusCounts: Object.fromEntries(Object.entries(summary.statusCounts).filter(([, n]) => n > 0)),
    requests: rows.map((r) => ({ ...requestSummaryJson(r, today), dueDate: r.dueDate, overdue: r.overdue })),
  };
}
