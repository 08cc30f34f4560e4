// The standard catalog of record types and fields, copied from public schemas (see each entry's source).
// Keys are stable: requests copy them, and files are matched against them. Synonyms are other names
// agencies give the same column; header matching also handles case, spacing and common abbreviations.

export interface SeedRecordType {
  key: string;
  name: string;
  category: string;
  description?: string;
}

export interface SeedField {
  key: string;
  label: string;
  group: string;
  description: string;
  synonyms?: string[];
}

export const PDAP_SOURCE = "Police Data Accessibility Project, record-type taxonomy";
export const OPP_SOURCE = "Stanford Open Policing Project, standardized stop data";
export const VERA_SOURCE = "Vera Institute of Justice, police data directory checklist for calls for service";
export const CLASSIFYR_SOURCE = "Classifyr (Code for America), standard field types for calls for service";
export const CPDP_SOURCE = "Invisible Institute, Citizens Police Data Project";
export const UOF_SOURCE = "Common use-of-force report fields (JointAsk field-catalog reference)";

export const RECORD_TYPES: SeedRecordType[] = [
  { key: "accident_reports", name: "Accident Reports", category: "Police & public interactions" },
  { key: "arrest_records", name: "Arrest Records", category: "Police & public interactions" },
  {
    key: "calls_for_service",
    name: "Calls for Service",
    category: "Police & public interactions",
    description:
      "Calls to 911 and other lines, officer-initiated activity, gunshot-detection alerts and internal referrals, as logged by the computer-aided dispatch (CAD) system.",
  },
  { key: "car_gps", name: "Car GPS", category: "Police & public interactions" },
  { key: "citations", name: "Citations", category: "Police & public interactions" },
  { key: "dispatch_logs", name: "Dispatch Logs", category: "Police & public interactions" },
  { key: "dispatch_recordings", name: "Dispatch Recordings", category: "Police & public interactions" },
  { key: "field_contacts", name: "Field Contacts", category: "Police & public interactions" },
  { key: "incident_reports", name: "Incident Reports", category: "Police & public interactions" },
  { key: "misc_police_activity", name: "Misc Police Activity", category: "Police & public interactions" },
  { key: "officer_involved_shootings", name: "Officer Involved Shootings", category: "Police & public interactions" },
  {
    key: "stops",
    name: "Stops",
    category: "Police & public interactions",
    description: "Traffic and pedestrian stops, with who was stopped, why, and what happened.",
  },
  { key: "surveys", name: "Surveys", category: "Police & public interactions" },
  {
    key: "use_of_force",
    name: "Use of Force Reports",
    category: "Police & public interactions",
    description: "Reports of force used by officers: the force, the people involved and their injuries.",
  },
  { key: "vehicle_pursuits", name: "Vehicle Pursuits", category: "Police & public interactions" },
  {
    key: "complaints_misconduct",
    name: "Complaints & Misconduct",
    category: "Info about officers",
    description: "Complaints about officers, their allegations, investigations, findings and discipline.",
  },
  { key: "daily_activity_logs", name: "Daily Activity Logs", category: "Info about officers" },
  { key: "training_hiring", name: "Training & Hiring Info", category: "Info about officers" },
  { key: "personnel_records", name: "Personnel Records", category: "Info about officers" },
  { key: "annual_monthly_reports", name: "Annual & Monthly Reports", category: "Info about agencies" },
  { key: "budgets_finances", name: "Budgets & Finances", category: "Info about agencies" },
  { key: "contact_info_agency_meta", name: "Contact Info & Agency Meta", category: "Info about agencies" },
  { key: "geographic", name: "Geographic", category: "Info about agencies" },
  { key: "list_of_data_sources", name: "List of Data Sources", category: "Info about agencies" },
  { key: "policies_contracts", name: "Policies & Contracts", category: "Info about agencies" },
  { key: "crime_maps_reports", name: "Crime Maps & Reports", category: "Agency-published resources" },
  { key: "crime_statistics", name: "Crime Statistics", category: "Agency-published resources" },
  { key: "media_bulletins", name: "Media Bulletins", category: "Agency-published resources" },
  { key: "records_request_info", name: "Records Request Info", category: "Agency-published resources" },
  { key: "resources", name: "Resources", category: "Agency-published resources" },
  { key: "sex_offender_registry", name: "Sex Offender Registry", category: "Agency-published resources" },
  { key: "wanted_persons", name: "Wanted Persons", category: "Agency-published resources" },
  { key: "booking_reports", name: "Booking Reports", category: "Jails & courts" },
  { key: "court_cases", name: "Court Cases", category: "Jails & courts" },
  { key: "incarceration_records", name: "Incarceration Records", category: "Jails & courts" },
  { key: "other", name: "Other", category: "Other" },
];

