CREATE TABLE "app_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"counterparty" text DEFAULT '' NOT NULL,
	"signer" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"sub_processors" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"school_forms" text[] DEFAULT '{}' NOT NULL,
	"year_from" integer,
	"year_to" integer,
	"conditions" text DEFAULT '' NOT NULL,
	"reasons" text DEFAULT '' NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"school_forms" text[] DEFAULT '{}' NOT NULL,
	"sign_in" text DEFAULT 'sso' NOT NULL,
	"personal_data" boolean DEFAULT true NOT NULL,
	"data_description" text DEFAULT '' NOT NULL,
	"storage" text DEFAULT '' NOT NULL,
	"accessibility_url" text DEFAULT '' NOT NULL,
	"interoperability" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"yearly_cost" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_agreements" ADD CONSTRAINT "app_agreements_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_agreements" ADD CONSTRAINT "app_agreements_tool_id_app_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."app_tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_agreements" ADD CONSTRAINT "app_agreements_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_decisions" ADD CONSTRAINT "app_decisions_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_decisions" ADD CONSTRAINT "app_decisions_tool_id_app_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."app_tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_decisions" ADD CONSTRAINT "app_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_tools" ADD CONSTRAINT "app_tools_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_tools" ADD CONSTRAINT "app_tools_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_agreements_tool_idx" ON "app_agreements" USING btree ("tool_id","valid_from");--> statement-breakpoint
CREATE INDEX "app_decisions_tool_idx" ON "app_decisions" USING btree ("tool_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "app_tools_name_idx" ON "app_tools" USING btree ("organizer_id","name_key");