CREATE TABLE "agency_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "county" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "received_time" text;--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "reference_hash" text;--> statement-breakpoint
ALTER TABLE "agency_closures" ADD CONSTRAINT "agency_closures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_closures" ADD CONSTRAINT "agency_closures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_closures" ADD CONSTRAINT "agency_closures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_closures_agency_day_unique" ON "agency_closures" USING btree ("agency_id","closed_on");