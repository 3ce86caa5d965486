CREATE TABLE "device_booking_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	CONSTRAINT "device_booking_items_unique" UNIQUE("booking_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "device_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"borrower_id" uuid NOT NULL,
	"booked_by" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"picked_up_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_bookings_period" CHECK ("device_bookings"."ends_on" >= "device_bookings"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "device_pools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_pools_name_unique" UNIQUE("organizer_id","name")
);
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "pool_id" uuid;--> statement-breakpoint
ALTER TABLE "device_booking_items" ADD CONSTRAINT "device_booking_items_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_booking_items" ADD CONSTRAINT "device_booking_items_booking_id_device_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."device_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_booking_items" ADD CONSTRAINT "device_booking_items_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bookings" ADD CONSTRAINT "device_bookings_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bookings" ADD CONSTRAINT "device_bookings_pool_id_device_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."device_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bookings" ADD CONSTRAINT "device_bookings_borrower_id_people_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_bookings" ADD CONSTRAINT "device_bookings_booked_by_people_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_pools" ADD CONSTRAINT "device_pools_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_pools" ADD CONSTRAINT "device_pools_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_booking_items_device_idx" ON "device_booking_items" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "device_bookings_pool_idx" ON "device_bookings" USING btree ("pool_id","starts_on");--> statement-breakpoint
CREATE INDEX "device_bookings_due_idx" ON "device_bookings" USING btree ("status","ends_on");--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_pool_id_device_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."device_pools"("id") ON DELETE no action ON UPDATE no action;