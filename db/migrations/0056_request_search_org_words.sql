CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "request_search_document_idx";--> statement-breakpoint
CREATE INDEX "request_search_org_document_idx" ON "request_search" USING gin ("organization_id","document");