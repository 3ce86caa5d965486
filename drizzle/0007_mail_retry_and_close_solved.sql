ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" IS NULL;--> statement-breakpoint
-- Rows from before retries: a failed send was one attempt (it stays given up; an administrator can retry it),
-- and a row left 'sending' by a crashed process gets a claim that has already ended, so delivery recovers it.
UPDATE "outbox" SET "attempts" = 1, "next_attempt_at" = CASE WHEN "error" = 'sending' THEN now() ELSE NULL END WHERE "sent_at" IS NULL AND "error" IS NOT NULL;
