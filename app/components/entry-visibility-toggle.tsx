import { Form } from "@remix-run/react";

/** A one-button form that makes a timeline entry or a file internal (seen only by its organization), or shows it again. */
export function EntryVisibilityToggle({
  requestId,
  entryType,
  entryId,
  internal,
}: {
  requestId: string;
  entryType: "event" | "file";
  entryId: string;
  internal: boolean;
}) {
  return (
    <Form method="post" action={`/requests/${requestId}`} className="entry-toggle">
      <input type="hidden" name="intent" value="entry-visibility" />
      <input type="hidden" name="entryType" value={entryType} />
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="internal" value={internal ? "false" : "true"} />
      <button type="submit" className="link-button">
        {internal ? "Show to others" : "Make internal"}
        <span className="visually-hidden">{entryType === "file" ? " (this file)" : " (this entry)"}</span>
      </button>
    </Form>
  );
}
