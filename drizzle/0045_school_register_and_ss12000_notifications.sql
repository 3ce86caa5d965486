CREATE TABLE "school_register_configs" (
	"organizer_id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_value" text NOT NULL,
	"checked_at" timestamp with time zone,
	"check_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_register_differences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"school_unit_code" text NOT NULL,
	"unit_id" uuid,
	"current" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_register_units" (
	"organizer_id" uuid NOT NULL,
	"school_unit_code" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"school_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"municipality_code" text,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_register_units_organizer_id_school_unit_code_pk" PRIMARY KEY("organizer_id","school_unit_code")
);
--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "notify_token_hash" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_expires" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_state" text;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "subscription_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "school_register_configs" ADD CONSTRAINT "school_register_configs_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_register_differences" ADD CONSTRAINT "school_register_differences_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_register_differences" ADD CONSTRAINT "school_register_differences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_register_differences" ADD CONSTRAINT "school_register_differences_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_register_units" ADD CONSTRAINT "school_register_units_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_register_differences_org_idx" ON "school_register_differences" USING btree ("organizer_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "school_register_differences_open_idx" ON "school_register_differences" USING btree ("organizer_id","school_unit_code","kind") WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD CONSTRAINT "ss12000_configs_notify_token_hash_unique" UNIQUE("notify_token_hash");