// Covers: fileAppRequest, tickRequestCheck, settleToolRequests (through decideTool), getAppRequest, findAppRequests, getCaseAppRequest.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { appRequests, appTools, auditEvents, ticketEvents, tickets } from '../../db/schema';
import { DEFAULT_CALENDAR } from '../../support/sla';
import { decideTool } from '../decide-tool';
import { findWhitelist } from '../find-whitelist';
import { fileAppRequest } from './file-app-request';
import { findAppRequests } from './find-app-requests';
import { getAppRequest } from './get-app-request';
import { getCaseAppRequest } from './get-case-app-request';
import { requestDueAt } from './request-timing';
import { tickRequestCheck } from './tick-request-check';

const t = useTestDatabase();

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null, organizerId = organizer.id) =>
		buildActor(t.db, [{ role, organizerId, unitId }]);
	const other = await buildOrganizer(t.db);
	return {
		organizer,
		unit,
		central: await on('central_pedagogical_support'),
		principal: await on('principal', unit.id),
		teacher: await on('staff', unit.id),
		reader: await on('reader'),
		otherCentral: await on('central_pedagogical_support', null, other.id),
		other
	};
}

const caught = async (p: Promise<unknown>) =>
	(await p.then(() => null).catch((e) => e)) as { code: string; issues: { field: string; message: string }[] };
const requestForm = (unitId: string, o: Record<string, unknown> = {}) => ({
	name: 'Bokstavsjakten',
	vendor: 'Lekfull Läsning AB',
	url: 'https://bokstavsjakten.example',
	purpose: 'Lästräning i små grupper.',
	schoolForms: ['compulsory'],
	yearFrom: '4',
	yearTo: '9',
	dataDescription: 'Elevernas namn och klass via skolans inloggning.',
	chain: 'pedagogical',
	unitId,
	...o
});

describe('requesting a new digital tool through a support case', () => {
	it('files an ordinary case and an undecided register entry, due in 5 working days, and links a second request to the same tool', async () => {
		const s = await setup();
		const { request, ticket, tool } = await fileAppRequest(t.db, {
			actor: s.teacher,
			organizerId: s.organizer.id,
			input: requestForm(s.unit.id)
		});
		expect(ticket).toMatchObject({ chain: 'pedagogical', unitId: s.unit.id, requesterId: s.teacher.personId, state: 'new', line: 1 });
		expect(ticket.title).toBe('Begäran om digitalt verktyg: Bokstavsjakten');
		expect(ticket.description).toContain('Lästräning i små grupper.');
		expect(request).toMatchObject({ toolId: tool.id, schoolForms: ['compulsory'], yearFrom: 4, yearTo: 9, decisionId: null });
		expect(request.dueAt).toEqual(requestDueAt(DEFAULT_CALENDAR, ticket.createdAt));
		const [entry] = await t.db.select().from(appTools).where(eq(appTools.id, tool.id));
		expect(entry).toMatchObject({ name: 'Bokstavsjakten', vendor: 'Lekfull Läsning AB', personalData: true, organizerId: s.organizer.id });
		// Undecided: not on the whitelist yet.
		expect(await findWhitelist(t.db, { actor: s.teacher, organizerId: s.organizer.id, q: 'bokstav' })).toEqual([]);

		const again = await fileAppRequest(t.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			input: requestForm(s.unit.id, { name: ' bokstavsjakten ' })
		});
		expect(again.tool.id).toBe(tool.id);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, request.id), eq(auditEvents.action, 'app_request.create')));
		expect(audit.changes).toMatchObject({ ticket: [null, ticket.number], newTool: true });
		// The case page's box: the due date for everyone who sees the case; the review link for the 2nd line only.
		expect(await getCaseAppRequest(t.db, { actor: s.teacher, organizerId: s.organizer.id, number: ticket.number })).toMatchObject({
			toolName: 'Bokstavsjakten',
			standing: 'open',
			canReview: false
		});
	});

	it('says what is missing beside the field, and refuses a reader, a student and a unit the person may not file for', async () => {
		const s = await setup();
		const bad = await caught(
			fileAppRequest(t.db, {
				actor: s.teacher,
				organizerId: s.organizer.id,
				input: requestForm(s.unit.id, { purpose: ' ', yearFrom: '9', yearTo: '4' })
			})
		);
		expect(bad.code).toBe('INVALID');
		expect(bad.issues).toEqual([{ field: 'purpose', message: 'apprequests_error_purpose' }]);
		const order = await caught(
			fileAppRequest(t.db, { actor: s.teacher, organizerId: s.organizer.id, input: requestForm(s.unit.id, { yearFrom: '9', yearTo: '4' }) })
		);
		expect(order.issues).toEqual([{ field: 'yearTo', message: 'apps_error_years_order' }]);
		expect((await caught(fileAppRequest(t.db, { actor: s.reader, organizerId: s.organizer.id, input: requestForm(s.unit.id) }))).code).toBe(
			'FORBIDDEN'
		);
		const elsewhere = await buildUnit(t.db, { organizerId: s.organizer.id });
		const wrongUnit = await caught(
			fileAppRequest(t.db, { actor: s.teacher, organizerId: s.organizer.id, input: requestForm(elsewhere.id, { name: 'Annat' }) })
		);
		expect(wrongUnit.code).toBe('FORBIDDEN');
		// Nothing half-written: no tool of that name.
		expect(
			await t.db
				.select()
				.from(appTools)
				.where(and(eq(appTools.organizerId, s.organizer.id), eq(appTools.nameKey, 'annat')))
		).toEqual([]);
	});
});

