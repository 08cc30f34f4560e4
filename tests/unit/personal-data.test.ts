import { describe, expect, it } from "vitest";
import { personalDataFlags } from "~/domain/personal-data";

const kinds = (headers: string[], rows: string[][] = []) => personalDataFlags(headers, rows).map((f) => [f.header, f.kind]);

describe("personal-data flags", () => {
  it("flags names, dates of birth and street addresses by their headers", () => {
    expect(kinds(["Subject First Name", "LAST_NAME", "DOB", "Birth Date", "Home Address", "Street Name"])).toEqual([
      ["Subject First Name", "name"],
      ["LAST_NAME", "name"],
      ["DOB", "date_of_birth"],
      ["Birth Date", "date_of_birth"],
      ["Home Address", "address"],
      ["Street Name", "address"],
    ]);
  });

  it("flags officers named or numbered in the clear, not a hashed id", () => {
    expect(kinds(["Officer Name", "Badge Number", "OFFICER_ID", "officer_id_hash", "Badge Hash"])).toEqual([
      ["Officer Name", "officer_identity"],
      ["Badge Number", "officer_identity"],
      ["OFFICER_ID", "officer_identity"],
    ]);
  });

  it("leaves alone names of things and de-identified locations", () => {
    expect(kinds(["Department Name", "County Name", "Block Address", "Subject Race", "Stop Date", "Location"])).toEqual([]);
  });

  it("flags columns whose values are SSNs or email addresses", () => {
    const rows = [
      ["123-45-6789", "a@example.org", "x"],
      ["987-65-4321", "b@example.org", "y"],
      ["111-22-3333", "c@example.org", "z"],
    ];
    expect(kinds(["col1", "contact", "other"], rows)).toEqual([
      ["col1", "government_id"],
      ["contact", "contact"],
    ]);
  });
});
