ALTER TABLE "app_tools" ADD COLUMN "year_from" integer;--> statement-breakpoint
ALTER TABLE "app_tools" ADD COLUMN "year_to" integer;