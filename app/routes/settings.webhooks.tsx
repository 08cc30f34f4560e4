import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors, TextField } from "~/components/fields";
import { can, requirePermission } from "~/domain/permissions";
import {
  createEndpoint,
  deleteEndpoint,
  endpointSecret,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  parseDeliveryCursor,
  queuePing,
  redeliver,
  setEndpointEnabled,
  updateEndpoint,
} from "~/domain/webhooks/endpoints.server";
import { VERIFICATION_SNIPPET, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_STATUS_LABELS } from "~/domain/webhooks/labels";
import { requireViewer } from "~/utils/auth.server";
import { readFormData } from "~/utils/bounded-input.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useTimeZone } from "~/utils/use-root";
import type { WebhookDeliveryEventType, WebhookDeliveryStatus } from "../../db/schema/values";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Webhooks · JointAsk" }];

const PAGE = "/settings/webhooks";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "webhooks.manage");
  const params = new URL(request.url).searchParams;
  const endpoints = await listEndpoints(viewer);
  const editing = endpoints.find((e) => e.id === params.get("edit")) ?? null;
  const logOf = endpoints.find((e) => e.id === params.get("endpoint")) ?? null;
  const before = parseDeliveryCursor(params.get("before"));
  const log = logOf ? await listDeliveries(viewer, logOf.id, before) : null;
  return json({ endpoints, editing, logOf, log, paged: Boolean(before), mayRevealSecrets: can(viewer, "org.settings") });
}

type Values = { url?: string; description?: string; events?: string[]; enabled?: boolean };

function endpointForm(form: FormData) {
  return {
    url: String(form.get("url") ?? ""),
    description: String(form.get("description") ?? ""),
    events: form.getAll("events").map(String),
    enabled: form.get("enabled") === "on",
  };
}

const notFound = () => new Response("No such webhook endpoint.", { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "webhooks.manage");
  const form = await readFormData(request);
  const intent = form.get("intent");
  const endpointId = String(form.get("endpointId") ?? "");
  switch (intent) {
    case "create": {
      const values = endpointForm(form);
      const result = await createEndpoint(viewer, { ...values, enabled: true });
      if (!result.ok) return json({ intent: "create" as const, errors: result.fieldErrors, values: values as Values }, { status: 422 });
      // The secret, shown once in this answer; admins may reveal it again later.
      return json({ intent: "created" as const, secret: result.value.secret, endpointId: result.value.id });
    }
    case "update": {
      const values = endpointForm(form);
      const result = await updateEndpoint(viewer, endpointId, values);
      if (!result) throw notFound();
      if (!result.ok) return json({ intent: "update" as const, errors: result.fieldErrors, values: values as Values }, { status: 422 });
      return redirectWithFlash(PAGE, { kind: "success", message: "Endpoint saved." });
    }
    case "enable":
    case "disable": {
      if (!(await setEndpointEnabled(viewer, endpointId, intent === "enable"))) throw notFound();
      return redirectWithFlash(PAGE, { kind: "success", message: intent === "enable" ? "Endpoint enabled." : "Endpoint disabled: nothing is sent to it until you enable it." });
    }
    case "delete": {
      if (!(await deleteEndpoint(viewer, endpointId))) throw notFound();
      return redirectWithFlash(PAGE, { kind: "success", message: "Endpoint deleted, with its delivery log." });
    }
    case "send-test": {
      if (!(await queuePing(viewer, endpointId))) throw notFound();
      return redirectWithFlash(`${PAGE}?endpoint=${endpointId}`, { kind: "success", message: "Test delivery queued: it appears in the log below within seconds." });
    }
    case "redeliver": {
      const deliveryId = String(form.get("deliveryId") ?? "");
      if (!(await getEndpoint(viewer, endpointId)) || !(await redeliver(viewer, deliveryId))) throw new Response("No such delivery.", { status: 404 });
      return redirectWithFlash(`${PAGE}?endpoint=${endpointId}`, { kind: "success", message: "Delivery queued again." });
    }
    case "reveal-secret":
    case "rotate-secret": {
      requirePermission(viewer, "org.settings");
      const secret = await endpointSecret(viewer, endpointId, { rotate: intent === "rotate-secret" });
      if (!secret) throw notFound();
      return json({ intent: intent === "rotate-secret" ? ("rotated" as const) : ("revealed" as const), secret, endpointId });
    }
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

function EndpointFields({ values, errors, editing }: { values: Values; errors?: Record<string, string[]>; editing: boolean }) {
  const chosen = new Set(values.events ?? []);
  return (
    <>
      <TextField
        id="url"
        name="url"
        type="url"
        label="Endpoint address"
        hint="An https:// address on the public internet that accepts POST requests."
        defaultValue={values.url ?? ""}
        maxLength={2000}
        required
        errors={errors?.url}
      />
      <TextField id="description" name="description" label="Description (optional)" defaultValue={values.description ?? ""} maxLength={200} errors={errors?.description} />
      <fieldset className="checkbox-fieldset" aria-describedby={errors?.events?.length ? "events-error" : undefined}>
        <legend>Events to send</legend>
        <div className="checkbox-columns">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label className="checkbox" key={type}>
              <input type="checkbox" name="events" value={type} defaultChecked={chosen.has(type)} /> {WEBHOOK_EVENT_LABELS[type]}
            </label>
          ))}
        </div>
        <FieldErrors id="events-error" errors={errors?.events} />
      </fieldset>
      {editing ? (
        <label className="checkbox">
          <input type="checkbox" name="enabled" value="on" defaultChecked={values.enabled ?? true} /> Enabled
        </label>
      ) : null}
    </>
  );
}