describe('the 2nd line reviews the request as a checklist and decides', () => {
	it('ticks items with a note, by whom and when; a teacher cannot, and another organizer sees nothing', async () => {
		const s = await setup();
		const { request } = await fileAppRequest(t.db, { actor: s.teacher, organizerId: s.organizer.id, input: requestForm(s.unit.id) });
		const base = { organizerId: s.organizer.id, requestId: request.id };
		await tickRequestCheck(t.db, { ...base, actor: s.central, input: { item: 'agreement', done: 'on', note: 'Avtal finns sedan 2025.' } });
		await tickRequestCheck(t.db, { ...base, actor: s.central, input: { item: 'cost', done: 'on', note: 'Gratis' } });
		await tickRequestCheck(t.db, { ...base, actor: s.central, input: { item: 'cost', note: '' } });
		const page = await getAppRequest(t.db, { ...base, actor: s.central });
		expect(page.checklist.map((c) => [c.item, c.done, c.note])).toEqual([
			['agreement', true, 'Avtal finns sedan 2025.'],
			['classification', false, ''],
			['accessibility', false, ''],
			['interoperability', false, ''],
			['cost', false, '']
		]);
		expect(page.checklist[0].by).toBe(s.central.name);
		expect(page.checklist[0].at).toBeInstanceOf(Date);
		expect(page.request.requesterName).toBe(s.teacher.name);

		for (const actor of [s.teacher, s.principal])
			expect((await caught(tickRequestCheck(t.db, { ...base, actor, input: { item: 'cost', done: 'on' } }))).code).toBe('FORBIDDEN');
		expect((await caught(getAppRequest(t.db, { ...base, actor: s.teacher }))).code).toBe('FORBIDDEN');
		// Another organizer's 2nd line: refused at this organizer, and the request is unknown at its own.
		expect((await caught(tickRequestCheck(t.db, { ...base, actor: s.otherCentral, input: { item: 'cost', done: 'on' } }))).code).toBe(
			'FORBIDDEN'
		);
		const foreign = { organizerId: s.other.id, requestId: request.id, actor: s.otherCentral };
		expect((await caught(tickRequestCheck(t.db, { ...foreign, input: { item: 'cost', done: 'on' } }))).code).toBe('NOT_FOUND');
		expect((await caught(getAppRequest(t.db, foreign))).code).toBe('NOT_FOUND');
		const bad = await caught(tickRequestCheck(t.db, { ...base, actor: s.central, input: { item: 'colour', done: 'on' } }));
		expect(bad.issues).toEqual([{ field: 'item', message: 'apprequests_error_item' }]);
		const audits = await t.db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, request.id), eq(auditEvents.action, 'app_request.check')));
		expect(audits).toHaveLength(3);
	});

	it('a decision answers the case with a public reply and solves it, and the tool is on the whitelist with its condition', async () => {
		const s = await setup();
		const { request, ticket, tool } = await fileAppRequest(t.db, {
			actor: s.teacher,
			organizerId: s.organizer.id,
			input: requestForm(s.unit.id)
		});
		await buildAgreement(t.db, { organizerId: s.organizer.id, toolId: tool.id, createdBy: s.central.personId });
		await decideTool(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			toolId: tool.id,
			input: {
				outcome: 'approved_with_conditions',
				schoolForms: ['compulsory'],
				yearFrom: '4',
				yearTo: '9',
				conditions: 'Bara med skolans konton.'
			}
		});
		const [solved] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
		expect(solved).toMatchObject({ state: 'solved', solvedById: s.central.personId });
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id)).orderBy(asc(ticketEvents.id));
		const last = events[events.length - 1];
		expect(last).toMatchObject({ kind: 'solve', public: true, by: 'handler', stateTo: 'solved' });
		expect(last.body).toContain('Beslut om Bokstavsjakten: godkänt med villkor.');
		expect(last.body).toContain('Grundskola, åk 4–9');
		expect(last.body).toContain('Bara med skolans konton.');
		const [after] = await t.db.select().from(appRequests).where(eq(appRequests.id, request.id));
		expect(after.decidedAt).toBeInstanceOf(Date);
		expect(after.decisionId).not.toBeNull();

		const [entry] = await findWhitelist(t.db, { actor: s.teacher, organizerId: s.organizer.id, q: 'bokstavsjakten' });
		expect(entry).toMatchObject({ outcome: 'approved_with_conditions', yearFrom: 4, yearTo: 9, conditions: 'Bara med skolans konton.' });
		// The checklist is the record once decided.
		const late = await caught(
			tickRequestCheck(t.db, { actor: s.central, organizerId: s.organizer.id, requestId: request.id, input: { item: 'cost', done: 'on' } })
		);
		expect(late).toMatchObject({ code: 'CONFLICT', issues: [{ field: 'note', message: 'apprequests_error_decided' }] });
		// A later decision about the tool does not touch the answered request or its case again.
		await decideTool(t.db, {
			actor: s.central,
			organizerId: s.organizer.id,
			toolId: tool.id,
			input: { outcome: 'refused', reasons: 'Avtalet sades upp.' }
		});
		const [still] = await t.db.select().from(appRequests).where(eq(appRequests.id, request.id));
		expect(still.decisionId).toBe(after.decisionId);
		expect(await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id))).toHaveLength(events.length);
	});

	it('measures lead time in working days across a weekend and the Christmas holidays, and counts decided in time', async () => {
		const s = await setup();
		const filedAt = new Date('2026-12-18T09:00:00Z'); // Friday 10:00 in Stockholm
		const dueAt = requestDueAt(DEFAULT_CALENDAR, filedAt); // Tuesday 29 December 10:00
		const made: Awaited<ReturnType<typeof fileAppRequest>>[] = [];
		for (const name of ['Verktyg A', 'Verktyg B', 'Verktyg C']) {
			const filed = await fileAppRequest(t.db, {
				actor: s.teacher,
				organizerId: s.organizer.id,
				input: requestForm(s.unit.id, { name })
			});
			await t.db.update(appRequests).set({ createdAt: filedAt, dueAt }).where(eq(appRequests.id, filed.request.id));
			made.push(filed);
		}
		const decide = async (i: number, decidedAt: Date) => {
			await decideTool(t.db, {
				actor: s.central,
				organizerId: s.organizer.id,
				toolId: made[i].tool.id,
				input: { outcome: 'refused', reasons: 'Nej.' }
			});
			await t.db.update(appRequests).set({ decidedAt }).where(eq(appRequests.id, made[i].request.id));
		};
		await decide(0, new Date('2026-12-22T09:00:00Z')); // Tuesday: 2 working days
		await decide(1, new Date('2026-12-29T09:00:00Z')); // Tuesday after Christmas: 5 working days, just in time
		const found = await findAppRequests(t.db, { actor: s.principal, organizerId: s.organizer.id, now: new Date('2026-12-30T09:00:00Z') });
		const byName = new Map(found.rows.map((r) => [r.toolName, r]));
		expect(byName.get('Verktyg A')).toMatchObject({ leadDays: 2, standing: 'decided_in_time' });
		expect(byName.get('Verktyg B')).toMatchObject({ leadDays: 5, standing: 'decided_in_time' });
		expect(byName.get('Verktyg C')).toMatchObject({ leadDays: null, standing: 'overdue' });
		expect(found.figures).toEqual({ decided: 2, inTime: 2, medianDays: 2, waiting: 1, overdue: 1 });
		expect(found.canReview).toBe(false);
		// A teacher follows the request through the case, not the register's list.
		expect((await caught(findAppRequests(t.db, { actor: s.teacher, organizerId: s.organizer.id }))).code).toBe('FORBIDDEN');
	});
});
