// Prepares the e2e database before the server starts (the embedded database allows one process at a time):
// the demo coalition (with a member for the password reset spec), three more cities on Mark43 RMS whose states set
// fixed (and different) response times, plus a second organization with a request the demo user must never reach.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { runMigrations } from "../../db/migrate";
import { jurisdictions, products, users, vendors } from "../../db/schema";
import { DEMO_EMAIL, seedDemo } from "../../db/seed/demo";
import { seedReferenceData } from "../../db/seed/reference";
import { createOrganization, createUser, viewerFor } from "../../app/domain/accounts.server";
import { createAgency, createLocalJurisdiction } from "../../app/domain/places.server";
import { createRequest } from "../../app/domain/requests.server";
import { createSystem } from "../../app/domain/systems.server";
import { todayIn } from "../../app/utils/dates";
import { db, dbHandle } from "../../app/utils/db.server";

await runMigrations(dbHandle);
await seedReferenceData(db);
const today = todayIn("America/New_York");
const { organizationId } = await db.transaction((tx) => seedDemo(tx, today));
// Someone in the demo organization whose password the reset spec changes, so no other spec depends on it.
await createUser(db, { organizationId, email: "riley@example.org", name: "Riley Reset", password: "riley-old-password", role: "advocate" });

// Colorado (3 business days), Pennsylvania (5 business days) and Maryland (30 calendar days): three due dates
// that differ whatever the day the test runs.
const [demoUser] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL));
const demo = (await viewerFor(db, demoUser!.id))!;
const [mark43] = await db.select({ id: products.id }).from(products).where(and(eq(products.organizationId, organizationId), eq(products.name, "Mark43 RMS")));
// Denver and Reading have a records email; Baltimore has none yet (the joint ask's send page asks for one).
for (const [state, place, name, email] of [
  ["CO", "Denver", "Denver Police Department", "records@denvergov.example"],
  ["PA", "Reading", "Reading Police Department", "righttoknow@readingpa.example"],
  ["MD", "Baltimore", "Baltimore Police Department", undefined],
] as const) {
  const [stateRow] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, state), isNull(jurisdictions.organizationId)));
  const placeRow = await createLocalJurisdiction(demo, { name: place, kind: "city", stateId: stateRow!.id });
  if (!placeRow.ok) throw new Error(`place ${place}`);
  const agency = await createAgency(demo, { name, type: "police", jurisdictionId: placeRow.value.id, recordsContactEmail: email });
  if (!agency.ok) throw new Error(`agency ${name}`);
  const system = await createSystem(demo, agency.value.id, { systemType: "records_management", productId: mark43!.id, confidence: "confirmed" }, null);
  if (!system?.ok) throw new Error(`system of ${name}`);
}

// Mark43's records contact, for the letter a joint ask sends the vendor.
await db.update(vendors).set({ contactEmail: "legal@mark43.example" }).where(and(eq(vendors.organizationId, organizationId), eq(vendors.name, "Mark43")));

const org = await createOrganization(db, { name: "Elsewhere Watch" });
const user = await createUser(db, { organizationId: org.id, email: "other@example.org", name: "Other Person", password: "other-password", role: "admin" });
const viewer = { id: user.id, organizationId: org.id, organizationName: org.name, organizationCode: org.shortCode, timeZone: org.timeZone, email: user.email, name: user.name, role: "admin" as const, partnerOrganizationIds: [] };
const [ohio] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, "OH"), isNull(jurisdictions.organizationId)));
const city = await createLocalJurisdiction(viewer, { name: "Columbus", kind: "city", stateId: ohio!.id });
if (!city.ok) throw new Error("city");
const agency = await createAgency(viewer, { name: "Columbus Division of Police", type: "police", jurisdictionId: city.value.id });
if (!agency.ok) throw new Error("agency");
const secret = await createRequest(viewer, { title: "Elsewhere private ask", description: "Not for other organizations.", agencyId: agency.value.id, initialStatus: "draft", tags: [] }, today);
if (!secret.ok) throw new Error("request");

writeFileSync(path.join(process.env.DATA_DIR!, "e2e-fixture.json"), JSON.stringify({ otherRequestId: secret.value.id, otherTitle: "Elsewhere private ask" }));
await dbHandle.close();
