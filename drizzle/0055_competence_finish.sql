CREATE TABLE "competence_round_needs" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"organizer_id" uuid NOT NULL,
	"stamp" text NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planning_actions" ADD COLUMN "course_id" uuid;--> statement-breakpoint
ALTER TABLE "competence_round_needs" ADD CONSTRAINT "competence_round_needs_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_round_needs" ADD CONSTRAINT "competence_round_needs_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_course_id_competence_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."competence_courses"("id") ON DELETE no action ON UPDATE no action;