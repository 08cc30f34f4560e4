ALTER TABLE "requests" ADD COLUMN "campaign_letter" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "letter_subject" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "letter_text" text;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_letter_edit_whole" CHECK (("requests"."letter_subject" is null) = ("requests"."letter_text" is null));--> statement-breakpoint
-- Requests a joint ask made used to store the whole rendered campaign letter as "What is asked", which the request
-- letter then wrapped again. They keep the ask in words instead (their structured ask is already theirs), and their
-- first letter is composed from the joint ask's letter text. The change is on each request's timeline.
WITH "fixed" AS (
  UPDATE "requests" AS r
  SET "description" = c."ask", "campaign_letter" = true, "updated_at" = now()
  FROM "campaigns" AS c
  WHERE r."campaign_id" = c."id"
    AND r."organization_id" = c."organization_id"
    AND r."description" <> c."ask"
    AND strpos(r."description", c."ask") > 0
  RETURNING r."id", r."organization_id"
)
INSERT INTO "request_events" ("organization_id", "request_id", "kind", "data")
SELECT "organization_id", "id", 'edited',
  '{"changes":[{"field":"description","label":"What is asked","from":null,"to":null}],"note":"The joint ask''s letter is now composed for each target; What is asked keeps the ask in words"}'::jsonb
FROM "fixed";
--> statement-breakpoint
-- Requests that joined a joint ask by their number (a coalition partner's, typically) before joining gave them its
-- ask showed "Not asked" in every column of the grid. Those that ask no field yet take the joint ask's ask as
-- their own organization's rows: its record types, its detail, period and format when they have none, then (next
-- statement) its fields; each change is on the request's timeline.
WITH "bare" AS (
  SELECT r."id", r."organization_id", r."campaign_id"
  FROM "requests" AS r
  WHERE r."campaign_id" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "request_fields" AS f WHERE f."request_id" = r."id")
    AND EXISTS (SELECT 1 FROM "campaign_fields" AS cf WHERE cf."campaign_id" = r."campaign_id")
), "types" AS (
  INSERT INTO "request_record_types" ("organization_id", "request_id", "record_type_id")
  SELECT b."organization_id", b."id", crt."record_type_id"
  FROM "bare" AS b JOIN "campaign_record_types" AS crt ON crt."campaign_id" = b."campaign_id"
  ON CONFLICT DO NOTHING
  RETURNING "request_id"
), "asks" AS (
  INSERT INTO "request_asks" ("request_id", "organization_id", "detail_level", "period_start", "period_end", "formats", "deidentify", "deidentify_notes")
  SELECT b."id", b."organization_id", ca."detail_level", ca."period_start", ca."period_end", ca."formats", ca."deidentify", ca."deidentify_notes"
  FROM "bare" AS b JOIN "campaign_asks" AS ca ON ca."campaign_id" = b."campaign_id"
  ON CONFLICT DO NOTHING
  RETURNING "request_id"
)
INSERT INTO "request_events" ("organization_id", "request_id", "kind", "data")
SELECT b."organization_id", b."id", 'edited',
  '{"changes":[{"field":"recordTypes","label":"Record types","from":null,"to":null}],"note":"The joint ask''s ask"}'::jsonb
FROM "bare" AS b
WHERE b."id" IN (SELECT "request_id" FROM "types" UNION SELECT "request_id" FROM "asks");
--> statement-breakpoint
WITH "bare" AS (
  SELECT r."id", r."organization_id", r."campaign_id"
  FROM "requests" AS r
  WHERE r."campaign_id" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "request_fields" AS f WHERE f."request_id" = r."id")
    AND EXISTS (SELECT 1 FROM "campaign_fields" AS cf WHERE cf."campaign_id" = r."campaign_id")
), "added" AS (
  INSERT INTO "request_fields" ("organization_id", "request_id", "record_type_id", "catalog_field_id", "key", "label", "position")
  SELECT b."organization_id", b."id", cf."record_type_id", cf."catalog_field_id", cf."key", cf."label", cf."position"
  FROM "bare" AS b JOIN "campaign_fields" AS cf ON cf."campaign_id" = b."campaign_id"
  ON CONFLICT DO NOTHING
  RETURNING "organization_id", "request_id", "record_type_id", "key", "label"
)
-- The kind is computed per row: on a fresh database every migration runs in one transaction, and Postgres refuses a
-- constant of an enum value added in that transaction (0004 added 'fields_asked'); with no rows it is never read.
INSERT INTO "request_events" ("organization_id", "request_id", "kind", "data")
SELECT a."organization_id", a."request_id", (CASE WHEN a."request_id" IS NOT NULL THEN 'fields_asked' END)::"request_event_kind",
  jsonb_build_object('added', jsonb_agg(jsonb_build_object('key', a."key", 'label', a."label", 'recordType', rt."name") ORDER BY a."key"), 'removed', '[]'::jsonb)
FROM "added" AS a JOIN "record_types" AS rt ON rt."id" = a."record_type_id"
GROUP BY a."organization_id", a."request_id";
