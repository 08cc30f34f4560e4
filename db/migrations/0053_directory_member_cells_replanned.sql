-- The directory's trigger (0046) planned its queries over the statement's transition tables once per session
-- and kept the plan: planned for a statement of two rows (a list's upsert), it then ran a whole list's update
-- (20,000 rows) through nested loops, for minutes. EXECUTE plans each statement's queries for its own rows.
CREATE OR REPLACE FUNCTION "directory_agencies_member_cells"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE 'SELECT ARRAY(SELECT a."id" FROM "agencies" a WHERE a."ori" IN (SELECT "ori" FROM new_rows)
               AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id"))' INTO changed;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE 'SELECT ARRAY(SELECT a."id" FROM "agencies" a WHERE a."ori" IN (SELECT "ori" FROM old_rows)
               AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id"))' INTO changed;
  ELSE
    EXECUTE 'SELECT ARRAY(
      SELECT a."id" FROM "agencies" a
       WHERE a."ori" IN (SELECT o."ori" FROM old_rows o JOIN new_rows n ON n."ori" = o."ori"
                          WHERE (n."latitude", n."longitude") IS DISTINCT FROM (o."latitude", o."longitude")
                         UNION SELECT n."ori" FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."ori" = n."ori")
                         UNION SELECT o."ori" FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."ori" = o."ori"))
         AND EXISTS (SELECT 1 FROM "agency_products" ap WHERE ap."agency_id" = a."id"))' INTO changed;
  END IF;
  IF cardinality(changed) > 0 THEN
    PERFORM "member_cells_refresh_agencies"(changed);
  END IF;
  RETURN NULL;
END
$$;
