DROP INDEX "survey_invitations_once_idx";--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "booking_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_booking_id_guidance_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."guidance_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_booking_idx" ON "survey_invitations" USING btree ("booking_id") WHERE "survey_invitations"."booking_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_once_idx" ON "survey_invitations" USING btree ("survey_id","person_id") WHERE "survey_invitations"."ticket_id" IS NULL AND "survey_invitations"."booking_id" IS NULL;