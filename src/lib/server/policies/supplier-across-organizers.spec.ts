// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type TicketResource } from './index';

// A supplier team owned by organizer A that also serves B; C is not served.
const A = 'org-a';
const B = 'org-b';
const C = 'org-c';
const supplier: Actor = {
	personId: 'sam',
	name: 'Sam',
	assignments: [{ organizerId: A, unitId: null, role: 'supplier' }],
	teamIds: ['team-s'],
	servedOrganizerIds: [A, B]
};
const teamOnly: Actor = { personId: 'tove', name: 'Tove', assignments: [], teamIds: ['team-s'], servedOrganizerIds: [A, B] };

const ticket = (o: Partial<TicketResource> = {}): TicketResource => ({
	type: 'ticket',
	organizerId: B,
	unitId: 'unit-b',
	ancestorIds: [],
	chain: 'technical',
	line: 1,
	requesterId: 'teacher-b',
	filedById: 'teacher-b',
	teamId: null,
	teamIds: [],
	solvedById: null,
	state: 'new',
	...o
});
const organizer = (organizerId: string) => ({ type: 'organizer' as const, organizerId });
const support = (organizerId: string) => ({ type: 'support' as const, organizerId, unitId: null, ancestorIds: [] });

describe('a supplier whose team serves another organizer', () => {
	it('may open that organizer and its support queue, but is no member there', () => {
		for (const actor of [supplier, teamOnly]) {
			expect(can(actor, 'organizer.view', organizer(B))).toBe(true);
			expect(can(actor, 'support.queue', support(B))).toBe(true);
			expect(can(actor, 'organizer.member', organizer(B))).toBe(false);
		}
		expect(can(supplier, 'organizer.member', organizer(A))).toBe(true);
	});

	it('sees and works the case escalated to its team at line 3, and only that one', () => {
		const escalated = ticket({ line: 3, teamId: 'team-s', teamIds: ['team-2', 'team-s'], state: 'in_progress' });
		expect(can(teamOnly, 'ticket.view', escalated)).toBe(true);
		expect(can(teamOnly, 'ticket.internal', escalated)).toBe(true);
		expect(can(teamOnly, 'ticket.work', escalated)).toBe(true);
		expect(can(teamOnly, 'ticket.view', ticket())).toBe(false);
		expect(can(teamOnly, 'ticket.view', ticket({ line: 2, teamId: 'team-2', teamIds: ['team-2'] }))).toBe(false);
	});

	it('keeps the organizer’s administration, self-assessment, reports and follow-up closed', () => {
		for (const action of [
			'organizer.administer',
			'audit.view',
			'outbox.view',
			'statement.edit',
			'assessment.manage',
			'assessment.organizer_report'
		] as const) {
			expect(can(teamOnly, action, organizer(B)), action).toBe(false);
		}
		expect(can(teamOnly, 'support.configure', support(B))).toBe(false);
		expect(can(teamOnly, 'support.followup', support(B))).toBe(false);
		expect(can(teamOnly, 'support.file', { ...support(B), unitId: 'unit-b' })).toBe(false);
		expect(can(teamOnly, 'unit.view', { type: 'unit', organizerId: B, unitId: 'unit-b', ancestorIds: [] })).toBe(false);
		expect(can(teamOnly, 'assessment.answer', { type: 'unit', organizerId: B, unitId: 'unit-b', ancestorIds: [] })).toBe(false);
	});

	it('gets nothing at an organizer its teams do not serve', () => {
		expect(can(teamOnly, 'organizer.view', organizer(C))).toBe(false);
		expect(can(teamOnly, 'support.queue', support(C))).toBe(false);
		expect(can(teamOnly, 'ticket.view', ticket({ organizerId: C }))).toBe(false);
	});

	it('no longer opens the queue anywhere just for being in a team', () => {
		const stale: Actor = { ...teamOnly, servedOrganizerIds: [] };
		expect(can(stale, 'support.queue', support(A))).toBe(false);
		expect(can(stale, 'organizer.view', organizer(B))).toBe(false);
	});
});
