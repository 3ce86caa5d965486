// Covers: assignTicket, escalateTicket, findAssignees.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { buildActor } from '../../../../../tests/factories';
import { getTicket } from '../tickets/get-ticket';
import { assignTicket } from './assign-ticket';
import { escalateTicket } from './escalate-ticket';
import { findAssignees } from './find-assignees';

const t = useTestDatabase();

describe('assigning a case', () => {
	it('lets a handler take the case, hand it to a colleague at the same line, and unassign it', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		expect((await assignTicket(t.db, { ...opts, input: { assigneeId: s.keyPerson.personId } })).assigneeId).toBe(s.keyPerson.personId);
		expect((await assignTicket(t.db, { ...opts, input: { assigneeId: s.central.personId } })).assigneeId).toBe(s.central.personId);
		expect((await assignTicket(t.db, { ...opts, input: { assigneeId: '' } })).assigneeId).toBeNull();
		const events = await eventsOf(t.db, s.ticket.id);
		expect(events.filter((e) => e.kind === 'assign').map((e) => e.public)).toEqual([false, false, false]);
		expect(events.at(-1)?.data).toMatchObject({ assigneeId: null, fromAssigneeId: s.central.personId });
		// Ids only, never a name: it would outlive a protected identity's pseudonym (decision 015).
		expect(events.filter((e) => e.kind === 'assign').map((e) => Object.keys(e.data).sort())).toEqual(
			Array(3).fill(['assigneeId', 'fromAssigneeId'])
		);
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.assign', 'ticket.assign', 'ticket.assign']);
	});

	it('offers exactly the people who may work the case at its current line', async () => {
		const s = await buildHandlingScene(t.db);
		const { resource } = await getTicket(t.db, { actor: s.keyPerson, organizerId: s.organizerId, number: s.number });
		const ids = (await findAssignees(t.db, resource)).map((p) => p.id).sort();
		expect(ids).toEqual([s.keyPerson.personId, s.central.personId].sort());
		await escalateTicket(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Behöver adminbehörighet.' }
		});
		const atTwo = await getTicket(t.db, { actor: s.central, organizerId: s.organizerId, number: s.number });
		expect((await findAssignees(t.db, atTwo.resource)).map((p) => p.id).sort()).toEqual(
			[s.central.personId, s.line2.actor.personId].sort()
		);
	});

	it('refuses a person who may not work the case at its line, an unknown id, or no change, writing nothing', async () => {
		const s = await buildHandlingScene(t.db);
		// A key person role without a unit covers no unit's cases.
		const otherUnitKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: s.organizerId }]);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		const before = await caseSnapshot(t.db, s.ticket.id);
		for (const assigneeId of [
			otherUnitKey.personId,
			s.line3.actor.personId,
			s.requester.personId,
			s.pedagogicalKeyPerson.personId,
			crypto.randomUUID()
		]) {
			const err = await assignTicket(t.db, { ...opts, input: { assigneeId } }).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'assigneeId', message: 'handling_error_assignee_not_handler' }]);
		}
		expect((await assignTicket(t.db, { ...opts, input: { assigneeId: 'inte-ett-id' } }).catch((e) => e)).code).toBe('INVALID');
		expect((await assignTicket(t.db, { ...opts, input: { assigneeId: '' } }).catch((e) => e)).code).toBe('CONFLICT');
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});
