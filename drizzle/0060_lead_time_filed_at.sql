DROP INDEX "ticket_lead_times_organizer_idx";--> statement-breakpoint
ALTER TABLE "ticket_lead_times" ADD COLUMN "filed_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written (decision 072): each stored lead time gets its case's filing time, then the column is made NOT NULL
-- and the index built once over the filled rows (generated as NOT NULL on the column and the index before the fill).
UPDATE "ticket_lead_times" l SET "filed_at" = t."created_at" FROM "tickets" t WHERE t."id" = l."ticket_id";--> statement-breakpoint
ALTER TABLE "ticket_lead_times" ALTER COLUMN "filed_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "ticket_lead_times_filed_idx" ON "ticket_lead_times" USING btree ("organizer_id","filed_at","ticket_id","line1_minutes","line2_minutes","line3_minutes","total_minutes");
