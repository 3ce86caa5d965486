CREATE TABLE "competence_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_classes_name_unique" UNIQUE("organizer_id","unit_id","name")
);
--> statement-breakpoint
CREATE TABLE "competence_markings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"worked_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"marked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competence_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_plans_version_unique" UNIQUE("organizer_id","version")
);
--> statement-breakpoint
CREATE TABLE "competence_reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_set" text NOT NULL,
	"answers" jsonb NOT NULL,
	"levels" jsonb NOT NULL,
	"overall" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competence_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"stage" text NOT NULL,
	"aspect" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"content_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "competence_steps_key_unique" UNIQUE("plan_id","step_key"),
	CONSTRAINT "competence_steps_aspect" CHECK ("competence_steps"."aspect" IN ('society', 'tools', 'critical', 'create'))
);
--> statement-breakpoint
ALTER TABLE "competence_classes" ADD CONSTRAINT "competence_classes_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_classes" ADD CONSTRAINT "competence_classes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_plan_id_competence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."competence_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_step_id_competence_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."competence_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_class_id_competence_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."competence_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_markings" ADD CONSTRAINT "competence_markings_marked_by_people_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plans" ADD CONSTRAINT "competence_plans_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_plans" ADD CONSTRAINT "competence_plans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_reflections" ADD CONSTRAINT "competence_reflections_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_reflections" ADD CONSTRAINT "competence_reflections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_steps" ADD CONSTRAINT "competence_steps_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_steps" ADD CONSTRAINT "competence_steps_plan_id_competence_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."competence_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competence_classes_unit_idx" ON "competence_classes" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "competence_markings_coverage_idx" ON "competence_markings" USING btree ("organizer_id","plan_id","worked_on","unit_id","step_id");--> statement-breakpoint
CREATE INDEX "competence_markings_class_idx" ON "competence_markings" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "competence_markings_person_idx" ON "competence_markings" USING btree ("marked_by");--> statement-breakpoint
CREATE INDEX "competence_reflections_person_idx" ON "competence_reflections" USING btree ("organizer_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "competence_steps_plan_idx" ON "competence_steps" USING btree ("plan_id","stage","aspect");