CREATE TABLE "round_reminders_sent" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"days_before" smallint NOT NULL,
	"organizer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_reminders_sent_round_id_person_id_days_before_pk" PRIMARY KEY("round_id","person_id","days_before")
);
--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD COLUMN "reminder_days" smallint[] DEFAULT '{7,2}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "round_reminders_sent" ADD CONSTRAINT "round_reminders_sent_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_reminders_sent" ADD CONSTRAINT "round_reminders_sent_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_reminders_sent" ADD CONSTRAINT "round_reminders_sent_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_reminders_sent_organizer_idx" ON "round_reminders_sent" USING btree ("organizer_id");