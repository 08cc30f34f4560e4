// What a name typed into a search box means when the form is sent without JavaScript (no suggestion picked):
// the agency, jurisdiction or member boxes (place-choice.server.ts, members.server.ts). Pure: the queries that
// find the candidates are the callers'.

export type TypedChoice<T> = { ok: true; hit: T } | { ok: false; message: string };

/**
 * The one candidate a typed name means: the one whose whole name it is (`exact`), else the only one containing it
 * (`found`, at most `limit` + 1 read); otherwise a message naming a few of them so the person can type more.
 */
export function choiceFromTyped<T>(
  typed: string,
  exact: T[],
  found: T[],
  words: { label: (hit: T) => string; many: string; none: string; more: string; separator?: string },
  limit: number,
): TypedChoice<T> {
  if (exact.length === 1) return { ok: true, hit: exact[0]! };
  if (exact.length === 0 && found.length === 1) return { ok: true, hit: found[0]! };
  if (found.length === 0) return { ok: false, message: words.none };
  const matches = exact.length > 1 ? exact : found;
  const named = matches.slice(0, 3).map(words.label).join(words.separator ?? ", ");
  const count = matches.length > limit ? `More than ${limit}` : String(matches.length);
  return { ok: false, message: `${count} ${words.many} match “${typed}” (${named}${matches.length > 3 ? "…" : ""}): ${words.more}` };
}
