-- Keeps attention_counts (see db/schema/requests.ts) in step with the open requests: one row per organization and
-- (paused, due_on, next_action_on, follow_up_on, due_statutory), counting its open requests. The statuses are
-- OPEN_STATUSES (app/domain/request-status.ts); paused = clarification_requested or fee_requested.
CREATE FUNCTION "attention_counts_add"(p_org uuid, p_paused boolean, p_due date, p_next_action date, p_follow_up date, p_statutory boolean, p_delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  remaining integer;
BEGIN
  INSERT INTO "attention_counts" AS c ("organization_id", "paused", "due_on", "next_action_on", "follow_up_on", "due_statutory", "n")
  VALUES (p_org, p_paused, p_due, p_next_action, p_follow_up, p_statutory, p_delta)
  ON CONFLICT ON CONSTRAINT "attention_counts_key" DO UPDATE SET "n" = c."n" + EXCLUDED."n"
  RETURNING c."n" INTO remaining;
  IF remaining = 0 THEN
    DELETE FROM "attention_counts" c
     WHERE c."organization_id" = p_org AND c."paused" = p_paused AND c."due_statutory" = p_statutory
       AND c."due_on" IS NOT DISTINCT FROM p_due AND c."next_action_on" IS NOT DISTINCT FROM p_next_action
       AND c."follow_up_on" IS NOT DISTINCT FROM p_follow_up AND c."n" = 0;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "requests_attention_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  open_statuses text[] := ARRAY['submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation'];
  old_counted boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD."status"::text = ANY (open_statuses);
  new_counted boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW."status"::text = ANY (open_statuses);
  old_key text;
  new_key text;
BEGIN
  IF old_counted THEN
    old_key := ROW(OLD."organization_id", OLD."status" IN ('clarification_requested', 'fee_requested'), OLD."due_on", OLD."next_action_on", OLD."follow_up_on", OLD."due_statutory")::text;
  END IF;
  IF new_counted THEN
    new_key := ROW(NEW."organization_id", NEW."status" IN ('clarification_requested', 'fee_requested'), NEW."due_on", NEW."next_action_on", NEW."follow_up_on", NEW."due_statutory")::text;
  END IF;
  IF old_key IS NOT DISTINCT FROM new_key THEN
    RETURN NULL;
  END IF;
  -- Two rows change: lock them in one order (by key), so concurrent writers can't deadlock on each other.
  IF old_key IS NOT NULL AND (new_key IS NULL OR old_key < new_key) THEN
    PERFORM "attention_counts_add"(OLD."organization_id", OLD."status" IN ('clarification_requested', 'fee_requested'), OLD."due_on", OLD."next_action_on", OLD."follow_up_on", OLD."due_statutory", -1);
    old_key := NULL;
  END IF;
  IF new_key IS NOT NULL THEN
    PERFORM "attention_counts_add"(NEW."organization_id", NEW."status" IN ('clarification_requested', 'fee_requested'), NEW."due_on", NEW."next_action_on", NEW."follow_up_on", NEW."due_statutory", 1);
  END IF;
  IF old_key IS NOT NULL THEN
    PERFORM "attention_counts_add"(OLD."organization_id", OLD."status" IN ('clarification_requested', 'fee_requested'), OLD."due_on", OLD."next_action_on", OLD."follow_up_on", OLD."due_statutory", -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_attention_counts_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_attention_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_attention_counts_delete" AFTER DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_attention_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_attention_counts_update" AFTER UPDATE OF "status", "organization_id", "due_on", "next_action_on", "follow_up_on", "due_statutory" ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_attention_counts"();
--> statement-breakpoint
-- Recounts every organization's rows from the requests (the bulk loader of bench/scale-dataset.ts calls it too).
CREATE FUNCTION "attention_counts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "attention_counts";
  INSERT INTO "attention_counts" ("organization_id", "paused", "due_on", "next_action_on", "follow_up_on", "due_statutory", "n")
  SELECT "organization_id", "status" IN ('clarification_requested', 'fee_requested'), "due_on", "next_action_on", "follow_up_on", "due_statutory", count(*)
    FROM "requests"
   WHERE "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')
   GROUP BY 1, 2, 3, 4, 5, 6;
$$;
--> statement-breakpoint
SELECT "attention_counts_rebuild"();
--> statement-breakpoint
-- What each request's status changes say, as app/domain/analytics.ts defines it: the first day it moved to a
-- response (RESPONSE_STATUSES) and to a final status (FINAL_STATUSES), whether it ever moved to an engaged status
-- (ENGAGED_STATUSES), and the days it stood paused (PAUSED_STATUSES) before each. A change's day is its "on"
-- (the day the user said it happened) or the UTC day it was recorded.
CREATE VIEW "request_status_facts_source" AS
  WITH sc AS (
    SELECT e."request_id", e."seq", e."data"->>'to' AS to_status,
           coalesce(e."data"->>'on', to_char(e."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD'))::date AS on_date
      FROM "request_events" e
     WHERE e."kind" = 'status_changed'
  ),
  sc2 AS (SELECT sc.*, lead(on_date) OVER (PARTITION BY request_id ORDER BY seq) AS next_on FROM sc),
  firsts AS (
    SELECT request_id,
           min(on_date) FILTER (WHERE to_status IN ('partially_fulfilled', 'fulfilled', 'no_responsive_records', 'denied')) AS responded_on,
           min(on_date) FILTER (WHERE to_status IN ('fulfilled', 'no_responsive_records', 'denied')) AS completed_on,
           bool_or(to_status IN ('acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled',
                                 'fulfilled', 'no_responsive_records', 'denied', 'appealed', 'in_litigation')) AS engaged
      FROM sc2 GROUP BY request_id
  ),
  pauses AS (
    SELECT p.request_id,
           sum(greatest(0, least(coalesce(p.next_on, f.responded_on), f.responded_on) - p.on_date)) FILTER (WHERE f.responded_on IS NOT NULL) AS before_response,
           sum(greatest(0, least(coalesce(p.next_on, f.completed_on), f.completed_on) - p.on_date)) FILTER (WHERE f.completed_on IS NOT NULL) AS before_completion
      FROM sc2 p JOIN firsts f ON f.request_id = p.request_id
     WHERE p.to_status IN ('clarification_requested', 'fee_requested')
     GROUP BY p.request_id
  )
  SELECT f.request_id, f.responded_on, f.completed_on, coalesce(f.engaged, false) AS engaged,
         coalesce(p.before_response, 0)::int AS paused_before_response, coalesce(p.before_completion, 0)::int AS paused_before_completion
    FROM firsts f LEFT JOIN pauses p ON p.request_id = f.request_id;
--> statement-breakpoint
CREATE FUNCTION "request_status_facts_refresh"(p_request uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "request_status_facts" WHERE "request_id" = p_request;
  INSERT INTO "request_status_facts" ("request_id", "responded_on", "completed_on", "engaged", "paused_before_response", "paused_before_completion")
  SELECT s."request_id", s."responded_on", s."completed_on", s."engaged", s."paused_before_response", s."paused_before_completion"
    FROM "request_status_facts_source" s
   WHERE s."request_id" = p_request AND EXISTS (SELECT 1 FROM "requests" r WHERE r."id" = p_request);
END
$$;
--> statement-breakpoint
CREATE FUNCTION "request_events_status_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "request_status_facts_refresh"(OLD."request_id");
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."request_id" <> OLD."request_id") THEN
    PERFORM "request_status_facts_refresh"(NEW."request_id");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "request_events_status_facts_insert" AFTER INSERT ON "request_events"
  FOR EACH ROW WHEN (NEW."kind" = 'status_changed') EXECUTE FUNCTION "request_events_status_facts"();
--> statement-breakpoint
CREATE TRIGGER "request_events_status_facts_delete" AFTER DELETE ON "request_events"
  FOR EACH ROW WHEN (OLD."kind" = 'status_changed') EXECUTE FUNCTION "request_events_status_facts"();
--> statement-breakpoint
CREATE TRIGGER "request_events_status_facts_update" AFTER UPDATE OF "kind", "data", "occurred_at", "request_id", "seq" ON "request_events"
  FOR EACH ROW WHEN (OLD."kind" = 'status_changed' OR NEW."kind" = 'status_changed') EXECUTE FUNCTION "request_events_status_facts"();
--> statement-breakpoint
CREATE FUNCTION "request_status_facts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "request_status_facts";
  INSERT INTO "request_status_facts" ("request_id", "responded_on", "completed_on", "engaged", "paused_before_response", "paused_before_completion")
  SELECT "request_id", "responded_on", "completed_on", "engaged", "paused_before_response", "paused_before_completion"
    FROM "request_status_facts_source";
$$;
--> statement-breakpoint
SELECT "request_status_facts_rebuild"();
