import { describe, expect, it } from "vitest";
import { agencyTypeFrom, parseSystemsCsv, systemTypeFrom } from "~/domain/systems-import";

const STATES = [
  { code: "PA", name: "Pennsylvania" },
  { code: "WI", name: "Wisconsin" },
  { code: "CA", name: "California" },
];

describe("reading an import file", () => {
  it("reads our columns, with state names, labels and quoted text", () => {
    const csv = [
      "State,Place,Agency,Agency Type,System Type,Vendor,Product,Since,Confidence,Notes",
      'Pennsylvania,Harrisburg,Harrisburg Bureau of Police,Police department,RMS,Tyler,"New World RMS",2014-01-01,confirmed,"Said so, in ""2019"""',
      "WI,Dane County,Dane County 911,dispatch_911,Computer-aided dispatch,Tyler,Enterprise CAD,,,",
    ].join("\n");
    const parsed = parseSystemsCsv(csv, STATES);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe("jointask");
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        line: 2,
        stateCode: "PA",
        place: { name: "Harrisburg", kind: "city" },
        agency: { name: "Harrisburg Bureau of Police", type: "police" },
        systemType: "records_management",
        target: { vendor: "Tyler", product: "New World RMS" },
        sinceOn: "2014-01-01",
        confidence: "confirmed",
        notes: 'Said so, in "2019"',
      }),
      expect.objectContaining({ line: 3, place: { name: "Dane County", kind: "county" }, agency: { name: "Dane County 911", type: "dispatch_911" }, systemType: "computer_aided_dispatch", confidence: "reported" }),
    ]);
  });

  it("counts lines of the file, header included, even with a multi-line cell", () => {
    const csv = ["state,agency,system_type,vendor,product,notes", 'PA,A,RMS,V,P,"two', 'lines"', "PA,B,RMS,V,P,", "XX,C,RMS,V,P,"].join("\n");
    const parsed = parseSystemsCsv(csv, STATES);
    expect(parsed.errors).toEqual([{ line: 5, column: "state", message: "Unknown state “XX”" }]);
  });

  it("imports a repeated system once", () => {
    const csv = ["state,agency,system_type,vendor,product", "PA,A,RMS,V,P", "PA,a,rms,v,p", "PA,A,CAD,V,P"].join("\n");
    const parsed = parseSystemsCsv(csv, STATES);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.warnings).toEqual([{ line: 3, column: null, message: "Same system as line 2: imported once" }]);
  });

  it("maps Atlas technologies and agency types", () => {
    expect(systemTypeFrom("Body-worn Cameras")).toBe("body_cameras");
    expect(systemTypeFrom("Automated License Plate Readers")).toBe("license_plate_readers");
    expect(systemTypeFrom("Gunshot Detection")).toBe("gunshot_detection");
    expect(systemTypeFrom("CAD")).toBe("computer_aided_dispatch");
    expect(systemTypeFrom("Drones")).toBeNull();
    expect(agencyTypeFrom("Sheriff")).toBe("sheriff");
    expect(agencyTypeFrom("State Police")).toBe("police");
    expect(agencyTypeFrom("Prosecutor")).toBeNull();
    const parsed = parseSystemsCsv(["City,County,State,Agency,Type of LEA,Technology,Vendor,links", ",,CA,CA District Attorney,Prosecutor,Drones,DJI,https://example.org/a"].join("\n"), STATES);
    expect(parsed.rows[0]).toMatchObject({ place: null, agency: { type: "other" }, systemType: "other", target: { vendor: "DJI", product: "Drones" }, evidenceUrl: "https://example.org/a" });
  });

  it("refuses files that are too big, empty or not ours", () => {
    const header = "state,agency,system_type,vendor,product";
    const big = [header, ...Array.from({ length: 20_001 }, (_, i) => `PA,A${i},RMS,V,P`)].join("\n");
    expect(parseSystemsCsv(big, STATES).errors[0]!.message).toBe("The file has 20001 rows; import at most 20000 at a time");
    expect(parseSystemsCsv(header, STATES).errors[0]!.message).toBe("The file has a header but no rows");
    expect(parseSystemsCsv("a,b\n1,2", STATES).errors[0]!.message).toMatch(/^Unrecognized columns/);
  });
});
