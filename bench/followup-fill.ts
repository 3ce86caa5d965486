/**
 * Bench data for the follow-up (issue 20's budget): one organizer, "bench-followup", with 300 units (a förvaltning,
 * 9 rektorsområden, 290 skolenheter), 3 000 staff with roles, 150 000 students, 1 000 000 support cases over three
 * school years with their timelines, 200 000 devices (most handed out to a student, some in stock, in repair, lost),
 * repairs, licence pools with per-unit usage per term, three closed self-assessment rounds with answers, and a plan per
 * unit with actions linked to sub-goals. Set-based: a few INSERT … SELECT generate_series statements, no row-by-row
 * inserts. Reusable: a database that already has the organizer is left as it is.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { getFramework } from '../src/lib/server/assessment/framework/get-framework';
import { rebuildItemStats } from '../src/lib/server/assessment/reports/item-stats';
import { schoolYearOf } from '../src/lib/server/support/followup/school-years';
import { periodOf } from '../src/lib/server/planning/period';
import { backfillLeadTimes } from '../src/lib/server/support/lead-times/backfill-lead-times';

export const SLUG = 'bench-followup';
/** BENCH_SCALE (default 1) shrinks the people, cases and devices for a quick try on PGlite; the units stay 300. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
export const VOLUME = {
	areas: 9,
	schoolsPerArea: 33,
	staff: 3000,
	students: Math.round(150_000 * SCALE),
	cases: Math.round(1_000_000 * SCALE),
	devices: Math.round(200_000 * SCALE),
	rounds: 3
};
const RESPONDENTS = 10;
const ACTIONS_PER_UNIT = 20;
const SUB_GOALS = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2'];

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;
const one = async <T>(db: Db, q: ReturnType<typeof sql>) => rows<T>(await db.execute(q))[0];

export type FollowupBench = {
	organizerId: string;
	ownerId: string;
	roundIds: string[];
	schoolYear: { key: string; from: string; to: string };
};

/** Fills the database unless the organizer is there; returns what the bench needs either way. */
export async function fillFollowupBench(db: Db, log: (s: string) => void, today: string): Promise<FollowupBench> {
	const existing = await one<{ id: string }>(db, sql`SELECT id FROM organizers WHERE slug = ${SLUG}`);
	if (!existing) await fill(db, log, today);
	const org = await one<{ id: string }>(db, sql`SELECT id FROM organizers WHERE slug = ${SLUG}`);
	// The SLA and OLA targets each case carries and the breaches of a ninth of them, as an organizer with targets set
	// has: also for a database filled before the bench gave its cases targets.
	if (
		await one<{ missing: boolean }>(
			db,
			sql`SELECT EXISTS (SELECT 1 FROM tickets WHERE organizer_id = ${org.id} AND NOT sla_targets ? 'resolution') AS missing`
		).then((r) => r.missing)
	) {
		await fillSla(db, org.id);
		log('SLA targets and breaches');
	}
	// The stored lead times of the solved cases (decision 064), as the backfill job fills them: also for a database
	// filled before they were stored.
	const stored = await backfillLeadTimes(db, { organizerId: org.id });
	if (stored) {
		await db.execute(sql`ANALYZE ticket_lead_times`);
		log(`lead times of ${stored} solved cases stored`);
	}
	const owner = await one<{ id: string }>(db, sql`SELECT id FROM people WHERE email = ${`owner@${SLUG}.bench`}`);
	const rounds = rows<{ id: string }>(
		await db.execute(sql`SELECT id FROM assessment_rounds WHERE organizer_id = ${org.id} ORDER BY opens_on DESC`)
	).map((r) => r.id);
	return { organizerId: org.id, ownerId: owner.id, roundIds: rounds, schoolYear: schoolYearOf(today) };
}

