import { describe, expect, it } from "vitest";
import {
  agencyTypeFor,
  cleanAgencies,
  countiesOf,
  directoryTypeOf,
  editDistance,
  typoMatches,
  type FbiAgencyRow,
} from "~/domain/directory/clean";
import { buildIndex, queryWords, searchIndex } from "~/domain/directory/index";

const STATES: Record<string, string> = { CA: "California", OR: "Oregon", KS: "Kansas", NE: "Nebraska", AL: "Alabama" };
const known = (code: string) => code in STATES;
const stateName = (code: string) => STATES[code];

function row(values: Partial<FbiAgencyRow> & { ori: string; agency_name: string }): FbiAgencyRow {
  return {
    agency_type: "City",
    state_abbr: values.ori.slice(0, 2),
    county: "",
    latitude: "",
    longitude: "",
    is_nibrs: "false",
    nibrs_start_date: "",
    in_cde_2025: "true",
    in_cde_2018: "true",
    ...values,
  };
}

const SAMPLE: FbiAgencyRow[] = [
  row({ ori: "CA0010900", agency_name: "Oakland Police Department", county: "ALAMEDA", is_nibrs: "true", nibrs_start_date: "2021-01-01" }),
  row({ ori: "CA0019916", agency_name: "Highway Patrol:", agency_type: "State Police", county: "ALAMEDA" }),
  row({ ori: "CA0019917", agency_name: "Highway Patrol:", agency_type: "State Police", county: "ALAMEDA" }),
  row({ ori: "CA0190000", agency_name: "Highway Patrol:", agency_type: "State Police", county: "LOS ANGELES" }),
  row({ ori: "OR0200000", agency_name: "Lane County Sheriff's Office", agency_type: "County", county: "LANE" }),
  row({ ori: "KS0510000", agency_name: "Lane County Sheriff's Office", agency_type: "County", county: "LANE" }),
  row({ ori: "NB0010000", agency_name: "Adams County Sheriff's Office", agency_type: "County", state_abbr: "NE", county: "ADAMS" }),
  row({ ori: "NB0010100", agency_name: "Hastings Police Department", agency_type: "", state_abbr: "NB", county: "ADAMS" }),
  row({ ori: "AL0010000", agency_name: "Samford University", agency_type: "University or College", county: "JEFFERSON, SHELBY, ST CLAIR" }),
  row({ ori: "AL0020000", agency_name: "Samford University", agency_type: "University or College", county: "NOT SPECIFIED" }),
  row({ ori: "PR0010000", agency_name: "Puerto Rico Police", agency_type: "State Police", state_abbr: "PR", county: "" }),
  row({ ori: "GM0010000", agency_name: "Guam Police Department", agency_type: "", state_abbr: "GM" }),
  row({ ori: "CA0010900", agency_name: "Oakland Police Department (again)" }),
  row({ ori: "bad", agency_name: "No ORI" }),
];

describe("cleaning the FBI list", () => {
  const { agencies, skipped } = cleanAgencies(SAMPLE, known);
  const byOri = new Map(agencies.map((a) => [a.ori, a]));

  it("keeps one row per valid ORI and says which rows it left out", () => {
    expect(agencies).toHaveLength(12);
    expect(skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/CA0010900 repeats/), expect.stringMatching(/not nine/)]);
  });

  it("splits multi-county values and drops NOT SPECIFIED", () => {
    expect(byOri.get("AL0010000")!.counties).toEqual(["Jefferson", "Shelby", "St Clair"]);
    expect(byOri.get("AL0020000")!.counties).toEqual([]);
    expect(countiesOf("LEE, MACON")).toEqual(["Lee", "Macon"]);
  });

  it("names sub-units without their colon and apart by county, then ORI", () => {
    expect(byOri.get("CA0190000")!.name).toBe("Highway Patrol (Los Angeles County)");
    expect(byOri.get("CA0019916")!.name).toBe("Highway Patrol (Alameda County, CA0019916)");
    expect(byOri.get("CA0019917")!.subUnit).toBe(true);
    expect(byOri.get("CA0019917")!.fbiName).toBe("Highway Patrol:");
  });

  it("tells namesakes within a state apart, but not across states", () => {
    expect(byOri.get("AL0010000")!.name).toBe("Samford University (Jefferson, Shelby, St Clair counties)");
    expect(byOri.get("AL0020000")!.name).toBe("Samford University (AL0020000)");
    expect(byOri.get("OR0200000")!.name).toBe("Lane County Sheriff's Office");
    expect(byOri.get("KS0510000")!.name).toBe("Lane County Sheriff's Office");
  });

  it("reads Nebraska's NB rows and Guam's GM code as NE and GU; territories have no law jurisdiction", () => {
    expect(byOri.get("NB0010100")!.state).toBe("NE");
    expect(byOri.get("NB0010100")!.jurisdictionCode).toBe("NE");
    expect(byOri.get("GM0010000")!.state).toBe("GU");
    expect(byOri.get("PR0010000")!.jurisdictionCode).toBeNull();
  });

  it("maps FBI types to the app's agency types; a blank type is 'unknown' and read from the name", () => {
    expect(byOri.get("NB0010100")!.directoryType).toBe("unknown");
    expect(byOri.get("NB0010100")!.agencyType).toBe("police");
    expect(byOri.get("OR0200000")!.agencyType).toBe("sheriff");
    expect(byOri.get("CA0019916")!.agencyType).toBe("state_police");
    expect(byOri.get("AL0010000")!.agencyType).toBe("university");
    expect(agencyTypeFor(directoryTypeOf("Tribal"), "Navajo Nation Police")).toBe("tribal");
    expect(agencyTypeFor(directoryTypeOf("County"), "Baltimore County Police Department")).toBe("police");
    expect(agencyTypeFor(directoryTypeOf(""), "Some Board")).toBe("other");
  });

  it("keeps coordinates and NIBRS facts", () => {
    expect(byOri.get("CA0010900")).toMatchObject({ isNibrs: true, nibrsSince: "2021-01-01", latitude: null });
  });
});

