// The directory's word index: every word of every agency (name, county, state, ORI) with the agencies it
// belongs to, held in memory (about 20,000 agencies and 9,000 distinct words) so a search answers in a few
// milliseconds on either driver. Pure: built from rows, searched without the database.
import { agencyTokens, normalizeText, typoMatches, words, type DirectoryAgency, type StateNames, type TokenField } from "./clean";

const FIELD_WEIGHTS: Record<TokenField, number> = { name: 3, county: 2, state: 1, ori: 3 };
const STOP_WORDS = new Set(["of", "the", "and", "for", "in"]);
const MAX_WORDS = 6;
/** A word of one letter matches only itself; a longer one also the start of longer words, up to this many. */
const MAX_PREFIX_WORDS = 3000;

export type IndexedAgency = Pick<DirectoryAgency, "ori" | "name" | "state" | "counties" | "inCde2025">;

export interface DirectoryIndex {
  version: string;
  oris: string[];
  states: string[];
  nameLengths: Uint16Array;
  current: Uint8Array;
  /** Sorted distinct words, for beginnings (binary search) and typos. */
  vocabulary: string[];
  postings: Map<string, { agencies: Int32Array; weights: Uint8Array }>;
  /** Words already matched (a combobox asks for the same words keystroke after keystroke). */
  matched: Map<string, Array<[string, number]>>;
}

export function buildIndex(version: string, rows: IndexedAgency[], stateName: StateNames): DirectoryIndex {
  const lists = new Map<string, { agencies: number[]; weights: number[] }>();
  rows.forEach((row, i) => {
    for (const { token, field } of agencyTokens(row as DirectoryAgency, stateName)) {
      let list = lists.get(token);
      if (!list) lists.set(token, (list = { agencies: [], weights: [] }));
      list.agencies.push(i);
      list.weights.push(FIELD_WEIGHTS[field]);
    }
  });
  const postings = new Map<string, { agencies: Int32Array; weights: Uint8Array }>();
  for (const [token, list] of lists) postings.set(token, { agencies: Int32Array.from(list.agencies), weights: Uint8Array.from(list.weights) });
  return {
    version,
    oris: rows.map((r) => r.ori),
    states: rows.map((r) => r.state),
    nameLengths: Uint16Array.from(rows.map((r) => Math.min(r.name.length, 65535))),
    current: Uint8Array.from(rows.map((r) => (r.inCde2025 ? 1 : 0))),
    vocabulary: [...postings.keys()].sort(),
    postings,
    matched: new Map(),
  };
}

/** The query's words: normalized, repeated and filler words dropped, at most six. */
export function queryWords(q: string): string[] {
  const all = words(q).slice(0, 20);
  const kept = all.filter((w, i) => all.indexOf(w) === i && !(STOP_WORDS.has(w) && all.length > 1));
  return kept.slice(0, MAX_WORDS);
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index words a query word matches, each with how well: 4 the word itself, 2 a longer word it begins, 1 a typo. */
export function matchingWords(index: DirectoryIndex, word: string): Array<[string, number]> {
  const known = index.matched.get(word);
  if (known) return known;
  const found = new Map<string, number>();
  if (index.postings.has(word)) found.set(word, 4);
  if (word.length >= 2) {
    for (let i = lowerBound(index.vocabulary, word), n = 0; i < index.vocabulary.length && n < MAX_PREFIX_WORDS; i++, n++) {
      const v = index.vocabulary[i]!;
      if (!v.startsWith(word)) break;
      if (!found.has(v)) found.set(v, 2);
    }
  }
  // Typos only for words of letters: an ORI or a number two digits away is another agency.
  if (!/\d/.test(word)) for (const v of typoMatches(word, index.vocabulary)) if (!found.has(v)) found.set(v, 1);
  if (index.matched.size >= 2000) index.matched.clear();
  const result = [...found];
  index.matched.set(word, result);
  return result;
}

export interface IndexHit {
  ori: string;
  score: number;
}

/**
 * Agencies matching every query word (any order): a word matches an agency's word exactly, as its beginning,
 * or a small typo away. Best first: the sum over query words of the best match's quality times its field's
 * weight (name and ORI 3, county 2, state 1); then agencies in the current FBI list, shorter names, the ORI.
 */
export function searchIndex(
  index: DirectoryIndex,
  q: string,
  options: { state?: string; limit: number; offset: number },
): { hits: IndexHit[]; total: number; words: string[] } {
  const qWords = queryWords(q);
  if (qWords.length === 0) return { hits: [], total: 0, words: qWords };
  const n = index.oris.length;
  let total: Float32Array | null = null;
  for (const word of qWords) {
    const best = new Float32Array(n);
    for (const [token, quality] of matchingWords(index, word)) {
      const list = index.postings.get(token)!;
      for (let k = 0; k < list.agencies.length; k++) {
        const i = list.agencies[k]!;
        const s = quality * list.weights[k]!;
        if (s > best[i]!) best[i] = s;
      }
    }
    if (total === null) total = best;
    else for (let i = 0; i < n; i++) total[i] = best[i]! > 0 && total[i]! > 0 ? total[i]! + best[i]! : 0;
  }
  const state = options.state?.toUpperCase();
  const found: number[] = [];
  for (let i = 0; i < n; i++) if (total![i]! > 0 && (!state || index.states[i] === state)) found.push(i);
  found.sort(
    (a, b) =>
      total![b]! - total![a]! ||
      index.current[b]! - index.current[a]! ||
      index.nameLengths[a]! - index.nameLengths[b]! ||
      (index.oris[a]! < index.oris[b]! ? -1 : 1),
  );
  return {
    hits: found.slice(options.offset, options.offset + options.limit).map((i) => ({ ori: index.oris[i]!, score: total![i]! })),
    total: found.length,
    words: qWords,
  };
}

export { normalizeText };
