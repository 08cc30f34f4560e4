import { describe, expect, it } from "vitest";
import { openRequestScope, openRequestScopeCount, REQUEST_SCOPE_HEADER, requestMemo } from "~/utils/request-scope.server";

// Remix gives each loader its own copy of the Request; the copies keep the headers, so the scope header makes
// them share what one HTTP request reads once (the viewer).
const copy = (request: Request, query = "") => new Request(`${request.url}${query}`, { method: request.method, headers: request.headers });

describe("requestMemo", () => {
  it("loads once for every copy of a request in the same scope", () => {
    const scope = openRequestScope();
    const original = new Request("http://app.test/requests", { headers: { [REQUEST_SCOPE_HEADER]: scope.id } });
    let loads = 0;
    const a = requestMemo(copy(original), "viewer", () => ({ n: (loads += 1) }));
    const b = requestMemo(copy(original, "?index"), "viewer", () => ({ n: (loads += 1) }));
    expect(loads).toBe(1);
    expect(b).toBe(a);
    scope.close();
  });

  it("never shares between two requests, nor after the scope closed", () => {
    const one = openRequestScope();
    const two = openRequestScope();
    const r1 = new Request("http://app.test/", { headers: { [REQUEST_SCOPE_HEADER]: one.id } });
    const r2 = new Request("http://app.test/", { headers: { [REQUEST_SCOPE_HEADER]: two.id } });
    expect(requestMemo(r1, "viewer", () => "first")).toBe("first");
    expect(requestMemo(r2, "viewer", () => "second")).toBe("second");
    const before = openRequestScopeCount();
    one.close();
    two.close();
    expect(openRequestScopeCount()).toBe(before - 2);
    // A closed (or unknown, e.g. client-made) scope id falls back to the Request object itself.
    const late = copy(r1);
    expect(requestMemo(late, "viewer", () => "again")).toBe("again");
    expect(requestMemo(late, "viewer", () => "not read")).toBe("again");
    expect(requestMemo(copy(r1), "viewer", () => "another copy")).toBe("another copy");
  });

  it("memoises per Request object when the server opened no scope (tests, scripts)", () => {
    const request = new Request("http://app.test/");
    let loads = 0;
    requestMemo(request, "viewer", () => (loads += 1));
    requestMemo(request, "viewer", () => (loads += 1));
    requestMemo(new Request("http://app.test/"), "viewer", () => (loads += 1));
    expect(loads).toBe(2);
  });
});
