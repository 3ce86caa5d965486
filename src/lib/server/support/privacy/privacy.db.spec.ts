// Covers: loadActor, getTicketTimeline, presentCase, presentTimeline, getHandlingView, escalateTicket, assignTicket, addInternalNote, respondToTicket, findQueue, fileTicket, loadFilingOptions.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildTicket, SAMPLE_FILES } from '../../../../../tests/factories';
import { buildHandlingScene } from '../../../../../tests/support-handling';
import { auditEvents, organizers, outbox, ticketAttachments, ticketEvents } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import type { Actor } from '../../policies';
import { getTicketTimeline } from '../tickets/get-ticket-timeline';
import { presentCase, presentTimeline } from '../tickets/present-timeline';
import { getHandlingView } from '../handling/get-handling-view';
import { escalateTicket } from '../handling/escalate-ticket';
import { assignTicket } from '../handling/assign-ticket';
import { addInternalNote } from '../handling/add-internal-note';
import { respondToTicket } from '../tickets/respond-to-ticket';
import { findQueue } from '../queues/find-queue';
import { fileTicket } from '../tickets/file-ticket';
import { loadFilingOptions } from '../tickets/load-filing-options';

const t = useTestDatabase();
const PSEUDONYM = /^Skyddad person \d{4}$/;

/** A handling scene whose case was filed by a person with protected identity, and an org admin. */
async function protectedScene() {
	const s = await buildHandlingScene(t.db);
	const name = `Hemlig Person ${Math.random().toString(36).slice(2, 8)}`;
	const hidden = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }], {
		name,
		protectedIdentity: true
	});
	const { ticket } = await buildTicket(t.db, {
		organizerId: s.organizerId,
		unitId: s.unit.id,
		requester: hidden,
		input: { title: 'Datorn startar inte' }
	});
	const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: s.organizerId }]);
	return { ...s, hidden, name, ticket, number: ticket.number, admin };
}

const caseAs = async (actor: Actor, organizerId: string, number: number) => {
	const tl = await getTicketTimeline(t.db, { actor, organizerId, number });
	return { head: presentCase(tl), items: presentTimeline(tl) };
};

/** Takes the case to line 3 (supplier) through line 2. */
async function toSupplier(s: Awaited<ReturnType<typeof buildHandlingScene>>, number = s.number) {
	await escalateTicket(t.db, {
		actor: s.keyPerson,
		organizerId: s.organizerId,
		number,
		input: { fromLine: 1, teamId: s.line2.team.id, reason: 'Behöver central hjälp' }
	});
	await escalateTicket(t.db, {
		actor: s.line2.actor,
		organizerId: s.organizerId,
		number,
		input: { fromLine: 2, teamId: s.line3.team.id, reason: 'Garantiärende' }
	});
}

