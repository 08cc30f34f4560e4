import { sql, type SQL } from "drizzle-orm";
import { communications, inboundMessages, requestEvents, requests } from "../../db/schema";

// What the requests list's search box finds, in one place: Postgres full-text search (the generated
// search_vector columns and their GIN indexes, migration 0016) over
// - the request itself: its title, its agency's tracking number ("PRR-2026-1182") and what is asked;
// - for the viewer's own organization's requests only: the text of the replies filed on it (automatic replies
//   and bounces are left out: their words are a mail server's or an absence notice's, and a bounce quotes our
//   own letter), its logged communications and its notes. A coalition partner sees a shared request's
//   timeline excerpt, not its mail, so searching those would tell it what it can't read;
// and, for a single term of three characters or more, trigram matching (pg_trgm) of the title and the tracking
// number, so a part of a word or of a reference number ("1182", "PRR-20") finds the request too.
// Results are ranked with ts_rank, an exact tracking-number hit first.

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search text as a tsquery: quotes, OR and -word work as on a web search engine. */
function tsQuery(q: string): SQL {
  return sql`websearch_to_tsquery('english', ${q})`;
}

/**
 * Trigrams are for a part of one word or reference number ("1182", "PRR-20", "dispat"): a single term of 3 to 40
 * characters. Several words go through full-text search alone (a trigram scan of common words reads every
 * request that has them).
 */
const usesTrigrams = (q: string) => {
  const term = q.trim();
  return term.length >= 3 && term.length <= 40 && !/\s/.test(term);
};

/**
 * The conditions "the request matches the search text `q`", as alternatives (a request matches if any does),
 * for the requests of one organization: the list runs one query per organization it shows (its own, each
 * coalition partner's), and one per alternative, so each reads through its own indexes:
 * - the request's own text: full-text (GIN on search_vector) or, for 3+ characters, trigrams of the title and
 *   tracking number (GIN pg_trgm), one bitmap scan;
 * - with `ownText`, the texts only the request's own organization may search: filed replies, communications,
 *   notes (each through its GIN index), as a set of request ids.
 */
export function requestTextMatches(organizationId: string, q: string, { ownText }: { ownText: boolean }): SQL[] {
  const query = tsQuery(q);
  const pattern = containsPattern(q.trim());
  const own = usesTrigrams(q)
    ? sql`(${requests.searchVector} @@ ${query} or ${requests.title} ilike ${pattern} or ${requests.trackingNumber} ilike ${pattern})`
    : sql`${requests.searchVector} @@ ${query}`;
  if (!ownText) return [own];
  // The literals match the partial index inbound_search_idx. "= any(array(...))": the few matching ids are
  // collected first and their requests read by primary key; as "in (subquery)" the planner hash-joined them
  // against every request of the organization.
  const related = sql`${requests.id} = any(array(
    select m.request_id from ${inboundMessages} m where m.status = 'filed' and m.classification = 'reply'
      and m.organization_id = ${organizationId} and m.request_id is not null and m.search_vector @@ ${query}
    union select c.request_id from ${communications} c where c.organization_id = ${organizationId} and c.search_vector @@ ${query}
    union select e.request_id from ${requestEvents} e where e.kind = 'note_added' and e.organization_id = ${organizationId}
      and to_tsvector('english', coalesce(e.data ->> 'body', '')) @@ ${query}))`;
  return [own, related];
}

/** How well a request's own text matches (higher first): ts_rank, plus one for a tracking-number hit. */
export function searchRank(q: string): SQL {
  const tracking = usesTrigrams(q) ? sql` + case when ${requests.trackingNumber} ilike ${containsPattern(q.trim())} then 1 else 0 end` : sql``;
  return sql`(ts_rank(${requests.searchVector}, ${tsQuery(q)})${tracking})::real`;
}
