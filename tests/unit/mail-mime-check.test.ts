import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { base64Problem, mimeStructureProblem, parseHeaderValue } from "~/domain/mail/mime-check";

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "fixtures", "mail", name));

const message = (...lines: string[]) => lines.join("\r\n");

describe("the MIME structure check", () => {
  it("passes a well-formed message with nested multiparts, a preamble and an epilogue", () => {
    expect(mimeStructureProblem(fixture("agency-reply-with-attachment.eml"))).toBeNull();
    expect(mimeStructureProblem(message("From: a@b.example", "Subject: plain", "", "Just text, no MIME at all."))).toBeNull();
  });

  it("finds a multipart cut off before its closing boundary", () => {
    expect(mimeStructureProblem(fixture("truncated-multipart.eml"))).toMatch(/never reaches its closing boundary: the message seems to have been cut off/);
    // Cut inside a nested multipart: the outer closing boundary can't stand in for the inner one.
    const nested = message(
      "From: a@b.example",
      'Content-Type: multipart/mixed; boundary="outer"',
      "",
      "--outer",
      'Content-Type: multipart/alternative; boundary="inner"',
      "",
      "--inner",
      "Content-Type: text/plain",
      "",
      "text",
      "--outer--",
    );
    expect(mimeStructureProblem(nested)).toMatch(/cut off/);
    expect(mimeStructureProblem(nested.replace("--outer--", "--inner--\r\n--outer--"))).toBeNull();
  });

  it("finds a boundary that never appears", () => {
    expect(mimeStructureProblem(message("From: a@b.example", "Content-Type: multipart/mixed; boundary=abc", "", "no parts here"))).toBe("the multipart boundary never appears.");
  });

  it("finds a base64 part that can't be decoded, and names it", () => {
    expect(mimeStructureProblem(fixture("invalid-base64.eml"))).toBe(
      'the part "uof-2025.pdf" is declared as base64 but can\'t be decoded: it contains characters that base64 does not use.',
    );
  });

  it("accepts delimiter lines with trailing spaces and LF-only line ends", () => {
    const lf = message("From: a@b.example", "Content-Type: multipart/mixed;", ' boundary="x"', "", "--x  ", "", "hello", "--x--\t", "").replace(/\r\n/g, "\n");
    expect(mimeStructureProblem(lf)).toBeNull();
  });
});

describe("base64 bodies", () => {
  it.each([
    ["aGVsbG8=", null],
    ["aGVs\r\nbG8=\r\n", null],
    ["aGVsbG8", null], // missing padding is tolerated, as decoders do
    ["", null],
    ["aGV*bG8=", "it contains characters that base64 does not use"],
    ["aG=sbG8=", "it has padding (=) before its end"],
    ["aGVsb", "its length is not that of any base64 text"],
  ])("%j", (text, problem) => {
    expect(base64Problem(text)).toBe(problem);
  });
});

describe("header values", () => {
  it("reads quoted, unquoted and escaped parameters, case-insensitively", () => {
    expect(parseHeaderValue('Multipart/Mixed; Boundary="a;b\\"c"; charset=utf-8')).toEqual({ value: "multipart/mixed", params: { boundary: 'a;b"c', charset: "utf-8" } });
    expect(parseHeaderValue(undefined)).toEqual({ value: "", params: {} });
  });
});
