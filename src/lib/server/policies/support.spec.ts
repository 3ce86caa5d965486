// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type TicketResource } from './index';

const org = 'org-1';
const actor = (personId: string, assignments: Actor['assignments'], teamIds: string[] = []): Actor => ({
	personId,
	name: personId,
	assignments,
	teamIds
});
const ticket = (o: Partial<TicketResource> = {}): TicketResource => ({
	type: 'ticket',
	organizerId: org,
	unitId: 'unit-a',
	ancestorIds: ['area-1'],
	chain: 'technical',
	line: 1,
	requesterId: 'teacher',
	filedById: 'teacher',
	teamId: null,
	teamIds: [],
	solvedById: null,
	state: 'new',
	...o
});

const teacher = actor('teacher', [{ organizerId: org, unitId: 'unit-a', role: 'staff' }]);
const keyA = actor('key-a', [{ organizerId: org, unitId: 'unit-a', role: 'technical_key_person' }]);
const keyB = actor('key-b', [{ organizerId: org, unitId: 'unit-b', role: 'technical_key_person' }]);
const central = actor('central', [{ organizerId: org, unitId: null, role: 'central_technical_support' }]);
const supplier = actor('supplier', [{ organizerId: org, unitId: null, role: 'supplier' }], ['team-s']);
const stranger = actor('stranger', [{ organizerId: 'org-2', unitId: null, role: 'org_admin' }]);

describe('who sees and works a support case', () => {
	it('lets the requester follow and answer their own case but not work it', () => {
		expect(can(teacher, 'ticket.view', ticket())).toBe(true);
		expect(can(teacher, 'ticket.respond', ticket())).toBe(true);
		expect(can(teacher, 'ticket.work', ticket())).toBe(false);
		expect(can(teacher, 'ticket.internal', ticket())).toBe(false);
		expect(can(teacher, 'ticket.view', ticket({ requesterId: 'x', filedById: 'x' }))).toBe(false);
	});

	it('gives the first line to key people of the case unit only', () => {
		expect(can(keyA, 'ticket.work', ticket())).toBe(true);
		expect(can(keyB, 'ticket.view', ticket())).toBe(false);
		expect(can(keyA, 'ticket.work', ticket({ chain: 'pedagogical' }))).toBe(false);
	});

	it('keeps an escalated case visible, not workable, to the line below', () => {
		const escalated = ticket({ line: 3, teamId: 'team-s', teamIds: ['team-s'] });
		expect(can(keyA, 'ticket.view', escalated)).toBe(true);
		expect(can(keyA, 'ticket.work', escalated)).toBe(false);
		expect(can(supplier, 'ticket.work', escalated)).toBe(true);
	});

	it('shows a supplier only the cases escalated to its team', () => {
		expect(can(supplier, 'ticket.view', ticket())).toBe(false);
		expect(can(supplier, 'ticket.view', ticket({ line: 2, teamIds: ['team-s'], teamId: 'team-2' }))).toBe(true);
	});

	it('shows another organizer nothing', () => {
		expect(can(stranger, 'ticket.view', ticket())).toBe(false);
		expect(can(central, 'ticket.view', ticket({ organizerId: 'org-2' }))).toBe(false);
	});

	it('lets only the requester rate a solved case, and never the one who solved it', () => {
		expect(can(teacher, 'ticket.rate', ticket({ state: 'solved', solvedById: 'key-a' }))).toBe(true);
		expect(can(teacher, 'ticket.rate', ticket({ state: 'in_progress' }))).toBe(false);
		expect(can(teacher, 'ticket.rate', ticket({ state: 'solved', solvedById: 'teacher' }))).toBe(false);
		expect(can(keyA, 'ticket.rate', ticket({ state: 'solved', solvedById: 'central' }))).toBe(false);
	});

	it('counts key people, central support and serving teams as handling a line, and no one else', () => {
		const scope = { type: 'support' as const, organizerId: org, unitId: null, ancestorIds: [] };
		expect(can(keyA, 'support.handle', scope)).toBe(true);
		expect(can(central, 'support.handle', scope)).toBe(true);
		expect(can({ ...teacher, servedOrganizerIds: [org] }, 'support.handle', scope)).toBe(true);
		expect(can(teacher, 'support.handle', scope)).toBe(false);
		expect(can(actor('admin', [{ organizerId: org, unitId: null, role: 'org_admin' }]), 'support.handle', scope)).toBe(false);
		expect(can(keyA, 'support.handle', { ...scope, organizerId: 'org-2' })).toBe(false);
	});
});
