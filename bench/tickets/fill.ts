/**
 * Fills a PostgreSQL database with ORGS organizers × CASES_PER_ORG support cases, set-based
 * (INSERT … SELECT generate_series), with a realistic unit tree, people, key people, teams,
 * suppliers serving every organizer, categories and the ticket_teams watcher rows.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';

export const ORGS = 50;
export const CASES_PER_ORG = 20_000;
const AREAS = 5;
const SCHOOLS_PER_AREA = 8;
const PEOPLE_PER_ORG = 300;

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * The words a case is made of: title = thing + problem + "i sal N"; description = two notes, a thing and a problem,
 * each picked by a hash of the case number. bench:search passes a larger vocabulary (bench/search/vocabulary.ts).
 */
export type CaseText = { things: string[]; problems: string[]; notes: string[] };
export const CASE_TEXT: CaseText = {
	things: [
		'Projektorn',
		'Elevdatorn',
		'Skrivaren',
		'Nätverket',
		'Lärplattformen',
		'Inloggningen',
		'Den interaktiva skärmen',
		'Wifi',
		'Dokumentkameran',
		'Provverktyget',
		'Lärarens dator',
		'Högtalarna'
	],
	problems: [
		'startar inte',
		'blinkar rött',
		'är mycket långsam',
		'fungerar inte',
		'visar fel bild',
		'tappar anslutningen',
		'låter konstigt',
		'har gått sönder',
		'kräver nytt lösenord',
		'hittar inte skrivaren'
	],
	notes: [
		'Det hände under första lektionen.',
		'Eleverna kunde inte fortsätta med uppgiften.',
		'Vi har startat om utan att det hjälpte.',
		'Felet kommer tillbaka varje morgon.',
		'Hela klassen berördes.',
		'Det gäller flera datorer i salen.',
		'Jag behöver hjälp före nationella proven.',
		'Skärmen är svart men lampan lyser.'
	]
};
/** A text array as one parameter (no entry holds a '|'): the same on PGlite and PostgreSQL. */
const textArray = (list: string[]) => sql`string_to_array(${list.join('|')}, '|')`;

