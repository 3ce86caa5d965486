CREATE TABLE "protected_pseudonyms" (
	"organizer_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protected_pseudonyms_organizer_id_person_id_pk" PRIMARY KEY("organizer_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "audience" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "protected_pseudonyms" ADD CONSTRAINT "protected_pseudonyms_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_pseudonyms" ADD CONSTRAINT "protected_pseudonyms_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "protected_pseudonyms_number_idx" ON "protected_pseudonyms" USING btree ("organizer_id","number");