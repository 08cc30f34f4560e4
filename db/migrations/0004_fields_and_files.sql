CREATE TYPE "public"."file_kind" AS ENUM('csv', 'tsv', 'xlsx', 'pdf', 'json', 'text', 'other');--> statement-breakpoint
CREATE TYPE "public"."detail_level" AS ENUM('record_level', 'aggregate');--> statement-breakpoint
CREATE TYPE "public"."field_state" AS ENUM('not_yet', 'received', 'partly_received', 'withheld', 'not_held', 'denied');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'fields_asked';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'field_state_changed';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'file_added';--> statement-breakpoint
CREATE TABLE "catalog_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"record_type_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"group" text,
	"description" text DEFAULT '' NOT NULL,
	"source" text,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"communication_id" uuid,
	"original_name" text NOT NULL,
	"storage_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"kind" "file_kind" NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_asks" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"detail_level" "detail_level",
	"period_start" date,
	"period_end" date,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"deidentify" boolean DEFAULT false NOT NULL,
	"deidentify_notes" text,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"catalog_field_id" uuid,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"state" "field_state" DEFAULT 'not_yet' NOT NULL,
	"state_note" text,
	"state_file_id" uuid,
	"state_changed_at" timestamp with time zone,
	"state_changed_by_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_record_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_fields" ADD CONSTRAINT "catalog_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_fields" ADD CONSTRAINT "catalog_fields_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_fields" ADD CONSTRAINT "catalog_fields_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_communication_id_communications_id_fk" FOREIGN KEY ("communication_id") REFERENCES "public"."communications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_files" ADD CONSTRAINT "request_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_asks" ADD CONSTRAINT "request_asks_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_asks" ADD CONSTRAINT "request_asks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_asks" ADD CONSTRAINT "request_asks_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_catalog_field_id_catalog_fields_id_fk" FOREIGN KEY ("catalog_field_id") REFERENCES "public"."catalog_fields"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_state_file_id_request_files_id_fk" FOREIGN KEY ("state_file_id") REFERENCES "public"."request_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_state_changed_by_id_users_id_fk" FOREIGN KEY ("state_changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_fields" ADD CONSTRAINT "request_fields_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_record_types" ADD CONSTRAINT "request_record_types_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_record_types" ADD CONSTRAINT "request_record_types_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_record_types" ADD CONSTRAINT "request_record_types_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_fields_standard_key_unique" ON "catalog_fields" USING btree ("record_type_id","key") WHERE "catalog_fields"."organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_fields_org_key_unique" ON "catalog_fields" USING btree ("organization_id","record_type_id","key") WHERE "catalog_fields"."organization_id" is not null;--> statement-breakpoint
CREATE INDEX "catalog_fields_record_type_idx" ON "catalog_fields" USING btree ("record_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "record_types_standard_key_unique" ON "record_types" USING btree ("key") WHERE "record_types"."organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "record_types_org_key_unique" ON "record_types" USING btree ("organization_id","key") WHERE "record_types"."organization_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "request_files_checksum_unique" ON "request_files" USING btree ("request_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "request_files_storage_unique" ON "request_files" USING btree ("storage_name");--> statement-breakpoint
CREATE INDEX "request_files_request_idx" ON "request_files" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_fields_unique" ON "request_fields" USING btree ("request_id","record_type_id","key");--> statement-breakpoint
CREATE INDEX "request_fields_request_state_idx" ON "request_fields" USING btree ("request_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "request_record_types_unique" ON "request_record_types" USING btree ("request_id","record_type_id");