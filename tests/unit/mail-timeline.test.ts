import { describe, expect, it } from "vitest";
import { eventHeadline } from "~/domain/timeline";

const received = { inboundMessageId: "m1", from: "Maria Lopez <mlopez@city.gov>", subject: "RE: request", excerpt: "x", attachments: [] };

describe("timeline headlines for mail", () => {
  it("say what an incoming email is", () => {
    expect(eventHeadline({ kind: "email_received", data: received })).toBe("Email received from Maria Lopez <mlopez@city.gov>");
    expect(eventHeadline({ kind: "email_received", data: { ...received, classification: "auto_reply" } })).toBe("Automatic reply from Maria Lopez <mlopez@city.gov>");
    expect(
      eventHeadline({
        kind: "email_received",
        data: { ...received, classification: "bounce", bouncedAddress: "records@city.gov", bounceReason: "550 5.1.1 User unknown (the mailbox does not exist)" },
      }),
    ).toBe("Delivery failed to records@city.gov: 550 5.1.1 User unknown (the mailbox does not exist)");
  });

  it("say who decided, and what a queued letter is", () => {
    expect(eventHeadline({ kind: "email_reclassified", data: { inboundMessageId: "m1", from: "auto_reply", to: "reply", sender: "a@b.gov", subject: "s" } })).toBe(
      "Email from a@b.gov reclassified as a reply (was an automatic reply)",
    );
    const letter = { outboxMessageId: "o1", letterKind: "follow_up" as const, to: "records@city.gov", subject: "s", body: "b" };
    expect(eventHeadline({ kind: "email_queued", data: { ...letter, automatic: true } })).toBe("Automatic follow-up queued to records@city.gov");
    expect(eventHeadline({ kind: "email_queued", data: { ...letter, letterKind: "request_letter", resentFrom: "old@city.gov" } })).toBe(
      "Request letter resent to records@city.gov (it bounced from old@city.gov)",
    );
    expect(eventHeadline({ kind: "bounce_set_aside", data: { inboundMessageId: "m1", address: "old@city.gov" } })).toBe("Bounce from old@city.gov set aside: nothing to fix");
  });
});
