// Records contacts keyed by ORI, from a CSV: which columns, and the checks every row must pass. Pure.
import { z } from "zod";

export const CONTACT_COLUMNS = ["ori", "records_contact_name", "records_contact_email", "portal_url", "notes"] as const;
export const MAX_CONTACT_ROWS = 20_000;

export interface ContactRow {
  line: number;
  ori: string;
  recordsContactName?: string;
  recordsContactEmail?: string;
  portalUrl?: string;
  notes?: string;
}

export interface RowProblem {
  line: number;
  column?: string;
  message: string;
}

const email = z.string().email();
const url = z.string().url();

/** The header's columns, lower-cased and trimmed; unknown or missing columns are problems of line 1. */
export function checkHeader(header: string[]): RowProblem[] {
  const columns = header.map((h) => h.trim().toLowerCase());
  const problems: RowProblem[] = [];
  if (!columns.includes("ori")) problems.push({ line: 1, column: "ori", message: "The file needs an “ori” column" });
  for (const c of columns) {
    if (c && !(CONTACT_COLUMNS as readonly string[]).includes(c)) problems.push({ line: 1, column: c, message: `Unknown column “${c}”; use ${CONTACT_COLUMNS.join(", ")}` });
  }
  if (columns.length > 0 && columns.filter((c) => c !== "ori").length === 0) {
    problems.push({ line: 1, message: "The file has no contact column to import" });
  }
  return problems;
}

/** One data row (as column → value) checked: the row, or its problems. Empty cells leave a value as it is. */
export function checkContactRow(line: number, record: Record<string, string | undefined>): { row?: ContactRow; problems: RowProblem[] } {
  const get = (key: string) => {
    const value = record[key]?.trim();
    return value ? value : undefined;
  };
  const problems: RowProblem[] = [];
  const ori = (get("ori") ?? "").toUpperCase();
  if (!ori) problems.push({ line, column: "ori", message: "ORI is empty" });
  else if (!/^[A-Z0-9]{9}$/.test(ori)) problems.push({ line, column: "ori", message: `“${ori}” is not an ORI (nine letters and digits)` });
  const name = get("records_contact_name");
  if (name && name.length > 200) problems.push({ line, column: "records_contact_name", message: "Contact name must be at most 200 characters" });
  const mail = get("records_contact_email");
  if (mail && (mail.length > 254 || !email.safeParse(mail).success)) problems.push({ line, column: "records_contact_email", message: `“${mail}” is not an email address` });
  const portal = get("portal_url");
  if (portal && (portal.length > 2000 || !url.safeParse(portal).success || !/^https?:\/\//i.test(portal))) {
    problems.push({ line, column: "portal_url", message: `“${portal}” is not a web address starting with https://` });
  }
  const notes = get("notes");
  if (notes && notes.length > 5000) problems.push({ line, column: "notes", message: "Notes must be at most 5000 characters" });
  if (problems.length) return { problems };
  return { row: { line, ori, recordsContactName: name, recordsContactEmail: mail, portalUrl: portal, notes }, problems };
}
