import { sql, type SQL } from "drizzle-orm";
import { requests, requestSearch } from "../../db/schema";

// What the requests list's search box finds, in one place: Postgres full-text search over request_search, one
// row per request kept by the database's triggers (db/schema/requests.ts, migration 0034), with
// - request_vector: the request itself: its title, its agency's tracking number ("PRR-2026-1182") and what is asked;
// - document: that, and for the viewer's own organization's requests only, the text of the replies filed on it
//   (automatic replies and bounces are left out: their words are a mail server's or an absence notice's, and a
//   bounce quotes our own letter), its logged communications and its notes. A coalition partner sees a shared
//   request's timeline excerpt, not its mail, so it searches request_vector alone;
// and, for a single term of three characters or more, trigram matching (pg_trgm) of the title and the tracking
// number, so a part of a word or of a reference number ("1182", "PRR-20") finds the request too.
// Results are ranked with ts_rank, an exact tracking-number hit first.
//
// Each organization's rows are read through one of two indexes of that narrow table, whichever the planner
// expects to be cheaper: the GIN indexes (a rare word: its few matches), or the organization's rows latest first
// (a common word: the most recent matches come first, and the list stops after RANKED_MATCHES of them).

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

/** "-word" excludes a word (websearch_to_tsquery): a query that can be true of less text than of more. */
const excludesWords = (q: string) => /(^|[\s"(])-/.test(q);

/**
 * The condition "the request_search row matches the search text `q`" for one organization's part of the list:
 * with `ownText`, the request's own organization's whole document; otherwise (a partner's shared request) the
 * request's own text alone. A partner's search also asks the document, which holds the request's own text, so
 * the document's GIN index finds its candidates — except for a query that excludes a word, which a note could
 * hold (the document would then not match where the request's own text does).
 */
export function searchMatch(q: string, { ownText }: { ownText: boolean }): SQL {
  const query = tsQuery(q);
  const text = ownText
    ? sql`${requestSearch.document} @@ ${query}`
    : excludesWords(q)
      ? sql`${requestSearch.requestVector} @@ ${query}`
      : sql`(${requestSearch.document} @@ ${query} and ${requestSearch.requestVector} @@ ${query})`;
  if (!usesTrigrams(q)) return text;
  const pattern = containsPattern(q.trim());
  return sql`(${text} or ${requestSearch.title} ilike ${pattern} or ${requestSearch.trackingNumber} ilike ${pattern})`;
}

/** The request_search rows of one organization's part (a partner's: its shared requests only). */
export function searchPartRows(organizationId: string, { ownText }: { ownText: boolean }): SQL {
  return sql`${requestSearch.organizationId} = ${organizationId}${ownText ? sql`` : sql` and ${requestSearch.shared}`}`;
}

/** The request_search rows of one organization's part that match `q` (a partner's: its shared requests only). */
export function searchConditions(organizationId: string, q: string, { ownText }: { ownText: boolean }): SQL {
  return sql`${searchPartRows(organizationId, { ownText })} and ${searchMatch(q, { ownText })}`;
}

/** "The request matches `q`" as a condition on requests (for queries that read requests in another order). */
export function requestTextMatches(organizationId: string, q: string, options: { ownText: boolean }): SQL {
  return sql`${requests.id} in (select ${requestSearch.requestId} from ${requestSearch} where ${searchConditions(organizationId, q, options)})`;
}

/** How well a request_search row matches (higher first): ts_rank, plus one for a tracking-number hit. */
export function searchRank(q: string, { ownText }: { ownText: boolean }): SQL {
  const tracking = usesTrigrams(q) ? sql` + case when ${requestSearch.trackingNumber} ilike ${containsPattern(q.trim())} then 1 else 0 end` : sql``;
  return sql`(ts_rank(${ownText ? requestSearch.document : requestSearch.requestVector}, ${tsQuery(q)})${tracking})::real`;
}
