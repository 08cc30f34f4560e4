import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { requests, savedViews, users } from "../../db/schema";
import { listFilterOptions } from "~/domain/request-list-options.server";
import { listTags } from "~/domain/requests.server";
import { listSavedViews, saveView } from "~/domain/saved-views.server";
import type { Viewer } from "~/domain/accounts.server";
import { db } from "~/utils/db.server";
import { formCoalition, freshViewer, makeMember, makeOrganization, makeRequest } from "./factories";

// The requests list's filter options (tags, saved views) come from one statement: it must offer exactly what the
// separate queries offer, and nothing of another organization or person. (People are picked with a search box.)

let a: Awaited<ReturnType<typeof makeOrganization>>;
let aViewer: Viewer;
let bViewer: Viewer;

beforeAll(async () => {
  a = await makeOrganization("Options A");
  const b = await makeOrganization("Options B");
  await formCoalition(a, b);
  aViewer = await freshViewer(a.admin.id);
  bViewer = await freshViewer(b.admin.id);
  const own = await makeRequest(aViewer, a.agencyId, { visibility: "private" });
  await db.update(requests).set({ tags: ["zeta own", "Alpha own"] }).where(eq(requests.id, own.id));
  const shared = await makeRequest(bViewer, b.agencyId, { visibility: "coalition" });
  await db.update(requests).set({ tags: ["partner shared"] }).where(eq(requests.id, shared.id));
  const hidden = await makeRequest(bViewer, b.agencyId, { visibility: "private" });
  await db.update(requests).set({ tags: ["partner private"] }).where(eq(requests.id, hidden.id));
  const gone = await makeMember(a, "coordinator");
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
  for (const name of ["Open ones", "Backlog"]) {
    const saved = await saveView(aViewer, { name, query: name === "Backlog" ? "status=submitted" : "status=awaiting_response" });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  // A view the list's schema no longer accepts, and another person's view.
  await db.insert(savedViews).values({ userId: aViewer.id, organizationId: aViewer.organizationId, name: "Old", query: "status=nonsense" });
  const saved = await saveView({ ...aViewer, id: a.member.id }, { name: "Member's", query: "" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
});

describe("listFilterOptions", () => {
  it("offers what listTags and listSavedViews offer", async () => {
    const options = await listFilterOptions(aViewer);
    expect(options).toEqual({
      tags: await listTags(aViewer),
      views: await listSavedViews(aViewer),
    });
  });

  it("offers the organization's tags and partners' shared ones, and the viewer's own views only", async () => {
    const options = await listFilterOptions(aViewer);
    expect(options.tags).toEqual(["Alpha own", "partner shared", "zeta own"]);
    expect(options.views.map((v) => [v.name, v.valid])).toEqual([
      ["Backlog", true],
      ["Old", false],
      ["Open ones", true],
    ]);
  });

  it("gives empty lists, not nulls, when there is nothing to offer", async () => {
    const lone = await makeOrganization("Options lone");
    const options = await listFilterOptions({ ...lone.viewer, id: lone.member.id });
    expect(options.views).toEqual([]);
    expect(options.tags).toEqual([]);
  });
});
