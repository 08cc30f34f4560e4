CREATE TABLE "request_counts" (
	"organization_id" uuid NOT NULL,
	"visibility" "request_visibility" NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_counts_pkey" PRIMARY KEY("organization_id","visibility")
);
