import { describe, expect, it } from "vitest";
import { EMAIL_WITHHELD, NAME_WITHHELD, publicTimelineItem, redactPeople, REPLY_ADDRESS_WITHHELD } from "~/domain/public-timeline";
import type { TimelineEventData } from "~/domain/timeline";

const people = [
  { name: "Ana Ruiz", email: "ana@example.org" },
  { name: "Ana", email: "ana.b@example.org" },
  { name: "José Núñez", email: "Jose.Nunez@Example.org" },
];
const replyAddress = "requests+5f0c6c1e-1111-4222-8333-444455556666-0123456789abcdef@mail.jointask.example";

describe("redactPeople", () => {
  it("withholds full names (any case, across line breaks) and email addresses", () => {
    const letter = `Thank you,\nANA\nRUIZ\nChicago Data Collective\nana@example.org\nCc: jose.nunez@example.org, José Núñez`;
    const out = redactPeople(letter, people);
    expect(out).toBe(`Thank you,\n${NAME_WITHHELD}\nChicago Data Collective\n${EMAIL_WITHHELD}\nCc: ${EMAIL_WITHHELD}, ${NAME_WITHHELD}`);
  });

  it("matches whole words only", () => {
    expect(redactPeople("Anatomy of a request; Banana; Ana.", people)).toBe(`Anatomy of a request; Banana; ${NAME_WITHHELD}.`);
  });

  it("withholds request reply addresses but not an agency's own address", () => {
    const text = `Reply to this email (${replyAddress}) so it is filed. Agency: records-requests@city.gov, requests@county.gov`;
    expect(redactPeople(text, [])).toBe(`Reply to this email (${REPLY_ADDRESS_WITHHELD}) so it is filed. Agency: records-requests@city.gov, requests@county.gov`);
  });

  it("leaves text without people alone, and treats names as text, not patterns", () => {
    expect(redactPeople("Stop data (2019-2024) from records@city.gov", people)).toBe("Stop data (2019-2024) from records@city.gov");
    expect(redactPeople("a.b and a+b", [{ name: "a.b", email: "x" }])).toBe(`${NAME_WITHHELD} and a+b`);
  });
});

type Event = TimelineEventData & { id: string; occurredAt: Date };
const at = new Date("2026-11-23T15:00:00Z");
const context = { people, publicFileIds: new Set(["file-public"]) };
const shown = (event: TimelineEventData) => publicTimelineItem({ ...event, id: "e1", occurredAt: at } as Event, context);

