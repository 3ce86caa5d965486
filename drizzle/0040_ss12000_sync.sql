CREATE TABLE "ss12000_configs" (
	"organizer_id" uuid PRIMARY KEY NOT NULL,
	"base_url" text NOT NULL,
	"auth_kind" text DEFAULT 'bearer' NOT NULL,
	"token_url" text,
	"client_id" text,
	"sealed_secret" text,
	"role_map" jsonb NOT NULL,
	"sync_groups" boolean DEFAULT false NOT NULL,
	"synced_until" timestamp with time zone,
	"requested_mode" text,
	"requested_by" uuid,
	"resume" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ss12000_links" (
	"organizer_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"source_id" text NOT NULL,
	"local_id" uuid,
	"label" text,
	"seen_sync_id" uuid,
	"gone_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ss12000_links_organizer_id_entity_source_id_pk" PRIMARY KEY("organizer_id","entity","source_id")
);
--> statement-breakpoint
CREATE TABLE "ss12000_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"resumed" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"examples" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD CONSTRAINT "ss12000_configs_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ss12000_configs" ADD CONSTRAINT "ss12000_configs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ss12000_links" ADD CONSTRAINT "ss12000_links_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ss12000_runs" ADD CONSTRAINT "ss12000_runs_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ss12000_runs" ADD CONSTRAINT "ss12000_runs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ss12000_links_local_idx" ON "ss12000_links" USING btree ("organizer_id","entity","local_id");--> statement-breakpoint
CREATE INDEX "ss12000_runs_organizer_idx" ON "ss12000_runs" USING btree ("organizer_id","started_at");