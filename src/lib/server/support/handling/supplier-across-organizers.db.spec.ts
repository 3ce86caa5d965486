// Covers: escalateTicket, getHandlingView, replyToRequester, solveTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, caseSnapshot } from '../../../../../tests/support-handling';
import { buildActor, buildOrganizer, buildPerson, buildTeam, buildTicket, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import { can, type Actor } from '../../policies';
import { findRounds } from '../../assessment/rounds/find-rounds';
import { findQueue } from '../queues/find-queue';
import { defaultQueueView } from '../queues/queue-options';
import { getTicketTimeline } from '../tickets/get-ticket-timeline';
import { escalateTicket } from './escalate-ticket';
import { getHandlingView } from './get-handling-view';
import { replyToRequester } from './reply-to-requester';
import { solveTicket } from './solve-ticket';

const t = useTestDatabase();
const why = 'Garantiärende hos leverantören.';

/**
 * Organizer A owns a supplier team (line 3) that also serves B; C is served by nobody here.
 * B has its own key person and line-2 team; one of B's cases is escalated to A's supplier team, one is not.
 */
async function scene() {
	const [a, b, c] = [await buildOrganizer(t.db), await buildOrganizer(t.db), await buildOrganizer(t.db)];
	const supplierPerson = await buildPerson(t.db, { roles: [{ role: 'supplier', organizerId: a.id }] });
	const supplierTeam = await buildTeam(t.db, { organizerId: a.id, line: 3, memberIds: [supplierPerson.id], alsoServes: [b.id] });
	const homeOnly = await buildTeam(t.db, { organizerId: a.id, line: 3, memberIds: [supplierPerson.id] });
	const unit = await buildUnit(t.db, { organizerId: b.id });
	const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: b.id, unitId: unit.id }]);
	const line2Person = await buildPerson(t.db, { memberOf: b.id });
	const line2Team = await buildTeam(t.db, { organizerId: b.id, line: 2, memberIds: [line2Person.id] });
	const line2 = (await loadActor(t.db, line2Person.id)) as Actor;
	const escalated = (await buildTicket(t.db, { organizerId: b.id, unitId: unit.id })).ticket;
	const other = (await buildTicket(t.db, { organizerId: b.id, unitId: unit.id })).ticket;
	await escalateTicket(t.db, {
		actor: keyPerson,
		organizerId: b.id,
		number: escalated.number,
		input: { fromLine: 1, teamId: line2Team.id, reason: why }
	});
	const supplier = (await loadActor(t.db, supplierPerson.id)) as Actor;
	return { a, b, c, supplier, supplierTeam, homeOnly, line2, escalated, other };
}

