-- Analytics rollups (app/domain/analytics-rollups.server.ts): what each request contributes to the analytics
-- figures (app/domain/analytics.ts DEFINITIONS), summed per organization, sharing class (visibility) and target
-- (agency, or vendor asked directly) in analytics_rollups, and per organization, sharing class and due date in
-- analytics_due_days.
--
-- Writes: the triggers below never touch those shared rows. Each change of a request (or of its status facts)
-- appends its contribution before (sign -1) and after (sign +1) to analytics_deltas, an insert nobody else locks,
-- so concurrent bulk changes over the same agencies can't wait on or deadlock over a rollup row.
-- analytics_fold() moves the deltas into the rollups (one statement, under an advisory lock, rows in key order);
-- readers add the deltas not yet folded, so the figures are right whether or not a fold has run.
--
-- Time: on time / late need due_on <= today, overdue now needs due_on < today. analytics_rollups counts those
-- only for requests due before analytics_watermark.day (a date never after anyone's today); readers count the
-- requests due from the watermark to today live (requests_due_idx: a day or two of due dates). analytics_fold()
-- moves the watermark forward (the daily job: yesterday in UTC) and adds the requests it passes.
CREATE FUNCTION "analytics_contribution"(r "requests", f "request_status_facts", p_sign integer) RETURNS "analytics_deltas"
LANGUAGE sql IMMUTABLE AS $$
  SELECT NULL::bigint, r."organization_id", r."visibility", r."agency_id", r."vendor_id", p_sign, r."received_on" IS NOT NULL,
    CASE WHEN f."responded_on" IS NOT NULL AND r."received_on" IS NOT NULL THEN (f."responded_on" - r."received_on") - f."paused_before_response" END,
    CASE WHEN f."completed_on" IS NOT NULL AND r."received_on" IS NOT NULL THEN (f."completed_on" - r."received_on") - f."paused_before_completion" END,
    r."status"::text, r."due_on",
    CASE WHEN r."due_on" IS NULL THEN NULL ELSE coalesce(f."responded_on" <= r."due_on", false) END
$$;
--> statement-breakpoint
-- Appends -old and +new unless they are the same contribution.
CREATE FUNCTION "analytics_emit"(has_old boolean, o "analytics_deltas", has_new boolean, n "analytics_deltas") RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF has_old AND has_new AND
     (o."organization_id", o."visibility", o."agency_id", o."vendor_id", o."received", o."response_days", o."completion_days", o."status", o."due_on", o."on_time_if_due")
     IS NOT DISTINCT FROM
     (n."organization_id", n."visibility", n."agency_id", n."vendor_id", n."received", n."response_days", n."completion_days", n."status", n."due_on", n."on_time_if_due") THEN
    RETURN;
  END IF;
  INSERT INTO "analytics_deltas" ("organization_id", "visibility", "agency_id", "vendor_id", "sign", "received", "response_days", "completion_days", "status", "due_on", "on_time_if_due")
  SELECT x."organization_id", x."visibility", x."agency_id", x."vendor_id", x."sign", x."received", x."response_days", x."completion_days", x."status", x."due_on", x."on_time_if_due"
    FROM (SELECT o AS c WHERE has_old UNION ALL SELECT n WHERE has_new) s, LATERAL (SELECT (s.c).*) x;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "requests_analytics_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  f "request_status_facts";
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- BEFORE DELETE: the status facts are still there (the cascade deletes them after; their trigger then finds
    -- no request and leaves it to this one).
    SELECT * INTO f FROM "request_status_facts" WHERE "request_id" = OLD."id";
    PERFORM "analytics_emit"(true, "analytics_contribution"(OLD, f, -1), false, NULL);
    RETURN OLD;
  END IF;
  SELECT * INTO f FROM "request_status_facts" WHERE "request_id" = NEW."id";
  IF TG_OP = 'INSERT' THEN
    PERFORM "analytics_emit"(false, NULL, true, "analytics_contribution"(NEW, f, 1));
  ELSE
    PERFORM "analytics_emit"(true, "analytics_contribution"(OLD, f, -1), true, "analytics_contribution"(NEW, f, 1));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_analytics_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_analytics_deltas"();
--> statement-breakpoint
CREATE TRIGGER "requests_analytics_delete" BEFORE DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_analytics_deltas"();
--> statement-breakpoint
CREATE TRIGGER "requests_analytics_update" AFTER UPDATE OF "status", "organization_id", "visibility", "agency_id", "vendor_id", "received_on", "due_on" ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_analytics_deltas"();
--> statement-breakpoint
CREATE FUNCTION "request_status_facts_analytics_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r "requests";
BEGIN
  SELECT * INTO r FROM "requests" WHERE "id" = (CASE WHEN TG_OP = 'DELETE' THEN OLD."request_id" ELSE NEW."request_id" END);
  IF NOT FOUND THEN
    RETURN NULL; -- the request is being deleted: its BEFORE DELETE trigger took its whole contribution out
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "analytics_emit"(true, "analytics_contribution"(r, NULL, -1), true, "analytics_contribution"(r, NEW, 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "analytics_emit"(true, "analytics_contribution"(r, OLD, -1), true, "analytics_contribution"(r, NULL, 1));
  ELSE
    PERFORM "analytics_emit"(true, "analytics_contribution"(r, OLD, -1), true, "analytics_contribution"(r, NEW, 1));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "request_status_facts_analytics" AFTER INSERT OR UPDATE OR DELETE ON "request_status_facts"
  FOR EACH ROW EXECUTE FUNCTION "request_status_facts_analytics_deltas"();
--> statement-breakpoint
-- A + B for histograms kept as (days[], how many[]), sorted by day, without zero counts.
CREATE FUNCTION "analytics_hist_add"(a_days integer[], a_n integer[], b_days integer[], b_n integer[], OUT days integer[], OUT n integer[])
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(d ORDER BY d), '{}'::int[]), coalesce(array_agg(c ORDER BY d), '{}'::int[])
    FROM (SELECT u.d, sum(u.c)::int AS c
            FROM (SELECT * FROM unnest(a_days, a_n) UNION ALL SELECT * FROM unnest(b_days, b_n)) u(d, c)
           GROUP BY u.d HAVING sum(u.c) <> 0) x
$$;
--> statement-breakpoint
-- Folds every delta visible now into the rollups and moves the watermark to p_day (never back). One statement,
-- one snapshot: the deltas it deletes and the requests it counts for the days the watermark passes are the same
-- state. Deltas are counted against the OLD watermark, then the requests due in [old, new) are added as they are
-- now. Folds run one at a time (advisory lock); writers never wait on them (they only insert deltas).
CREATE FUNCTION "analytics_fold"(p_day date DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  WITH wm AS (SELECT w."day" AS old_day, greatest(w."day", coalesce(p_day, w."day")) AS new_day FROM "analytics_watermark" w),
  d AS (DELETE FROM "analytics_deltas" RETURNING *),
  dd AS (SELECT d.*, d."due_on" < wm.old_day AS counted FROM d, wm),
  passed AS (
    SELECT r."organization_id", r."visibility", r."agency_id", r."vendor_id", coalesce(f."responded_on" <= r."due_on", false) AS on_time_if_due,
           r."status"::text AS status
      FROM "requests" r LEFT JOIN "request_status_facts" f ON f."request_id" = r."id", wm
     WHERE r."due_on" >= wm.old_day AND r."due_on" < wm.new_day
  ),
  keyed AS (
    SELECT "organization_id", "visibility", "agency_id", "vendor_id",
           sum("sign")::int AS requests, sum("sign") FILTER (WHERE "received")::int AS received,
           sum("sign") FILTER (WHERE "status" = 'fulfilled')::int AS fulfilled,
           sum("sign") FILTER (WHERE "status" = 'partially_fulfilled')::int AS partially_fulfilled,
           sum("sign") FILTER (WHERE "status" = 'no_responsive_records')::int AS no_responsive_records,
           sum("sign") FILTER (WHERE "status" = 'denied')::int AS denied,
           sum("sign") FILTER (WHERE "status" IN ('appealed', 'in_litigation'))::int AS appealed,
           sum(due_sign) FILTER (WHERE counted AND "on_time_if_due")::int AS on_time,
           sum(due_sign) FILTER (WHERE counted AND NOT "on_time_if_due")::int AS late,
           sum(due_sign) FILTER (WHERE counted AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation'))::int AS overdue
      FROM (SELECT "organization_id", "visibility", "agency_id", "vendor_id", "sign", "sign" AS due_sign, "received", "status", counted, "on_time_if_due" FROM dd
            UNION ALL
            -- requests the watermark passes: only their due part (their count is in the rollup already)
            SELECT "organization_id", "visibility", "agency_id", "vendor_id", 0, 1, false, status, true, on_time_if_due FROM passed) x
     GROUP BY 1, 2, 3, 4
  ),
  hist AS (
    SELECT "organization_id", "visibility", "agency_id", "vendor_id", m, array_agg(day ORDER BY day) AS days, array_agg(c ORDER BY day) AS n
      FROM (SELECT "organization_id", "visibility", "agency_id", "vendor_id", 'r' AS m, "response_days" AS day, sum("sign")::int AS c
              FROM dd WHERE "response_days" IS NOT NULL GROUP BY 1, 2, 3, 4, 6
            UNION ALL
            SELECT "organization_id", "visibility", "agency_id", "vendor_id", 'c', "completion_days", sum("sign")::int
              FROM dd WHERE "completion_days" IS NOT NULL GROUP BY 1, 2, 3, 4, 6) h
     WHERE c <> 0
     GROUP BY 1, 2, 3, 4, 5
  ),
  rows AS (
    SELECT k.*, coalesce(hr.days, '{}') AS r_days, coalesce(hr.n, '{}') AS r_n, coalesce(hc.days, '{}') AS c_days, coalesce(hc.n, '{}') AS c_n
      FROM keyed k
      -- (a request has an agency or a vendor, never both: coalesce(agency, vendor) and which one is the key, hash-joinable)
      LEFT JOIN hist hr ON hr.m = 'r' AND hr."organization_id" = k."organization_id" AND hr."visibility" = k."visibility"
        AND coalesce(hr."agency_id", hr."vendor_id") = coalesce(k."agency_id", k."vendor_id") AND (hr."agency_id" IS NULL) = (k."agency_id" IS NULL)
      LEFT JOIN hist hc ON hc.m = 'c' AND hc."organization_id" = k."organization_id" AND hc."visibility" = k."visibility"
        AND coalesce(hc."agency_id", hc."vendor_id") = coalesce(k."agency_id", k."vendor_id") AND (hc."agency_id" IS NULL) = (k."agency_id" IS NULL)
     WHERE EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = k."organization_id")
  ),
  up AS (
    INSERT INTO "analytics_rollups" AS a ("organization_id", "visibility", "agency_id", "vendor_id", "requests", "received", "response_days", "response_n",
                                          "completion_days", "completion_n", "fulfilled", "partially_fulfilled", "no_responsive_records", "denied", "appealed",
                                          "on_time", "late", "overdue")
    SELECT "organization_id", "visibility", "agency_id", "vendor_id", requests, coalesce(received, 0), r_days, r_n, c_days, c_n,
           coalesce(fulfilled, 0), coalesce(partially_fulfilled, 0), coalesce(no_responsive_records, 0), coalesce(denied, 0), coalesce(appealed, 0),
           coalesce(on_time, 0), coalesce(late, 0), coalesce(overdue, 0)
      FROM rows ORDER BY "organization_id", "visibility", "agency_id", "vendor_id"
    ON CONFLICT ON CONSTRAINT "analytics_rollups_key" DO UPDATE SET
      "requests" = a."requests" + EXCLUDED."requests", "received" = a."received" + EXCLUDED."received",
      ("response_days", "response_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(a."response_days", a."response_n", EXCLUDED."response_days", EXCLUDED."response_n") h),
      ("completion_days", "completion_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(a."completion_days", a."completion_n", EXCLUDED."completion_days", EXCLUDED."completion_n") h),
      "fulfilled" = a."fulfilled" + EXCLUDED."fulfilled", "partially_fulfilled" = a."partially_fulfilled" + EXCLUDED."partially_fulfilled",
      "no_responsive_records" = a."no_responsive_records" + EXCLUDED."no_responsive_records", "denied" = a."denied" + EXCLUDED."denied",
      "appealed" = a."appealed" + EXCLUDED."appealed", "on_time" = a."on_time" + EXCLUDED."on_time", "late" = a."late" + EXCLUDED."late",
      "overdue" = a."overdue" + EXCLUDED."overdue"
    RETURNING 1
  ),
  due AS (
    INSERT INTO "analytics_due_days" AS a ("organization_id", "visibility", "due_on", "on_time", "late", "open")
    SELECT "organization_id", "visibility", "due_on",
           coalesce(sum("sign") FILTER (WHERE "on_time_if_due"), 0)::int, coalesce(sum("sign") FILTER (WHERE NOT "on_time_if_due"), 0)::int,
           coalesce(sum("sign") FILTER (WHERE "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')), 0)::int
      FROM dd WHERE "due_on" IS NOT NULL AND EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = dd."organization_id")
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("organization_id", "visibility", "due_on") DO UPDATE SET
      "on_time" = a."on_time" + EXCLUDED."on_time", "late" = a."late" + EXCLUDED."late", "open" = a."open" + EXCLUDED."open"
    RETURNING 1
  ),
  mark AS (UPDATE "analytics_watermark" w SET "day" = wm.new_day FROM wm WHERE wm.new_day > wm.old_day RETURNING 1)
  SELECT (SELECT count(*) FROM d)::int + 0 * ((SELECT count(*) FROM up) + (SELECT count(*) FROM due) + (SELECT count(*) FROM mark)) INTO folded;
  RETURN folded;
END
$$;
--> statement-breakpoint
-- Fills the rollups from the requests as they are (the migration, and bulk loaders that load with triggers off):
-- every request's contribution as a delta, folded at once.
CREATE FUNCTION "analytics_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  DELETE FROM "analytics_deltas";
  DELETE FROM "analytics_rollups";
  DELETE FROM "analytics_due_days";
  DELETE FROM "analytics_watermark";
  INSERT INTO "analytics_watermark" ("id", "day") VALUES (true, (now() AT TIME ZONE 'UTC')::date - 1);
  INSERT INTO "analytics_deltas" ("organization_id", "visibility", "agency_id", "vendor_id", "sign", "received", "response_days", "completion_days", "status", "due_on", "on_time_if_due")
  SELECT (c)."organization_id", (c)."visibility", (c)."agency_id", (c)."vendor_id", 1, (c)."received", (c)."response_days", (c)."completion_days", (c)."status", (c)."due_on", (c)."on_time_if_due"
    FROM (SELECT "analytics_contribution"(r, f, 1) AS c FROM "requests" r LEFT JOIN "request_status_facts" f ON f."request_id" = r."id") s;
  PERFORM "analytics_fold"();
END
$$;
--> statement-breakpoint
SELECT "analytics_rollups_rebuild"();
