import { describe, expect, it } from "vitest";
import { appealLetter, digestMessage, followUpLetter, OVERDUE_SUMMARY_LINES, overdueAlertMessage, overdueSummaryMessage, renderEditedLetter, requestLetter, type LetterData } from "../../emails";
import { blocksToText, textToBlocks } from "../../emails/document";

const base: LetterData = {
  requestNumber: 12,
  title: "Traffic stops 2021–present",
  description: "Record-level data on all traffic stops.",
  agencyName: "Harrisburg Bureau of Police",
  contactName: "Open Records Officer",
  jurisdictionName: "Harrisburg",
  law: { lawName: "Right-to-Know Law", citation: "65 P.S. § 67.901", responseDays: 5, dayType: "business" },
  requesterName: "Ana Ruiz",
  organizationName: "Three Rivers Police Data Coalition",
  replyAddress: "requests+8c1f-abc@jointask.example",
  today: "2026-11-23",
};

/** The words of an HTML document, for checking that text and HTML carry the same content. */
function words(html: string): string {
  return html
    .replace(/<title>.*?<\/title>/s, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
const textWords = (text: string) => text.replace(/^- /gm, "").replace(/\s+/g, " ").trim();

describe("the request letter", () => {
  it("cites the law's name, citation and response time, and is signed by the requester", () => {
    const letter = requestLetter(base);
    expect(letter.subject).toBe("Right-to-Know Law request: Traffic stops 2021–present");
    expect(letter.text).toContain("Under the Right-to-Know Law (65 P.S. § 67.901), I request copies");
    expect(letter.text).toContain("requires a response within 5 business days of receipt.");
    expect(letter.text).toContain("To the Open Records Officer, Harrisburg Bureau of Police:");
    expect(letter.text).toContain(base.replyAddress);
    expect(letter.text.trimEnd().endsWith("Thank you,\nAna Ruiz\nThree Rivers Police Data Coalition")).toBe(true);
    expect(letter.text).not.toMatch(/Specifically|Period:|Format:|De-identification:/);
  });

  it("lists the record types and fields, period, format, de-identification and due date when given", () => {
    const letter = requestLetter({
      ...base,
      fields: [
        { recordType: "Traffic stops", fields: ["date", "subject race", "officer id hash"] },
        { recordType: "Searches", fields: ["basis", "outcome"] },
        { recordType: "Use of force", fields: [] },
      ],
      detailLevel: "record_level",
      period: { from: "2021-01-01" },
      format: "CSV",
      deidentification: "Replace officer names with a one-way hash of the badge number.",
      dueDate: "2026-12-01",
    });
    expect(letter.text).toContain("- Traffic stops: date, subject race, officer id hash\n- Searches: basis, outcome\n- Use of force\n");
    expect(letter.text).toContain("Detail: I ask for record-level data, one row for each stop, call, complaint or other record");
    expect(letter.text).toContain("Period: records dated from January 1, 2021 to the present.");
    expect(letter.text).toContain("Format: please provide the records electronically, as CSV.");
    expect(letter.text).toContain("De-identification: Replace officer names");
    expect(letter.text).toContain("by my count, that is by December 1, 2026");
    expect(letter.html).toContain("<li>Traffic stops: date, subject race, officer id hash</li>");
  });

  it("names record types asked as a whole, and says when counts are enough", () => {
    const letter = requestLetter({ ...base, fields: [{ recordType: "Calls for service", fields: [] }], detailLevel: "aggregate" });
    expect(letter.text).toContain("Specifically, I ask for these kinds of records:\n\n- Calls for service\n");
    expect(letter.text).toContain("Detail: Counts and totals are enough; I do not ask for the individual records.");
    expect(letter.html).toContain("<li>Calls for service</li>");
  });

  it("says the same thing in text and HTML", () => {
    const full = requestLetter({ ...base, fields: [{ recordType: "Stops", fields: ["date"] }, { recordType: "Arrests", fields: [] }], detailLevel: "aggregate", format: "CSV files", deidentification: "Hash names." });
    for (const message of [requestLetter(base), full, followUpLetter({ ...base, dueDate: "2026-11-10", trackingNumber: "26-114" }), appealLetter(base)]) {
      expect(words(message.html)).toBe(textWords(message.text));
      expect(message.html).toContain(`<title>${message.subject}</title>`);
    }
  });

  it("escapes what came from users, so nothing in the data becomes markup", () => {
    const letter = requestLetter({ ...base, description: `<script>alert(1)</script> & "quotes"`, requesterName: "<b>Ana</b>" });
    expect(letter.html).not.toContain("<script>");
    expect(letter.html).not.toContain("<b>Ana</b>");
    expect(letter.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
  });

  it("cites no law when the jurisdiction has none on file", () => {
    const letter = requestLetter({ ...base, law: null });
    expect(letter.subject).toBe("Public records request: Traffic stops 2021–present");
    expect(letter.text).toContain("I request copies of the following records");
    expect(letter.text).not.toContain("Under the");
  });
});

describe("letters to a vendor", () => {
  const vendor: LetterData = { ...base, agencyName: "Tyler Technologies", recipientKind: "vendor", contactName: null, jurisdictionName: null, law: null };

  it("ask the company by name, cite no law and no exemptions", () => {
    const letter = requestLetter(vendor);
    expect(letter.subject).toBe("Request for records: Traffic stops 2021–present");
    expect(letter.text).toContain("To Tyler Technologies:");
    expect(letter.text).toContain("I ask Tyler Technologies for copies of the following records, or for the information needed to obtain them:");
    expect(letter.text).toContain("tell me what you cannot provide and why");
    expect(letter.text).not.toMatch(/Under the|exemption|the Tyler/);
    expect(requestLetter({ ...vendor, contactName: "Legal Department" }).text).toContain("To Legal Department, Tyler Technologies:");
  });

  it("an overdue alert names the vendor without an article and offers a follow-up to the vendor", () => {
    const alert = overdueAlertMessage({
      userName: "Ana",
      requestNumber: 7,
      title: "RMS export",
      agencyName: "Tyler Technologies",
      recipientKind: "vendor",
      dueDate: "2026-11-20",
      today: "2026-11-23",
      requestUrl: "https://app.example/requests/x",
      followUpUrl: "https://app.example/requests/x/letters?kind=follow_up",
      preferencesUrl: "https://app.example/settings/email",
    });
    expect(alert.text).toContain('Ana, Tyler Technologies has not answered request #7, "RMS export"');
    expect(alert.text).toContain("send the vendor a follow-up letter");
  });
});

describe("the overdue summary", () => {
  const summary = (n: number) =>
    overdueSummaryMessage({
      userName: "Ana",
      requests: Array.from({ length: n }, (_, i) => ({ number: i + 1, title: `Stops ${i + 1}`, agencyName: "Harrisburg Bureau of Police", dueDate: "2026-11-20", url: `https://app.example/requests/${i + 1}` })),
      total: n,
      chaseUrl: "https://app.example/chase",
      preferencesUrl: "https://app.example/settings/email",
    });

  it("lists each request with its agency and due date, and links the chase board", () => {
    const message = summary(5);
    expect(message.subject).toBe("Overdue: 5 requests");
    expect(message.text).toContain("Ana, 5 of your requests have passed their due dates without an answer.");
    expect(message.text).toContain("#3 Stops 3 — Harrisburg Bureau of Police · was due Fri 20 Nov");
    expect(message.text).toContain("https://app.example/chase");
    expect(message.text).not.toContain("more.");
    expect(message.html).toContain('href="https://app.example/requests/5"');
  });

  it(`lists at most ${OVERDUE_SUMMARY_LINES} and counts the rest`, () => {
    const message = summary(OVERDUE_SUMMARY_LINES + 7);
    expect(message.text).toContain(`#${OVERDUE_SUMMARY_LINES} Stops`);
    expect(message.text).not.toContain(`#${OVERDUE_SUMMARY_LINES + 1} Stops`);
    expect(message.text).toContain("And 7 more.");
  });
});

describe("the follow-up and the appeal", () => {
  it("a follow-up names the filing date, tracking number and the date the answer was due", () => {
    const letter = followUpLetter({ ...base, filedOn: "2026-11-02", trackingNumber: "26-114", dueDate: "2026-11-09" });
    expect(letter.subject).toBe("Follow-up on request 26-114: Traffic stops 2021–present");
    expect(letter.text).toContain("my request of November 2, 2026 (tracking number 26-114)");
    expect(letter.text).toContain("Under the Right-to-Know Law (65 P.S. § 67.901), a response was due by November 9, 2026. I have not yet received a response.");
  });

  it("an appeal names the denial and its reason", () => {
    const letter = appealLetter({ ...base, denial: { on: "2026-11-20", reason: "Exempt as investigative records" } });
    expect(letter.subject).toBe("Appeal of request: Traffic stops 2021–present");
    expect(letter.text).toContain("I appeal the denial, dated November 20, 2026, of my request");
    expect(letter.text).toContain('The reason given was: "Exempt as investigative records"');
    expect(letter.text).toContain("public under the Right-to-Know Law (65 P.S. § 67.901)");
  });

  it("an appeal the law sends to another body is addressed to it, with the provision and the deadline", () => {
    const letter = appealLetter({
      ...base,
      denial: { on: "2026-11-20", reason: null },
      appeal: {
        body: "the Office of Open Records",
        toAgency: false,
        address: "333 Market Street, 16th Floor, Harrisburg, PA 17101-2234",
        cite: "65 P.S. § 67.1101(a)(1)",
        dueDate: "2026-12-14",
      },
    });
    expect(letter.text).toContain("To the Office of Open Records\n333 Market Street, 16th Floor, Harrisburg, PA 17101-2234:");
    expect(letter.text).not.toContain("To the Open Records Officer, Harrisburg Bureau of Police");
    expect(letter.text).toContain("I appeal the denial, dated November 20, 2026, by Harrisburg Bureau of Police of my request");
    expect(letter.text).toContain("This appeal is made under 65 P.S. § 67.1101(a)(1), within the time the law allows (by December 14, 2026).");
    const toAgency = appealLetter({ ...base, appeal: { body: "the head of the agency", toAgency: true, address: null, cite: "5 U.S.C. § 552(a)(6)(A)(i)", dueDate: null } });
    expect(toAgency.text).toContain("To the Open Records Officer, Harrisburg Bureau of Police:");
    expect(toAgency.text).toContain("This appeal is made under 5 U.S.C. § 552(a)(6)(A)(i).");
  });
});

describe("edited letters", () => {
  it("keep the text as written and get HTML from the same text", () => {
    const edited = renderEditedLetter("My subject", "Dear clerk,\r\n\r\nPlease send:\r\n\r\n- stops\r\n- searches\r\n\r\nThanks,\r\nAna\r\n\r\n");
    expect(edited.text).toBe("Dear clerk,\n\nPlease send:\n\n- stops\n- searches\n\nThanks,\nAna\n");
    expect(edited.html).toContain("<ul");
    expect(edited.html).toContain("<li>stops</li><li>searches</li>");
    expect(edited.html).toContain("Thanks,<br/>");
    expect(words(edited.html)).toBe(textWords(edited.text));
  });

  it("read back into the same blocks they were written from", () => {
    const text = requestLetter({ ...base, fields: [{ recordType: "Stops", fields: ["date"] }] }).text;
    expect(blocksToText(textToBlocks(text))).toBe(text);
  });
});

describe("reminders", () => {
  const item = (number: number, date: string) => ({
    number,
    title: `Request ${number}`,
    agencyName: "Madison Police Department",
    statusLabel: "Submitted",
    date,
    url: `https://jointask.example/requests/${number}`,
  });

  it("the digest lists each section with links, and counts them in the subject", () => {
    const digest = digestMessage({
      userName: "Ana",
      organizationName: "Three Rivers",
      today: "2026-11-23",
      requestsUrl: "https://jointask.example/requests",
      preferencesUrl: "https://jointask.example/settings/email",
      overdue: [item(3, "2026-11-20")],
      dueThisWeek: [item(4, "2026-11-25"), item(5, "2026-11-27")],
      waitingOnUs: [],
      nextActions: [item(6, "2026-11-24")],
    });
    expect(digest.subject).toBe("JointAsk digest for Mon 23 Nov: 1 overdue, 2 due this week");
    expect(digest.text).toContain("Overdue (1)");
    expect(digest.text).toContain("- #3 Request 3 — Madison Police Department · Submitted · was due Fri 20 Nov\n  https://jointask.example/requests/3");
    expect(digest.text).not.toContain("Waiting on us");
    expect(digest.html).toContain('<a href="https://jointask.example/requests/4"');
    expect(digest.text).toContain("Email preferences: https://jointask.example/settings/email");
  });

  it("the overdue alert links to a ready follow-up letter", () => {
    const alert = overdueAlertMessage({
      userName: "Ana",
      requestNumber: 7,
      title: "Use of force",
      agencyName: "Oakland Police Department",
      dueDate: "2026-11-20",
      today: "2026-11-23",
      requestUrl: "https://jointask.example/requests/r7",
      followUpUrl: "https://jointask.example/requests/r7/letters?kind=follow_up",
      preferencesUrl: "https://jointask.example/settings/email",
    });
    expect(alert.subject).toBe("Overdue: #7 Use of force");
    expect(alert.text).toContain("which was due on Fri 20 Nov");
    expect(alert.text).toContain("https://jointask.example/requests/r7/letters?kind=follow_up");
  });
});
