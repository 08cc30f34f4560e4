CREATE TABLE "attention_counts" (
	"organization_id" uuid NOT NULL,
	"paused" boolean NOT NULL,
	"due_on" date,
	"next_action_on" date,
	"follow_up_on" date,
	"due_statutory" boolean NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "attention_counts_key" UNIQUE NULLS NOT DISTINCT("organization_id","paused","due_on","next_action_on","follow_up_on","due_statutory")
);
--> statement-breakpoint
CREATE TABLE "request_status_facts" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"responded_on" date,
	"completed_on" date,
	"engaged" boolean NOT NULL,
	"paused_before_response" integer NOT NULL,
	"paused_before_completion" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attention_counts" ADD CONSTRAINT "attention_counts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_status_facts" ADD CONSTRAINT "request_status_facts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;