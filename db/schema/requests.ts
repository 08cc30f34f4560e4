import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./accounts";
import { id, timestamps, tsvector } from "./columns";
import {
  communicationChannel,
  communicationDirection,
  requestEventKind,
  requestStatus,
  requestVisibility,
  submissionMethod,
} from "./enums";
import { agencies } from "./places";
import { campaigns, vendors } from "./vendors";

/**
 * The open statuses (OPEN_STATUSES in app/domain/request-status.ts, same order) as the literal list the chase
 * board's partial indexes and queries use; a unit test keeps the two in step.
 */
export const OPEN_STATUS_LIST_SQL =
  "('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')";

/** RECEIVED_STATUSES (app/domain/groups.server.ts) as a literal list, for the precedents' partial indexes. */
export const RECEIVED_STATUS_LIST_SQL = "('fulfilled', 'partially_fulfilled')";

export const requests = pgTable(
  "requests",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    // A request goes to an agency or to a vendor, never both.
    agencyId: uuid("agency_id").references(() => agencies.id),
    vendorId: uuid("vendor_id").references(() => vendors.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => users.id),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    status: requestStatus("status").notNull().default("draft"),
    filedOn: date("filed_on", { mode: "string" }),
    method: submissionMethod("method"),
    trackingNumber: text("tracking_number"),
    portalUrl: text("portal_url"),
    nextActionOn: date("next_action_on", { mode: "string" }),
    // The day the agency received the request; the statutory clock counts from the next day.
    receivedOn: date("received_on", { mode: "string" }),
    // Local time it arrived ("17:30"), where the law's after-hours rule makes it matter; optional.
    receivedTime: text("received_time"),
    // Derived by the deadline engine from the law, receivedOn and the timeline; refreshed in the same
    // transaction as every change that can move them (see app/domain/deadlines.server.ts).
    dueOn: date("due_on", { mode: "string" }),
    dueStatutory: boolean("due_statutory").notNull().default(true),
    dueBasis: text("due_basis"),
    followUpOn: date("follow_up_on", { mode: "string" }),
    longOverdueOn: date("long_overdue_on", { mode: "string" }),
    acknowledgementDueOn: date("acknowledgement_due_on", { mode: "string" }),
    appealDueOn: date("appeal_due_on", { mode: "string" }),
    deadline: jsonb("deadline").$type<Record<string, unknown>>(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    visibility: requestVisibility("visibility").notNull().default("coalition"),
    // For a public request: the day it may be published (the embargo), and the instant that is in the
    // organization's time zone, so the visibility rule compares instants. public_at is null unless public.
    embargoUntil: date("embargo_until", { mode: "string" }),
    publicAt: timestamp("public_at", { withTimezone: true, mode: "date" }),
    // The address of its public page (/r/<slug>), set the first time it is made public and kept after.
    publicSlug: text("public_slug"),
    // The organization's automatic follow-ups apply to this request unless someone turned them off for it.
    autoFollowUp: boolean("auto_follow_up").notNull().default(true),
    // Made by a joint ask: its first letter is composed from the joint ask's letter text and this request's
    // own law, contact, ask and reply address (description holds the ask in words, never a rendered letter).
    campaignLetter: boolean("campaign_letter").notNull().default(false),
    // That first letter as edited for this target alone (both set, or neither); the others are untouched.
    letterSubject: text("letter_subject"),
    letterText: text("letter_text"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    // What the requests list's search box finds in the request itself (app/domain/request-search.server.ts):
    // title and tracking number weigh most, then what is asked.
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(tracking_number, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("requests_number_unique").on(t.organizationId, t.number),
    // Keyset pages of the list: each organization's rows in the sort's order, the id breaking ties.
    index("requests_org_updated_idx").on(t.organizationId, t.updatedAt, t.id),
    index("requests_org_status_updated_idx").on(t.organizationId, t.status, t.updatedAt, t.id),
    index("requests_org_due_key_idx").on(t.organizationId, sql`coalesce(${t.dueOn}, 'infinity'::date)`, t.id),
    // Due date, latest first, no date last.
    index("requests_org_due_desc_key_idx").on(t.organizationId, sql`coalesce(${t.dueOn}, '-infinity'::date)`, t.id),
    index("requests_org_status_idx").on(t.organizationId, t.status),
    index("requests_agency_idx").on(t.agencyId),
    index("requests_assignee_idx").on(t.assigneeId),
    // My week: a user's requests by due date and by next action (the planner otherwise walks the organization's
    // whole due-date index filtering by assignee).
    index("requests_assignee_due_idx").on(t.assigneeId, t.dueOn),
    index("requests_assignee_next_action_idx").on(t.assigneeId, t.nextActionOn),
    index("requests_tags_idx").using("gin", t.tags),
    index("requests_org_due_idx").on(t.organizationId, t.dueOn),
    // Analytics' live remainder reads the requests due between the rollups' watermark and today (a day or two of
    // due dates) whatever their organization or agency: app/domain/analytics-rollups.server.ts.
    index("requests_due_idx").on(t.dueOn),
    // The navigation's "needs attention" count reads only open rows, and only these columns: an index-only scan.
    // The statuses are OPEN_STATUSES (app/domain/request-status.ts), written out so the planner can match it.
    index("requests_open_attention_idx")
      .on(t.organizationId, t.status, t.dueOn, t.nextActionOn, t.followUpOn, t.dueStatutory, t.id)
      .where(sql`${t.status} in ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')`),
    // A joint ask's "one summary follow-up per agency": each of its agencies' open requests per organization, read
    // from the index alone (on the national dataset the heap rows of ~8,000 open requests cost 175 ms).
    index("requests_open_agency_idx")
      .on(t.agencyId, t.organizationId)
      .where(sql`${t.status} in ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')`),
    index("requests_vendor_idx").on(t.vendorId),
    index("requests_campaign_idx").on(t.campaignId),
    uniqueIndex("requests_public_slug_unique").on(t.publicSlug),
    index("requests_public_idx").on(t.publicAt).where(sql`${t.visibility} = 'public'`),
    // The public index's order (newest published first, then id) over the rows it lists: a page and its capped
    // count read the index alone (app/domain/public-requests.server.ts listPublicRequests).
    index("requests_public_index_idx")
      .on(t.publicAt.desc().nullsFirst(), t.id)
      .where(sql`${t.visibility} = 'public' and ${t.publicSlug} is not null`),
    // The chase board reads each section in board order (the date that matters, then the number) from these.
    index("requests_chase_idx")
      .on(t.organizationId, sql`coalesce(${t.dueOn}, ${t.followUpOn}, ${t.nextActionOn})`, t.number)
      .where(sql`${t.status} in ${sql.raw(OPEN_STATUS_LIST_SQL)}`),
    index("requests_chase_waiting_idx")
      .on(t.organizationId, sql`coalesce(${t.dueOn}, ${t.followUpOn}, ${t.nextActionOn})`, t.number)
      .where(sql`${t.status} in ('clarification_requested', 'fee_requested')`),
    index("requests_chase_undated_idx")
      .on(t.organizationId, sql`coalesce(${t.dueOn}, ${t.followUpOn}, ${t.nextActionOn})`, t.number)
      .where(sql`${t.status} in ${sql.raw(OPEN_STATUS_LIST_SQL)} and ${t.dueOn} is null`),
    index("requests_chase_next_idx")
      .on(t.organizationId, t.nextActionOn)
      .where(sql`${t.status} in ${sql.raw(OPEN_STATUS_LIST_SQL)} and ${t.nextActionOn} is not null`),
    index("requests_chase_policy_idx")
      .on(t.organizationId, t.followUpOn)
      .where(sql`${t.status} in ${sql.raw(OPEN_STATUS_LIST_SQL)} and not ${t.dueStatutory}`),
    // Precedents: an agency's (or vendor's) latest received requests.
    index("requests_received_agency_idx").on(t.agencyId, t.updatedAt).where(sql`${t.status} in ${sql.raw(RECEIVED_STATUS_LIST_SQL)}`),
    // Every received request, latest first: precedents of a product with many agencies are read from its head.
    index("requests_received_updated_idx").on(t.updatedAt.desc().nullsFirst(), t.id).where(sql`${t.status} in ${sql.raw(RECEIVED_STATUS_LIST_SQL)}`),
    index("requests_received_vendor_idx")
      .on(t.vendorId, t.updatedAt)
      .where(sql`${t.status} in ${sql.raw(RECEIVED_STATUS_LIST_SQL)} and ${t.vendorId} is not null`),
    // The calendar feed reads acknowledgement and appeal deadlines in date order.
    index("requests_ack_due_idx").on(t.organizationId, t.acknowledgementDueOn).where(sql`${t.status} = 'submitted'`),
    index("requests_appeal_due_idx").on(t.organizationId, t.appealDueOn).where(sql`${t.appealDueOn} is not null`),
    check("requests_public_at_only_when_public", sql`(${t.visibility} = 'public') = (${t.publicAt} is not null)`),
    check("requests_letter_edit_whole", sql`(${t.letterSubject} is null) = (${t.letterText} is null)`),
    check("requests_one_target", sql`num_nonnulls(${t.agencyId}, ${t.vendorId}) = 1`),
  ],
);

/**
 * How many of an organization's requests carry each tag (and how many of those are not private, which its
 * coalition partners see), for the list's tag filter. Kept by the trigger requests_tag_uses (migration
 * 0018_tag_uses_trigger): every insert, delete, and change of a request's tags or visibility; never written by the app.
 */
export const tagUses = pgTable(
  "tag_uses",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
    uses: integer("uses").notNull().default(0),
    sharedUses: integer("shared_uses").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tag] })],
);

