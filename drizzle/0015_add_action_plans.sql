CREATE TABLE "planning_action_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_action_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"framework_key" text NOT NULL,
	"sub_goal_id" text NOT NULL,
	"item_key" text
);
--> statement-breakpoint
CREATE TABLE "planning_action_participants" (
	"action_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	CONSTRAINT "planning_action_participants_action_id_person_id_pk" PRIMARY KEY("action_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planning_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"due_on" date,
	"responsible_id" uuid NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"effect" text DEFAULT '' NOT NULL,
	"hours" integer,
	"money_sek" integer,
	"support_category_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_actions_dates" CHECK ("planning_actions"."due_on" IS NULL OR "planning_actions"."starts_on" IS NULL OR "planning_actions"."due_on" >= "planning_actions"."starts_on"),
	CONSTRAINT "planning_actions_resources" CHECK (coalesce("planning_actions"."hours", 0) >= 0 AND coalesce("planning_actions"."money_sek", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "planning_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid,
	"period" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_plans_period" CHECK ("planning_plans"."period" ~ '^[0-9]{4}/[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "planning_action_events" ADD CONSTRAINT "planning_action_events_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_events" ADD CONSTRAINT "planning_action_events_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_events" ADD CONSTRAINT "planning_action_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_links" ADD CONSTRAINT "planning_action_links_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_links" ADD CONSTRAINT "planning_action_links_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_participants" ADD CONSTRAINT "planning_action_participants_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_participants" ADD CONSTRAINT "planning_action_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_action_participants" ADD CONSTRAINT "planning_action_participants_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_plan_id_planning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."planning_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_responsible_id_people_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_support_category_id_support_categories_id_fk" FOREIGN KEY ("support_category_id") REFERENCES "public"."support_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plans" ADD CONSTRAINT "planning_plans_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plans" ADD CONSTRAINT "planning_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_plans" ADD CONSTRAINT "planning_plans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_action_events_action_idx" ON "planning_action_events" USING btree ("action_id","created_at");--> statement-breakpoint
CREATE INDEX "planning_action_links_action_idx" ON "planning_action_links" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "planning_action_links_goal_idx" ON "planning_action_links" USING btree ("organizer_id","framework_key","sub_goal_id");--> statement-breakpoint
CREATE INDEX "planning_actions_plan_idx" ON "planning_actions" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE INDEX "planning_actions_responsible_idx" ON "planning_actions" USING btree ("responsible_id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_plans_organizer_period" ON "planning_plans" USING btree ("organizer_id","period") WHERE "planning_plans"."unit_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "planning_plans_unit_period" ON "planning_plans" USING btree ("unit_id","period") WHERE "planning_plans"."unit_id" IS NOT NULL;