DROP INDEX "communications_search_idx";--> statement-breakpoint
DROP INDEX "request_events_note_search_idx";--> statement-breakpoint
DROP INDEX "requests_search_idx";--> statement-breakpoint
DROP INDEX "requests_title_trgm_idx";--> statement-breakpoint
DROP INDEX "requests_tracking_trgm_idx";--> statement-breakpoint
DROP INDEX "inbound_search_idx";