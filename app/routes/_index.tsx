import { Card } from "~/components/ui/card";
import { formatNumber } from "~/components/ui/number-text";
import { getOrganizationShortCode } from "~/domain/organization-code.server";
import { ButtonGroup } from "~/components/ui/button-group";
import { requestReference } from "~/domain/request-reference";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";
import { COUNT_CAP, myWeek, type WeekRow } from "~/domain/my-week.server";
import type { RequestStatus } from "~/domain/request-status";
import { getViewer } from "~/utils/auth.server";
import { todayIn } from "~/utils/dates";
import { DateText } from "~/components/date-text";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "My week · JointAsk" }];

// Signed out, "/" is the sign-in page as before; signed in, it is the user's week.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (!viewer) return redirect("/login");
  const today = todayIn(viewer.timeZone);
  const [week, organizationCode] = await Promise.all([myWeek(viewer, today), getOrganizationShortCode(viewer)]);
  return json({ week, organizationCode, name: viewer.name, organizationName: viewer.organizationName, timeZone: viewer.timeZone });
}

/** "12", or "1,000+" at the cap. */
function countText(n: number): string {
  return n > COUNT_CAP ? `${formatNumber(COUNT_CAP)}+` : String(n);
}

/** Two figures side by side: the user's and the organization's, each a link to the list behind it. */
function Figures({ mine, organization, mineTo, organizationTo, label }: { mine: number; organization: number; mineTo: string; organizationTo: string; label: string }) {
  return (
    <dl className="stats week-figures">
      <div>
        <dt>Assigned to me</dt>
        <dd>
          <Link to={mineTo} aria-label={`${countText(mine)} ${label} assigned to me`}>
            {countText(mine)}
          </Link>
        </dd>
      </div>
      <div>
        <dt>Organization</dt>
        <dd>
          <Link to={organizationTo} aria-label={`${countText(organization)} ${label} in the organization`}>
            {countText(organization)}
          </Link>
        </dd>
      </div>
    </dl>
  );
}

function RequestRows({ rows, today, empty, dateLabel }: { rows: WeekRow[]; today: string; empty: string; dateLabel: string }) {
  const { organizationCode } = useLoaderData<typeof loader>();
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list week-list">
      {rows.map((r) => (
        <li key={r.id}>
          <Link to={`/requests/${r.id}`} className="row-title">
            {requestReference({ organizationCode, number: r.number })} {r.title}
          </Link>{" "}
          <StatusBadge status={r.status as RequestStatus} />
          <span className="muted small">
            {" "}
            {r.target ? `${r.target} · ` : ""}
            {r.date ? dateLabel === "due" ? <DateText date={r.date} today={today} as="due" /> : <>{dateLabel} <DateText date={r.date} today={today} as="when" /></> : `${dateLabel} –`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </Card>
  );
}

export default function MyWeek() {
  const { week, organizationCode, name, organizationName, timeZone } = useLoaderData<typeof loader>();
  const { counts, today } = week;
  return (
    <>
      <PageHeader
        title="My week"
        meta={
          <>
            {name} · {organizationName} · <DateText date={today} /> to <DateText date={week.weekEnd} />
          </>
        }
        actions={
          <ButtonGroup>
            <Link to="/requests?assignee=me" className="button button--quiet">
              My requests
            </Link>
            <Link to="/analytics" className="button button--quiet">
              Analytics
            </Link>
          </ButtonGroup>
        }
      />
      <div className="week-grid">
        <Section id="week-overdue" title="Overdue">
          <Figures
            label="overdue requests"
            mine={counts.overdue.mine}
            organization={counts.overdue.organization}
            mineTo="/requests?assignee=me&owner=own&sort=due&dir=asc"
            organizationTo="/chase"
          />
          <RequestRows rows={week.overdue} today={today} empty="Nothing of yours is overdue." dateLabel="due" />
        </Section>
        <Section id="week-due" title="Due in the next 7 days">
          <Figures
            label="requests due in the next 7 days"
            mine={counts.dueSoon.mine}
            organization={counts.dueSoon.organization}
            mineTo="/requests?assignee=me&owner=own&sort=due&dir=asc"
            organizationTo="/requests?owner=own&sort=due&dir=asc"
          />
          <RequestRows rows={week.dueSoon} today={today} empty="Nothing of yours falls due this week." dateLabel="due" />
        </Section>
        <Section id="week-next" title="Next actions due">
          <Figures
            label="next actions due"
            mine={counts.nextActions.mine}
            organization={counts.nextActions.organization}
            mineTo="/requests?assignee=me&owner=own&sort=next_action&dir=asc"
            organizationTo="/requests?owner=own&sort=next_action&dir=asc"
          />
          <RequestRows rows={week.nextActions} today={today} empty="No next action of yours is due." dateLabel="next action" />
        </Section>
        <Section id="week-review" title="Replies to read or classify">
          <dl className="stats week-figures">
            <div>
              <dt>In the review queue</dt>
              <dd>
                <Link to="/inbox/review" aria-label={`${countText(counts.review)} replies in the review queue`}>
                  {countText(counts.review)}
                </Link>
              </dd>
            </div>
          </dl>
          {week.review.length === 0 ? (
            <p className="muted">No reply is waiting for review.</p>
          ) : (
            <ul className="plain-list week-list">
              {week.review.map((m) => (
                <li key={m.id}>
                  <Link to={`/inbox/${m.id}`} className="row-title">
                    {m.subject || "(no subject)"}
                  </Link>
                  <span className="muted small">
                    {" "}
                    {m.fromAddress ?? "unknown sender"} · <DateText instant={m.receivedAt} timeZone={timeZone} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="week-fields" title="Fields received this week">
          <Figures
            label="fields received this week"
            mine={counts.fieldsReceived.mine}
            organization={counts.fieldsReceived.organization}
            mineTo="/requests?assignee=me&owner=own&sort=updated"
            organizationTo="/requests?owner=own&sort=updated"
          />
          {week.fieldsReceived.length === 0 ? (
            <p className="muted">No field was marked received in the last 7 days.</p>
          ) : (
            <ul className="plain-list week-list">
              {week.fieldsReceived.map((f) => (
                <li key={f.requestId}>
                  <Link to={`/requests/${f.requestId}/fields`} className="row-title">
                    {requestReference({ organizationCode, number: f.number })} {f.title}
                  </Link>
                  <span className="muted small">
                    {" "}
                    {f.fields} {f.fields === 1 ? "field" : "fields"}: {f.labels.join(", ")}
                    {f.fields > f.labels.length ? ", …" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
