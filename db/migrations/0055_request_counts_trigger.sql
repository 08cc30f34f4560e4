-- Keeps request_counts (see db/schema/requests.ts): one row per organization and visibility, counting its
-- requests. Zero rows stay (an organization has at most three).
CREATE FUNCTION "request_counts_add"(p_org uuid, p_visibility request_visibility, p_delta integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "request_counts" AS c ("organization_id", "visibility", "n") VALUES (p_org, p_visibility, p_delta)
  ON CONFLICT ON CONSTRAINT "request_counts_pkey" DO UPDATE SET "n" = c."n" + EXCLUDED."n";
$$;
--> statement-breakpoint
CREATE FUNCTION "requests_request_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "request_counts_add"(NEW."organization_id", NEW."visibility", 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "request_counts_add"(OLD."organization_id", OLD."visibility", -1);
  ELSIF ROW(OLD."organization_id", OLD."visibility")::text < ROW(NEW."organization_id", NEW."visibility")::text THEN
    -- Two rows change: lock them in one order (by key), so concurrent writers can't deadlock on each other.
    PERFORM "request_counts_add"(OLD."organization_id", OLD."visibility", -1);
    PERFORM "request_counts_add"(NEW."organization_id", NEW."visibility", 1);
  ELSE
    PERFORM "request_counts_add"(NEW."organization_id", NEW."visibility", 1);
    PERFORM "request_counts_add"(OLD."organization_id", OLD."visibility", -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_request_counts_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_request_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_request_counts_delete" AFTER DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_request_counts"();
--> statement-breakpoint
CREATE TRIGGER "requests_request_counts_update" AFTER UPDATE OF "organization_id", "visibility" ON "requests"
  FOR EACH ROW WHEN (OLD."organization_id" IS DISTINCT FROM NEW."organization_id" OR OLD."visibility" IS DISTINCT FROM NEW."visibility")
  EXECUTE FUNCTION "requests_request_counts"();
--> statement-breakpoint
-- Recounts from the requests (the bulk loader of bench/scale-dataset.ts calls it too).
CREATE FUNCTION "request_counts_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "request_counts";
  INSERT INTO "request_counts" ("organization_id", "visibility", "n")
  SELECT "organization_id", "visibility", count(*) FROM "requests" GROUP BY 1, 2;
$$;
--> statement-breakpoint
SELECT "request_counts_rebuild"();
