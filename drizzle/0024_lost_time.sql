ALTER TABLE "tickets" ADD COLUMN "lost_time_unit" text DEFAULT 'lesson' NOT NULL;--> statement-breakpoint
-- One amount instead of lessons and minutes (decision 035): a lesson counts 60 minutes, and when both were given
-- they described the same loss, so the larger is kept (never the sum); the unit is the one that amount was given in.
UPDATE "tickets" SET "lost_time_unit" = CASE WHEN "minutes_lost" > "lessons_lost" * 60 THEN 'minute' ELSE 'lesson' END,
	"minutes_lost" = greatest("lessons_lost" * 60, "minutes_lost");--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "lessons_lost";
