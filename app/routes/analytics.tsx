import { Card } from "~/components/ui/card";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { BarChart, BoxChart, LineChart, SplitBarChart, type BoxRow } from "~/components/charts";
import { FormErrors, SelectField, TextField } from "~/components/fields";
import { AGENCY_TYPES } from "../../db/schema/values";
import {
  FUNNEL_LABELS,
  FUNNEL_STAGES,
  filtersQuery,
  formatDays,
  formatPercent,
  onTimeRate,
  OUTCOME_LABELS,
  parseAnalyticsFilters,
  periodInCalendarDays,
  share,
  type Outcome,
} from "~/domain/analytics";
import { analytics, analyticsFilterOptions, type GroupFigures } from "~/domain/analytics.server";
import { analyticsTables, type TableName } from "~/domain/analytics-tables";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { requireViewer } from "~/utils/auth.server";
import { fieldErrorsOf } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";
import { ChartFrame } from "~/components/ui/chart-frame";

export const meta: MetaFunction = () => [{ title: "Analytics · JointAsk" }];

/** How many groups a chart draws; its table and CSV hold them all (up to the query's limit). */
const CHART_ROWS = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  const parsed = parseAnalyticsFilters(params);
  const inCoalition = viewer.partnerOrganizationIds.length > 0;
  if (!parsed.success) {
    const options = await analyticsFilterOptions(viewer);
    return json({ options, inCoalition, errors: fieldErrorsOf(parsed.error.issues), result: null, tables: null, query: "" }, { status: 400 });
  }
  const [options, result] = await Promise.all([analyticsFilterOptions(viewer), analytics(viewer, parsed.data)]);
  const tables = analyticsTables(result);
  return json({ options, inCoalition, errors: null, result, tables, query: filtersQuery(parsed.data) });
}

function boxRows(groups: GroupFigures[], withPeriod: boolean): BoxRow[] {
  return groups.slice(0, CHART_ROWS).map((g) => ({
    key: g.key,
    label: g.label,
    n: g.response.n,
    q1: g.response.q1,
    median: g.response.median,
    q3: g.response.q3,
    period: withPeriod ? periodInCalendarDays(g.periodDays, g.periodDayType) : null,
  }));
}

function Empty() {
  return <p className="muted">No requests with an answer in these filters.</p>;
}

