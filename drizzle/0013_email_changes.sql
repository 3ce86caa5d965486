CREATE TABLE "email_changes" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"new_email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_changes_person_idx" ON "email_changes" USING btree ("person_id");--> statement-breakpoint
-- Hand-written: assignment events keep ids only; a stored name would outlive a protected identity's pseudonym (decision 015).
UPDATE "ticket_events" SET "data" = "data" - 'assigneeName' WHERE "kind" = 'assign' AND ("data" -> 'assigneeName') IS NOT NULL;
