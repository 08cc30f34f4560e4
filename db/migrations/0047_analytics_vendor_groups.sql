-- A fifth kind of group row, 'vp': a vendor's agencies (each once, however many of the vendor's products it runs),
-- keyed by vendor with the organization of the agency_products rows as owner, as 'p' is for a product. The vendor
-- page's scorecard sums it with the vendor's own 'v' row (requests to the vendor itself) instead of every agency's
-- rollup row (app/domain/analytics-rollups.server.ts, groupScorecard). The rewrite (0043) and the incremental fold
-- (0044) are the same with the new kind added; then every group row is rewritten once.
CREATE OR REPLACE FUNCTION "analytics_groups_refresh"(p_orgs uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_orgs IS NULL THEN
    DELETE FROM "analytics_group_marks";
    DELETE FROM "analytics_group_rollups";
  ELSE
    DELETE FROM "analytics_group_rollups" g WHERE g."organization_id" = ANY (p_orgs);
  END IF;
  INSERT INTO "analytics_group_rollups" ("organization_id", "visibility", "kind", "key", "owner", "requests", "received", "response_days", "response_n",
                                         "completion_days", "completion_n", "fulfilled", "partially_fulfilled", "no_responsive_records", "denied", "appealed",
                                         "on_time", "late", "overdue", "d0_on_time", "d0_late", "d0_open", "d1_on_time", "d1_late", "d1_open")
  WITH src AS MATERIALIZED (
    SELECT * FROM "analytics_rollups" r WHERE (p_orgs IS NULL OR r."organization_id" = ANY (p_orgs)) AND EXISTS (SELECT 1 FROM "organizations" o WHERE o."id" = r."organization_id")
  ),
  keyed AS MATERIALIZED (
    SELECT 't'::text AS kind, ''::text AS key, r."organization_id" AS owner, r.* FROM src r
    UNION ALL
    SELECT 's', coalesce(st."code", j."code"), r."organization_id", r.*
      FROM src r JOIN "agencies" a ON a."id" = r."agency_id" JOIN "jurisdictions" j ON j."id" = a."jurisdiction_id"
      LEFT JOIN "jurisdictions" st ON st."id" = j."state_id"
     WHERE coalesce(st."code", j."code") IS NOT NULL
    UNION ALL
    -- (as the live query: each agency's distinct product and vendor, here per owning organization)
    SELECT 'p', ap."product_id"::text, ap."organization_id", r.*
      FROM src r JOIN (SELECT DISTINCT "agency_id", "product_id", "vendor_id", "organization_id" FROM "agency_products") ap ON ap."agency_id" = r."agency_id"
    UNION ALL
    SELECT 'v', r."vendor_id"::text, r."organization_id", r.* FROM src r WHERE r."vendor_id" IS NOT NULL
    UNION ALL
    -- (the vendor's agencies: each agency once however many of the vendor's products it runs)
    SELECT 'vp', ap."vendor_id"::text, ap."organization_id", r.*
      FROM src r JOIN (SELECT DISTINCT "agency_id", "vendor_id", "organization_id" FROM "agency_products") ap ON ap."agency_id" = r."agency_id"
  ),
  sums AS (
    SELECT "organization_id", "visibility", kind, key, owner, sum("requests")::int AS requests, sum("received")::int AS received,
           sum("fulfilled")::int AS fulfilled, sum("partially_fulfilled")::int AS partially_fulfilled, sum("no_responsive_records")::int AS no_responsive_records,
           sum("denied")::int AS denied, sum("appealed")::int AS appealed, sum("on_time")::int AS on_time, sum("late")::int AS late, sum("overdue")::int AS overdue,
           sum("d0_on_time")::int AS d0_on_time, sum("d0_late")::int AS d0_late, sum("d0_open")::int AS d0_open,
           sum("d1_on_time")::int AS d1_on_time, sum("d1_late")::int AS d1_late, sum("d1_open")::int AS d1_open
      FROM keyed GROUP BY 1, 2, 3, 4, 5
  ),
  hist AS (
    SELECT "organization_id", "visibility", kind, key, owner, m, array_agg(d ORDER BY d) AS days, array_agg(n ORDER BY d) AS n
      FROM (SELECT k."organization_id", k."visibility", k.kind, k.key, k.owner, 'r' AS m, u.d, sum(u.n)::int AS n
              FROM keyed k, unnest(k."response_days", k."response_n") u(d, n) GROUP BY 1, 2, 3, 4, 5, 7
            UNION ALL
            SELECT k."organization_id", k."visibility", k.kind, k.key, k.owner, 'c', u.d, sum(u.n)::int
              FROM keyed k, unnest(k."completion_days", k."completion_n") u(d, n) GROUP BY 1, 2, 3, 4, 5, 7) h
     WHERE n <> 0
     GROUP BY 1, 2, 3, 4, 5, 6
  )
  SELECT s."organization_id", s."visibility", s.kind, s.key, s.owner, s.requests, s.received,
         coalesce(hr.days, '{}'), coalesce(hr.n, '{}'), coalesce(hc.days, '{}'), coalesce(hc.n, '{}'),
         s.fulfilled, s.partially_fulfilled, s.no_responsive_records, s.denied, s.appealed, s.on_time, s.late, s.overdue,
         s.d0_on_time, s.d0_late, s.d0_open, s.d1_on_time, s.d1_late, s.d1_open
    FROM sums s
    LEFT JOIN hist hr ON hr.m = 'r' AND hr."organization_id" = s."organization_id" AND hr."visibility" = s."visibility" AND hr.kind = s.kind AND hr.key = s.key AND hr.owner = s.owner
    LEFT JOIN hist hc ON hc.m = 'c' AND hc."organization_id" = s."organization_id" AND hc."visibility" = s."visibility" AND hc.kind = s.kind AND hc.key = s.key AND hc.owner = s.owner
   ORDER BY 1, 2, 3, 4, 5;
  IF p_orgs IS NULL THEN
    INSERT INTO "analytics_group_marks" ("reason")
    SELECT 'an agency runs a product in two organizations'
     WHERE EXISTS (SELECT 1 FROM "agency_products" x JOIN "agency_products" y ON y."agency_id" = x."agency_id" AND y."product_id" = x."product_id"
                     AND y."vendor_id" = x."vendor_id" AND y."organization_id" <> x."organization_id");
  END IF;
END
$$;
--> statement-breakpoint
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
    UNION ALL
    SELECT 'vp', ap."vendor_id"::text, ap."organization_id", d.*
      FROM d JOIN (SELECT DISTINCT "agency_id", "vendor_id", "organization_id" FROM "agency_products"
                    WHERE "agency_id" IN (SELECT "agency_id" FROM d)) ap ON ap."agency_id" = d."agency_id"
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
--> statement-breakpoint
SELECT "analytics_groups_refresh"(NULL);
