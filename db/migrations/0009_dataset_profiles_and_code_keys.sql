CREATE TYPE "public"."code_key_kind" AS ENUM('code_list', 'data_dictionary');--> statement-breakpoint
CREATE TYPE "public"."profile_status" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'received_states_changed';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'code_keys_asked';--> statement-breakpoint
ALTER TYPE "public"."request_event_kind" ADD VALUE 'installment_set';--> statement-breakpoint
CREATE TABLE "file_installments" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"number" integer,
	"total" integer,
	"final" boolean DEFAULT false NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_profiles" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"status" "profile_status" DEFAULT 'pending' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_token" uuid,
	"locked_until" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_code_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "code_key_kind" NOT NULL,
	"label" text NOT NULL,
	"column_name" text,
	"state" "field_state" DEFAULT 'not_yet' NOT NULL,
	"state_note" text,
	"state_file_id" uuid,
	"state_changed_at" timestamp with time zone,
	"state_changed_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_installments" ADD CONSTRAINT "file_installments_file_id_request_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."request_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_installments" ADD CONSTRAINT "file_installments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_installments" ADD CONSTRAINT "file_installments_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_installments" ADD CONSTRAINT "file_installments_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_profiles" ADD CONSTRAINT "file_profiles_file_id_request_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."request_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_profiles" ADD CONSTRAINT "file_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_profiles" ADD CONSTRAINT "file_profiles_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_code_keys" ADD CONSTRAINT "request_code_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_code_keys" ADD CONSTRAINT "request_code_keys_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_code_keys" ADD CONSTRAINT "request_code_keys_state_file_id_request_files_id_fk" FOREIGN KEY ("state_file_id") REFERENCES "public"."request_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_code_keys" ADD CONSTRAINT "request_code_keys_state_changed_by_id_users_id_fk" FOREIGN KEY ("state_changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_code_keys" ADD CONSTRAINT "request_code_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_profiles_due_idx" ON "file_profiles" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "file_profiles_request_idx" ON "file_profiles" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_code_keys_unique" ON "request_code_keys" USING btree ("request_id","kind","label");--> statement-breakpoint
CREATE INDEX "request_code_keys_request_idx" ON "request_code_keys" USING btree ("request_id");