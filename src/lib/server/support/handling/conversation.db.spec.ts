// Covers: addInternalNote, closeTicket, replyToRequester.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { addInternalNote } from './add-internal-note';
import { closeTicket } from './close-ticket';
import { replyToRequester } from './reply-to-requester';

const t = useTestDatabase();

describe('replying to the requester', () => {
	it('writes a public reply, starts the work on a new case, stamps the first response and audits it', async () => {
		const s = await buildHandlingScene(t.db);
		const after = await replyToRequester(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { body: 'Jag kommer förbi efter lunch.' }
		});
		expect(after).toMatchObject({ state: 'in_progress' });
		expect(after.firstResponseAt).not.toBeNull();
		const events = await eventsOf(t.db, s.ticket.id);
		expect(events.at(-1)).toMatchObject({
			kind: 'reply',
			public: true,
			by: 'handler',
			body: 'Jag kommer förbi efter lunch.',
			stateTo: 'in_progress'
		});
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.reply']);
	});

	it('can ask the requester something and wait for the answer in the same step', async () => {
		const s = await buildHandlingScene(t.db);
		const after = await replyToRequester(t.db, {
			actor: s.central,
			organizerId: s.organizerId,
			number: s.number,
			input: { body: 'Vilket rum gäller det?', waitForRequester: 'on' }
		});
		expect(after.state).toBe('waiting_requester');
		expect(after.waitingSince).not.toBeNull();
	});

	it('keeps script in a reply as plain text and refuses an empty reply or a stranger, writing nothing', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await replyToRequester(t.db, { ...opts, actor: s.keyPerson, input: { body: '<script>alert(1)</script>' } });
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)?.body).toBe('<script>alert(1)</script>');
		const before = await caseSnapshot(t.db, s.ticket.id);
		const empty = await replyToRequester(t.db, { ...opts, actor: s.keyPerson, input: { body: '   ' } }).catch((e) => e);
		expect(empty.issues).toEqual([{ field: 'body', message: 'handling_error_reply_required' }]);
		// The requester follows the case but does not handle it; line 3 has never seen it.
		expect((await replyToRequester(t.db, { ...opts, actor: s.requester, input: { body: 'Hej' } }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect((await replyToRequester(t.db, { ...opts, actor: s.line3.actor, input: { body: 'Hej' } }).catch((e) => e)).code).toBe(
			'NOT_FOUND'
		);
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});

	it('takes no replies on a closed case', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { actor: s.keyPerson, organizerId: s.organizerId, number: s.number };
		await closeTicket(t.db, { ...opts, input: { reason: 'Löste sig av sig själv.' } });
		const before = await caseSnapshot(t.db, s.ticket.id);
		const err = await replyToRequester(t.db, { ...opts, input: { body: 'Hej igen' } }).catch((e) => e);
		expect(err.code).toBe('CONFLICT');
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});

describe('adding an internal note', () => {
	it('writes a note the requester does not see, without counting as a first response', async () => {
		const s = await buildHandlingScene(t.db);
		const after = await addInternalNote(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { body: 'Samma fel som i sal 3.' }
		});
		expect(after.firstResponseAt).toBeNull();
		expect((await eventsOf(t.db, s.ticket.id)).at(-1)).toMatchObject({ kind: 'note', public: false, body: 'Samma fel som i sal 3.' });
		expect(await auditActionsOf(t.db, s.ticket.id)).toEqual(['ticket.create', 'ticket.note']);
	});

	it('lets a watcher who no longer works the case add a note, but not the requester', async () => {
		const s = await buildHandlingScene(t.db);
		// A pedagogical key person at the unit watches technical cases there but does not work them.
		const note = { organizerId: s.organizerId, number: s.number, input: { body: 'Läraren har provet på fredag.' } };
		expect((await addInternalNote(t.db, { ...note, actor: s.pedagogicalKeyPerson })).id).toBe(s.ticket.id);
		const before = await caseSnapshot(t.db, s.ticket.id);
		expect((await addInternalNote(t.db, { ...note, actor: s.requester }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});
});
