import { randomUUID } from "node:crypto";
import { and, eq, gt, max } from "drizzle-orm";
import type { Viewer } from "../../app/domain/accounts.server";
import { updateFieldStates } from "../../app/domain/fields.server";
import { receiveMail } from "../../app/domain/mail/inbound.server";
import { draftLetter, letterContext, sendLetter } from "../../app/domain/mail/letters.server";
import { replyAddressFor } from "../../app/domain/mail/reply-address.server";
import { changeStatus } from "../../app/domain/requests.server";
import { addDays } from "../../app/utils/dates";
import type { Executor } from "../client";
import { communications, inboundMessages, outboxMessages, requestEvents, requestFields, requestFiles, requests } from "../schema";
import type { FieldState } from "../schema/field-values";

// The demo's mail, through the app's own functions: a follow-up letter in the outbox (Harrisburg's traffic stops),
// and Madison's reply with the first installment of its traffic-stop data (a CSV, recorded as a received file),
// then what came back for each field and the status it leaves the request in. Each step is dated on its own day
// in the story (the functions stamp "now"; the seed moves what they wrote to the story's date).

/** Stops in Madison, one a month from January 2021 to December 2023: what the reply's CSV holds. */
export function demoStopsCsv(): string {
  const races = ["White", "Black", "Hispanic", "Asian", "White", "Black"];
  const reasons = ["Speeding", "Equipment violation", "Stop sign", "Registration", "Lane violation"];
  const lines = ["date,time,location,reason_for_stop,search_conducted,search_basis,outcome,subject_race,subject_sex,subject_age,officer_id_hash"];
  let i = 0;
  for (let year = 2021; year <= 2023; year += 1) {
    for (let month = 1; month <= 12; month += 1) {
      i += 1;
      const searched = i % 5 === 0;
      const hash = Array.from({ length: 8 }, (_, k) => ((i * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, "0")).join("").slice(0, 64);
      lines.push(
        [
          `${year}-${String(month).padStart(2, "0")}-${String(((i * 7) % 27) + 1).padStart(2, "0")}`,
          `${String((i * 5) % 24).padStart(2, "0")}:${String((i * 13) % 60).padStart(2, "0")}`,
          `Beat ${((i * 3) % 12) + 1}`,
          reasons[i % reasons.length],
          searched ? "Y" : "N",
          searched ? "Consent" : "",
          i % 4 === 0 ? "Citation" : "Warning",
          races[i % races.length],
          i % 3 === 0 ? "F" : "M",
          String(19 + ((i * 7) % 50)),
          hash,
        ].join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

function replyEml(to: string, sentAt: Date, subject: string, body: string, attachment: { name: string; content: string }): Buffer {
  return Buffer.from(
    [
      "From: Records Custodian <mpdrecords@cityofmadison.example>",
      `To: ${to}`,
      `Subject: ${subject}`,
      `Date: ${sentAt.toUTCString().replace("GMT", "+0000")}`,
      `Message-ID: <${randomUUID()}@cityofmadison.example>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="demo-boundary"',
      "",
      "--demo-boundary",
      "Content-Type: text/plain; charset=utf-8",
      "",
      body,
      "--demo-boundary",
      `Content-Type: text/csv; name="${attachment.name}"`,
      `Content-Disposition: attachment; filename="${attachment.name}"`,
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(attachment.content).toString("base64").replace(/.{76}/g, "$&\r\n"),
      "--demo-boundary--",
      "",
    ].join("\r\n"),
  );
}

async function lastSeq(db: Executor, requestId: string): Promise<number> {
  const [row] = await db.select({ seq: max(requestEvents.seq) }).from(requestEvents).where(eq(requestEvents.requestId, requestId));
  return row?.seq ?? 0;
}

/** Moves the events a step wrote (after `since`) to the step's moment in the story. */
async function dateEvents(db: Executor, requestId: string, since: number, at: Date): Promise<void> {
  await db.update(requestEvents).set({ occurredAt: at }).where(and(eq(requestEvents.requestId, requestId), gt(requestEvents.seq, since)));
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Demo mail: ${what}`);
  return value;
}

export async function seedDemoMail(
  db: Executor,
  viewer: Viewer,
  byNumber: (n: number) => { id: string; title: string },
  today: string,
): Promise<void> {
  const at = (daysAgo: number, hour: number, minute = 0) =>
    new Date(Date.parse(`${addDays(today, -daysAgo)}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`));

  // 1. Harrisburg has acknowledged the traffic-stop request but sent nothing: a follow-up letter, yesterday.
  const harrisburg = byNumber(1);
  const letterDay = addDays(today, -1);
  const context = must(await letterContext(viewer, harrisburg.id, db), "no letter context for Harrisburg");
  const draft = await draftLetter("follow_up", context, letterDay, db);
  let since = await lastSeq(db, harrisburg.id);
  const sent = must(
    await sendLetter(viewer, harrisburg.id, { kind: "follow_up", to: "righttoknow@harrisburgpa.example", subject: draft.subject, body: draft.text, nonce: randomUUID() }, letterDay, db),
    "the follow-up letter was not queued",
  );
  if (!sent.ok) throw new Error(`Demo mail: follow-up letter: ${JSON.stringify(sent.fieldErrors)}`);
  const letterAt = at(1, 14, 30);
  await dateEvents(db, harrisburg.id, since, letterAt);
  await db.update(outboxMessages).set({ createdAt: letterAt, updatedAt: letterAt, nextAttemptAt: letterAt }).where(eq(outboxMessages.id, sent.value.outboxMessageId));
  await db.update(requests).set({ updatedAt: letterAt }).where(eq(requests.id, harrisburg.id));

  // 2. Madison replies two days ago with 2021–2023 as a CSV: an inbound message, filed on the request, whose
  //    attachment becomes the request's received file.
  const madison = byNumber(12);
  const replyAt = at(2, 15, 12);
  since = await lastSeq(db, madison.id);
  const outcome = await receiveMail(
    {
      raw: replyEml(
        replyAddressFor(madison.id),
        replyAt,
        `RE: Public records request: ${madison.title} (MPD-26-551)`,
        [
          "Hello,",
          "",
          // One line a paragraph: the reader wraps it to its own width.
          "Attached is the first installment of the stop data you asked for: every traffic stop from January 2021 through December 2023, one row per stop. Officers are identified by the hashed badge number, as you asked. Data for 2024 onward is being compiled and will follow within 30 days.",
          "",
          "Records Custodian, Madison Police Department",
        ].join("\r\n"),
        { name: "mpd-stops-2021-2023.csv", content: demoStopsCsv() },
      ),
      channel: "upload",
      uploader: viewer,
    },
    db,
  );
  if (outcome.outcome !== "filed") throw new Error(`Demo mail: Madison's reply was not filed (${outcome.outcome})`);
  await dateEvents(db, madison.id, since, replyAt);
  const [message] = await db.select({ communicationId: inboundMessages.communicationId }).from(inboundMessages).where(eq(inboundMessages.id, outcome.inboundMessageId));
  await db.update(inboundMessages).set({ receivedAt: replyAt }).where(eq(inboundMessages.id, outcome.inboundMessageId));
  await db.update(requestFiles).set({ createdAt: replyAt }).where(eq(requestFiles.requestId, madison.id));
  if (message?.communicationId) await db.update(communications).set({ createdAt: replyAt, updatedAt: replyAt }).where(eq(communications.id, message.communicationId));
  const [file] = await db.select({ id: requestFiles.id }).from(requestFiles).where(eq(requestFiles.requestId, madison.id)).limit(1);

  // 3. The next morning: what came back for each field asked, credited to the file, and the status.
  const statesAt = at(1, 10, 5);
  const fields = await db.select({ id: requestFields.id, key: requestFields.key }).from(requestFields).where(eq(requestFields.requestId, madison.id));
  // The file covers 2021–2023 of a period asked from 2021 to the present: every field came back for part of it
  // (what the file page proposes too), and the location only as a beat.
  const installment = "2021–2023 received; 2024 onward promised within 30 days.";
  const states: Record<string, [FieldState, string?]> = Object.fromEntries(
    ["date", "time", "reason_for_stop", "search_conducted", "search_basis", "outcome", "subject_race", "subject_sex", "subject_age", "officer_id_hash"].map((k) => [k, ["partly_received", installment]]),
  );
  states.location = ["partly_received", `${installment} The beat only, not the street block asked for.`];
  since = await lastSeq(db, madison.id);
  const changed = must(
    await updateFieldStates(
      viewer,
      madison.id,
      {
        fileId: file?.id,
        fields: fields.flatMap((f) => {
          const s = states[f.key];
          return s ? [{ id: f.id, state: s[0], ...(s[1] ? { note: s[1] } : {}) }] : [];
        }),
      },
      db,
    ),
    "Madison's fields",
  );
  if (!changed.ok) throw new Error(`Demo mail: field states: ${JSON.stringify(changed.fieldErrors)}`);
  await dateEvents(db, madison.id, since, statesAt);
  await db.update(requestFields).set({ stateChangedAt: statesAt }).where(eq(requestFields.requestId, madison.id));

  since = await lastSeq(db, madison.id);
  const status = must(
    await changeStatus(viewer, madison.id, { status: "partially_fulfilled", note: "2021–2023 received as CSV; 2024 onward to follow.", on: addDays(today, -1) }, addDays(today, -1), db),
    "Madison's status",
  );
  if (!status.ok) throw new Error(`Demo mail: status: ${JSON.stringify(status.fieldErrors)}`);
  await dateEvents(db, madison.id, since, at(1, 10, 7));
  await db.update(requests).set({ updatedAt: at(1, 10, 7) }).where(eq(requests.id, madison.id));
}