describe("publicTimelineItem", () => {
  it("never names the actor, and keeps the entry's id and time", () => {
    const item = shown({ kind: "note_added", data: { body: "Called the records office." } });
    expect(item).toEqual({ id: "e1", kind: "note_added", data: { body: "Called the records office." }, occurredAt: at.toISOString(), actorName: null });
  });

  it.each<TimelineEventData>([
    { kind: "assignment_changed", data: { fromId: null, fromName: null, toId: "u1", toName: "Ana Ruiz" } },
    { kind: "email_failed", data: { outboxMessageId: "o1", to: "records@city.gov", subject: "s", error: "connect ECONNREFUSED 10.0.0.5:587", attempts: 8 } },
    { kind: "campaign_joined", data: { campaignId: "c1", campaignTitle: "ALPR" } },
    { kind: "campaign_left", data: { campaignId: "c1", campaignTitle: "ALPR" } },
    { kind: "visibility_changed", data: { from: "private", to: "public", embargoUntil: null, previousEmbargoUntil: null } },
    { kind: "entry_visibility_changed", data: { entryType: "file", entryId: "f", label: "secret.csv", internal: true } },
    { kind: "file_added", data: { fileId: "file-internal", name: "secret.csv", sizeBytes: 10, sha256: "ab", mediaType: "text/csv", fileKind: "csv" } },
  ])("leaves out $kind entries that are inner work or about a file the public can't have", (event) => {
    expect(shown(event)).toBeNull();
  });

  it("shows a letter without its signer's name, address or the reply address, and without the outbox id", () => {
    const item = shown({
      kind: "email_queued",
      data: {
        outboxMessageId: "outbox-1",
        letterKind: "request_letter",
        to: "records@city.gov",
        subject: "Right-to-Know Law request",
        body: `Please reply to this email (${replyAddress}).\n\nThank you,\nAna Ruiz\nChicago Data Collective`,
      },
    });
    expect(item?.data).toEqual({
      outboxMessageId: "",
      letterKind: "request_letter",
      to: "records@city.gov",
      subject: "Right-to-Know Law request",
      body: `Please reply to this email (${REPLY_ADDRESS_WITHHELD}).\n\nThank you,\n${NAME_WITHHELD}\nChicago Data Collective`,
    });
  });

  it("shows a reply without the quoted names and addresses, and without links to the inbox", () => {
    const item = shown({
      kind: "email_received",
      data: {
        inboundMessageId: "in-1",
        from: "records@city.gov",
        subject: "RE: request",
        excerpt: "Attached. On Mon, Ana Ruiz <ana@example.org> wrote:",
        attachments: [{ id: "att-1", filename: "stops.csv", size: 120 }],
      },
    });
    expect(item?.data).toEqual({
      inboundMessageId: "",
      from: "records@city.gov",
      subject: "RE: request",
      excerpt: `Attached. On Mon, ${NAME_WITHHELD} <${EMAIL_WITHHELD}> wrote:`,
      attachments: [{ id: "", filename: "stops.csv", size: 120 }],
    });
  });

  it("drops a change of requester from an edit, and the whole entry when nothing else changed", () => {
    const requesterOnly = { field: "requesterId", label: "Requester", from: "Ana Ruiz", to: "José Núñez" };
    expect(shown({ kind: "edited", data: { changes: [requesterOnly] } })).toBeNull();
    const item = shown({ kind: "edited", data: { changes: [requesterOnly, { field: "trackingNumber", label: "Tracking number", from: null, to: "26-114" }] } });
    expect(item?.data).toEqual({ changes: [{ field: "trackingNumber", label: "Tracking number", from: null, to: "26-114" }] });
  });

  it("names the file a field state came from only when the public can download it", () => {
    const base = { requestFieldId: "rf1", key: "subject_race", label: "Subject race", recordType: "Stops", from: "not_yet", to: "received" } as const;
    const fromPublic = shown({ kind: "field_state_changed", data: { ...base, fileId: "file-public", fileName: "stops.csv" } });
    expect(fromPublic?.data).toMatchObject({ fileId: "file-public", fileName: "stops.csv", requestFieldId: "" });
    const fromInternal = shown({ kind: "field_state_changed", data: { ...base, fileId: "file-internal", fileName: "secret.csv" } });
    expect(fromInternal?.data).not.toHaveProperty("fileName");
    expect(fromInternal?.data).not.toHaveProperty("fileId");
    expect(JSON.stringify(fromInternal)).not.toContain("secret.csv");
  });

  it("keeps a public file's entry, without the communication it was attached to", () => {
    const item = shown({
      kind: "file_added",
      data: { fileId: "file-public", name: "stops.csv", sizeBytes: 10, sha256: "ab", mediaType: "text/csv", fileKind: "csv", communicationId: "comm-1" },
    });
    expect(item?.data).toEqual({ fileId: "file-public", name: "stops.csv", sizeBytes: 10, sha256: "ab", mediaType: "text/csv", fileKind: "csv" });
  });

  it("withholds names in notes, summaries and reasons", () => {
    expect(shown({ kind: "note_added", data: { body: "Ana Ruiz called them" } })?.data).toEqual({ body: `${NAME_WITHHELD} called them` });
    const comm = shown({
      kind: "communication_logged",
      data: { communicationId: "c1", direction: "outgoing", channel: "phone", occurredOn: "2026-11-20", summary: "José Núñez left a message" },
    });
    expect(comm?.data).toEqual({ communicationId: "", direction: "outgoing", channel: "phone", occurredOn: "2026-11-20", summary: `${NAME_WITHHELD} left a message` });
  });
});

describe("mail that is not the agency's answer", () => {
  const base = { inboundMessageId: "m1", from: "MAILER-DAEMON@mx.city.gov", subject: "Undelivered Mail Returned to Sender", excerpt: "x", attachments: [] };
  const at = { id: "e1", occurredAt: new Date("2026-12-01T10:00:00Z") };
  const context = { people: [], publicFileIds: new Set<string>() };

  it("keeps bounces, automatic replies and reclassifications off the public page, and replies on it", () => {
    expect(publicTimelineItem({ ...at, kind: "email_received", data: { ...base, classification: "bounce", bouncedAddress: "a@city.gov", bounceReason: "550" } }, context)).toBeNull();
    expect(publicTimelineItem({ ...at, kind: "email_received", data: { ...base, classification: "auto_reply" } }, context)).toBeNull();
    expect(publicTimelineItem({ ...at, kind: "email_reclassified", data: { inboundMessageId: "m1", from: "reply", to: "bounce", sender: "x", subject: "y" } }, context)).toBeNull();
    expect(publicTimelineItem({ ...at, kind: "bounce_set_aside", data: { inboundMessageId: "m1", address: "a@city.gov" } }, context)).toBeNull();
    expect(publicTimelineItem({ ...at, kind: "email_received", data: { ...base, classification: "reply" } }, context)).not.toBeNull();
    // Entries written before mail was classified are replies.
    expect(publicTimelineItem({ ...at, kind: "email_received", data: base }, context)).not.toBeNull();
  });
});
