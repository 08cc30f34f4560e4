// Value lists for fields asked, their received states and received files. No drizzle imports: browser-safe.

/** What came back for one field asked, from "nothing yet" to the ways an agency can refuse it. */
export const FIELD_STATES = ["not_yet", "received", "partly_received", "withheld", "not_held", "denied"] as const;
export type FieldState = (typeof FIELD_STATES)[number];

export const DETAIL_LEVELS = ["record_level", "aggregate"] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

export const FORMATS_WANTED = ["csv", "spreadsheet", "database_export", "json", "api", "pdf", "any"] as const;
export type FormatWanted = (typeof FORMATS_WANTED)[number];

/** How a received file is previewed; detected from its bytes, not its name. */
export const FILE_KINDS = ["csv", "tsv", "xlsx", "pdf", "json", "text", "other"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** A received file's dataset profile, computed in the background. */
export const PROFILE_STATUSES = ["pending", "running", "done", "failed"] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** What a request may need to read its data: a code list (call types, dispositions) or a data dictionary. */
export const CODE_KEY_KINDS = ["code_list", "data_dictionary"] as const;
export type CodeKeyKind = (typeof CODE_KEY_KINDS)[number];

/** Categories of record types (Police Data Accessibility Project taxonomy). */
export const RECORD_TYPE_CATEGORIES = [
  "Police & public interactions",
  "Info about officers",
  "Info about agencies",
  "Agency-published resources",
  "Jails & courts",
  "Other",
] as const;
