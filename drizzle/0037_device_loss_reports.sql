ALTER TABLE "device_events" ADD COLUMN "occurred_on" date;--> statement-breakpoint
ALTER TABLE "device_events" ADD COLUMN "police_report" text;