import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/domain/permissions";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldsAndFiles } from "~/components/fields-and-files";
import type { FieldsFormResult } from "~/components/request-fields";
import { codeKeysSchema, editAskSchema, setFieldsSchema, updateStatesSchema } from "~/domain/fields-input";
import { setCodeKeys } from "~/domain/profiles/profiles.server";
import { loadFieldsAndFiles } from "~/domain/fields-page.server";
import { setAskedFields, updateAsk, updateFieldStates } from "~/domain/fields.server";
import { getRequest } from "~/domain/requests.server";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/redirect";
import { notFound } from "~/utils/responses.server";
import { useTimeZone, useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Fields asked · #${data.request.number} ${data.request.title} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const found = await getRequest(viewer, params.requestId ?? "");
  if (!found) throw notFound("request");
  const data = await loadFieldsAndFiles(viewer, found.id);
  if (!data) throw notFound("request");
  return json({ request: { id: found.id, number: found.number, title: found.title }, data });
}

const intentSchema = z.object({ intent: z.enum(["edit-ask", "set-fields", "update-states", "set-code-keys"], { error: "Unknown action" }) });

/** Changes to what the request asks for and what came back; errors are shown on this page's forms. */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.edit");
  const id = params.requestId ?? "";
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) throw new Response("Unknown action.", { status: 400 });
  const back = (message: string) => {
    const to = safeRedirectPath(String(formData.get("redirectTo") ?? ""), `/requests/${id}`);
    return redirectWithFlash(`${to}#fields`, { kind: "success", message });
  };
  const invalid = (result: FieldsFormResult) => json(result, { status: 400 });

  switch (intent.data.intent) {
    case "edit-ask": {
      const submission = parseWithZod(formData, { schema: editAskSchema });
      if (submission.status !== "success") return invalid({ intent: "edit-ask", result: submission.reply() });
      const result = await updateAsk(viewer, id, submission.value);
      if (!result) throw notFound("request");
      if (!result.ok) return invalid({ intent: "edit-ask", result: submission.reply({ fieldErrors: result.fieldErrors }) });
      return back(result.value.changed ? "The ask was saved." : "Nothing changed.");
    }
    case "set-fields": {
      const submission = parseWithZod(formData, { schema: setFieldsSchema });
      if (submission.status !== "success") return invalid({ intent: "set-fields", result: submission.reply() });
      const result = await setAskedFields(viewer, id, submission.value);
      if (!result) throw notFound("request");
      if (!result.ok) return invalid({ intent: "set-fields", result: submission.reply({ fieldErrors: result.fieldErrors }) });
      const { added, removed } = result.value;
      const parts = [added ? `${added} added` : "", removed ? `${removed} removed` : ""].filter(Boolean);
      return back(parts.length ? `Fields asked: ${parts.join(", ")}.` : "Nothing changed.");
    }
    case "set-code-keys": {
      const submission = parseWithZod(formData, { schema: codeKeysSchema });
      if (submission.status !== "success") return invalid({ intent: "set-code-keys", result: submission.reply() });
      const result = await setCodeKeys(viewer, id, submission.value);
      if (!result) throw notFound("request");
      if (!result.ok) return invalid({ intent: "set-code-keys", result: submission.reply({ fieldErrors: result.fieldErrors }) });
      const { added, removed } = result.value;
      const parts = [added ? `${added} added` : "", removed ? `${removed} removed` : ""].filter(Boolean);
      const back = safeRedirectPath(String(formData.get("redirectTo") ?? ""), `/requests/${id}`);
      return redirectWithFlash(`${back}#code-keys`, { kind: "success", message: parts.length ? `To read the data: ${parts.join(", ")}.` : "Nothing changed." });
    }
    case "update-states": {
      const submission = parseWithZod(formData, { schema: updateStatesSchema });
      if (submission.status !== "success") return invalid({ intent: "update-states", result: submission.reply() });
      const result = await updateFieldStates(viewer, id, submission.value);
      if (!result) throw notFound("request");
      if (!result.ok) return invalid({ intent: "update-states", result: submission.reply({ fieldErrors: result.fieldErrors }) });
      const n = result.value.changed;
      return back(n ? `Saved what came back for ${n} ${n === 1 ? "field" : "fields"}.` : "Nothing changed.");
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
      <p className="breadcrumb">
        <Link to="/requests">Requests</Link> / <Link to={`/requests/${request.id}`}>#{request.number}</Link> /
      </p>
      <div className="page-header">
        <div>
          <h1>
            <span className="muted">#{request.number}</span> {request.title}: fields and files
          </h1>
        </div>
        <Link to={`/requests/${request.id}`} className="button button--secondary">
          Back to the request
        </Link>
      </div>
      <FieldsAndFiles data={data} today={today} timeZone={timeZone} fieldsResult={last ?? undefined} />
    </>
  );
}