describe('protected identity on cases (issue 12, finding 4)', () => {
	it('shows the requester as one stable pseudonym to key people, central support and the supplier; never the name', async () => {
		const s = await protectedScene();
		const key = await caseAs(s.keyPerson, s.organizerId, s.number);
		const central = await caseAs(s.central, s.organizerId, s.number);
		expect(key.head.requesterName).toMatch(PSEUDONYM);
		expect(central.head.requesterName).toBe(key.head.requesterName);
		expect(key.items[0].who).toBe(key.head.requesterName);
		const handling = await getHandlingView(t.db, { actor: s.keyPerson, organizerId: s.organizerId, number: s.number });
		expect(handling.ticket.requesterName).toBe(key.head.requesterName);

		await toSupplier(s);
		const supplier = await caseAs(s.line3.actor, s.organizerId, s.number);
		expect(supplier.head.requesterName).toBe(key.head.requesterName);
		expect(JSON.stringify(supplier)).not.toContain(s.name);
		expect(
			JSON.stringify(await getHandlingView(t.db, { actor: s.line3.actor, organizerId: s.organizerId, number: s.number }))
		).not.toContain(s.name);
	});

	it('shows the protected person their own name, and the organization administrator the real name with an audit entry', async () => {
		const s = await protectedScene();
		expect((await caseAs(s.hidden, s.organizerId, s.number)).head.requesterName).toBe(s.name);
		expect((await caseAs(s.admin, s.organizerId, s.number)).head.requesterName).toBe(s.name);
		const audits = await t.db
			.select({ entityId: auditEvents.entityId, changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, s.admin.personId), eq(auditEvents.action, 'person.view_protected')));
		expect(audits).toEqual([{ entityId: s.hidden.personId, changes: { via: `ticket:${s.number}` } }]);
	});

	it('gives two protected people different numbers, the same in every case of the organizer', async () => {
		const s = await protectedScene();
		const other = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }], { protectedIdentity: true });
		const second = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id, requester: other });
		const again = await buildTicket(t.db, { organizerId: s.organizerId, unitId: s.unit.id, requester: s.hidden });
		const a = (await caseAs(s.central, s.organizerId, s.number)).head.requesterName;
		const b = (await caseAs(s.central, s.organizerId, second.ticket.number)).head.requesterName;
		expect(b).toMatch(PSEUDONYM);
		expect(b).not.toBe(a);
		expect((await caseAs(s.keyPerson, s.organizerId, again.ticket.number)).head.requesterName).toBe(a);
	});

	it('names a protected assignee by the pseudonym in the queue, and the real name is no search word', async () => {
		const s = await protectedScene();
		const protectedKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: s.organizerId, unitId: s.unit.id }], {
			name: `Dold Nyckelperson ${Math.random().toString(36).slice(2, 8)}`,
			protectedIdentity: true
		});
		await assignTicket(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { assigneeId: protectedKey.personId }
		});
		const row = async (actor: Actor) =>
			(await findQueue(t.db, { actor, organizerId: s.organizerId, view: 'all', limit: 100 })).tickets.find((r) => r.number === s.number);
		expect((await row(s.central))?.assigneeName).toMatch(PSEUDONYM);
		expect((await row(s.admin))?.assigneeName).toBe(protectedKey.name);
		const assignees = await getHandlingView(t.db, { actor: s.keyPerson, organizerId: s.organizerId, number: s.number });
		expect(assignees.assignees.find((p) => p.id === protectedKey.personId)?.name).toMatch(PSEUDONYM);
		expect(JSON.stringify(assignees)).not.toContain(protectedKey.name);
		const search = await findQueue(t.db, { actor: s.central, organizerId: s.organizerId, view: 'all', filters: { q: s.name } });
		expect(search.tickets.map((r) => r.number)).not.toContain(s.number);
	});

	it('names the protected requester by the pseudonym in the mail to the handler', async () => {
		const s = await protectedScene();
		await assignTicket(t.db, {
			actor: s.keyPerson,
			organizerId: s.organizerId,
			number: s.number,
			input: { assigneeId: s.keyPerson.personId }
		});
		await respondToTicket(t.db, {
			actor: s.hidden,
			organizerId: s.organizerId,
			number: s.number,
			input: { body: 'Den startar fortfarande inte.' }
		});
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.organizerId)).orderBy(asc(outbox.id));
		const mail = mails.at(-1)!;
		expect(mail.body).toMatch(/Skyddad person \d{4}/);
		expect(mail.body).not.toContain(s.name);
	});
});

describe('filing on behalf of someone (finding 7)', () => {
	async function mentorScene() {
		const s = await buildHandlingScene(t.db);
		const mentor = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }]);
		const student = await buildActor(t.db, [{ role: 'student', organizerId: s.organizerId, unitId: s.unit.id }]);
		const hiddenStudent = await buildActor(t.db, [{ role: 'student', organizerId: s.organizerId, unitId: s.unit.id }], {
			protectedIdentity: true
		});
		const head = await buildActor(t.db, [{ role: 'leadership', organizerId: s.organizerId }]);
		const input = {
			chain: 'technical',
			unitId: s.unit.id,
			title: 'Elevens dator',
			description: 'Skärmen är svart.',
			urgency: 'normal'
		} as const;
		return { ...s, mentor, student, hiddenStudent, head, input };
	}

	it('accepts exactly the people the form offers, and nobody else (a field error, nothing filed)', async () => {
		const s = await mentorScene();
		const offered = (await loadFilingOptions(t.db, { actor: s.mentor, organizerId: s.organizerId })).students.map((p) => p.id);
		expect(offered).toContain(s.student.personId);
		expect(offered).not.toContain(s.hiddenStudent.personId);
		const ok = await fileTicket(t.db, {
			actor: s.mentor,
			organizerId: s.organizerId,
			input: { ...s.input, onBehalfOfId: s.student.personId }
		});
		expect(ok.requesterId).toBe(s.student.personId);
		for (const someone of [s.head.personId, s.hiddenStudent.personId, s.central.personId]) {
			const err = await fileTicket(t.db, {
				actor: s.mentor,
				organizerId: s.organizerId,
				input: { ...s.input, onBehalfOfId: someone }
			}).catch((e) => e);
			expect(err.code).toBe('INVALID');
			expect(err.issues).toEqual([{ field: 'onBehalfOfId', message: 'support_error_choose_person' }]);
		}
	});
});

