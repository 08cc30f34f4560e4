-- analytics_fold() read the watermark inside its statement, so the planner could not tell that the requests
-- "the watermark passes" were none (the fold every minute, when the watermark stays) and scanned every request
-- (~1.5 s on the national dataset). The days are now read first and given to the statement as parameters.
CREATE OR REPLACE FUNCTION "analytics_fold"(p_day date DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
  v_advancing boolean;
  v_old date;
  v_new date;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  -- Only folds change the watermark, and they hold the lock: read it first, so the statement below gets the
  -- days as parameters (the requests it counts are read by requests_due_idx, or not at all).
  SELECT w."day" INTO v_old FROM "analytics_watermark" w;
  v_new := greatest(v_old, coalesce(p_day, v_old));
  v_advancing := v_new > v_old;
  IF v_advancing THEN
    -- The watermark day and the next are recounted below from the requests as they are (the deltas' part for
    -- the old days is then superseded).
    UPDATE "analytics_rollups" SET "d0_on_time" = 0, "d0_late" = 0, "d0_open" = 0, "d1_on_time" = 0, "d1_late" = 0, "d1_open" = 0
     WHERE ("d0_on_time", "d0_late", "d0_open", "d1_on_time", "d1_late", "d1_open") <> (0, 0, 0, 0, 0, 0);
  END IF;
  WITH wm AS (SELECT v_old AS old_day, v_new AS new_day),
  d AS (DELETE FROM "analytics_deltas" RETURNING *),
  -- Each delta's due part against the OLD watermark: before it (counted), on it (d0), the day after (d1).
  dd AS (SELECT d.*, d."due_on" < wm.old_day AS counted, d."due_on" = wm.old_day AS d0, d."due_on" = wm.old_day + 1 AS d1,
                wm.new_day > wm.old_day AS advancing FROM d, wm),
  passed AS (
    -- When advancing: the requests due from the old watermark to before the new one (counted from now on),
    -- and those due on the new watermark day and the next (recounted).
    SELECT r."organization_id", r."visibility", r."agency_id", r."vendor_id", coalesce(f."responded_on" <= r."due_on", false) AS on_time_if_due,
           r."status"::text AS status, r."due_on" < v_new AS counted, r."due_on" = v_new AS d0, r."due_on" = v_new + 1 AS d1
      FROM "requests" r LEFT JOIN "request_status_facts" f ON f."request_id" = r."id"
     WHERE v_advancing AND r."due_on" >= v_old AND r."due_on" <= v_new + 1
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
           sum(due_sign) FILTER (WHERE counted AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation'))::int AS overdue,
           sum(due_sign) FILTER (WHERE d0 AND "on_time_if_due")::int AS d0_on_time,
           sum(due_sign) FILTER (WHERE d0 AND NOT "on_time_if_due")::int AS d0_late,
           sum(due_sign) FILTER (WHERE d0 AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation'))::int AS d0_open,
           sum(due_sign) FILTER (WHERE d1 AND "on_time_if_due")::int AS d1_on_time,
           sum(due_sign) FILTER (WHERE d1 AND NOT "on_time_if_due")::int AS d1_late,
           sum(due_sign) FILTER (WHERE d1 AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation'))::int AS d1_open
      FROM (SELECT "organization_id", "visibility", "agency_id", "vendor_id", "sign", "sign" AS due_sign, "received", "status", counted,
                   d0 AND NOT advancing AS d0, d1 AND NOT advancing AS d1, "on_time_if_due" FROM dd
            UNION ALL
            -- requests the watermark passes or lands on: only their due part (their count is in the rollup already)
            SELECT "organization_id", "visibility", "agency_id", "vendor_id", 0, 1, false, status, counted, d0, d1, on_time_if_due FROM passed) x
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
                                          "on_time", "late", "overdue", "d0_on_time", "d0_late", "d0_open", "d1_on_time", "d1_late", "d1_open")
    SELECT "organization_id", "visibility", "agency_id", "vendor_id", requests, coalesce(received, 0), r_days, r_n, c_days, c_n,
           coalesce(fulfilled, 0), coalesce(partially_fulfilled, 0), coalesce(no_responsive_records, 0), coalesce(denied, 0), coalesce(appealed, 0),
           coalesce(on_time, 0), coalesce(late, 0), coalesce(overdue, 0), coalesce(d0_on_time, 0), coalesce(d0_late, 0), coalesce(d0_open, 0),
           coalesce(d1_on_time, 0), coalesce(d1_late, 0), coalesce(d1_open, 0)
      FROM rows ORDER BY "organization_id", "visibility", "agency_id", "vendor_id"
    ON CONFLICT ON CONSTRAINT "analytics_rollups_key" DO UPDATE SET
      "requests" = a."requests" + EXCLUDED."requests", "received" = a."received" + EXCLUDED."received",
      ("response_days", "response_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(a."response_days", a."response_n", EXCLUDED."response_days", EXCLUDED."response_n") h),
      ("completion_days", "completion_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(a."completion_days", a."completion_n", EXCLUDED."completion_days", EXCLUDED."completion_n") h),
      "fulfilled" = a."fulfilled" + EXCLUDED."fulfilled", "partially_fulfilled" = a."partially_fulfilled" + EXCLUDED."partially_fulfilled",
      "no_responsive_records" = a."no_responsive_records" + EXCLUDED."no_responsive_records", "denied" = a."denied" + EXCLUDED."denied",
      "appealed" = a."appealed" + EXCLUDED."appealed", "on_time" = a."on_time" + EXCLUDED."on_time", "late" = a."late" + EXCLUDED."late",
      "overdue" = a."overdue" + EXCLUDED."overdue",
      "d0_on_time" = a."d0_on_time" + EXCLUDED."d0_on_time", "d0_late" = a."d0_late" + EXCLUDED."d0_late", "d0_open" = a."d0_open" + EXCLUDED."d0_open",
      "d1_on_time" = a."d1_on_time" + EXCLUDED."d1_on_time", "d1_late" = a."d1_late" + EXCLUDED."d1_late", "d1_open" = a."d1_open" + EXCLUDED."d1_open"
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
  mark AS (UPDATE "analytics_watermark" w SET "day" = v_new WHERE v_advancing RETURNING 1)
  SELECT (SELECT count(*) FROM d)::int + 0 * ((SELECT count(*) FROM up) + (SELECT count(*) FROM due) + (SELECT count(*) FROM mark)) INTO folded;
  RETURN folded;
END
$$;