async function fill(db: Db, log: (s: string) => void, today: string) {
	const V = VOLUME;
	const year = schoolYearOf(today);
	const firstDay = `${Number(year.from.slice(0, 4)) - 2}-07-01`;
	const org = await one<{ id: string }>(
		db,
		sql`INSERT INTO organizers (slug, name, kind, municipality_code) VALUES (${SLUG}, 'Benchkommun Uppföljning', 'kommun', '0198') RETURNING id`
	);
	const o = org.id;
	// Unit tree: förvaltning → 9 rektorsområden → 290 skolenheter = 300 units.
	await db.execute(
		sql`INSERT INTO units (organizer_id, name, name_sort, kind) VALUES (${o}, 'Förvaltningen', 'forvaltningen', 'forvaltning')`
	);
	await db.execute(sql`
		INSERT INTO units (organizer_id, parent_id, name, name_sort, kind)
		SELECT ${o}, u.id, 'Område ' || a, 'omrade ' || lpad(a::text, 2, '0'), 'rektorsomrade'
		FROM units u, generate_series(1, ${V.areas}) a WHERE u.organizer_id = ${o} AND u.parent_id IS NULL`);
	await db.execute(sql`
		INSERT INTO units (organizer_id, parent_id, name, name_sort, kind, school_types, school_unit_code)
		SELECT ${o}, u.id, u.name || ' skola ' || s, u.name_sort || ' skola ' || lpad(s::text, 2, '0'), 'skolenhet', '{GR}',
			'98' || lpad((row_number() OVER ())::text, 6, '0')
		FROM units u, generate_series(1, ${V.schoolsPerArea}) s WHERE u.organizer_id = ${o} AND u.kind = 'rektorsomrade'
		LIMIT 290`);
	log('units');
	await db.execute(sql`
		INSERT INTO people (name, name_sort, email)
		SELECT 'Personal ' || g, 'personal ' || lpad(g::text, 5, '0'), 'p' || g || '@' || ${SLUG} || '.bench' FROM generate_series(1, ${V.staff}) g`);
	await db.execute(sql`INSERT INTO people (name, name_sort, email) VALUES ('Bench Ägare', 'bench agare', ${`owner@${SLUG}.bench`})`);
	await db.execute(sql`
		INSERT INTO people (name, name_sort, email)
		SELECT 'Elev ' || g, 'elev ' || lpad(g::text, 6, '0'), 'e' || g || '@' || ${SLUG} || '.bench' FROM generate_series(1, ${V.students}) g`);
	await db.execute(sql`
		INSERT INTO memberships (organizer_id, person_id) SELECT ${o}, id FROM people WHERE email LIKE ${`%@${SLUG}.bench`}`);
	await db.execute(sql`
		WITH s AS (SELECT id, row_number() OVER (ORDER BY name_sort) - 1 AS i FROM units WHERE organizer_id = ${o} AND kind = 'skolenhet'),
		p AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS i FROM people WHERE email LIKE ${`p%@${SLUG}.bench`})
		INSERT INTO role_assignments (person_id, organizer_id, unit_id, role)
		SELECT p.id, ${o}, s.id, CASE WHEN p.i < 290 THEN 'technical_key_person' WHEN p.i < 580 THEN 'pedagogical_key_person' WHEN p.i < 870 THEN 'principal' ELSE 'staff' END
		FROM p JOIN s ON s.i = p.i % 290`);
	await db.execute(sql`
		INSERT INTO role_assignments (person_id, organizer_id, role) SELECT id, ${o}, 'leadership' FROM people WHERE email = ${`owner@${SLUG}.bench`}`);
	log('people and roles');
	await db.execute(sql`
		INSERT INTO support_teams (organizer_id, name, name_sort, chain, line, supplier_name)
		VALUES (${o}, 'IT-support', 'it-support', 'technical', 2, NULL), (${o}, 'Pedagogiskt stöd', 'pedagogiskt stod', 'pedagogical', 2, NULL),
			(${o}, 'Leverantör 1', 'leverantor 1', 'technical', 3, 'Leverantör 1 AB'), (${o}, 'Leverantör 2', 'leverantor 2', 'technical', 3, 'Leverantör 2 AB')`);
	await db.execute(
		sql`INSERT INTO support_team_organizers (team_id, organizer_id) SELECT id, ${o} FROM support_teams WHERE organizer_id = ${o}`
	);
	await db.execute(sql`
		INSERT INTO support_categories (organizer_id, chain, name, name_sort, device_related)
		SELECT ${o}, c.chain, c.name, lower(c.name), c.dev FROM (VALUES
			('technical', 'Konto och inloggning', false), ('technical', 'Elevdator', true), ('technical', 'Nätverk', false),
			('technical', 'Projektor och skärm', true), ('technical', 'Lärplattform', false), ('technical', 'Digitala prov', false),
			('pedagogical', 'Digitala verktyg i undervisningen', false), ('pedagogical', 'Digital kompetens', false), ('pedagogical', 'Lärresurser', false)
		) c(chain, name, dev)`);
	// Devices before cases: a fifth of the device-related cases name one.
	await db.execute(sql`
		INSERT INTO device_models (organizer_id, maker, model, type, purchase_price, lease_per_month, expected_life_months, warranty_months)
		SELECT ${o}, 'Tillverkare ' || (1 + m % 3), 'Modell ' || m, CASE WHEN m <= 5 THEN 'elevdator' ELSE 'lärardator' END,
			3000 + m * 600, CASE WHEN m % 2 = 0 THEN 150 + m * 10 END, 36 + (m % 3) * 12, 24
		FROM generate_series(1, 8) m`);
	await db.execute(sql`
		WITH ctx AS (
			SELECT (SELECT array_agg(id ORDER BY name_sort) FROM units WHERE organizer_id = ${o} AND kind = 'skolenhet') AS schools,
				(SELECT array_agg(id ORDER BY model) FROM device_models WHERE organizer_id = ${o}) AS models,
				(SELECT array_agg(id ORDER BY email) FROM people WHERE email LIKE ${`e%@${SLUG}.bench`}) AS students
		), g AS (SELECT g, abs(hashint4(g + 17)) AS h FROM generate_series(1, ${V.devices}) g)
		INSERT INTO devices (organizer_id, model_id, unit_id, asset_tag, serial_number, status, purchase_date, holder_id, created_at, updated_at)
		SELECT ${o}, models[1 + h % 8], schools[1 + (g % 290)], 'B-' || g, 'SN' || g, st,
			${firstDay}::date + ((h / 8) % 1000), CASE WHEN st IN ('handed_out', 'on_loan') AND g <= ${V.students} THEN students[g] END,
			now() - ((h % 900) * interval '1 day'), now() - ((h % 90) * interval '1 day')
		FROM g, ctx, LATERAL (SELECT (ARRAY['handed_out','handed_out','handed_out','handed_out','handed_out','handed_out','handed_out','in_stock','in_stock','on_loan','in_repair','lost','scrapped','handed_out','handed_out','handed_out','stolen','handed_out','in_stock','handed_out'])[1 + h % 20] AS st) s`);
	await db.execute(sql`
		INSERT INTO device_repairs (organizer_id, device_id, warranty, sent_at, returned_at, cost)
		SELECT ${o}, d.id, h % 3 = 0, d.created_at + ((h % 300) * interval '1 day'),
			CASE WHEN d.status <> 'in_repair' THEN d.created_at + ((h % 300 + 5 + h % 20) * interval '1 day') END,
			CASE WHEN d.status <> 'in_repair' AND h % 3 <> 0 THEN 400 + h % 2500 END
		FROM devices d, LATERAL (SELECT abs(hashtext(d.id::text)) AS h) x
		WHERE d.organizer_id = ${o} AND (d.status = 'in_repair' OR abs(hashtext(d.id::text)) % 12 = 0)`);
	await db.execute(sql`
		INSERT INTO device_events (organizer_id, device_id, kind, from_status, to_status, created_at)
		SELECT ${o}, id, 'status_changed', 'handed_out', status, updated_at FROM devices WHERE organizer_id = ${o} AND status IN ('lost', 'stolen')`);
	log(`${V.devices} devices, repairs and losses`);
	await fillCases(db, o, firstDay, V.cases);
	log(`${V.cases} cases`);
	await fillTimelines(db, o);
	log('case timelines');
	await fillSla(db, o);
	log('SLA targets and breaches');
	await fillLicences(db, o, firstDay);
	log('licences');
	await fillRounds(db, o, year.from);
	log('three assessment rounds');
	await fillPlans(db, o, periodOf(today));
	await db.execute(sql`ANALYZE`);
	log('plans, ANALYZE');
}

