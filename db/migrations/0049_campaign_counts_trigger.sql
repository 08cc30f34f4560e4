-- Keeps campaign_counts (see db/schema/requests.ts) in step with the joint asks' requests: one row per campaign,
-- organization, visibility, status, assignee and (open statuses only) due date, counting its requests. The open
-- statuses are OPEN_STATUSES (app/domain/request-status.ts); a closed request counts with a null due date, so
-- the rows a joint ask has stay few (its statuses x assignees x the due dates of its open requests).
CREATE FUNCTION "campaign_counts_add"(p_campaign uuid, p_org uuid, p_visibility request_visibility, p_status request_status, p_assignee uuid, p_due date, p_delta integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  remaining integer;
BEGIN
  INSERT INTO "campaign_counts" AS c ("campaign_id", "organization_id", "visibility", "status", "assignee_id", "due_on", "n")
  VALUES (p_campaign, p_org, p_visibility, p_status, p_assignee, p_due, p_delta)
  ON CONFLICT ON CONSTRAINT "campaign_counts_key" DO UPDATE SET "n" = c."n" + EXCLUDED."n"
  RETURNING c."n" INTO remaining;
  IF remaining = 0 THEN
    DELETE FROM "campaign_counts" c
     WHERE c."campaign_id" = p_campaign AND c."organization_id" = p_org AND c."visibility" = p_visibility AND c."status" = p_status
       AND c."assignee_id" IS NOT DISTINCT FROM p_assignee AND c."due_on" IS NOT DISTINCT FROM p_due AND c."n" = 0;
  END IF;
END
$$;
--> statement-breakpoint
-- The due date a request counts under: its own while open, none once closed.
CREATE FUNCTION "campaign_counts_due"(p_status request_status, p_due date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_status::text IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')
              THEN p_due END;
$$;
--> statement-breakpoint
CREATE FUNCTION "requests_campaign_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."campaign_id" IS NOT NULL THEN
    old_key := ROW(OLD."campaign_id", OLD."organization_id", OLD."visibility", OLD."status", OLD."assignee_id", "campaign_counts_due"(OLD."status", OLD."due_on"))::text;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."campaign_id" IS NOT NULL THEN
    new_key := ROW(NEW."campaign_id", NEW."organization_id", NEW."visibility", NEW."status", NEW."assignee_id", "campaign_counts_due"(NEW."status", NEW."due_on"))::text;
  END IF;
  IF old_key IS NOT DISTINCT FROM new_key THEN
    RETURN NULL;
  END IF;
  -- Two rows change: lock them in one order (by key), so concurrent writers can't deadlock on each other.
  IF old_key IS NOT NULL AND (new_key IS NULL OR old_key < new_key) THEN
    PERFORM "campaign_counts_add"(OLD."campaign_id", OLD."organization_id", OLD."visibility", OLD."status", OLD."assignee_id", "campaign_counts_due"(OLD."status", OLD."due_on"), -1);
    old_key := NULL;
  END IF;
  IF new_key IS NOT NULL THEN
    PERFORM "campaign_counts_add"(NEW."campaign_id", NEW."organization_id", NEW."visibility", NEW."status", NEW."assignee_id", "campaign_counts_due"(NEW."status", NEW."due_on"), 1);
  END IF;
  IF old_key IS NOT NULL THEN
    PERFORM "campaign_counts_add"(OLD."campaign_id", OLD."organization_id", OLD."visibility", OLD."status", OLD."assignee_id", "campaign_counts_due"(OLD."status", OLD."due_on"), -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_campaign_counts_insert" AFTER INSERT ON "requests"
  FOR EACH ROW WHEN (NEW."campaign_id" IS NOT NULL) EXECUTE FUNCTION "requests_campaign_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_campaign_counts_delete" AFTER DELETE ON "requests"
  FOR EACH ROW WHEN (OLD."campaign_id" IS NOT NULL) EXECUTE FUNCTION "requests_campaign_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_campaign_counts_update" AFTER UPDATE OF "campaign_id", "organization_id", "visibility", "status", "assignee_id", "due_on" ON "requests"
  FOR EACH ROW WHEN (OLD."campaign_id" IS NOT NULL OR NEW."campaign_id" IS NOT NULL) EXECUTE FUNCTION "requests_campaign_counts"();
--> statement-breakpoint
-- Recounts every joint ask's rows from the requests (the bulk loader of bench/scale-dataset.ts calls it too).
CREATE FUNCTION "campaign_counts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "campaign_counts";
  INSERT INTO "campaign_counts" ("campaign_id", "organization_id", "visibility", "status", "assignee_id", "due_on", "n")
  SELECT "campaign_id", "organization_id", "visibility", "status", "assignee_id", "campaign_counts_due"("status", "due_on"), count(*)
    FROM "requests"
   WHERE "campaign_id" IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6;
$$;
--> statement-breakpoint
SELECT "campaign_counts_rebuild"();