export default function WebhookSettings() {
  const { endpoints, editing, logOf, log, paged, mayRevealSecrets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const timeZone = useTimeZone();
  const failedCreate = actionData && "errors" in actionData && actionData.intent === "create" ? actionData : null;
  const failedUpdate = actionData && "errors" in actionData && actionData.intent === "update" ? actionData : null;
  const shownSecret = actionData && "secret" in actionData ? actionData : null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        meta={
          <>
            JointAsk can tell your own systems when something happens to your organization's requests: it POSTs a signed JSON message to each
            endpoint you add here. See <Link to="/account">your account</Link> for API tokens and the calendar feed.
          </>
        }
      />

      {shownSecret ? (
        <Card role="status" aria-labelledby="secret-heading">
          <h2 id="secret-heading">{shownSecret.intent === "created" ? "Endpoint added: its signing secret" : shownSecret.intent === "rotated" ? "New signing secret" : "Signing secret"}</h2>
          <p>
            Keep it in your receiver's configuration to check each delivery's signature.
            {shownSecret.intent === "created" ? " Copy it now: only admins can show it again." : ""}
            {shownSecret.intent === "rotated" ? " The old secret no longer signs deliveries." : ""}
          </p>
          <label htmlFor="secret" className="small">
            Secret
          </label>
          <input id="secret" type="text" readOnly value={shownSecret.secret} onFocus={(e) => e.currentTarget.select()} />
        </Card>
      ) : null}

      <Card aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {endpoints.length ? (
          <DataTable columns={["Address", "Events", "State", "Last delivered", <span className="visually-hidden">Actions</span>]}>
            {endpoints.map((e) => (
              <tr key={e.id}>
                <td data-label="Address">
                  <code>{e.url}</code>
                  {e.description ? <div className="muted small">{e.description}</div> : null}
                </td>
                <td data-label="Events">{e.events.map((t) => WEBHOOK_EVENT_LABELS[t].split(" (")[0]).join(", ")}</td>
                <td data-label="State">
                  {e.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="muted">Disabled</Badge>}
                  {e.failed ? <div className="small">{e.failed} failed</div> : null}
                </td>
                <td data-label="Last delivered">{e.lastDeliveredAt ? <DateText instant={e.lastDeliveredAt} timeZone={timeZone} /> : "never"}</td>
                <td>
                  <ButtonGroup>
                    <Link to={`?endpoint=${e.id}#log-heading`} className="button button--quiet">
                      Delivery log
                    </Link>
                    <Link to={`?edit=${e.id}#edit-heading`} className="button button--quiet">
                      Edit
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="endpointId" value={e.id} />
                      <button type="submit" name="intent" value="send-test" className="button button--quiet">
                        Send test
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="endpointId" value={e.id} />
                      {e.enabled ? (
                        <button type="submit" name="intent" value="disable" className="button button--quiet">
                          Disable
                        </button>
                      ) : (
                        <button type="submit" name="intent" value="enable" className="button button--quiet">
                          Enable
                        </button>
                      )}
                    </Form>
                    {mayRevealSecrets ? (
                      <Form method="post">
                        <input type="hidden" name="endpointId" value={e.id} />
                        <button type="submit" name="intent" value="reveal-secret" className="button button--quiet">
                          Show secret
                        </button>
                        <button type="submit" name="intent" value="rotate-secret" className="button button--quiet">
                          New secret
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <input type="hidden" name="endpointId" value={e.id} />
                      <button type="submit" name="intent" value="delete" className="button button--quiet" aria-label={`Delete the endpoint ${e.url}`}>
                        Delete
                      </button>
                    </Form>
                  </ButtonGroup>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">None yet.</p>
        )}
      </Card>

      {editing ? (
        <Card aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit {editing.url}</h2>
          <Form method="post" className="form" key={editing.id}>
            <input type="hidden" name="endpointId" value={editing.id} />
            <FormErrors errors={failedUpdate?.errors[""]} />
            <EndpointFields values={failedUpdate?.values ?? editing} errors={failedUpdate?.errors} editing />
            <ButtonGroup>
              <button type="submit" name="intent" value="update" className="button">
                Save endpoint
              </button>
              <Link to="." className="button button--secondary">
                Cancel
              </Link>
            </ButtonGroup>
          </Form>
        </Card>
      ) : (
        <Card aria-labelledby="add-heading">
          <h2 id="add-heading">Add an endpoint</h2>
          <Form method="post" className="form">
            <FormErrors errors={failedCreate?.errors[""]} />
            <EndpointFields values={failedCreate?.values ?? { events: [...WEBHOOK_EVENT_TYPES] }} errors={failedCreate?.errors} editing={false} />
            <ButtonGroup>
              <button type="submit" name="intent" value="create" className="button">
                Add endpoint
              </button>
            </ButtonGroup>
          </Form>
        </Card>
      )}

      {logOf && log ? (
        <Card aria-labelledby="log-heading">
          <h2 id="log-heading">Deliveries to {logOf.url}</h2>
          {log.rows.length ? (
            <DataTable captionClassName="visually-hidden" caption="Newest first, 50 to a page" columns={["Time", "Event", "Result", "Status code", "Attempts", "Next retry", "Error", <span className="visually-hidden">Actions</span>]}>
              {log.rows.map((d) => (
                <tr key={d.id}>
                  <td data-label="Time"><DateText instant={d.createdAt} timeZone={timeZone} /></td>
                  <td data-label="Event">
                    {WEBHOOK_EVENT_LABELS[d.eventType as WebhookDeliveryEventType]?.split(" (")[0] ?? d.eventType}
                    {d.reference ? <div className="muted small">{d.reference}</div> : null}
                  </td>
                  <td data-label="Result">{WEBHOOK_STATUS_LABELS[d.status as WebhookDeliveryStatus]}</td>
                  <td data-label="Status code">{d.lastStatusCode ?? "–"}</td>
                  <td data-label="Attempts">
                    {d.attempts} of {d.maxAttempts}
                  </td>
                  <td data-label="Next retry">{d.status === "pending" && d.attempts > 0 ? <DateText instant={d.nextAttemptAt} timeZone={timeZone} /> : "–"}</td>
                  <td data-label="Error">{d.lastError ?? ""}</td>
                  <td>
                    {d.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="endpointId" value={logOf.id} />
                        <input type="hidden" name="deliveryId" value={d.id} />
                        <button type="submit" name="intent" value="redeliver" className="button button--quiet">
                          Redeliver
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p className="muted">Nothing delivered yet. “Send test” sends a ping.</p>
          )}
          <nav className="pagination" aria-label="Delivery log pages">
            {paged ? <Link to={`?endpoint=${logOf.id}#log-heading`}>Newest</Link> : <span />}
            {log.next ? <Link to={`?endpoint=${logOf.id}&before=${encodeURIComponent(log.next)}#log-heading`}>Older deliveries</Link> : null}
          </nav>
        </Card>
      ) : null}

      <Card aria-labelledby="signing-heading">
        <h2 id="signing-heading">What is sent, and how to check it</h2>
        <p>
          Each delivery is a POST with a JSON body: <code>id</code> (the delivery), <code>type</code>, <code>occurred_at</code>, and for request
          events <code>request</code> (its id, reference such as TRC-12, title, status, due date, agency, and <code>url</code> of its API resource)
          with <code>change</code> (what happened). Only your organization's own requests are sent.
        </p>
        <p>Headers:</p>
        <ul>
          <li>
            <code>JointAsk-Event</code>: the event type (<code>ping</code> for a test).
          </li>
          <li>
            <code>JointAsk-Delivery</code>: the delivery's id, the same at every retry: use it to ignore a repeat.
          </li>
          <li>
            <code>JointAsk-Signature</code>: <code>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where v1 is the HMAC-SHA256, keyed with the endpoint's
            secret, of <code>&lt;t&gt;.&lt;raw body&gt;</code>. Reject a signature that doesn't match or a <code>t</code> more than five minutes old.
          </li>
        </ul>
        <p>
          Answer with any 2xx status within 10 seconds. Otherwise the delivery is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 12
          hours, then marked failed after {WEBHOOK_MAX_ATTEMPTS} attempts (you can redeliver it from the log). Only the first 1 KB of your answer is
          kept.
        </p>
        <p id="verification-snippet">Checking a delivery in Node.js:</p>
        {/* It scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
        <pre className="code-block" tabIndex={0} aria-labelledby="verification-snippet">
          <code>{VERIFICATION_SNIPPET}</code>
        </pre>
      </Card>
    </>
  );
}
