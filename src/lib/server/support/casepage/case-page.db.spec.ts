/** Covers getCasePage, chaseCurrentLine, addInternalNote after escalation and getCaseSla (decision 027). */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { auditActionsOf, buildHandlingScene, caseSnapshot, eventsOf } from '../../../../../tests/support-handling';
import { buildTeam, buildPerson } from '../../../../../tests/factories';
import { ticketEvents, tickets } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import type { Actor } from '../../policies';
import { escalateTicket } from '../handling/escalate-ticket';
import { addInternalNote } from '../handling/add-internal-note';
import { getCasePage } from './get-case-page';
import { chaseCurrentLine } from './chase-current-line';
import { getCaseSla } from './case-sla';

const t = useTestDatabase();

async function atSupplier() {
	const s = await buildHandlingScene(t.db);
	const opts = { organizerId: s.organizerId, number: s.number };
	await escalateTicket(t.db, {
		...opts,
		actor: s.keyPerson,
		input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Behöver central hjälp.' }
	});
	await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: 'Garantiärende.' } });
	return { ...s, opts };
}

describe('the one case page for the lines that handed a case on', () => {
	it('lets the 2nd line read the whole case and add an internal note after escalating to the supplier', async () => {
		const s = await atSupplier();
		await addInternalNote(t.db, { ...s.opts, actor: s.keyPerson, input: { body: 'Bara för oss i skolan.', audience: 'staff' } });
		const page = await getCasePage(t.db, { ...s.opts, actor: s.line2.actor });
		expect(page.can).toMatchObject({ work: false, internal: true, note: true, chase: true });
		expect(page.handling).toBeNull();
		expect(page.timeline.map((i) => i.body)).toContain('Bara för oss i skolan.');
		await addInternalNote(t.db, {
			...s.opts,
			actor: s.line2.actor,
			input: { body: 'Leverantören har fått serienumret.', audience: 'all_lines' }
		});
		const notes = (await eventsOf(t.db, s.ticket.id)).filter((e) => e.kind === 'note');
		expect(notes.at(-1)).toMatchObject({ actorId: s.line2.actor.personId, public: false, body: 'Leverantören har fått serienumret.' });
		// The supplier works it now and still reads no note meant for the organization's staff.
		const supplier = await getCasePage(t.db, { ...s.opts, actor: s.line3.actor });
		expect(supplier.can).toMatchObject({ work: true, chase: false });
		expect(supplier.handling).not.toBeNull();
		expect(supplier.timeline.map((i) => i.body)).not.toContain('Bara för oss i skolan.');
		expect(supplier.noteAudiences).toEqual([]);
	});

	it('keeps a 2nd-line team that never held the case out: not found, no note', async () => {
		const s = await atSupplier();
		const person = await buildPerson(t.db, { memberOf: s.organizerId });
		await buildTeam(t.db, { organizerId: s.organizerId, line: 2, memberIds: [person.id] });
		const stranger = (await loadActor(t.db, person.id)) as Actor;
		expect((await getCasePage(t.db, { ...s.opts, actor: stranger }).catch((e) => e)).code).toBe('NOT_FOUND');
		const before = await caseSnapshot(t.db, s.ticket.id);
		const err = await addInternalNote(t.db, { ...s.opts, actor: stranger, input: { body: 'Hej' } }).catch((e) => e);
		expect(err.code).toBe('NOT_FOUND');
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
	});

	it('lets an earlier line remind the current line once in four hours, audited, never the requester', async () => {
		const s = await atSupplier();
		await chaseCurrentLine(t.db, { ...s.opts, actor: s.line2.actor, input: { body: 'Lärarna väntar.' } });
		const [chase] = (await eventsOf(t.db, s.ticket.id)).filter((e) => e.kind === 'chase');
		expect(chase).toMatchObject({ public: false, by: 'handler', body: 'Lärarna väntar.', data: { line: 3 } });
		expect((await auditActionsOf(t.db, s.ticket.id)).at(-1)).toBe('ticket.chase');
		const supplier = await getCasePage(t.db, { ...s.opts, actor: s.line3.actor });
		expect(supplier.timeline.find((i) => i.kind === 'chase')).toMatchObject({ lineAt: 3, body: 'Lärarna väntar.' });
		const requester = await getCasePage(t.db, { ...s.opts, actor: s.requester });
		expect(requester.timeline.some((i) => i.kind === 'chase')).toBe(false);

		const before = await caseSnapshot(t.db, s.ticket.id);
		const again = await chaseCurrentLine(t.db, { ...s.opts, actor: s.keyPerson, input: {} }).catch((e) => e);
		expect(again).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'body', message: 'casepage_error_chased_recently' }] });
		expect(await caseSnapshot(t.db, s.ticket.id)).toEqual(before);
		// Four hours and a minute later it may be sent again.
		await t.db
			.update(ticketEvents)
			.set({ createdAt: new Date(Date.now() - 241 * 60_000) })
			.where(eq(ticketEvents.id, chase.id));
		await expect(chaseCurrentLine(t.db, { ...s.opts, actor: s.keyPerson, input: {} })).resolves.toBeDefined();
	});

	it('refuses the chase to the current line and to the requester', async () => {
		const s = await atSupplier();
		expect((await chaseCurrentLine(t.db, { ...s.opts, actor: s.line3.actor, input: {} }).catch((e) => e)).code).toBe('FORBIDDEN');
		expect((await chaseCurrentLine(t.db, { ...s.opts, actor: s.requester, input: {} }).catch((e) => e)).code).toBe('FORBIDDEN');
	});
});

describe('the due times on the case page', () => {
	it('tells the requester when to expect feedback and shows the lines every due time with its state', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await t.db
			.update(tickets)
			.set({ slaTargets: { firstResponse: 120, feedback: 480, resolution: 2400, perLine: { 1: 600, 2: 600 } } })
			.where(eq(tickets.id, s.ticket.id));
		const requester = await getCasePage(t.db, { ...opts, actor: s.requester });
		expect(requester.sla.dues).toEqual([]);
		const lines = await getCasePage(t.db, { ...opts, actor: s.keyPerson });
		expect(lines.sla.dues.map((d) => [d.kind, d.line])).toEqual([
			['first_response', null],
			['feedback', null],
			['resolution', null],
			['line', 1]
		]);
		const [row] = await t.db.select().from(tickets).where(eq(tickets.id, s.ticket.id));
		// Far in the future (working time runs out long before): the first response is late, the feedback too.
		const later = await getCaseSla(t.db, row, new Date(Date.now() + 30 * 86_400_000));
		expect(later.dues.find((d) => d.kind === 'first_response')).toMatchObject({ status: 'breached' });
		expect(later.feedbackBy).toBeNull();
		const now = await getCaseSla(t.db, row);
		const feedback = now.dues.find((d) => d.kind === 'feedback');
		expect(['running', 'at_risk']).toContain(feedback?.status);
		expect(now.feedbackBy).toBe(feedback?.dueAt);
		expect(requester.sla.feedbackBy).toBe(feedback?.dueAt);
	});
});
