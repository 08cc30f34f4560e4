import { json } from "@remix-run/node";

export function notFound(what = "page"): Response {
  return new Response(`No such ${what}.`, { status: 404, statusText: "Not Found" });
}

export function apiError(status: number, error: string, fieldErrors?: Record<string, string[]>) {
  return json({ error, ...(fieldErrors ? { fieldErrors } : {}) }, { status });
}

/** A Conform submission's errors as { field: [messages] } for API responses ("" for the whole body). */
export function fieldErrorsOfSubmission(error: Record<string, string[] | null> | null | undefined): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error ?? {})) if (messages?.length) errors[key || "body"] = messages;
  return errors;
}

/** zod issues as { field: [messages] } for API responses. */
export function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "body";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** 400 for a query string the page can't read, naming each field and what is wrong with it. */
export function badQuery(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Response {
  const lines = Object.entries(fieldErrorsOf(issues)).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return new Response(`Bad query. ${lines.join("; ")}`, { status: 400, statusText: "Bad Request" });
}
