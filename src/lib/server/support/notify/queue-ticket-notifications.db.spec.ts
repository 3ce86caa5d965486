// Covers: appendTicketEvent, fileTicket.
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../../tests/factories';
import { outbox } from '../../db/schema';
import { env } from '../../env';
import { appendTicketEvent } from '../tickets/append-event';
import { fileTicket } from '../tickets/file-ticket';

const t = useTestDatabase();

const allMailsOf = (organizerId: string) => t.db.select().from(outbox).where(eq(outbox.organizerId, organizerId)).orderBy(asc(outbox.id));
/** The case mails, without the requester's receipt on filing (a notification, decision 026; tested in notifications/). */
const isReceipt = (m: { body: string }) => m.body.startsWith('Vi har tagit emot ditt ärende');
const mailsOf = async (organizerId: string) => (await allMailsOf(organizerId)).filter((m) => !isReceipt(m));

async function setUp() {
	const org = await buildOrganizer(t.db, { slug: `skolkommun-${Math.random().toString(36).slice(2, 8)}` });
	const built = await buildTicket(t.db, { organizerId: org.id, input: { title: 'Projektorn i sal 4' } });
	const handler = await buildPerson(t.db, { name: 'Hanna Handläggare' });
	const requester = (await t.db.query.people.findFirst({ where: (p, { eq: is }) => is(p.id, built.requester.personId) }))!;
	return { org, ticket: built.ticket, handler, requester };
}

describe('notifications about a case', () => {
	it('sends only the receipt when the requester files their own case', async () => {
		const { org, requester } = await setUp();
		expect(await mailsOf(org.id)).toEqual([]);
		expect((await allMailsOf(org.id)).map((m) => [m.toAddress, isReceipt(m)])).toEqual([[requester.email, true]]);
	});

	it('mails the requester a public reply with the case number, the text and the link, in the same transaction', async () => {
		const { org, ticket, handler, requester } = await setUp();
		await appendTicketEvent(t.db, ticket, {
			actorId: handler.id,
			by: 'handler',
			kind: 'reply',
			public: true,
			body: 'Vi byter lampan i morgon.\nMvh supporten'
		});
		const [mail] = await mailsOf(org.id);
		expect(mail.toAddress).toBe(requester.email);
		expect(mail.subject).toBe(`Ärende ${ticket.number}: Projektorn i sal 4`);
		expect(mail.body).toContain('Hanna Handläggare har svarat');
		expect(mail.body).toContain('Vi byter lampan i morgon.\nMvh supporten');
		expect(mail.body).toContain(`${env.ORIGIN}/${org.slug}/support/${ticket.number}`);
		expect(mail.body).toContain('In English');

		await t.db
			.transaction(async (tx) => {
				await appendTicketEvent(tx, ticket, { actorId: handler.id, by: 'handler', kind: 'reply', public: true, body: 'Ångrat' });
				throw new Error('rollback');
			})
			.catch(() => null);
		expect(await mailsOf(org.id)).toHaveLength(1);
	});

	it('sends nothing for an internal note', async () => {
		const { org, ticket, handler } = await setUp();
		await appendTicketEvent(t.db, ticket, { actorId: handler.id, by: 'handler', kind: 'note', public: false, body: 'Ring leverantören.' });
		expect(await mailsOf(org.id)).toEqual([]);
	});

	it('asks for a rating with one link per grade when the case is solved', async () => {
		const { org, ticket, handler } = await setUp();
		await appendTicketEvent(t.db, ticket, {
			actorId: handler.id,
			by: 'handler',
			kind: 'solve',
			public: true,
			stateTo: 'solved',
			body: 'Lampan är bytt.'
		});
		const [mail] = await mailsOf(org.id);
		expect(mail.subject).toContain('är löst');
		const link = `${env.ORIGIN}/${org.slug}/support/${ticket.number}`;
		for (const grade of [1, 2, 3, 4, 5]) expect(mail.body).toContain(`${link}?betyg=${grade}#betyg`);
	});

	it('tells the handler when the requester replies, and nobody when the case has no handler', async () => {
		const { org, ticket, handler, requester } = await setUp();
		const byRequester = {
			actorId: requester.id,
			by: 'requester' as const,
			kind: 'reply' as const,
			public: true,
			body: 'Den blinkar fortfarande.'
		};
		const { ticket: unassigned } = await appendTicketEvent(t.db, ticket, byRequester);
		expect(await mailsOf(org.id)).toEqual([]);

		const { ticket: assigned } = await appendTicketEvent(t.db, unassigned, {
			actorId: handler.id,
			by: 'handler',
			kind: 'assign',
			public: false,
			patch: { assigneeId: handler.id }
		});
		await appendTicketEvent(t.db, assigned, byRequester);
		const mails = await mailsOf(org.id);
		expect(mails.map((m) => m.toAddress)).toEqual([handler.email]);
		expect(mails[0].body).toContain('Den blinkar fortfarande.');
	});

	it('mails both the student and the mentor who filed for them, but never the one who made the change', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const mentor = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const pupil = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org.id, unitId: unit.id }] });
		const ticket = await fileTicket(t.db, {
			actor: mentor,
			organizerId: org.id,
			input: {
				chain: 'technical',
				unitId: unit.id,
				title: 'Elevdatorn startar inte',
				description: 'Svart skärm.',
				urgency: 'normal',
				onBehalfOfId: pupil.id
			}
		});
		expect((await mailsOf(org.id)).map((m) => m.toAddress)).toEqual([pupil.email]);

		const handler = await buildPerson(t.db);
		await appendTicketEvent(t.db, ticket, {
			actorId: handler.id,
			by: 'handler',
			kind: 'reply',
			public: true,
			body: 'Lämna in den i expeditionen.'
		});
		const mentorEmail = (await t.db.query.people.findFirst({ where: (p, { eq: is }) => is(p.id, mentor.personId) }))!.email;
		expect(
			(await mailsOf(org.id))
				.slice(1)
				.map((m) => m.toAddress)
				.sort()
		).toEqual([pupil.email, mentorEmail].sort());
	});
});
