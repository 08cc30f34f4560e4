import type { AnalyticsResult, GroupFigures } from "./analytics.server";
import { describePeriod, formatDays, formatPercent, onTimeRate, OUTCOME_LABELS, share, type Outcome } from "./analytics";

// The analytics figures as tables: what the page shows beside each chart and what its CSV download holds, built
// in one place so the two can't disagree. Pure.

export const TABLE_NAMES = ["agencies", "states", "products", "months", "outcomes", "exemptions", "fields", "funnels"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface Table {
  name: TableName;
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const dash = (value: number | null) => (value === null ? "" : Math.round(value * 10) / 10);

function groupRows(groups: GroupFigures[], withLaw: boolean): (string | number)[][] {
  return groups.map((g) => [
    g.label,
    ...(withLaw ? [g.lawCode ?? "", describePeriod(g.periodDays, g.periodDayType)] : []),
    g.requests,
    g.response.n,
    dash(g.response.q1),
    dash(g.response.median),
    dash(g.response.q3),
    g.completion.n,
    dash(g.completion.median),
    g.onTime,
    g.late,
    formatPercent(onTimeRate(g.onTime, g.late)),
    g.overdueNow,
  ]);
}

const GROUP_HEADER = [
  "Requests",
  "Answered (n)",
  "Response Q1 (days)",
  "Response median (days)",
  "Response Q3 (days)",
  "Completed (n)",
  "Completion median (days)",
  "On time",
  "Late",
  "On-time rate",
  "Overdue now",
];

export function analyticsTables(result: AnalyticsResult): Record<TableName, Table> {
  return {
    agencies: {
      name: "agencies",
      title: "Response time and deadlines by agency",
      header: ["Agency", "Law", "Statutory period", ...GROUP_HEADER],
      rows: groupRows(result.byAgency, true),
    },
    states: {
      name: "states",
      title: "Response time and deadlines by state law",
      header: ["State", "Law", "Statutory period", ...GROUP_HEADER],
      rows: groupRows(result.byState, true),
    },
    products: {
      name: "products",
      title: "Response time and deadlines by vendor and product",
      header: ["Product (vendor)", ...GROUP_HEADER],
      rows: groupRows(result.byProduct, false),
    },
    months: {
      name: "months",
      title: "On-time rate by month of the due date",
      header: ["Month", "Due", "On time", "Late", "On-time rate"],
      rows: result.months.map((m) => [m.month, m.due, m.onTime, m.late, formatPercent(onTimeRate(m.onTime, m.late))]),
    },
    outcomes: {
      name: "outcomes",
      title: "Outcomes",
      header: ["Outcome", "Requests", "Share of answered"],
      rows: (() => {
        const total = result.outcomes.reduce((sum, o) => sum + o.n, 0);
        return result.outcomes.map((o) => [OUTCOME_LABELS[o.outcome as Outcome] ?? o.outcome, o.n, formatPercent(share(o.n, total))]);
      })(),
    },
    exemptions: {
      name: "exemptions",
      title: "Exemptions cited (notes on fields withheld or denied)",
      header: ["Note", "Fields"],
      rows: result.exemptions.map((e) => [e.note, e.n]),
    },
    fields: {
      name: "fields",
      title: "Fields received, by record type and vendor/product",
      header: ["Record type", "Field", "Vendor/product", "Asked", "Received", "Partly received", "Share received", "Share received or partly"],
      rows: result.fields.map((f) => [
        f.recordType,
        f.label,
        f.product ?? "All",
        f.asked,
        f.received,
        f.partly,
        formatPercent(share(f.received, f.asked)),
        formatPercent(share(f.received + f.partly, f.asked)),
      ]),
    },
    funnels: {
      name: "funnels",
      title: "Joint asks: from drafted to data received",
      header: ["Joint ask", "Drafted", "Sent", "Acknowledged", "Answered", "Data received"],
      rows: result.funnels.map((c) => [c.title, c.drafted, c.sent, c.acknowledged, c.answered, c.dataReceived]),
    },
  };
}

export { formatDays };
