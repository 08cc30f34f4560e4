CREATE TABLE "campaign_counts" (
	"campaign_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"status" "request_status" NOT NULL,
	"assignee_id" uuid,
	"due_on" date,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_counts_key" UNIQUE NULLS NOT DISTINCT("campaign_id","organization_id","visibility","status","assignee_id","due_on")
);
