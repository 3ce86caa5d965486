CREATE TABLE "assessment_answers" (
	"response_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" smallint,
	"special" text,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_answers_response_id_item_key_pk" PRIMARY KEY("response_id","item_key"),
	CONSTRAINT "assessment_answers_value" CHECK (("assessment_answers"."level" BETWEEN 1 AND 4 AND "assessment_answers"."special" IS NULL) OR ("assessment_answers"."level" IS NULL AND "assessment_answers"."special" IN ('dont_know', 'not_applicable')))
);
--> statement-breakpoint
CREATE TABLE "assessment_conclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid,
	"sub_goal_id" text,
	"item_key" text,
	"summary" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_consensus" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" smallint,
	"special" text,
	"evidence" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_consensus_round_id_unit_id_item_key_pk" PRIMARY KEY("round_id","unit_id","item_key"),
	CONSTRAINT "assessment_consensus_value" CHECK (("assessment_consensus"."level" BETWEEN 1 AND 4 AND "assessment_consensus"."special" IS NULL) OR ("assessment_consensus"."level" IS NULL AND "assessment_consensus"."special" IN ('dont_know', 'not_applicable')))
);
--> statement-breakpoint
CREATE TABLE "assessment_custom_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sub_goal_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "assessment_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"perspective" text NOT NULL,
	"person_id" uuid,
	"link_id" uuid,
	"resume_token_hash" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_responses_resume_token_hash_unique" UNIQUE("resume_token_hash"),
	CONSTRAINT "assessment_responses_who" CHECK (("assessment_responses"."person_id" IS NULL) <> ("assessment_responses"."resume_token_hash" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "assessment_round_units" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	CONSTRAINT "assessment_round_units_round_id_unit_id_pk" PRIMARY KEY("round_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"framework_key" text NOT NULL,
	"framework_version" text NOT NULL,
	"perspectives" text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"anonymity_threshold" smallint DEFAULT 5 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_response_id_assessment_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."assessment_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_conclusions" ADD CONSTRAINT "assessment_conclusions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_conclusions" ADD CONSTRAINT "assessment_conclusions_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_conclusions" ADD CONSTRAINT "assessment_conclusions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_conclusions" ADD CONSTRAINT "assessment_conclusions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_consensus" ADD CONSTRAINT "assessment_consensus_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_consensus" ADD CONSTRAINT "assessment_consensus_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_consensus" ADD CONSTRAINT "assessment_consensus_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_consensus" ADD CONSTRAINT "assessment_consensus_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_custom_items" ADD CONSTRAINT "assessment_custom_items_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_custom_items" ADD CONSTRAINT "assessment_custom_items_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_links" ADD CONSTRAINT "assessment_links_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_links" ADD CONSTRAINT "assessment_links_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_links" ADD CONSTRAINT "assessment_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_responses" ADD CONSTRAINT "assessment_responses_link_id_assessment_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."assessment_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_units" ADD CONSTRAINT "assessment_round_units_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_units" ADD CONSTRAINT "assessment_round_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_units" ADD CONSTRAINT "assessment_round_units_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD CONSTRAINT "assessment_rounds_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_conclusions_round_idx" ON "assessment_conclusions" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_custom_items_key" ON "assessment_custom_items" USING btree ("round_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_links_scope" ON "assessment_links" USING btree ("round_id","unit_id","perspective");--> statement-breakpoint
CREATE INDEX "assessment_responses_round_unit_idx" ON "assessment_responses" USING btree ("round_id","unit_id","perspective");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_responses_person" ON "assessment_responses" USING btree ("round_id","unit_id","perspective","person_id");--> statement-breakpoint
CREATE INDEX "assessment_round_units_unit_idx" ON "assessment_round_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "assessment_rounds_organizer_idx" ON "assessment_rounds" USING btree ("organizer_id","opens_on");