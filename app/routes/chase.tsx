import { formatNumber } from "~/components/ui/number-text";
import { Badge } from "~/components/ui/badge";
import { requestReference } from "~/domain/request-reference";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { COMMUNICATION_CHANNELS } from "../../db/schema/values";
import { StatusBadge } from "~/components/status-badge";
import { CHASE_BOARD_ROWS, chaseBoard, decodeChaseCursor, isChaseSection } from "~/domain/chase.server";
import { newLetterNonce, sendFollowUpLetter } from "~/domain/mail/letters.server";
import { FOLLOW_UP_INTERVAL_DAYS, followUpSchema, nextActionSchema } from "~/domain/request-input";
import { isUuid, logFollowUp, setNextAction } from "~/domain/requests.server";
import { CHANNEL_LABELS } from "~/domain/timeline";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { addDays, describeWhen, todayIn } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { fieldErrorsOf, notFound } from "~/utils/responses.server";
import { useCan } from "~/utils/use-permission";
import { useToday } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Chase board · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const params = new URL(request.url).searchParams;
  // ?section=<key> lists one section, a page at a time (?after=<cursor> from the previous page's "Next").
  const sectionParam = params.get("section");
  if (sectionParam !== null && !isChaseSection(sectionParam)) throw new Response("Unknown section.", { status: 400 });
  const afterParam = params.get("after");
  const after = afterParam === null ? null : decodeChaseCursor(afterParam);
  if (afterParam !== null && !after) throw new Response("Bad page cursor (after).", { status: 400 });
  const section = sectionParam ?? undefined;
  const sections = await chaseBoard(viewer, todayIn(viewer.timeZone), undefined, { section, after });
  // One nonce per page: with the request id it makes each "Send the follow-up letter" idempotent.
  return json({ sections, section: section ?? null, paged: after !== null, nonce: newLetterNonce() });
}

