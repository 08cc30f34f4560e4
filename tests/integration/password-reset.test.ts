import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, outboxMessages, passwordResets, sessions, users } from "../../db/schema";
import { mailConfig } from "~/domain/mail/config.server";
import { getOutboxMessage } from "~/domain/mail/outbox.server";
import { resetPassword } from "~/domain/password-resets.server";
import { setUserDisabled } from "~/domain/user-admin.server";
import * as forgotPassword from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as outboxMessagePage from "~/routes/outbox.$messageId";
import * as outboxIndex from "~/routes/outbox._index";
import * as requestsIndex from "~/routes/requests._index";
import * as resetPage from "~/routes/reset-password.$token";
import { db } from "~/utils/db.server";
import { takeFlash } from "~/utils/flash.server";
import { callRoute, cookieFor, makeMember, makeOrganization } from "./factories";
import { deliverToDevMailbox, lastDelivered, tokenIn } from "./support/dev-mailbox";

let org: Awaited<ReturnType<typeof makeOrganization>>;

beforeAll(async () => {
  org = await makeOrganization("Resetting");
});

const ask = (email: string) => callRoute(forgotPassword.action, { url: "/forgot-password", form: { email }, context: { clientAddress: "198.51.100.20" } });
const open = (token: string) => callRoute(resetPage.loader, { url: `/reset-password/${token}`, params: { token } });
const choose = (token: string, password: string, confirmPassword = password, cookie?: string) =>
  callRoute(resetPage.action, { url: `/reset-password/${token}`, params: { token }, form: { password, confirmPassword }, cookie });
const signInWith = (email: string, password: string) => callRoute(login.action, { url: "/login", form: { email, password } });

const resetsOf = (userId: string) => db.select().from(passwordResets).where(eq(passwordResets.userId, userId));
const resetMailsTo = (email: string) =>
  db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "password_reset"), eq(outboxMessages.toAddress, email)));

/** Asks for a link through the page and reads it from the development mailbox, as the person would. */
async function linkFor(email: string): Promise<string> {
  expect((await ask(email)).status).toBe(302);
  await deliverToDevMailbox(org.org.id);
  const mail = await lastDelivered(org.org.id, "password_reset", email);
  const token = mail ? tokenIn(mail.text, "reset-password") : null;
  if (!token) throw new Error(`no reset link for ${email}`);
  return token;
}

async function flashOf(response: Response) {
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).flash;
}

