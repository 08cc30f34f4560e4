ALTER TYPE "public"."agency_type" ADD VALUE 'state_police' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."agency_type" ADD VALUE 'university' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."agency_type" ADD VALUE 'tribal' BEFORE 'other';--> statement-breakpoint
CREATE TABLE "directory_agencies" (
	"ori" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fbi_name" text NOT NULL,
	"directory_type" text NOT NULL,
	"agency_type" "agency_type" NOT NULL,
	"state" text NOT NULL,
	"jurisdiction_code" text,
	"counties" text[] DEFAULT '{}'::text[] NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"is_nibrs" boolean DEFAULT false NOT NULL,
	"nibrs_since" date,
	"sub_unit" boolean DEFAULT false NOT NULL,
	"in_cde_2025" boolean DEFAULT false NOT NULL,
	"in_cde_2018" boolean DEFAULT false NOT NULL,
	"listed" boolean DEFAULT true NOT NULL,
	"list_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_lists" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"row_count" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "ori" text;--> statement-breakpoint
CREATE INDEX "directory_agencies_state_idx" ON "directory_agencies" USING btree ("state","name");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_ori_directory_agencies_ori_fk" FOREIGN KEY ("ori") REFERENCES "public"."directory_agencies"("ori") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_ori_unique" ON "agencies" USING btree ("organization_id","ori") WHERE "agencies"."ori" is not null;--> statement-breakpoint
CREATE INDEX "agencies_ori_idx" ON "agencies" USING btree ("ori");