CREATE TABLE "member_map_cells" (
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"state_code" text,
	"state_name" text,
	"system_type" "system_type" NOT NULL,
	"cell_latitude" integer,
	"cell_longitude" integer,
	"agencies" integer NOT NULL,
	"names" text[] NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"stale_after" date,
	"computed_on" date NOT NULL,
	CONSTRAINT "member_map_cells_scope" CHECK ("member_map_cells"."scope" in ('p', 'v'))
);
--> statement-breakpoint
ALTER TABLE "agency_products" ADD COLUMN "state_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_products" ADD COLUMN "place_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_products" ADD COLUMN "agency_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "member_map_cells" ADD CONSTRAINT "member_map_cells_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_map_cells_scope_idx" ON "member_map_cells" USING btree ("scope_id","scope","organization_id");--> statement-breakpoint
CREATE INDEX "member_map_cells_stale_idx" ON "member_map_cells" USING btree ("organization_id","stale_after");--> statement-breakpoint
CREATE INDEX "agency_products_vendor_order_idx" ON "agency_products" USING btree ("vendor_id","organization_id","state_name","place_key","agency_key","agency_id","until_on");--> statement-breakpoint
CREATE INDEX "agency_products_product_order_idx" ON "agency_products" USING btree ("product_id","organization_id","state_name","place_key","agency_key","agency_id","until_on");