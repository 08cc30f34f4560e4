ALTER TABLE "organizations" ADD COLUMN "short_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- An organization inserted without a short code (or given '' again) gets one derived from its name: a leading
-- acronym ("TRC (Three Rivers Records Coalition)" -> TRC), else the initials of its first words ("Mountain West
-- Public Records Lab" -> MWPR), else its first letters; then 2, 3... while the code is taken.
CREATE FUNCTION "organizations_short_code"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  base text;
  candidate text;
  n int := 1;
BEGIN
  IF NEW."short_code" IS NOT NULL AND NEW."short_code" <> '' THEN
    RETURN NEW;
  END IF;
  base := substring(NEW."name" from '^([A-Z][A-Z0-9]{1,5})\M');
  IF base IS NULL THEN
    base := left(regexp_replace(initcap(regexp_replace(NEW."name", '\m(of|the|and|for|a|an)\M', '', 'gi')), '[^A-Z]', '', 'g'), 4);
  END IF;
  IF base IS NULL OR length(base) < 2 THEN
    base := left(upper(regexp_replace(NEW."name", '[^A-Za-z]', '', 'g')) || 'ORG', 3);
  END IF;
  candidate := base;
  WHILE EXISTS (SELECT 1 FROM "organizations" o WHERE o."short_code" = candidate AND o."id" <> NEW."id") LOOP
    n := n + 1;
    candidate := left(base, 8 - length(n::text)) || n::text;
  END LOOP;
  NEW."short_code" := candidate;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "organizations_short_code" BEFORE INSERT OR UPDATE OF "short_code" ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION "organizations_short_code"();--> statement-breakpoint
-- The organizations already there (each row sees the codes given to the rows before it).
UPDATE "organizations" SET "short_code" = '' WHERE "id" IN (SELECT "id" FROM "organizations" ORDER BY "created_at", "id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_short_code_unique" ON "organizations" USING btree ("short_code");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_short_code_format" CHECK ("organizations"."short_code" ~ '^[A-Z][A-Z0-9]{1,7}$');
