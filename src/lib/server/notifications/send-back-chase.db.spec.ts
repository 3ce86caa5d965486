// Covers: notifyTicketEvent (sent_back and chased: sendBack and chaseCurrentLine tell the line that must act).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildHandlingScene } from '../../../../tests/support-handling';
import { buildActor } from '../../../../tests/factories';
import { notifications, outbox, people } from '../db/schema';
import { escalateTicket } from '../support/handling/escalate-ticket';
import { assignTicket } from '../support/handling/assign-ticket';
import { sendBack } from '../support/handling/send-back';
import { chaseCurrentLine } from '../support/casepage/chase-current-line';
import { saveNotificationPreferences } from './notification-preferences';
import { NOTIFICATION_KINDS } from './kinds';

const t = useTestDatabase();
const why = 'Behöver hjälp av nästa linje.';

const notesAbout = (ticketId: string, kind: string) =>
	t.db
		.select()
		.from(notifications)
		.where(and(eq(notifications.ticketId, ticketId), eq(notifications.kind, kind)))
		.orderBy(notifications.id);
const mailsTo = async (personId: string) => {
	const [p] = await t.db.select({ email: people.email }).from(people).where(eq(people.id, personId));
	return t.db.select().from(outbox).where(eq(outbox.toAddress, p.email));
};

/** A case escalated by the unit to line 2 and on to the supplier at line 3. */
async function atSupplier() {
	const s = await buildHandlingScene(t.db);
	const opts = { organizerId: s.organizerId, number: s.number };
	await escalateTicket(t.db, { ...opts, actor: s.keyPerson, input: { fromLine: 1, teamId: s.line2.team.id, reason: why } });
	await escalateTicket(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, teamId: s.line3.team.id, reason: why } });
	return { s, opts };
}

describe('a case sent back', () => {
	it('tells the line-2 team it returns to, in the app and by mail, and not the supplier who sent it', async () => {
		const { s, opts } = await atSupplier();
		await sendBack(t.db, { ...opts, actor: s.line3.actor, input: { fromLine: 3, reason: 'Inget fel i vår tjänst.' } });
		const notes = await notesAbout(s.ticket.id, 'sent_back');
		expect(notes.map((n) => n.personId)).toEqual([s.line2.actor.personId]);
		expect(notes[0]).toMatchObject({ email: 'immediate', readAt: null, params: { number: s.number, line: 2 } });
		const mails = await mailsTo(s.line2.actor.personId);
		expect(mails.some((m) => m.subject.includes(String(s.number)) && m.body.includes('skickats tillbaka till linje 2'))).toBe(true);
	});

	it('tells line 1 at the unit when line 2 sends it back, and nobody outside the case', async () => {
		const { s, opts } = await atSupplier();
		await sendBack(t.db, { ...opts, actor: s.line3.actor, input: { fromLine: 3, reason: 'Inget fel hos oss.' } });
		const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }]);
		await sendBack(t.db, { ...opts, actor: s.line2.actor, input: { fromLine: 2, reason: 'Skolan byter kabeln själv.' } });
		const toLineOne = (await notesAbout(s.ticket.id, 'sent_back')).filter((n) => (n.params as { line: number }).line === 1);
		const who = toLineOne.map((n) => n.personId);
		expect(who).toContain(s.keyPerson.personId);
		expect(who).toContain(s.central.personId);
		expect(who).not.toContain(s.line2.actor.personId);
		expect(who).not.toContain(outsider.personId);
		expect(who).not.toContain(s.requester.personId);
	});
});

describe('a chase of the current line', () => {
	it('tells the team holding the case, not the line that chases', async () => {
		const { s, opts } = await atSupplier();
		await chaseCurrentLine(t.db, { ...opts, actor: s.line2.actor, input: { body: 'Lärarna väntar.' } });
		const notes = await notesAbout(s.ticket.id, 'chased');
		expect(notes.map((n) => n.personId)).toEqual([s.line3.actor.personId]);
		expect(notes[0]).toMatchObject({ email: 'immediate', params: { number: s.number, line: 3 } });
		expect((await mailsTo(s.line3.actor.personId)).some((m) => m.body.includes('påminner om ärende'))).toBe(true);
	});

	it('tells only the assignee when someone holds the case, by the way they chose', async () => {
		const { s, opts } = await atSupplier();
		await assignTicket(t.db, { ...opts, actor: s.line3.actor, input: { assigneeId: s.line3.actor.personId } });
		const choices = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k === 'chased' ? 'digest' : 'immediate']));
		await saveNotificationPreferences(t.db, { actor: s.line3.actor, input: choices });
		const mailsBefore = (await mailsTo(s.line3.actor.personId)).length;
		await chaseCurrentLine(t.db, { ...opts, actor: s.keyPerson, input: {} });
		const notes = await notesAbout(s.ticket.id, 'chased');
		expect(notes.map((n) => [n.personId, n.email, n.emailedAt])).toEqual([[s.line3.actor.personId, 'digest', null]]);
		expect((await mailsTo(s.line3.actor.personId)).length).toBe(mailsBefore);
	});
});
