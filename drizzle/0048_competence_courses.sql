CREATE TABLE "competence_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quiz" jsonb,
	"tags" jsonb DEFAULT '{"areas":[],"aspects":[],"subGoals":[],"categoryIds":[],"toolIds":[]}'::jsonb NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_courses_kind" CHECK ("competence_courses"."kind" IN ('short', 'live', 'recorded', 'external'))
);
--> statement-breakpoint
CREATE TABLE "competence_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"parts_done" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quiz_passed_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"feedback_score" smallint,
	"feedback_comment" text DEFAULT '' NOT NULL,
	"feedback_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_enrolments_unique" UNIQUE("course_id","person_id"),
	CONSTRAINT "competence_enrolments_score" CHECK ("competence_enrolments"."feedback_score" IS NULL OR "competence_enrolments"."feedback_score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "competence_courses" ADD CONSTRAINT "competence_courses_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_courses" ADD CONSTRAINT "competence_courses_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_course_id_competence_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."competence_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_enrolments" ADD CONSTRAINT "competence_enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competence_courses_organizer_idx" ON "competence_courses" USING btree ("organizer_id","starts_at");--> statement-breakpoint
CREATE INDEX "competence_enrolments_person_idx" ON "competence_enrolments" USING btree ("organizer_id","person_id");