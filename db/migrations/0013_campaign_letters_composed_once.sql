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
