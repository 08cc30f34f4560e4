// The columns of the agencies-and-systems CSV import. Browser-safe (the import page shows them).

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const IMPORT_COLUMNS = [
  "state",
  "place",
  "place_kind",
  "agency",
  "agency_type",
  "system_type",
  "vendor",
  "product",
  "hosted_by",
  "since",
  "until",
  "confidence",
  "evidence_url",
  "notes",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const ATLAS_COLUMNS = ["City", "County", "State", "Agency", "Type of LEA", "Technology", "Vendor", "links"] as const;

/** The file offered as a template on the import page. */
export const IMPORT_TEMPLATE = [
  IMPORT_COLUMNS.join(","),
  "WI,Dane County,county,Dane County Public Safety Communications,dispatch_911,CAD,Tyler Technologies,Enterprise CAD,,2016-03-01,,confirmed,https://example.org/council/agenda-2016-03.pdf,",
  "WI,Madison,city,Madison Police Department,police,CAD,,,Dane County Public Safety Communications,,,likely,,Dispatch is run by the county",
  "PA,Harrisburg,city,Harrisburg Bureau of Police,police,RMS,Tyler Technologies,Enterprise Law Enforcement Records (New World RMS),,2014-01-01,,confirmed,,",
].join("\r\n");
