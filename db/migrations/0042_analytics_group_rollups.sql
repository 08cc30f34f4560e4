CREATE TABLE "analytics_group_marks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics_group_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_group_rollups" (
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"owner" uuid NOT NULL,
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
	"d0_on_time" integer DEFAULT 0 NOT NULL,
	"d0_late" integer DEFAULT 0 NOT NULL,
	"d0_open" integer DEFAULT 0 NOT NULL,
	"d1_on_time" integer DEFAULT 0 NOT NULL,
	"d1_late" integer DEFAULT 0 NOT NULL,
	"d1_open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_group_rollups_organization_id_visibility_kind_key_owner_pk" PRIMARY KEY("organization_id","visibility","kind","key","owner")
);
--> statement-breakpoint
ALTER TABLE "analytics_group_rollups" ADD CONSTRAINT "analytics_group_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;