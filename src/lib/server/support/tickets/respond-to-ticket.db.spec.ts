// Covers: respondToTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTicket, moveTicket, SAMPLE_FILES } from '../../../../../tests/factories';
import { auditEvents, ticketAttachments, ticketEvents, tickets } from '../../db/schema';
import { respondToTicket } from './respond-to-ticket';

const t = useTestDatabase();
const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');

async function snapshot(ticketId: string) {
	const [row] = await t.db.select().from(tickets).where(eq(tickets.id, ticketId));
	const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId));
	const files = await t.db.select({ id: ticketAttachments.id }).from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticketId));
	return { state: row.state, updatedAt: row.updatedAt, events: events.length, files: files.length };
}

describe('the requester replying on their case', () => {
	it('stores the reply as text, script tags and all, with its files, and audits it', async () => {
		const { ticket, organizerId, requester } = await buildTicket(t.db);
		const body = '<script>alert("hej")</script>\nRad två';
		await respondToTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { body },
			attachments: [{ name: 'bild.png', bytes: SAMPLE_FILES.png }]
		});
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
		const reply = events.find((e) => e.kind === 'reply')!;
		expect(reply).toMatchObject({ body, by: 'requester', public: true, stateTo: null });
		const files = await t.db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticket.id));
		expect(files).toMatchObject([{ eventId: reply.id, fileName: 'bild.png', contentType: 'image/png' }]);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ticket.id));
		expect(audit.map((a) => a.action)).toContain('ticket.respond');
	});

	it('hands a case that waits on the requester back to support', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		await moveTicket(t.db, ticket, { stateTo: 'waiting_requester', handlerId: keyPerson.personId });
		const after = await respondToTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { body: 'Nu har jag startat om.' }
		});
		expect(after).toMatchObject({ state: 'in_progress', waitingSince: null });
	});

	it('refuses an empty reply or a disguised file and writes nothing', async () => {
		const { ticket, organizerId, requester } = await buildTicket(t.db);
		const before = await snapshot(ticket.id);
		const err = await respondToTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { body: '   ' },
			attachments: [{ name: 'bild.png', bytes: html }]
		}).catch((e) => e);
		expect(err.code).toBe('INVALID');
		expect(err.issues).toEqual([
			{ field: 'body', message: 'tickets_error_reply_required' },
			{ field: 'attachments', message: 'tickets_error_attachment_type' }
		]);
		const big = new Uint8Array(3 * 1024 * 1024);
		big.set(SAMPLE_FILES.png);
		const err2 = await respondToTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { body: 'Här är en bild' },
			attachments: [
				{ name: 'ok.pdf', bytes: SAMPLE_FILES.pdf },
				{ name: 'stor.png', bytes: big }
			]
		}).catch((e) => e);
		expect(err2.issues).toEqual([{ field: 'attachments', message: 'tickets_error_attachment_too_large' }]);
		expect(await snapshot(ticket.id)).toEqual(before);
	});

	it('does not let someone else reply, and hides the case from a stranger', async () => {
		const { ticket, organizerId, unitId } = await buildTicket(t.db);
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId, unitId }]);
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		const input = { body: 'Jag svarar också' };
		expect((await respondToTicket(t.db, { actor: colleague, organizerId, number: ticket.number, input }).catch((e) => e)).code).toBe(
			'NOT_FOUND'
		);
		expect((await respondToTicket(t.db, { actor: keyPerson, organizerId, number: ticket.number, input }).catch((e) => e)).code).toBe(
			'FORBIDDEN'
		);
		expect((await snapshot(ticket.id)).events).toBe(1);
	});

	it('refuses a reply on a solved case: it must be reopened', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		await moveTicket(t.db, ticket, { stateTo: 'solved', handlerId: keyPerson.personId });
		const err = await respondToTicket(t.db, { actor: requester, organizerId, number: ticket.number, input: { body: 'Tack!' } }).catch(
			(e) => e
		);
		expect(err).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'body', message: 'tickets_error_reply_closed' }] });
	});
});
