import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contactBounces, inboundMessages, requests } from "../../db/schema";
import { ATTENTION_SECTIONS, chaseBoard, chaseCounts } from "~/domain/chase.server";
import { db } from "~/utils/db.server";
import { makeOrganization, makeRequest, TODAY } from "./factories";

// The navigation's count reads the open rows through their own index: it must keep counting exactly what the
// chase board shows in its "needs attention" sections.

describe("the navigation's needs-attention count", () => {
  it("equals the board's attention sections, bounced drafts and open bounces included", async () => {
    const org = await makeOrganization("Attention");
    const make = async (set: Partial<typeof requests.$inferInsert>, initialStatus: "draft" | "submitted" = "submitted") => {
      const created = await makeRequest(org.viewer, org.agencyId, { initialStatus });
      if (Object.keys(set).length) await db.update(requests).set(set).where(eq(requests.id, created.id));
      return created.id;
    };
    await make({ dueOn: "2026-11-01" }); // overdue
    await make({ dueOn: "2026-11-01", nextActionOn: "2026-12-01" }); // overdue, scheduled: not counted
    await make({ status: "fee_requested", dueOn: "2026-12-20" }); // waiting on us
    await make({ dueOn: "2026-11-25" }); // due soon
    await make({ dueOn: "2026-12-20", nextActionOn: "2026-11-20" }); // follow-up
    await make({ dueOn: "2026-12-20" }); // nothing due: not counted
    await make({ status: "fulfilled", dueOn: "2026-11-01" }); // answered: not counted
    await make({}, "draft"); // a draft: not counted
    const bounce = async (requestId: string) => {
      const [inbound] = await db
        .insert(inboundMessages)
        .values({ organizationId: org.org.id, requestId, status: "filed", channel: "upload", messageId: `<${randomUUID()}@x.example>`, rawKey: "x", rawSize: 1, classification: "bounce" })
        .returning();
      await db.insert(contactBounces).values({ organizationId: org.org.id, requestId, agencyId: org.agencyId, inboundMessageId: inbound!.id, address: "old@attention.example", reason: "550 5.1.1 User unknown" });
    };
    await bounce(await make({}, "draft")); // a draft whose letter bounced: fix the contact
    await bounce(await make({ dueOn: "2026-12-20" })); // an open request whose letter bounced

    const board = await chaseBoard(org.viewer, TODAY);
    const bySection = Object.fromEntries(board.map((s) => [s.key, s.total]));
    expect(bySection).toMatchObject({ fix_contact: 2, overdue: 1, waiting_on_us: 1, due_soon: 1, follow_up: 1, overdue_scheduled: 1 });
    const attention = ATTENTION_SECTIONS.reduce((sum, key) => sum + (bySection[key] ?? 0), 0);
    expect(await chaseCounts(org.viewer, TODAY)).toEqual({ overdue: 1, attention });
    expect(attention).toBe(6);
  });
});
