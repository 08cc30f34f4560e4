import { Card } from "~/components/ui/card";
import { formatNumber } from "~/components/ui/number-text";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/fields";
import { type BulkPreview, bulkFilters, bulkPermission, describeBulkChange, describeBulkReport, parseBulkChange, previewBulk, applyBulk } from "~/domain/bulk-changes.server";
import { BULK_ALL_LIMIT, bulkTargetSchema, filterQuery, type BulkTarget } from "~/domain/bulk-input";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { readFormData } from "~/utils/bounded-input.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { clientAddressOf } from "~/utils/load-context.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Change several requests · JointAsk" }];

/** The fields of the change itself, carried from the list's form to the review's final button. */
const CHANGE_FIELDS = ["assigneeId", "tags", "status", "on", "note", "visibility", "nextActionOn"] as const;

type ActionData =
  | { stage: "invalid"; back: string; errors: Record<string, string[] | undefined> }
  | { stage: "review"; back: string; target: BulkTarget; description: string; preview: BulkPreview; fields: [string, string][] };

const answer = (data: ActionData, status = 200) => json(data, { status });

/**
 * Nothing to review without a form: the page links back to the list. (Not a redirect: the review is this route's
 * action answer, and Remix runs the loader after the action to render it.)
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  return json({});
}

/**
 * POST /requests/bulk from the list's form: `intent=review` answers with what would change (how many requests,
 * which change) and a final button; `intent=apply` makes the change, one request at a time through the same
 * domain calls as a request's page, and goes back to the list with a report.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const filter = typeof formData.get("filter") === "string" ? String(formData.get("filter")) : "";
  // Back to the list as it was: the filters re-encoded (never raw text in a Location header).
  const kept = filter.length <= 4000 ? filterQuery(filter) : "";
  const back = `/requests${kept ? `?${kept}` : ""}`;
  if (intent !== "review" && intent !== "apply") {
    return answer({ stage: "invalid", back, errors: { intent: ['intent must be "review" or "apply"'] } }, 400);
  }
  const parsed = bulkTargetSchema.safeParse({
    change: formData.get("change") ?? undefined,
    scope: formData.get("scope") || undefined,
    requestIds: formData.getAll("requestIds").filter((v) => v !== ""),
    allOnPage: formData.get("allOnPage") ?? undefined,
    pageIds: formData.getAll("pageIds").filter((v) => v !== ""),
    filter,
  });
  if (!parsed.success) return answer({ stage: "invalid", back, errors: fieldErrorsOf(parsed.error.issues) }, 400);
  const target = parsed.data;
  requirePermission(viewer, bulkPermission(target.change));
  const filters = target.scope === "all" ? bulkFilters(target) : null;
  if (filters && !filters.ok) return answer({ stage: "invalid", back, errors: { filter: [filters.message] } }, 400);
  const today = todayIn(viewer.timeZone);
  const change = await parseBulkChange(viewer, target.change, formData, today);
  if (!change.ok) return answer({ stage: "invalid", back, errors: change.fieldErrors }, 400);

  if (intent === "review") {
    const preview = await previewBulk(viewer, target, filters?.filters ?? null);
    const fields: [string, string][] = [];
    for (const name of CHANGE_FIELDS) {
      const value = formData.get(name);
      if (typeof value === "string" && value !== "") fields.push([name, value]);
    }
    // The person the review names, not the name typed (which could mean someone else by the time it is applied).
    if (change.change.action === "assign") {
      const assigneeId = change.change.value.assigneeId;
      fields.splice(0, fields.length, ...(assigneeId ? ([["assigneeId", assigneeId]] as [string, string][]) : []));
    }
    return answer({ stage: "review", back, target, description: describeBulkChange(change.change), preview, fields });
  }

  const report = await applyBulk(viewer, target, filters?.filters ?? null, change.change, { today, ipAddress: clientAddressOf(context) });
  const nothingDone = report.changed === 0 && report.skipped > 0;
  return redirectWithFlash(back, { kind: nothingDone ? "error" : "success", message: describeBulkReport(change.change, report) });
}

export default function BulkReview() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  if (!data) {
    return (
      <>
        <h1>Change several requests</h1>
        <p>
          Tick requests on the list, or choose every matching request, then the change. <Link to="/requests">Back to the requests</Link>
        </p>
      </>
    );
  }
  if (data.stage === "invalid") {
    const messages = Object.entries(data.errors).flatMap(([field, list]) => (list ?? []).map((m) => (field && field !== "change" ? `${labelOf(field)}: ${m}` : m)));
    return (
      <>
        <h1>Nothing was changed</h1>
        <FormErrors errors={messages} />
        <p>
          <Link to={data.back} className="button button--secondary">
            Back to the list
          </Link>
        </p>
      </>
    );
  }
  const { target, preview, description, fields, back } = data;
  const count = preview.own;
  const plural = (n: number, noun = "request") => `${formatNumber(n)} ${n === 1 ? noun : `${noun}s`}`;
  return (
    <>
      <PageHeader
        title="Review the change"
        meta={target.scope === "all" ? "Every request matching the list's filters." : "The requests you ticked."}
      />
      <Card aria-labelledby="review-heading">
        <h2 id="review-heading">
          {description} on {plural(count)}
        </h2>
        <ul>
          {preview.shared ? <li>{plural(preview.shared)} shared by coalition partners will be left alone: only their organization can change them.</li> : null}
          {preview.notFound ? <li>{plural(preview.notFound)} not found (not a request your organization sees) will be left alone.</li> : null}
          <li>Each request gets its own timeline entry. Requests already as asked are left as they are; those the change can't apply to (a status they can't move to, a request your role may not assign) are skipped and listed afterwards.</li>
        </ul>
        {preview.tooMany ? (
          <FormErrors errors={[`More than ${formatNumber(BULK_ALL_LIMIT)} of your organization's requests match: narrow the filters first.`]} />
        ) : null}
        {preview.sample.length ? (
          <>
            <h3>{preview.sample.length < count ? `The first ${preview.sample.length}` : count === 1 ? "The request" : `All ${count}`}</h3>
            <ul className="plain-list">
              {preview.sample.map((r) => (
                <li key={r.id}>
                  <span className="muted">{r.reference}</span> {r.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form method="post" action="/requests/bulk" className="actions">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="change" value={target.change} />
          <input type="hidden" name="scope" value={target.scope} />
          <input type="hidden" name="filter" value={target.filter} />
          {target.requestIds.map((id) => (
            <input key={id} type="hidden" name="requestIds" value={id} />
          ))}
          {fields.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {count > 0 && !preview.tooMany ? (
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Changing…" : `Change ${plural(count)}`}
            </button>
          ) : (
            <p>None of your organization's requests would change.</p>
          )}
          <Link to={back} className="button button--quiet">
            Cancel
          </Link>
        </Form>
      </Card>
    </>
  );
}

function labelOf(field: string): string {
  const labels: Record<string, string> = {
    requestIds: "Requests",
    pageIds: "Requests",
    scope: "Apply to",
    filter: "Filters",
    assigneeId: "Assignee",
    assigneeName: "Assign to",
    tags: "Tags",
    status: "Status",
    on: "Date",
    note: "Note",
    visibility: "Who can see them",
    nextActionOn: "Next action date",
    intent: "Form",
  };
  return labels[field.split(".")[0]!] ?? field;
}