const STOP_FIELDS: SeedField[] = [
  { key: "date", label: "Date", group: "When", description: "Date of the stop.", synonyms: ["stop date", "date of stop", "incident date", "contact date"] },
  { key: "time", label: "Time", group: "When", description: "Time of the stop.", synonyms: ["stop time", "time of stop", "incident time", "contact time"] },
  { key: "location", label: "Location", group: "Where", description: "Where the stop took place, as given by the agency (an address, intersection or block).", synonyms: ["stop location", "address", "block address", "intersection"] },
  { key: "lat", label: "Latitude", group: "Where", description: "Latitude of the stop.", synonyms: ["latitude", "y", "lat dd"] },
  { key: "lng", label: "Longitude", group: "Where", description: "Longitude of the stop.", synonyms: ["longitude", "lon", "long", "x"] },
  { key: "county_name", label: "County", group: "Where", description: "County where the stop took place.", synonyms: ["county"] },
  { key: "neighborhood", label: "Neighborhood", group: "Where", description: "Neighborhood of the stop.", synonyms: ["neighbourhood"] },
  { key: "beat", label: "Beat", group: "Where", description: "Police beat of the stop." },
  { key: "district", label: "District", group: "Where", description: "Police district of the stop." },
  { key: "precinct", label: "Precinct", group: "Where", description: "Precinct of the stop." },
  { key: "zone", label: "Zone", group: "Where", description: "Patrol zone of the stop." },
  { key: "subject_age", label: "Subject age", group: "Who", description: "Age of the person stopped.", synonyms: ["age", "driver age", "person age"] },
  { key: "subject_race", label: "Subject race", group: "Who", description: "Race or ethnicity of the person stopped: asian/pacific islander, black, hispanic, white, other, unknown.", synonyms: ["race", "subject race ethnicity", "race ethnicity", "driver race", "person race", "perceived race"] },
  { key: "subject_sex", label: "Subject sex", group: "Who", description: "Sex of the person stopped.", synonyms: ["sex", "gender", "subject gender", "driver sex", "driver gender", "person sex"] },
  { key: "officer_id_hash", label: "Officer id (hashed)", group: "Who", description: "A one-way hash of the officer's id, usually the badge number: a pseudonymous officer id that lets individual officers' patterns be studied without names.", synonyms: ["badge hash", "hashed badge", "hashed badge number", "officer hash", "hashed officer id", "officer id hashed", "officer pseudonym", "pseudonymous officer id"] },
  { key: "officer_race", label: "Officer race", group: "Who", description: "Race or ethnicity of the officer." },
  { key: "officer_sex", label: "Officer sex", group: "Who", description: "Sex of the officer.", synonyms: ["officer gender"] },
  { key: "officer_age", label: "Officer age", group: "Who", description: "Age of the officer." },
  { key: "officer_years_of_service", label: "Officer years of service", group: "Who", description: "The officer's years of service.", synonyms: ["years of service", "officer tenure", "tenure"] },
  { key: "officer_assignment", label: "Officer assignment", group: "Who", description: "The officer's assignment.", synonyms: ["assignment"] },
  { key: "department_name", label: "Department", group: "Who", description: "Department of the officer.", synonyms: ["department", "agency", "agency name"] },
  { key: "unit", label: "Unit", group: "Who", description: "Unit of the officer.", synonyms: ["officer unit"] },
  { key: "type", label: "Stop type", group: "What", description: "Pedestrian or vehicular.", synonyms: ["stop type", "type of stop"] },
  { key: "disposition", label: "Disposition", group: "What", description: "How the stop was closed, as recorded by the agency.", synonyms: ["stop disposition"] },
  { key: "violation", label: "Violation", group: "What", description: "The violation alleged.", synonyms: ["offense", "charge", "statute"] },
  { key: "arrest_made", label: "Arrest made", group: "What", description: "Whether an arrest was made.", synonyms: ["arrest", "arrested"] },
  { key: "citation_issued", label: "Citation issued", group: "What", description: "Whether a citation was issued.", synonyms: ["citation", "cited", "ticket issued"] },
  { key: "warning_issued", label: "Warning issued", group: "What", description: "Whether a warning was issued.", synonyms: ["warning", "warned"] },
  { key: "outcome", label: "Outcome", group: "What", description: "The most serious outcome: warning, citation, summons or arrest.", synonyms: ["stop outcome", "result", "result of stop"] },
  { key: "contraband_found", label: "Contraband found", group: "What", description: "Whether contraband was found.", synonyms: ["contraband"] },
  { key: "contraband_drugs", label: "Contraband: drugs", group: "What", description: "Whether drugs were found." },
  { key: "contraband_weapons", label: "Contraband: weapons", group: "What", description: "Whether weapons were found." },
  { key: "contraband_alcohol", label: "Contraband: alcohol", group: "What", description: "Whether alcohol was found." },
  { key: "contraband_other", label: "Contraband: other", group: "What", description: "Whether other contraband was found." },
  { key: "frisk_performed", label: "Frisk performed", group: "What", description: "Whether a frisk was performed.", synonyms: ["frisk", "frisked", "pat down"] },
  { key: "search_conducted", label: "Search conducted", group: "What", description: "Whether any search was conducted.", synonyms: ["search", "searched", "search performed"] },
  { key: "search_person", label: "Person searched", group: "What", description: "Whether the person was searched.", synonyms: ["person searched"] },
  { key: "search_vehicle", label: "Vehicle searched", group: "What", description: "Whether the vehicle was searched.", synonyms: ["vehicle searched"] },
  { key: "search_basis", label: "Search basis", group: "What", description: "The basis of the search: k9, plain view, consent, probable cause or other.", synonyms: ["basis for search", "search type"] },
  { key: "reason_for_stop", label: "Reason for stop", group: "Why", description: "Why the person was stopped.", synonyms: ["stop reason", "reason", "basis for stop"] },
  { key: "reason_for_search", label: "Reason for search", group: "Why", description: "Why the search was conducted.", synonyms: ["search reason"] },
  { key: "reason_for_frisk", label: "Reason for frisk", group: "Why", description: "Why the frisk was performed.", synonyms: ["frisk reason"] },
  { key: "reason_for_arrest", label: "Reason for arrest", group: "Why", description: "Why the arrest was made.", synonyms: ["arrest reason"] },
  { key: "use_of_force_description", label: "Use of force description", group: "Other", description: "The force used during the stop, if any." },
  { key: "use_of_force_reason", label: "Use of force reason", group: "Other", description: "Why force was used." },
  { key: "vehicle_make", label: "Vehicle make", group: "Other", description: "Make of the vehicle stopped.", synonyms: ["make"] },
  { key: "vehicle_model", label: "Vehicle model", group: "Other", description: "Model of the vehicle stopped.", synonyms: ["model"] },
  { key: "vehicle_year", label: "Vehicle year", group: "Other", description: "Year of the vehicle stopped." },
  { key: "speed", label: "Speed", group: "Other", description: "Recorded speed, for speeding stops." },
  { key: "notes", label: "Notes", group: "Other", description: "Free-text notes.", synonyms: ["narrative", "comments", "remarks"] },
];

