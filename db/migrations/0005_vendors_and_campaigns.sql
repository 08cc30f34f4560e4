CREATE TYPE "public"."system_confidence" AS ENUM('confirmed', 'likely', 'reported');--> statement-breakpoint
CREATE TYPE "public"."system_type" AS ENUM('records_management', 'computer_aided_dispatch', 'mobile', 'body_cameras', 'gunshot_detection', 'license_plate_readers', 'early_intervention', 'jail_management', 'records_request_portal', 'other');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'campaign_joined';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'campaign_left';--> statement-breakpoint
CREATE TABLE "agency_products" (
	"organization_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"system_type" "system_type" NOT NULL,
	"via_agency_id" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"state_id" uuid NOT NULL,
	"until_on" date,
	"depth" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"system_type" "system_type" NOT NULL,
	"product_id" uuid,
	"host_agency_id" uuid,
	"since_on" date,
	"until_on" date,
	"evidence_url" text,
	"confidence" "system_confidence" DEFAULT 'reported' NOT NULL,
	"notes" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_systems_product_or_host" CHECK (num_nonnulls("agency_systems"."product_id", "agency_systems"."host_agency_id") = 1),
	CONSTRAINT "agency_systems_not_self_hosted" CHECK ("agency_systems"."host_agency_id" is null or "agency_systems"."host_agency_id" <> "agency_systems"."agency_id"),
	CONSTRAINT "agency_systems_dates_in_order" CHECK ("agency_systems"."until_on" is null or "agency_systems"."since_on" is null or "agency_systems"."until_on" >= "agency_systems"."since_on")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"ask" text NOT NULL,
	"record_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"letter_template" text NOT NULL,
	"vendor_letter_template" text,
	"product_id" uuid,
	"vendor_id" uuid,
	"cloned_from_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_groups" (
	"organization_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"system_type" "system_type" NOT NULL,
	"cities" integer NOT NULL,
	"agencies" integer NOT NULL,
	"states" integer NOT NULL,
	"hosted" integer NOT NULL,
	"stale_after" date,
	"computed_on" date NOT NULL,
	CONSTRAINT "product_groups_product_id_system_type_pk" PRIMARY KEY("product_id","system_type")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"system_type" "system_type" NOT NULL,
	"notes" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"contact_name" text,
	"contact_email" text,
	"notes" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ALTER COLUMN "agency_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "vendor_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "agency_products" ADD CONSTRAINT "agency_products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_products" ADD CONSTRAINT "agency_products_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_products" ADD CONSTRAINT "agency_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_products" ADD CONSTRAINT "agency_products_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_products" ADD CONSTRAINT "agency_products_via_agency_id_agencies_id_fk" FOREIGN KEY ("via_agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_systems" ADD CONSTRAINT "agency_systems_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_systems" ADD CONSTRAINT "agency_systems_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_systems" ADD CONSTRAINT "agency_systems_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_systems" ADD CONSTRAINT "agency_systems_host_agency_id_agencies_id_fk" FOREIGN KEY ("host_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_systems" ADD CONSTRAINT "agency_systems_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_cloned_from_id_campaigns_id_fk" FOREIGN KEY ("cloned_from_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_groups" ADD CONSTRAINT "product_groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_groups" ADD CONSTRAINT "product_groups_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_documents" ADD CONSTRAINT "system_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_documents" ADD CONSTRAINT "system_documents_system_id_agency_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."agency_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_documents" ADD CONSTRAINT "system_documents_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_products_product_idx" ON "agency_products" USING btree ("product_id","organization_id","system_type","agency_id","until_on","jurisdiction_id","state_id");--> statement-breakpoint
CREATE INDEX "agency_products_vendor_idx" ON "agency_products" USING btree ("vendor_id","organization_id","agency_id","until_on","jurisdiction_id","state_id");--> statement-breakpoint
CREATE INDEX "agency_products_agency_idx" ON "agency_products" USING btree ("agency_id","system_type");--> statement-breakpoint
CREATE INDEX "agency_systems_agency_idx" ON "agency_systems" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "agency_systems_product_idx" ON "agency_systems" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "agency_systems_host_idx" ON "agency_systems" USING btree ("host_agency_id","system_type");--> statement-breakpoint
CREATE INDEX "agency_systems_org_type_idx" ON "agency_systems" USING btree ("organization_id","system_type");--> statement-breakpoint
CREATE INDEX "campaigns_org_updated_idx" ON "campaigns" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "campaigns_product_idx" ON "campaigns" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "campaigns_vendor_idx" ON "campaigns" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "product_groups_org_size_idx" ON "product_groups" USING btree ("organization_id","cities");--> statement-breakpoint
CREATE INDEX "product_groups_stale_idx" ON "product_groups" USING btree ("organization_id","stale_after");--> statement-breakpoint
CREATE UNIQUE INDEX "products_name_unique" ON "products" USING btree ("vendor_id",lower("name"));--> statement-breakpoint
CREATE INDEX "products_organization_idx" ON "products" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "system_documents_system_idx" ON "system_documents" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_name_unique" ON "vendors" USING btree ("organization_id",lower("name"));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_vendor_idx" ON "requests" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "requests_campaign_idx" ON "requests" USING btree ("campaign_id");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_one_target" CHECK (num_nonnulls("requests"."agency_id", "requests"."vendor_id") = 1);