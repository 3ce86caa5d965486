CREATE TABLE "planning_chain_step_actions" (
	"step_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	CONSTRAINT "planning_chain_step_actions_step_id_action_id_pk" PRIMARY KEY("step_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "planning_chain_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_chain_steps_kind" CHECK ("planning_chain_steps"."kind" IN ('effect', 'result'))
);
--> statement-breakpoint
CREATE TABLE "planning_effect_chains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_indicator_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"measured_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"baseline_value" double precision,
	"baseline_on" date,
	"target_value" double precision,
	"target_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_indicators_target_needs_baseline" CHECK ("planning_indicators"."target_value" IS NULL OR "planning_indicators"."baseline_value" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "planning_chain_step_actions" ADD CONSTRAINT "planning_chain_step_actions_step_id_planning_chain_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."planning_chain_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_chain_step_actions" ADD CONSTRAINT "planning_chain_step_actions_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_chain_step_actions" ADD CONSTRAINT "planning_chain_step_actions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_chain_steps" ADD CONSTRAINT "planning_chain_steps_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_chain_steps" ADD CONSTRAINT "planning_chain_steps_chain_id_planning_effect_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."planning_effect_chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_effect_chains" ADD CONSTRAINT "planning_effect_chains_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_effect_chains" ADD CONSTRAINT "planning_effect_chains_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_effect_chains" ADD CONSTRAINT "planning_effect_chains_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicator_measurements" ADD CONSTRAINT "planning_indicator_measurements_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicator_measurements" ADD CONSTRAINT "planning_indicator_measurements_indicator_id_planning_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."planning_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicator_measurements" ADD CONSTRAINT "planning_indicator_measurements_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicators" ADD CONSTRAINT "planning_indicators_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicators" ADD CONSTRAINT "planning_indicators_step_id_planning_chain_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."planning_chain_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_indicators" ADD CONSTRAINT "planning_indicators_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_chain_step_actions_action_idx" ON "planning_chain_step_actions" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "planning_chain_steps_chain_idx" ON "planning_chain_steps" USING btree ("chain_id","position");--> statement-breakpoint
CREATE INDEX "planning_effect_chains_scope_idx" ON "planning_effect_chains" USING btree ("organizer_id","unit_id");--> statement-breakpoint
CREATE INDEX "planning_indicator_measurements_idx" ON "planning_indicator_measurements" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "planning_indicators_step_idx" ON "planning_indicators" USING btree ("step_id");