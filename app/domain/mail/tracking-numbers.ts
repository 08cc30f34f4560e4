// Finds the agency's own reference for a request in its reply ("PRR-2026-1182"), to propose it as the
// request's tracking number. Pure. The forms come from what records offices and their portals send:
// - GovQA: "R000123-010126" (a letter, a sequence number, the date received as MMDDYY), after "::" in the
//   subject ("Public Records Request :: R000123-010126") and "given the reference number ..." in the body;
// - NextRequest: "26-123" (the year, a sequence number), as "record request #26-123" / "request 26-123";
// - prefixed numbers: "PRR-2026-1182", "FOIA-2026-00123", "CPRA 26-0456", "EOUSA-2026-001234";
// - anything labelled as one: "Reference No.: 2026-0456", "Tracking number: TPD-7781", "Request #26-123".
// Quoted text (lines starting ">", everything after "-----Original Message-----" or "On ... wrote:") is left
// out, so our own letter's words quoted back are not read as the agency's.

export interface TrackingNumberCandidate {
  value: string;
  /** Which rule found it, for the person checking the proposal. */
  source: "govqa" | "nextrequest" | "prefixed" | "labelled";
  where: "subject" | "body";
}

const GOVQA = /\b([A-Z]{1,2}\d{5,8}-\d{6})\b/g;
const NEXTREQUEST = /\b(?:public\s+)?records?\s+request\s+#?\s*(\d{2}-\d{1,6})\b/gi;
const PREFIXES = "PRR|PRA|CPRA|FOIA|FOIL|FOI|ORR|RTK|RTKL|OPRA|PIA|GRAMA|OPR|PDR|RR|REQ|RQ|EOUSA|OIP";
const PREFIXED = new RegExp(`\\b((?:${PREFIXES})[-–\\s]?\\d{2,4}(?:[-–]\\d{1,8})+)\\b`, "g");
// Any agency prefix before a year: "TPD-2026-0457", "DOJ-2026-12345".
const PREFIX_YEAR = /\b([A-Z]{2,8}-(?:19|20)\d{2}-\d{2,8})\b/g;
const LABELLED =
  /\b(?:reference|ref\.?|tracking|request|case|file|confirmation|control|log)\s*(?:number|no\.?|num\.?|#|id)\s*(?:is\s+|:\s*|#\s*)?#?\s*([A-Z0-9][A-Z0-9-]{1,28}[A-Z0-9])\b/gi;
const LABELLED_HASH = /\b(?:request|reference|case|ticket)\s*#\s*([0-9][0-9-]{1,20}[0-9])\b/gi;

/** The agency's own words: quoted lines and the quoted earlier message cut off. */
export function unquoted(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}/i.test(line)) break;
    if (/^\s*On .{4,200}wrote:\s*$/i.test(line)) break;
    if (/^\s*From:\s.+/i.test(line) && kept.length > 0 && kept[kept.length - 1]!.trim() === "") break;
    if (/^\s*_{10,}\s*$/.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join("\n");
}

function plausible(value: string): boolean {
  if (value.length < 3 || value.length > 30) return false;
  if (!/\d/.test(value)) return false;
  // Dates, phone numbers and ZIP codes are not references.
  if (/^\d{1,2}-\d{1,2}-\d{2,4}$/.test(value) || /^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  if (/^\d{3}-\d{3}-\d{4}$/.test(value) || /^\d{5}(?:-\d{4})?$/.test(value)) return false;
  if (/^0+$/.test(value.replace(/-/g, ""))) return false;
  return true;
}

function collect(text: string, where: TrackingNumberCandidate["where"], into: TrackingNumberCandidate[]) {
  const add = (value: string, source: TrackingNumberCandidate["source"]) => {
    const cleaned = value.trim().replace(/[–]/g, "-").replace(/\s+/g, " ");
    if (!plausible(cleaned)) return;
    if (into.some((c) => c.value.toUpperCase() === cleaned.toUpperCase())) return;
    into.push({ value: cleaned, source, where });
  };
  for (const m of text.matchAll(GOVQA)) add(m[1]!, "govqa");
  for (const m of text.matchAll(NEXTREQUEST)) add(m[1]!, "nextrequest");
  for (const m of text.matchAll(PREFIXED)) add(m[1]!, "prefixed");
  for (const m of text.matchAll(PREFIX_YEAR)) add(m[1]!, "prefixed");
  for (const m of text.matchAll(LABELLED_HASH)) add(m[1]!, "labelled");
  for (const m of text.matchAll(LABELLED)) add(m[1]!, "labelled");
}

/** Candidates in order of trust: the subject before the body, specific forms before labelled ones. */
export function findTrackingNumbers(subject: string, text: string): TrackingNumberCandidate[] {
  const found: TrackingNumberCandidate[] = [];
  collect(subject, "subject", found);
  collect(unquoted(text).slice(0, 20_000), "body", found);
  return found;
}

/** Whether two references are the same (case and dashes aside). */
export function sameTrackingNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (v: string) => v.toUpperCase().replace(/[\s–-]+/g, "-").trim();
  return Boolean(a && b && norm(a) === norm(b));
}
