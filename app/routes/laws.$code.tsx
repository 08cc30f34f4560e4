import { Card } from "~/components/ui/card";
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import {
  FormErrors,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/fields";
import {
  LawFactsList,
  OfficeCalendarView,
  UnverifiedList,
} from "~/components/law-reference";
import { explainReference } from "~/domain/deadlines/explain";
import { referenceFor } from "~/domain/deadlines/laws";
import { can, requirePermission } from "~/domain/permissions";
import {
  CORRECTABLE_LAW_FIELDS,
  lawCorrectionSchema,
} from "~/domain/deadline-input";
import {
  baseLaw,
  correctLaw,
  effectiveLaw,
  lawHistory,
  lawRuleFrom,
} from "~/domain/deadlines.server";
import { requireViewer } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/responses.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { retryOnConflict } from "~/utils/db-errors.server";
import { editVersion, editVersionField, staleEdit } from "~/domain/edit-version";
import { conflictOf, EditConflict, VersionField } from "~/components/edit-conflict";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.law.jurisdiction} law · JointAsk`
      : "Not found · JointAsk",
  },
];

const LAW_FIELDS = Object.keys(CORRECTABLE_LAW_FIELDS);

function codeFrom(params: Record<string, string | undefined>) {
  const code = (params.code ?? "").toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const code = codeFrom(params);
  const base = code ? await baseLaw(db, code) : null;
  if (!code || !base) throw notFound("law");
  const [law, history] = await Promise.all([
    effectiveLaw(db, viewer.organizationId, code),
    lawHistory(db, viewer.organizationId, code),
  ]);
  const facts = referenceFor(code);
  const year = Number(todayIn(viewer.timeZone).slice(0, 4));
  return json({
    law: law!,
    version: editVersion(law!, LAW_FIELDS),
    reference: lawRuleFrom(base),
    explained: facts ? explainReference(facts, [year, year + 1]) : null,
    history,
    isAdmin: can(viewer, "law.correct"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "law.correct");
  const code = codeFrom(params);
  if (!code) throw notFound("law");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: lawCorrectionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // Another correction since this form was opened: refuse rather than put the numbers back, showing both.
  const version = editVersionField.safeParse(formData.get("version") ?? undefined);
  const now = await effectiveLaw(db, viewer.organizationId, code);
  const next: Record<string, unknown> = { ...submission.value, dayType: submission.value.responseDays === null ? "none" : submission.value.dayType };
  const conflict = now && version.success ? staleEdit({ version: version.data, current: now, next, fields: LAW_FIELDS, labels: CORRECTABLE_LAW_FIELDS }) : null;
  if (conflict) return json({ ...submission.reply({ formErrors: [conflict.message] }), conflict }, { status: 409 });
  const result = await retryOnConflict(() => correctLaw(db, viewer, code, submission.value));
  if (!result) throw notFound("law");
  return redirectWithFlash(`/laws/${code}`, {
    kind: "success",
    message: result.changedFields.length
      ? `Correction saved (${result.changedFields
          .map((f) =>
            CORRECTABLE_LAW_FIELDS[
              f as keyof typeof CORRECTABLE_LAW_FIELDS
            ].toLowerCase()
          )
          .join(", ")}); ${result.redated} request${
          result.redated === 1 ? "" : "s"
        } re-dated.`
      : "Saved; nothing changed in the numbers.",
  });
}

const DAY_TYPE_OPTIONS = (
  <>
    <option value="">—</option>
    <option value="business">Business days</option>
    <option value="calendar">Calendar days</option>
  </>
);

export default function LawPage() {
  const { law, version, reference, explained, history, isAdmin } = useLoaderData<typeof loader>();
  const timeZone = useTimeZone();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof lawCorrectionSchema>>({
    id: "correct-law",
    lastResult,
    defaultValue: {
      responseDays: law.responseDays?.toString() ?? "",
      dayType: law.dayType === "none" ? "" : law.dayType,
      extensionDays: law.extensionDays?.toString() ?? "",
      extensionDayType: law.extensionDayType ?? "",
      acknowledgementDays: law.acknowledgementDays?.toString() ?? "",
      acknowledgementDayType: law.acknowledgementDayType ?? "",
      appealDays: law.appealDays?.toString() ?? "",
      appealDayType: law.appealDayType ?? "",
    },
    // Validated on the server only (the number fields are coerced there).
    shouldValidate: "onSubmit",
  });
  const pair = (
    daysField: keyof typeof fields,
    typeField: keyof typeof fields,
    label: string
  ) => (
    <div className="form-row">
      <TextField
        label={`${label} (days)`}
        {...getInputProps(fields[daysField], { type: "number" })}
        id={fields[daysField].id}
        errors={fields[daysField].errors}
        min={1}
        max={365}
      />
      <SelectField
        label="Counted in"
        {...getSelectProps(fields[typeField])}
        id={fields[typeField].id}
        errors={fields[typeField].errors}
      >
        {DAY_TYPE_OPTIONS}
      </SelectField>
    </div>
  );
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/laws">Law table</Link> /
          </>
        }
        title={
          <>
            {law.jurisdiction}: {law.lawName}
          </>
        }
        meta={law.citation}
      />
      <div className="grid-2">
        <div>
          <Card>
            <h2>In force for your organization</h2>
            <dl className="summary-list">
              <dt>Response</dt>
              <dd>
                {law.responseDays
                  ? `${law.responseDays} ${law.dayType} days, counted from ${law.responseCountsFrom}`
                  : "No fixed number of days"}
              </dd>
              <dt>Extension</dt>
              <dd>
                {law.extensionDays
                  ? `${law.extensionDays} ${law.extensionDayType} days`
                  : "None"}
              </dd>
              <dt>Acknowledgement</dt>
              <dd>
                {law.acknowledgementDays
                  ? `${law.acknowledgementDays} ${law.acknowledgementDayType} days`
                  : "None"}
              </dd>
              <dt>Appeal</dt>
              <dd>
                {law.appealDays
                  ? `${law.appealDays} ${law.appealDayType} days`
                  : "No period in the table"}
              </dd>
              <dt>Notes</dt>
              <dd className="small">{law.extensionNote}</dd>
              <dt>Appeals</dt>
              <dd className="small">{law.appealNote}</dd>
              <dt>Source</dt>
              <dd className="small">
                {law.source} (confidence: {law.confidence})
              </dd>
            </dl>
            {JSON.stringify(law) !== JSON.stringify(reference) ? (
              <p className="small muted">
                Reference table:{" "}
                {reference.responseDays
                  ? `${reference.responseDays} ${reference.dayType} days`
                  : "no fixed number"}
                {reference.extensionDays
                  ? `, extension ${reference.extensionDays} ${reference.extensionDayType} days`
                  : ""}
                .
              </p>
            ) : null}
          </Card>
          {explained ? (
            <>
              <Card aria-labelledby="facts-heading">
                <h2 id="facts-heading">The law, fact by fact</h2>
                <p className="small muted">
                  Each fact with where it was read. A fact rests on a primary
                  source only when the statute, regulation, court rule or
                  official calendar itself was read.
                </p>
                <LawFactsList reference={explained} />
              </Card>
              <Card aria-labelledby="unverified-heading">
                <h2 id="unverified-heading">Unverified</h2>
                <UnverifiedList items={explained.unverified} />
              </Card>
            </>
          ) : null}
          <Card aria-labelledby="history-heading">
            <h2 id="history-heading">Corrections</h2>
            {history.length ? (
              <ol className="timeline">
                {history.map((h) => (
                  <li key={h.id} className="timeline__item">
                    <div className="timeline__headline">
                      {Object.keys(h.changes).length
                        ? Object.entries(h.changes)
                            .map(
                              ([k, v]) =>
                                `${
                                  CORRECTABLE_LAW_FIELDS[
                                    k as keyof typeof CORRECTABLE_LAW_FIELDS
                                  ] ?? k
                                }: ${v ?? "none"}`
                            )
                            .join("; ")
                        : "Back to the reference table"}
                    </div>
                    <div className="timeline__meta">
                      <DateText instant={h.createdAt} timeZone={timeZone} /> ·{" "}
                      {h.by ?? "a former member"}
                    </div>
                    <p className="timeline__body">{h.reason}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">
                No corrections: the reference table is in force.
              </p>
            )}
          </Card>
        </div>
        {isAdmin ? (
          <Card aria-labelledby="correct-heading">
            <h2 id="correct-heading">Correct this law</h2>
            <p className="small muted">
              Applies to your organization only. Open requests under this law
              are re-dated, each with a timeline entry giving your reason.
            </p>
            <Form method="post" className="form" {...getFormProps(form)}>
              <FormErrors id={form.errorId} errors={form.errors} />
              <input type="hidden" name="intent" value="correct-law" />
              <EditConflict conflict={conflictOf(lastResult)} />
              <VersionField version={version} />
              {pair("responseDays", "dayType", "Response")}
              {pair("extensionDays", "extensionDayType", "Extension")}
              {pair(
                "acknowledgementDays",
                "acknowledgementDayType",
                "Acknowledgement"
              )}
              {pair("appealDays", "appealDayType", "Appeal")}
              <TextAreaField
                label="Why"
                {...getTextareaProps(fields.reason)}
                id={fields.reason.id}
                errors={fields.reason.errors}
                rows={3}
                hint="Cite what you read: statute, regulation, ruling."
              />
              <ButtonGroup>
                <button type="submit" className="button">
                  Save correction
                </button>
              </ButtonGroup>
            </Form>
          </Card>
        ) : null}
      </div>
      {explained ? (
        <Card aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">Office calendar</h2>
          <p className="small muted">
            The days that do not count as business days under this law, this
            year and next.
          </p>
          <OfficeCalendarView reference={explained} />
        </Card>
      ) : null}
    </>
  );
}
