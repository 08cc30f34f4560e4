CREATE TABLE "campaign_asks" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"detail_level" "detail_level",
	"period_start" date,
	"period_end" date,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"deidentify" boolean DEFAULT false NOT NULL,
	"deidentify_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"catalog_field_id" uuid,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_record_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_asks" ADD CONSTRAINT "campaign_asks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_asks" ADD CONSTRAINT "campaign_asks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_fields" ADD CONSTRAINT "campaign_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_fields" ADD CONSTRAINT "campaign_fields_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_fields" ADD CONSTRAINT "campaign_fields_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_fields" ADD CONSTRAINT "campaign_fields_catalog_field_id_catalog_fields_id_fk" FOREIGN KEY ("catalog_field_id") REFERENCES "public"."catalog_fields"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_record_types" ADD CONSTRAINT "campaign_record_types_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_record_types" ADD CONSTRAINT "campaign_record_types_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_record_types" ADD CONSTRAINT "campaign_record_types_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_fields_unique" ON "campaign_fields" USING btree ("campaign_id","record_type_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_record_types_unique" ON "campaign_record_types" USING btree ("campaign_id","record_type_id");--> statement-breakpoint
CREATE INDEX "campaign_record_types_type_idx" ON "campaign_record_types" USING btree ("record_type_id");--> statement-breakpoint
CREATE INDEX "request_record_types_type_idx" ON "request_record_types" USING btree ("record_type_id");