// The data each message is written from. Plain values only: routes and the worker fill them in.

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export interface LawCitation {
  lawName: string;
  citation: string;
  /** Null when the law sets no fixed number of days. */
  responseDays: number | null;
  dayType: "business" | "calendar" | "none";
  /** The provision that sets the response period, where it differs from the law's citation. */
  responseCite?: string | null;
}

/** Where an appeal goes under the law, and by when. */
export interface AppealRoute {
  /** As the law names it: "the Office of Open Records", "the head of the agency". */
  body: string;
  /** True when the agency itself (its head or appeals officer) hears the appeal. */
  toAgency: boolean;
  /** The body's postal or email address, where it publishes one. */
  address: string | null;
  /** The provision that gives the appeal. */
  cite: string | null;
  /** The last day to appeal, where the law sets a period. */
  dueDate: IsoDate | null;
}

/**
 * One record type and the fields asked of it (e.g. "Traffic stops": date, subject race, officer id hash). No
 * fields means the record type is asked for as a whole.
 */
export interface FieldsAsked {
  recordType: string;
  fields: string[];
}

/** Who a request goes to: a public agency, or a company that sells it software (bound by no records law). */
export type RecipientKind = "agency" | "vendor";

/** Record-level data (one row per stop, call, complaint...) or counts and totals. */
export type DetailWanted = "record_level" | "aggregate";

export interface LetterData {
  requestNumber: number;
  title: string;
  /** What is asked, in the requester's words. */
  description: string;
  /** The recipient's name: the agency's, or the vendor's. */
  agencyName: string;
  /** "agency" unless given. */
  recipientKind?: RecipientKind;
  contactName?: string | null;
  /** The agency's city, county or state; none for a vendor. */
  jurisdictionName?: string | null;
  /** The law of the agency's state (or federal FOIA); null when the table has none, and for a vendor. */
  law: LawCitation | null;
  requesterName: string;
  organizationName: string;
  replyAddress: string;
  /** The letter's date. */
  today: IsoDate;
  filedOn?: IsoDate | null;
  trackingNumber?: string | null;
  dueDate?: IsoDate | null;
  fields?: FieldsAsked[] | null;
  detailLevel?: DetailWanted | null;
  /** The period the records cover; no `to` means "to the present". */
  period?: { from?: IsoDate | null; to?: IsoDate | null } | null;
  /** The formats wanted, as a phrase that follows "as": "CSV files or spreadsheets (XLSX)". */
  format?: string | null;
  /** What to remove or hash before release, in the requester's words. */
  deidentification?: string | null;
  /** For an appeal: when the request was denied and the reason given. */
  denial?: { on?: IsoDate | null; reason?: string | null } | null;
  /** For an appeal: the body the law names, its address, the provision and the deadline. */
  appeal?: AppealRoute | null;
}
