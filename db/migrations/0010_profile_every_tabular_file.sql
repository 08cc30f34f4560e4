-- Every received tabular file gets a dataset profile job, however it arrived (an upload, a reply's
-- attachment, anything added later): a row in file_profiles, pending, written with the file's own row.
CREATE OR REPLACE FUNCTION queue_file_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IN ('csv', 'tsv', 'xlsx', 'json') THEN
    INSERT INTO file_profiles (file_id, organization_id, request_id)
    VALUES (NEW.id, NEW.organization_id, NEW.request_id)
    ON CONFLICT (file_id) DO NOTHING;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_files_queue_profile AFTER INSERT ON request_files
FOR EACH ROW EXECUTE FUNCTION queue_file_profile();
--> statement-breakpoint
-- Files received before profiles existed are profiled too.
INSERT INTO file_profiles (file_id, organization_id, request_id)
SELECT id, organization_id, request_id FROM request_files WHERE kind IN ('csv', 'tsv', 'xlsx', 'json')
ON CONFLICT (file_id) DO NOTHING;
