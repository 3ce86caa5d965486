ALTER TABLE "tickets" ADD COLUMN "sla_overdue_since" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "tickets_urgent_first_idx" ON "tickets" USING btree ("organizer_id",coalesce("sla_overdue_since", "sla_due_at"),"id");--> statement-breakpoint
-- Open cases already breached: overdue since their first recorded breach (the next event recomputes it exactly).
UPDATE "tickets" SET "sla_overdue_since" = (SELECT min(b."breached_at") FROM "ticket_sla_breaches" b WHERE b."ticket_id" = "tickets"."id")
WHERE "sla_status" = 'breached' AND "state" IN ('new', 'in_progress', 'waiting_requester', 'waiting_supplier');