/** Cases spread over three school years (a tenth more each year), a twentieth still open, the rest solved or closed. */
async function fillCases(db: Db, o: string, firstDay: string, count: number) {
	await db.execute(sql`
		WITH ctx AS (
			SELECT
				(SELECT array_agg(id ORDER BY name_sort) FROM units WHERE organizer_id = ${o} AND kind = 'skolenhet') AS schools,
				(SELECT array_agg(id ORDER BY email) FROM people WHERE email LIKE ${`p%@${SLUG}.bench`}) AS staff,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_categories WHERE organizer_id = ${o} AND chain = 'technical') AS tcat,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_categories WHERE organizer_id = ${o} AND chain = 'pedagogical') AS pcat,
				(SELECT id FROM support_teams WHERE organizer_id = ${o} AND line = 2 AND chain = 'technical') AS t2,
				(SELECT id FROM support_teams WHERE organizer_id = ${o} AND line = 2 AND chain = 'pedagogical') AS p2,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_teams WHERE organizer_id = ${o} AND line = 3) AS suppliers,
				(SELECT array_agg(id ORDER BY asset_tag) FROM devices WHERE organizer_id = ${o} AND asset_tag LIKE 'B-1%') AS devs,
				extract(epoch FROM (now() - ${firstDay}::timestamptz)) AS span
		),
		g AS (SELECT g, abs(hashint4(g)) AS h, abs(hashint4(g + 7919)) AS h2 FROM generate_series(1, ${count}) g),
		s AS (
			SELECT g.*, ctx.*,
				CASE WHEN h % 5 = 0 THEN 'pedagogical' ELSE 'technical' END AS chain,
				(ARRAY[1,1,1,1,1,1,2,2,2,3])[1 + (h / 7) % 10] AS line,
				${firstDay}::timestamptz + (span * sqrt(g::float8 / ${count})) * interval '1 second' AS created
			FROM g, ctx
		),
		t AS (
			SELECT s.*, CASE WHEN created > now() - interval '10 days' THEN (ARRAY['new','in_progress','waiting_requester','waiting_supplier','solved','closed'])[1 + h2 % 6]
				ELSE (CASE WHEN h2 % 50 = 0 THEN 'solved' ELSE 'closed' END) END AS state,
				interval '1 hour' * (1 + h % 30 + CASE WHEN line > 1 THEN 24 + h2 % 120 ELSE 0 END) AS took
			FROM s
		)
		INSERT INTO tickets (organizer_id, number, chain, category_id, unit_id, requester_id, filed_by_id, title, description, urgency, state, line,
			max_line, team_id, assignee_id, minutes_lost, students_affected, device_id, cause, rating, sla_status, created_at, updated_at, closed_at, solved_at)
		SELECT ${o}, g, chain,
			CASE WHEN chain = 'technical' THEN tcat[1 + h % 6] ELSE pcat[1 + h % 3] END,
			schools[1 + (h / 3) % 290], staff[1 + (h / 11) % 3000], staff[1 + (h / 11) % 3000],
			'Ärende ' || g, 'Beskrivning', (ARRAY['low','normal','normal','high','critical'])[1 + h2 % 5], state,
			CASE WHEN chain = 'pedagogical' AND line = 3 THEN 2 ELSE line END,
			CASE WHEN chain = 'pedagogical' AND line = 3 THEN 2 ELSE line END,
			CASE WHEN line = 1 THEN NULL WHEN chain = 'pedagogical' THEN p2 WHEN line = 2 THEN t2 ELSE suppliers[1 + h % 2] END,
			CASE WHEN state = 'new' THEN NULL ELSE staff[1 + h2 % 290] END,
			CASE WHEN h % 4 = 0 THEN (h % 3) * 60 ELSE 0 END, CASE WHEN h % 4 = 0 THEN (h % 25) ELSE 0 END,
			CASE WHEN chain = 'technical' AND h % 6 IN (1, 3) AND h % 5 = 0 THEN devs[1 + h2 % array_length(devs, 1)] END,
			CASE WHEN state IN ('solved', 'closed') THEN (ARRAY['user_error','hardware','software','network','account','supplier','other','user_error'])[1 + h2 % 8] END,
			CASE WHEN state IN ('solved', 'closed') AND h2 % 4 = 0 THEN 1 + h % 5 END,
			CASE WHEN state IN ('solved', 'closed') THEN (CASE WHEN h2 % 9 = 0 THEN 'breached' ELSE 'met' END) ELSE 'running' END,
			created, created + took,
			CASE WHEN state = 'closed' THEN created + took + interval '3 days' END,
			CASE WHEN state IN ('solved', 'closed') THEN created + took END
		FROM t`);
}

