// Covers: createLink, regenerateLink, countLinkSubmissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentLinks, assessmentResponses, auditEvents } from '../../db/schema';
import type { AppError } from '../../errors';
import type { Respondent } from '../answering/respondent';
import { startResponse } from '../answering/start-response';
import { submitResponse } from '../answering/submit-response';
import { createLink } from './create-link';
import { regenerateLink } from './regenerate-link';
import { countLinkSubmissions, LINK_STARTS_PER_ADDRESS } from './link-room';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

/** An open round with one school, its administrator and a students' link that takes `capacity` responses. */
async function setup(capacity: string | number) {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit], perspectives: ['staff', 'students'] });
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const scope = { organizerId: organizer.id, roundId: round.id, unitId: unit.id, perspective: 'students' };
	const link = await createLink(h.db, { actor: admin, ...scope, capacity });
	return { organizer, unit, round, admin, scope, link };
}

/** A fresh browser (no resume cookie) that starts and submits through the link from `address`. */
async function answerOnce(token: string, address: string) {
	const fresh: Respondent = { kind: 'link', token, resumeToken: null };
	const { resumeToken } = await startResponse(h.db, { respondent: fresh, address });
	await submitResponse(h.db, { respondent: { kind: 'link', token, resumeToken } });
}

const refused = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);

describe('a link’s capacity', () => {
	it('takes as many submitted responses as the administrator stated, then refuses to start or submit another', async () => {
		const { link } = await setup('3');
		expect(link.capacity).toBe(3);
		// One browser starts before the link fills; it cannot hand in a fourth response afterwards.
		const early = await startResponse(h.db, { respondent: { kind: 'link', token: link.token, resumeToken: null }, address: '10.0.0.9' });
		for (let i = 0; i < 3; i++) await answerOnce(link.token, `10.0.0.${i}`);
		expect(await countLinkSubmissions(h.db, link.id)).toBe(3);
		expect((await refused(answerOnce(link.token, '10.0.0.7'))).message).toBe('anonymity_error_link_full');
		const late = await refused(submitResponse(h.db, { respondent: { kind: 'link', token: link.token, resumeToken: early.resumeToken } }));
		expect(late.code).toBe('CONFLICT');
		const submitted = await h.db
			.select()
			.from(assessmentResponses)
			.where(and(eq(assessmentResponses.linkId, link.id), isNotNull(assessmentResponses.submittedAt)));
		expect(submitted).toHaveLength(3);
	});

	it('refuses a capacity that is not a whole number from 1 to 1 000, naming the field, and stores nothing', async () => {
		for (const bad of ['0', '1001', '2.5', 'tjugo', '', '-3']) {
			const { organizer, unit, round, admin } = await setup(30);
			const scope = { organizerId: organizer.id, roundId: round.id, unitId: unit.id, perspective: 'staff' };
			const e = await refused(createLink(h.db, { actor: admin, ...scope, capacity: bad }));
			expect(e.code).toBe('INVALID');
			expect(e.issues).toEqual([{ field: 'capacity', message: 'anonymity_error_capacity' }]);
			expect(
				await h.db
					.select()
					.from(assessmentLinks)
					.where(and(eq(assessmentLinks.roundId, round.id), eq(assessmentLinks.perspective, 'staff')))
			).toEqual([]);
		}
	});

	it('lets the administrator state a new capacity with a new link, and audits the change', async () => {
		const { admin, scope, link } = await setup(2);
		const fresh = await regenerateLink(h.db, { actor: admin, ...scope, capacity: '25' });
		expect(fresh.capacity).toBe(25);
		expect(fresh.token).not.toBe(link.token);
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, link.id), eq(auditEvents.action, 'assessment_link.regenerate')));
		expect(event.changes).toMatchObject({ capacity: [2, 25] });
	});
});

describe('starting through a link from one address', () => {
	it(`allows ${LINK_STARTS_PER_ADDRESS} starts per quarter of an hour from one address, then refuses with RATE_LIMITED, and other addresses still start`, async () => {
		const { link } = await setup(1000);
		const start = (address: string) => startResponse(h.db, { respondent: { kind: 'link', token: link.token, resumeToken: null }, address });
		for (let i = 0; i < LINK_STARTS_PER_ADDRESS; i++) await start('192.0.2.10');
		const e = await refused(start('192.0.2.10'));
		expect(e.code).toBe('RATE_LIMITED');
		expect((await start('192.0.2.11')).resumeToken).toBeTruthy();
		const started = await h.db.select().from(assessmentResponses).where(eq(assessmentResponses.linkId, link.id));
		expect(started).toHaveLength(LINK_STARTS_PER_ADDRESS + 1);
	});
});
