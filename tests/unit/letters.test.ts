import { describe, expect, it } from "vitest";
import { requestRef, spreadsheetSafe } from "~/domain/csv";
import {
  AGENCY_PLACEHOLDERS,
  DEFAULT_AGENCY_LETTER,
  DEFAULT_VENDOR_LETTER,
  describeResponseTime,
  fillTemplate,
  letterBody,
  placeholdersIn,
  unwrapLetter,
  templateProblem,
  VENDOR_PLACEHOLDERS,
} from "~/domain/letters";
import { cleanFileName, documentType } from "~/domain/system-documents";

describe("letter templates", () => {
  it("finds each placeholder once", () => {
    expect(placeholdersIn("Dear {agency}, {agency} of {jurisdiction}. {not a placeholder} {Agency}")).toEqual(["agency", "jurisdiction"]);
  });

  it("fills known placeholders and leaves others as written", () => {
    expect(fillTemplate("To {agency} under {law_name} within {days}. {x}", { agency: "Madison PD", law_name: "Wisconsin Public Records Law", days: "10 business days" })).toBe(
      "To Madison PD under Wisconsin Public Records Law within 10 business days. {x}",
    );
  });

  it("does not treat replacement text as a pattern", () => {
    expect(fillTemplate("{ask}", { ask: "costs $& and $1 {agency}" })).toBe("costs $& and $1 {agency}");
  });

  it("names unknown placeholders and lists the allowed ones", () => {
    expect(templateProblem("Dear {agency}", AGENCY_PLACEHOLDERS)).toBeNull();
    expect(templateProblem("Dear {agnecy} {law}", AGENCY_PLACEHOLDERS)).toMatch(/^Unknown placeholders \{agnecy\}, \{law\}\. You can use \{agency\}, /);
    expect(templateProblem("{law_name}", VENDOR_PLACEHOLDERS)).toMatch(/^Unknown placeholder \{law_name\}\./);
  });

  it("ships default letters that use only their own placeholders", () => {
    expect(templateProblem(DEFAULT_AGENCY_LETTER, AGENCY_PLACEHOLDERS)).toBeNull();
    expect(templateProblem(DEFAULT_VENDOR_LETTER, VENDOR_PLACEHOLDERS)).toBeNull();
    expect(placeholdersIn(DEFAULT_AGENCY_LETTER)).toEqual(expect.arrayContaining(["agency", "ask", "product"]));
    // The letter around the body brings the date, greeting and signature: the defaults carry none.
    for (const template of [DEFAULT_AGENCY_LETTER, DEFAULT_VENDOR_LETTER]) {
      expect(placeholdersIn(template)).not.toEqual(expect.arrayContaining(["date"]));
      expect(template).not.toMatch(/Thank you|^To /m);
    }
  });

  it("unwraps a rendered letter kept as what is asked, and leaves any other text alone", () => {
    const rendered = "November 23, 2026\n\nTo the records custodian, Madison PD\n\nUnder the law, I request:\n\nStops data.\n\nThank you,\nDana\nCoalition";
    expect(unwrapLetter(rendered)).toBe("Under the law, I request:\n\nStops data.");
    const plain = "Stops data since 2021.\n\nThanks to the new system, a standard export exists.";
    expect(unwrapLetter(plain)).toBe(plain);
    expect(unwrapLetter("To whom it may concern: stops.")).toBe("To whom it may concern: stops.");
  });

  it("keeps only the body of a letter text written as a whole letter", () => {
    const whole = "{date}\n\nTo the records custodian, {agency}\n\nPlease send {ask}.\n\nIt is kept in {product}.\n\nThank you,\n{requester}\n{organization}";
    expect(letterBody(whole)).toBe("Please send {ask}.\n\nIt is kept in {product}.");
    expect(letterBody("Dear {agency},\r\n\r\nPlease send {ask}.\r\n\r\nSincerely, me")).toBe("Please send {ask}.");
    expect(letterBody("Please send {ask}.")).toBe("Please send {ask}.");
  });

  it("describes response times", () => {
    expect(describeResponseTime(5, "business")).toBe("5 business days");
    expect(describeResponseTime(1, "calendar")).toBe("1 calendar day");
    expect(describeResponseTime(null, "none")).toBe("a reasonable time, as the law requires");
  });
});

describe("spreadsheet-safe CSV cells", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const formula of ["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")']) {
      expect(spreadsheetSafe(formula)).toBe(`'${formula}`);
    }
  });

  it("leaves ordinary values alone", () => {
    expect(spreadsheetSafe("RTK-2026-0412")).toBe("RTK-2026-0412");
    expect(spreadsheetSafe("a = b")).toBe("a = b");
    expect(spreadsheetSafe(null)).toBe("");
    expect(spreadsheetSafe(42)).toBe("42");
  });
});

describe("evidence documents", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("decides the type from the bytes, not the name", () => {
    expect(documentType("agenda.pdf", bytes("%PDF-1.4"), "pdf")).toEqual({ type: "application/pdf" });
    expect(documentType("agenda.pdf", bytes("<script>alert(1)</script>"), undefined)).toEqual({ problem: expect.stringMatching(/^Attach a PDF/) });
    expect(documentType("notes.txt", bytes("Council minutes, item 7"), undefined)).toEqual({ type: "text/plain" });
    expect(documentType("page.html", bytes("<html>"), undefined)).toEqual({ problem: expect.stringMatching(/^Attach a PDF/) });
    expect(documentType("app.exe", bytes("MZ"), "exe")).toEqual({ problem: expect.stringMatching(/^Attach a PDF/) });
    expect(documentType("empty.pdf", new Uint8Array(), undefined)).toEqual({ problem: "The file is empty" });
    expect(documentType("binary.txt", new Uint8Array([0x66, 0x00, 0x67]), undefined)).toEqual({ problem: expect.stringMatching(/^Attach a PDF/) });
  });

  it("keeps only a safe base name", () => {
    expect(cleanFileName("C:\\Users\\x\\contract.pdf")).toBe("contract.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('a"b\u0000c.pdf')).toBe("abc.pdf");
    expect(cleanFileName("")).toBe("document");
  });
});

describe("request references in exports", () => {
  it("prefixes the number with the organization's initials, so two organizations' #1 differ", () => {
    expect(requestRef("Three Rivers Police Data Coalition", 12)).toBe("TRPDC-12");
    expect(requestRef("Bay Area Records Collective", 1)).toBe("BARC-1");
    expect(requestRef("Open Police Archive", 1)).not.toBe(requestRef("Bay Area Records Collective", 1));
    expect(requestRef("  ", 3)).toBe("ORG-3");
  });
});
