CREATE TABLE "unit_sizes" (
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"students" integer,
	"staff" integer,
	"source" text DEFAULT 'manual' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_sizes_not_negative" CHECK (coalesce("unit_sizes"."students", 0) >= 0 AND coalesce("unit_sizes"."staff", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "unit_sizes" ADD CONSTRAINT "unit_sizes_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_sizes" ADD CONSTRAINT "unit_sizes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_sizes" ADD CONSTRAINT "unit_sizes_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_sizes_unit_year_idx" ON "unit_sizes" USING btree ("organizer_id","unit_id","school_year");