ALTER TYPE "public"."request_event_kind" ADD VALUE 'due_date_changed';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'extension_logged';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'agreed_date_set';--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "law_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "laws" (
	"jurisdiction_code" text PRIMARY KEY NOT NULL,
	"law_name" text NOT NULL,
	"citation" text NOT NULL,
	"response_days" integer,
	"day_type" text NOT NULL,
	"response_counts_from" text NOT NULL,
	"extension_days" integer,
	"extension_day_type" text,
	"extension_note" text NOT NULL,
	"appeal_note" text NOT NULL,
	"acknowledgement_days" integer,
	"acknowledgement_day_type" text,
	"appeal_days" integer,
	"appeal_day_type" text,
	"source" text NOT NULL,
	"confidence" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "follow_up_business_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "deadline_rule_days" integer;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "deadline_rule_day_type" text;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "deadline_rule_reason" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "due_statutory" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "due_basis" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "follow_up_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "long_overdue_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "acknowledgement_due_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "appeal_due_on" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "deadline" jsonb;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_revisions" ADD CONSTRAINT "law_revisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_revisions" ADD CONSTRAINT "law_revisions_jurisdiction_code_laws_jurisdiction_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."laws"("jurisdiction_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_revisions" ADD CONSTRAINT "law_revisions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_unique" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "law_revisions_org_code_idx" ON "law_revisions" USING btree ("organization_id","jurisdiction_code","created_at");--> statement-breakpoint
CREATE INDEX "requests_org_due_idx" ON "requests" USING btree ("organization_id","due_on");