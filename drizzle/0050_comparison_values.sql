CREATE TABLE "comparison_key_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparison_mappings" (
	"organizer_id" uuid NOT NULL,
	"figure_key" text NOT NULL,
	"key_figure_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comparison_mappings_organizer_id_figure_key_key_figure_id_pk" PRIMARY KEY("organizer_id","figure_key","key_figure_id")
);
--> statement-breakpoint
CREATE TABLE "comparison_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"key_figure_id" uuid NOT NULL,
	"area_kind" text NOT NULL,
	"area_code" text NOT NULL,
	"unit_id" uuid,
	"period" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_starts_on" date NOT NULL,
	"value" double precision NOT NULL,
	"import_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comparison_key_figures" ADD CONSTRAINT "comparison_key_figures_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_mappings" ADD CONSTRAINT "comparison_mappings_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_mappings" ADD CONSTRAINT "comparison_mappings_key_figure_id_comparison_key_figures_id_fk" FOREIGN KEY ("key_figure_id") REFERENCES "public"."comparison_key_figures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_mappings" ADD CONSTRAINT "comparison_mappings_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_key_figure_id_comparison_key_figures_id_fk" FOREIGN KEY ("key_figure_id") REFERENCES "public"."comparison_key_figures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_key_figures_code_idx" ON "comparison_key_figures" USING btree ("organizer_id","source","code");--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_values_key_idx" ON "comparison_values" USING btree ("key_figure_id","area_code","period");--> statement-breakpoint
CREATE INDEX "comparison_values_organizer_idx" ON "comparison_values" USING btree ("organizer_id","period");