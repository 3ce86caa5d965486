CREATE TABLE "planning_concept_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"meaning" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_concepts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_financing_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"row_key" text,
	"label" text DEFAULT '' NOT NULL,
	"payer" text,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_framework_texts" (
	"organizer_id" uuid NOT NULL,
	"key" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_framework_texts_organizer_id_key_pk" PRIMARY KEY("organizer_id","key")
);
--> statement-breakpoint
CREATE TABLE "planning_goal_sub_goals" (
	"goal_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"framework_key" text NOT NULL,
	"sub_goal_id" text NOT NULL,
	CONSTRAINT "planning_goal_sub_goals_goal_id_framework_key_sub_goal_id_pk" PRIMARY KEY("goal_id","framework_key","sub_goal_id")
);
--> statement-breakpoint
CREATE TABLE "planning_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_visions" (
	"organizer_id" uuid PRIMARY KEY NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planning_actions" ADD COLUMN "goal_id" uuid;--> statement-breakpoint
ALTER TABLE "planning_concept_versions" ADD CONSTRAINT "planning_concept_versions_concept_id_planning_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."planning_concepts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_concept_versions" ADD CONSTRAINT "planning_concept_versions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_concept_versions" ADD CONSTRAINT "planning_concept_versions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_concepts" ADD CONSTRAINT "planning_concepts_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_financing_rows" ADD CONSTRAINT "planning_financing_rows_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_framework_texts" ADD CONSTRAINT "planning_framework_texts_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_framework_texts" ADD CONSTRAINT "planning_framework_texts_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_goal_sub_goals" ADD CONSTRAINT "planning_goal_sub_goals_goal_id_planning_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."planning_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_goal_sub_goals" ADD CONSTRAINT "planning_goal_sub_goals_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_goals" ADD CONSTRAINT "planning_goals_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_goals" ADD CONSTRAINT "planning_goals_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_visions" ADD CONSTRAINT "planning_visions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_visions" ADD CONSTRAINT "planning_visions_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_concept_versions_concept_idx" ON "planning_concept_versions" USING btree ("concept_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_concepts_name" ON "planning_concepts" USING btree ("organizer_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "planning_financing_rows_key" ON "planning_financing_rows" USING btree ("organizer_id","row_key") WHERE "planning_financing_rows"."row_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "planning_financing_rows_organizer_idx" ON "planning_financing_rows" USING btree ("organizer_id","position");--> statement-breakpoint
CREATE INDEX "planning_goals_organizer_idx" ON "planning_goals" USING btree ("organizer_id","position");--> statement-breakpoint
ALTER TABLE "planning_actions" ADD CONSTRAINT "planning_actions_goal_id_planning_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."planning_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_actions_goal_idx" ON "planning_actions" USING btree ("goal_id");