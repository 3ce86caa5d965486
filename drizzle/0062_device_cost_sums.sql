CREATE TABLE "device_repair_sums" (
	"organizer_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"life_year" integer NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"repairs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "device_repair_sums_organizer_id_model_id_unit_id_life_year_pk" PRIMARY KEY("organizer_id","model_id","unit_id","life_year")
);
--> statement-breakpoint
CREATE TABLE "device_use_sums" (
	"organizer_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"in_use" integer DEFAULT 0 NOT NULL,
	"in_use_start_seconds" numeric DEFAULT '0' NOT NULL,
	"out_of_use" integer DEFAULT 0 NOT NULL,
	"out_of_use_seconds" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "device_use_sums_organizer_id_model_id_unit_id_pk" PRIMARY KEY("organizer_id","model_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "device_repair_sums" ADD CONSTRAINT "device_repair_sums_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repair_sums" ADD CONSTRAINT "device_repair_sums_model_id_device_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."device_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_repair_sums" ADD CONSTRAINT "device_repair_sums_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_use_sums" ADD CONSTRAINT "device_use_sums_organizer_id_organizers_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_use_sums" ADD CONSTRAINT "device_use_sums_model_id_device_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."device_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_use_sums" ADD CONSTRAINT "device_use_sums_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_events_losses_idx" ON "device_events" USING btree ("organizer_id","device_id") WHERE "device_events"."kind" = 'status_changed' AND "device_events"."to_status" IN ('lost', 'stolen');--> statement-breakpoint
CREATE INDEX "devices_start_idx" ON "devices" USING btree ("organizer_id",coalesce(("purchase_date")::timestamp AT TIME ZONE 'UTC', "created_at"));--> statement-breakpoint
CREATE INDEX "device_repairs_held_idx" ON "device_repairs" USING btree ("organizer_id") WHERE "device_repairs"."holder_id" IS NOT NULL;--> statement-breakpoint
-- Hand-written from here (decision 073): the functions and triggers that keep device_use_sums and device_repair_sums,
-- and their first fill from the devices and repairs already recorded.
-- The year of a device's life a repair was sent in, as the cost report always counted it: from the purchase date at
-- midnight UTC, or else the registration; 365.25-day years; 1 = the first year.
CREATE FUNCTION "device_life_year"(sent_at timestamptz, purchase_date date, created_at timestamptz) RETURNS integer
	LANGUAGE sql STABLE AS
	$$ SELECT floor(extract(epoch FROM (sent_at - coalesce(purchase_date::timestamp AT TIME ZONE 'UTC', created_at))) * 1000 / 31557600000::numeric)::int + 1 $$;--> statement-breakpoint
-- The first fill: every device and every returned repair recorded so far.
INSERT INTO "device_use_sums" AS s ("organizer_id", "model_id", "unit_id", "in_use", "in_use_start_seconds", "out_of_use", "out_of_use_seconds")
	SELECT x."organizer_id", x."model_id", x."unit_id",
		sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END),
		sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END),
		sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END),
		sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END)
	FROM (SELECT "organizer_id", "model_id", "unit_id", "status" IN ('lost', 'stolen', 'scrapped') AS "out", coalesce(devices."purchase_date"::timestamp AT TIME ZONE 'UTC', devices."created_at") AS "start", "updated_at", 1 AS "sign" FROM "devices") x
	GROUP BY 1, 2, 3
	HAVING sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END) <> 0 OR sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END) <> 0
		OR sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END) <> 0
		OR sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END) <> 0
	ON CONFLICT ("organizer_id", "model_id", "unit_id") DO UPDATE SET "in_use" = s."in_use" + excluded."in_use",
		"in_use_start_seconds" = s."in_use_start_seconds" + excluded."in_use_start_seconds",
		"out_of_use" = s."out_of_use" + excluded."out_of_use", "out_of_use_seconds" = s."out_of_use_seconds" + excluded."out_of_use_seconds";--> statement-breakpoint
