import { pool } from '../../../lib/pool.js';

/** Like the queue page, this page sends no JavaScript. */
export const csr = false;

/** One statement, prepared once per connection (as Rödtråd's pool does): the organizer's newest unassigned open cases, with unit and category names. */
const QUERY = {
	name: 'bare-queue',
	text: `SELECT t.number, t.title, t.state, t.line, t.urgency, t.created_at,
			(SELECT u.name FROM units u WHERE u.id = t.unit_id) AS unit_name,
			(SELECT c.name FROM support_categories c WHERE c.id = t.category_id) AS category_name
		FROM tickets t
		WHERE t.organizer_id = (SELECT id FROM organizers WHERE slug = $1)
			AND t.assignee_id IS NULL AND t.state NOT IN ('solved', 'closed')
		ORDER BY t.created_at DESC NULLS LAST, t.id DESC NULLS LAST
		LIMIT $2`
};

export async function load({ params, url }) {
	const limit = Number(url.searchParams.get('rader') ?? 25);
	const { rows } = await pool.query({ ...QUERY, values: [params.org, limit] });
	return { rows };
}
