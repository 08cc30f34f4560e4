import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { inboundMessages, requests } from "../../db/schema";
import type { Viewer } from "./accounts.server";

// What the requests list's search box finds, in one place: the title, what is asked, the agency's tracking
// number, and the text of the agency's emails received on the request. A full-text search can replace the
// body of `requestTextMatch` without touching its callers.

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The condition "the request matches the search text `q`" (case-insensitive substring):
 * - its title, its description or its tracking number ("PRR-2026-1182");
 * - the subject or text of a reply filed on it (automatic replies and bounces are left out: their words are
 *   a mail server's or an absence notice's, and a bounce quotes our own letter). Only for the viewer's own
 *   organization's requests: a coalition partner sees a shared request's timeline excerpt, not its mail, so
 *   searching the mail would tell it what it can't read.
 */
export function requestTextMatch(viewer: Pick<Viewer, "organizationId">, q: string): SQL {
  const pattern = containsPattern(q);
  const inMail = sql`exists (select 1 from ${inboundMessages} where ${inboundMessages.requestId} = ${requests.id}
    and ${inboundMessages.status} = 'filed' and ${inboundMessages.classification} = 'reply'
    and (${inboundMessages.subject} ilike ${pattern} or ${inboundMessages.textBody} ilike ${pattern}))`;
  return or(
    ilike(requests.title, pattern),
    ilike(requests.description, pattern),
    ilike(requests.trackingNumber, pattern),
    and(eq(requests.organizationId, viewer.organizationId), inMail),
  )!;
}
