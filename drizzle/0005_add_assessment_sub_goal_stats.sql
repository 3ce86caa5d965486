CREATE TABLE "assessment_sub_goal_stats" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"sub_goal_id" text NOT NULL,
	"organizer_id" uuid NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum" integer DEFAULT 0 NOT NULL,
	"sum_sq" integer DEFAULT 0 NOT NULL,
	"dont_know" integer DEFAULT 0 NOT NULL,
	"not_applicable" integer DEFAULT 0 NOT NULL,
	"min_item_n" integer,
	CONSTRAINT "assessment_sub_goal_stats_round_id_unit_id_perspective_sub_goal_id_pk" PRIMARY KEY("round_id","unit_id","perspective","sub_goal_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_sub_goal_stats" ADD CONSTRAINT "assessment_sub_goal_stats_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sub_goal_stats" ADD CONSTRAINT "assessment_sub_goal_stats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sub_goal_stats" ADD CONSTRAINT "assessment_sub_goal_stats_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;