export default function Analytics() {
  const { options, inCoalition, errors, result, tables, query } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const csv = (name: TableName) => `/analytics.csv${query ? `${query}&` : "?"}table=${name}`;
  return (
    <>
      <PageHeader
        title="Analytics"
        meta={
          <>
            How agencies and vendors answer: over the requests you may see
            {inCoalition ? " (your organization's and those your coalition shares)" : ""}. Definitions are below.
          </>
        }
      />

      <Card aria-labelledby="analytics-filters">
        <h2 id="analytics-filters" className="visually-hidden">
          Filters
        </h2>
        <Form method="get" className="filters">
          <TextField id="f-from" name="from" type="date" label="Received from" defaultValue={params.get("from") ?? ""} errors={errors?.from} />
          <TextField id="f-to" name="to" type="date" label="Received to" defaultValue={params.get("to") ?? ""} errors={errors?.to} />
          <SelectField id="f-state" name="state" label="State" defaultValue={params.get("state") ?? ""} errors={errors?.state}>
            <option value="">Any</option>
            {options.states.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="f-type" name="agencyType" label="Agency type" defaultValue={params.get("agencyType") ?? ""} errors={errors?.agencyType}>
            <option value="">Any</option>
            {AGENCY_TYPES.map((t) => (
              <option key={t} value={t}>
                {AGENCY_TYPE_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <SelectField id="f-vendor" name="vendor" label="Vendor" defaultValue={params.get("vendor") ?? ""} errors={errors?.vendor}>
            <option value="">Any</option>
            {options.vendors.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="f-product" name="product" label="Product" defaultValue={params.get("product") ?? ""} errors={errors?.product}>
            <option value="">Any</option>
            {options.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.vendorName})
              </option>
            ))}
          </SelectField>
          <SelectField id="f-record-type" name="recordType" label="Record type" defaultValue={params.get("recordType") ?? ""} errors={errors?.recordType}>
            <option value="">Any</option>
            {options.recordTypes.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="f-campaign" name="campaign" label="Joint ask" defaultValue={params.get("campaign") ?? ""} errors={errors?.campaign}>
            <option value="">Any</option>
            {options.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </SelectField>
          {inCoalition ? (
            <SelectField id="f-owner" name="owner" label="Whose requests" defaultValue={params.get("owner") ?? ""} errors={errors?.owner}>
              <option value="">Ours and the coalition's</option>
              <option value="own">Ours only</option>
            </SelectField>
          ) : null}
          {params.get("agency") ? <input type="hidden" name="agency" value={params.get("agency")!} /> : null}
          <ButtonGroup>
            <button type="submit" className="button">
              Show
            </button>
            <Link to="/analytics" className="button button--quiet">
              Clear
            </Link>
          </ButtonGroup>
        </Form>
        {errors ? <FormErrors errors={["Some filters could not be read; see the fields above."]} /> : null}
      </Card>

      {result && tables ? (
        <>
          <Card aria-labelledby="analytics-summary">
            <h2 id="analytics-summary">In these filters</h2>
            <dl className="stats">
              <div>
                <dt>Requests</dt>
                <dd>{result.total.requests}</dd>
              </div>
              <div>
                <dt>Answered</dt>
                <dd>{result.total.response.n}</dd>
              </div>
              <div>
                <dt>Median days to first response</dt>
                <dd>{formatDays(result.total.response.median)}</dd>
              </div>
              <div>
                <dt>Median days to completion</dt>
                <dd>{formatDays(result.total.completion.median)}</dd>
              </div>
              <div>
                <dt>On time</dt>
                <dd>{formatPercent(onTimeRate(result.total.onTime, result.total.late))}</dd>
              </div>
              <div>
                <dt>Overdue now</dt>
                <dd>{result.total.overdueNow}</dd>
              </div>
            </dl>
          </Card>

          <ChartFrame
            id="by-agency"
            units="calendar days"
            title="Days to first response, by agency"
            intro="Box: middle half of requests (first to third quartile); dark line: median; dashed red: the statutory period in calendar days (business days × 7/5, approximate). Days paused for clarification or a fee are not counted."
            chart={
              result.byAgency.some((g) => g.response.n > 0) ? (
                <BoxChart
                  rows={boxRows(result.byAgency, true)}
                  label={`Median and quartiles of days to first response for ${Math.min(CHART_ROWS, result.byAgency.length)} agencies, ${result.total.response.n} answered requests`}
                  axisTitle="Days to first response (calendar days)"
                  caption={`n = ${result.total.response.n} answered requests; the ${Math.min(CHART_ROWS, result.byAgency.length)} agencies with the most requests.`}
                />
              ) : (
                <Empty />
              )
            }
            table={tables.agencies}
            csvHref={csv("agencies")}
          />

          <ChartFrame
            id="by-state"
            units="calendar days"
            title="Days to first response, by state law"
            chart={
              result.byState.some((g) => g.response.n > 0) ? (
                <BoxChart
                  rows={boxRows(result.byState, true)}
                  label={`Median and quartiles of days to first response by state law, ${result.byState.length} laws`}
                  axisTitle="Days to first response (calendar days)"
                  caption={`n per law in brackets; dashed: statutory period (approximate calendar days).`}
                />
              ) : (
                <Empty />
              )
            }
            table={tables.states}
            csvHref={csv("states")}
          />

          <ChartFrame
            id="by-product"
            units="calendar days"
            title="Days to first response, by vendor and product"
            intro="A request counts under each product its agency runs (or the vendor it went to)."
            chart={
              result.byProduct.some((g) => g.response.n > 0) ? (
                <BoxChart
                  rows={boxRows(result.byProduct, false)}
                  label={`Median and quartiles of days to first response by product, ${result.byProduct.length} products`}
                  axisTitle="Days to first response (calendar days)"
                  caption="n per product in brackets."
                />
              ) : (
                <Empty />
              )
            }
            table={tables.products}
            csvHref={csv("products")}
          />

          <ChartFrame
            id="on-time"
            units="requests due"
            title="On time and late, by agency"
            intro="On time: answered on or before the due date the deadline engine keeps (moved by pauses and lawful extensions). Late: answered after it, or not answered and past it."
            chart={
              result.byAgency.some((g) => g.onTime + g.late > 0) ? (
                <SplitBarChart
                  rows={result.byAgency
                    .filter((g) => g.onTime + g.late > 0)
                    .slice(0, CHART_ROWS)
                    .map((g) => ({ key: g.key, label: `${g.label} (${formatPercent(onTimeRate(g.onTime, g.late))})`, good: g.onTime, bad: g.late }))}
                  label={`Requests on time and late by agency: ${result.total.onTime} on time, ${result.total.late} late`}
                  axisTitle="Requests due (count)"
                  goodLabel="On time"
                  badLabel="Late"
                  caption={`n = ${result.total.onTime + result.total.late} requests due by today; ${result.total.overdueNow} overdue now.`}
                />
              ) : (
                <Empty />
              )
            }
            table={tables.agencies}
            csvHref={csv("agencies")}
          />

          <ChartFrame
            id="by-month"
            units="% of requests due that month"
            title="On-time rate by month"
            intro="Month of the due date."
            chart={
              result.months.length ? (
                <LineChart
                  rows={result.months.map((m) => ({ key: m.month, label: m.month, value: onTimeRate(m.onTime, m.late) }))}
                  label={`On-time rate by month of the due date, ${result.months.length} months`}
                  axisTitle="On time (%)"
                  xTitle="Month due"
                  caption={`n = ${result.months.reduce((s, m) => s + m.due, 0)} requests due.`}
                />
              ) : (
                <Empty />
              )
            }
            table={tables.months}
            csvHref={csv("months")}
          />

          <ChartFrame
            id="outcomes"
            units="requests"
            title="Outcomes"
            intro="The schema has no outcome column: a request's outcome is its current status."
            chart={
              result.outcomes.length ? (
                <BarChart
                  rows={result.outcomes.map((o) => ({
                    key: o.outcome,
                    label: OUTCOME_LABELS[o.outcome as Outcome] ?? o.outcome,
                    value: o.n,
                    note: `${o.n} (${formatPercent(share(o.n, result.outcomes.reduce((s, x) => s + x.n, 0)))})`,
                  }))}
                  label={`Outcomes of ${result.outcomes.reduce((s, o) => s + o.n, 0)} answered requests`}
                  axisTitle="Requests (count)"
                  caption={`n = ${result.outcomes.reduce((s, o) => s + o.n, 0)} answered requests.`}
                />
              ) : (
                <Empty />
              )
            }
            table={tables.outcomes}
            csvHref={csv("outcomes")}
          />

          <ChartFrame
            id="exemptions"
            title="Exemptions cited"
            intro="There is no exemption column: these are the notes on fields marked withheld or denied, grouped by their text."
            table={tables.exemptions}
            csvHref={csv("exemptions")}
          />

          <ChartFrame
            id="fields"
            units="% of the requests asking for the field"
            title="Fields received"
            intro="Share of the requests asking for a field that received it (fully or partly). The table breaks each field down by the vendor/product of the agency."
            chart={(() => {
              const overall = result.fields.filter((f) => f.product === null).sort((a, b) => b.asked - a.asked).slice(0, CHART_ROWS);
              return overall.length ? (
                <BarChart
                  rows={overall.map((f) => ({
                    key: `${f.recordType}-${f.key}`,
                    label: `${f.label} · ${f.recordType}`,
                    value: share(f.received + f.partly, f.asked) ?? 0,
                    note: `${formatPercent(share(f.received + f.partly, f.asked))} of ${f.asked}`,
                  }))}
                  domainMax={1}
                  format={(v) => `${Math.round(v * 100)}%`}
                  label={`Share of requests that received each of the ${overall.length} most asked fields`}
                  axisTitle="Requests that received the field (%)"
                  caption="n after each bar: requests that asked for the field."
                />
              ) : (
                <p className="muted">No fields asked in these filters.</p>
              );
            })()}
            table={tables.fields}
            csvHref={csv("fields")}
          />

          <ChartFrame
            id="funnels"
            units="requests"
            title="Joint asks"
            intro="Drafted: requests made by the joint ask; sent: no longer drafts; acknowledged: the agency engaged (acknowledged, asked for something, or answered); answered: a substantive response; data received: a field received or a file."
            chart={
              result.funnels.length ? (
                <>
                  {result.funnels.slice(0, 3).map((c) => (
                    <div key={c.campaignId}>
                      <h3 className="small">{c.title}</h3>
                      <BarChart
                        rows={FUNNEL_STAGES.map((s) => ({ key: s, label: FUNNEL_LABELS[s], value: c[s] }))}
                        domainMax={Math.max(1, c.drafted)}
                        label={`Joint ask ${c.title}: ${FUNNEL_STAGES.map((s) => `${FUNNEL_LABELS[s]} ${c[s]}`).join(", ")}`}
                        axisTitle="Requests (count)"
                        caption={`n = ${c.drafted} requests.`}
                      />
                    </div>
                  ))}
                </>
              ) : (
                <p className="muted">No joint asks in these filters.</p>
              )
            }
            table={tables.funnels}
            csvHref={csv("funnels")}
          />

          <Card aria-labelledby="definitions">
            <h2 id="definitions">How these are counted</h2>
            <dl className="summary-list">
              <dt>Days to first response</dt>
              <dd>
                Calendar days from the day the agency received the request to its first substantive response (partly fulfilled, fulfilled, no
                records or denied), minus the days the request waited on you (clarification or fee requested). Acknowledgements don't count.
              </dd>
              <dt>Days to completion</dt>
              <dd>The same, to the first final answer (fulfilled, no records or denied).</dd>
              <dt>Median and quartiles</dt>
              <dd>Half the requests took less than the median; the box holds the middle half (interpolated, as Postgres's percentile_cont).</dd>
              <dt>On time</dt>
              <dd>
                Answered on or before the due date, which follows the law's period, pauses and extensions the law allows. Requests under laws
                with no fixed period, or not yet due, are not counted.
              </dd>
              <dt>Overdue now</dt>
              <dd>Still open and past the due date today.</dd>
              <dt>Who is counted</dt>
              <dd>Only requests you may see: your organization's, and coalition partners' requests that are not private.</dd>
            </dl>
          </Card>
        </>
      ) : null}
    </>
  );
}
