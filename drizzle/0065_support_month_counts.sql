CREATE TABLE "support_month_counts" (
	"organizer_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"chain" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"students" integer DEFAULT 0 NOT NULL,
	"first_response_measured" integer DEFAULT 0 NOT NULL,
	"first_response_breached" integer DEFAULT 0 NOT NULL,
	"feedback_measured" integer DEFAULT 0 NOT NULL,
	"feedback_breached" integer DEFAULT 0 NOT NULL,
	"resolution_measured" integer DEFAULT 0 NOT NULL,
	"resolution_breached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "support_month_counts_pk" PRIMARY KEY("organizer_id","month","unit_id","chain","kind","key")
);
--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD CONSTRAINT "support_month_counts_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD CONSTRAINT "support_month_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_followup_devices_idx" ON "tickets" USING btree ("organizer_id","created_at","unit_id","chain","device_id","device_type","minutes_lost","students_affected","merged_into_id") WHERE "tickets"."device_id" IS NOT NULL OR ("tickets"."device_type" IS NOT NULL AND "tickets"."device_type" <> '');--> statement-breakpoint
-- Hand-written from here (decision 075): the functions and triggers that keep support_month_counts, and its first fill
-- from the cases already recorded. What a case counts is said once, in support_count_rows; the follow-up's readers
-- (support/followup/count-rows.ts) use the same function for the days of a period outside whole months.
-- Whether a case is in breach of one SLA target of the whole case (line 0): first_response | feedback | resolution.
CREATE FUNCTION "support_breached"(ticket uuid, breach_kind text) RETURNS boolean LANGUAGE sql STABLE AS
	$$ SELECT EXISTS (SELECT 1 FROM "ticket_sla_breaches" b WHERE b."ticket_id" = ticket AND b."kind" = breach_kind AND b."line" = 0) $$;--> statement-breakpoint
-- The four rows one case adds 1 to (see schema/support-counts.ts): its line row with the lost time and the SLA counts
-- ("measured": the case has the target and is solved, closed or in breach; "breached": in breach), its category row
-- with the lost time, its cause row and its rating row ("" where the case has none). The month is the Stockholm month
-- it was filed in. The caller leaves out merged cases.
CREATE FUNCTION "support_count_rows"(ticket uuid, filed timestamptz, line smallint, max_line smallint, category uuid,
	case_cause text, case_rating smallint, minutes_lost integer, students_affected integer, case_state text, targets jsonb)
	RETURNS TABLE ("month" date, "kind" text, "key" text, "minutes" integer, "students" integer,
		"fr_measured" integer, "fr_breached" integer, "fb_measured" integer, "fb_breached" integer, "res_measured" integer, "res_breached" integer)
	LANGUAGE sql STABLE AS $$
	SELECT date_trunc('month', filed AT TIME ZONE 'Europe/Stockholm')::date, v.*
	FROM (SELECT case_state IN ('solved', 'closed') AS done,
			targets ? 'firstResponse' AND "support_breached"(ticket, 'first_response') AS fr,
			targets ? 'feedback' AND "support_breached"(ticket, 'feedback') AS fb,
			targets ? 'resolution' AND "support_breached"(ticket, 'resolution') AS res) s,
		LATERAL (VALUES
			('line', greatest(line, max_line)::text, minutes_lost, students_affected,
				(targets ? 'firstResponse' AND (s.done OR s.fr))::int, s.fr::int, (targets ? 'feedback' AND (s.done OR s.fb))::int, s.fb::int,
				(targets ? 'resolution' AND (s.done OR s.res))::int, s.res::int),
			('category', coalesce(category::text, ''), minutes_lost, students_affected, 0, 0, 0, 0, 0, 0),
			('cause', coalesce(case_cause, ''), 0, 0, 0, 0, 0, 0, 0, 0),
			('rating', coalesce(case_rating::text, ''), 0, 0, 0, 0, 0, 0, 0, 0)
		) v
$$;--> statement-breakpoint
-- The first fill: every case recorded so far that is not merged into another.
INSERT INTO "support_month_counts" ("organizer_id", "unit_id", "month", "chain", "kind", "key", "cases", "minutes", "students",
		"first_response_measured", "first_response_breached", "feedback_measured", "feedback_breached", "resolution_measured", "resolution_breached")
	SELECT t."organizer_id", t."unit_id", r."month", t."chain", r."kind", r."key", count(*), sum(r."minutes"), sum(r."students"),
		sum(r."fr_measured"), sum(r."fr_breached"), sum(r."fb_measured"), sum(r."fb_breached"), sum(r."res_measured"), sum(r."res_breached")
	FROM "tickets" t
	CROSS JOIN LATERAL "support_count_rows"(t."id", t."created_at", t."line", t."max_line", t."category_id", t."cause", t."rating",
		t."minutes_lost", t."students_affected", t."state", t."sla_targets") r
	WHERE t."merged_into_id" IS NULL
	GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
-- Cases filed, changed or removed: their old rows subtracted, their new rows added, grouped, once per statement. A step
-- that changes nothing counted (a note, an assignment, the SLA clock) adds nothing and writes nothing.
CREATE FUNCTION "support_month_counts_on_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	-- The statement's cases, signed: a DELETE has no new rows and an INSERT no old ones, so the source is chosen here
	-- and the one upsert below is run through EXECUTE (it sees the transition tables as a static query would).
	source text := CASE TG_OP
		WHEN 'INSERT' THEN 'SELECT n.*, 1 AS "sign" FROM "new_rows" n'
		WHEN 'DELETE' THEN 'SELECT o.*, -1 AS "sign" FROM "old_rows" o'
		ELSE 'SELECT o.*, -1 AS "sign" FROM "old_rows" o UNION ALL SELECT n.*, 1 FROM "new_rows" n' END;
