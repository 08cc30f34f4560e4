import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyMail, readDeliveryStatus, statusMeaning, type MailFacts } from "~/domain/mail/classify";
import { mailFacts, parseMail } from "~/domain/mail/mail-facts.server";
import { findTrackingNumbers } from "~/domain/mail/tracking-numbers";
import { FIXTURES } from "../fixtures/mail/classified/expectations";

const folder = path.join(__dirname, "..", "fixtures", "mail", "classified");
const ORIGINAL = "<3f1c9a2e-0b7d-4c1e-9a55-2f1f0d5b6a44@replies.jointask.example>";

async function facts(name: string, envelopeFrom?: string) {
  const raw = readFileSync(path.join(folder, name), "utf8")
    .replaceAll("{{TO}}", "requests+0d3c7a51-2b44-4f0e-9a51-1f6c2e9d4b11-0123456789abcdef@replies.jointask.example")
    .replaceAll("{{MESSAGE_ID}}", "<fixture@agency.example>")
    .replaceAll("{{ORIGINAL_MESSAGE_ID}}", ORIGINAL)
    .replaceAll("{{MESSAGE_TOKEN}}", "1802102547");
  const parsed = await parseMail(Buffer.from(raw));
  return { parsed, facts: mailFacts(parsed, envelopeFrom) };
}

/** A plain message built from header lines and a body, for the rules one at a time. */
function message(headers: Array<[string, string]>, text = "Hello.", extra: Partial<MailFacts> = {}): MailFacts {
  const subject = headers.find(([n]) => n === "subject")?.[1] ?? "RE: Public records request";
  return { headers, subject, fromAddress: "clerk@city.example", fromName: "City Clerk", text, contentType: "text/plain", reportType: null, parts: [], ...extra };
}

describe("the fixture table", () => {
  it("has an expectation for every fixture, and at least 25 of them", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".eml")).sort();
    expect(files).toEqual(Object.keys(FIXTURES).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, expected] of Object.entries(FIXTURES)) {
    it(`reads ${name} as ${expected.classification}`, async () => {
      const { parsed, facts: read } = await facts(name);
      const result = classifyMail(read);
      expect(result.classification, result.reason).toBe(expected.classification);
      if (expected.classification === "bounce") {
        expect(result.bounce!.address).toBe(expected.bouncedAddress);
        expect(result.bounce!.reason).toContain(expected.reasonContains);
        expect(result.bounce!.status).toBe(expected.status);
      } else {
        expect(result.bounce).toBeNull();
      }
      if (expected.trackingNumber !== undefined) {
        expect(findTrackingNumbers(parsed.subject ?? "", parsed.text ?? "")[0]?.value ?? null).toBe(expected.trackingNumber);
      }
    });
  }

  it("finds the letter a bounce returns by the Message-ID in its copy of the headers", async () => {
    for (const name of ["bounce-postfix.eml", "bounce-exim.eml", "bounce-sendmail.eml", "bounce-exchange-online.eml", "bounce-domino.eml", "bounce-mimecast.eml"]) {
      expect(classifyMail((await facts(name)).facts).bounce!.originalMessageId, name).toBe(ORIGINAL);
    }
  });
});

