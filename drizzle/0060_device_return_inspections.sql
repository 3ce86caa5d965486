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
ALTER TABLE "device_events" ADD COLUMN "checklist" jsonb;--> statement-breakpoint
ALTER TABLE "device_events" ADD COLUMN "ticket_id" uuid;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_event_id_device_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."device_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_return_photos" ADD CONSTRAINT "device_return_photos_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_return_photos_device_idx" ON "device_return_photos" USING btree ("device_id","event_id");