/** Each case's events as the lead times read them: filed on line 1, escalated to its line, solved, closed. */
async function fillTimelines(db: Db, o: string) {
	await db.execute(sql`
		INSERT INTO ticket_events (ticket_id, organizer_id, by, kind, public, state_to, line_to, created_at)
		SELECT t.id, ${o}, e.by, e.kind, true, e.state_to, e.line_to, e.at
		FROM tickets t CROSS JOIN LATERAL (VALUES
			('requester', 'filed', 'new', 1::smallint, t.created_at),
			('handler', 'state', 'in_progress', NULL, t.created_at + interval '20 minutes'),
			('handler', 'escalate', NULL, t.line, CASE WHEN t.line > 1 THEN t.created_at + interval '3 hours' END),
			('handler', 'solve', 'solved', NULL, t.solved_at),
			('system', 'close', 'closed', NULL, t.closed_at)
		) e(by, kind, state_to, line_to, at)
		WHERE t.organizer_id = ${o} AND e.at IS NOT NULL AND (e.kind <> 'state' OR t.state <> 'new')`);
}

/**
 * Each case's targets as filed (the whole case's and one per line, in working minutes; the pedagogical chain has two
 * lines) and, for the cases the fill marked breached (a ninth of those solved or closed), a breach of the resolution
 * target and of the target of the highest line they reached.
 */
