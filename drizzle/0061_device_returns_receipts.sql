CREATE TABLE "device_return_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_receipt_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"signed_name" text NOT NULL,
	"signed_as" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_settings" (
	"organizer_id" uuid PRIMARY KEY NOT NULL,
	"receipts_required" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_events" ADD COLUMN "checklist" jsonb;--> statement-breakpoint
ALTER TABLE "device_events" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_event_id_device_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."device_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_signatures" ADD CONSTRAINT "device_receipt_signatures_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_signatures" ADD CONSTRAINT "device_receipt_signatures_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_signatures" ADD CONSTRAINT "device_receipt_signatures_event_id_device_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."device_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_receipt_signatures" ADD CONSTRAINT "device_receipt_signatures_signer_id_people_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_return_photos_device_idx" ON "device_return_photos" USING btree ("device_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "device_receipt_signatures_event_unique" ON "device_receipt_signatures" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "device_receipt_signatures_device_idx" ON "device_receipt_signatures" USING btree ("device_id");