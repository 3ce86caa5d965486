ALTER TABLE "support_month_counts" ADD COLUMN "ola1_measured" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD COLUMN "ola1_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD COLUMN "ola2_measured" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD COLUMN "ola2_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD COLUMN "ola3_measured" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_month_counts" ADD COLUMN "ola3_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written from here (decision 077): the OLA counts per line join the counts kept per unit and month (decision
-- 075). A case reaches a line when its highest line (greatest of line and max_line) is at least that line; it is
-- measured there when it has the line's per-line target and is solved, closed or in breach of it.
CREATE FUNCTION "support_line_breached"(ticket uuid, breach_line smallint) RETURNS boolean LANGUAGE sql STABLE AS
	$$ SELECT EXISTS (SELECT 1 FROM "ticket_sla_breaches" b WHERE b."ticket_id" = ticket AND b."kind" = 'line' AND b."line" = breach_line) $$;--> statement-breakpoint
DROP FUNCTION "support_count_rows"(uuid, timestamptz, smallint, smallint, uuid, text, smallint, integer, integer, text, jsonb);--> statement-breakpoint
CREATE FUNCTION "support_count_rows"(ticket uuid, filed timestamptz, line smallint, max_line smallint, category uuid,
	case_cause text, case_rating smallint, minutes_lost integer, students_affected integer, case_state text, targets jsonb)
	RETURNS TABLE ("month" date, "kind" text, "key" text, "minutes" integer, "students" integer,
		"fr_measured" integer, "fr_breached" integer, "fb_measured" integer, "fb_breached" integer, "res_measured" integer, "res_breached" integer,
		"ola1_measured" integer, "ola1_breached" integer, "ola2_measured" integer, "ola2_breached" integer, "ola3_measured" integer, "ola3_breached" integer)
	LANGUAGE sql STABLE AS $$
	SELECT date_trunc('month', filed AT TIME ZONE 'Europe/Stockholm')::date, v.*
	FROM (SELECT case_state IN ('solved', 'closed') AS done,
			targets ? 'firstResponse' AND "support_breached"(ticket, 'first_response') AS fr,
			targets ? 'feedback' AND "support_breached"(ticket, 'feedback') AS fb,
			targets ? 'resolution' AND "support_breached"(ticket, 'resolution') AS res,
			coalesce((targets -> 'perLine') ? '1', false) AS t1,
			coalesce((targets -> 'perLine') ? '2', false) AND greatest(line, max_line) >= 2 AS t2,
			coalesce((targets -> 'perLine') ? '3', false) AND greatest(line, max_line) >= 3 AS t3) s,
		LATERAL (SELECT s.t1 AND "support_line_breached"(ticket, 1::smallint) AS b1, s.t2 AND "support_line_breached"(ticket, 2::smallint) AS b2,
			s.t3 AND "support_line_breached"(ticket, 3::smallint) AS b3) o,
		LATERAL (VALUES
			('line', greatest(line, max_line)::text, minutes_lost, students_affected,
				(targets ? 'firstResponse' AND (s.done OR s.fr))::int, s.fr::int, (targets ? 'feedback' AND (s.done OR s.fb))::int, s.fb::int,
				(targets ? 'resolution' AND (s.done OR s.res))::int, s.res::int,
				(s.t1 AND (s.done OR o.b1))::int, o.b1::int, (s.t2 AND (s.done OR o.b2))::int, o.b2::int, (s.t3 AND (s.done OR o.b3))::int, o.b3::int),
			('category', coalesce(category::text, ''), minutes_lost, students_affected, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
			('cause', coalesce(case_cause, ''), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
			('rating', coalesce(case_rating::text, ''), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
		) v
$$;--> statement-breakpoint
-- The tickets trigger of migration 0066 with the OLA columns summed as well.
CREATE OR REPLACE FUNCTION "support_month_counts_on_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	source text := CASE TG_OP
		WHEN 'INSERT' THEN 'SELECT n.*, 1 AS "sign" FROM "new_rows" n'
		WHEN 'DELETE' THEN 'SELECT o.*, -1 AS "sign" FROM "old_rows" o'
		ELSE 'SELECT o.*, -1 AS "sign" FROM "old_rows" o UNION ALL SELECT n.*, 1 FROM "new_rows" n' END;
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF NOT EXISTS (
			SELECT 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
			WHERE (o."organizer_id", o."unit_id", o."chain", o."created_at", o."line", o."max_line", o."category_id", o."cause", o."rating",
					o."minutes_lost", o."students_affected", o."state", o."sla_targets", o."merged_into_id")
				IS DISTINCT FROM (n."organizer_id", n."unit_id", n."chain", n."created_at", n."line", n."max_line", n."category_id", n."cause",
					n."rating", n."minutes_lost", n."students_affected", n."state", n."sla_targets", n."merged_into_id")
		) THEN
			RETURN NULL;
		END IF;
	END IF;
	EXECUTE format($q$
		INSERT INTO "support_month_counts" AS s ("organizer_id", "unit_id", "month", "chain", "kind", "key", "cases", "minutes", "students",
			"first_response_measured", "first_response_breached", "feedback_measured", "feedback_breached", "resolution_measured", "resolution_breached",
			"ola1_measured", "ola1_breached", "ola2_measured", "ola2_breached", "ola3_measured", "ola3_breached")
		SELECT x."organizer_id", x."unit_id", r."month", x."chain", r."kind", r."key", sum(x."sign"), sum(x."sign" * r."minutes"), sum(x."sign" * r."students"),
			sum(x."sign" * r."fr_measured"), sum(x."sign" * r."fr_breached"), sum(x."sign" * r."fb_measured"), sum(x."sign" * r."fb_breached"),
			sum(x."sign" * r."res_measured"), sum(x."sign" * r."res_breached"),
			sum(x."sign" * r."ola1_measured"), sum(x."sign" * r."ola1_breached"), sum(x."sign" * r."ola2_measured"), sum(x."sign" * r."ola2_breached"),
			sum(x."sign" * r."ola3_measured"), sum(x."sign" * r."ola3_breached")
		FROM (%s) x
		CROSS JOIN LATERAL "support_count_rows"(x."id", x."created_at", x."line", x."max_line", x."category_id", x."cause", x."rating",
			x."minutes_lost", x."students_affected", x."state", x."sla_targets") r
		WHERE x."merged_into_id" IS NULL
		GROUP BY 1, 2, 3, 4, 5, 6
		HAVING sum(x."sign") <> 0 OR sum(x."sign" * r."minutes") <> 0 OR sum(x."sign" * r."students") <> 0
			OR sum(x."sign" * r."fr_measured") <> 0 OR sum(x."sign" * r."fr_breached") <> 0 OR sum(x."sign" * r."fb_measured") <> 0
			OR sum(x."sign" * r."fb_breached") <> 0 OR sum(x."sign" * r."res_measured") <> 0 OR sum(x."sign" * r."res_breached") <> 0
			OR sum(x."sign" * r."ola1_measured") <> 0 OR sum(x."sign" * r."ola1_breached") <> 0 OR sum(x."sign" * r."ola2_measured") <> 0
			OR sum(x."sign" * r."ola2_breached") <> 0 OR sum(x."sign" * r."ola3_measured") <> 0 OR sum(x."sign" * r."ola3_breached") <> 0
		ON CONFLICT ("organizer_id", "month", "unit_id", "chain", "kind", "key") DO UPDATE SET "cases" = s."cases" + excluded."cases",
			"minutes" = s."minutes" + excluded."minutes", "students" = s."students" + excluded."students",
			"first_response_measured" = s."first_response_measured" + excluded."first_response_measured",
			"first_response_breached" = s."first_response_breached" + excluded."first_response_breached",
			"feedback_measured" = s."feedback_measured" + excluded."feedback_measured", "feedback_breached" = s."feedback_breached" + excluded."feedback_breached",
			"resolution_measured" = s."resolution_measured" + excluded."resolution_measured", "resolution_breached" = s."resolution_breached" + excluded."resolution_breached",
			"ola1_measured" = s."ola1_measured" + excluded."ola1_measured", "ola1_breached" = s."ola1_breached" + excluded."ola1_breached",
			"ola2_measured" = s."ola2_measured" + excluded."ola2_measured", "ola2_breached" = s."ola2_breached" + excluded."ola2_breached",
			"ola3_measured" = s."ola3_measured" + excluded."ola3_measured", "ola3_breached" = s."ola3_breached" + excluded."ola3_breached"
	$q$, source);
	RETURN NULL;
END $$;--> statement-breakpoint
-- A breach of a line's target recorded (+1) or removed (-1): its case's line row counts it as breached on that line,
-- and as measured unless the case is solved or closed (then it was measured already) — when the case has the line's
-- per-line target and reached the line. Merged cases count nowhere.
CREATE FUNCTION "support_month_counts_line_breach"(ticket uuid, breach_line smallint, d integer) RETURNS void LANGUAGE sql AS $$
	UPDATE "support_month_counts" s SET
		"ola1_measured" = s."ola1_measured" + CASE WHEN breach_line = 1 AND NOT r."done" THEN d ELSE 0 END,
		"ola1_breached" = s."ola1_breached" + CASE WHEN breach_line = 1 THEN d ELSE 0 END,
		"ola2_measured" = s."ola2_measured" + CASE WHEN breach_line = 2 AND NOT r."done" THEN d ELSE 0 END,
		"ola2_breached" = s."ola2_breached" + CASE WHEN breach_line = 2 THEN d ELSE 0 END,
		"ola3_measured" = s."ola3_measured" + CASE WHEN breach_line = 3 AND NOT r."done" THEN d ELSE 0 END,
		"ola3_breached" = s."ola3_breached" + CASE WHEN breach_line = 3 THEN d ELSE 0 END
	FROM (SELECT t."organizer_id", t."unit_id", t."chain", date_trunc('month', t."created_at" AT TIME ZONE 'Europe/Stockholm')::date AS "month",
			greatest(t."line", t."max_line")::text AS "key", t."state" IN ('solved', 'closed') AS "done"
		FROM "tickets" t
		WHERE t."id" = ticket AND t."merged_into_id" IS NULL AND greatest(t."line", t."max_line") >= breach_line
			AND coalesce((t."sla_targets" -> 'perLine') ? breach_line::text, false)) r
	WHERE s."organizer_id" = r."organizer_id" AND s."month" = r."month" AND s."unit_id" = r."unit_id" AND s."chain" = r."chain"
		AND s."kind" = 'line' AND s."key" = r."key"
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "support_month_counts_on_breaches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		IF OLD."line" = 0 THEN
			PERFORM "support_month_counts_breach"(OLD."ticket_id", OLD."kind", -1);
		ELSIF OLD."kind" = 'line' AND OLD."line" BETWEEN 1 AND 3 THEN
			PERFORM "support_month_counts_line_breach"(OLD."ticket_id", OLD."line", -1);
		END IF;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		IF NEW."line" = 0 THEN
			PERFORM "support_month_counts_breach"(NEW."ticket_id", NEW."kind", 1);
		ELSIF NEW."kind" = 'line' AND NEW."line" BETWEEN 1 AND 3 THEN
			PERFORM "support_month_counts_line_breach"(NEW."ticket_id", NEW."line", 1);
		END IF;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
-- The OLA counts of every case recorded so far, added to the line rows the cases already count in.
UPDATE "support_month_counts" s SET "ola1_measured" = f."ola1_measured", "ola1_breached" = f."ola1_breached",
	"ola2_measured" = f."ola2_measured", "ola2_breached" = f."ola2_breached", "ola3_measured" = f."ola3_measured", "ola3_breached" = f."ola3_breached"
FROM (SELECT t."organizer_id", t."unit_id", r."month", t."chain", r."key", sum(r."ola1_measured") AS "ola1_measured", sum(r."ola1_breached") AS "ola1_breached",
		sum(r."ola2_measured") AS "ola2_measured", sum(r."ola2_breached") AS "ola2_breached", sum(r."ola3_measured") AS "ola3_measured",
		sum(r."ola3_breached") AS "ola3_breached"
	FROM "tickets" t
	CROSS JOIN LATERAL "support_count_rows"(t."id", t."created_at", t."line", t."max_line", t."category_id", t."cause", t."rating",
		t."minutes_lost", t."students_affected", t."state", t."sla_targets") r
	WHERE t."merged_into_id" IS NULL AND r."kind" = 'line' AND t."sla_targets" ? 'perLine'
	GROUP BY 1, 2, 3, 4, 5) f
WHERE s."organizer_id" = f."organizer_id" AND s."unit_id" = f."unit_id" AND s."month" = f."month" AND s."chain" = f."chain"
	AND s."kind" = 'line' AND s."key" = f."key";