describe("asking for a reset link", () => {
  it("answers exactly the same for a real, a disabled and an unknown address; only the real one gets mail", async () => {
    const real = await makeMember(org, "advocate");
    const disabled = await makeMember(org, "viewer");
    expect((await setUserDisabled(org.viewer, disabled.id, true, null))?.ok).toBe(true);
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.org`;

    const answers = [await ask(real.email), await ask(disabled.email.toUpperCase()), await ask(unknown)];
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toBe("/forgot-password");
    }
    // Same status, same place, same (signed) flash cookie, byte for byte.
    expect(new Set(answers.map((a) => a.headers.get("Set-Cookie"))).size).toBe(1);
    expect(await flashOf(answers[0]!)).toEqual({
      kind: "success",
      message: expect.stringContaining("If an account exists for that address, we sent a link to choose a new password; it works for 60 minutes."),
    });

    expect(await resetsOf(real.id)).toHaveLength(1);
    expect(await resetsOf(disabled.id)).toHaveLength(0);
    expect(await resetMailsTo(real.email)).toHaveLength(1);
    expect(await resetMailsTo(disabled.email)).toHaveLength(0);
    expect(await resetMailsTo(unknown)).toHaveLength(0);
    const [mail] = await resetMailsTo(real.email);
    expect(mail!.recipientUserId).toBe(real.id);

    const [requested] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.password_reset_requested"), eq(auditEvents.targetId, real.id)));
    expect(requested).toMatchObject({ organizationId: org.org.id, actorId: null, ipAddress: "198.51.100.20" });
    expect(requested!.details).toMatchObject({ outcome: "sent" });
  });

  it("refuses a malformed address with the field named (the same for everyone)", async () => {
    for (const email of ["", "not an address"]) {
      const response = await ask(email);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: Record<string, string[]> };
      expect(body.errors.email?.join(" ")).toMatch(/Enter (your|an) email address/);
    }
  });

  it("sends at most 3 links an hour per account; later requests answer the same and send nothing", async () => {
    const person = await makeMember(org, "coordinator");
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask(person.email));
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302, 302]);
    expect(new Set(answers.map((a) => a.headers.get("Set-Cookie"))).size).toBe(1);
    expect(await resetsOf(person.id)).toHaveLength(3);
    expect(await resetMailsTo(person.email)).toHaveLength(3);
    const outcomes = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.password_reset_requested"), eq(auditEvents.targetId, person.id)));
    expect(outcomes.map((o) => (o.details as { outcome: string }).outcome).sort()).toEqual(["rate_limited", "rate_limited", "sent", "sent", "sent"]);

    // An hour later the account may ask again.
    await db
      .update(passwordResets)
      .set({ createdAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(passwordResets.userId, person.id));
    await ask(person.email);
    expect(await resetsOf(person.id)).toHaveLength(4);
  });
});

describe("choosing a new password", () => {
  it("the emailed link sets the password, ends every session, voids the old password and signs in afresh", async () => {
    const person = await makeMember(org, "advocate");
    const laptop = person.cookie;
    const phone = await cookieFor(person.id);
    const token = await linkFor(person.email);
    const mail = await lastDelivered(org.org.id, "password_reset", person.email);
    expect(mail!.text).toContain(`${mailConfig().appUrl}/reset-password/${token}`);
    expect(mail!.text).toContain("works once, for 60 minutes");

    const page = await open(token);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ view: { state: "valid", email: person.email } });

    const done = await choose(token, "a brand new passphrase", "a brand new passphrase", laptop);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/");
    expect((await flashOf(done))?.message).toMatch(/password is changed/);
    const fresh = done.headers
      .getSetCookie()
      .find((c) => c.startsWith("jointask_session="))!
      .split(";")[0]!;
    expect(fresh).not.toBe(laptop);

    // Every earlier session ended; the new one works.
    for (const cookie of [laptop, phone]) {
      const response = await callRoute(requestsIndex.loader, { url: "/requests", cookie });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie: fresh })).status).toBe(200);
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(1);

    expect((await signInWith(person.email, org.password)).status).toBe(400);
    expect((await signInWith(person.email, "a brand new passphrase")).status).toBe(302);

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.password_reset"), eq(auditEvents.targetId, person.id)))
      .orderBy(desc(auditEvents.at));
    expect(audit).toMatchObject({ organizationId: org.org.id, actorId: person.id });
    expect(audit!.details).toMatchObject({ endedSessions: 2 });
  });

  it("works once: the link then answers 410 and changes nothing; earlier links die with it", async () => {
    const person = await makeMember(org, "advocate");
    const older = await linkFor(person.email);
    const token = await linkFor(person.email);
    expect(older).not.toBe(token);
    expect((await choose(token, "first new password")).status).toBe(302);

    for (const link of [token, older]) {
      const page = await open(link);
      expect(page.status).toBe(410);
      expect(await page.json()).toMatchObject({ view: { state: "used" } });
      expect((await choose(link, "second new password")).status).toBe(410);
    }
    expect((await signInWith(person.email, "second new password")).status).toBe(400);
    expect((await signInWith(person.email, "first new password")).status).toBe(302);
  });

  it("of two concurrent uses of one link, exactly one sets the password", async () => {
    const person = await makeMember(org, "advocate");
    const token = await linkFor(person.email);
    const results = await Promise.all([resetPassword(token, "racing password one"), resetPassword(token, "racing password two")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? "racing password one" : "racing password two";
    const loser = results[0]!.ok ? "racing password two" : "racing password one";
    expect((await signInWith(person.email, loser)).status).toBe(400);
    expect((await signInWith(person.email, winner)).status).toBe(302);
  });

  it("an expired link answers 410 and keeps the password", async () => {
    const person = await makeMember(org, "viewer");
    const token = await linkFor(person.email);
    await db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, person.id));
    const page = await open(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ view: { state: "expired" } });
    expect((await choose(token, "too late password")).status).toBe(410);
    expect((await signInWith(person.email, org.password)).status).toBe(302);
  });

  it("an unknown link answers 404; a disabled account's link stops working", async () => {
    for (const token of ["B".repeat(43), "nope"]) {
      expect((await open(token)).status).toBe(404);
      expect((await choose(token, "whatever password")).status).toBe(404);
    }
    const person = await makeMember(org, "advocate");
    const token = await linkFor(person.email);
    const hashOf = async () => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, person.id)))[0]!.hash;
    const before = await hashOf();
    await setUserDisabled(org.viewer, person.id, true, null);
    expect((await open(token)).status).toBe(404);
    expect((await choose(token, "disabled but trying")).status).toBe(404);
    expect(await hashOf()).toBe(before);
    await setUserDisabled(org.viewer, person.id, false, null);
    expect((await signInWith(person.email, org.password)).status).toBe(302);
  });

  it("refuses a short password and different passwords with the field named, keeping the link", async () => {
    const person = await makeMember(org, "advocate");
    const token = await linkFor(person.email);
    const short = await choose(token, "short");
    expect(short.status).toBe(400);
    expect(((await short.json()) as { errors: Record<string, string[]> }).errors.password?.join(" ")).toMatch(/at least 8 characters/);
    const differ = await choose(token, "one long password", "another long password");
    expect(differ.status).toBe(400);
    expect(((await differ.json()) as { errors: Record<string, string[]> }).errors.confirmPassword?.join(" ")).toMatch(/not the same/);
    expect((await open(token)).status).toBe(200);
    expect((await signInWith(person.email, org.password)).status).toBe(302);
  });
});

describe("reset messages in the outbox", () => {
  it("in the development mailbox, only the recipient and admins read the link; with SMTP, nobody", async () => {
    const person = await makeMember(org, "coordinator");
    const colleague = await makeMember(org, "coordinator");
    const adminCookie = await cookieFor(org.admin.id);
    const token = await linkFor(person.email);
    const [mail] = await resetMailsTo(person.email);
    const readAs = (cookie: string) => callRoute(outboxMessagePage.loader, { url: `/outbox/${mail!.id}`, params: { messageId: mail!.id }, cookie });

    for (const cookie of [adminCookie, person.cookie]) {
      const page = await readAs(cookie);
      expect(page.status).toBe(200);
      const body = (await page.json()) as { message: { text: string; html: string }; devMailbox: { raw: string } | null; hiddenBody: string | null };
      expect(body.hiddenBody).toBeNull();
      expect(body.message.text).toContain(token);
      expect((await simpleParser(body.devMailbox!.raw)).text).toContain(token);
    }

    const page = await readAs(colleague.cookie);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain("reset-password/");
    const hidden = JSON.parse(text) as { message: { text: string; html: string }; devMailbox: { raw: string }; hiddenBody: string };
    expect(hidden.hiddenBody).toMatch(/only its recipient and your organization's admins/);
    expect([hidden.message.text, hidden.message.html, hidden.devMailbox.raw]).toEqual(["", "", ""]);
    // The list shows that it was sent, never its link.
    const list = await callRoute(outboxIndex.loader, { url: "/outbox", cookie: colleague.cookie });
    const listed = await list.text();
    expect(listed).toContain("Reset your JointAsk password");
    expect(listed).not.toContain(token);

    // With an SMTP server, not even an admin or the recipient reads it in the app.
    for (const viewer of [org.viewer, person.viewer]) {
      const found = await getOutboxMessage(viewer, mail!.id, db, { smtpConfigured: true });
      expect(found!.hiddenBody).toBe("This message holds a sign-in link and is not shown: it went to its recipient's mailbox only.");
      expect(JSON.stringify(found)).not.toContain(token);
    }
  });
});
