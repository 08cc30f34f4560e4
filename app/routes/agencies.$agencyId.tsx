import { Card } from "~/components/ui/card";
import { SharedNotice } from "~/components/shared-notice";
import { RequestsTable } from "~/components/requests-table";
import { Badge } from "~/components/ui/badge";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState } from "~/components/empty-state";
import { DateText } from "~/components/date-text";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { BouncedLetters } from "~/components/bounced-letters";
import { bouncingAddresses, openBounces, resendBouncedLetters } from "~/domain/mail/bounces.server";
import { can, requirePermission } from "~/domain/permissions";
import { agencyClosureSchema, removeAgencyClosureSchema } from "~/domain/deadline-input";
import { addAgencyClosure, listAgencyClosures, removeAgencyClosure } from "~/domain/deadlines.server";
import { TextField } from "~/components/fields";
import { redirectWithFlash } from "~/utils/flash.server";
import { AgencySystemsCard } from "~/components/agency-systems";
import { AGENCY_TYPE_LABELS } from "~/domain/places-input";
import { getAgency } from "~/domain/places.server";
import { scorecard } from "~/domain/analytics.server";
import { Scorecard } from "~/components/scorecard";
import { getDirectoryAgency } from "~/domain/directory.server";
import { linkAgencyToDirectory, suggestDirectoryMatches } from "~/domain/directory-links.server";
import { DIRECTORY_TYPE_LABELS, type DirectoryType } from "~/domain/directory/clean";
import { listRequests } from "~/domain/requests.server";
import { listAgencySystems } from "~/domain/systems.server";
import { requireViewer } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.agency.name} · JointAsk` : "Not found · JointAsk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const agency = await getAgency(viewer, params.agencyId ?? "");
  if (!agency) throw notFound("agency");
  const owned = agency.organizationId === viewer.organizationId;
  const [requests, systems, bouncing, bounced, closures, directory, suggestions, figures] = await Promise.all([
    // Every request about the agency the viewer may see: to this row, and to partners' rows of the same ORI.
    listRequests(viewer, { agency: agency.id, agencyOri: agency.ori ?? undefined, sort: "updated", pageSize: 100 }),
    listAgencySystems(viewer, agency.id, todayIn(viewer.timeZone)),
    bouncingAddresses(viewer, { agencyId: agency.id }),
    owned ? openBounces(viewer, { agencyId: agency.id }) : Promise.resolve(null),
    owned ? listAgencyClosures(db, viewer, agency.id) : Promise.resolve([]),
    agency.ori ? getDirectoryAgency(null, agency.ori) : Promise.resolve(null),
    owned && !agency.ori && can(viewer, "agency.manage") ? suggestDirectoryMatches(viewer, agency.id) : Promise.resolve([]),
    scorecard(viewer, { agencyId: agency.id }, todayIn(viewer.timeZone)),
  ]);
  return json({
    agency,
    requests,
    systems,
    owned,
    bouncing,
    bounced,
    closures,
    canClose: owned && can(viewer, "agency.closures"),
    directory,
    suggestions,
    figures,
  });
}

const linkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("link-ori"), ori: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{9}$/, "ORI must be nine letters and digits") }),
  z.object({ intent: z.literal("unlink-ori"), ori: z.string().optional() }),
]);

const resendSchema = z.object({ intent: z.literal("resend-bounced", { error: "Unknown action" }), bounceId: z.array(z.string()).optional() });

/**
 * Resends the letters that bounced from the agency's old address to its current one (one click); adds or
 * removes one of the agency's closed days (admins), which re-dates its open requests.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const agency = await getAgency(viewer, params.agencyId ?? "");
  if (!agency || agency.organizationId !== viewer.organizationId) throw notFound("agency");
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "link-ori" || intent === "unlink-ori") {
    requirePermission(viewer, "agency.manage");
    const parsed = linkSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ errors: { ori: parsed.error.issues.map((i) => i.message) }, closureErrors: {} }, { status: 422 });
    const linked = await linkAgencyToDirectory(viewer, agency.id, parsed.data.intent === "link-ori" ? parsed.data.ori! : null);
    if (!linked) throw notFound("agency");
    if (!linked.ok) return json({ errors: linked.fieldErrors, closureErrors: {} }, { status: 409 });
    return redirectWithFlash(`/agencies/${agency.id}`, {
      kind: "success",
      message: parsed.data.intent === "link-ori" ? `Linked to ${parsed.data.ori} in the national directory.` : "No longer linked to the directory.",
    });
  }
  if (intent === "add-closure") {
    requirePermission(viewer, "agency.closures");
    const parsed = agencyClosureSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ errors: {}, closureErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
    const added = await addAgencyClosure(db, viewer, agency.id, parsed.data);
    if (added === null) throw notFound("agency");
    if (added === "exists") return json({ errors: {}, closureErrors: { closedOn: ["That day is already on the list"] } }, { status: 409 });
    return redirectWithFlash(`/agencies/${agency.id}`, {
      kind: "success",
      message: `Closed day ${parsed.data.closedOn} added; ${added.redated} open ${added.redated === 1 ? "request" : "requests"} re-dated, each on its timeline.`,
    });
  }
  if (intent === "remove-closure") {
    requirePermission(viewer, "agency.closures");
    const parsed = removeAgencyClosureSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json({ errors: {}, closureErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
    const removed = await removeAgencyClosure(db, viewer, agency.id, parsed.data.closureId);
    if (!removed) throw notFound("closed day");
    return redirectWithFlash(`/agencies/${agency.id}`, { kind: "success", message: "Closed day removed; the agency's open requests were re-dated." });
  }
  requirePermission(viewer, "request.note");
  const parsed = resendSchema.safeParse({ intent: form.get("intent"), bounceId: form.getAll("bounceId").map(String) });
  if (!parsed.success) throw new Response("Unknown action.", { status: 400 });
  const ids = parsed.data.bounceId?.length ? parsed.data.bounceId : null;
  const result = await resendBouncedLetters(viewer, { agencyId: agency.id }, ids);
  if (!result.ok) return json({ errors: result.fieldErrors, closureErrors: {} }, { status: 400 });
  const { resent, to } = result.value;
  return redirectWithFlash(`/agencies/${agency.id}`, {
    kind: "success",
    message: resent ? `${resent} ${resent === 1 ? "letter" : "letters"} queued again to ${to}; each is on its request's timeline.` : `Already resent to ${to}.`,
  });
}

