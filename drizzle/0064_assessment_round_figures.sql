CREATE TABLE "assessment_round_figures" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"organizer_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_rounds" ADD COLUMN "figures_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_round_figures" ADD CONSTRAINT "assessment_round_figures_round_id_assessment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_figures" ADD CONSTRAINT "assessment_round_figures_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;