import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, outboxMessages, userInvitations, users } from "../../db/schema";
import { acceptInvitation, inviteUser } from "~/domain/invitations.server";
import { mailConfig } from "~/domain/mail/config.server";
import * as adminUsers from "~/routes/admin.users";
import * as invitationPage from "~/routes/invitations.$token";
import * as outboxMessagePage from "~/routes/outbox.$messageId";
import * as outboxIndex from "~/routes/outbox._index";
import * as requestsIndex from "~/routes/requests._index";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeMember, makeOrganization } from "./factories";
import { deliverToDevMailbox, lastDelivered, tokenIn } from "./support/dev-mailbox";

let org: Awaited<ReturnType<typeof makeOrganization>>;
let other: Awaited<ReturnType<typeof makeOrganization>>;
let adminCookie: string;
let otherAdminCookie: string;

beforeAll(async () => {
  org = await makeOrganization("Inviting");
  other = await makeOrganization("Elsewhere");
  adminCookie = await cookieFor(org.admin.id);
  otherAdminCookie = await cookieFor(other.admin.id);
});

const freshEmail = () => `new-${randomUUID().slice(0, 8)}@example.org`;

function invite(form: Record<string, string>, cookie = adminCookie) {
  return callRoute(adminUsers.action, { url: "/admin/users", cookie, form: { intent: "invite", ...form }, context: { clientAddress: "203.0.113.9" } });
}

function openInvitation(token: string) {
  return callRoute(invitationPage.loader, { url: `/invitations/${token}`, params: { token } });
}

function accept(token: string, form: Record<string, string>) {
  return callRoute(invitationPage.action, { url: `/invitations/${token}`, params: { token }, form });
}

const goodForm = { name: "Noor Haddad", password: "a long enough password", confirmPassword: "a long enough password" };

