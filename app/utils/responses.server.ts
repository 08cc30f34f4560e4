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
