CREATE TABLE "planning_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"action_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_decisions_status" CHECK ("planning_decisions"."status" IN ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "planning_forum_members" (
	"forum_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	CONSTRAINT "planning_forum_members_forum_id_person_id_pk" PRIMARY KEY("forum_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planning_forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_forums_kind" CHECK ("planning_forums"."kind" IN ('strategy', 'delivery'))
);
--> statement-breakpoint
CREATE TABLE "planning_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "planning_meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planning_meeting_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'item' NOT NULL,
	"title" text NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"decision_id" uuid,
	"action_id" uuid,
	CONSTRAINT "planning_meeting_items_kind" CHECK ("planning_meeting_items"."kind" IN ('item', 'decision', 'overdue'))
);
--> statement-breakpoint
CREATE TABLE "planning_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"forum_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"guests" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_forum_id_planning_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."planning_forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_meeting_id_planning_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."planning_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_decisions" ADD CONSTRAINT "planning_decisions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forum_members" ADD CONSTRAINT "planning_forum_members_forum_id_planning_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."planning_forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forum_members" ADD CONSTRAINT "planning_forum_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forum_members" ADD CONSTRAINT "planning_forum_members_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forums" ADD CONSTRAINT "planning_forums_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forums" ADD CONSTRAINT "planning_forums_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forums" ADD CONSTRAINT "planning_forums_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_attendance" ADD CONSTRAINT "planning_meeting_attendance_meeting_id_planning_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."planning_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_attendance" ADD CONSTRAINT "planning_meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_attendance" ADD CONSTRAINT "planning_meeting_attendance_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_items" ADD CONSTRAINT "planning_meeting_items_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_items" ADD CONSTRAINT "planning_meeting_items_meeting_id_planning_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."planning_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_items" ADD CONSTRAINT "planning_meeting_items_decision_id_planning_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."planning_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meeting_items" ADD CONSTRAINT "planning_meeting_items_action_id_planning_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."planning_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_forum_id_planning_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."planning_forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_meetings" ADD CONSTRAINT "planning_meetings_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_decisions_forum_idx" ON "planning_decisions" USING btree ("forum_id","status");--> statement-breakpoint
CREATE INDEX "planning_decisions_owner_idx" ON "planning_decisions" USING btree ("organizer_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "planning_forum_members_person_idx" ON "planning_forum_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "planning_forums_organizer_idx" ON "planning_forums" USING btree ("organizer_id");--> statement-breakpoint
CREATE INDEX "planning_meeting_items_meeting_idx" ON "planning_meeting_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "planning_meetings_forum_idx" ON "planning_meetings" USING btree ("forum_id","starts_at");