export default function AgencyPage() {
  const { agency, requests, systems, owned, bouncing, bounced, closures, canClose, directory, suggestions, figures } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const closureErrors = (actionData as { closureErrors?: Record<string, string[] | undefined> } | undefined)?.closureErrors ?? {};
  const canResend = useCan("request.note");
  const contactBouncing = bouncing.find((b) => b.address === agency.recordsContactEmail?.trim().toLowerCase());
  // A coalition partner's agency is read-only here: requests go to one's own agency records.
  const canFile = useCan("request.create") && owned;
  const canManage = useCan("agency.manage") && owned;
  const today = useToday();
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/agencies">Agencies</Link> /
          </>
        }
        title={agency.name}
        meta={
          <>
            {AGENCY_TYPE_LABELS[agency.type]} · {agency.jurisdictionName}
            {agency.stateName ? `, ${agency.stateName}` : ""}
          </>
        }
        actions={
          <ButtonGroup>
            {canFile ? (
              <Link to={`/requests/new?agency=${agency.id}`} className="button">
                New request to this agency
              </Link>
            ) : null}
            {canFile ? (
              <Link to={`/campaigns/new?agency=${agency.id}`} className="button button--secondary">
                Start a joint ask
              </Link>
            ) : null}
            {canManage ? (
              <Link to={`/agencies/${agency.id}/edit`} className="button button--secondary">
                Edit
              </Link>
            ) : null}
          </ButtonGroup>
        }
      />
      {!owned ? (
        <SharedNotice owner={agency.organizationName} thing="agency" />
      ) : null}
      {bounced ? <BouncedLetters bounced={bounced} canResend={canResend} contactLabel="records email" errors={(actionData?.errors as Record<string, string[] | undefined> | undefined)?.bounceIds} /> : null}
      <Scorecard
        id="agency-figures"
        title="How it answers"
        figures={figures}
        scope="Requests to this agency that you may see (yours and those your coalition shares)."
        analyticsHref={`/analytics?agency=${agency.id}`}
      />
      <div className="grid-2">
        <Card aria-labelledby="agency-requests">
          <h2 id="agency-requests">Requests ({requests.total})</h2>
          <RequestsTable
            rows={requests.rows}
            today={today}
            empty={
              <EmptyState
                  inCard
                  title="No requests to this agency yet"
                  action={
                    <Link to={`/requests/new?agency=${agency.id}`} className="button button--secondary">
                      File a request
                    </Link>
                  }
                >
                  Your organization's requests to this agency are listed here with their status, so you can see what was asked before asking again.
                </EmptyState>
            }
          />
        </Card>
        <Card aria-labelledby="agency-directory">
          <h2 id="agency-directory">National directory</h2>
          {directory ? (
            <dl className="summary-list">
              <dt>ORI</dt>
              <dd>
                <code>{directory.ori}</code>
                {!directory.listed ? <span className="muted small"> (no longer in the current FBI list)</span> : null}
              </dd>
              <dt>Name in the list</dt>
              <dd>{directory.fbiName}</dd>
              <dt>Type</dt>
              <dd>{DIRECTORY_TYPE_LABELS[directory.directoryType as DirectoryType]}</dd>
              <dt>County</dt>
              <dd>{directory.counties.length ? directory.counties.join(", ") : <span className="muted">Not specified</span>}</dd>
              <dt>State</dt>
              <dd>{directory.state}</dd>
              <dt>NIBRS since</dt>
              <dd>{directory.nibrsSince ?? (directory.isNibrs ? "Reports to NIBRS (start date unknown)" : <span className="muted">Not reporting to NIBRS</span>)}</dd>
              <dt>Location</dt>
              <dd>
                {directory.latitude !== null && directory.longitude !== null ? (
                  `${directory.latitude.toFixed(3)}, ${directory.longitude.toFixed(3)} (approximate: often the county's centre)`
                ) : (
                  <span className="muted">Not given</span>
                )}
              </dd>
            </dl>
          ) : (
            <p className="muted">Not linked to the FBI's national agency directory.</p>
          )}
          {canManage && directory ? (
            <Form method="post">
              <input type="hidden" name="intent" value="unlink-ori" />
              <button type="submit" className="button button--quiet">
                Unlink from {directory.ori}
              </button>
            </Form>
          ) : null}
          {canManage && !directory ? (
            suggestions.length ? (
              <>
                <p>It may be one of these. Link it once you have checked:</p>
                <ul className="plain-list">
                  {suggestions.map((s) => (
                    <li key={s.ori}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="link-ori" />
                        <input type="hidden" name="ori" value={s.ori} />
                        {s.name} · {s.state}
                        {s.counties.length ? ` · ${s.counties.join(", ")} County` : ""} · <code>{s.ori}</code>{" "}
                        <button type="submit" className="button button--secondary">
                          Link<span className="visually-hidden"> to {s.ori}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="link-ori" />
                <TextField id="link-ori" name="ori" label="Link to an ORI" hint="Find it in the national directory." errors={(actionData?.errors as Record<string, string[] | undefined> | undefined)?.ori} />
                <button type="submit" className="button button--secondary">
                  Link
                </button>
                <Link to={`/directory?q=${encodeURIComponent(agency.name)}`}>Search the directory</Link>
              </Form>
            )
          ) : null}
        </Card>
        <Card aria-labelledby="agency-contact">
          <h2 id="agency-contact">Records contact</h2>
          <dl className="summary-list">
            <dt>Contact</dt>
            <dd>{agency.recordsContactName ?? <span className="muted">—</span>}</dd>
            <dt>Email</dt>
            <dd>
              {agency.recordsContactEmail ? <a href={`mailto:${agency.recordsContactEmail}`}>{agency.recordsContactEmail}</a> : <span className="muted">—</span>}
              {contactBouncing ? (
                <>
                  {" "}
                  <Badge tone="danger">Bouncing</Badge>
                  <div className="small error-text">
                    Mail to this address bounced ({contactBouncing.reason}). {canManage ? <Link to={`/agencies/${agency.id}/edit`}>Fix the contact</Link> : null}
                  </div>
                </>
              ) : null}
            </dd>
            <dt>Portal</dt>
            <dd>
              {agency.portalUrl ? (
                <a href={agency.portalUrl} rel="noreferrer noopener" target="_blank">
                  {new URL(agency.portalUrl).host}
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </dl>
          {agency.notes ? (
            <>
              <h3>Notes</h3>
              <p className="prose">{agency.notes}</p>
            </>
          ) : null}
        </Card>
      </div>
      {owned ? (
        <Card aria-labelledby="agency-closures">
          <h2 id="agency-closures">Closed days</h2>
          <p className="small muted">
            Days this agency's offices are closed beyond {agency.stateName ?? agency.jurisdictionName}'s own calendar (a furlough, a storm). They do not
            count as business days for your requests to it; adding or removing one re-dates its open requests, each on its timeline.
          </p>
          {closures.length ? (
            <ul className="closure-list">
              {closures.map((closure) => (
                <li key={closure.id}>
                  <strong><DateText date={closure.closedOn} today={today} /></strong>: {closure.reason}
                  <span className="small muted"> · added by {closure.by ?? "a former member"}</span>
                  {canClose ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove-closure" />
                      <input type="hidden" name="closureId" value={closure.id} />
                      <button type="submit" className="button button--link" disabled={navigation.state !== "idle"}>
                        Remove<span className="visually-hidden"> the closed day {closure.closedOn}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None: the state's calendar applies as it is.</p>
          )}
          {canClose ? (
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="add-closure" />
              <div className="form-row">
                <TextField label="Date" id="closure-date" name="closedOn" type="date" required errors={closureErrors.closedOn} />
                <TextField label="Why it is closed" id="closure-reason" name="reason" required maxLength={200} errors={closureErrors.reason} hint="Furlough, storm, office move…" />
              </div>
              <ButtonGroup>
                <button type="submit" className="button button--secondary" disabled={navigation.state !== "idle"}>
                  Add closed day
                </button>
              </ButtonGroup>
            </Form>
          ) : null}
        </Card>
      ) : null}
      <AgencySystemsCard agencyId={agency.id} systems={systems.systems} hostedFor={systems.hostedFor} today={today} editable={owned} />
    </>
  );
}
