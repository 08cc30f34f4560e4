// Value lists shared by the schema, the domain rules and the UI. No drizzle imports: safe in the browser bundle.

export const USER_ROLES = ["admin", "coordinator", "advocate", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const JURISDICTION_KINDS = ["federal", "state", "city", "county", "regional"] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const AGENCY_TYPES = [
  "police",
  "sheriff",
  "dispatch_911",
  "city_clerk",
  "oversight_board",
  "state_police",
  "university",
  "tribal",
  "other",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const REQUEST_STATUSES = [
  "draft",
  "submitted",
  "acknowledged",
  "awaiting_response",
  "clarification_requested",
  "fee_requested",
  "partially_fulfilled",
  "fulfilled",
  "no_responsive_records",
  "denied",
  "appealed",
  "in_litigation",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Who sees a request: its organization only; also the members of its organization's coalition; or also
 * everyone, through its public page (from its embargo date, if it has one; until then as "coalition").
 */
export const REQUEST_VISIBILITIES = ["private", "coalition", "public"] as const;
export type RequestVisibility = (typeof REQUEST_VISIBILITIES)[number];

export const SUBMISSION_METHODS = ["email", "portal", "mail", "in_person"] as const;
export type SubmissionMethod = (typeof SUBMISSION_METHODS)[number];

export const REQUEST_EVENT_KINDS = [
  "created",
  "status_changed",
  "note_added",
  "communication_logged",
  "assignment_changed",
  "edited",
  "due_date_changed",
  "extension_logged",
  "agreed_date_set",
  "email_queued",
  "email_sent",
  "email_failed",
  "email_received",
  "fields_asked",
  "field_state_changed",
  "file_added",
  "campaign_joined",
  "campaign_left",
  "visibility_changed",
  "entry_visibility_changed",
  "received_states_changed",
  "code_keys_asked",
  "installment_set",
  "email_reclassified",
  "bounce_set_aside",
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

export const COMMUNICATION_DIRECTIONS = ["outgoing", "incoming"] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];

export const COMMUNICATION_CHANNELS = ["email", "portal", "mail", "phone", "in_person", "other"] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const DAY_TYPES = ["business", "calendar"] as const;
export type DayTypeValue = (typeof DAY_TYPES)[number];
// Mail (outbox, dev mailbox, inbound replies).
export const MAIL_KINDS = [
  "request_letter",
  "follow_up",
  "appeal",
  "digest",
  "overdue_alert",
  "test",
  "user_invitation",
  "password_reset",
  "coalition_invitation",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const LETTER_KINDS = ["request_letter", "follow_up", "appeal"] as const satisfies readonly MailKind[];
export type LetterKind = (typeof LETTER_KINDS)[number];

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const INBOUND_STATUSES = ["filed", "review", "discarded"] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const INBOUND_CHANNELS = ["smtp", "upload"] as const;
export type InboundChannel = (typeof INBOUND_CHANNELS)[number];

/**
 * What a received message is: the agency's (or its records portal's) reply; an automatic reply (out of office,
 * an automatic acknowledgement, a delivery-delay notice); or a bounce (our letter was not delivered).
 */
export const MAIL_CLASSIFICATIONS = ["reply", "auto_reply", "bounce"] as const;
export type MailClassification = (typeof MAIL_CLASSIFICATIONS)[number];

/** What became of a bounce: still open (the contact needs fixing), its letter resent, or set aside by a person. */
export const BOUNCE_RESOLUTIONS = ["resent", "dismissed", "reclassified"] as const;
export type BounceResolution = (typeof BOUNCE_RESOLUTIONS)[number];
export const SYSTEM_TYPES = [
  "records_management",
  "computer_aided_dispatch",
  "mobile",
  "body_cameras",
  "gunshot_detection",
  "license_plate_readers",
  "early_intervention",
  "jail_management",
  "records_request_portal",
  "other",
] as const;
export type SystemType = (typeof SYSTEM_TYPES)[number];

/** How sure we are that an agency runs a system: seen in a contract or agenda, inferred, or only reported. */
export const SYSTEM_CONFIDENCES = ["confirmed", "likely", "reported"] as const;
export type SystemConfidence = (typeof SYSTEM_CONFIDENCES)[number];

// Webhooks: what an organization's endpoints may subscribe to, and where a delivery stands.
export const WEBHOOK_EVENT_TYPES = [
  "request.status_changed",
  "request.reply_received",
  "request.bounced",
  "request.field_received",
  "request.due_date_changed",
  "request.overdue",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** `ping` is sent by "Send test" only; no endpoint subscribes to it. */
export type WebhookDeliveryEventType = WebhookEventType | "ping";

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivering", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
