-- Hand-written (decision 075, addendum): the statement trigger on tickets returns at once when no row of the statement
-- changed a column the counts read (the columns support_count_rows is given, and the case's organizer, unit, chain and
-- merge). Breaches are counted by their own trigger, so they need no column here.
CREATE OR REPLACE FUNCTION "support_month_counts_on_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	-- The statement's cases, signed: a DELETE has no new rows and an INSERT no old ones, so the source is chosen here
	-- and the one upsert below is run through EXECUTE (it sees the transition tables as a static query would).
	source text := CASE TG_OP
		WHEN 'INSERT' THEN 'SELECT n.*, 1 AS "sign" FROM "new_rows" n'
		WHEN 'DELETE' THEN 'SELECT o.*, -1 AS "sign" FROM "old_rows" o'
		ELSE 'SELECT o.*, -1 AS "sign" FROM "old_rows" o UNION ALL SELECT n.*, 1 FROM "new_rows" n' END;
BEGIN
	-- An update that changes nothing counted (a note's time stamp, an assignment, the SLA clock's status) stops here, in a
	-- static query whose plan is kept: the dynamic upsert below is planned on every run, a few milliseconds a statement.
	-- (Nested: the inner test names old_rows, which an INSERT's trigger does not have, so it must not be prepared then.)
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
END $$;
