-- Keeps tag_uses (see db/schema/requests.ts) in step with requests: the list's tag filter reads it instead of
-- unnesting every request's tags. Tags are taken in sorted order so concurrent writers lock rows in one order.
CREATE FUNCTION "requests_tag_uses"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "tag_uses" u
       SET "uses" = u."uses" - 1, "shared_uses" = u."shared_uses" - (OLD."visibility" <> 'private')::int
     WHERE u."organization_id" = OLD."organization_id" AND u."tag" = ANY (OLD."tags");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "tag_uses" ("organization_id", "tag", "uses", "shared_uses")
    SELECT NEW."organization_id", t, 1, (NEW."visibility" <> 'private')::int
      FROM (SELECT DISTINCT unnest(NEW."tags") AS t) d ORDER BY t
    ON CONFLICT ("organization_id", "tag") DO UPDATE
      SET "uses" = "tag_uses"."uses" + 1, "shared_uses" = "tag_uses"."shared_uses" + EXCLUDED."shared_uses";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_tag_uses_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_tag_uses"();
--> statement-breakpoint
CREATE TRIGGER "requests_tag_uses_delete" AFTER DELETE ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_tag_uses"();
--> statement-breakpoint
CREATE TRIGGER "requests_tag_uses_update" AFTER UPDATE OF "tags", "visibility", "organization_id" ON "requests"
  FOR EACH ROW WHEN (OLD."tags" IS DISTINCT FROM NEW."tags" OR OLD."visibility" IS DISTINCT FROM NEW."visibility" OR OLD."organization_id" <> NEW."organization_id")
  EXECUTE FUNCTION "requests_tag_uses"();
--> statement-breakpoint
-- The requests already there.
INSERT INTO "tag_uses" ("organization_id", "tag", "uses", "shared_uses")
SELECT r."organization_id", t.tag, count(*), count(*) FILTER (WHERE r."visibility" <> 'private')
  FROM "requests" r CROSS JOIN LATERAL (SELECT DISTINCT unnest(r."tags") AS tag) t
 GROUP BY 1, 2;
