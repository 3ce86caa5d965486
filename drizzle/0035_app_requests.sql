CREATE TABLE "app_request_checks" (
	"request_id" uuid NOT NULL,
	"organizer_id" uuid NOT NULL,
	"item" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_request_checks_request_id_item_pk" PRIMARY KEY("request_id","item")
);
--> statement-breakpoint
CREATE TABLE "app_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organizer_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"tool_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"school_forms" text[] DEFAULT '{}' NOT NULL,
	"year_from" integer,
	"year_to" integer,
	"data_description" text DEFAULT '' NOT NULL,
	"requested_by" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decision_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_request_checks" ADD CONSTRAINT "app_request_checks_request_id_app_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."app_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_request_checks" ADD CONSTRAINT "app_request_checks_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_request_checks" ADD CONSTRAINT "app_request_checks_checked_by_people_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requests" ADD CONSTRAINT "app_requests_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requests" ADD CONSTRAINT "app_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requests" ADD CONSTRAINT "app_requests_tool_id_app_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."app_tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requests" ADD CONSTRAINT "app_requests_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_requests" ADD CONSTRAINT "app_requests_decision_id_app_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."app_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_requests_ticket_idx" ON "app_requests" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "app_requests_organizer_idx" ON "app_requests" USING btree ("organizer_id","created_at");