describe("the rules one at a time", () => {
  it("takes RFC 3834's Auto-Submitted for automatic, except its value no", () => {
    expect(classifyMail(message([["auto-submitted", "auto-replied"]])).classification).toBe("auto_reply");
    expect(classifyMail(message([["auto-submitted", "auto-notified"]])).classification).toBe("auto_reply");
    expect(classifyMail(message([["auto-submitted", "no"]])).classification).toBe("reply");
  });

  it("reads Precedence only for auto_reply, bulk and junk", () => {
    expect(classifyMail(message([["precedence", "junk"]])).classification).toBe("auto_reply");
    expect(classifyMail(message([["precedence", "first-class"]])).classification).toBe("reply");
    expect(classifyMail(message([["x-precedence", "bulk"]])).classification).toBe("auto_reply");
  });

  it("never takes X-Auto-Response-Suppress or body words for an automatic reply", () => {
    const reply = message([["x-auto-response-suppress", "OOF, AutoReply"]], "I am out of the office until Monday. Automatic reply follows.");
    expect(classifyMail(reply).classification).toBe("reply");
  });

  it("reads an out-of-office subject only at the start, after gateway tags, and not a reply to one", () => {
    expect(classifyMail(message([["subject", "[EXTERNAL] Automatic reply: Records"]])).classification).toBe("auto_reply");
    expect(classifyMail(message([["subject", "RE: Out of Office: Records"]])).classification).toBe("reply");
    expect(classifyMail(message([["subject", "Records you asked for while I was out of office"]])).classification).toBe("reply");
  });

  it("takes an empty return path for automatic mail, and an upload's Return-Path only when no envelope is known", () => {
    expect(classifyMail(message([["return-path", "<>"]])).classification).toBe("auto_reply");
    expect(classifyMail(message([], "Hello.", { envelopeFrom: "" })).classification).toBe("auto_reply");
    expect(classifyMail(message([["return-path", "<>"]], "Hello.", { envelopeFrom: "clerk@city.example" })).classification).toBe("reply");
  });

  it("does not take a bounce subject without a bounce's own sentences from a person", () => {
    expect(classifyMail(message([["subject", "Undeliverable: the CD you sent"]], "The CD was undeliverable, please resend.")).classification).toBe("reply");
  });

  it("reads a delivery-status part only as one (a text part of that name is not)", () => {
    const dsn = "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.2.2\n";
    const asPart = message([], "Report", { contentType: "multipart/report", reportType: "delivery-status", parts: [{ contentType: "message/delivery-status", filename: null, content: dsn }] });
    const result = classifyMail(asPart);
    expect(result.classification).toBe("bounce");
    expect(result.bounce).toMatchObject({ address: "a@b.example", status: "5.2.2", reason: "5.2.2: the mailbox is full" });
    const asText = message([], "Report", { contentType: "multipart/mixed", parts: [{ contentType: "text/plain", filename: "delivery-status.txt", content: dsn }] });
    expect(classifyMail(asText).classification).toBe("reply");
  });

  it("reports a delay or a delivery notice as automatic, not a bounce", () => {
    const dsn = (action: string) => `Reporting-MTA: dns; mx.example\n\nFinal-Recipient: rfc822; a@b.example\nAction: ${action}\nStatus: 2.0.0\n`;
    for (const action of ["delayed", "delivered", "relayed"]) {
      const notice = message([], "Report", { contentType: "multipart/report", reportType: "delivery-status", parts: [{ contentType: "message/delivery-status", filename: null, content: dsn(action) }] });
      expect(classifyMail(notice).classification, action).toBe("auto_reply");
    }
  });

  it("reads folded delivery-status fields and typed values", () => {
    const [recipient] = readDeliveryStatus("Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: RFC822;\r\n  Records@City.Example\r\nAction: Failed\r\nStatus: 5.1.1 (bad mailbox)\r\nDiagnostic-Code: smtp; 550 no\r\n such user\r\n");
    expect(recipient).toEqual({ finalRecipient: "records@city.example", originalRecipient: null, action: "failed", status: "5.1.1", diagnostic: "550 no such user" });
  });

  it("explains the common RFC 3463 statuses", () => {
    expect(statusMeaning("5.1.1")).toBe("the mailbox does not exist");
    expect(statusMeaning("5.2.2")).toBe("the mailbox is full");
    expect(statusMeaning("4.9.9")).toBe("a temporary failure");
    expect(statusMeaning(null)).toBeNull();
  });

  it("treats a bounce by its structure even when it also says Auto-Submitted", async () => {
    const { facts: read } = await facts("bounce-postfix.eml");
    expect(read.headers.some(([n, v]) => n === "auto-submitted" && v === "auto-replied")).toBe(true);
    expect(classifyMail(read).classification).toBe("bounce");
  });
});
