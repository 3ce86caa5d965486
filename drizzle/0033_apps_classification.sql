CREATE TABLE "app_classification_rules" (
	"organizer_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"max_confidentiality" integer DEFAULT 1 NOT NULL,
	"max_integrity" integer DEFAULT 1 NOT NULL,
	"max_availability" integer DEFAULT 1 NOT NULL,
	"max_traceability" integer DEFAULT 1 NOT NULL,
	"personal_data_excludes" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"confidentiality" integer NOT NULL,
	"integrity" integer NOT NULL,
	"availability" integer NOT NULL,
	"traceability" integer,
	"confidentiality_rationale" text DEFAULT '' NOT NULL,
	"integrity_rationale" text DEFAULT '' NOT NULL,
	"availability_rationale" text DEFAULT '' NOT NULL,
	"traceability_rationale" text DEFAULT '' NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_classifications_levels" CHECK ("app_classifications"."confidentiality" BETWEEN 0 AND 4 AND "app_classifications"."integrity" BETWEEN 0 AND 4 AND "app_classifications"."availability" BETWEEN 0 AND 4 AND ("app_classifications"."traceability" IS NULL OR "app_classifications"."traceability" BETWEEN 0 AND 4))
);
--> statement-breakpoint
CREATE TABLE "app_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	"min_level" integer NOT NULL,
	"text" text NOT NULL,
	"shipped_key" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_requirements_level" CHECK ("app_requirements"."min_level" BETWEEN 1 AND 4)
);
--> statement-breakpoint
ALTER TABLE "app_classification_rules" ADD CONSTRAINT "app_classification_rules_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_classification_rules" ADD CONSTRAINT "app_classification_rules_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_classifications" ADD CONSTRAINT "app_classifications_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_classifications" ADD CONSTRAINT "app_classifications_tool_id_app_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."app_tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_classifications" ADD CONSTRAINT "app_classifications_assessed_by_people_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requirements" ADD CONSTRAINT "app_requirements_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_classifications_tool_idx" ON "app_classifications" USING btree ("tool_id","assessed_at");--> statement-breakpoint
CREATE INDEX "app_requirements_organizer_idx" ON "app_requirements" USING btree ("organizer_id","aspect","min_level");