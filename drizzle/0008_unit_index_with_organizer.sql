DROP INDEX "tickets_unit_idx";--> statement-breakpoint
CREATE INDEX "tickets_unit_idx" ON "tickets" USING btree ("unit_id","organizer_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);