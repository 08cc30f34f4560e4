import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { PublicRequestBody } from "~/components/public-request-body";
import { StatusBadge } from "~/components/status-badge";
import { getPublicRequest, type PublicTarget } from "~/domain/public-requests.server";
import { publicAgencyScorecard } from "~/domain/analytics.server";
import { Scorecard } from "~/components/scorecard";
import { isOpenStatus, STATUS_LABELS } from "~/domain/request-status";
import { formatDate, todayIn } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { PageHeader } from "~/components/ui/page-header";

function describeTarget(target: PublicTarget): string {
  if (target.kind === "vendor") return `${target.name} (vendor)`;
  return target.place ? `${target.name} (${target.place})` : target.name;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Not found · JointAsk" }];
  const { request, today } = data;
  const due = request.dueOn ? ` Due ${formatDate(request.dueOn, today)}.` : "";
  const filed = request.filedOn ? ` on ${formatDate(request.filedOn, today)}` : "";
  const summary = `${STATUS_LABELS[request.status]}: public-records request by ${request.organizationName} to ${describeTarget(request.target)}, filed${filed}.${due}`;
  const text = request.description.replace(/\s+/g, " ").trim();
  const description = `${summary} ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`.trim();
  return [
    { title: `${request.title} · Public records request · JointAsk` },
    { name: "description", content: description },
  ];
};

/** GET /r/:slug: a published request, no sign-in. Unknown, private, shared or embargoed: the same plain 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const request = await getPublicRequest(params.slug ?? "");
  if (!request) throw notFound();
  const today = todayIn(request.timeZone);
  // The agency's figures from published requests only: nothing private or shared is counted on a public page.
  const figures = await publicAgencyScorecard(params.slug ?? "", today);
  return json({ request, today, figures });
}

export default function PublicRequestPage() {
  const { request, today, figures } = useLoaderData<typeof loader>();
  const { target } = request;
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/r">Public requests</Link> /
          </>
        }
        title={request.title}
        meta={
          <>
            <StatusBadge status={request.status} /> · filed by {request.organizationName} with {describeTarget(target)}
            {request.dueOn && isOpenStatus(request.status) ? <> · <DateText date={request.dueOn} today={today} as="due" /></> : null}
          </>
        }
      />

      <PublicRequestBody request={request} today={today} />
      {figures && target.kind === "agency" ? (
        <Scorecard id="agency-figures" title={`How ${target.name} answers`} figures={figures} scope="From the requests to this agency published here (public requests only)." />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status !== 404) {
    return (
      <div className="card" role="alert">
        <p className="muted small">Error {status}</p>
        <h1>Something went wrong</h1>
        <p>The error has been logged. Try again in a moment.</p>
        <p>
          <Link to="/r">Public requests</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="card" role="alert">
      <p className="muted small">Error 404</p>
      <h1>No public request here</h1>
      <p>There is no published request at this address. Check the address, or look through the public requests.</p>
      <p>
        <Link to="/r">Public requests</Link>
      </p>
    </div>
  );
}
