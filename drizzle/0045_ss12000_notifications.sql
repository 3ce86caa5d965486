ALTER TABLE "ss12000_configs" ADD COLUMN "notify_token_hash" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_expires" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_state" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD CONSTRAINT "ss12000_configs_notify_token_hash_unique" UNIQUE("notify_token_hash");