import { Card } from "~/components/ui/card";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/fields";
import { publicDeadlineSchema } from "~/domain/deadline-input";
import { lawOptions, publicDeadline } from "~/domain/deadlines.server";
import { db } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { fieldErrorsOf } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [
  { title: "Public-records deadline calculator · JointAsk" },
  { name: "description", content: "When is a public-records request due? Every state's law, DC and federal FOIA, with business days and holidays." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const options = await lawOptions(db);
  const today = todayIn("America/New_York");
  if (!params.jurisdiction && !params.received) return json({ options, today, result: null, errors: null, params });
  const parsed = publicDeadlineSchema.safeParse(params);
  if (!parsed.success) return json({ options, today, result: null, errors: fieldErrorsOf(parsed.error.issues), params }, { status: 400 });
  const result = await publicDeadline(db, parsed.data.jurisdiction, parsed.data.received);
  if (!result) {
    const errors: Record<string, string[]> = { jurisdiction: ["Unknown jurisdiction"] };
    return json({ options, today, result: null, errors, params }, { status: 400 });
  }
  return json({ options, today, result, errors: null, params });
}

export default function DeadlineCalculator() {
  const { options, today, result, errors, params } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="When is a records request due?"
        meta={
          <>
            Federal FOIA, DC and every state's public-records law, counted with weekends and holidays. Not legal advice.
          </>
        }
      />
      <div className="card">
        <Form method="get" className="filters">
          <SelectField id="calc-jurisdiction" name="jurisdiction" label="Law" defaultValue={params.jurisdiction ?? ""} errors={errors?.jurisdiction}>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code}: {o.lawName}
              </option>
            ))}
          </SelectField>
          <TextField id="calc-received" name="received" type="date" label="Received by the agency" defaultValue={params.received ?? today} errors={errors?.received} />
          <ButtonGroup>
            <button type="submit" className="button">
              Calculate
            </button>
          </ButtonGroup>
        </Form>
      </div>
      {result ? (
        <Card aria-labelledby="result-heading" aria-live="polite">
          <h2 id="result-heading">
            {result.dueDate ? <>Due <DateText date={result.dueDate} /></> : <>No fixed deadline</>}
          </h2>
          <dl className="summary-list">
            <dt>Law</dt>
            <dd>
              {result.lawName} <span className="muted">({result.citation})</span>
            </dd>
            <dt>Response time</dt>
            <dd>{result.noFixedDeadline ? "No fixed number of days" : `${result.days} ${result.dayType} days`}</dd>
            <dt>Extension</dt>
            <dd>{result.extensionDays ? `Up to ${result.extensionDays} ${result.extensionDayType} days` : "None in the statute"}</dd>
            {result.followUpDate ? (
              <>
                <dt>Suggested follow-up</dt>
                <dd><DateText date={result.followUpDate} /> (10 business days; not a statutory deadline)</dd>
              </>
            ) : null}
          </dl>
          <h3>How it was worked out</h3>
          <ol className="small">
            {result.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p className="small muted">{result.notes}</p>
          <p className="small muted">Appeals: {result.appealNotes}</p>
          <p className="small muted">
            API: <code>GET /api/v1/deadlines?jurisdiction={result.jurisdiction}&amp;received={result.receivedDate}</code>
          </p>
        </Card>
      ) : null}
    </>
  );
}
