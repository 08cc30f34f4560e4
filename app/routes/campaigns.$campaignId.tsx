import { Card } from "~/components/ui/card";
import { SearchForm } from "~/components/ui/search-form";
import { Badge } from "~/components/ui/badge";
import { requestReference } from "~/domain/request-reference";
import { useOwnRequestReference } from "~/utils/use-root";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { PageHeader } from "~/components/ui/page-header";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { COMMUNICATION_CHANNELS, REQUEST_STATUSES } from "../../db/schema/values";
import { AskSummary } from "~/components/ask-fields";
import { TargetChoices } from "~/components/campaign-form";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/fields";
import { CoverageMatrixTable } from "~/components/coverage-matrix";
import { DataReceivedTable } from "~/components/data-received";
import { dataReceivedByRequest } from "~/domain/profiles/campaign-data.server";
import { coverageMatrix } from "~/domain/fields.server";
import { StatusBadge } from "~/components/status-badge";
import { Precedents } from "~/components/vendor-ui";
import { UsMap } from "~/components/us-map";
import { requestsMap } from "~/domain/maps.server";
import { STATUS_MAP_CATEGORIES } from "~/domain/us-map";
import {
  addCampaignTargets,
  addRequestToCampaign,
  bulkAssign,
  bulkFollowUp,
  bulkRemove,
  bulkTag,
  getCampaignPage,
  lawOf,
} from "~/domain/campaigns.server";
import { chosenAssignee } from "~/domain/members.server";
import { AssigneeField } from "~/components/member-search-box";
import { agenciesWithSeveralOpen, followUpAllOverdue, repliesReceived, sendAgencySummary } from "~/domain/campaign-mail.server";
import { campaignMapCells, campaignTargetPage, letterCounts } from "~/domain/campaign-targets.server";
import { campaignTargetQuery, LETTER_FILTER_LABELS, LETTER_FILTERS, queryValues } from "~/domain/target-list-input";
import { CursorPagination } from "~/components/cursor-pagination";
import { STATUS_LABELS, STATUS_TONES } from "~/domain/request-status";
import { isOpenStatus } from "~/domain/request-status";
import { CHANNEL_LABELS } from "~/domain/timeline";
import { addTargetsSchema, bulkAssignSchema, bulkFollowUpSchema, bulkRemoveSchema, bulkTagSchema, joinRequestSchema } from "~/domain/vendor-input";
import { ASSIGN_REFUSED, can, mayAssign, requirePermission, type Permission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { badQuery, fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.campaign.title} · Joint ask · JointAsk` : "Not found · JointAsk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const today = todayIn(viewer.timeZone);
  const url = new URL(request.url);
  const addQuery = (url.searchParams.get("addq") ?? "").trim().slice(0, 200);
  const campaignId = params.campaignId ?? "";
  // The targets: one keyset page (JOINT_ASK_PAGE_SIZE) with the filters; a bad filter or cursor is a 400 naming it.
  const query = campaignTargetQuery.safeParse(queryValues(url.searchParams, TARGET_QUERY_KEYS));
  if (!query.success) throw badQuery(query.error.issues);
  // Unfiltered, the list's total is the summary's (the kept counts, same visibility): no count of its own.
  const filtered = Boolean(query.data.q || query.data.status || query.data.letter || query.data.state);
  // The city-by-field grid and the data received follow the page of targets (the CSV has every city): read as
  // soon as that page is known, alongside the rest.
  const targetsAndGrid = campaignTargetPage(viewer, campaignId, query.data, undefined, JOINT_ASK_PAGE_SIZE, filtered ? undefined : 0).then(async (targetPage) => {
    const pageIds = targetPage.rows.map((r) => r.id);
    const [coverage, dataReceived] = await Promise.all([coverageMatrix(viewer, pageIds), dataReceivedByRequest(viewer, campaignId, undefined, pageIds)]);
    return { targetPage, coverage, dataReceived };
  });
  const [page, { targetPage, coverage, dataReceived }, letterTotals, severalOpen, replies, mapCells] = await Promise.all([
    getCampaignPage(viewer, campaignId, today, { addQuery: addQuery || undefined, showCandidates: url.searchParams.get("add") === "group" }),
    targetsAndGrid,
    letterCounts(viewer, campaignId, undefined, today),
    agenciesWithSeveralOpen(viewer, campaignId),
    repliesReceived(viewer, campaignId),
    campaignMapCells(viewer, campaignId),
  ]);
  if (!page) throw notFound("joint ask");
  const targets = filtered ? targetPage : { ...targetPage, total: page.summary.total };
  const { overdue: overdueTotal, overdueWithoutContact, ...letterRest } = letterTotals;
  // The agencies for a summary follow-up: the first SUMMARY_LIST_LIMIT unless the whole list is asked for.
  const allSummaries = url.searchParams.get("summaries") === "all";
  const letters = {
    ...letterRest,
    overdue: { total: overdueTotal, withoutContact: overdueWithoutContact },
    severalOpen: allSummaries ? severalOpen : severalOpen.slice(0, SUMMARY_LIST_LIMIT),
    severalOpenTotal: severalOpen.length,
    replies,
  };
  const map = requestsMap(mapCells);
  const stateCode = query.data.state ?? null;
  // Each row with the law as the table shows it: its name and time limit (not its citation).
  const rows = targets.rows.map((r) => {
    const law = r.agencyId ? lawOf(r.stateCode) : null;
    return {
      ...r,
      overdue: Boolean(r.dueOn && r.dueOn < today && isOpenStatus(r.status)),
      open: isOpenStatus(r.status),
      law: law ? { name: law.name, days: law.days } : null,
    };
  });
  // Who the bulk "Assign" offers: a search box of the members for those who may assign anyone, else the viewer.
  const assignable = can(viewer, "request.assign") ? null : [{ id: viewer.id, name: viewer.name }];
  // With no field asked the grid says so in one line: its rows would go to the browser unseen.
  const grid = coverage.fields.length ? coverage : { ...coverage, rows: [] };
  return json({ ...page, coverage: grid, rows, targets: { total: targets.total, nextCursor: targets.nextCursor, prevCursor: targets.prevCursor, filtered }, filters: { q: query.data.q ?? "", status: query.data.status ?? "", letter: query.data.letter ?? "" }, map, stateCode, members: assignable, addQuery, organizationId: viewer.organizationId, organizationName: viewer.organizationName, dataReceived, letters });
}

const TARGET_QUERY_KEYS = ["q", "status", "letter", "state", "cursor"] as const;

/**
 * Targets a page of the joint ask's list shows (the requests list's page size): each row carries its letter,
 * law, due date and a checkbox, and the grid and "data received" below follow the same rows.
 */
const JOINT_ASK_PAGE_SIZE = 25;

/** How many agencies the "one summary follow-up per agency" list shows before "Show all". */
const SUMMARY_LIST_LIMIT = 20;

const LETTER_STATE_LABELS = { queued: "Queued", sending: "Sending", sent: "Sent", failed: "Failed" } as const;

const intentSchema = z.object({
  intent: z.enum(["bulk-assign", "bulk-follow-up", "bulk-tag", "bulk-remove", "add-targets", "add-request", "follow-up-overdue", "agency-summary"], {
    error: "Unknown action",
  }),
});
type Intent = z.infer<typeof intentSchema>["intent"];

/** What each action on the page needs; assigning to someone else also needs request.assign (checked below). */
const INTENT_PERMISSIONS: Record<Intent, Permission> = {
  "bulk-assign": "request.edit",
  "bulk-follow-up": "request.note",
  "bulk-tag": "request.edit",
  "bulk-remove": "request.edit",
  "add-targets": "request.create",
  "add-request": "request.edit",
  "follow-up-overdue": "request.note",
  "agency-summary": "request.note",
};

const agencySummarySchema = z.object({ agencyId: z.string({ error: "Choose an agency" }).uuid("Choose an agency from the list") });

/** Field errors of one form on the page, keyed by its intent. */
function invalid(intent: Intent, errors: Record<string, string[]>) {
  return json({ intent, errors }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.campaignId ?? "";
  const today = todayIn(viewer.timeZone);
  const formData = await readFormData(request);
  const values = { ...Object.fromEntries(formData), requestIds: formData.getAll("requestIds"), targets: formData.getAll("targets") };
  const intent = intentSchema.safeParse(values);
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  requirePermission(viewer, INTENT_PERMISSIONS[intent.data.intent]);
  // Back to the list as it was (its filters and page): the form posts to the page's own address.
  const search = new URL(request.url).search;
  const back = (message: string) => redirectWithFlash(`/campaigns/${id}${search.length <= 2000 ? search : ""}`, { kind: "success", message });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  switch (intent.data.intent) {
    case "bulk-assign": {
      const parsed = bulkAssignSchema.safeParse(values);
      if (!parsed.success) return invalid("bulk-assign", fieldErrorsOf(parsed.error.issues));
      const chosen = await chosenAssignee(viewer, parsed.data);
      if (!chosen.ok) return invalid("bulk-assign", { [chosen.field]: [chosen.message] });
      const assigneeId = chosen.member?.id ?? null;
      // Handing requests to someone else needs request.assign; taking or releasing one's own is checked per request.
      if (!mayAssign(viewer, null, assigneeId)) return json({ intent: "bulk-assign" as const, errors: { assigneeId: [ASSIGN_REFUSED] } }, { status: 403 });
      const result = await bulkAssign(viewer, id, parsed.data.requestIds, assigneeId);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("bulk-assign", result.fieldErrors);
      return back(`Assignee saved on ${plural(result.value.changed, "request")}.`);
    }
    case "bulk-follow-up": {
      const parsed = bulkFollowUpSchema(today).safeParse(values);
      if (!parsed.success) return invalid("bulk-follow-up", fieldErrorsOf(parsed.error.issues));
      const result = await bulkFollowUp(viewer, id, parsed.data.requestIds, parsed.data);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("bulk-follow-up", result.fieldErrors);
      return back(`Follow-up logged on ${plural(result.value.changed, "request")}.`);
    }
    case "bulk-tag": {
      const parsed = bulkTagSchema.safeParse(values);
      if (!parsed.success) return invalid("bulk-tag", fieldErrorsOf(parsed.error.issues));
      const result = await bulkTag(viewer, id, parsed.data.requestIds, parsed.data.tags);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("bulk-tag", result.fieldErrors);
      return back(`Tagged ${plural(result.value.changed, "request")}.`);
    }
    case "bulk-remove": {
      const parsed = bulkRemoveSchema.safeParse(values);
      if (!parsed.success) return invalid("bulk-remove", fieldErrorsOf(parsed.error.issues));
      const result = await bulkRemove(viewer, id, parsed.data.requestIds);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("bulk-remove", result.fieldErrors);
      return back(`${plural(result.value.changed, "request")} taken out of this joint ask.`);
    }
    case "add-targets": {
      const parsed = addTargetsSchema.safeParse(values);
      if (!parsed.success) return invalid("add-targets", fieldErrorsOf(parsed.error.issues));
      if (!mayAssign(viewer, null, parsed.data.assigneeId ?? null)) return json({ intent: "add-targets" as const, errors: { assigneeId: [ASSIGN_REFUSED] } }, { status: 403 });
      const result = await addCampaignTargets(viewer, id, parsed.data, today);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("add-targets", result.fieldErrors);
      const skipped = result.value.skipped ? ` (${plural(result.value.skipped, "agency")} already asked)` : "";
      return back(`Added ${plural(result.value.created, "request")}${skipped}.`);
    }
    case "follow-up-overdue": {
      const result = await followUpAllOverdue(viewer, id, today);
      if (!result) throw notFound("joint ask");
      const parts = [`Follow-up ${result.queued === 1 ? "letter" : "letters"} queued for ${plural(result.queued, "overdue request")}`];
      if (result.already) parts.push(`${result.already} already followed up for this due date, not sent again`);
      if (result.withoutContact) parts.push(`${result.withoutContact} without a records email`);
      if (result.failed.length) parts.push(`refused: ${result.failed.map((f) => `${requestReference({ organizationCode: viewer.organizationCode, number: f.number })} ${f.message}`).join("; ")}`);
      return back(`${parts.join("; ")}.`);
    }
    case "agency-summary": {
      const parsed = agencySummarySchema.safeParse(values);
      if (!parsed.success) return invalid("agency-summary", fieldErrorsOf(parsed.error.issues));
      const result = await sendAgencySummary(viewer, parsed.data.agencyId, today);
      if (!result) throw notFound("agency");
      if (!result.ok) return invalid("agency-summary", result.fieldErrors);
      return back(
        result.value.created
          ? `Summary follow-up queued for ${result.value.to}, listing ${plural(result.value.requests, "open request")}.`
          : "That summary follow-up was already sent today; it was not sent again.",
      );
    }
    case "add-request": {
      const parsed = joinRequestSchema(viewer.organizationCode).safeParse(values);
      if (!parsed.success) return invalid("add-request", fieldErrorsOf(parsed.error.issues));
      const result = await addRequestToCampaign(viewer, id, parsed.data.number);
      if (!result) throw notFound("joint ask");
      if (!result.ok) return invalid("add-request", result.fieldErrors);
      return back(`Request #${parsed.data.number} added to this joint ask.`);
    }
  }
}

