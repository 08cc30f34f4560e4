import { describe, expect, it } from "vitest";
import { can, mayAssign, requirePermission } from "~/domain/permissions";

const me = "11111111-1111-4111-8111-111111111111";
const someone = "22222222-2222-4222-8222-222222222222";

describe("mayAssign", () => {
  it("lets coordinators and admins assign anyone", () => {
    for (const role of ["admin", "coordinator"] as const) {
      expect(mayAssign({ id: me, role }, null, someone)).toBe(true);
      expect(mayAssign({ id: me, role }, someone, null)).toBe(true);
    }
  });

  it("lets an advocate keep, take and release their own, but not hand a request to or take it from someone else", () => {
    const advocate = { id: me, role: "advocate" as const };
    expect(mayAssign(advocate, someone, someone)).toBe(true);
    expect(mayAssign(advocate, null, null)).toBe(true);
    expect(mayAssign(advocate, null, me)).toBe(true);
    expect(mayAssign(advocate, someone, me)).toBe(true);
    expect(mayAssign(advocate, me, null)).toBe(true);
    expect(mayAssign(advocate, null, someone)).toBe(false);
    expect(mayAssign(advocate, me, someone)).toBe(false);
    expect(mayAssign(advocate, someone, null)).toBe(false);
  });
});

describe("can and requirePermission", () => {
  it("deny a missing viewer and throw a 403 Response naming the role", async () => {
    expect(can(null, "request.create")).toBe(false);
    expect(can({ role: "viewer" }, "request.create")).toBe(false);
    let thrown: unknown;
    try {
      requirePermission({ role: "viewer" }, "request.create");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(await (thrown as Response).text()).toContain("Your role (Viewer) can't do this: file a request");
    expect(() => requirePermission({ role: "advocate" }, "request.create")).not.toThrow();
  });
});