type Pending = { id: string; email: string; role: string };
async function pendingOf(cookie: string): Promise<Pending[]> {
  const response = await callRoute(adminUsers.loader, { url: "/admin/users", cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { invitations: Pending[] }).invitations;
}

async function invitedToken(email: string, role: "admin" | "coordinator" | "advocate" | "viewer" = "coordinator") {
  const result = await inviteUser(org.viewer, { email, role });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return tokenIn(result.value.acceptUrl, "invitations")!;
}

describe("inviting someone by email", () => {
  it("sends a single-use link through the outbox; accepting creates the member with the role and signs them in", async () => {
    const email = freshEmail();
    const sent = await invite({ email: email.toUpperCase().replace("@EXAMPLE.ORG", "@Example.org"), role: "advocate" });
    expect(sent.status).toBe(302);
    expect((await pendingOf(adminCookie)).find((i) => i.email === email)).toMatchObject({ role: "advocate" });

    expect((await deliverToDevMailbox(org.org.id)).sent).toBeGreaterThanOrEqual(1);
    const mail = await lastDelivered(org.org.id, "user_invitation", email);
    expect(mail).not.toBeNull();
    expect(mail!.subject).toBe(`Inviting Admin invites you to ${org.org.name} on JointAsk`);
    expect(mail!.text).toContain(`${mailConfig().appUrl}/invitations/`);
    expect(mail!.text).toContain("as an advocate");
    const token = tokenIn(mail!.text, "invitations");
    expect(token).not.toBeNull();
    expect(tokenIn(mail!.html, "invitations")).toBe(token);
    // Only the hash is stored.
    const stored = await db.select().from(userInvitations).where(eq(userInvitations.email, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token!);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const page = await openInvitation(token!);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ view: { state: "valid", organizationName: org.org.name, role: "advocate", email, invitedBy: "Inviting Admin" } });

    const joined = await accept(token!, goodForm);
    expect(joined.status).toBe(302);
    expect(joined.headers.get("Location")).toBe("/");
    const cookies = joined.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("jointask_session="))).toBe(true);
    expect(cookies.some((c) => c.startsWith("jointask_flash="))).toBe(true);

    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ organizationId: org.org.id, role: "advocate", name: "Noor Haddad", disabledAt: null });
    const [invitation] = await db.select().from(userInvitations).where(eq(userInvitations.email, email));
    expect(invitation!.acceptedAt).not.toBeNull();
    expect(invitation!.acceptedUserId).toBe(user!.id);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.org.id), eq(auditEvents.action, "user.joined"), eq(auditEvents.targetId, user!.id)));
    expect(audit).toMatchObject({ actorId: user!.id });

    // The new session works, and says welcome once.
    const session = cookies.find((c) => c.startsWith("jointask_session="))!.split(";")[0]!;
    expect((await callRoute(requestsIndex.loader, { url: "/requests", cookie: session })).status).toBe(200);

    // The link is spent: the page and a second submit answer 410, and no second account appears.
    const again = await openInvitation(token!);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ view: { state: "used", organizationName: org.org.name } });
    const resubmit = await accept(token!, { ...goodForm, name: "Someone Else" });
    expect(resubmit.status).toBe(410);
    expect(await db.select().from(users).where(eq(sql`lower(${users.email})`, email))).toHaveLength(1);
    expect((await pendingOf(adminCookie)).some((i) => i.email === email)).toBe(false);
  });

  it("of two concurrent accepts, exactly one creates the account", async () => {
    const email = freshEmail();
    const token = await invitedToken(email, "viewer");
    const results = await Promise.all([
      acceptInvitation(token, { name: "First", password: "first password here" }),
      acceptInvitation(token, { name: "Second", password: "second password here" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok ? Object.keys(refused.fieldErrors) : []).toEqual(["token"]);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("refuses a bad address, a taken one and a bad role with the field named, writing nothing", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(userInvitations).where(eq(userInvitations.organizationId, org.org.id));
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ email: "Ana <ana@example.org>", role: "advocate" }, "email", /without a name or angle brackets/],
      [{ email: "not-an-address", role: "advocate" }, "email", /single @/],
      [{ email: "", role: "advocate" }, "email", /Email is required/],
      [{ email: org.member.email.toUpperCase(), role: "advocate" }, "email", /already a member of your organization/],
      [{ email: other.member.email, role: "advocate" }, "email", /already has a JointAsk account/],
      [{ email: freshEmail(), role: "owner" }, "role", /Choose a role/],
    ];
    for (const [form, field, message] of cases) {
      const response = await invite(form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      const body = (await response.json()) as { intent: string; errors: Record<string, string[]> };
      expect(body.intent).toBe("invite");
      expect(body.errors[field]?.join(" "), JSON.stringify(form)).toMatch(message);
    }
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(userInvitations).where(eq(userInvitations.organizationId, org.org.id));
    expect(after).toEqual(before);
  });

  it("refuses a short password, different passwords and a missing name with the field named, keeping the link", async () => {
    const email = freshEmail();
    const token = await invitedToken(email);
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ ...goodForm, password: "short", confirmPassword: "short" }, "password", /at least 8 characters/],
      [{ ...goodForm, confirmPassword: "a different password" }, "confirmPassword", /not the same/],
      [{ ...goodForm, name: "   " }, "name", /Enter your name/],
      [{ name: "Noor" }, "password", /Choose a password/],
    ];
    for (const [form, field, message] of cases) {
      const response = await accept(token, form);
      expect(response.status, JSON.stringify(form)).toBe(400);
      const body = (await response.json()) as { errors: Record<string, string[]> };
      expect(body.errors[field]?.join(" "), JSON.stringify(form)).toMatch(message);
    }
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect((await openInvitation(token)).status).toBe(200);
    expect((await accept(token, goodForm)).status).toBe(302);
  });

  it("inviting the same address again revokes the earlier link", async () => {
    const email = freshEmail();
    const first = await invitedToken(email, "viewer");
    const response = await invite({ email, role: "coordinator" });
    expect(response.status).toBe(302);
    const pending = (await pendingOf(adminCookie)).filter((i) => i.email === email);
    expect(pending).toEqual([expect.objectContaining({ role: "coordinator" })]);
    const old = await openInvitation(first);
    expect(old.status).toBe(410);
    expect(await old.json()).toMatchObject({ view: { state: "revoked", invitedBy: "Inviting Admin", organizationName: org.org.name } });
    expect((await accept(first, goodForm)).status).toBe(410);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("an expired link answers 410 and creates nothing", async () => {
    const email = freshEmail();
    const token = await invitedToken(email);
    await db.update(userInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userInvitations.email, email));
    const page = await openInvitation(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ view: { state: "expired" } });
    expect((await accept(token, goodForm)).status).toBe(410);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect((await pendingOf(adminCookie)).some((i) => i.email === email)).toBe(false);
  });

  it("a revoked link answers 410; the revocation is audited", async () => {
    const email = freshEmail();
    const token = await invitedToken(email);
    const pending = (await pendingOf(adminCookie)).find((i) => i.email === email)!;
    const response = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form: { intent: "revoke-invitation", invitationId: pending.id } });
    expect(response.status).toBe(302);
    expect((await pendingOf(adminCookie)).some((i) => i.email === email)).toBe(false);
    const page = await openInvitation(token);
    expect(page.status).toBe(410);
    expect(await page.json()).toMatchObject({ view: { state: "revoked" } });
    expect((await accept(token, goodForm)).status).toBe(410);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.org.id), eq(auditEvents.action, "user.invitation_revoked")))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(audit).toMatchObject({ actorId: org.admin.id, targetId: pending.id });
    // Revoking it again finds nothing pending.
    const twice = await callRoute(adminUsers.action, { url: "/admin/users", cookie: adminCookie, form: { intent: "revoke-invitation", invitationId: pending.id } });
    expect(twice.status).toBe(404);
  });

  it("an unknown or malformed link answers 404", async () => {
    for (const token of ["A".repeat(43), "short", "../../etc"]) {
      const page = await openInvitation(token);
      expect(page.status, token).toBe(404);
      expect(await page.json()).toMatchObject({ view: { state: "unknown" } });
      expect((await accept(token, goodForm)).status).toBe(404);
    }
  });

  it("a coordinator can't invite or revoke (403)", async () => {
    const coordinator = await makeMember(org, "coordinator");
    const email = freshEmail();
    expect((await invite({ email, role: "admin" }, coordinator.cookie)).status).toBe(403);
    await invitedToken(email);
    const pending = (await pendingOf(adminCookie)).find((i) => i.email === email)!;
    const revoke = await callRoute(adminUsers.action, { url: "/admin/users", cookie: coordinator.cookie, form: { intent: "revoke-invitation", invitationId: pending.id } });
    expect(revoke.status).toBe(403);
    expect((await pendingOf(adminCookie)).some((i) => i.id === pending.id)).toBe(true);
  });

  it("only admins read an invitation's link in the outbox", async () => {
    const email = freshEmail();
    const token = await invitedToken(email, "admin");
    await deliverToDevMailbox(org.org.id);
    const [message] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.toAddress, email));
    const readAs = (cookie: string) => callRoute(outboxMessagePage.loader, { url: `/outbox/${message!.id}`, params: { messageId: message!.id }, cookie });
    const asAdmin = (await (await readAs(adminCookie)).json()) as { message: { text: string }; devMailbox: { raw: string }; hiddenBody: string | null };
    expect(asAdmin.hiddenBody).toBeNull();
    expect(asAdmin.message.text).toContain(token);
    for (const role of ["coordinator", "advocate", "viewer"] as const) {
      const member = await makeMember(org, role);
      const response = await readAs(member.cookie);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text, role).not.toContain(token);
      expect(text).not.toContain("/invitations/");
      expect((JSON.parse(text) as { hiddenBody: string }).hiddenBody).toMatch(/invitation link and is not shown/);
    }
  });

  it("another organization's admin neither sees nor revokes the invitation, nor its message", async () => {
    const email = freshEmail();
    await invitedToken(email);
    const pending = (await pendingOf(adminCookie)).find((i) => i.email === email)!;
    expect((await pendingOf(otherAdminCookie)).some((i) => i.email === email)).toBe(false);
    const revoke = await callRoute(adminUsers.action, { url: "/admin/users", cookie: otherAdminCookie, form: { intent: "revoke-invitation", invitationId: pending.id } });
    expect(revoke.status).toBe(404);
    expect((await pendingOf(adminCookie)).some((i) => i.id === pending.id)).toBe(true);
    const outbox = await callRoute(outboxIndex.loader, { url: "/outbox", cookie: otherAdminCookie });
    expect(await outbox.text()).not.toContain(email);
    const [message] = await db.select({ organizationId: outboxMessages.organizationId }).from(outboxMessages).where(eq(outboxMessages.toAddress, email));
    expect(message!.organizationId).toBe(org.org.id);
  });
});