describe('students and guardians file with a short form (finding 10)', () => {
	it('gets the pupil form and drops the staff fields a student sends anyway', async () => {
		const s = await buildHandlingScene(t.db);
		await t.db
			.update(organizers)
			.set({ settings: { support: { allowStudents: true } } })
			.where(eq(organizers.id, s.organizerId));
		const student = (await loadActor(
			t.db,
			(await buildActor(t.db, [{ role: 'student', organizerId: s.organizerId, unitId: s.unit.id }])).personId
		))!;
		const options = await loadFilingOptions(t.db, { actor: student, organizerId: s.organizerId });
		expect(options.form).toBe('pupil');
		expect(options.categories).toEqual([]);
		expect((await loadFilingOptions(t.db, { actor: s.keyPerson, organizerId: s.organizerId })).form).toBe('staff');
		const filed = await fileTicket(t.db, {
			actor: student,
			organizerId: s.organizerId,
			input: {
				chain: 'technical',
				unitId: s.unit.id,
				title: 'Min dator',
				description: 'Den laddar inte.',
				urgency: 'normal',
				lostAmount: 'många',
				lostUnit: 'hour',
				studentsAffected: 30,
				deviceType: 'Personaldator',
				onBehalfOfId: s.keyPerson.personId
			}
		});
		expect(filed).toMatchObject({
			minutesLost: 0,
			lostTimeUnit: 'lesson',
			studentsAffected: 0,
			deviceType: null,
			categoryId: null,
			requesterId: student.personId
		});
	});
});

describe('internal notes have an audience (finding 10)', () => {
	it('keeps staff notes from the supplier, shows notes for all lines, and makes a supplier note one for all lines', async () => {
		const s = await buildHandlingScene(t.db);
		const opts = { organizerId: s.organizerId, number: s.number };
		await addInternalNote(t.db, { ...opts, actor: s.keyPerson, input: { body: 'Läraren har glömt lösenordet igen.' } });
		await addInternalNote(t.db, { ...opts, actor: s.keyPerson, input: { body: 'Serienummer 12345.', audience: 'all_lines' } });
		await toSupplier(s);
		const seen = async (actor: Actor) =>
			(await caseAs(actor, s.organizerId, s.number)).items.filter((i) => i.kind === 'note').map((i) => i.body);
		expect(await seen(s.line3.actor)).toEqual(['Serienummer 12345.']);
		expect(await seen(s.central)).toEqual(['Läraren har glömt lösenordet igen.', 'Serienummer 12345.']);
		expect(await seen(s.line2.actor)).toEqual(['Läraren har glömt lösenordet igen.', 'Serienummer 12345.']);
		expect((await getHandlingView(t.db, { actor: s.line3.actor, ...opts })).noteAudiences).toEqual([]);

		await addInternalNote(t.db, { ...opts, actor: s.line3.actor, input: { body: 'Bytt moderkort.', audience: 'staff' } });
		const [last] = await t.db
			.select()
			.from(ticketEvents)
			.where(eq(ticketEvents.ticketId, s.ticket.id))
			.orderBy(ticketEvents.id)
			.then((r) => r.slice(-1));
		expect(last).toMatchObject({ kind: 'note', audience: 'all_lines' });
		expect(await seen(s.line3.actor)).toEqual(['Serienummer 12345.', 'Bytt moderkort.']);
		const bad = await addInternalNote(t.db, { ...opts, actor: s.keyPerson, input: { body: 'x', audience: 'alla' as 'staff' } }).catch(
			(e) => e
		);
		expect(bad.issues).toEqual([{ field: 'audience', message: 'privacy_error_note_audience' }]);
	});
});

describe('attachment names follow their bytes (finding 10)', () => {
	it('stores a PNG named .html as .png and keeps a right extension', async () => {
		const org = await buildHandlingScene(t.db);
		const { ticket } = await buildTicket(t.db, { organizerId: org.organizerId, unitId: org.unit.id });
		const requester = (await loadActor(t.db, ticket.requesterId))!;
		await respondToTicket(t.db, {
			actor: requester,
			organizerId: org.organizerId,
			number: ticket.number,
			input: { body: 'Bilder' },
			attachments: [
				{ name: 'skärm.html', bytes: SAMPLE_FILES.png },
				{ name: 'kvitto.PDF', bytes: SAMPLE_FILES.pdf },
				{ name: 'foto', bytes: SAMPLE_FILES.jpeg }
			]
		});
		const names = (
			await t.db.select({ n: ticketAttachments.fileName }).from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticket.id))
		).map((r) => r.n);
		expect(names.sort()).toEqual(['foto.jpg', 'kvitto.PDF', 'skärm.png']);
	});
});