describe("typos", () => {
  it("counts edits, a swap as one", () => {
    expect(editDistance("sherif", "sheriff", 1)).toBe(1);
    expect(editDistance("oaklnad", "oakland", 1)).toBe(1);
    expect(editDistance("portland", "oakland", 2)).toBe(3);
  });
  it("allows none for short words, one for middling, two for long", () => {
    expect(typoMatches("lan", ["lane"])).toEqual([]);
    expect(typoMatches("oaklnd", ["oakland", "ashland"])).toEqual(["oakland"]);
    expect(typoMatches("univrsity", ["university"])).toEqual(["university"]);
  });
});

describe("searching the index", () => {
  const { agencies } = cleanAgencies(SAMPLE, known);
  const index = buildIndex("test", agencies, stateName);
  const find = (q: string, state?: string) => searchIndex(index, q, { state, limit: 10, offset: 0 }).hits.map((h) => h.ori);

  it("finds by name in any word order, by short forms and beginnings", () => {
    expect(find("oakland pd")).toEqual(["CA0010900"]);
    expect(find("pd oakland")).toEqual(["CA0010900"]);
    expect(find("oakl")).toEqual(["CA0010900"]);
  });
  it("tolerates small typos", () => {
    expect(find("sherif lane county").sort()).toEqual(["KS0510000", "OR0200000"]);
    expect(find("oaklnd police")).toEqual(["CA0010900"]);
  });
  it("finds by ORI, county and state, and filters by state", () => {
    expect(find("ca0010900")).toEqual(["CA0010900"]);
    expect(find("CA0010900")).toEqual(["CA0010900"]);
    expect(find("alameda police")).toEqual(["CA0010900"]);
    expect(find("lane sheriff oregon")).toEqual(["OR0200000"]);
    expect(find("lane sheriff", "KS")).toEqual(["KS0510000"]);
    expect(find("hastings nebraska")).toEqual(["NB0010100"]);
  });
  it("ranks whole-word name matches first", () => {
    expect(find("highway patrol")[0]).toMatch(/^CA/);
    expect(find("oakland")[0]).toBe("CA0010900");
  });
  it("answers nothing for nothing, and for a word nobody has", () => {
    expect(find("")).toEqual([]);
    expect(find("zzzzqqq")).toEqual([]);
    expect(queryWords("The  Sheriff of  the county")).toEqual(["sheriff", "county"]);
  });
});

describe("records contacts by ORI", async () => {
  const { checkContactRow, checkHeader } = await import("~/domain/contacts-import");
  it("needs an ori column and at least one contact column, and names unknown ones", () => {
    expect(checkHeader(["ori", "records_contact_email"])).toEqual([]);
    expect(checkHeader(["records_contact_email"]).map((p) => p.column)).toEqual(["ori"]);
    expect(checkHeader(["ori"]).map((p) => p.message)).toEqual(["The file has no contact column to import"]);
    expect(checkHeader(["ori", "phone"]).map((p) => p.column)).toContain("phone");
  });
  it("checks each row's ORI, email and portal, naming the column", () => {
    expect(checkContactRow(2, { ori: " ca0010900 ", records_contact_email: "records@oaklandca.gov" })).toEqual({
      row: { line: 2, ori: "CA0010900", recordsContactEmail: "records@oaklandca.gov", recordsContactName: undefined, portalUrl: undefined, notes: undefined },
      problems: [],
    });
    const bad = checkContactRow(3, { ori: "CA00", records_contact_email: "nope", portal_url: "ftp://x" });
    expect(bad.row).toBeUndefined();
    expect(bad.problems.map((p) => p.column)).toEqual(["ori", "records_contact_email", "portal_url"]);
  });
});
