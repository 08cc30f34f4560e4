-- The requests list's search reads notes through request_events_note_search_idx: a handful of rows, but the
-- planner, guessing many, ran it as a parallel scan whose workers took ~70 ms to start for nothing (on the
-- national dataset). The timeline is only ever read by request (an index scan) or through that index; no page
-- scans it whole any more (analytics reads request_status_facts), so parallel workers never pay off on it.
ALTER TABLE "request_events" SET (parallel_workers = 0);
