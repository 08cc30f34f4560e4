import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loginThrottles } from "../../db/schema";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, LOGIN_WINDOW_SECONDS } from "~/domain/login-throttle.server";
import * as login from "~/routes/login";
import { db } from "~/utils/db.server";
import { callRoute, makeMember, makeOrganization } from "./factories";

let org: Awaited<ReturnType<typeof makeOrganization>>;
beforeAll(async () => {
  org = await makeOrganization("Throttle");
});

// Each test uses its own address so the per-address counter of one test never reaches another.
const freshAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;
const attempt = (email: string, password: string, clientAddress?: string) =>
  callRoute(login.action, { url: "/login", form: { email, password }, context: clientAddress ? { clientAddress } : {} });

describe("login throttling per account", () => {
  it(`refuses with 429 and Retry-After after ${ACCOUNT_FAILURE_LIMIT} failures, even with the right password`, async () => {
    const user = await makeMember(org, "advocate");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect((await attempt(user.email, "wrong password", freshAddress())).status).toBe(400);
    }
    const refused = await attempt(user.email.toUpperCase(), org.password, freshAddress());
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(LOGIN_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    const body = (await refused.json()) as { error: Record<string, string[]> };
    expect(body.error[""]?.[0]).toMatch(/Too many failed sign-in attempts\. Try again in 15 minutes\./);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
  });

  it("a successful sign-in resets the account's count", async () => {
    const user = await makeMember(org, "advocate");
    const address = freshAddress();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await attempt(user.email, "wrong password", address);
    expect((await attempt(user.email, org.password, address)).status).toBe(302);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) {
      expect((await attempt(user.email, "wrong password", address)).status).toBe(400);
    }
    expect((await attempt(user.email, org.password, address)).status).toBe(302);
  });

  it("lets the account try again once the window has passed", async () => {
    const user = await makeMember(org, "advocate");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await attempt(user.email, "wrong password");
    expect((await attempt(user.email, org.password)).status).toBe(429);
    await db
      .update(loginThrottles)
      .set({ windowStartedAt: sql`now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS + 1})` })
      .where(eq(loginThrottles.key, `account:${user.email}`));
    expect((await attempt(user.email, org.password)).status).toBe(302);
    // The successful sign-in also swept away counters whose window had ended.
    expect(await db.select().from(loginThrottles).where(sql`${loginThrottles.windowStartedAt} <= now() - make_interval(secs => ${LOGIN_WINDOW_SECONDS})`)).toEqual([]);
  });

  it("counts unknown emails too, so probing for accounts is throttled the same way", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.org`;
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) expect((await attempt(email, "guess")).status).toBe(400);
    expect((await attempt(email, "guess")).status).toBe(429);
  });
});

describe("login throttling per client address", () => {
  it(`refuses an address after ${ADDRESS_FAILURE_LIMIT} failures across accounts, and only that address`, async () => {
    const address = freshAddress();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      expect((await attempt(`spray-${i}-${randomUUID().slice(0, 6)}@example.org`, "guess", address)).status).toBe(400);
    }
    const user = await makeMember(org, "viewer");
    const refused = await attempt(user.email, org.password, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The same account from another address is fine: the account itself has no failures.
    expect((await attempt(user.email, org.password, freshAddress())).status).toBe(302);
  }, 60_000);

  it("keeps the address count when one of its sign-ins succeeds", async () => {
    const address = freshAddress();
    const user = await makeMember(org, "viewer");
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 1; i++) await attempt(`spray-${i}-${randomUUID().slice(0, 6)}@example.org`, "guess", address);
    expect((await attempt(user.email, org.password, address)).status).toBe(302);
    await attempt(`spray-last-${randomUUID().slice(0, 6)}@example.org`, "guess", address);
    expect((await attempt(user.email, org.password, address)).status).toBe(429);
  }, 60_000);
});
