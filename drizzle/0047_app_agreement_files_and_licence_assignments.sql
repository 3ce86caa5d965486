CREATE TABLE "app_agreement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app_licence_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"used" boolean,
	"usage_reported_at" timestamp with time zone,
	"assigned_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "app_agreement_files" ADD CONSTRAINT "app_agreement_files_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_agreement_files" ADD CONSTRAINT "app_agreement_files_agreement_id_app_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."app_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_agreement_files" ADD CONSTRAINT "app_agreement_files_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_licence_assignments" ADD CONSTRAINT "app_licence_assignments_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_licence_assignments" ADD CONSTRAINT "app_licence_assignments_pool_id_app_licence_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."app_licence_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_licence_assignments" ADD CONSTRAINT "app_licence_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_licence_assignments" ADD CONSTRAINT "app_licence_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_licence_assignments" ADD CONSTRAINT "app_licence_assignments_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_agreement_files_agreement_idx" ON "app_agreement_files" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "app_agreement_files_current_idx" ON "app_agreement_files" USING btree ("agreement_id") WHERE "app_agreement_files"."replaced_at" IS NULL;--> statement-breakpoint
CREATE INDEX "app_licence_assignments_pool_idx" ON "app_licence_assignments" USING btree ("pool_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_licence_assignments_current_idx" ON "app_licence_assignments" USING btree ("pool_id","person_id") WHERE "app_licence_assignments"."ended_at" IS NULL;