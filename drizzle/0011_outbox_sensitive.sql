ALTER TABLE "outbox" ADD COLUMN "sensitive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written: reset mails written before this column existed are sensitive too; the sent ones lose their body.
UPDATE "outbox" SET "sensitive" = true WHERE "body" LIKE '%/aterstall-losenord/%';--> statement-breakpoint
UPDATE "outbox" SET "body" = '' WHERE "sensitive" AND "sent_at" IS NOT NULL;
