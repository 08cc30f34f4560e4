CREATE TABLE "tag_uses" (
	"organization_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"shared_uses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tag_uses_organization_id_tag_pk" PRIMARY KEY("organization_id","tag")
);
--> statement-breakpoint
ALTER TABLE "tag_uses" ADD CONSTRAINT "tag_uses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;