INSERT INTO "device_repair_sums" AS s ("organizer_id", "model_id", "unit_id", "life_year", "cost", "repairs")
	SELECT d."organizer_id", d."model_id", d."unit_id", "device_life_year"(r."sent_at", d."purchase_date", d."created_at"), sum(r."sign" * r."cost"), sum(r."sign")
	FROM (SELECT "organizer_id", "device_id", "sent_at", "returned_at", "cost", 1 AS "sign" FROM "device_repairs") r JOIN "devices" d ON d."id" = r."device_id" AND d."organizer_id" = r."organizer_id"
	WHERE r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
	GROUP BY 1, 2, 3, 4
	ON CONFLICT ("organizer_id", "model_id", "unit_id", "life_year")
	DO UPDATE SET "cost" = s."cost" + excluded."cost", "repairs" = s."repairs" + excluded."repairs";--> statement-breakpoint
-- Devices registered, changed or removed: their old rows subtracted, their new rows added, once per statement (a hand-out,
-- which changes neither the start nor whether the device is in use, adds nothing and writes nothing).
CREATE FUNCTION "device_use_sums_on_devices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "device_use_sums" AS s ("organizer_id", "model_id", "unit_id", "in_use", "in_use_start_seconds", "out_of_use", "out_of_use_seconds")
		SELECT x."organizer_id", x."model_id", x."unit_id",
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END),
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END),
			sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END),
			sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END)
		FROM (SELECT "organizer_id", "model_id", "unit_id", "status" IN ('lost', 'stolen', 'scrapped') AS "out", coalesce(new_rows."purchase_date"::timestamp AT TIME ZONE 'UTC', new_rows."created_at") AS "start", "updated_at", 1 AS "sign" FROM "new_rows") x
		GROUP BY 1, 2, 3
		HAVING sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END) <> 0 OR sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END) <> 0
			OR sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END) <> 0
			OR sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END) <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id") DO UPDATE SET "in_use" = s."in_use" + excluded."in_use",
			"in_use_start_seconds" = s."in_use_start_seconds" + excluded."in_use_start_seconds",
			"out_of_use" = s."out_of_use" + excluded."out_of_use", "out_of_use_seconds" = s."out_of_use_seconds" + excluded."out_of_use_seconds";
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO "device_use_sums" AS s ("organizer_id", "model_id", "unit_id", "in_use", "in_use_start_seconds", "out_of_use", "out_of_use_seconds")
		SELECT x."organizer_id", x."model_id", x."unit_id",
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END),
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END),
			sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END),
			sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END)
		FROM (SELECT "organizer_id", "model_id", "unit_id", "status" IN ('lost', 'stolen', 'scrapped') AS "out", coalesce(new_rows."purchase_date"::timestamp AT TIME ZONE 'UTC', new_rows."created_at") AS "start", "updated_at", 1 AS "sign" FROM "new_rows" UNION ALL SELECT "organizer_id", "model_id", "unit_id", "status" IN ('lost', 'stolen', 'scrapped') AS "out", coalesce(old_rows."purchase_date"::timestamp AT TIME ZONE 'UTC', old_rows."created_at") AS "start", "updated_at", -1 AS "sign" FROM "old_rows") x
		GROUP BY 1, 2, 3
		HAVING sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END) <> 0 OR sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END) <> 0
			OR sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END) <> 0
			OR sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END) <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id") DO UPDATE SET "in_use" = s."in_use" + excluded."in_use",
			"in_use_start_seconds" = s."in_use_start_seconds" + excluded."in_use_start_seconds",
			"out_of_use" = s."out_of_use" + excluded."out_of_use", "out_of_use_seconds" = s."out_of_use_seconds" + excluded."out_of_use_seconds";
	ELSE
		INSERT INTO "device_use_sums" AS s ("organizer_id", "model_id", "unit_id", "in_use", "in_use_start_seconds", "out_of_use", "out_of_use_seconds")
		SELECT x."organizer_id", x."model_id", x."unit_id",
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END),
			sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END),
			sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END),
			sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END)
		FROM (SELECT "organizer_id", "model_id", "unit_id", "status" IN ('lost', 'stolen', 'scrapped') AS "out", coalesce(old_rows."purchase_date"::timestamp AT TIME ZONE 'UTC', old_rows."created_at") AS "start", "updated_at", -1 AS "sign" FROM "old_rows") x
		GROUP BY 1, 2, 3
		HAVING sum(CASE WHEN x."out" THEN 0 ELSE x."sign" END) <> 0 OR sum(CASE WHEN x."out" THEN x."sign" ELSE 0 END) <> 0
			OR sum(CASE WHEN x."out" THEN 0 ELSE x."sign" * extract(epoch FROM x."start") END) <> 0
			OR sum(CASE WHEN x."out" THEN x."sign" * greatest(0, extract(epoch FROM (x."updated_at" - x."start"))) ELSE 0 END) <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id") DO UPDATE SET "in_use" = s."in_use" + excluded."in_use",
			"in_use_start_seconds" = s."in_use_start_seconds" + excluded."in_use_start_seconds",
			"out_of_use" = s."out_of_use" + excluded."out_of_use", "out_of_use_seconds" = s."out_of_use_seconds" + excluded."out_of_use_seconds";
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "device_use_sums_insert" AFTER INSERT ON "devices" REFERENCING NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_use_sums_on_devices"();--> statement-breakpoint
CREATE TRIGGER "device_use_sums_update" AFTER UPDATE ON "devices" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_use_sums_on_devices"();--> statement-breakpoint
CREATE TRIGGER "device_use_sums_delete" AFTER DELETE ON "devices" REFERENCING OLD TABLE AS "old_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_use_sums_on_devices"();--> statement-breakpoint
-- Repairs inserted, changed or removed: the same, for the repairs that came back with a cost.
CREATE FUNCTION "device_repair_sums_on_repairs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "device_repair_sums" AS s ("organizer_id", "model_id", "unit_id", "life_year", "cost", "repairs")
		SELECT d."organizer_id", d."model_id", d."unit_id", "device_life_year"(r."sent_at", d."purchase_date", d."created_at"), sum(r."sign" * r."cost"), sum(r."sign")
		FROM (SELECT "organizer_id", "device_id", "sent_at", "returned_at", "cost", 1 AS "sign" FROM "new_rows") r JOIN "devices" d ON d."id" = r."device_id" AND d."organizer_id" = r."organizer_id"
		WHERE r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
		GROUP BY 1, 2, 3, 4
		HAVING sum(r."sign") <> 0 OR sum(r."sign" * r."cost") <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id", "life_year")
		DO UPDATE SET "cost" = s."cost" + excluded."cost", "repairs" = s."repairs" + excluded."repairs";
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO "device_repair_sums" AS s ("organizer_id", "model_id", "unit_id", "life_year", "cost", "repairs")
		SELECT d."organizer_id", d."model_id", d."unit_id", "device_life_year"(r."sent_at", d."purchase_date", d."created_at"), sum(r."sign" * r."cost"), sum(r."sign")
		FROM (SELECT "organizer_id", "device_id", "sent_at", "returned_at", "cost", 1 AS "sign" FROM "new_rows" UNION ALL SELECT "organizer_id", "device_id", "sent_at", "returned_at", "cost", -1 AS "sign" FROM "old_rows") r JOIN "devices" d ON d."id" = r."device_id" AND d."organizer_id" = r."organizer_id"
		WHERE r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
		GROUP BY 1, 2, 3, 4
		HAVING sum(r."sign") <> 0 OR sum(r."sign" * r."cost") <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id", "life_year")
		DO UPDATE SET "cost" = s."cost" + excluded."cost", "repairs" = s."repairs" + excluded."repairs";
	ELSE
		INSERT INTO "device_repair_sums" AS s ("organizer_id", "model_id", "unit_id", "life_year", "cost", "repairs")
		SELECT d."organizer_id", d."model_id", d."unit_id", "device_life_year"(r."sent_at", d."purchase_date", d."created_at"), sum(r."sign" * r."cost"), sum(r."sign")
		FROM (SELECT "organizer_id", "device_id", "sent_at", "returned_at", "cost", -1 AS "sign" FROM "old_rows") r JOIN "devices" d ON d."id" = r."device_id" AND d."organizer_id" = r."organizer_id"
		WHERE r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
		GROUP BY 1, 2, 3, 4
		HAVING sum(r."sign") <> 0 OR sum(r."sign" * r."cost") <> 0
		ON CONFLICT ("organizer_id", "model_id", "unit_id", "life_year")
		DO UPDATE SET "cost" = s."cost" + excluded."cost", "repairs" = s."repairs" + excluded."repairs";
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "device_repair_sums_insert" AFTER INSERT ON "device_repairs" REFERENCING NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_repair_sums_on_repairs"();--> statement-breakpoint
CREATE TRIGGER "device_repair_sums_update" AFTER UPDATE ON "device_repairs" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_repair_sums_on_repairs"();--> statement-breakpoint
CREATE TRIGGER "device_repair_sums_delete" AFTER DELETE ON "device_repairs" REFERENCING OLD TABLE AS "old_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "device_repair_sums_on_repairs"();--> statement-breakpoint
-- A device's model, unit, purchase date or registration changed: its returned repairs move from their old row to the new.
CREATE FUNCTION "device_repair_sums_on_device"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "device_repair_sums" AS s ("organizer_id", "model_id", "unit_id", "life_year", "cost", "repairs")
	SELECT x."organizer_id", x."model_id", x."unit_id", x."life_year", sum(x."cost"), sum(x."n")
	FROM (
		SELECT OLD."organizer_id" AS "organizer_id", OLD."model_id" AS "model_id", OLD."unit_id" AS "unit_id",
			"device_life_year"(r."sent_at", OLD."purchase_date", OLD."created_at") AS "life_year", -r."cost" AS "cost", -1 AS "n"
		FROM "device_repairs" r
		WHERE r."device_id" = OLD."id" AND r."organizer_id" = OLD."organizer_id" AND r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
		UNION ALL
		SELECT NEW."organizer_id", NEW."model_id", NEW."unit_id", "device_life_year"(r."sent_at", NEW."purchase_date", NEW."created_at"), r."cost", 1
		FROM "device_repairs" r
		WHERE r."device_id" = NEW."id" AND r."organizer_id" = NEW."organizer_id" AND r."returned_at" IS NOT NULL AND r."cost" IS NOT NULL
	) x
	GROUP BY 1, 2, 3, 4
	HAVING sum(x."n") <> 0 OR sum(x."cost") <> 0
	ON CONFLICT ("organizer_id", "model_id", "unit_id", "life_year")
	DO UPDATE SET "cost" = s."cost" + excluded."cost", "repairs" = s."repairs" + excluded."repairs";
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "device_repair_sums_device" AFTER UPDATE OF "organizer_id", "model_id", "unit_id", "purchase_date", "created_at" ON "devices"
	FOR EACH ROW WHEN (OLD."organizer_id" IS DISTINCT FROM NEW."organizer_id" OR OLD."model_id" IS DISTINCT FROM NEW."model_id"
		OR OLD."unit_id" IS DISTINCT FROM NEW."unit_id" OR OLD."purchase_date" IS DISTINCT FROM NEW."purchase_date"
		OR OLD."created_at" IS DISTINCT FROM NEW."created_at")
	EXECUTE FUNCTION "device_repair_sums_on_device"();