async function fillSla(db: Db, o: string) {
	const technical = { firstResponse: 240, feedback: 1440, resolution: 2880, perLine: { 1: 240, 2: 960, 3: 2400 } };
	const pedagogical = { firstResponse: 480, feedback: 2400, resolution: 4800, perLine: { 1: 480, 2: 1440 } };
	await db.execute(sql`
		UPDATE tickets SET sla_targets = CASE WHEN chain = 'technical' THEN ${JSON.stringify(technical)}::jsonb ELSE ${JSON.stringify(pedagogical)}::jsonb END
		WHERE organizer_id = ${o} AND NOT sla_targets ? 'resolution'`);
	await db.execute(sql`
		INSERT INTO ticket_sla_breaches (ticket_id, organizer_id, kind, line, breached_at)
		SELECT t.id, ${o}, b.kind, b.line, t.created_at + interval '2 days'
		FROM tickets t CROSS JOIN LATERAL (VALUES ('resolution', 0::smallint), ('line', greatest(t.line, t.max_line))) b(kind, line)
		WHERE t.organizer_id = ${o} AND t.sla_status = 'breached'
		ON CONFLICT DO NOTHING`);
	await db.execute(sql`ANALYZE tickets`);
	await db.execute(sql`ANALYZE ticket_sla_breaches`);
}

/** Twenty tools, a central pool each per school year, and each unit's use per term. */
async function fillLicences(db: Db, o: string, firstDay: string) {
	const owner = sql`(SELECT id FROM people WHERE email = ${`owner@${SLUG}.bench`})`;
	await db.execute(sql`
		INSERT INTO app_tools (organizer_id, name, name_key, kind, yearly_cost)
		SELECT ${o}, 'Verktyg ' || g, 'verktyg ' || g, 'app', 10000 + g * 1000 FROM generate_series(1, 20) g`);
	await db.execute(sql`
		INSERT INTO app_licence_pools (organizer_id, tool_id, seats, valid_from, valid_to, price_sek)
		SELECT ${o}, t.id, 2000 + (abs(hashtext(t.id::text)) % 8000), ${firstDay}::date + y * 365, ${firstDay}::date + y * 365 + 364, 50000 + y * 5000
		FROM app_tools t, generate_series(0, 2) y WHERE t.organizer_id = ${o}`);
	await db.execute(sql`
		INSERT INTO app_licence_usage (organizer_id, tool_id, unit_id, period_from, period_to, assigned, used, imported_by)
		SELECT ${o}, t.id, u.id, ${firstDay}::date + term * 182, ${firstDay}::date + term * 182 + 181, 20 + h % 30, h % 30, ${owner}
		FROM app_tools t CROSS JOIN units u CROSS JOIN generate_series(0, 5) term
		CROSS JOIN LATERAL (SELECT abs(hashtext(t.id::text || u.id::text || term)) AS h) x
		WHERE t.organizer_id = ${o} AND u.organizer_id = ${o} AND u.kind = 'skolenhet'`);
}

