// Covers: loadActor, loadDemo, getTicketTimeline, presentCase, presentTimeline, findQueue.
/**
 * Finding 4 of issue 12 on the demo organizer itself: Exempelkommun's member of staff with protected identity has
 * cases; central support of both chains and the supplier saw the name on them. Nobody but an administrator does now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import type { DbHandle } from '../../db';
import { people, roleAssignments, supportTeamMembers, supportTeams, tickets, ticketTeams } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import type { Actor } from '../../policies';
import { loadDemo, type LoadDemoResult } from '../../demo/load-demo';
import { getTicketTimeline } from '../tickets/get-ticket-timeline';
import { presentCase, presentTimeline } from '../tickets/present-timeline';
import { findQueue } from '../queues/find-queue';

let h: DbHandle;
let loaded: LoadDemoResult;
beforeAll(async () => {
	h = await createTestDatabase();
	loaded = await loadDemo(h.db);
}, 180_000);
afterAll(() => h.close());

const organizerId = () => (loaded.created ? loaded.demo.organizerId : '');

async function withRole(role: string): Promise<Actor> {
	const [r] = await h.db
		.select({ personId: roleAssignments.personId })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.organizerId, organizerId()), eq(roleAssignments.role, role), isNull(roleAssignments.unitId)))
		.limit(1);
	return (await loadActor(h.db, r.personId))!;
}

describe('the demo person with protected identity on their cases', () => {
	it('is a pseudonym to central support of both chains and to the supplier, on every case they filed', async () => {
		const [hidden] = await h.db.select().from(people).where(eq(people.protectedIdentity, true));
		const cases = await h.db
			.select()
			.from(tickets)
			.where(and(eq(tickets.organizerId, organizerId()), eq(tickets.requesterId, hidden.id)));
		expect(cases.length, 'the demo has cases filed by the protected person').toBeGreaterThan(0);
		const viewers = [await withRole('central_technical_support'), await withRole('central_pedagogical_support')];
		const pseudonyms = new Set<string>();
		let supplierLooks = 0;
		for (const c of cases) {
			const held = await h.db
				.select({ personId: supportTeamMembers.personId })
				.from(ticketTeams)
				.innerJoin(supportTeams, eq(supportTeams.id, ticketTeams.teamId))
				.innerJoin(supportTeamMembers, eq(supportTeamMembers.teamId, supportTeams.id))
				.where(and(eq(ticketTeams.ticketId, c.id), eq(supportTeams.line, 3)));
			const suppliers = await Promise.all(held.slice(0, 1).map(async (p) => (await loadActor(h.db, p.personId))!));
			supplierLooks += suppliers.length;
			for (const actor of [...viewers, ...suppliers]) {
				const tl = await getTicketTimeline(h.db, { actor, organizerId: organizerId(), number: c.number });
				const shown = { head: presentCase(tl), items: presentTimeline(tl) };
				expect(JSON.stringify(shown)).not.toContain(hidden.name);
				pseudonyms.add(shown.head.requesterName);
			}
		}
		expect([...pseudonyms]).toHaveLength(1);
		expect([...pseudonyms][0]).toMatch(/^Skyddad person \d{4}$/);
		console.info(`${cases.length} cases of the protected person, ${supplierLooks} seen by a supplier`);
	});

	it('is not found by the real name in the queue search', async () => {
		const [hidden] = await h.db.select().from(people).where(eq(people.protectedIdentity, true));
		const own = await h.db.select({ number: tickets.number }).from(tickets).where(eq(tickets.requesterId, hidden.id));
		const found = await findQueue(h.db, {
			actor: await withRole('central_technical_support'),
			organizerId: organizerId(),
			view: 'all',
			filters: { q: hidden.name },
			limit: 100
		});
		const numbers = new Set(own.map((o) => o.number));
		expect(found.tickets.filter((r) => numbers.has(r.number))).toEqual([]);
	});
});
