-- map_version (db/schema/vendors.ts): its one row moves with every statement that writes what the memberships'
-- map is drawn from, so a map computed under a version is exact while the version stands. The row is updated in
-- the writer's transaction: a reader sees the new number exactly when it can see the new rows. Those tables are
-- written rarely (directory imports, an agency's systems, a place), so the one row is not a point of contention.
INSERT INTO "map_version" ("id", "version") VALUES (true, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "map_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "map_version" SET "version" = "version" + 1 WHERE "id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agency_products_map_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agency_products"
  FOR EACH STATEMENT EXECUTE FUNCTION "map_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "agencies_map_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agencies"
  FOR EACH STATEMENT EXECUTE FUNCTION "map_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "jurisdictions_map_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "jurisdictions"
  FOR EACH STATEMENT EXECUTE FUNCTION "map_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "directory_agencies_map_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "directory_agencies"
  FOR EACH STATEMENT EXECUTE FUNCTION "map_version_bump"();