describe('a supplier team of one organizer serving another', () => {
	it('is offered when escalating a case of the served organizer to line 3, unlike the owner’s teams that do not serve it', async () => {
		const s = await scene();
		const view = await getHandlingView(t.db, { actor: s.line2, organizerId: s.b.id, number: s.escalated.number });
		expect(view.escalationTeams.map((team) => team.id)).toEqual([s.supplierTeam.id]);
		const before = await caseSnapshot(t.db, s.escalated.id);
		const refused = await escalateTicket(t.db, {
			actor: s.line2,
			organizerId: s.b.id,
			number: s.escalated.number,
			input: { fromLine: 2, teamId: s.homeOnly.id, reason: why }
		}).catch((e) => e);
		expect(refused.issues).toEqual([{ field: 'teamId', message: 'handling_error_choose_team' }]);
		expect(await caseSnapshot(t.db, s.escalated.id)).toEqual(before);
		const after = await escalateTicket(t.db, {
			actor: s.line2,
			organizerId: s.b.id,
			number: s.escalated.number,
			input: { fromLine: 2, teamId: s.supplierTeam.id, reason: why }
		});
		expect(after).toMatchObject({ line: 3, teamId: s.supplierTeam.id });
	});

	it('lets its member open the served organizer’s queue with exactly the case their team holds', async () => {
		const s = await scene();
		expect([...(s.supplier.servedOrganizerIds ?? [])].sort()).toEqual([s.a.id, s.b.id].sort());
		expect(can(s.supplier, 'support.queue', { type: 'support', organizerId: s.b.id, unitId: null, ancestorIds: [] })).toBe(true);
		// Before the escalation to line 3 the queue is empty for the supplier.
		expect((await findQueue(t.db, { actor: s.supplier, organizerId: s.b.id, view: 'all' })).tickets).toEqual([]);
		await escalateTicket(t.db, {
			actor: s.line2,
			organizerId: s.b.id,
			number: s.escalated.number,
			input: { fromLine: 2, teamId: s.supplierTeam.id, reason: why }
		});
		expect(defaultQueueView(s.supplier, s.b.id)).toBe('unassigned');
		for (const view of ['all', 'unassigned'] as const) {
			const page = await findQueue(t.db, { actor: s.supplier, organizerId: s.b.id, view });
			expect(
				page.tickets.map((r) => r.number),
				view
			).toEqual([s.escalated.number]);
		}
		const timeline = await getTicketTimeline(t.db, { actor: s.supplier, organizerId: s.b.id, number: s.escalated.number });
		expect(timeline.can).toMatchObject({ work: true });
		const hidden = await getTicketTimeline(t.db, { actor: s.supplier, organizerId: s.b.id, number: s.other.number }).catch((e) => e);
		expect(hidden.code).toBe('NOT_FOUND');
	});

	it('lets its member reply to and solve the served organizer’s line-3 case, audited at that organizer', async () => {
		const s = await scene();
		await escalateTicket(t.db, {
			actor: s.line2,
			organizerId: s.b.id,
			number: s.escalated.number,
			input: { fromLine: 2, teamId: s.supplierTeam.id, reason: why }
		});
		const opts = { actor: s.supplier, organizerId: s.b.id, number: s.escalated.number };
		await replyToRequester(t.db, { ...opts, input: { body: 'Vi byter moderkortet på torsdag.' } });
		const solved = await solveTicket(t.db, { ...opts, input: { solution: 'Moderkortet är utbytt.', cause: 'hardware' } });
		expect(solved).toMatchObject({ state: 'solved', solvedById: s.supplier.personId, line: 3 });
		expect((await auditActionsOf(t.db, s.escalated.id)).slice(-2)).toEqual(['ticket.reply', 'ticket.solve']);
		const audits = await t.db
			.select({ organizerId: auditEvents.organizerId })
			.from(auditEvents)
			.where(eq(auditEvents.actorId, s.supplier.personId));
		expect(audits.map((r) => r.organizerId)).toEqual([s.b.id, s.b.id]);
		// The other case of B stays out of reach, and nothing changes on it.
		const before = await caseSnapshot(t.db, s.other.id);
		const refused = await solveTicket(t.db, { ...opts, number: s.other.number, input: { solution: 'x', cause: 'other' } }).catch((e) => e);
		expect(refused.code).toBe('NOT_FOUND');
		expect(await caseSnapshot(t.db, s.other.id)).toEqual(before);
	});

	it('opens nothing else at the served organizer, and nothing at all at one it does not serve', async () => {
		const s = await scene();
		const at = (organizerId: string) => ({ type: 'organizer' as const, organizerId });
		expect(can(s.supplier, 'organizer.view', at(s.b.id))).toBe(true);
		for (const action of [
			'organizer.member',
			'organizer.administer',
			'audit.view',
			'assessment.manage',
			'assessment.organizer_report'
		] as const) {
			expect(can(s.supplier, action, at(s.b.id)), action).toBe(false);
		}
		expect(can(s.supplier, 'support.followup', { type: 'support', organizerId: s.b.id, unitId: null, ancestorIds: [] })).toBe(false);
		expect((await findRounds(t.db, { actor: s.supplier, organizerId: s.b.id }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect(can(s.supplier, 'organizer.view', at(s.c.id))).toBe(false);
		expect((await findQueue(t.db, { actor: s.supplier, organizerId: s.c.id, view: 'all' }).catch((e) => e)).code).toBe('FORBIDDEN');
	});
});