/**
 * The open requests of each organization counted by what decides their chase-board section (paused or not, due,
 * next action and follow-up dates, statutory or not): the navigation's "needs attention" count reads these few
 * thousand rows instead of every open request (app/domain/chase.server.ts chaseCounts). Kept by the trigger
 * requests_attention_counts (migration 0025_attention_counts_trigger); never written by the app.
 */
export const attentionCounts = pgTable(
  "attention_counts",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    paused: boolean("paused").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    nextActionOn: date("next_action_on", { mode: "string" }),
    followUpOn: date("follow_up_on", { mode: "string" }),
    dueStatutory: boolean("due_statutory").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [unique("attention_counts_key").on(t.organizationId, t.paused, t.dueOn, t.nextActionOn, t.followUpOn, t.dueStatutory).nullsNotDistinct()],
);

/**
 * A joint ask's requests counted by what its page summarizes (app/domain/campaign-targets.server.ts
 * campaignCounts): per campaign, organization and visibility (who may see them), status, assignee and, for open
 * requests only, due date (closed ones count with a null date), so "overdue" and "due this week" for any today are
 * sums over a few rows. Kept by the trigger requests_campaign_counts (migration 0045_campaign_counts_trigger) on
 * every insert, delete and change of those columns; never written by the app. No foreign key to campaigns: a
 * deleted joint ask's rows fall to zero (and go) as its requests are set free (campaign_id set null).
 */
