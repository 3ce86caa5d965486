CREATE TABLE "device_receipt_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"sent_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_receipt_reminders_ordinal_check" CHECK ("device_receipt_reminders"."ordinal" BETWEEN 1 AND 3)
);
--> statement-breakpoint
ALTER TABLE "device_settings" ADD COLUMN "receipts_required_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "device_settings" ADD COLUMN "receipt_reminder_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "device_receipt_reminders" ADD CONSTRAINT "device_receipt_reminders_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_reminders" ADD CONSTRAINT "device_receipt_reminders_event_id_device_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."device_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_reminders" ADD CONSTRAINT "device_receipt_reminders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "device_receipt_reminders_event_ordinal_unique" ON "device_receipt_reminders" USING btree ("event_id","ordinal");--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_reminder_days_check" CHECK ("device_settings"."receipt_reminder_days" BETWEEN 1 AND 30);--> statement-breakpoint
-- Hand-written: organizers that already require receipts are reminded about hand-outs since they last saved the setting.
UPDATE "device_settings" SET "receipts_required_since" = "updated_at" WHERE "receipts_required";
