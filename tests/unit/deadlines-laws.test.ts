import { describe, expect, it } from "vitest";
import { computeDeadline } from "../../app/domain/deadlines/compute";
import { LAW_TABLE, referenceFor } from "../../app/domain/deadlines/laws";

function law(code: string) {
  const found = LAW_TABLE.find((l) => l.jurisdiction === code);
  if (!found) throw new Error(`no law for ${code}`);
  return found;
}

describe("LAW_TABLE, derived from the reference data", () => {
  it("has federal FOIA, DC and the 50 states, each with its details", () => {
    expect(LAW_TABLE).toHaveLength(52);
    for (const rule of LAW_TABLE) {
      expect(rule.details, rule.jurisdiction).toBeDefined();
      expect(rule.details!.responseCite.trim(), rule.jurisdiction).not.toBe("");
    }
  });

  it("pairs every number with a day type, and 'no fixed number' with none", () => {
    for (const rule of LAW_TABLE) {
      expect(rule.responseDays === null, rule.jurisdiction).toBe(rule.dayType === "none");
      expect(rule.extensionDays === null, rule.jurisdiction).toBe(rule.extensionDayType === null);
      expect(rule.acknowledgementDays === null, rule.jurisdiction).toBe(rule.acknowledgementDayType === null);
      expect(rule.appealDays === null, rule.jurisdiction).toBe(rule.appealDayType === null);
    }
  });

  it("calls a law's confidence high only when its period and calendar were read in primary law and nothing is unverified", () => {
    for (const rule of LAW_TABLE) {
      const reference = referenceFor(rule.jurisdiction)!;
      if (rule.confidence === "high") {
        expect(reference.law.response.source.primary, rule.jurisdiction).toBe(true);
        expect(reference.calendar.basis.source.primary, rule.jurisdiction).toBe(true);
        expect([...reference.law.unverified, ...reference.calendar.unverified], rule.jurisdiction).toEqual([]);
      }
      if (!reference.law.response.source.primary) expect(rule.confidence, rule.jurisdiction).toBe("low");
    }
  });

  it("keeps a unilateral extension's days only where the law lets the agency extend on its own", () => {
    for (const rule of LAW_TABLE) {
      if (rule.extensionDays !== null) expect(rule.details!.extension.kind, rule.jurisdiction).toBe("unilateral");
    }
  });
});

describe("the facts the deadlines issue found wrong, as the statutes have them", () => {
  it("WY 16-4-202: no acknowledgement deadline; 30 calendar days from the acknowledged receipt", () => {
    expect(law("WY").acknowledgementDays).toBeNull();
    expect(law("WY").responseCountsFrom).toBe("acknowledgement");
    expect(law("WY")).toMatchObject({ responseDays: 30, dayType: "calendar" });
  });

  it("MD GP 4-203(d): an extension needs the applicant's consent", () => {
    expect(law("MD").details!.extension.kind).toBe("requester_consent");
    expect(law("MD").extensionDays).toBeNull();
  });

  it("MA c.66 10(b)(vi), 950 CMR 32.03/32.06: agencies 15 and municipalities 25 business days from receipt; a closed-day receipt counts the next business day", () => {
    const details = law("MA").details!;
    expect(details.receipt.closedDayDeemedNextBusinessDay).toBe(true);
    const byLevel = Object.fromEntries(details.extensionVariants.map((v) => [v.appliesTo, v]));
    expect(details.extension).toMatchObject({ kind: "unilateral", days: 15, dayType: "business", countsFrom: "receipt" });
    expect(byLevel.local).toMatchObject({ kind: "unilateral", days: 25, dayType: "business", countsFrom: "receipt" });
    // Received Fri 2 Oct 2026; a municipality's limit is 25 business days from receipt, an agency's 15.
    const town = computeDeadline({ law: law("MA"), receivedDate: "2026-10-02", governmentLevel: "local" });
    const agency = computeDeadline({ law: law("MA"), receivedDate: "2026-10-02", governmentLevel: "state" });
    expect(town.extensionLimitDate! > agency.extensionLimitDate!).toBe(true);
  });

  it("AL 36-12-44: repeatable 15-business-day extensions capped by the presumption of denial", () => {
    const extension = law("AL").details!.extension;
    expect(extension).toMatchObject({ kind: "unilateral", days: 15, dayType: "business", repeatable: true });
    expect(extension.cap).not.toBeNull();
  });

  it("MI MCL 15.235(1): an emailed or faxed request is received one business day after it is sent", () => {
    expect(law("MI").details!.receipt.electronicLagBusinessDays).toBe(1);
    const sent = computeDeadline({ law: law("MI"), receivedDate: "2026-03-06", channel: "email" });
    const posted = computeDeadline({ law: law("MI"), receivedDate: "2026-03-06", channel: "mail" });
    expect(sent.deemedReceivedDate).toBe("2026-03-09");
    expect(posted.deemedReceivedDate).toBe("2026-03-06");
    expect(sent.dueDate! > posted.dueDate!).toBe(true);
  });

  it("NY POL 89(3)(a): the 20-business-day extension runs from the acknowledgement", () => {
    expect(law("NY").details!.extension).toMatchObject({ days: 20, dayType: "business", countsFrom: "acknowledgement" });
  });

  it("PA 65 P.S. 67.1101: appeals go to the Office of Open Records, not the agency", () => {
    expect(law("PA").details!.appeal.body).toMatch(/Office of Open Records/);
    expect(law("PA").details!.appeal.bodyKind).toBe("independent_office");
  });

  it("TX Gov't Code 552.0031: the skeleton-crew state holidays are not business days, and a weekend holiday moves no weekday", () => {
    const calendar = referenceFor("TX")!.calendar;
    expect(calendar.weekend.rule).toBe("none");
    const names = calendar.closures.map((c) => c.name).join("; ");
    expect(names).toMatch(/Confederate Heroes Day/);
    expect(names).toMatch(/Lyndon Baines Johnson Day/);
    expect(names).not.toMatch(/Columbus/);
  });
});