export const campaignCounts = pgTable(
  "campaign_counts",
  {
    campaignId: uuid("campaign_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    visibility: requestVisibility("visibility").notNull(),
    status: requestStatus("status").notNull(),
    assigneeId: uuid("assignee_id"),
    dueOn: date("due_on", { mode: "string" }),
    n: integer("n").notNull().default(0),
  },
  (t) => [unique("campaign_counts_key").on(t.campaignId, t.organizationId, t.visibility, t.status, t.assigneeId, t.dueOn).nullsNotDistinct()],
);

/**
 * How many requests each organization has, by visibility: the coalition page's "shared with the coalition" and
 * "private" figures read it instead of counting the requests. Kept by the trigger requests_request_counts
 * (migration 0055_request_counts_trigger) on every insert, delete and change of organization or visibility.
 */
export const requestCounts = pgTable(
  "request_counts",
  {
    organizationId: uuid("organization_id").notNull(),
    visibility: requestVisibility("visibility").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ name: "request_counts_pkey", columns: [t.organizationId, t.visibility] })],
);

/**
 * What a request's status changes say (first response, completion, engagement, paused days before each), one row
 * per request that has any: analytics reads it instead of the timeline (app/domain/analytics.server.ts). Kept by
 * the trigger request_events_facts (migration 0025_attention_counts_trigger) on every status_changed event.
 */
export const requestStatusFacts = pgTable("request_status_facts", {
  requestId: uuid("request_id")
    .primaryKey()
    .references(() => requests.id, { onDelete: "cascade" }),
  respondedOn: date("responded_on", { mode: "string" }),
  completedOn: date("completed_on", { mode: "string" }),
  engaged: boolean("engaged").notNull(),
  pausedBeforeResponse: integer("paused_before_response").notNull(),
  pausedBeforeCompletion: integer("paused_before_completion").notNull(),
});

