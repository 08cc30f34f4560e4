-- 0043's fold rewrote the group rows of every organization it folded from analytics_rollups: ~100,000 rows
-- on the national dataset (seconds), each minute the big organization changed anything. Now the deltas are
-- added to the group rows as they are to the per-agency rows (mapped to their groups with the agencies' places
-- and products as they are), in the same snapshot as their count; the group rows are rewritten in full only
-- when the watermark moves (once a day), when marks were waiting, or when deltas came in between that count and
-- the fold (it can't tell which).
CREATE OR REPLACE FUNCTION "analytics_fold"(p_day date DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_before integer;
  v_old date;
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT w."day" INTO v_old FROM "analytics_watermark" w;
  IF EXISTS (SELECT 1 FROM "analytics_group_marks") OR coalesce(p_day, v_old) > v_old THEN
    folded := "analytics_fold_rollups"(p_day);
    PERFORM "analytics_groups_refresh"(NULL);
    RETURN folded;
  END IF;
  WITH d AS (
    SELECT x.* FROM "analytics_deltas" x WHERE EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = x."organization_id")
  ),
  keyed AS (
    SELECT 't'::text AS kind, ''::text AS key, d."organization_id" AS owner, d.* FROM d
    UNION ALL
    SELECT 's', coalesce(st."code", j."code"), d."organization_id", d.*
      FROM d JOIN "agencies" a ON a."id" = d."agency_id" JOIN "jurisdictions" j ON j."id" = a."jurisdiction_id"
      LEFT JOIN "jurisdictions" st ON st."id" = j."state_id"
     WHERE coalesce(st."code", j."code") IS NOT NULL
    UNION ALL
    SELECT 'p', ap."product_id"::text, ap."organization_id", d.*
      FROM d JOIN (SELECT DISTINCT "agency_id", "product_id", "vendor_id", "organization_id" FROM "agency_products"
                    WHERE "agency_id" IN (SELECT "agency_id" FROM d)) ap ON ap."agency_id" = d."agency_id"
    UNION ALL
    SELECT 'v', d."vendor_id"::text, d."organization_id", d.* FROM d WHERE d."vendor_id" IS NOT NULL
  ),
  sums AS (
    -- (as analytics_fold_rollups counts a delta: its due part against the watermark, which isn't moving here)
    SELECT "organization_id", "visibility", kind, key, owner,
           sum("sign")::int AS requests, coalesce(sum("sign") FILTER (WHERE "received"), 0)::int AS received,
           coalesce(sum("sign") FILTER (WHERE "status" = 'fulfilled'), 0)::int AS fulfilled,
           coalesce(sum("sign") FILTER (WHERE "status" = 'partially_fulfilled'), 0)::int AS partially_fulfilled,
           coalesce(sum("sign") FILTER (WHERE "status" = 'no_responsive_records'), 0)::int AS no_responsive_records,
           coalesce(sum("sign") FILTER (WHERE "status" = 'denied'), 0)::int AS denied,
           coalesce(sum("sign") FILTER (WHERE "status" IN ('appealed', 'in_litigation')), 0)::int AS appealed,
           coalesce(sum("sign") FILTER (WHERE "due_on" < v_old AND "on_time_if_due"), 0)::int AS on_time,
           coalesce(sum("sign") FILTER (WHERE "due_on" < v_old AND NOT "on_time_if_due"), 0)::int AS late,
           coalesce(sum("sign") FILTER (WHERE "due_on" < v_old AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')), 0)::int AS overdue,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old AND "on_time_if_due"), 0)::int AS d0_on_time,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old AND NOT "on_time_if_due"), 0)::int AS d0_late,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')), 0)::int AS d0_open,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old + 1 AND "on_time_if_due"), 0)::int AS d1_on_time,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old + 1 AND NOT "on_time_if_due"), 0)::int AS d1_late,
           coalesce(sum("sign") FILTER (WHERE "due_on" = v_old + 1 AND "status" IN ('submitted', 'acknowledged', 'awaiting_response', 'clarification_requested', 'fee_requested', 'partially_fulfilled', 'appealed', 'in_litigation')), 0)::int AS d1_open
      FROM keyed GROUP BY 1, 2, 3, 4, 5
  ),
  hist AS (
    SELECT "organization_id", "visibility", kind, key, owner, m, array_agg(day ORDER BY day) AS days, array_agg(c ORDER BY day) AS n
      FROM (SELECT "organization_id", "visibility", kind, key, owner, 'r' AS m, "response_days" AS day, sum("sign")::int AS c
              FROM keyed WHERE "response_days" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 7
            UNION ALL
            SELECT "organization_id", "visibility", kind, key, owner, 'c', "completion_days", sum("sign")::int
              FROM keyed WHERE "completion_days" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 7) h
     WHERE c <> 0
     GROUP BY 1, 2, 3, 4, 5, 6
  ),
  up AS (
    INSERT INTO "analytics_group_rollups" AS g ("organization_id", "visibility", "kind", "key", "owner", "requests", "received", "response_days", "response_n",
                                                "completion_days", "completion_n", "fulfilled", "partially_fulfilled", "no_responsive_records", "denied", "appealed",
                                                "on_time", "late", "overdue", "d0_on_time", "d0_late", "d0_open", "d1_on_time", "d1_late", "d1_open")
    SELECT s."organization_id", s."visibility", s.kind, s.key, s.owner, s.requests, s.received,
           coalesce(hr.days, '{}'), coalesce(hr.n, '{}'), coalesce(hc.days, '{}'), coalesce(hc.n, '{}'),
           s.fulfilled, s.partially_fulfilled, s.no_responsive_records, s.denied, s.appealed, s.on_time, s.late, s.overdue,
           s.d0_on_time, s.d0_late, s.d0_open, s.d1_on_time, s.d1_late, s.d1_open
      FROM sums s
      LEFT JOIN hist hr ON hr.m = 'r' AND hr."organization_id" = s."organization_id" AND hr."visibility" = s."visibility" AND hr.kind = s.kind AND hr.key = s.key AND hr.owner = s.owner
      LEFT JOIN hist hc ON hc.m = 'c' AND hc."organization_id" = s."organization_id" AND hc."visibility" = s."visibility" AND hc.kind = s.kind AND hc.key = s.key AND hc.owner = s.owner
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("organization_id", "visibility", "kind", "key", "owner") DO UPDATE SET
      "requests" = g."requests" + EXCLUDED."requests", "received" = g."received" + EXCLUDED."received",
      ("response_days", "response_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(g."response_days", g."response_n", EXCLUDED."response_days", EXCLUDED."response_n") h),
      ("completion_days", "completion_n") = (SELECT h.days, h.n FROM "analytics_hist_add"(g."completion_days", g."completion_n", EXCLUDED."completion_days", EXCLUDED."completion_n") h),
      "fulfilled" = g."fulfilled" + EXCLUDED."fulfilled", "partially_fulfilled" = g."partially_fulfilled" + EXCLUDED."partially_fulfilled",
      "no_responsive_records" = g."no_responsive_records" + EXCLUDED."no_responsive_records", "denied" = g."denied" + EXCLUDED."denied",
      "appealed" = g."appealed" + EXCLUDED."appealed", "on_time" = g."on_time" + EXCLUDED."on_time", "late" = g."late" + EXCLUDED."late",
      "overdue" = g."overdue" + EXCLUDED."overdue",
      "d0_on_time" = g."d0_on_time" + EXCLUDED."d0_on_time", "d0_late" = g."d0_late" + EXCLUDED."d0_late", "d0_open" = g."d0_open" + EXCLUDED."d0_open",
      "d1_on_time" = g."d1_on_time" + EXCLUDED."d1_on_time", "d1_late" = g."d1_late" + EXCLUDED."d1_late", "d1_open" = g."d1_open" + EXCLUDED."d1_open"
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM "analytics_deltas")::int + 0 * (SELECT count(*) FROM up) INTO v_before;
  folded := "analytics_fold_rollups"(p_day);
  IF folded <> v_before THEN
    PERFORM "analytics_groups_refresh"(NULL);
  END IF;
  RETURN folded;
END
$$;