const CALLS_FOR_SERVICE_FIELDS: Array<SeedField & { source: string }> = [
  { key: "call_identifier", label: "Call identifier", group: "Call", description: "The CAD incident or call number.", source: CLASSIFYR_SOURCE, synonyms: ["call id", "call number", "incident number", "cad number", "event number", "incident id"] },
  { key: "officer_initiated", label: "Officer-initiated flag", group: "Call", description: "Whether the activity was initiated by an officer rather than a caller.", source: VERA_SOURCE, synonyms: ["self initiated", "officer initiated", "on view", "call source"] },
  { key: "call_received_at", label: "Call received time", group: "Times", description: "When the call was received.", source: VERA_SOURCE, synonyms: ["call time", "received", "time received", "call received", "received time", "call datetime", "create time", "created at"] },
  { key: "dispatched_at", label: "Dispatched time", group: "Times", description: "When a unit was dispatched.", source: VERA_SOURCE, synonyms: ["dispatch time", "time dispatched", "dispatched"] },
  { key: "on_scene_at", label: "On-scene time", group: "Times", description: "When the first unit arrived.", source: VERA_SOURCE, synonyms: ["arrival time", "on scene", "time on scene", "arrived"] },
  { key: "cleared_at", label: "Cleared time", group: "Times", description: "When the call was cleared.", source: VERA_SOURCE, synonyms: ["clear time", "time cleared", "closed time", "cleared"] },
  { key: "dispatched", label: "Dispatched flag", group: "Call", description: "Whether any unit was dispatched.", source: VERA_SOURCE },
  { key: "call_type_initial", label: "Call type (initial)", group: "Type", description: "The call type when the call was taken.", source: VERA_SOURCE, synonyms: ["initial call type", "original call type", "initial type", "call type original"] },
  { key: "call_type_final", label: "Call type (final)", group: "Type", description: "The call type when the call was closed.", source: VERA_SOURCE, synonyms: ["final call type", "final type", "call type", "nature", "incident type"] },
  { key: "emergency_category", label: "Emergency category", group: "Type", description: "Police, fire, medical or other.", source: CLASSIFYR_SOURCE },
  { key: "call_category", label: "Call category", group: "Type", description: "A grouping of call types.", source: CLASSIFYR_SOURCE },
  { key: "priority", label: "Priority", group: "Call", description: "The call's priority.", source: VERA_SOURCE, synonyms: ["call priority", "priority code"] },
  { key: "disposition", label: "Disposition", group: "Outcome", description: "The outcome or disposition of the call.", source: VERA_SOURCE, synonyms: ["call disposition", "outcome", "disposition code", "clearance code"] },
  { key: "dispatched_unit_type", label: "Dispatched unit type", group: "Outcome", description: "The kind of unit dispatched (patrol, medical, community responder...).", source: CLASSIFYR_SOURCE, synonyms: ["unit type"] },
  { key: "location", label: "Location", group: "Where", description: "Where the call was about, as given by the agency.", source: VERA_SOURCE, synonyms: ["address", "block address", "call location", "incident location"] },
  { key: "beat", label: "Beat or district", group: "Where", description: "Beat, district or sector of the call.", source: VERA_SOURCE, synonyms: ["district", "sector", "area"] },
  { key: "lat", label: "Latitude", group: "Where", description: "Latitude of the call.", source: CLASSIFYR_SOURCE, synonyms: ["latitude", "y"] },
  { key: "lng", label: "Longitude", group: "Where", description: "Longitude of the call.", source: CLASSIFYR_SOURCE, synonyms: ["longitude", "lon", "long", "x"] },
  { key: "alcohol_related", label: "Alcohol related", group: "Flags", description: "Flag for alcohol-related calls.", source: CLASSIFYR_SOURCE },
  { key: "domestic_violence", label: "Domestic violence", group: "Flags", description: "Flag for domestic-violence calls.", source: CLASSIFYR_SOURCE, synonyms: ["dv", "dv flag", "domestic"] },
  { key: "drug_related", label: "Drug related", group: "Flags", description: "Flag for drug-related calls.", source: CLASSIFYR_SOURCE },
  { key: "mental_health", label: "Mental health", group: "Flags", description: "Flag for calls involving a mental-health concern.", source: CLASSIFYR_SOURCE, synonyms: ["mental health flag", "crisis"] },
];