/** Three closed rounds of the national framework, one per school year, RESPONDENTS per school, answers for every item. */
async function fillRounds(db: Db, o: string, thisYearFrom: string) {
	const framework = await getFramework('nationella-strategin', '2026.1');
	const items = framework.areas.flatMap((a) => a.sub_goals.flatMap((s) => s.items.map((i) => i.key)));
	const mix = ['leadership', 'staff', 'staff', 'staff', 'staff', 'students', 'students', 'students', 'students', 'key_people'];
	for (let r = 2; r >= 0; r--) {
		const opens = `${Number(thisYearFrom.slice(0, 4)) - r}-09-01`;
		const closes = `${Number(thisYearFrom.slice(0, 4)) - r}-10-31`;
		const round = await one<{ id: string }>(
			db,
			sql`INSERT INTO assessment_rounds (organizer_id, name, framework_key, framework_version, perspectives, opens_on, closes_on, closed_at)
				VALUES (${o}, ${`Skattning ${opens.slice(0, 4)}`}, 'nationella-strategin', '2026.1', '{leadership,staff,students,key_people}', ${opens}, ${closes}, ${closes}::timestamptz)
				RETURNING id`
		);
		await db.execute(sql`
			INSERT INTO assessment_round_units (round_id, unit_id, organizer_id)
			SELECT ${round.id}, id, ${o} FROM units WHERE organizer_id = ${o} AND kind = 'skolenhet'`);
		await db.execute(sql`
			INSERT INTO assessment_responses (organizer_id, round_id, unit_id, perspective, resume_token_hash, submitted_at)
			SELECT ${o}, ${round.id}, ru.unit_id, (${JSON.stringify(mix)}::jsonb ->> ((g - 1) % 10)), md5(${round.id}::text || ru.unit_id::text || g), ${closes}::timestamptz
			FROM assessment_round_units ru CROSS JOIN generate_series(1, ${RESPONDENTS}) g WHERE ru.round_id = ${round.id}`);
		// Levels rise a little each round, so the trend has somewhere to go.
		await db.execute(sql`
			INSERT INTO assessment_answers (response_id, organizer_id, item_key, level, special)
			SELECT r.id, ${o}, k.key, CASE WHEN h % 10 = 0 THEN NULL ELSE least(4, 1 + (h % 4) + CASE WHEN h % 7 < ${2 - r} THEN 1 ELSE 0 END) END,
				CASE WHEN h % 10 = 0 THEN 'dont_know' END
			FROM assessment_responses r CROSS JOIN jsonb_array_elements_text(${JSON.stringify(items)}::jsonb) AS k(key)
			CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || k.key)) AS h) x
			WHERE r.round_id = ${round.id}`);
		await rebuildItemStats(db, round.id);
	}
}

/** A plan per school for the current period with ACTIONS_PER_UNIT actions, each linked to a sub-goal. */
async function fillPlans(db: Db, o: string, period: string) {
	const owner = sql`(SELECT id FROM people WHERE email = ${`owner@${SLUG}.bench`})`;
	await db.execute(sql`
		INSERT INTO planning_plans (organizer_id, unit_id, period) SELECT ${o}, id, ${period} FROM units WHERE organizer_id = ${o} AND kind = 'skolenhet'`);
	await db.execute(sql`
		INSERT INTO planning_actions (organizer_id, plan_id, title, responsible_id, starts_on, due_on, status)
		SELECT ${o}, p.id, 'Aktivitet ' || g, ${owner}, current_date - 60, current_date - 30 + (g * 7),
			(ARRAY['planned', 'in_progress', 'on_hold', 'done', 'dropped'])[1 + (abs(hashtext(p.id::text || g)) % 5)]
		FROM planning_plans p CROSS JOIN generate_series(1, ${ACTIONS_PER_UNIT}) g WHERE p.organizer_id = ${o}`);
	await db.execute(sql`
		INSERT INTO planning_action_links (action_id, organizer_id, framework_key, sub_goal_id)
		SELECT a.id, ${o}, 'nationella-strategin', (${JSON.stringify(SUB_GOALS)}::jsonb ->> (abs(hashtext(a.id::text)) % ${SUB_GOALS.length}))
		FROM planning_actions a WHERE a.organizer_id = ${o}`);
}
