CREATE TABLE "overdue_notices" (
	"request_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"recipient_user_id" uuid,
	"outbox_message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overdue_notices_request_id_due_on_pk" PRIMARY KEY("request_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "overdue_notices" ADD CONSTRAINT "overdue_notices_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_notices" ADD CONSTRAINT "overdue_notices_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_notices" ADD CONSTRAINT "overdue_notices_outbox_message_id_outbox_messages_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The alerts queued before this table: one notice each, read from the outbox key "overdue:<request id>:<due date>".
INSERT INTO "overdue_notices" ("request_id", "due_on", "recipient_user_id", "outbox_message_id", "created_at")
SELECT o."request_id", split_part(o."idempotency_key", ':', 3)::date, o."recipient_user_id", o."id", o."created_at"
  FROM "outbox_messages" o
 WHERE o."kind" = 'overdue_alert' AND o."request_id" IS NOT NULL
   AND o."idempotency_key" ~ '^overdue:[0-9a-f-]{36}:[0-9]{4}-[0-9]{2}-[0-9]{2}$'
ON CONFLICT DO NOTHING;
