import { describe, expect, it } from "vitest";
import { findTrackingNumbers, sameTrackingNumber, unquoted } from "~/domain/mail/tracking-numbers";

const first = (subject: string, body = "") => findTrackingNumbers(subject, body)[0]?.value ?? null;

describe("finding an agency's reference in its reply", () => {
  it("reads the forms records offices and portals use", () => {
    expect(first("RE: records", "It has been assigned tracking number PRR-2026-1182.")).toBe("PRR-2026-1182");
    expect(first("Public Records Request :: R000123-010126")).toBe("R000123-010126");
    expect(first("[External Message Added] Oakland record request #26-123")).toBe("26-123");
    expect(first("RE: Request #26-123 - body cameras")).toBe("26-123");
    expect(first("Your FOIA request", "Your request number is FOIA-2026-00123.")).toBe("FOIA-2026-00123");
    expect(first("Re: CPRA", "We logged it as CPRA 26-0456.")).toBe("CPRA 26-0456");
    expect(first("Re: records", "Reference No.: 2026-0456")).toBe("2026-0456");
    expect(first("Re: records", "Case number: TPD-7781")).toBe("TPD-7781");
    expect(first("Re: records", "logged under Reference No. TPD-2026-0457.")).toBe("TPD-2026-0457");
  });

  it("prefers the subject to the body", () => {
    expect(findTrackingNumbers("Public Records Request :: R000123-010126", "Tracking number: PRR-2026-9").map((c) => [c.value, c.where])).toEqual([
      ["R000123-010126", "subject"],
      ["PRR-2026-9", "body"],
    ]);
  });

  it("does not take dates, phone numbers, ZIP codes or plain words for references", () => {
    expect(findTrackingNumbers("Re: records", "Call 555-010-1234 by 12-08-2026 at 2026-12-08, ZIP 62701-1234. Request number: pending.")).toEqual([]);
    expect(findTrackingNumbers("RE: Right-to-Know Law request: Use-of-force reports 2024", "Thank you for your request.")).toEqual([]);
  });

  it("leaves out what the reply quotes", () => {
    const body = "Your reference is PRR-2026-77.\n\n-----Original Message-----\nFrom: us\nmy request (tracking number 26-114)";
    expect(findTrackingNumbers("RE: x", body).map((c) => c.value)).toEqual(["PRR-2026-77"]);
    expect(unquoted("Ok.\n> Request #12\nOn Mon, Dec 1, 2026 at 9:00 AM Dana wrote:\nquoted")).toBe("Ok.");
  });

  it("compares references without case and dash differences", () => {
    expect(sameTrackingNumber("prr-2026-1182", "PRR 2026 1182")).toBe(true);
    expect(sameTrackingNumber("PRR-2026-1182", "PRR-2026-1183")).toBe(false);
    expect(sameTrackingNumber(null, "x")).toBe(false);
  });
});
