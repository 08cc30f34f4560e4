import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { agencies, agencySystems, jurisdictions, products, vendors } from "../../db/schema";
import { listGroups, memberAgencyIds } from "~/domain/groups.server";
import { previewImport, runImport } from "~/domain/systems-import.server";
import { db } from "~/utils/db.server";
import { makeOrganization, makeProduct, makeVendor, TODAY } from "./factories";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8");

let org: Awaited<ReturnType<typeof makeOrganization>>;

async function counts() {
  const id = org.org.id;
  const [a, j, v, p, s] = await Promise.all([
    db.select({ id: agencies.id }).from(agencies).where(eq(agencies.organizationId, id)),
    db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.organizationId, id)),
    db.select({ id: vendors.id }).from(vendors).where(eq(vendors.organizationId, id)),
    db.select({ id: products.id }).from(products).where(eq(products.organizationId, id)),
    db.select({ id: agencySystems.id }).from(agencySystems).where(eq(agencySystems.organizationId, id)),
  ]);
  return { agencies: a.length, places: j.length, vendors: v.length, products: p.length, systems: s.length };
}

beforeEach(async () => {
  org = await makeOrganization("Import");
});

describe("importing agencies and their systems", () => {
  it("previews a good file without writing, then imports it all, hosting included", async () => {
    const before = await counts();
    const preview = await previewImport(org.viewer, fixture("systems-good.csv"));
    expect(preview.errors).toEqual([]);
    expect(preview.format).toBe("jointask");
    expect(preview.counts).toEqual({ rows: 5, places: 3, agencies: 3, vendors: 2, products: 3, systems: 5, recorded: 0 });
    expect(preview.preview.map((r) => [r.line, r.agency, r.status])).toEqual([
      [2, "Dane County Public Safety Communications", "new"],
      [3, "Madison Police Department", "new"],
      [4, "Madison Police Department", "new"],
      [5, "Harrisburg Bureau of Police", "new"],
      [6, "Harrisburg Bureau of Police", "new"],
    ]);
    expect(await counts()).toEqual(before);

    const result = await runImport(org.viewer, fixture("systems-good.csv"));
    expect(result.ok).toBe(true);
    expect(await counts()).toEqual({
      agencies: before.agencies + 3,
      places: before.places + 3,
      vendors: before.vendors + 2,
      products: before.products + 3,
      systems: before.systems + 5,
    });
    const [cad] = await db.select().from(products).where(and(eq(products.name, "Enterprise CAD"), eq(products.organizationId, org.org.id)));
    const onCad = await memberAgencyIds(org.viewer, { productId: cad!.id }, TODAY, undefined);
    expect(onCad).toHaveLength(2);
    const groups = await listGroups(org.viewer, { minCities: 2 }, TODAY);
    expect(groups.rows.map((g) => [g.productName, g.cities])).toEqual([
      ["Enterprise CAD", 2],
      ["New World RMS", 2],
    ]);

    // The same file again: everything is already recorded, nothing is added.
    const again = await runImport(org.viewer, fixture("systems-good.csv"));
    expect(again.plan.counts).toMatchObject({ systems: 0, recorded: 5, agencies: 0, vendors: 0 });
    expect((await counts()).systems).toBe(before.systems + 5);
  });

  it("reports every bad row by line and column and imports nothing, not even the good rows", async () => {
    const before = await counts();
    const result = await runImport(org.viewer, fixture("systems-bad.csv"));
    expect(result.ok).toBe(false);
    expect(result.plan.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "state"],
      [4, "agency"],
      [4, "system_type"],
      [4, "product"],
      [4, "since"],
      [4, "confidence"],
      [4, "evidence_url"],
      [5, "hosted_by"],
      [6, "until"],
    ]);
    expect(result.plan.errors.find((e) => e.line === 5)!.message).toBe("No agency named “Nobody Dispatch” in WI, in your agencies or in this file");
    expect(result.plan.errors.find((e) => e.column === "since")!.message).toContain("2020-02-30");
    expect(await counts()).toEqual(before);
  });

  it("reads an Atlas of Surveillance export: technologies as products, rows without a vendor skipped", async () => {
    await makeProduct(org.viewer, await makeVendor(org.viewer, "Axon"), "Axon body cameras", "body_cameras");
    const result = await runImport(org.viewer, fixture("atlas-sample.csv"));
    expect(result.ok).toBe(true);
    expect(result.plan.format).toBe("atlas");
    expect(result.plan.warnings.map((w) => [w.line, w.column])).toEqual([
      [5, "Vendor"],
      [6, "links"],
    ]);
    const rows = await db
      .select({ agency: agencies.name, type: agencies.type, systemType: agencySystems.systemType, product: products.name, vendor: vendors.name, evidence: agencySystems.evidenceUrl, confidence: agencySystems.confidence })
      .from(agencySystems)
      .innerJoin(agencies, eq(agencies.id, agencySystems.agencyId))
      .innerJoin(products, eq(products.id, agencySystems.productId))
      .innerJoin(vendors, eq(vendors.id, products.vendorId))
      .where(eq(agencySystems.organizationId, org.org.id));
    expect(rows.sort((a, b) => a.agency.localeCompare(b.agency) || a.product.localeCompare(b.product))).toEqual([
      { agency: "Alameda County Sheriff's Office", type: "sheriff", systemType: "license_plate_readers", product: "Automated License Plate Readers", vendor: "Vigilant Solutions", evidence: "https://example.org/acso/alpr", confidence: "reported" },
      { agency: "California Highway Patrol", type: "police", systemType: "license_plate_readers", product: "Automated License Plate Readers", vendor: "Vigilant Solutions", evidence: null, confidence: "reported" },
      // Axon already had one body-camera product: the row uses it instead of making "Body-worn Cameras".
      { agency: "Oakland Police Department", type: "police", systemType: "body_cameras", product: "Axon body cameras", vendor: "Axon", evidence: "https://example.org/oakland/bwc", confidence: "reported" },
      { agency: "Oakland Police Department", type: "police", systemType: "gunshot_detection", product: "Gunshot Detection", vendor: "ShotSpotter", evidence: "https://example.org/oakland/shotspotter-contract", confidence: "reported" },
    ]);
    const [highwayPatrol] = await db
      .select({ kind: jurisdictions.kind, code: jurisdictions.code })
      .from(agencies)
      .innerJoin(jurisdictions, eq(jurisdictions.id, agencies.jurisdictionId))
      .where(and(eq(agencies.name, "California Highway Patrol"), eq(agencies.organizationId, org.org.id)));
    expect(highwayPatrol).toEqual({ kind: "state", code: "CA" });
  });

  it("refuses a hosting circle in the file", async () => {
    const csv = [
      "state,place,agency,agency_type,system_type,vendor,product,hosted_by",
      "WI,Dane County,County 911,dispatch_911,CAD,,,City Dispatch",
      "WI,Madison,City Dispatch,dispatch_911,CAD,,,County 911",
      "WI,Madison,Madison Police,police,CAD,,,County 911",
    ].join("\n");
    const result = await runImport(org.viewer, csv);
    expect(result.plan.errors).toEqual([
      { line: 2, column: "hosted_by", message: expect.stringContaining("circle") },
      { line: 3, column: "hosted_by", message: expect.stringContaining("circle") },
    ]);
    expect((await counts()).systems).toBe(0);
  });

  it("explains files it can't read", async () => {
    expect((await previewImport(org.viewer, "")).errors[0]!.message).toBe("The file is empty");
    expect((await previewImport(org.viewer, "name,address\nx,y\n")).errors[0]!.message).toMatch(/^Unrecognized columns/);
    const broken = await previewImport(org.viewer, 'state,agency,system_type\nPA,"Unclosed,RMS\n');
    expect(broken.errors[0]!.message).toMatch(/^This is not a readable CSV file/);
  });
});
