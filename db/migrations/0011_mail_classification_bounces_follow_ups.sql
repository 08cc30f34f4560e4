CREATE TYPE "public"."bounce_resolution" AS ENUM('resent', 'dismissed', 'reclassified');--> statement-breakpoint
CREATE TYPE "public"."mail_classification" AS ENUM('reply', 'auto_reply', 'bounce');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'email_reclassified';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'bounce_set_aside';--> statement-breakpoint
CREATE TABLE "contact_bounces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"agency_id" uuid,
	"vendor_id" uuid,
	"inbound_message_id" uuid NOT NULL,
	"outbox_message_id" uuid,
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"status" text,
	"resolution" "bounce_resolution",
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"resent_outbox_message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_bounces_resolved" CHECK (("contact_bounces"."resolution" is null) = ("contact_bounces"."resolved_at" is null))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "auto_follow_up_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "auto_follow_up_interval_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "auto_follow_up" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "classification" "mail_classification" DEFAULT 'reply' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "classification_reason" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "classified_by_id" uuid;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "classified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounced_address" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounce_reason" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "bounce_status" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "tracking_number_found" text;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "tracking_number_decision" text;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_inbound_message_id_inbound_messages_id_fk" FOREIGN KEY ("inbound_message_id") REFERENCES "public"."inbound_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_bounces" ADD CONSTRAINT "contact_bounces_resent_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("resent_outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_bounces_inbound_unique" ON "contact_bounces" USING btree ("inbound_message_id");--> statement-breakpoint
CREATE INDEX "contact_bounces_request_idx" ON "contact_bounces" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "contact_bounces_agency_open_idx" ON "contact_bounces" USING btree ("agency_id") WHERE "contact_bounces"."resolution" is null;--> statement-breakpoint
CREATE INDEX "contact_bounces_vendor_open_idx" ON "contact_bounces" USING btree ("vendor_id") WHERE "contact_bounces"."resolution" is null;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_classified_by_id_users_id_fk" FOREIGN KEY ("classified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_auto_follow_up_interval" CHECK ("organizations"."auto_follow_up_interval_days" between 1 and 365);