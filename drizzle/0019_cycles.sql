CREATE TABLE "planning_cycle_answers" (
	"cycle_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"note" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_cycle_answers_cycle_id_question_key_pk" PRIMARY KEY("cycle_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "planning_cycle_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"area" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"what" text DEFAULT '' NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"due_on" date,
	"responsible_id" uuid,
	"follow_up" text DEFAULT '' NOT NULL,
	"effect" text DEFAULT '' NOT NULL,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_cycle_entries_area" CHECK ("planning_cycle_entries"."area" IN ('cohesive', 'pedagogical', 'technical'))
);
--> statement-breakpoint
CREATE TABLE "planning_cycle_members" (
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	CONSTRAINT "planning_cycle_members_cycle_id_person_id_pk" PRIMARY KEY("cycle_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planning_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"opened_on" date NOT NULL,
	"previous_id" uuid,
	"strengths" text DEFAULT '' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planning_cycle_answers" ADD CONSTRAINT "planning_cycle_answers_cycle_id_planning_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."planning_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_answers" ADD CONSTRAINT "planning_cycle_answers_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_answers" ADD CONSTRAINT "planning_cycle_answers_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_entries" ADD CONSTRAINT "planning_cycle_entries_cycle_id_planning_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."planning_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_entries" ADD CONSTRAINT "planning_cycle_entries_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_entries" ADD CONSTRAINT "planning_cycle_entries_responsible_id_people_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_entries" ADD CONSTRAINT "planning_cycle_entries_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_members" ADD CONSTRAINT "planning_cycle_members_cycle_id_planning_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."planning_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_members" ADD CONSTRAINT "planning_cycle_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycle_members" ADD CONSTRAINT "planning_cycle_members_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycles" ADD CONSTRAINT "planning_cycles_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycles" ADD CONSTRAINT "planning_cycles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_cycles" ADD CONSTRAINT "planning_cycles_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_cycle_entries_cycle_idx" ON "planning_cycle_entries" USING btree ("cycle_id","area","position");--> statement-breakpoint
CREATE INDEX "planning_cycle_entries_action_idx" ON "planning_cycle_entries" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "planning_cycle_members_person_idx" ON "planning_cycle_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "planning_cycles_scope_idx" ON "planning_cycles" USING btree ("organizer_id","unit_id","opened_on");