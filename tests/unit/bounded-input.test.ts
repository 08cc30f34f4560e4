import { describe, expect, it } from "vitest";
import {
  checkFieldNames,
  guardRequest,
  InputRefused,
  jsonNestsDeeperThan,
  LIMITS,
  readFormData,
  unstorableCharacter,
  withoutUnstorable,
} from "~/utils/bounded-input.server";

const OPTIONS = { multipartBytes: 10 * 1024 * 1024 };

function post(body: BodyInit | null, contentType: string | null, url = "http://localhost/login"): Request {
  const headers = new Headers();
  if (contentType !== null) headers.set("Content-Type", contentType);
  return new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

async function statusOf(request: Request): Promise<number> {
  try {
    await guardRequest(request, OPTIONS);
    return 200;
  } catch (error) {
    if (error instanceof InputRefused) return error.status;
    throw error;
  }
}

const FORM = "application/x-www-form-urlencoded";

describe("the bounded-input guard", () => {
  it("refuses the hostile form shapes before any parser sees them", async () => {
    const cases: Array<[string, string, number]> = [
      ["a 20-million array index", "email=a@b.org&password=x&x[20000000]=1", 400],
      ["a 100-million array index", "email=a@b.org&password=x&x[100000000]=1", 400],
      ["an index of 400 digits", `x[${"9".repeat(400)}]=1`, 400],
      ["a huge key", `${"k".repeat(100_000)}=1`, 400],
      ["deep nesting", `${"a.".repeat(50)}b=1`, 400],
      ["deep bracket nesting", `a${"[b]".repeat(50)}=1`, 400],
      ["many fields", Array.from({ length: LIMITS.formFields + 1 }, (_, i) => `f${i}=1`).join("&"), 413],
      ["many bare ampersands", "&".repeat(LIMITS.formFields + 10), 413],
      ["many arrays just under the index limit", Array.from({ length: 10 }, (_, i) => `a${i}[9999]=1`).join("&"), 413],
      ["a body over the size limit", `note=${"x".repeat(LIMITS.formBytes)}`, 413],
      ["a NUL in a value", "email=a%00@b.org&password=x", 400],
      ["a NUL in a name", "em%00ail=a@b.org", 400],
    ];
    for (const [label, body, status] of cases) expect(await statusOf(post(body, FORM)), label).toBe(status);
  });

  it("passes the forms the app sends", async () => {
    const ok = ["email=a@b.org&password=x", "intent=update-states&fields[0].id=1&fields[0].state=received&fields[499].id=2", "", "q=caf%C3%A9"];
    for (const body of ok) expect(await statusOf(post(body, FORM)), body).toBe(200);
    const guarded = await guardRequest(post("title=Stops&tags=a&tags=b", FORM), OPTIONS);
    const form = await guarded.formData();
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.get("title")).toBe("Stops");
  });

  it("reads no more than the limit of a body sent without a length", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    expect(await statusOf(post(endless, FORM))).toBe(413);
    expect(pulled).toBeLessThanOrEqual(LIMITS.formBytes + 2 * 64 * 1024);
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const headers = new Headers({ "Content-Type": FORM, "Content-Length": String(LIMITS.formBytes + 1) });
    let read = false;
    const body = new ReadableStream({ pull: () => void (read = true) }, { highWaterMark: 0 });
    const request = new Request("http://localhost/login", { method: "POST", headers, body, duplex: "half" } as RequestInit);
    expect(await statusOf(request)).toBe(413);
    expect(read).toBe(false);
  });

  it("refuses JSON too deep, too large, broken or holding NUL, naming the field", async () => {
    const api = "http://localhost/api/v1/requests";
    expect(await statusOf(post(`${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json", api))).toBe(400);
    expect(await statusOf(post(`{"a":${"{\"b\":".repeat(100)}1${"}".repeat(100)}}`, "application/json", api))).toBe(400);
    expect(await statusOf(post(`{"title":"${"x".repeat(LIMITS.jsonBytes)}"}`, "application/json", api))).toBe(413);
    expect(await statusOf(post(`{"title":`, "application/json", api))).toBe(400);
    expect(await statusOf(post(JSON.stringify({ title: "a\u0000b" }), "application/json", api))).toBe(400);
    try {
      await guardRequest(post(JSON.stringify({ tags: ["ok", "b\u0000"] }), "application/json", api), OPTIONS);
      expect.unreachable();
    } catch (error) {
      expect((error as InputRefused).field).toBe("tags.1");
    }
    expect(await statusOf(post(JSON.stringify({ title: "Stops", nested: { a: [1, 2] } }), "application/json", api))).toBe(200);
  });

  it("sorts content types: multipart needs a boundary, unknown types are 415, an empty untyped POST is an empty form", async () => {
    expect(await statusOf(post("--x\r\n", "multipart/form-data"))).toBe(400);
    expect(await statusOf(post("hello", "text/plain"))).toBe(415);
    expect(await statusOf(post("email=a", null))).toBe(415);
    const empty = await guardRequest(post(null, null), OPTIONS);
    expect(empty.headers.get("Content-Type")).toBe(FORM);
    expect([...(await empty.formData()).keys()]).toEqual([]);
    const tooBig = new Headers({ "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(OPTIONS.multipartBytes + 1) });
    expect(await statusOf(new Request("http://localhost/x", { method: "POST", headers: tooBig, body: "x" }))).toBe(413);
  });

  it("checks the query string: length, count, names and NUL", async () => {
    const get = (query: string) => new Request(`http://localhost/r?${query}`);
    expect(await statusOf(get("q=%00"))).toBe(400);
    expect(await statusOf(get(`q=${"x".repeat(LIMITS.urlBytes)}`))).toBe(400);
    expect(await statusOf(get(Array.from({ length: LIMITS.queryParams + 1 }, (_, i) => `p${i}=1`).join("&")))).toBe(400);
    expect(await statusOf(get("x[20000000]=1"))).toBe(400);
    expect(await statusOf(get("q=stops&page=2"))).toBe(200);
    expect(await statusOf(new Request("http://localhost/requests/%00"))).toBe(400);
    expect(await statusOf(new Request("http://localhost/requests/%FF"))).toBe(400);
    expect(await statusOf(new Request("http://localhost/laws/caf%C3%A9"))).toBe(200);
  });
});

describe("readFormData", () => {
  function multipartBody(parts: string[], boundary = "XyZ") {
    return { body: parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("") + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
  }

  it("reads a multipart form's fields within limits and refuses truncated or hostile ones", async () => {
    const { body, type } = multipartBody(['Content-Disposition: form-data; name="title"\r\n\r\nStops', 'Content-Disposition: form-data; name="tags"\r\n\r\na']);
    const form = await readFormData(post(body, type));
    expect(form.get("title")).toBe("Stops");

    const cut = body.slice(0, body.length - 20);
    const refused = async (request: Request) => {
      try {
        await readFormData(request);
        return 200;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status;
        throw thrown;
      }
    };
    expect(await refused(post(cut, type))).toBe(400);
    const hostile = multipartBody(['Content-Disposition: form-data; name="x[20000000]"\r\n\r\n1']);
    expect(await refused(post(hostile.body, hostile.type))).toBe(400);
    const nul = multipartBody(['Content-Disposition: form-data; name="title"\r\n\r\na\u0000b']);
    expect(await refused(post(nul.body, nul.type))).toBe(400);
    expect(await refused(post(JSON.stringify({ a: 1 }), "application/json"))).toBe(415);
    expect(await refused(post("a", "text/plain"))).toBe(415);
  });

  it("keeps file names with ; and = whole", async () => {
    const { body, type } = multipartBody(['Content-Disposition: form-data; name="document"; filename="contract; v=2.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4']);
    const form = await readFormData(post(body, type), { files: { names: ["document"], maxBytes: 1024 } });
    const file = form.get("document") as File;
    expect(file.name).toBe("contract; v=2.pdf");
    expect(await file.text()).toBe("%PDF-1.4");
  });

  it("names the refused field in the response", async () => {
    try {
      await readFormData(post("title=a%00b", FORM, "http://localhost/requests/new"));
      expect.unreachable();
    } catch (thrown) {
      const response = thrown as Response;
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("“title”");
    }
  });
});

describe("the pieces", () => {
  it("finds the characters Postgres cannot store", () => {
    expect(unstorableCharacter("plain text, café, 😀")).toBeNull();
    expect(unstorableCharacter("a\u0000b")).toBe("U+0000");
    expect(unstorableCharacter("a\uD800b")).toBe("U+D800");
    expect(unstorableCharacter("a\uDC00")).toBe("U+DC00");
    expect(withoutUnstorable("a\u0000b\uD800c")).toEqual({ text: "ab\uFFFDc", removed: 2 });
  });

  it("measures JSON depth without being fooled by brackets in strings", () => {
    expect(jsonNestsDeeperThan('{"a":"[[[[[[[[[["}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"\\"[[[[["}', 3)).toBe(false);
    expect(jsonNestsDeeperThan("[[[[1]]]]", 3)).toBe(true);
  });

  it("counts the list entries names would make", () => {
    expect(() => checkFieldNames(["fields[9999].id"])).not.toThrow();
    expect(() => checkFieldNames(["fields[10000].id"])).toThrow(InputRefused);
    expect(() => checkFieldNames(["a[9999]", "b[9999]", "c[9999]"])).toThrow(InputRefused);
  });
});

describe("the routes", () => {
  it("read forms only through readFormData (bounded), never request.formData() or Remix's multipart parser", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const dir = path.join(__dirname, "..", "..", "app", "routes");
    const offenders = readdirSync(dir).filter((file) => /request\.formData\(\)|unstable_parseMultipartFormData/.test(readFileSync(path.join(dir, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