const COMPLAINT_FIELDS: SeedField[] = [
  { key: "complaint_id", label: "Complaint id", group: "Complaint", description: "The complaint or case number.", synonyms: ["complaint number", "case number", "cr id", "crid", "case id", "log number"] },
  { key: "summary", label: "Summary", group: "Complaint", description: "Summary of the complaint.", synonyms: ["complaint summary", "narrative", "description"] },
  { key: "incident_date", label: "Incident date", group: "Complaint", description: "When the incident complained of happened.", synonyms: ["date of incident", "incident datetime", "date"] },
  { key: "location", label: "Location", group: "Complaint", description: "Where the incident happened.", synonyms: ["incident location", "address"] },
  { key: "beat", label: "Beat", group: "Complaint", description: "Police beat of the incident." },
  { key: "source", label: "Complaint source", group: "Complaint", description: "Who filed the complaint (civilian, internal, ...).", synonyms: ["complaint source", "source of complaint", "complainant type"] },
  { key: "coaccused_count", label: "Co-accused count", group: "Complaint", description: "How many officers were accused in the complaint.", synonyms: ["coaccused", "number of officers", "officer count"] },
  { key: "officer_id_hash", label: "Officer id (hashed)", group: "Allegation", description: "A one-way hash of the accused officer's id: a pseudonymous officer id.", synonyms: ["badge hash", "hashed badge", "officer hash", "hashed officer id", "officer pseudonym"] },
  { key: "allegation_category", label: "Allegation category", group: "Allegation", description: "Category of the allegation.", synonyms: ["allegation", "allegation type", "category"] },
  { key: "recommended_finding", label: "Recommended finding", group: "Allegation", description: "The investigator's recommended finding." },
  { key: "recommended_outcome", label: "Recommended outcome", group: "Allegation", description: "The investigator's recommended outcome." },
  { key: "final_finding", label: "Final finding", group: "Allegation", description: "Final finding: unfounded, exonerated, not sustained, sustained, no cooperation, no affidavit, ...", synonyms: ["finding", "disposition"] },
  { key: "final_outcome", label: "Final outcome", group: "Allegation", description: "The final outcome for the officer.", synonyms: ["outcome"] },
  { key: "discipline", label: "Discipline", group: "Allegation", description: "Whether discipline was imposed.", synonyms: ["disciplined", "discipline imposed", "penalty"] },
  { key: "investigation_start", label: "Investigation start date", group: "Allegation", description: "When the investigation started.", synonyms: ["start date", "investigation start date", "opened"] },
  { key: "investigation_end", label: "Investigation end date", group: "Allegation", description: "When the investigation ended.", synonyms: ["end date", "investigation end date", "closed"] },
  { key: "complainant_gender", label: "Complainant gender", group: "Complainant", description: "Gender of the complainant.", synonyms: ["complainant sex"] },
  { key: "complainant_race", label: "Complainant race", group: "Complainant", description: "Race or ethnicity of the complainant.", synonyms: ["complainant ethnicity", "complainant race ethnicity"] },
  { key: "complainant_age", label: "Complainant age", group: "Complainant", description: "Age of the complainant." },
];

