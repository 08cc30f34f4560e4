import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organizations } from "../../db/schema";
import { createOrganization } from "~/domain/accounts.server";
import { requestReference } from "~/domain/request-reference";
import * as apiRequests from "~/routes/api.v1.requests";
import * as requestPage from "~/routes/requests.$requestId";
import * as settings from "~/routes/settings.organization";
import { db } from "~/utils/db.server";
import { callRoute, cookieFor, makeOrganization, makeRequest } from "./factories";

// Each organization's short code goes before its request numbers ("TRC-12"), so two organizations' #1 differ.

describe("organization short codes", () => {
  it("are derived from the name at creation, unique, and editable", async () => {
    const suffix = Math.random().toString(36).slice(2, 5).toUpperCase().replace(/[^A-Z]/g, "Q");
    const acronym = await createOrganization(db, { name: `Z${suffix} (Zeta Records Project)` });
    expect(acronym.shortCode).toBe(`Z${suffix}`);
    const again = await createOrganization(db, { name: `Z${suffix} (another one)` });
    expect(again.shortCode).toBe(`Z${suffix}2`);
    const words = await createOrganization(db, { name: "Quiet Valley Open Records Lab" });
    expect(words.shortCode).toMatch(/^QVOR\d*$/);
    const [edited] = await db.update(organizations).set({ shortCode: "QV" }).where(eq(organizations.id, words.id)).returning();
    expect(edited!.shortCode).toBe("QV");
    await expect(db.update(organizations).set({ shortCode: `Z${suffix}` }).where(eq(organizations.id, words.id))).rejects.toThrow();
    await expect(db.update(organizations).set({ shortCode: "bad code" }).where(eq(organizations.id, words.id))).rejects.toThrow();
  });

  it("an admin changes it on /settings/organization; a taken or malformed code is refused on shortCode", async () => {
    const org = await makeOrganization("CodesEdit");
    const other = await makeOrganization("CodesOther");
    const [otherCode] = await db.select({ c: organizations.shortCode }).from(organizations).where(eq(organizations.id, other.org.id));
    const cookie = await cookieFor(org.admin.id);
    const code = `E${Math.random().toString(36).slice(2, 6).toUpperCase().replace(/[^A-Z0-9]/g, "E")}`;
    const saved = await callRoute(settings.action as never, { url: "/settings/organization", cookie, form: { shortCode: code.toLowerCase() } });
    expect(saved.status).toBe(302);
    const [row] = await db.select({ c: organizations.shortCode }).from(organizations).where(eq(organizations.id, org.org.id));
    expect(row!.c).toBe(code);
    for (const bad of [otherCode!.c, "1AB", "A", "TOOLONGCODE", "A B"]) {
      const refused = await callRoute(settings.action as never, { url: "/settings/organization", cookie, form: { shortCode: bad } });
      expect(refused.status, bad).toBe(422);
      expect(Object.keys(((await refused.json()) as { errors: Record<string, string[]> }).errors)).toEqual(["shortCode"]);
    }
    const member = await callRoute(settings.action as never, { url: "/settings/organization", cookie: await cookieFor(org.member.id), form: { shortCode: "ZZZ" } });
    expect(member.status).toBe(403);
  });

  it("show before each number in the API and on the request page", async () => {
    const a = await makeOrganization("CodesA");
    const b = await makeOrganization("CodesB");
    const ra = await makeRequest(a.viewer, a.agencyId);
    const rb = await makeRequest(b.viewer, b.agencyId);
    expect(ra.number).toBe(1);
    expect(rb.number).toBe(1);
    const [codeA] = await db.select({ c: organizations.shortCode }).from(organizations).where(eq(organizations.id, a.org.id));
    const [codeB] = await db.select({ c: organizations.shortCode }).from(organizations).where(eq(organizations.id, b.org.id));
    expect(codeA!.c).not.toBe(codeB!.c);
    const response = await callRoute(apiRequests.loader, { url: "/api/v1/requests", cookie: await cookieFor(a.admin.id) });
    const body = (await response.json()) as { data: { id: string; reference: string; organization: { code: string } }[] };
    const item = body.data.find((d) => d.id === ra.id)!;
    expect(item.reference).toBe(`${codeA!.c}-1`);
    expect(item.organization.code).toBe(codeA!.c);
    expect(requestReference({ organizationCode: codeB!.c, number: 1 })).not.toBe(item.reference);
    const page = await callRoute(requestPage.loader as never, { url: `/requests/${ra.id}`, cookie: await cookieFor(a.admin.id), params: { requestId: ra.id } });
    expect(page.status).toBe(200);
    const data = (await page.json()) as { request: { organizationCode: string; number: number } };
    expect(requestReference(data.request)).toBe(`${codeA!.c}-1`);
  });
});