function useErrors(intent: Intent): Record<string, string[]> | undefined {
  const data = useActionData<typeof action>();
  return data && "intent" in data && data.intent === intent ? data.errors : undefined;
}

function BulkActions({ members, today }: { members: Array<{ id: string; name: string }> | null; today: string }) {
  const canEdit = useCan("request.edit");
  const canNote = useCan("request.note");
  const assign = useErrors("bulk-assign");
  const followUp = useErrors("bulk-follow-up");
  const tag = useErrors("bulk-tag");
  const remove = useErrors("bulk-remove");
  const selection = assign?.requestIds ?? followUp?.requestIds ?? tag?.requestIds ?? remove?.requestIds;
  return (
    <Card aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">Act on the selected requests</h2>
      <p className="muted small">Open requests on this page of the list are selected to start with; change the ticks in the table above.</p>
      <Form method="post" id="bulk" className="form">
        <FormErrors errors={selection} />
        {canEdit ? (
          <details className="panel" open={Boolean(assign)}>
            <summary>Assign</summary>
            <div className="form-row">
              <AssigneeField
                offered={members}
                hint="Part of the person's name; leave it empty to unassign"
                idName="assigneeId"
                nameName="assigneeName"
                selectId="bulk-assignee"
                initialId={null}
                initialName=""
                errors={assign?.assigneeName ?? assign?.assigneeId}
              />
            </div>
            <button type="submit" name="intent" value="bulk-assign" className="button button--secondary">
              Assign selected
            </button>
          </details>
        ) : null}
        {canNote ? (
          <details className="panel" open={Boolean(followUp)}>
            <summary>Log a follow-up</summary>
            <div className="form-row">
              <SelectField id="bulk-channel" name="channel" label="Channel" defaultValue="email" errors={followUp?.channel}>
                {COMMUNICATION_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </SelectField>
              <TextField id="bulk-date" name="occurredOn" type="date" label="Date" defaultValue={today} errors={followUp?.occurredOn} />
            </div>
            <TextAreaField id="bulk-summary" name="summary" label="Follow-up sent" rows={3} errors={followUp?.summary} />
            <button type="submit" name="intent" value="bulk-follow-up" className="button button--secondary">
              Log follow-up on selected
            </button>
          </details>
        ) : null}
        {canEdit ? (
          <>
            <details className="panel" open={Boolean(tag)}>
              <summary>Tag</summary>
              <TextField id="bulk-tags" name="tags" label="Tags to add" hint="Separate with commas" errors={tag?.tags} />
              <button type="submit" name="intent" value="bulk-tag" className="button button--secondary">
                Tag selected
              </button>
            </details>
            <details className="panel" open={Boolean(remove)}>
              <summary>Take out of this joint ask</summary>
              <p className="muted small">The requests stay; they just stop being tracked here.</p>
              <button type="submit" name="intent" value="bulk-remove" className="button button--secondary">
                Take selected out
              </button>
            </details>
          </>
        ) : null}
      </Form>
    </Card>
  );
}

/** The requests by status as one bar (SVG: no inline styles), with the same numbers as text beside it. */
function StatusBar({ counts, total }: { counts: Array<{ status: keyof typeof STATUS_LABELS; count: number }>; total: number }) {
  if (total === 0) return null;
  let x = 0;
  const label = counts.map((c) => `${STATUS_LABELS[c.status]}: ${c.count}`).join(", ");
  return (
    <svg className="status-bar" viewBox="0 0 100 4" preserveAspectRatio="none" role="img" aria-label={`Requests by status: ${label}`}>
      {counts.map((c) => {
        const width = (100 * c.count) / total;
        const rect = <rect key={c.status} className={`status-bar__${STATUS_TONES[c.status]}`} x={x} y={0} width={width} height={4} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}

/** The page's query with the whole summary follow-up list asked for (the other filters kept). */
function summariesQuery(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.set("summaries", "all");
  return next.toString();
}

export default function CampaignPage() {
  const reference = useOwnRequestReference();
  const { campaign, fieldsAsk, coverage, rows, targets, filters, map, stateCode, summary, precedents, candidates, candidateTotal, searchResults, members, addQuery, organizationId, dataReceived, letters, organizationName } =
    useLoaderData<typeof loader>();
  const agencySummary = useErrors("agency-summary");
  const today = useToday();
  const navigation = useNavigation();
  const location = useLocation();
  const [params] = useSearchParams();
  const addTargets = useErrors("add-targets");
  const addRequest = useErrors("add-request");
  // Adding agencies creates requests; adding one by number edits it (the same roles today).
  const canCreate = useCan("request.create");
  const canEdit = useCan("request.edit");
  const canNote = useCan("request.note");
  const canBulk = canEdit || canNote;
  const canExport = useCan("export");
  const choices = [...candidates, ...searchResults.filter((s) => !candidates.some((c) => c.id === s.id))];
  const counts = REQUEST_STATUSES.filter((s) => summary.statusCounts[s] > 0);
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/campaigns">Joint asks</Link> /
          </>
        }
        title={campaign.title}
        meta={
          <>
            Joint ask
            {campaign.productId ? (
              <>
                {" "}
                on <Link to={`/products/${campaign.productId}`}>{campaign.productName}</Link>
              </>
            ) : null}
            {campaign.vendorId ? (
              <>
                {" "}
                by <Link to={`/vendors/${campaign.vendorId}`}>{campaign.vendorName}</Link>
              </>
            ) : null}
            {" · "}started <DateText date={campaign.createdAt.slice(0, 10)} today={today} />
            {campaign.createdByName ? ` by ${campaign.createdByName}` : ""}
            {campaign.clonedFromId ? (
              <>
                {" · "}copied from <Link to={`/campaigns/${campaign.clonedFromId}`}>{campaign.clonedFromTitle}</Link>
              </>
            ) : null}
          </>
        }
        actions={
          <ButtonGroup>
            {canExport ? (
              <a href={`/campaigns/${campaign.id}/export`} className="button button--secondary" download>
                Export CSV
              </a>
            ) : null}
            {canCreate ? (
              <Link to={`/campaigns/new?clone=${campaign.id}`} className="button button--secondary">
                Copy for new agencies
              </Link>
            ) : null}
          </ButtonGroup>
        }
      >
        {campaign.organizationId !== organizationId ? (
          <p className="notice" role="note">
            {campaign.organizationName} runs this joint ask and shares it with your coalition. Add your own requests to it below; each
            organization changes only its own.
          </p>
        ) : null}
      </PageHeader>

      <Card aria-labelledby="progress-heading">
        <h2 id="progress-heading">At a glance</h2>
        <StatusBar counts={counts.map((s) => ({ status: s, count: summary.statusCounts[s] }))} total={summary.total} />
        <p aria-label="Requests by status">
          {counts.map((s) => (
            <span key={s} className="status-count">
              <StatusBadge status={s} /> {summary.statusCounts[s]}
            </span>
          ))}
        </p>
        <dl className="stats">
          <div>
            <dt>Requests</dt>
            <dd>{summary.total}</dd>
          </div>
          <div>
            <dt>Open</dt>
            <dd>{summary.open}</dd>
          </div>
          <div>
            <dt>Overdue</dt>
            <dd className={summary.overdue ? "overdue" : undefined}>{summary.overdue}</dd>
          </div>
          <div>
            <dt>Letters sent</dt>
            <dd>{letters.sent + letters.queued}</dd>
          </div>
          <div>
            <dt>Letters not sent</dt>
            <dd>{letters.unsent}</dd>
          </div>
          <div>
            <dt>Replies received</dt>
            <dd>
              {letters.replies.messages}
              {letters.replies.messages ? <span className="small muted"> from {letters.replies.requests}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Records received</dt>
            <dd>{summary.received}</dd>
          </div>
        </dl>
        <p className="small">
          <strong>Assignees:</strong>{" "}
          {summary.assignees.map((a, i) => (
            <span key={a.id ?? "none"}>
              {i > 0 ? " · " : ""}
              {a.name} ({a.open} open of {a.total})
            </span>
          ))}
        </p>
      </Card>

      <Card aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters</h2>
        <dl className="stats">
          <div>
            <dt>Sent</dt>
            <dd>{letters.sent}</dd>
          </div>
          <div>
            <dt>Queued</dt>
            <dd>{letters.queued}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd>{letters.failed}</dd>
          </div>
          <div>
            <dt>Not sent yet</dt>
            <dd>{letters.unsent}</dd>
          </div>
        </dl>
        {letters.unsentWithoutContact ? (
          <p className="small">
            {letters.unsentWithoutContact} of the letters not sent yet {letters.unsentWithoutContact === 1 ? "has" : "have"} no records email to go to.
          </p>
        ) : null}
        <div className="actions">
          {canNote && letters.total > 0 ? (
            <Link to={`/campaigns/${campaign.id}/send`} className="button">
              {letters.unsent ? `Send the letters (${letters.unsent} not sent)` : "Sending progress"}
            </Link>
          ) : null}
          {canNote && letters.overdue.total > 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="follow-up-overdue" className="button button--secondary" disabled={navigation.state !== "idle"}>
                Follow up all {letters.overdue.total} overdue
              </button>
            </Form>
          ) : null}
        </div>
        <p className="muted small">
          {letters.overdue.total
            ? `${letters.overdue.total} overdue: one follow-up letter each, through the outbox, once per due date${letters.overdue.withoutContact ? ` (${letters.overdue.withoutContact} without a records email are skipped)` : ""}.`
            : "No request of yours in this joint ask is overdue."}
        </p>
        {canNote && letters.severalOpen.length ? (
          <details className="panel" open={Boolean(agencySummary) || params.get("summaries") === "all"}>
            <summary>One summary follow-up per agency ({letters.severalOpenTotal})</summary>
            <p className="muted small">These agencies have several open requests of yours (from this joint ask or others): one letter lists them all.</p>
            <FormErrors errors={agencySummary ? Object.values(agencySummary).flat() : undefined} />
            <ul className="plain-list">
              {letters.severalOpen.map((a) => (
                <li key={a.agencyId}>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="agencyId" value={a.agencyId} />
                    {a.name}: {a.open} open {a.contactEmail ? "" : <span className="muted small">(no records email)</span>}{" "}
                    <button type="submit" name="intent" value="agency-summary" className="button button--secondary" disabled={!a.contactEmail || navigation.state !== "idle"}>
                      Send one summary follow-up to {a.name}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            {letters.severalOpen.length < letters.severalOpenTotal ? (
              <p>
                <Link to={`?${summariesQuery(params)}#letters-heading`} preventScrollReset>
                  Show all {letters.severalOpenTotal} agencies
                </Link>
              </p>
            ) : null}
          </details>
        ) : null}
      </Card>

      <Card aria-labelledby="requests-heading">
        <h2 id="requests-heading">Requests, by state and place</h2>
        {map.states.some((s) => s.total > 0) || map.dots.length ? (
          <UsMap
            id="requests-map-table"
            map={map}
            categories={STATUS_MAP_CATEGORIES}
            noun={["request", "requests"]}
            colouredBy="status"
            stateHref={(code) => `?state=${code}#requests-heading`}
            clearHref="?"
            currentState={stateCode}
          />
        ) : null}
        <Form method="get" className="filters" role="search" aria-label="Find targets" preventScrollReset>
          <TextField id="targets-q" name="q" type="search" label="City, county or agency" defaultValue={filters.q} />
          <SelectField id="targets-status" name="status" label="Request status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <SelectField id="targets-letter" name="letter" label="Letter" defaultValue={filters.letter}>
            <option value="">Any letter</option>
            {LETTER_FILTERS.map((l) => (
              <option key={l} value={l}>
                {LETTER_FILTER_LABELS[l]}
              </option>
            ))}
          </SelectField>
          {stateCode ? <input type="hidden" name="state" value={stateCode} /> : null}
          <div className="actions">
            <button type="submit" className="button button--secondary">
              Find
            </button>
            {targets.filtered ? (
              <Link to="?#requests-heading" className="button button--quiet" preventScrollReset>
                Clear
              </Link>
            ) : null}
          </div>
        </Form>
        {stateCode ? (
          <p className="notice" role="status">
            Showing the requests in {map.states.find((s) => s.code === stateCode)?.name ?? stateCode}.{" "}
            <Link to="?" preventScrollReset>
              Show every state
            </Link>
          </p>
        ) : null}
        <CursorPagination total={targets.total} totalExact nextCursor={targets.nextCursor} prevCursor={targets.prevCursor} noun={targets.filtered ? "matching request" : "request"} />
        {rows.length ? (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">Requests of this joint ask</caption>
              <thead>
                <tr>
                  {canBulk ? (
                    <th scope="col">
                      <span className="visually-hidden">Select</span>
                    </th>
                  ) : null}
                  <th scope="col">Target</th>
                  <th scope="col">Place</th>
                  <th scope="col">Status</th>
                  <th scope="col">Letter</th>
                  <th scope="col">Law</th>
                  <th scope="col">Due</th>
                  <th scope="col">Tracking no.</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={r.overdue ? "row--overdue" : undefined}>
                    {canBulk ? (
                      <td>
                        {/* Each member of a shared joint ask changes only its own requests. */}
                        {r.organizationId === organizationId ? (
                          <input
                            type="checkbox"
                            form="bulk"
                            name="requestIds"
                            value={r.id}
                            defaultChecked={r.open}
                            aria-label={`Select #${r.number} to ${r.agencyName ?? r.vendorName}`}
                          />
                        ) : null}
                      </td>
                    ) : null}
                    <td>
                      <Link to={`/requests/${r.id}`} className="row-title">
                        {r.agencyName ?? r.vendorName}
                      </Link>
                      <div className="muted small">
                        {reference(r.number)}
                        {r.vendorId ? " · vendor" : ""}
                        {r.organizationId !== organizationId ? ` · ${r.organizationName}` : ""}
                        {r.organizationId === organizationId ? (
                          <>
                            {" · "}
                            <Link to={`/campaigns/${campaign.id}/letters/${r.id}`}>
                              Letter<span className="visually-hidden"> to {r.agencyName ?? r.vendorName}</span>
                            </Link>
                          </>
                        ) : null}
                      </div>
                    </td>
                    <td data-label="Place">
                      {r.jurisdictionName ?? <span className="muted">—</span>}
                      {r.stateCode && r.stateCode !== r.jurisdictionName ? `, ${r.stateCode}` : ""}
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Letter">
                      {r.organizationId !== organizationId ? (
                        <span className="muted">—</span>
                      ) : (
                        <>
                          {r.letter ? LETTER_STATE_LABELS[r.letter] : r.status === "draft" ? "Not sent yet" : <span className="muted">—</span>}
                          {r.bouncing ? (
                            <>
                              {" "}
                              <Badge tone="danger">Bouncing</Badge>
                            </>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td data-label="Law">
                      {r.law ? (
                        <>
                          {r.law.name}
                          <div className="muted small">{r.law.days}</div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td data-label="Due">
                      {r.dueOn ? (
                        <span className={r.overdue ? "overdue" : undefined}>{r.open ? <DateText date={r.dueOn} today={today} as="due" /> : <DateText date={r.dueOn} today={today} />}</span>
                      ) : (
                        <span className="muted">{r.filedOn ? "—" : "Not filed"}</span>
                      )}
                    </td>
                    <td data-label="Tracking no.">{r.trackingNumber ?? <span className="muted">—</span>}</td>
                    <td data-label="Assignee">{r.assigneeName ?? <span className="muted">Unassigned</span>}</td>
                    <td data-label="Updated"><DateText date={r.updatedAt.slice(0, 10)} today={today} as="when" /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{targets.filtered ? "No request of this joint ask matches these filters." : "No requests in this joint ask any more."}</p>
        )}
        {rows.length && (targets.nextCursor || targets.prevCursor) ? (
          <CursorPagination label="Pages (end of the list)" total={targets.total} totalExact nextCursor={targets.nextCursor} prevCursor={targets.prevCursor} noun={targets.filtered ? "matching request" : "request"} />
        ) : null}
      </Card>

      <Card aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Fields received, city by field</h2>
        <p className="muted small">The cities on this page of the list above; the CSV has every city.</p>
        <CoverageMatrixTable
          matrix={coverage}
          periods={Object.fromEntries(dataReceived.map((d) => [d.requestId, d.periodCovered]))}
          ownOrganizationName={organizationName}
          csvHref={canExport ? `/campaigns/${campaign.id}/grid.csv` : undefined}
        />
      </Card>

      <Card aria-labelledby="data-received-heading">
        <h2 id="data-received-heading">Data received, city by city</h2>
        <p className="muted small">The cities on this page of the list above.</p>
        <DataReceivedTable rows={dataReceived} />
      </Card>

      <div className="grid-2">
        <div>
          {canBulk ? <BulkActions members={members} today={today} /> : null}
          {canCreate ? (
            <Card aria-labelledby="add-heading">
              <h2 id="add-heading">Add agencies</h2>
              {campaign.productId ? (
                <p>
                  {candidateTotal === 0
                    ? `Every agency on ${campaign.productName} has been asked.`
                    : `${candidateTotal} ${candidateTotal === 1 ? "agency" : "agencies"} on ${campaign.productName} ${candidateTotal === 1 ? "hasn't" : "haven't"} been asked.`}{" "}
                  {candidateTotal > 0 && params.get("add") !== "group" ? (
                    <Link to="?add=group#add-heading" preventScrollReset>
                      Show them
                    </Link>
                  ) : null}
                </p>
              ) : null}
              <SearchForm id="add-q" name="addq" label="Find an agency by name" defaultValue={addQuery} button="Find" secondary>
                {params.get("add") ? <input type="hidden" name="add" value={params.get("add")!} /> : null}
              </SearchForm>
              {choices.length ? (
                <Form method="post" action={`${location.pathname}${location.search}`} className="form">
                  <TargetChoices name="targets" targets={choices} chosen={new Set()} errors={addTargets?.targets} legend="Ask these agencies too, with the same letter" />
                  <fieldset className="field">
                    <legend>Create the requests as</legend>
                    <div className="radio-row">
                      <label>
                        <input type="radio" name="initialStatus" value="draft" defaultChecked />
                        Drafts
                      </label>
                      <label>
                        <input type="radio" name="initialStatus" value="submitted" />
                        Submitted today
                      </label>
                    </div>
                  </fieldset>
                  <button type="submit" name="intent" value="add-targets" className="button" disabled={navigation.state === "submitting"}>
                    Add requests
                  </button>
                </Form>
              ) : addQuery ? (
                <p className="muted">No agency not yet asked matches “{addQuery}”.</p>
              ) : null}
              <h3>Add a request you already have</h3>
              <Form method="post" className="form-row">
                <TextField id="join-number" name="number" label="Request number" placeholder={reference(42)} errors={addRequest?.number} />
                <div className="actions">
                  <button type="submit" name="intent" value="add-request" className="button button--secondary">
                    Add to this joint ask
                  </button>
                </div>
              </Form>
            </Card>
          ) : null}
        </div>
        <div>
          <Card aria-labelledby="precedents-heading">
            <h2 id="precedents-heading">Precedents</h2>
            <p className="muted small">
              Requests to others on the same system (or to the vendor) that brought back {campaign.recordTypes.join(", ") || "these records"}: by their tags or
              the record types they asked. Cite them.
            </p>
            <Precedents items={precedents} today={today} empty="None yet: no request on this product with these record types has brought records back." />
          </Card>
          <Card aria-labelledby="ask-heading">
            <h2 id="ask-heading">The ask</h2>
            <p className="prose">{campaign.ask}</p>
            <AskSummary recordTypes={campaign.recordTypes} fields={fieldsAsk?.fields.map((f) => f.label)} ask={fieldsAsk?.ask ?? null} today={today} />
            <details className="panel">
              <summary>Letter text for each agency</summary>
              <pre className="letter">{campaign.letterTemplate}</pre>
            </details>
            {campaign.vendorLetterTemplate ? (
              <details className="panel">
                <summary>Letter text for the vendor</summary>
                <pre className="letter">{campaign.vendorLetterTemplate}</pre>
              </details>
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
