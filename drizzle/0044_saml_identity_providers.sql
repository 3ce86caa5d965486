ALTER TABLE "external_identities" ADD COLUMN "national_id_hash" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "metadata_url" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "metadata_fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "sso_url" text;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "signing_certificates" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD COLUMN "national_id_attribute" text;