const USE_OF_FORCE_FIELDS: SeedField[] = [
  { key: "date", label: "Date", group: "When", description: "Date of the incident.", synonyms: ["incident date", "date of incident"] },
  { key: "time", label: "Time", group: "When", description: "Time of the incident.", synonyms: ["incident time"] },
  { key: "force_type", label: "Force type", group: "Force", description: "The force used: taser, firearm, ...", synonyms: ["type of force", "force used", "force"] },
  { key: "shots_fired", label: "Shots fired", group: "Force", description: "Whether shots were fired, or how many.", synonyms: ["shots", "number of shots"] },
  { key: "officer_on_duty", label: "Officer on duty", group: "Officer", description: "Whether the officer was on duty.", synonyms: ["on duty"] },
  { key: "officer_injured", label: "Officer injured", group: "Officer", description: "Whether the officer was injured.", synonyms: ["officer injury"] },
  { key: "officer_id_hash", label: "Officer id (hashed)", group: "Officer", description: "A one-way hash of the officer's id: a pseudonymous officer id.", synonyms: ["badge hash", "hashed badge", "officer hash", "hashed officer id", "officer pseudonym"] },
  { key: "subject_armed", label: "Subject armed", group: "Subject", description: "Whether the subject was armed.", synonyms: ["armed"] },
  { key: "subject_injured", label: "Subject injured", group: "Subject", description: "Whether the subject was injured.", synonyms: ["subject injury"] },
  { key: "subject_race", label: "Subject race", group: "Subject", description: "Race or ethnicity of the subject.", synonyms: ["race", "subject ethnicity", "race ethnicity"] },
  { key: "subject_gender", label: "Subject gender", group: "Subject", description: "Gender of the subject.", synonyms: ["gender", "sex", "subject sex"] },
  { key: "subject_age", label: "Subject age", group: "Subject", description: "Age of the subject.", synonyms: ["age"] },
  { key: "body_worn_camera", label: "Body-worn camera present", group: "Other", description: "Whether a body-worn camera was present.", synonyms: ["bwc", "body camera", "bodycam", "camera"] },
];

/** Fields of each record type that has standard ones, with their source. */
export const CATALOG_FIELDS: Record<string, Array<SeedField & { source: string }>> = {
  stops: STOP_FIELDS.map((f) => ({ ...f, source: OPP_SOURCE })),
  calls_for_service: CALLS_FOR_SERVICE_FIELDS,
  complaints_misconduct: COMPLAINT_FIELDS.map((f) => ({ ...f, source: CPDP_SOURCE })),
  use_of_force: USE_OF_FORCE_FIELDS.map((f) => ({ ...f, source: UOF_SOURCE })),
};
