import { pgEnum } from "drizzle-orm/pg-core";
import {
  USER_ROLES,
  JURISDICTION_KINDS,
  AGENCY_TYPES,
  REQUEST_STATUSES,
  SUBMISSION_METHODS,
  REQUEST_EVENT_KINDS,
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_CHANNELS,
  MAIL_KINDS,
  OUTBOX_STATUSES,
  INBOUND_STATUSES,
  INBOUND_CHANNELS,
  SYSTEM_TYPES,
  SYSTEM_CONFIDENCES,
  REQUEST_VISIBILITIES,
  MAIL_CLASSIFICATIONS,
  BOUNCE_RESOLUTIONS,
} from "./values";

export const userRole = pgEnum("user_role", USER_ROLES);
export const jurisdictionKind = pgEnum("jurisdiction_kind", JURISDICTION_KINDS);
export const agencyType = pgEnum("agency_type", AGENCY_TYPES);
export const requestStatus = pgEnum("request_status", REQUEST_STATUSES);
export const submissionMethod = pgEnum("submission_method", SUBMISSION_METHODS);
export const requestEventKind = pgEnum("request_event_kind", REQUEST_EVENT_KINDS);
export const communicationDirection = pgEnum("communication_direction", COMMUNICATION_DIRECTIONS);
export const communicationChannel = pgEnum("communication_channel", COMMUNICATION_CHANNELS);
export const mailKind = pgEnum("mail_kind", MAIL_KINDS);
export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);
export const inboundStatus = pgEnum("inbound_status", INBOUND_STATUSES);
export const inboundChannel = pgEnum("inbound_channel", INBOUND_CHANNELS);
export const systemType = pgEnum("system_type", SYSTEM_TYPES);
export const systemConfidence = pgEnum("system_confidence", SYSTEM_CONFIDENCES);
export const requestVisibility = pgEnum("request_visibility", REQUEST_VISIBILITIES);
export const mailClassification = pgEnum("mail_classification", MAIL_CLASSIFICATIONS);
export const bounceResolution = pgEnum("bounce_resolution", BOUNCE_RESOLUTIONS);
