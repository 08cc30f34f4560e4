import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEmailAddress, headerValueProblem } from "~/domain/mail/addresses";

describe("checkEmailAddress", () => {
  it.each([
    ["records@city.gov", "records@city.gov"],
    ["  Right.To.Know@Harrisburg-PA.example  ", "Right.To.Know@harrisburg-pa.example"],
    ["foia+stops@police.city.gov", "foia+stops@police.city.gov"],
    ["o'brien@county.us", "o'brien@county.us"],
  ])("accepts a plain address %j", (input, normalized) => {
    expect(checkEmailAddress(input)).toEqual({ ok: true, address: normalized });
  });

  it.each([
    ["", /required/],
    ["records@city.gov (main office)", /comments/],
    ["records(main)@city.gov", /comments/],
    ["Records Office <records@city.gov>", /without a name or angle brackets/],
    ["<records@city.gov>", /angle brackets/],
    ["undisclosed-recipients:;", /groups/],
    ["Clerks: a@city.gov, b@city.gov;", /groups/],
    ['"records office"@city.gov', /quoted/],
    ['"a@b"@city.gov', /quoted/],
    ["records@city.gov\r\nBcc: all@example.org", /line breaks/],
    ["records@city.gov\n", /line breaks/],
    ["\rrecords@city.gov", /line breaks/],
    ["records@city.gov\u0000", /control characters/],
    ["a@city.gov, b@city.gov", /one address/],
    ["a@city.gov; b@city.gov", /one address/],
    ["records @city.gov", /spaces/],
    ["récords@city.gov", /ASCII/],
    ["records@@city.gov", /single @/],
    ["records.city.gov", /single @/],
    ["@city.gov", /before the @/],
    ["records@", /domain after the @/],
    [".records@city.gov", /dots/],
    ["rec..ords@city.gov", /dots/],
    ["records@[192.0.2.1]", /IP address literals/],
    ["records@localhost", /not a valid domain/],
    ["records@-city.gov", /not a valid domain/],
    ["records@city.123", /top-level domain/],
    [`${"a".repeat(65)}@city.gov`, /too long/],
  ])("refuses %j with a clear message", (input, message) => {
    const result = checkEmailAddress(input, "To");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toMatch(/^To/);
    }
  });

  it("never accepts a value with CR or LF anywhere", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("\r", "\n", "\r\n"), fc.string(), (before, newline, after) => {
        expect(checkEmailAddress(`${before}${newline}${after}`).ok).toBe(false);
      }),
    );
  });

  it("only ever returns addresses made of printable ASCII with a single @", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const result = checkEmailAddress(input);
        if (result.ok) {
          expect(result.address).toMatch(/^[\x21-\x7e]+$/);
          expect(result.address.split("@")).toHaveLength(2);
          expect(result.address).not.toMatch(/[()<>",;:\\[\]]/);
        }
      }),
    );
  });
});

describe("headerValueProblem", () => {
  it("flags line breaks and control characters, and allows tabs and Unicode", () => {
    expect(headerValueProblem("Follow-up\r\nBcc: x@y.org", "Subject")).toBe("Subject can't contain line breaks");
    expect(headerValueProblem("a\u001bb", "Subject")).toBe("Subject can't contain control characters");
    expect(headerValueProblem("Stops\tdata — 2021–present", "Subject")).toBeNull();
  });
});
