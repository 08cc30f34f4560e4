CREATE TABLE "request_search" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"shared" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"tracking_number" text,
	"request_vector" "tsvector" NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_search" ADD CONSTRAINT "request_search_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_search_org_updated_idx" ON "request_search" USING btree ("organization_id","updated_at","request_id");--> statement-breakpoint
CREATE INDEX "request_search_document_idx" ON "request_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "request_search_trgm_idx" ON "request_search" USING gin ("title" gin_trgm_ops,"tracking_number" gin_trgm_ops);