/** Creates everything unless the cases are already there (`orgs` organizers, default 50); returns the number of cases. */
export async function fillBench(db: Db, log: (s: string) => void, orgs = ORGS, text: CaseText = CASE_TEXT): Promise<number> {
	const [{ n }] = rows<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM tickets`));
	if (n >= orgs * CASES_PER_ORG) return n;
	await db.execute(sql`
		INSERT INTO organizers (slug, name, kind)
		SELECT 'bench-' || lpad(o::text, 2, '0'), 'Benchkommun ' || o, 'kommun' FROM generate_series(1, ${orgs}) o`);
	// Unit tree: förvaltning → rektorsområden → skolenheter.
	await db.execute(sql`
		INSERT INTO units (organizer_id, name, name_sort, kind)
		SELECT id, 'Förvaltningen', 'forvaltningen', 'forvaltning' FROM organizers WHERE slug LIKE 'bench-%'`);
	await db.execute(sql`
		INSERT INTO units (organizer_id, parent_id, name, name_sort, kind)
		SELECT u.organizer_id, u.id, 'Område ' || a, 'omrade ' || lpad(a::text, 2, '0'), 'rektorsomrade'
		FROM units u JOIN organizers o ON o.id = u.organizer_id AND o.slug LIKE 'bench-%', generate_series(1, ${AREAS}) a
		WHERE u.parent_id IS NULL`);
	await db.execute(sql`
		INSERT INTO units (organizer_id, parent_id, name, name_sort, kind)
		SELECT u.organizer_id, u.id, u.name || ' skola ' || s, u.name_sort || ' skola ' || lpad(s::text, 2, '0'), 'skolenhet'
		FROM units u JOIN organizers o ON o.id = u.organizer_id AND o.slug LIKE 'bench-%', generate_series(1, ${SCHOOLS_PER_AREA}) s
		WHERE u.kind = 'rektorsomrade'`);
	log('units');
	await db.execute(sql`
		INSERT INTO people (name, name_sort, email)
		SELECT 'Person ' || o.slug || '-' || g, 'person ' || o.slug || '-' || lpad(g::text, 4, '0'), 'p' || g || '@' || o.slug || '.bench'
		FROM organizers o, generate_series(1, ${PEOPLE_PER_ORG}) g WHERE o.slug LIKE 'bench-%'`);
	await db.execute(sql`
		INSERT INTO memberships (organizer_id, person_id)
		SELECT o.id, p.id FROM people p JOIN organizers o ON p.email LIKE '%@' || o.slug || '.bench'`);
	// Everyone is staff at a school; every school has a technical and a pedagogical key person.
	await db.execute(sql`
		WITH s AS (SELECT id, organizer_id, row_number() OVER (PARTITION BY organizer_id ORDER BY name_sort) - 1 AS i FROM units WHERE kind = 'skolenhet'),
		p AS (SELECT m.person_id, m.organizer_id, row_number() OVER (PARTITION BY m.organizer_id ORDER BY m.person_id) - 1 AS i FROM memberships m JOIN organizers o ON o.id = m.organizer_id AND o.slug LIKE 'bench-%')
		INSERT INTO role_assignments (person_id, organizer_id, unit_id, role)
		SELECT p.person_id, p.organizer_id, s.id, CASE WHEN p.i < 40 THEN 'technical_key_person' WHEN p.i < 80 THEN 'pedagogical_key_person' ELSE 'staff' END
		FROM p JOIN s ON s.organizer_id = p.organizer_id AND s.i = p.i % ${AREAS * SCHOOLS_PER_AREA}`);
	log('people and roles');
	// Each organizer has a technical and a pedagogical 2nd-line team; five suppliers serve everyone.
	await db.execute(sql`
		INSERT INTO support_teams (organizer_id, name, name_sort, chain, line)
		SELECT o.id, c.label, lower(c.label), c.chain, 2 FROM organizers o, (VALUES ('technical', 'IT-support'), ('pedagogical', 'Pedagogiskt stöd')) c(chain, label)
		WHERE o.slug LIKE 'bench-%'`);
	await db.execute(sql`
		INSERT INTO support_teams (organizer_id, name, name_sort, chain, line, supplier_name)
		SELECT (SELECT id FROM organizers WHERE slug = 'bench-01'), 'Leverantör ' || g, 'leverantor ' || g, 'technical', 3, 'Leverantör ' || g || ' AB' FROM generate_series(1, 5) g`);
	await db.execute(sql`
		INSERT INTO support_team_organizers (team_id, organizer_id)
		SELECT t.id, o.id FROM support_teams t JOIN organizers o ON o.slug LIKE 'bench-%' AND (t.line = 3 OR o.id = t.organizer_id)`);
	await db.execute(sql`
		INSERT INTO support_team_members (team_id, person_id)
		SELECT t.id, m.person_id FROM support_teams t
		JOIN LATERAL (SELECT person_id FROM memberships WHERE organizer_id = t.organizer_id ORDER BY person_id DESC LIMIT 3) m ON true`);
	await db.execute(sql`
		INSERT INTO support_categories (organizer_id, chain, name, name_sort, device_related)
		SELECT o.id, c.chain, c.name, lower(c.name), c.dev FROM organizers o, (VALUES
			('technical', 'Konto och inloggning', false), ('technical', 'Elevdator', true), ('technical', 'Nätverk', false),
			('technical', 'Projektor och skärm', true), ('technical', 'Lärplattform', false), ('technical', 'Digitala prov', false),
			('pedagogical', 'Digitala verktyg i undervisningen', false), ('pedagogical', 'Digital kompetens', false), ('pedagogical', 'Lärresurser', false)
		) c(chain, name, dev) WHERE o.slug LIKE 'bench-%'`);
	log('teams and categories');
	const created = rows<{ id: string; slug: string }>(
		await db.execute(sql`SELECT id, slug FROM organizers WHERE slug LIKE 'bench-%' ORDER BY slug`)
	);
	for (const [i, org] of created.entries()) {
		await fillCases(db, org.id, text);
		if ((i + 1) % 10 === 0) log(`cases for ${i + 1} organizers`);
	}
	await db.execute(sql`
		INSERT INTO ticket_teams (ticket_id, team_id)
		SELECT t.id, l2.id FROM tickets t JOIN support_teams l2 ON l2.organizer_id = t.organizer_id AND l2.line = 2 AND l2.chain = t.chain WHERE t.line >= 2
		UNION ALL
		SELECT t.id, t.team_id FROM tickets t WHERE t.line = 3`);
	await db.execute(
		sql`INSERT INTO support_counters (organizer_id, last_number) SELECT organizer_id, max(number) FROM tickets GROUP BY organizer_id`
	);
	await db.execute(sql`ANALYZE`);
	log('watchers, counters, ANALYZE');
	return orgs * CASES_PER_ORG;
}

/** One organizer's cases over two school years; most are closed, a fifth still open. */
async function fillCases(db: Db, organizerId: string, text: CaseText) {
	await db.execute(sql`
		WITH ctx AS (
			SELECT
				(SELECT array_agg(id ORDER BY name_sort) FROM units WHERE organizer_id = ${organizerId} AND kind = 'skolenhet') AS schools,
				(SELECT array_agg(person_id ORDER BY person_id) FROM memberships WHERE organizer_id = ${organizerId}) AS people,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_categories WHERE organizer_id = ${organizerId} AND chain = 'technical') AS tcat,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_categories WHERE organizer_id = ${organizerId} AND chain = 'pedagogical') AS pcat,
				(SELECT id FROM support_teams WHERE organizer_id = ${organizerId} AND line = 2 AND chain = 'technical') AS t2,
				(SELECT id FROM support_teams WHERE organizer_id = ${organizerId} AND line = 2 AND chain = 'pedagogical') AS p2,
				(SELECT array_agg(id ORDER BY name_sort) FROM support_teams WHERE line = 3) AS suppliers,
				${textArray(text.things)} AS things, ${textArray(text.problems)} AS problems, ${textArray(text.notes)} AS notes
		),
		g AS (
			SELECT g, abs(hashint4(g)) AS h, abs(hashint4(g + 7919)) AS h2, ${CASES_PER_ORG} - g AS age FROM generate_series(1, ${CASES_PER_ORG}) g
		),
		s AS (
			SELECT g.*, ctx.*, array_length(things, 1) AS nt, array_length(problems, 1) AS np, array_length(notes, 1) AS nn,
				CASE WHEN h % 5 = 0 THEN 'pedagogical' ELSE 'technical' END AS chain,
				CASE WHEN age < 2000 THEN (ARRAY['new','in_progress','in_progress','waiting_requester','waiting_supplier','solved','closed','closed'])[1 + h2 % 8]
					ELSE (CASE WHEN h2 % 50 = 0 THEN 'solved' ELSE 'closed' END) END AS state,
				(ARRAY[1,1,1,1,1,1,2,2,2,3])[1 + (h / 7) % 10] AS line,
				now() - (age * interval '52 minutes') - ((h % 600) * interval '1 second') AS created
			FROM g, ctx
		)
		INSERT INTO tickets (organizer_id, number, chain, category_id, unit_id, requester_id, filed_by_id, title, description, urgency, state, line,
			team_id, assignee_id, minutes_lost, students_affected, sla_due_at, sla_status, created_at, updated_at, closed_at, solved_at)
		SELECT ${organizerId}, g, chain,
			CASE WHEN chain = 'technical' THEN tcat[1 + h % 6] ELSE pcat[1 + h % 3] END,
			schools[1 + (h / 3) % array_length(schools, 1)],
			people[1 + (h / 11) % array_length(people, 1)],
			people[1 + (h / 11) % array_length(people, 1)],
			things[1 + h % nt] || ' ' || problems[1 + h2 % np] || ' i sal ' || (1 + h % 60),
			notes[1 + h % nn] || ' ' || notes[1 + h2 % nn] || ' ' || things[1 + h2 % nt] || ' ' || problems[1 + h % np] || '.',
			(ARRAY['low','normal','normal','high','critical'])[1 + h2 % 5],
			state,
			CASE WHEN chain = 'pedagogical' AND line = 3 THEN 2 ELSE line END,
			CASE WHEN line = 1 THEN NULL WHEN chain = 'pedagogical' THEN p2 WHEN line = 2 THEN t2 ELSE suppliers[1 + h % 5] END,
			CASE WHEN state = 'new' OR h2 % 3 = 0 THEN NULL ELSE people[1 + h2 % 40] END,
			(h % 3) * 60, (h % 4) * 7,
			CASE WHEN state IN ('solved', 'closed') THEN NULL ELSE created + ((1 + h % 96) * interval '1 hour') END,
			CASE WHEN state IN ('solved', 'closed') THEN (CASE WHEN h2 % 9 = 0 THEN 'breached' ELSE 'met' END)
				WHEN state = 'waiting_requester' THEN 'paused'
				WHEN h2 % 10 = 0 THEN 'at_risk' ELSE 'running' END,
			created, created,
			CASE WHEN state = 'closed' THEN created + interval '3 days' END,
			CASE WHEN state IN ('solved', 'closed') THEN created + interval '2 days' END
		FROM s`);
}
