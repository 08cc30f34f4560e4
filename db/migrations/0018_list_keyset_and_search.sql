CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "requests_org_updated_idx";--> statement-breakpoint
ALTER TABLE "communications" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(summary, ''))) STORED;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(tracking_number, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(subject, '')), 'A') || setweight(to_tsvector('english', coalesce(text_body, '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "communications_search_idx" ON "communications" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "request_events_note_search_idx" ON "request_events" USING gin (to_tsvector('english', coalesce("data" ->> 'body', ''))) WHERE "request_events"."kind" = 'note_added';--> statement-breakpoint
CREATE INDEX "requests_org_status_updated_idx" ON "requests" USING btree ("organization_id","status","updated_at","id");--> statement-breakpoint
CREATE INDEX "requests_org_due_key_idx" ON "requests" USING btree ("organization_id",coalesce("due_on", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "requests_search_idx" ON "requests" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "requests_title_trgm_idx" ON "requests" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_tracking_trgm_idx" ON "requests" USING gin ("tracking_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inbound_search_idx" ON "inbound_messages" USING gin ("search_vector") WHERE "inbound_messages"."status" = 'filed' and "inbound_messages"."classification" = 'reply';--> statement-breakpoint
CREATE INDEX "requests_org_updated_idx" ON "requests" USING btree ("organization_id","updated_at","id");