const targetSchema = z.object({ requestId: z.string().refine(isUuid, "Unknown request") });
const sendSchema = z.object({ intent: z.literal("send-follow-up"), nonce: z.string().uuid("Reload the page and try again") });

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const today = todayIn(viewer.timeZone);
  const form = Object.fromEntries(await readFormData(request));
  const target = targetSchema.safeParse(form);
  if (!target.success) throw notFound("request");
  const { requestId } = target.data;
  if (form.intent === "log-follow-up") {
    requirePermission(viewer, "request.note");
    const parsed = followUpSchema.safeParse(form);
    if (!parsed.success) return json({ requestId, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    const result = await logFollowUp(viewer, requestId, parsed.data, today);
    if (!result) throw notFound("request");
    if (!result.ok) return json({ requestId, errors: result.fieldErrors }, { status: 400 });
    return redirectWithFlash("/chase", { kind: "success", message: `Follow-up logged; next one ${describeWhen(result.value.nextActionOn, today)}.` });
  }
  if (form.intent === "send-follow-up") {
    requirePermission(viewer, "request.note");
    const parsed = sendSchema.safeParse(form);
    if (!parsed.success) return json({ requestId, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    const sent = await sendFollowUpLetter(viewer, requestId, parsed.data.nonce, today);
    if (!sent) throw notFound("request");
    if (!sent.ok) return json({ requestId, errors: sent.fieldErrors }, { status: 400 });
    // The next follow-up is due a week later, as when one is logged.
    const next = addDays(today, FOLLOW_UP_INTERVAL_DAYS);
    await setNextAction(viewer, requestId, next);
    return redirectWithFlash("/chase", {
      kind: "success",
      message: sent.value.created
        ? `Follow-up letter queued to ${sent.value.to}; next follow-up ${describeWhen(next, today)}.`
        : `That follow-up letter was already queued to ${sent.value.to}.`,
    });
  }
  if (form.intent === "set-next-action") {
    requirePermission(viewer, "request.edit");
    const parsed = nextActionSchema.safeParse(form);
    if (!parsed.success) return json({ requestId, errors: fieldErrorsOf(parsed.error.issues) }, { status: 400 });
    const result = await setNextAction(viewer, requestId, parsed.data.nextActionOn ?? null);
    if (!result) throw notFound("request");
    return redirectWithFlash("/chase", { kind: "success", message: "Next action date saved." });
  }
  throw new Response("Unknown action.", { status: 400 });
}

type Row = Awaited<ReturnType<typeof chaseBoard>>[number]["groups"][number]["rows"][number];

function DueText({ row, today }: { row: Row; today: string }) {
  if (row.dueOn) {
    const long = row.longOverdueOn !== null && row.longOverdueOn < today;
    return (
      <>
        <DateText date={row.dueOn} today={today} as="due" /> {long ? <Badge tone="danger">Long overdue</Badge> : null}
      </>
    );
  }
  if (!row.dueStatutory && row.followUpOn) return <>follow up <DateText date={row.followUpOn} today={today} as="when" /> (policy, not statutory)</>;
  if (row.status === "clarification_requested" || row.status === "fee_requested") return <>clock paused</>;
  return <span className="muted">no due date</span>;
}

/** Why the letter can't be sent from here, or null. */
function sendBlocker(row: Row): string | null {
  const who = row.vendorId ? "The vendor" : "The agency";
  if (!row.contactEmail) return `${who} has no email address on file.`;
  if (row.contactBouncing) return `Mail to ${row.contactEmail} bounces: fix the contact first.`;
  return null;
}

function RowActions({ row, errors, nonce }: { row: Row; errors?: Record<string, string[]>; nonce: string }) {
  const errorId = `chase-${row.id}-error`;
  const blocker = sendBlocker(row);
  const label = `${requestReference(row)} ${row.title}`;
  if (row.section === "fix_contact") {
    return (
      <div className="chase-actions">
        <Link to={row.agencyId ? `/agencies/${row.agencyId}` : `/vendors/${row.vendorId}`} className="button" aria-label={`Fix the contact for ${label}`}>
          Fix the contact
        </Link>
      </div>
    );
  }
  return (
    <div className="chase-actions">
      <details className="chase-follow-up">
        <summary>Log follow-up</summary>
        <div className="chase-follow-up__choices">
          <Form method="post" className="chase-follow-up__choice">
            <input type="hidden" name="requestId" value={row.id} />
            <input type="hidden" name="intent" value="send-follow-up" />
            <input type="hidden" name="nonce" value={nonce} />
            <p className="small">
              {blocker ?? (
                <>
                  Sends the follow-up letter (with the tracking number and due date) to <strong>{row.contactEmail}</strong> through the outbox.
                </>
              )}
            </p>
            <button type="submit" className="button" disabled={blocker !== null} aria-label={`Send the follow-up letter for ${label}`}>
              Send the follow-up letter
            </button>{" "}
            <Link to={`/requests/${row.id}/letters?kind=follow_up`} className="small">
              Edit it first<span className="visually-hidden"> for {label}</span>
            </Link>
          </Form>
          <Form method="post" className="chase-follow-up__choice">
            <input type="hidden" name="requestId" value={row.id} />
            <input type="hidden" name="intent" value="log-follow-up" />
            <p className="small">Records a follow-up you sent another way; nothing is sent from here.</p>
            <label className="visually-hidden" htmlFor={`channel-${row.id}`}>
              How the follow-up was sent for {requestReference(row)}
            </label>
            <select id={`channel-${row.id}`} name="channel" defaultValue="phone">
              {COMMUNICATION_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c === "email" ? "Email (sent from my own mailbox)" : CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary" aria-label={`Record a follow-up sent elsewhere for ${label}`}>
              Record one sent elsewhere
            </button>
          </Form>
        </div>
      </details>
      <Form method="post" className="inline-form">
        <input type="hidden" name="requestId" value={row.id} />
        <input type="hidden" name="intent" value="set-next-action" />
        <label className="visually-hidden" htmlFor={`next-${row.id}`}>
          Next action date for {requestReference(row)}
        </label>
        <input
          id={`next-${row.id}`}
          type="date"
          name="nextActionOn"
          defaultValue={row.nextActionOn ?? ""}
          aria-invalid={errors?.nextActionOn ? true : undefined}
          aria-describedby={errors ? errorId : undefined}
        />
        <button type="submit" className="button button--quiet" aria-label={`Set next action for ${label}`}>
          Set
        </button>
      </Form>
      {errors ? (
        <p id={errorId} className="field__error" role="alert">
          {Object.values(errors).flat().join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** "1,204": a section's exact total. */
function totalText(s: { total: number }) {
  return formatNumber(s.total);
}

export default function ChaseBoard() {
  const { sections, section: only, paged, nonce } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const today = useToday();
  const canWork = useCan("request.edit");
  const empty = sections.every((s) => s.total === 0);
  return (
    <>
      <PageHeader
        title="Chase board"
        meta={
          <>
            What to chase today. "Log follow-up" either sends the follow-up letter from here or records one sent another way; either is
            noted on the request and schedules the next one in {FOLLOW_UP_INTERVAL_DAYS} days.
          </>
        }
        actions={
          <Link to="/settings/calendar" className="button button--secondary">
            Calendar feed
          </Link>
        }
      />
      {only ? (
        <p>
          <Link to="/chase">Back to the whole board</Link>
        </p>
      ) : (
        <nav aria-label="Sections" className="card small">
          {sections.map((s, i) => (
            <span key={s.key}>
              {i > 0 ? " · " : ""}
              <a href={`#${s.key}`}>
                {s.title} ({totalText(s)})
              </a>
            </span>
          ))}
        </nav>
      )}
      {empty && !only ? <div className="card empty">Nothing to chase: every open request has a plan.</div> : null}
      {only && sections.every((s) => s.shown === 0) ? <div className="card empty">Nothing {paged ? "more " : ""}in this section.</div> : null}
      {sections.map((s) =>
        s.total === 0 ? null : (
          <section key={s.key} id={s.key} className="card" aria-labelledby={`${s.key}-heading`}>
            <h2 id={`${s.key}-heading`}>
              {s.title} <span className="muted">({totalText(s)})</span>
            </h2>
            <p className="muted small">
              {s.description}
              {!only && s.more ? ` The first ${CHASE_BOARD_ROWS} by date are shown.` : ""}
            </p>
            {s.groups.map((g) => (
              <div key={g.assigneeId ?? "unassigned"} className="chase-group">
                <h3>
                  {g.assigneeName} <span className="muted">({g.rows.length})</span>
                </h3>
                <ul className="chase-list">
                  {g.rows.map((r) => (
                    <li key={r.id} className="chase-item">
                      <div>
                        <Link to={`/requests/${r.id}`} className="row-title">
                          {requestReference(r)} {r.title}
                        </Link>{" "}
                        <StatusBadge status={r.status} />
                        <div className="small muted">
                          {r.agencyName} · {r.jurisdictionName}
                        </div>
                        {r.section === "fix_contact" ? (
                          <div className="small error-text">
                            Delivery failed to {r.bouncedAddress ?? "the agency's address"}
                            {r.contactEmail && r.contactEmail.toLowerCase() !== r.bouncedAddress ? `; the contact is now ${r.contactEmail}: resend the letter` : ""}.
                          </div>
                        ) : null}
                        <div className="small">
                          <DueText row={r} today={today} />
                          {r.nextActionOn ? <> · next action <DateText date={r.nextActionOn} today={today} as="when" /></> : null}
                        </div>
                      </div>
                      {canWork ? (
                        <RowActions row={r} nonce={nonce} errors={actionData && actionData.requestId === r.id ? actionData.errors : undefined} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {s.more ? (
              <p>
                {only ? (
                  <Link to={`/chase?section=${s.key}&after=${encodeURIComponent(s.next ?? "")}`} rel="next">
                    Next page<span className="visually-hidden"> of {s.title}</span>
                  </Link>
                ) : (
                  <Link to={`/chase?section=${s.key}`}>
                    Show all {totalText(s)}
                    <span className="visually-hidden"> in {s.title}</span>
                  </Link>
                )}
              </p>
            ) : null}
          </section>
        ),
      )}
    </>
  );
}