/**
 * The measures both rollup levels keep (analytics_rollups and analytics_group_rollups): counts, outcome counts and
 * day histograms (days[i] seen n[i] times), so medians and quartiles are exact at either level. A function: each
 * table needs its own column builders.
 */
const rollupMeasures = () => ({
  requests: integer("requests").notNull().default(0),
  received: integer("received").notNull().default(0),
  responseDays: integer("response_days").array().notNull().default(sql`'{}'::int[]`),
  responseN: integer("response_n").array().notNull().default(sql`'{}'::int[]`),
  completionDays: integer("completion_days").array().notNull().default(sql`'{}'::int[]`),
  completionN: integer("completion_n").array().notNull().default(sql`'{}'::int[]`),
  fulfilled: integer("fulfilled").notNull().default(0),
  partiallyFulfilled: integer("partially_fulfilled").notNull().default(0),
  noResponsiveRecords: integer("no_responsive_records").notNull().default(0),
  denied: integer("denied").notNull().default(0),
  appealed: integer("appealed").notNull().default(0),
  onTime: integer("on_time").notNull().default(0),
  late: integer("late").notNull().default(0),
  overdue: integer("overdue").notNull().default(0),
  // The same three for the requests due ON the watermark day (d0) and the day after (d1): read for a today on
  // or after those days, so a reader's live part is empty on the watermark day and the next.
  d0OnTime: integer("d0_on_time").notNull().default(0),
  d0Late: integer("d0_late").notNull().default(0),
  d0Open: integer("d0_open").notNull().default(0),
  d1OnTime: integer("d1_on_time").notNull().default(0),
  d1Late: integer("d1_late").notNull().default(0),
  d1Open: integer("d1_open").notNull().default(0),
});

/**
 * Analytics rollups (app/domain/analytics-rollups.server.ts, migration analytics_rollups): what every request
 * contributes to the analytics figures, summed per organization, sharing class (the request's visibility) and
 * target (agency, or vendor asked directly). Written only by analytics_fold() from analytics_deltas; never by the
 * app. Day histograms are pairs of arrays (days, how many). on_time / late / overdue count only requests due
 * before analytics_watermark.day (the rest is read live, see the module).
 */
export const analyticsRollups = pgTable(
  "analytics_rollups",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    visibility: requestVisibility("visibility").notNull(),
    agencyId: uuid("agency_id"),
    vendorId: uuid("vendor_id"),
    ...rollupMeasures(),
  },
  (t) => [
    unique("analytics_rollups_key").on(t.organizationId, t.visibility, t.agencyId, t.vendorId).nullsNotDistinct(),
    index("analytics_rollups_agency_idx").on(t.agencyId),
    index("analytics_rollups_vendor_idx").on(t.vendorId),
  ],
);

/**
 * The coarser level of the rollups (app/domain/analytics-rollups.server.ts): analytics_rollups summed per
 * organization, sharing class and group, where kind is 't' (the total; key ''), 's' (a state: the agency's law
 * code), 'p' (a product an agency runs: key the product id, owner the agency_products row's organization, whose
 * sharing decides who sees it) or 'v' (a vendor asked directly: key the vendor id). owner is the row's own
 * organization for kinds other than 'p'. Same measures as analytics_rollups. analytics_fold() adds the deltas to
 * it too, and rewrites it from analytics_rollups (analytics_groups_refresh) when the watermark moves or marks
 * wait (migrations analytics_group_rollups_fold, analytics_group_rollups_incremental); what can make it disagree with the
 * current agencies, places and products (an agency moved, a place recoded, products changed) leaves a row in
 * analytics_group_marks (triggers, append-only), and readers use the per-agency rows until the next fold.
 */
export const analyticsGroupRollups = pgTable(
  "analytics_group_rollups",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    visibility: requestVisibility("visibility").notNull(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    owner: uuid("owner").notNull(),
    ...rollupMeasures(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.visibility, t.kind, t.key, t.owner] })],
);

/** Append-only: a change since the last full refresh that analytics_group_rollups doesn't reflect (see there). */
export const analyticsGroupMarks = pgTable("analytics_group_marks", {
  id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
  reason: text("reason").notNull(),
});

/** Per organization, sharing class and due date: requests that would be on time / late once due, and open ones
 * (the totals' on-time, overdue-now and by-month figures for any today). Written only by analytics_fold(). */