BEGIN
	EXECUTE format($q$
		INSERT INTO "support_month_counts" AS s ("organizer_id", "unit_id", "month", "chain", "kind", "key", "cases", "minutes", "students",
			"first_response_measured", "first_response_breached", "feedback_measured", "feedback_breached", "resolution_measured", "resolution_breached")
		SELECT x."organizer_id", x."unit_id", r."month", x."chain", r."kind", r."key", sum(x."sign"), sum(x."sign" * r."minutes"), sum(x."sign" * r."students"),
			sum(x."sign" * r."fr_measured"), sum(x."sign" * r."fr_breached"), sum(x."sign" * r."fb_measured"), sum(x."sign" * r."fb_breached"),
			sum(x."sign" * r."res_measured"), sum(x."sign" * r."res_breached")
		FROM (%s) x
		CROSS JOIN LATERAL "support_count_rows"(x."id", x."created_at", x."line", x."max_line", x."category_id", x."cause", x."rating",
			x."minutes_lost", x."students_affected", x."state", x."sla_targets") r
		WHERE x."merged_into_id" IS NULL
		GROUP BY 1, 2, 3, 4, 5, 6
		HAVING sum(x."sign") <> 0 OR sum(x."sign" * r."minutes") <> 0 OR sum(x."sign" * r."students") <> 0
			OR sum(x."sign" * r."fr_measured") <> 0 OR sum(x."sign" * r."fr_breached") <> 0 OR sum(x."sign" * r."fb_measured") <> 0
			OR sum(x."sign" * r."fb_breached") <> 0 OR sum(x."sign" * r."res_measured") <> 0 OR sum(x."sign" * r."res_breached") <> 0
		ON CONFLICT ("organizer_id", "month", "unit_id", "chain", "kind", "key") DO UPDATE SET "cases" = s."cases" + excluded."cases",
			"minutes" = s."minutes" + excluded."minutes", "students" = s."students" + excluded."students",
			"first_response_measured" = s."first_response_measured" + excluded."first_response_measured",
			"first_response_breached" = s."first_response_breached" + excluded."first_response_breached",
			"feedback_measured" = s."feedback_measured" + excluded."feedback_measured", "feedback_breached" = s."feedback_breached" + excluded."feedback_breached",
			"resolution_measured" = s."resolution_measured" + excluded."resolution_measured", "resolution_breached" = s."resolution_breached" + excluded."resolution_breached"
	$q$, source);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "support_month_counts_insert" AFTER INSERT ON "tickets" REFERENCING NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "support_month_counts_on_tickets"();--> statement-breakpoint
CREATE TRIGGER "support_month_counts_update" AFTER UPDATE ON "tickets" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "support_month_counts_on_tickets"();--> statement-breakpoint
CREATE TRIGGER "support_month_counts_delete" AFTER DELETE ON "tickets" REFERENCING OLD TABLE AS "old_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "support_month_counts_on_tickets"();--> statement-breakpoint
-- A breach of a whole-case target recorded (+1) or removed (-1): its case's line row counts it as breached, and as
-- measured unless the case is solved or closed (then it was measured already). Merged cases count nowhere.
CREATE FUNCTION "support_month_counts_breach"(ticket uuid, breach_kind text, d integer) RETURNS void LANGUAGE sql AS $$
	UPDATE "support_month_counts" s SET
		"first_response_measured" = s."first_response_measured" + CASE WHEN breach_kind = 'first_response' AND NOT r."done" THEN d ELSE 0 END,
		"first_response_breached" = s."first_response_breached" + CASE WHEN breach_kind = 'first_response' THEN d ELSE 0 END,
		"feedback_measured" = s."feedback_measured" + CASE WHEN breach_kind = 'feedback' AND NOT r."done" THEN d ELSE 0 END,
		"feedback_breached" = s."feedback_breached" + CASE WHEN breach_kind = 'feedback' THEN d ELSE 0 END,
		"resolution_measured" = s."resolution_measured" + CASE WHEN breach_kind = 'resolution' AND NOT r."done" THEN d ELSE 0 END,
		"resolution_breached" = s."resolution_breached" + CASE WHEN breach_kind = 'resolution' THEN d ELSE 0 END
	FROM (SELECT t."organizer_id", t."unit_id", t."chain", date_trunc('month', t."created_at" AT TIME ZONE 'Europe/Stockholm')::date AS "month",
			greatest(t."line", t."max_line")::text AS "key", t."state" IN ('solved', 'closed') AS "done"
		FROM "tickets" t
		WHERE t."id" = ticket AND t."merged_into_id" IS NULL
			AND t."sla_targets" ? (CASE breach_kind WHEN 'first_response' THEN 'firstResponse' ELSE breach_kind END)) r
	WHERE s."organizer_id" = r."organizer_id" AND s."month" = r."month" AND s."unit_id" = r."unit_id" AND s."chain" = r."chain"
		AND s."kind" = 'line' AND s."key" = r."key"
$$;--> statement-breakpoint
CREATE FUNCTION "support_month_counts_on_breaches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."line" = 0 THEN
		PERFORM "support_month_counts_breach"(OLD."ticket_id", OLD."kind", -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."line" = 0 THEN
		PERFORM "support_month_counts_breach"(NEW."ticket_id", NEW."kind", 1);
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "support_month_counts_breaches" AFTER INSERT OR UPDATE OR DELETE ON "ticket_sla_breaches"
	FOR EACH ROW EXECUTE FUNCTION "support_month_counts_on_breaches"();
