// Prepares the e2e database before the server starts (the embedded database allows one process at a time):
// the demo coalition (with a member for the password reset spec), plus a second organization with a request the demo user must never reach.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { runMigrations } from "../../db/migrate";
import { jurisdictions } from "../../db/schema";
import { seedDemo } from "../../db/seed/demo";
import { seedReferenceData } from "../../db/seed/reference";
import { createOrganization, createUser } from "../../app/domain/accounts.server";
import { createAgency, createLocalJurisdiction } from "../../app/domain/places.server";
import { createRequest } from "../../app/domain/requests.server";
import { todayIn } from "../../app/utils/dates";
import { db, dbHandle } from "../../app/utils/db.server";

await runMigrations(dbHandle);
await seedReferenceData(db);
const today = todayIn("America/New_York");
const demo = await db.transaction((tx) => seedDemo(tx, today));
// Someone in the demo organization whose password the reset spec changes, so no other spec depends on it.
await createUser(db, { organizationId: demo.organizationId, email: "riley@example.org", name: "Riley Reset", password: "riley-old-password", role: "advocate" });

const org = await createOrganization(db, { name: "Elsewhere Watch" });
const user = await createUser(db, { organizationId: org.id, email: "other@example.org", name: "Other Person", password: "other-password", role: "admin" });
const viewer = { id: user.id, organizationId: org.id, organizationName: org.name, timeZone: org.timeZone, email: user.email, name: user.name, role: "admin" as const, partnerOrganizationIds: [] };
const [ohio] = await db.select().from(jurisdictions).where(and(eq(jurisdictions.code, "OH"), isNull(jurisdictions.organizationId)));
const city = await createLocalJurisdiction(viewer, { name: "Columbus", kind: "city", stateId: ohio!.id });
if (!city.ok) throw new Error("city");
const agency = await createAgency(viewer, { name: "Columbus Division of Police", type: "police", jurisdictionId: city.value.id });
if (!agency.ok) throw new Error("agency");
const secret = await createRequest(viewer, { title: "Elsewhere private ask", description: "Not for other organizations.", agencyId: agency.value.id, initialStatus: "draft", tags: [] }, today);
if (!secret.ok) throw new Error("request");

writeFileSync(path.join(process.env.DATA_DIR!, "e2e-fixture.json"), JSON.stringify({ otherRequestId: secret.value.id, otherTitle: "Elsewhere private ask" }));
await dbHandle.close();
