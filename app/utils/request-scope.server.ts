import { randomUUID } from "node:crypto";

// What one HTTP request reads once, however many loaders ask. Remix hands each loader of a page its own copy
// of the Request (it strips its internal query parameters into a new Request per loader), so a memo keyed by
// the Request object is never shared by the root loader and the route's: the session was read twice per page.
// The copies keep the headers, so the server tags the Request it builds with a scope id (REQUEST_SCOPE_HEADER,
// set by the server over whatever the client sent) and the memo lives in that scope until the response closes.
// Nothing outlives the HTTP request, so nothing can go stale across requests or instances.

export const REQUEST_SCOPE_HEADER = "x-jointask-request-scope";

const scopes = new Map<string, Map<string, unknown>>();

/** Opens a scope for one HTTP request; the returned function closes it (call it when the response closes). */
export function openRequestScope(): { id: string; close: () => void } {
  const id = randomUUID();
  scopes.set(id, new Map());
  return { id, close: () => void scopes.delete(id) };
}

const byRequest = new WeakMap<Request, Map<string, unknown>>();

/**
 * `load()` once per HTTP request for `key`: within the request's scope when the server opened one, else (a
 * Request made by a test, or by code outside the server) per Request object.
 */
export function requestMemo<T>(request: Request, key: string, load: () => T): T {
  const id = request.headers.get(REQUEST_SCOPE_HEADER);
  let memo = id ? scopes.get(id) : undefined;
  if (!memo) {
    memo = byRequest.get(request);
    if (!memo) byRequest.set(request, (memo = new Map()));
  }
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as T;
}

/** How many scopes are open (the tests check that each is closed). */
export function openRequestScopeCount(): number {
  return scopes.size;
}
