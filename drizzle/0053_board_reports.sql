CREATE TABLE "board_report_asks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"report_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_report_readers" (
	"organizer_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"last_mailed_report_id" uuid,
	"last_mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_report_readers_organizer_id_person_id_pk" PRIMARY KEY("organizer_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "board_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"unit_id" uuid,
	"locale" text DEFAULT 'sv' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_report_asks" ADD CONSTRAINT "board_report_asks_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_asks" ADD CONSTRAINT "board_report_asks_report_id_board_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."board_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_asks" ADD CONSTRAINT "board_report_asks_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_readers" ADD CONSTRAINT "board_report_readers_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_readers" ADD CONSTRAINT "board_report_readers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_readers" ADD CONSTRAINT "board_report_readers_last_mailed_report_id_board_reports_id_fk" FOREIGN KEY ("last_mailed_report_id") REFERENCES "public"."board_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_generated_by_people_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_report_asks_organizer_idx" ON "board_report_asks" USING btree ("organizer_id","report_id");--> statement-breakpoint
CREATE INDEX "board_reports_organizer_idx" ON "board_reports" USING btree ("organizer_id","generated_at");