CREATE TABLE "analytics_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"agency_id" uuid,
	"vendor_id" uuid,
	"sign" integer NOT NULL,
	"received" boolean NOT NULL,
	"response_days" integer,
	"completion_days" integer,
	"status" text NOT NULL,
	"due_on" date,
	"on_time_if_due" boolean
);
--> statement-breakpoint
CREATE TABLE "analytics_due_days" (
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"due_on" date NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_due_days_organization_id_visibility_due_on_pk" PRIMARY KEY("organization_id","visibility","due_on")
);
--> statement-breakpoint
CREATE TABLE "analytics_rollups" (
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"agency_id" uuid,
	"vendor_id" uuid,
	"requests" integer DEFAULT 0 NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"response_days" integer[] DEFAULT '{}'::int[] NOT NULL,
	"response_n" integer[] DEFAULT '{}'::int[] NOT NULL,
	"completion_days" integer[] DEFAULT '{}'::int[] NOT NULL,
	"completion_n" integer[] DEFAULT '{}'::int[] NOT NULL,
	"fulfilled" integer DEFAULT 0 NOT NULL,
	"partially_fulfilled" integer DEFAULT 0 NOT NULL,
	"no_responsive_records" integer DEFAULT 0 NOT NULL,
	"denied" integer DEFAULT 0 NOT NULL,
	"appealed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","visibility","agency_id","vendor_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_watermark" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analytics_due_days" ADD CONSTRAINT "analytics_due_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_rollups" ADD CONSTRAINT "analytics_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_deltas_agency_idx" ON "analytics_deltas" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "analytics_deltas_vendor_idx" ON "analytics_deltas" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "analytics_rollups_agency_idx" ON "analytics_rollups" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "analytics_rollups_vendor_idx" ON "analytics_rollups" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "requests_due_idx" ON "requests" USING btree ("due_on");