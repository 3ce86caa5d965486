CREATE TABLE "ticket_lead_times" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"organizer_id" uuid NOT NULL,
	"line1_minutes" double precision,
	"line2_minutes" double precision,
	"line3_minutes" double precision,
	"total_minutes" double precision NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "max_line" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_lead_times" ADD CONSTRAINT "ticket_lead_times_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_lead_times" ADD CONSTRAINT "ticket_lead_times_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_lead_times_organizer_idx" ON "ticket_lead_times" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "tickets_followup_idx" ON "tickets" USING btree ("organizer_id","created_at","unit_id","chain","line","max_line","category_id","minutes_lost","students_affected","cause","rating","state","merged_into_id","solved_at","device_id");--> statement-breakpoint
-- The highest line each existing case reached (decision 064): the highest line its timeline moved it to, or its line now.
UPDATE "tickets" t SET "max_line" = m.max_line
FROM (SELECT e.ticket_id, max(e.line_to) AS max_line FROM "ticket_events" e WHERE e.line_to IS NOT NULL GROUP BY e.ticket_id) m
WHERE m.ticket_id = t.id AND m.max_line > t.max_line;--> statement-breakpoint
UPDATE "tickets" SET "max_line" = "line" WHERE "line" > "max_line";
