import { parseWithZod } from "@conform-to/zod/v4";
import { requestReference } from "~/domain/request-reference";
import { requirePermission } from "~/domain/permissions";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldsAndFiles } from "~/components/fields-and-files";
import type { FieldsFormResult } from "~/components/request-fields";
import { loadFieldsAndFiles } from "~/domain/fields-page.server";
import { applyRequestChange, isFieldsPageChange, permissionFor } from "~/domain/request-changes.server";
import { todayIn } from "~/utils/dates";
import { clientAddressOf } from "~/utils/load-context.server";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/redirect";
import { notFound } from "~/utils/responses.server";
import { useTimeZone, useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Fields asked · #${data.request.number} ${data.request.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const data = await loadFieldsAndFiles(viewer, found.id);
  if (!data) throw notFound("request");
  return json({ request: { id: found.id, number: found.number, organizationCode: found.organizationCode, title: found.title }, data });
}

/**
 * Changes to what the request asks for and what came back; errors are shown on this page's forms. They go
 * through the request-change table (request-changes.server.ts), as the JSON API's do.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = params.requestId ?? "";
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (!isFieldsPageChange(intent)) throw new Response("Unknown action.", { status: 400 });
  requirePermission(viewer, permissionFor(intent));
  const outcome = await applyRequestChange(viewer, id, intent, formData, { today: todayIn(viewer.timeZone), ipAddress: clientAddressOf(context) });
  switch (outcome.kind) {
    case "not-found":
      throw notFound("request");
    case "invalid":
      return json({ intent, result: outcome.submission.reply() } satisfies FieldsFormResult, { status: 400 });
    case "forbidden":
    case "refused":
      return json({ intent, result: outcome.submission.reply({ fieldErrors: outcome.fieldErrors }) } satisfies FieldsFormResult, { status: 400 });
    case "done": {
      const to = safeRedirectPath(String(formData.get("redirectTo") ?? ""), `/requests/${id}`);
      return redirectWithFlash(`${to}${intent === "set-code-keys" ? "#code-keys" : "#fields"}`, { kind: "success", message: outcome.message });
    }
  }
}

export default function RequestFieldsPage() {
  const { request, data } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const today = useToday();
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>{requestReference(request)}</Link> /
          </>
        }
        title={
          <>
            <span className="muted">{requestReference(request)}</span> {request.title}: fields and files
          </>
        }
        actions={
          <Link to={`/requests/${request.id}`} className="button button--secondary">
            Back to the request
          </Link>
        }
      />
      <FieldsAndFiles data={data} today={today} timeZone={timeZone} fieldsResult={last ?? undefined} />
    </>
  );
}
