CREATE TABLE "search_lexicon" (
	"organizer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"documents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "search_lexicon_organizer_id_kind_term_pk" PRIMARY KEY("organizer_id","kind","term")
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"words" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_lexicon" ADD CONSTRAINT "search_lexicon_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_synonyms" ADD CONSTRAINT "search_synonyms_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_synonyms_organizer_idx" ON "search_synonyms" USING btree ("organizer_id");