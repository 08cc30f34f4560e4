import { Card } from "~/components/ui/card";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { ButtonGroup } from "~/components/ui/button-group";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/fields";
import { PublicRequestBody } from "~/components/public-request-body";
import { StatusBadge } from "~/components/status-badge";
import { clientAddressOf } from "~/utils/load-context.server";
import { requirePermission } from "~/domain/permissions";
import { previewPublicRequest } from "~/domain/public-requests.server";
import { filesFlaggedForPublishing, keptFromPublic, setRequestVisibility } from "~/domain/visibility.server";
import { visibilityFormSchema } from "~/domain/visibility";
import { requireViewer } from "~/utils/auth.server";
import { readFormData } from "~/utils/bounded-input.server";
import { formatDate, todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { isoDate } from "~/domain/request-input";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Publish “${data.preview.title}”: what becomes public · JointAsk` : "Not found · JointAsk" },
];

/**
 * GET /requests/:id/publish: before a request is made public, exactly what the public will read (its public
 * page, built by the same code as the real one), what stays within the organization, and each file the app
 * flagged for personal data, which is published only when the coordinator confirms it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.publish");
  const id = params.requestId ?? "";
  const preview = await previewPublicRequest(viewer, id);
  if (!preview) throw notFound("request");
  const [kept, flagged] = await Promise.all([keptFromPublic(viewer, id), filesFlaggedForPublishing(viewer, id)]);
  const today = todayIn(viewer.timeZone);
  const embargo = isoDate("Embargo date").safeParse(new URL(request.url).searchParams.get("embargoUntil") ?? "");
  return json({
    requestId: id,
    preview,
    kept: kept ?? { internalEntries: 0, innerWorkEntries: 0, internalFiles: 0 },
    flagged,
    today,
    embargoUntil: embargo.success && embargo.data > today ? embargo.data : "",
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "request.publish");
  const id = params.requestId ?? "";
  const submission = parseWithZod(await readFormData(request), { schema: visibilityFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  if (submission.value.visibility !== "public") {
    return json({ result: submission.reply({ fieldErrors: { visibility: ["This page only publishes; change other visibility on the request page"] } }) }, { status: 400 });
  }
  const result = await setRequestVisibility(viewer, id, submission.value, { ipAddress: clientAddressOf(context) });
  if (!result) throw notFound("request");
  if (!result.ok) return json({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  const { embargoUntil } = result.value;
  return redirectWithFlash(`/requests/${id}`, {
    kind: "success",
    message: embargoUntil ? `The request becomes public on ${formatDate(embargoUntil)}.` : "The request is public.",
  });
}

export default function PublishRequest() {
  const { requestId, preview, kept, flagged, today, embargoUntil } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "publish-request",
    lastResult: actionData?.result,
    defaultValue: { visibility: "public", embargoUntil },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: visibilityFormSchema }),
  });
  const keptAny = kept.internalEntries + kept.innerWorkEntries + kept.internalFiles > 0;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to={`/requests/${requestId}`}>{preview.title}</Link> /
          </>
        }
        title="Publish this request"
        meta={
          <>
            Below is its public page exactly as anyone will read it, without signing in, at an address that cannot be guessed. Check it before you
            publish.
          </>
        }
      />

      <Card aria-labelledby="publish-heading">
        <h2 id="publish-heading">Before you publish</h2>
        <ul className="prose">
          <li>
            Becomes public: the title, what is asked, the status and due dates, {preview.fields.length} field{preview.fields.length === 1 ? "" : "s"},{" "}
            {preview.files.length} file{preview.files.length === 1 ? "" : "s"} and {preview.timeline.length} timeline entr
            {preview.timeline.length === 1 ? "y" : "ies"}. Names and addresses of your organization&rsquo;s people are withheld from them.
          </li>
          <li>
            {keptAny ? (
              <>
                Stays within your organization: {kept.internalEntries} internal entr{kept.internalEntries === 1 ? "y" : "ies"},{" "}
                {kept.innerWorkEntries} record{kept.innerWorkEntries === 1 ? "" : "s"} of assignments and visibility changes, and {kept.internalFiles}{" "}
                internal file{kept.internalFiles === 1 ? "" : "s"}.
              </>
            ) : (
              <>Nothing on this request is marked internal. To keep an entry or a file back, mark it internal on the request page first.</>
            )}
          </li>
        </ul>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="visibility" value="public" />
          {flagged.length > 0 ? (
            <fieldset className="choices notice card--warning" aria-describedby="confirm-files-help confirm-files-error">
              <legend>Files the app flagged for personal data</legend>
              <p className="small" id="confirm-files-help">
                These files would become public. Each is published only if you tick it; otherwise nothing is published. To keep one back, mark it
                internal in the request&rsquo;s Files card.
              </p>
              {fields.confirmFileIds.errors ? (
                <p className="field__error" id="confirm-files-error">
                  {fields.confirmFileIds.errors.join(" ")}
                </p>
              ) : null}
              {flagged.map((f) => (
                <label key={f.id} className="choice">
                  <input type="checkbox" name="confirmFileIds" value={f.id} /> Publish <strong className="file-name">{f.name}</strong> anyway{" "}
                  <span className="muted small">({f.reasons.join("; ")})</span>{" "}
                  <Link to={`/requests/${requestId}/files/${f.id}`} className="small">
                    Open the file
                  </Link>
                </label>
              ))}
            </fieldset>
          ) : null}
          <TextField
            label="Embargo until (optional)"
            {...getInputProps(fields.embargoUntil, { type: "date" })}
            id={fields.embargoUntil.id}
            errors={fields.embargoUntil.errors}
            min={today}
            hint="The public page stays closed until this day starts, in your organization's time zone; until then the coalition sees the request. Leave empty to publish now."
          />
          <ButtonGroup>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Publish
            </button>
            <Link to={`/requests/${requestId}`} className="button button--secondary">
              Cancel
            </Link>
          </ButtonGroup>
        </Form>
      </Card>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">The public page, as it will read</h2>
        <div className="card">
          <p className="page-header__meta">
            <strong>{preview.title}</strong> · <StatusBadge status={preview.status} /> · filed by {preview.organizationName}
          </p>
        </div>
        <PublicRequestBody request={preview} today={today} />
      </section>
    </>
  );
}
