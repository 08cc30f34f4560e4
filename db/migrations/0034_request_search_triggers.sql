-- Keeps request_search (db/schema/requests.ts) in step with the requests and the texts searched with them: the
-- request's own text (requests.search_vector), and for its own organization its notes, logged communications and
-- filed replies (automatic replies and bounces are left out: a mail server's words, or our own letter quoted).
-- The private texts are joined and capped at 1,000,000 characters (a tsvector holds at most 1 MB).
CREATE FUNCTION "request_search_private_text"(rid uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(concat_ws(' ',
    (SELECT string_agg(e."data" ->> 'body', ' ' ORDER BY e."seq") FROM "request_events" e WHERE e."request_id" = rid AND e."kind" = 'note_added'),
    (SELECT string_agg(c."summary", ' ' ORDER BY c."created_at", c."id") FROM "communications" c WHERE c."request_id" = rid),
    (SELECT string_agg(concat_ws(' ', m."subject", m."text_body"), ' ' ORDER BY m."received_at", m."id") FROM "inbound_messages" m
      WHERE m."request_id" = rid AND m."status" = 'filed' AND m."classification" = 'reply')
  ), 1000000)
$$;
--> statement-breakpoint
-- One request's row, made anew from the request and its texts (nothing when the request is gone).
CREATE FUNCTION "request_search_refresh"(rid uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "request_search" AS s ("request_id", "organization_id", "shared", "updated_at", "title", "tracking_number", "request_vector", "document")
  SELECT r."id", r."organization_id", r."visibility" <> 'private', r."updated_at", r."title", r."tracking_number", r."search_vector",
         r."search_vector" || setweight(to_tsvector('english', coalesce("request_search_private_text"(r."id"), '')), 'D')
    FROM "requests" r WHERE r."id" = rid
  ON CONFLICT ("request_id") DO UPDATE SET
    "organization_id" = EXCLUDED."organization_id", "shared" = EXCLUDED."shared", "updated_at" = EXCLUDED."updated_at",
    "title" = EXCLUDED."title", "tracking_number" = EXCLUDED."tracking_number",
    "request_vector" = EXCLUDED."request_vector", "document" = EXCLUDED."document";
$$;
--> statement-breakpoint
CREATE FUNCTION "requests_request_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."title" IS DISTINCT FROM OLD."title" OR NEW."description" IS DISTINCT FROM OLD."description"
     OR NEW."tracking_number" IS DISTINCT FROM OLD."tracking_number" THEN
    PERFORM "request_search_refresh"(NEW."id");
  ELSIF NEW."organization_id" IS DISTINCT FROM OLD."organization_id" OR NEW."visibility" IS DISTINCT FROM OLD."visibility"
     OR NEW."updated_at" IS DISTINCT FROM OLD."updated_at" THEN
    UPDATE "request_search" SET "organization_id" = NEW."organization_id", "shared" = NEW."visibility" <> 'private', "updated_at" = NEW."updated_at"
     WHERE "request_id" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "requests_request_search_insert" AFTER INSERT ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_request_search"();
--> statement-breakpoint
CREATE TRIGGER "requests_request_search_update" AFTER UPDATE OF "title", "description", "tracking_number", "organization_id", "visibility", "updated_at" ON "requests"
  FOR EACH ROW EXECUTE FUNCTION "requests_request_search"();
--> statement-breakpoint
-- A text searched with its request changed: the request's row again (the old request's too when it moved).
CREATE FUNCTION "request_texts_request_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."request_id" IS NOT NULL THEN
    PERFORM "request_search_refresh"(OLD."request_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."request_id" IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW."request_id" IS DISTINCT FROM OLD."request_id") THEN
    PERFORM "request_search_refresh"(NEW."request_id");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "request_events_request_search_insert" AFTER INSERT ON "request_events"
  FOR EACH ROW WHEN (NEW."kind" = 'note_added') EXECUTE FUNCTION "request_texts_request_search"();
--> statement-breakpoint
CREATE TRIGGER "request_events_request_search_update" AFTER UPDATE OF "data", "kind", "request_id" ON "request_events"
  FOR EACH ROW WHEN (OLD."kind" = 'note_added' OR NEW."kind" = 'note_added') EXECUTE FUNCTION "request_texts_request_search"();
--> statement-breakpoint
CREATE TRIGGER "communications_request_search" AFTER INSERT OR DELETE OR UPDATE OF "summary", "request_id" ON "communications"
  FOR EACH ROW EXECUTE FUNCTION "request_texts_request_search"();
--> statement-breakpoint
CREATE TRIGGER "inbound_messages_request_search" AFTER INSERT OR DELETE OR UPDATE OF "request_id", "status", "classification", "subject", "text_body" ON "inbound_messages"
  FOR EACH ROW EXECUTE FUNCTION "request_texts_request_search"();
--> statement-breakpoint
-- Every row anew, in (organization, last update) order so each organization's latest rows sit together (the bulk
-- loader of bench/scale-dataset.ts calls it too, its triggers being off).
CREATE FUNCTION "request_search_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "request_search";
  INSERT INTO "request_search" ("request_id", "organization_id", "shared", "updated_at", "title", "tracking_number", "request_vector", "document")
  SELECT r."id", r."organization_id", r."visibility" <> 'private', r."updated_at", r."title", r."tracking_number", r."search_vector",
         r."search_vector" || setweight(to_tsvector('english', left(concat_ws(' ', n."body", c."body", m."body"), 1000000)), 'D')
    FROM "requests" r
    LEFT JOIN (SELECT e."request_id", string_agg(e."data" ->> 'body', ' ' ORDER BY e."seq") AS "body"
                 FROM "request_events" e WHERE e."kind" = 'note_added' GROUP BY 1) n ON n."request_id" = r."id"
    LEFT JOIN (SELECT c."request_id", string_agg(c."summary", ' ' ORDER BY c."created_at", c."id") AS "body"
                 FROM "communications" c GROUP BY 1) c ON c."request_id" = r."id"
    LEFT JOIN (SELECT m."request_id", string_agg(concat_ws(' ', m."subject", m."text_body"), ' ' ORDER BY m."received_at", m."id") AS "body"
                 FROM "inbound_messages" m WHERE m."status" = 'filed' AND m."classification" = 'reply' AND m."request_id" IS NOT NULL
                GROUP BY 1) m ON m."request_id" = r."id"
   ORDER BY r."organization_id", r."updated_at";
$$;
--> statement-breakpoint
-- The first fill: without its GIN indexes (built once, after), much faster than growing them row by row.
DROP INDEX "request_search_document_idx";
--> statement-breakpoint
DROP INDEX "request_search_trgm_idx";
--> statement-breakpoint
-- Room to sort and group a large dataset in memory (this transaction only).
SET LOCAL work_mem = '64MB';
--> statement-breakpoint
SELECT "request_search_rebuild"();
--> statement-breakpoint
CREATE INDEX "request_search_document_idx" ON "request_search" USING gin ("document");
--> statement-breakpoint
CREATE INDEX "request_search_trgm_idx" ON "request_search" USING gin ("title" gin_trgm_ops, "tracking_number" gin_trgm_ops);
--> statement-breakpoint
ANALYZE "request_search";
