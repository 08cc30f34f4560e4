-- Webhook deliveries for timeline events (see db/schema/webhooks.ts): every request_events row of a kind an
-- endpoint can subscribe to queues one delivery per enabled, subscribed endpoint of the request's organization.
-- A trigger, so every path that writes the timeline (forms, the API, mail, the workers) produces them, in the
-- same transaction. It is deferred to the commit, so the request's snapshot is as the transaction left it
-- (status updated after the event row, say).

-- The request as a webhook payload shows it; also used by the app for overdue and ping deliveries.
CREATE FUNCTION "webhook_request_snapshot"(request_id uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', r."id",
    'reference', CASE WHEN o."short_code" <> '' THEN o."short_code" || '-' || r."number" ELSE '#' || r."number" END,
    'number', r."number",
    'title', r."title",
    'status', r."status",
    'due_date', r."due_on",
    'agency', coalesce(a."name", v."name"),
    'recipient_kind', CASE WHEN r."vendor_id" IS NOT NULL THEN 'vendor' ELSE 'agency' END
  )
  FROM "requests" r
  JOIN "organizations" o ON o."id" = r."organization_id"
  LEFT JOIN "agencies" a ON a."id" = r."agency_id"
  LEFT JOIN "vendors" v ON v."id" = r."vendor_id"
  WHERE r."id" = request_id
$$;
--> statement-breakpoint
CREATE FUNCTION "request_events_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  change jsonb;
BEGIN
  event_type := CASE NEW."kind"
    WHEN 'status_changed' THEN 'request.status_changed'
    WHEN 'due_date_changed' THEN 'request.due_date_changed'
    WHEN 'email_received' THEN
      CASE coalesce(NEW."data"->>'classification', 'reply') WHEN 'reply' THEN 'request.reply_received' WHEN 'bounce' THEN 'request.bounced' END
    WHEN 'email_reclassified' THEN
      CASE NEW."data"->>'to' WHEN 'reply' THEN 'request.reply_received' WHEN 'bounce' THEN 'request.bounced' END
    WHEN 'field_state_changed' THEN
      CASE WHEN NEW."data"->>'to' = 'received' THEN 'request.field_received' END
    WHEN 'received_states_changed' THEN
      CASE WHEN jsonb_path_exists(NEW."data", '$.changes[*] ? (@.to == "received")') THEN 'request.field_received' END
  END;
  IF event_type IS NULL THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "webhook_endpoints" e JOIN "requests" r ON r."organization_id" = e."organization_id"
     WHERE r."id" = NEW."request_id" AND e."enabled" AND event_type = ANY (e."events")
  ) THEN
    RETURN NULL;
  END IF;
  change := CASE NEW."kind"
    WHEN 'email_received' THEN jsonb_strip_nulls(jsonb_build_object(
      'inbound_message_id', NEW."data"->'inboundMessageId', 'from', NEW."data"->'from', 'subject', NEW."data"->'subject',
      'classification', coalesce(NEW."data"->'classification', '"reply"'::jsonb),
      'bounced_address', NEW."data"->'bouncedAddress', 'bounce_reason', NEW."data"->'bounceReason'))
    WHEN 'email_reclassified' THEN jsonb_strip_nulls(jsonb_build_object(
      'inbound_message_id', NEW."data"->'inboundMessageId', 'from', NEW."data"->'sender', 'subject', NEW."data"->'subject',
      'classification', NEW."data"->'to', 'reclassified_from', NEW."data"->'from',
      'bounced_address', NEW."data"->'bouncedAddress', 'bounce_reason', NEW."data"->'bounceReason'))
    WHEN 'field_state_changed' THEN jsonb_strip_nulls(jsonb_build_object(
      'fields', jsonb_build_array(jsonb_build_object('key', NEW."data"->'key', 'label', NEW."data"->'label', 'record_type', NEW."data"->'recordType', 'from', NEW."data"->'from', 'to', NEW."data"->'to')),
      'file_id', NEW."data"->'fileId', 'file_name', NEW."data"->'fileName'))
    WHEN 'received_states_changed' THEN jsonb_strip_nulls(jsonb_build_object(
      'fields', (SELECT jsonb_agg(jsonb_build_object('key', c->'key', 'label', c->'label', 'record_type', c->'recordType', 'from', c->'from', 'to', c->'to'))
                   FROM jsonb_array_elements(NEW."data"->'changes') c WHERE c->>'to' = 'received'),
      'file_id', NEW."data"->'fileId', 'file_name', NEW."data"->'fileName'))
    WHEN 'status_changed' THEN jsonb_strip_nulls(jsonb_build_object('from', NEW."data"->'from', 'to', NEW."data"->'to', 'note', NEW."data"->'note', 'on', NEW."data"->'on'))
    ELSE jsonb_strip_nulls(jsonb_build_object('from', NEW."data"->'from', 'to', NEW."data"->'to', 'reason', NEW."data"->'reason', 'statutory', NEW."data"->'statutory'))
  END;
  INSERT INTO "webhook_deliveries" ("organization_id", "endpoint_id", "event_type", "event_key", "request_id", "occurred_at", "payload")
  SELECT e."organization_id", e."id", event_type, 'event:' || NEW."id", NEW."request_id", NEW."occurred_at",
         jsonb_build_object('request', "webhook_request_snapshot"(NEW."request_id"), 'change', change)
    FROM "webhook_endpoints" e JOIN "requests" r ON r."organization_id" = e."organization_id"
   WHERE r."id" = NEW."request_id" AND e."enabled" AND event_type = ANY (e."events")
  ON CONFLICT ("endpoint_id", "event_key") DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "request_events_webhooks" AFTER INSERT ON "request_events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "request_events_webhooks"();
