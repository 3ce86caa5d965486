// Covers: closeTicket, setTicketState, solveTicket.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { closeTicket } from './close-ticket';
import { setTicketState } from './set-ticket-state';
import { solveTicket } from './solve-ticket';

const t = useTestDatabase();

describe('setting the state of a case', () => {
	it('moves an open case along the transition table with a public event and an audit entry', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		expect((await setTicketState(t.db, { ...opts, input: { state: 'in_progress' } })).state).toBe('in_progress');
		const waiting = await setTicketState(t.db, { ...opts, input: { state: 'waiting_supplier', comment: 'Reservdel beställd.' } });
		expect(waiting).toMatchObject({ state: 'waiting_supplier', waitingSince: null });
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({
			kind: 'state',
			public: true,
			stateTo: 'waiting_supplier',
			body: 'Reservdel beställd.',
			data: { stateFrom: 'in_progress' }
		});
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.set_state', 'ticket.set_state']);
	});

	it('refuses solved, closed, an unknown state, the same state and any move of a solved case, changing nothing', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		const before = await caseSnapshot(t.db, s.ticket.id);
		for (const state of ['solved', 'closed', 'new', 'paus']) {
			const err = await setTicketState(t.db, { ...opts, input: { state: state as never } }).catch((e) => e);
			expect(err.issues).toEqual([{ field: 'state', message: 'handling_error_choose_state' }]);
		}
		await setTicketState(t.db, { ...opts, input: { state: 'in_progress' } });
		const same = await setTicketState(t.db, { ...opts, input: { state: 'in_progress' } }).catch((e) => e);
		expect(same).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'state', message: 'handling_error_state_unchanged' }] });
		expect((await caseSnapshot(t.db, s.ticket.id)).events).toBe(before.events + 1);
		await solveTicket(t.db, { ...opts, input: { solution: 'Bytte lampa.', cause: 'hardware' } });
		const solved = await caseSnapshot(t.db, s.ticket.id);
		const err = await setTicketState(t.db, { ...opts, input: { state: 'in_progress' } }).catch((e) => e);
		expect(err).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'state', message: 'handling_error_state_not_allowed' }] });
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(solved);
	});
});

describe('solving a case', () => {
	it('records the public solution, the cause and the self-help flag, and who solved it', async () => {
		const s = await buildHandlingScene(t.db);
		const after = await solveTicket(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { solution: 'Projektorn stod på fel ingång. Tryck på Source.', cause: 'user_error', selfHelp: 'on' }
		});
		expect(after).toMatchObject({ state: 'solved', cause: 'user_error', selfHelpSuggested: true, solvedById: s.keyPerson.personId });
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({
			kind: 'solve',
			public: true,
			stateTo: 'solved',
			data: { cause: 'user_error' }
		});
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.solve']);
	});

	it('needs a solution text and a known cause, and does not solve a solved case again', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		const before = await caseSnapshot(t.db, s.ticket.id);
		const err = await solveTicket(t.db, { ...opts, input: { solution: ' ', cause: 'trolleri' as never } }).catch((e) => e);
		expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(['cause', 'solution']);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
		await solveTicket(t.db, { ...opts, input: { solution: 'Klart.', cause: 'other' } });
		expect((await solveTicket(t.db, { ...opts, input: { solution: 'Igen.', cause: 'other' } }).catch((e) => e)).code).toBe('CONFLICT');
	});
});

describe('closing a case', () => {
	it('closes a solved case without more words', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		await solveTicket(t.db, { ...opts, input: { solution: 'Klart.', cause: 'software' } });
		const after = await closeTicket(t.db, { ...opts, input: {} });
		expect(after.state).toBe('closed');
		expect(after.closedAt).not.toBeNull();
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({ kind: 'close', stateTo: 'closed', data: { unsolved: false } });
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.solve', 'ticket.close']);
	});

	it('closes an open case only with a reason, and never closes a closed case twice', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		const before = await caseSnapshot(t.db, s.ticket.id);
		const err = await closeTicket(t.db, { ...opts, input: { reason: '' } }).catch((e) => e);
		expect(err.issues).toEqual([{ field: 'reason', message: 'handling_error_close_reason_required' }]);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
		const after = await closeTicket(t.db, { ...opts, input: { reason: 'Anmälaren behöver inte längre hjälp.' } });
		expect(after.state).toBe('closed');
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({ data: { unsolved: true } });
		expect((await closeTicket(t.db, { ...opts, input: { reason: 'Igen' } }).catch((e) => e)).code).toBe('CONFLICT');
	});
});
