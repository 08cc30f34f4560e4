-- The coarser level of the analytics rollups (analytics_group_rollups, see db/schema/requests.ts and
-- app/domain/analytics-rollups.server.ts): per organization, sharing class and group (total, state, product,
-- vendor asked directly), rewritten from analytics_rollups by the fold for the organizations it folded, so the
-- analytics page with no filter sums hundreds of rows instead of one per agency.

-- Rewrites the group rows of the given organizations (all when null) from analytics_rollups as they are, with
-- the agencies' places and products as they are. A full rewrite also clears analytics_group_marks (the marks it
-- sees: its own later statement sees the changes they stand for), then marks again if two organizations map the
-- same agency to the same product and vendor (the live query counts that pair once, per-owner rows would not).
CREATE FUNCTION "analytics_groups_refresh"(p_orgs uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
-- The fold of 0036-0040 keeps its body under a new name; analytics_fold() folds, then rewrites the group rows:
-- of the organizations whose deltas it folded, or all of them when the watermark moved (every row's today
-- parts change), when marks were waiting, or when deltas came in between its count and the fold (it can't tell
-- whose). It holds the fold's lock throughout.
ALTER FUNCTION "analytics_fold"(date) RENAME TO "analytics_fold_rollups";
--> statement-breakpoint
CREATE FUNCTION "analytics_fold"(p_day date DEFAULT NULL) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_before integer;
  v_orgs uuid[];
  v_old date;
  v_new date;
  v_marked boolean;
  folded integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  SELECT count(*)::int, array_agg(DISTINCT d."organization_id") INTO v_before, v_orgs FROM "analytics_deltas" d;
  SELECT w."day" INTO v_old FROM "analytics_watermark" w;
  v_marked := EXISTS (SELECT 1 FROM "analytics_group_marks");
  folded := "analytics_fold_rollups"(p_day);
  SELECT w."day" INTO v_new FROM "analytics_watermark" w;
  IF v_marked OR v_new IS DISTINCT FROM v_old OR folded <> v_before THEN
    PERFORM "analytics_groups_refresh"(NULL);
  ELSIF folded > 0 THEN
    PERFORM "analytics_groups_refresh"(v_orgs);
  END IF;
  RETURN folded;
END
$$;
--> statement-breakpoint
-- The rebuild (0036) also rewrites the group rows.
CREATE OR REPLACE FUNCTION "analytics_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727002);
  DELETE FROM "analytics_deltas";
  DELETE FROM "analytics_rollups";
  DELETE FROM "analytics_due_days";
  DELETE FROM "analytics_group_rollups";
  DELETE FROM "analytics_watermark";
  INSERT INTO "analytics_watermark" ("id", "day") VALUES (true, (now() AT TIME ZONE 'UTC')::date - 1);
  INSERT INTO "analytics_deltas" ("organization_id", "visibility", "agency_id", "vendor_id", "sign", "received", "response_days", "completion_days", "status", "due_on", "on_time_if_due")
  SELECT (c)."organization_id", (c)."visibility", (c)."agency_id", (c)."vendor_id", 1, (c)."received", (c)."response_days", (c)."completion_days", (c)."status", (c)."due_on", (c)."on_time_if_due"
    FROM (SELECT "analytics_contribution"(r, f, 1) AS c FROM "requests" r LEFT JOIN "request_status_facts" f ON f."request_id" = r."id") s;
  -- (a mark: the fold rewrites every group row, and clears the marks)
  INSERT INTO "analytics_group_marks" ("reason") VALUES ('rebuild');
  PERFORM "analytics_fold"();
END
$$;
--> statement-breakpoint
-- What the group rows can't follow, marked (append-only; the next fold rewrites every group row).
CREATE FUNCTION "analytics_group_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "analytics_group_marks" ("reason") VALUES (TG_TABLE_NAME || ' ' || lower(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "analytics_group_mark_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "analytics_group_marks" ("reason") SELECT TG_TABLE_NAME || ' ' || lower(TG_OP) WHERE EXISTS (SELECT 1 FROM changed);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_analytics_group_mark" AFTER UPDATE OF "jurisdiction_id" ON "agencies"
  FOR EACH ROW WHEN (OLD."jurisdiction_id" IS DISTINCT FROM NEW."jurisdiction_id") EXECUTE FUNCTION "analytics_group_mark"();
--> statement-breakpoint
CREATE TRIGGER "jurisdictions_analytics_group_mark" AFTER UPDATE OF "code", "state_id" ON "jurisdictions"
  FOR EACH ROW WHEN (OLD."code" IS DISTINCT FROM NEW."code" OR OLD."state_id" IS DISTINCT FROM NEW."state_id") EXECUTE FUNCTION "analytics_group_mark"();
--> statement-breakpoint
CREATE TRIGGER "agency_products_analytics_group_mark_insert" AFTER INSERT ON "agency_products"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_group_mark_rows"();
--> statement-breakpoint
CREATE TRIGGER "agency_products_analytics_group_mark_update" AFTER UPDATE ON "agency_products"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_group_mark_rows"();
--> statement-breakpoint
CREATE TRIGGER "agency_products_analytics_group_mark_delete" AFTER DELETE ON "agency_products"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_group_mark_rows"();
--> statement-breakpoint
SELECT "analytics_groups_refresh"(NULL);
