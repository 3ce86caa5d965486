// Covers: appendTicketEvent, getTicketTimeline, presentCase, presentTimeline, respondToTicket.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTeam, buildTicket, moveTicket, SAMPLE_FILES } from '../../../../../tests/factories';
import { appendTicketEvent } from './append-event';
import { getTicketTimeline } from './get-ticket-timeline';
import { presentCase, presentTimeline } from './present-timeline';
import { respondToTicket } from './respond-to-ticket';

const t = useTestDatabase();

describe("a case's timeline", () => {
	it('shows public steps in order to the requester and internal notes only to handlers', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db, { input: { title: '<img src=x onerror=alert(1)>' } });
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		const team = await buildTeam(t.db, { organizerId, name: 'IT-centralen' });
		const { ticket: t1 } = await appendTicketEvent(t.db, ticket, {
			actorId: keyPerson.personId,
			by: 'handler',
			kind: 'note',
			public: false,
			body: 'Nog lampan.'
		});
		await appendTicketEvent(t.db, t1, {
			actorId: keyPerson.personId,
			by: 'handler',
			kind: 'escalate',
			public: true,
			body: 'Behöver ny lampa',
			lineTo: 2,
			data: { teamId: team.id },
			patch: { teamId: team.id }
		});

		const mine = await getTicketTimeline(t.db, { actor: requester, organizerId, number: ticket.number });
		const items = presentTimeline(mine);
		expect(items.map((i) => i.kind)).toEqual(['filed', 'escalate']);
		expect(items[1]).toMatchObject({ who: keyPerson.name, lineTo: 2, teamName: 'IT-centralen', body: 'Behöver ny lampa', internal: false });
		expect(mine.can).toMatchObject({ internal: false, work: false, respond: true, rate: false });
		expect(presentCase(mine)).toMatchObject({
			title: '<img src=x onerror=alert(1)>',
			line: 2,
			teamName: 'IT-centralen',
			requesterName: requester.name
		});

		const theirs = presentTimeline(await getTicketTimeline(t.db, { actor: keyPerson, organizerId, number: ticket.number }));
		expect(theirs.map((i) => [i.kind, i.internal])).toEqual([
			['filed', false],
			['note', true],
			['escalate', false]
		]);
	});

	it('lists attachments with the step they came with, and hides the case from others', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		await respondToTicket(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			input: { body: 'Foto' },
			attachments: [{ name: 'foto.jpg', bytes: SAMPLE_FILES.jpeg }]
		});
		const items = presentTimeline(await getTicketTimeline(t.db, { actor: requester, organizerId, number: ticket.number }));
		expect(items[1].attachments).toMatchObject([{ fileName: 'foto.jpg', contentType: 'image/jpeg', sizeBytes: SAMPLE_FILES.jpeg.length }]);
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId, unitId }]);
		expect((await getTicketTimeline(t.db, { actor: colleague, organizerId, number: ticket.number }).catch((e) => e)).code).toBe(
			'NOT_FOUND'
		);
	});

	it('offers rating and reopening to the requester once the case is solved', async () => {
		const { ticket, organizerId, unitId, requester } = await buildTicket(t.db);
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId }]);
		await moveTicket(t.db, ticket, { stateTo: 'solved', handlerId: keyPerson.personId });
		const tl = await getTicketTimeline(t.db, { actor: requester, organizerId, number: ticket.number });
		expect(tl.can).toMatchObject({ rate: true, reopen: true });
		expect(presentCase(tl).reopenUntil).not.toBeNull();
		const later = await getTicketTimeline(t.db, {
			actor: requester,
			organizerId,
			number: ticket.number,
			now: new Date(Date.now() + 15 * 86400000)
		});
		expect(later.can.reopen).toBe(false);
	});
});
