// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type TicketResource } from './index';

/** Covers canSupport's 'ticket.note' and 'ticket.chase' (one case page, decision 027). */
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
	ancestorIds: [],
	chain: 'technical',
	line: 1,
	requesterId: 'teacher',
	filedById: 'teacher',
	teamId: null,
	teamIds: [],
	supplierTeamIds: [],
	solvedById: null,
	state: 'in_progress',
	...o
});

const teacher = actor('teacher', [{ organizerId: org, unitId: 'unit-a', role: 'staff' }]);
const keyA = actor('key-a', [{ organizerId: org, unitId: 'unit-a', role: 'technical_key_person' }]);
const second = actor('second', [{ organizerId: org, unitId: null, role: 'staff' }], ['team-2']);
const otherSecond = actor('other-second', [{ organizerId: org, unitId: null, role: 'staff' }], ['team-x']);
const supplier = actor('supplier', [{ organizerId: org, unitId: null, role: 'supplier' }], ['team-s']);
const atSupplier = ticket({
	line: 3,
	teamId: 'team-s',
	teamIds: ['team-2', 'team-s'],
	supplierTeamIds: ['team-s'],
	state: 'waiting_supplier'
});

describe('what earlier lines may do on a case that moved on', () => {
	it('lets the 2nd line that escalated keep reading, note and chase, but not work the case', () => {
		expect(can(second, 'ticket.view', atSupplier)).toBe(true);
		expect(can(second, 'ticket.internal', atSupplier)).toBe(true);
		expect(can(second, 'ticket.note', atSupplier)).toBe(true);
		expect(can(second, 'ticket.chase', atSupplier)).toBe(true);
		expect(can(second, 'ticket.work', atSupplier)).toBe(false);
	});

	it('lets the first line chase once the case left it', () => {
		expect(can(keyA, 'ticket.chase', atSupplier)).toBe(true);
		expect(can(keyA, 'ticket.chase', ticket())).toBe(false);
	});

	it('does not let the current line chase itself, nor anyone chase a closed case', () => {
		expect(can(supplier, 'ticket.chase', atSupplier)).toBe(false);
		expect(can(supplier, 'ticket.note', atSupplier)).toBe(true);
		expect(can(second, 'ticket.chase', { ...atSupplier, state: 'closed' })).toBe(false);
	});

	it('gives a team that never held the case and the requester neither notes nor chasing', () => {
		expect(can(otherSecond, 'ticket.view', atSupplier)).toBe(false);
		expect(can(otherSecond, 'ticket.note', atSupplier)).toBe(false);
		expect(can(otherSecond, 'ticket.chase', atSupplier)).toBe(false);
		expect(can(teacher, 'ticket.note', atSupplier)).toBe(false);
		expect(can(teacher, 'ticket.chase', atSupplier)).toBe(false);
	});

	it('keeps a supplier away from the staff notes after the case goes back to the 2nd line', () => {
		const back = { ...atSupplier, line: 2 as const, teamId: 'team-2', state: 'in_progress' };
		expect(can(supplier, 'ticket.chase', back)).toBe(true);
		expect(can(supplier, 'ticket.staff_notes', back)).toBe(false);
	});
});
