-- The vendor and product pages' kept figures (app/domain/member-cells.server.ts):
--
-- agency_products' sort keys (state_name, place_key, agency_key) are filled here for the rows there are, by
-- insertMemberships for new rows, and by the triggers below when an agency is renamed or moves or a place is
-- renamed, so the member list reads one page in index order (agency_products_*_order_idx).
--
-- member_map_cells holds, per organization (of the agency_products rows) and scope (product 'p' or vendor 'v'),
-- the map's cells and so the state counts. Every statement that changes agency_products rewrites the cells of
-- the scopes its rows were or are in (statement triggers with transition tables: one rewrite per scope and
-- statement, whatever the number of rows); an agency's new location in the directory (or a new directory link)
-- and a state's new code rewrite the scopes of the agencies concerned. Cells are computed as of yesterday in UTC
-- (a day no time zone's today is before); a scope whose earliest end date has passed for the reader's today is
-- recomputed by member_cells_refresh_stale (called with refreshStaleGroups) or read live.
UPDATE "agency_products" ap SET "state_name" = s."name", "place_key" = lower(j."name"), "agency_key" = lower(a."name")
  FROM "agencies" a, "jurisdictions" j, "jurisdictions" s
 WHERE a."id" = ap."agency_id" AND j."id" = ap."jurisdiction_id" AND s."id" = ap."state_id";
--> statement-breakpoint
CREATE FUNCTION "member_cells_today"() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT ((now() AT TIME ZONE 'UTC')::date - 1)
$$;
--> statement-breakpoint
-- Rewrites one scope's cells as of p_today (the live query of memberLocations, for one organization's rows).
CREATE FUNCTION "member_cells_refresh"(p_org uuid, p_scope text, p_id uuid, p_today date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "member_map_cells" WHERE "scope_id" = p_id AND "scope" = p_scope AND "organization_id" = p_org;
  IF NOT EXISTS (SELECT 1 FROM "organizations" WHERE "id" = p_org) THEN
    RETURN;
  END IF;
  -- (one statement per scope kind, so each reads its own index)
  IF p_scope = 'p' THEN
    INSERT INTO "member_map_cells" ("organization_id", "scope", "scope_id", "state_code", "state_name", "system_type", "cell_latitude", "cell_longitude",
                                    "agencies", "names", "latitude", "longitude", "stale_after", "computed_on")
    SELECT p_org, p_scope, p_id, s."code", s."name", m.system_type::"system_type", floor(d."latitude" / 0.25)::int, floor(d."longitude" / 0.25)::int,
           count(*)::int, (array_agg(a."name" ORDER BY a."name"))[1:3], avg(d."latitude")::float8, avg(d."longitude")::float8,
           min(m.until_on), p_today
      FROM (SELECT ap."agency_id", min(ap."state_id"::text)::uuid AS state_id, min(ap."system_type"::text) AS system_type, min(ap."until_on") AS until_on
              FROM "agency_products" ap
             WHERE ap."organization_id" = p_org
               AND ap."product_id" = p_id
               AND (ap."until_on" IS NULL OR ap."until_on" >= p_today)
             GROUP BY ap."agency_id") m
      JOIN "agencies" a ON a."id" = m.agency_id
      LEFT JOIN "jurisdictions" s ON s."id" = m.state_id
      LEFT JOIN "directory_agencies" d ON d."ori" = a."ori"
     GROUP BY s."code", s."name", m.system_type, floor(d."latitude" / 0.25), floor(d."longitude" / 0.25);
  ELSE
    INSERT INTO "member_map_cells" ("organization_id", "scope", "scope_id", "state_code", "state_name", "system_type", "cell_latitude", "cell_longitude",
                                    "agencies", "names", "latitude", "longitude", "stale_after", "computed_on")
    SELECT p_org, p_scope, p_id, s."code", s."name", m.system_type::"system_type", floor(d."latitude" / 0.25)::int, floor(d."longitude" / 0.25)::int,
           count(*)::int, (array_agg(a."name" ORDER BY a."name"))[1:3], avg(d."latitude")::float8, avg(d."longitude")::float8,
           min(m.until_on), p_today
      FROM (SELECT ap."agency_id", min(ap."state_id"::text)::uuid AS state_id, min(ap."system_type"::text) AS system_type, min(ap."until_on") AS until_on
              FROM "agency_products" ap
             WHERE ap."organization_id" = p_org
               AND ap."vendor_id" = p_id
               AND (ap."until_on" IS NULL OR ap."until_on" >= p_today)
             GROUP BY ap."agency_id") m
      JOIN "agencies" a ON a."id" = m.agency_id
      LEFT JOIN "jurisdictions" s ON s."id" = m.state_id
      LEFT JOIN "directory_agencies" d ON d."ori" = a."ori"
     GROUP BY s."code", s."name", m.system_type, floor(d."latitude" / 0.25), floor(d."longitude" / 0.25);
  END IF;
END
$$;
--> statement-breakpoint
-- Rewrites the product and vendor scopes of some agencies (a new location or directory link, a state's code).
CREATE FUNCTION "member_cells_refresh_agencies"(p_agencies uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT ap."organization_id" AS org, 'p' AS scope, ap."product_id" AS id FROM "agency_products" ap WHERE ap."agency_id" = ANY(p_agencies)
    UNION
    SELECT DISTINCT ap."organization_id", 'v', ap."vendor_id" FROM "agency_products" ap WHERE ap."agency_id" = ANY(p_agencies)
    ORDER BY 1, 2, 3
  LOOP
    PERFORM "member_cells_refresh"(r.org, r.scope, r.id, "member_cells_today"());
  END LOOP;
END
$$;
--> statement-breakpoint
-- Rewrites the organization's scopes whose earliest end date is before p_today, as of p_today.
CREATE FUNCTION "member_cells_refresh_stale"(p_org uuid, p_today date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n integer := 0;
BEGIN
  FOR r IN
    SELECT DISTINCT c."scope", c."scope_id" FROM "member_map_cells" c
     WHERE c."organization_id" = p_org AND c."stale_after" < p_today ORDER BY 1, 2
  LOOP
    PERFORM "member_cells_refresh"(p_org, r."scope", r."scope_id", p_today);
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
--> statement-breakpoint
-- The scopes of the agency_products rows a statement changed (old and new), each rewritten once.
CREATE FUNCTION "agency_products_member_cells"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR r IN SELECT DISTINCT "organization_id" AS org, 'p' AS scope, "product_id" AS id FROM new_rows
             UNION SELECT DISTINCT "organization_id", 'v', "vendor_id" FROM new_rows ORDER BY 1, 2, 3 LOOP
      PERFORM "member_cells_refresh"(r.org, r.scope, r.id, "member_cells_today"());
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR r IN SELECT DISTINCT "organization_id" AS org, 'p' AS scope, "product_id" AS id FROM old_rows
             UNION SELECT DISTINCT "organization_id", 'v', "vendor_id" FROM old_rows ORDER BY 1, 2, 3 LOOP
      PERFORM "member_cells_refresh"(r.org, r.scope, r.id, "member_cells_today"());
    END LOOP;
  ELSE
    FOR r IN SELECT "organization_id" AS org, 'p' AS scope, "product_id" AS id FROM old_rows
             UNION SELECT "organization_id", 'v', "vendor_id" FROM old_rows
             UNION SELECT "organization_id", 'p', "product_id" FROM new_rows
             UNION SELECT "organization_id", 'v', "vendor_id" FROM new_rows ORDER BY 1, 2, 3 LOOP
      PERFORM "member_cells_refresh"(r.org, r.scope, r.id, "member_cells_today"());
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agency_products_member_cells_insert" AFTER INSERT ON "agency_products"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_products_member_cells"();
--> statement-breakpoint
CREATE TRIGGER "agency_products_member_cells_update" AFTER UPDATE ON "agency_products"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_products_member_cells"();
--> statement-breakpoint
CREATE TRIGGER "agency_products_member_cells_delete" AFTER DELETE ON "agency_products"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "agency_products_member_cells"();
--> statement-breakpoint
-- An agency renamed, moved to another place or linked to another directory entry: its membership rows carry its
-- name and place (their update rewrites its scopes' cells); a new link alone rewrites them directly.
CREATE FUNCTION "agencies_member_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."name" IS DISTINCT FROM OLD."name" OR NEW."jurisdiction_id" IS DISTINCT FROM OLD."jurisdiction_id" THEN
    UPDATE "agency_products" ap
       SET "agency_key" = lower(NEW."name"), "jurisdiction_id" = j."id", "state_id" = s."id", "place_key" = lower(j."name"), "state_name" = s."name"
      FROM "jurisdictions" j, "jurisdictions" s
     WHERE ap."agency_id" = NEW."id" AND j."id" = NEW."jurisdiction_id" AND s."id" = coalesce(j."state_id", j."id");
  ELSIF NEW."ori" IS DISTINCT FROM OLD."ori" THEN
    PERFORM "member_cells_refresh_agencies"(ARRAY[NEW."id"]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_member_keys" AFTER UPDATE OF "name", "jurisdiction_id", "ori" ON "agencies"
  FOR EACH ROW EXECUTE FUNCTION "agencies_member_keys"();
--> statement-breakpoint
-- A place renamed (or a state's code changed): the sort keys of its members, and their cells.
CREATE FUNCTION "jurisdictions_member_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."name" IS DISTINCT FROM OLD."name" THEN
    UPDATE "agency_products" SET "place_key" = lower(NEW."name") WHERE "jurisdiction_id" = NEW."id";
    UPDATE "agency_products" SET "state_name" = NEW."name" WHERE "state_id" = NEW."id";
  ELSIF NEW."code" IS DISTINCT FROM OLD."code" THEN
    PERFORM "member_cells_refresh_agencies"(ARRAY(SELECT DISTINCT "agency_id" FROM "agency_products" WHERE "state_id" = NEW."id"));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "jurisdictions_member_keys" AFTER UPDATE OF "name", "code" ON "jurisdictions"
  FOR EACH ROW EXECUTE FUNCTION "jurisdictions_member_keys"();
--> statement-breakpoint
-- Directory entries added, moved or removed: the cells of the agencies linked to them.
CREATE FUNCTION "directory_agencies_member_cells"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "member_cells_refresh_agencies"(ARRAY(SELECT a."id" FROM "agencies" a WHERE a."ori" IN (SELECT "ori" FROM new_rows)
                                                   AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id")));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "member_cells_refresh_agencies"(ARRAY(SELECT a."id" FROM "agencies" a WHERE a."ori" IN (SELECT "ori" FROM old_rows)
                                                   AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id")));
  ELSE
    PERFORM "member_cells_refresh_agencies"(ARRAY(
      SELECT a."id" FROM "agencies" a
       WHERE a."ori" IN (SELECT o."ori" FROM old_rows o JOIN new_rows n ON n."ori" = o."ori"
                          WHERE (n."latitude", n."longitude") IS DISTINCT FROM (o."latitude", o."longitude")
                         UNION SELECT n."ori" FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."ori" = n."ori")
                         UNION SELECT o."ori" FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."ori" = o."ori"))
         AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id")));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "directory_agencies_member_cells_insert" AFTER INSERT ON "directory_agencies"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "directory_agencies_member_cells"();
--> statement-breakpoint
CREATE TRIGGER "directory_agencies_member_cells_update" AFTER UPDATE ON "directory_agencies"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "directory_agencies_member_cells"();
--> statement-breakpoint
CREATE TRIGGER "directory_agencies_member_cells_delete" AFTER DELETE ON "directory_agencies"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "directory_agencies_member_cells"();
--> statement-breakpoint
-- The cells of every scope there is.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT DISTINCT "organization_id" AS org, 'p' AS scope, "product_id" AS id FROM "agency_products"
           UNION SELECT DISTINCT "organization_id", 'v', "vendor_id" FROM "agency_products" ORDER BY 1, 2, 3 LOOP
    PERFORM "member_cells_refresh"(r.org, r.scope, r.id, "member_cells_today"());
  END LOOP;
END
$$;
