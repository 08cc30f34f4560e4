import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { CopyField } from "~/components/copy-field";
import { DateText } from "~/components/date-text";
import { DataTable } from "~/components/ui/data-table";
import { ButtonGroup } from "~/components/ui/button-group";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createCalendarFeed, listCalendarFeeds, revokeCalendarFeed } from "~/domain/calendar-feed.server";
import { isUuid } from "~/domain/requests.server";
import { requirePermission } from "~/domain/permissions";
import { requireViewer } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { useTimeZone } from "~/utils/use-root";
import { readFormData } from "~/utils/bounded-input.server";
import { appUrl } from "~/utils/app-url.server";
import { PageHeader } from "~/components/ui/page-header";

export const meta: MetaFunction = () => [{ title: "Calendar feed · JointAsk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return json({ feeds: await listCalendarFeeds(viewer) });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requirePermission(viewer, "calendarFeed.manage");
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "create") {
    const token = await createCalendarFeed(viewer);
    // Shown once, in this response only: the database keeps a hash.
    return json({ url: `${appUrl()}/calendar/${token}.ics` });
  }
  if (intent === "revoke") {
    const feedId = String(form.get("feedId") ?? "");
    if (!isUuid(feedId) || !(await revokeCalendarFeed(viewer, feedId))) throw new Response("No such feed.", { status: 404 });
    return redirectWithFlash("/settings/calendar", { kind: "success", message: "Feed revoked: its address no longer works." });
  }
  throw new Response("Unknown action.", { status: 400 });
}

export default function CalendarSettings() {
  const { feeds } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        title="Calendar feed"
        meta={
          <>
            Subscribe in Google Calendar, Outlook or Apple Calendar to see due dates, extensions, appeal deadlines and next actions of your
            organization's open requests.
          </>
        }
      />
      {created?.url ? (
        <Card role="status">
          <h2>Your new feed address</h2>
          <p>Copy it now: for your security it is shown only once. Anyone with this address can read the calendar.</p>
          <CopyField id="feed-url" label="Feed address" value={created.url} />
          <ButtonGroup as="p">
            <a className="button" href={created.url.replace(/^https?:/, "webcal:")}>
              Open in your calendar app
            </a>
            <span className="small muted">(a webcal: link: Apple Calendar, Outlook and most others subscribe from it)</span>
          </ButtonGroup>
        </Card>
      ) : null}
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <button type="submit" className="button">
            Create a feed address
          </button>
        </Form>
      </Card>
      <Card aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">Your feed addresses</h2>
        {feeds.length ? (
          <DataTable columns={["Created", "Last used", "State", <span className="visually-hidden">Actions</span>]}>
            {feeds.map((f) => (
              <tr key={f.id}>
                <td data-label="Created"><DateText instant={f.createdAt} timeZone={timeZone} /></td>
                <td data-label="Last used">{f.lastUsedAt ? <DateText instant={f.lastUsedAt} timeZone={timeZone} /> : "never"}</td>
                <td data-label="State">{f.revokedAt ? <Badge tone="muted">Revoked</Badge> : <Badge tone="success">Active</Badge>}</td>
                <td>
                  {f.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="feedId" value={f.id} />
                      <button type="submit" className="button button--quiet">
                        Revoke
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">None yet.</p>
        )}
      </Card>
    </>
  );
}