export const analyticsDueDays = pgTable(
  "analytics_due_days",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    visibility: requestVisibility("visibility").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    onTime: integer("on_time").notNull().default(0),
    late: integer("late").notNull().default(0),
    open: integer("open").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.visibility, t.dueOn] })],
);

/**
 * Append-only: one row per request a change touched, its contribution with sign -1 (before) or +1 (after),
 * written by the triggers on requests and request_status_facts; folded into the rollups by analytics_fold().
 * Writers only insert here, so concurrent transactions never wait on (or deadlock over) shared rollup rows.
 */
export const analyticsDeltas = pgTable(
  "analytics_deltas",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity().primaryKey(),
    organizationId: uuid("organization_id").notNull(),
    visibility: requestVisibility("visibility").notNull(),
    agencyId: uuid("agency_id"),
    vendorId: uuid("vendor_id"),
    sign: integer("sign").notNull(),
    received: boolean("received").notNull(),
    responseDays: integer("response_days"),
    completionDays: integer("completion_days"),
    status: text("status").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    onTimeIfDue: boolean("on_time_if_due"),
  },
  (t) => [index("analytics_deltas_agency_idx").on(t.agencyId), index("analytics_deltas_vendor_idx").on(t.vendorId)],
);

/** One row: requests due before `day` are counted in analytics_rollups' on_time / late / overdue. */
export const analyticsWatermark = pgTable("analytics_watermark", {
  id: boolean("id").primaryKey().default(true),
  day: date("day", { mode: "string" }).notNull(),
});

/** Append-only: rows are inserted in the same transaction as the change they record, never updated. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: id(),
    // Orders events written in one transaction, where occurred_at is the same instant.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: requestEventKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    data: jsonb("data").notNull().$type<Record<string, unknown>>(),
    // Seen only by the request's organization, even when the request is shared or public. The one column
    // of this table that changes (append-only otherwise); each change is itself an event.
    internal: boolean("internal").notNull().default(false),
  },
  (t) => [
    index("request_events_request_idx").on(t.requestId, t.seq),
    // Analytics reads every status change of the requests in scope (first response, pauses, completion):
    // a partial index keeps that a small index scan however long the timelines are.
    index("request_events_status_changes_idx")
      .on(t.requestId, t.seq)
      .where(sql`${t.kind} = 'status_changed'`),
  ],
);

export const communications = pgTable(
  "communications",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    direction: communicationDirection("direction").notNull(),
    channel: communicationChannel("channel").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    summary: text("summary").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', coalesce(summary, ''))`),
    ...timestamps,
  },
  (t) => [index("communications_request_idx").on(t.requestId)],
);

/**
 * One row per request: what the requests list's search box reads (app/domain/request-search.server.ts), so a
 * search is one probe of one narrow table instead of the request plus its notes, communications and mail.
 * - request_vector: the request's own text (requests.search_vector): what a coalition partner may search;
 * - document: request_vector and, weighted lowest (D), its notes, logged communications and filed replies: what
 *   the request's own organization searches;
 * - title and tracking_number for trigram matching (parts of words, reference numbers);
 * - organization_id, shared (not private) and updated_at, copied from the request, so the most recently updated
 *   matches of a very common word are read in index order and the search stops after enough of them.
 * Kept by the triggers of migration 0034_request_search_triggers on requests, request_events (notes),
 * communications and inbound_messages; never written by the app. request_search_rebuild() fills it anew.
 */
export const requestSearch = pgTable(
  "request_search",
  {
    requestId: uuid("request_id")
      .primaryKey()
      .references(() => requests.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull(),
    shared: boolean("shared").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    title: text("title").notNull(),
    trackingNumber: text("tracking_number"),
    requestVector: tsvector("request_vector").notNull(),
    document: tsvector("document").notNull(),
  },
  (t) => [
    // Each organization's rows latest first: a common word's matches are read in this order, a few thousand at most.
    index("request_search_org_updated_idx").on(t.organizationId, t.updatedAt, t.requestId),
    // A rare word's matches: one GIN probe. A partner's search probes it too (document holds request_vector).
    // Keyed by organization too (btree_gin): a search reads one organization's part, so a word common in the
    // whole database but not in that organization costs what its matches there cost, not a bitmap of every row.
    index("request_search_org_document_idx").using("gin", t.organizationId, t.document),
    index("request_search_trgm_idx").using("gin", t.title.op("gin_trgm_ops"), t.trackingNumber.op("gin_trgm_ops")),
  ],
);
