CREATE TABLE "device_repairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"ticket_id" uuid,
	"supplier_team_id" uuid,
	"warranty" boolean DEFAULT false NOT NULL,
	"rma_number" text,
	"expected_back_on" date,
	"holder_id" uuid,
	"loaner_device_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by_id" uuid,
	"returned_at" timestamp with time zone,
	"returned_by_id" uuid,
	"cost" integer,
	"parts" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_supplier_team_id_support_teams_id_fk" FOREIGN KEY ("supplier_team_id") REFERENCES "public"."support_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_holder_id_people_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_loaner_device_id_devices_id_fk" FOREIGN KEY ("loaner_device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_sent_by_id_people_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repairs" ADD CONSTRAINT "device_repairs_returned_by_id_people_id_fk" FOREIGN KEY ("returned_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_repairs_device_idx" ON "device_repairs" USING btree ("device_id","sent_at");--> statement-breakpoint
CREATE INDEX "device_repairs_open_idx" ON "device_repairs" USING btree ("organizer_id","returned_at","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "device_repairs_one_open" ON "device_repairs" USING btree ("device_id") WHERE "device_repairs"."returned_at" IS NULL;