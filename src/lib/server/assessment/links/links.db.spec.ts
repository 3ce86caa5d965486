// Covers: createLink, regenerateLink, findLinks, linkUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentLinks, auditEvents } from '../../db/schema';
import type { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { createLink } from './create-link';
import { regenerateLink } from './regenerate-link';
import { findLinks, linkUrl } from './find-links';

let h: DbHandle;
let organizerId: string;
let admin: Actor;
let round: Awaited<ReturnType<typeof buildRound>>;
beforeAll(async () => {
	h = await createTestDatabase();
	const org = await buildOrganizer(h.db);
	organizerId = org.id;
	admin = await buildActor(h.db, [{ role: 'org_admin', organizerId }]);
	round = await buildRound(h.db, {
		organizer: org,
		units: [await buildUnit(h.db, { organizerId }), await buildUnit(h.db, { organizerId })],
		perspectives: ['staff', 'students']
	});
});
afterAll(() => h.close());

const links = () => h.db.select().from(assessmentLinks).orderBy(asc(assessmentLinks.id));
async function refused(call: () => Promise<unknown>): Promise<AppError> {
	const before = await links();
	const e = (await call().catch((x: AppError) => x)) as AppError;
	expect(e?.name).toBe('AppError');
	expect(await links()).toEqual(before);
	return e;
}

describe('anonymous links', () => {
	it('creates one link per unit and perspective with a long random token, and creating again returns the same link', async () => {
		const scope = { organizerId, roundId: round.id, unitId: round.units[0].id, perspective: 'students' };
		const link = await createLink(h.db, { actor: admin, ...scope });
		expect(link.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
		const again = await createLink(h.db, { actor: admin, ...scope });
		expect(again.token).toBe(link.token);
		const other = await createLink(h.db, { actor: admin, ...scope, unitId: round.units[1].id });
		expect(other.token).not.toBe(link.token);
		const listed = await findLinks(h.db, { actor: admin, organizerId, roundId: round.id });
		expect(listed).toHaveLength(2);
		expect(linkUrl('https://rodtrad.exempel.se/', link.token)).toBe(`https://rodtrad.exempel.se/s/${link.token}`);
		const audits = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessment_link.create'));
		expect(audits).toHaveLength(2);
		expect(JSON.stringify(audits)).not.toContain(link.token);
	});

	it('regenerating gives a new token, so the old one no longer finds the link', async () => {
		const scope = { organizerId, roundId: round.id, unitId: round.units[0].id, perspective: 'staff' };
		const old = await createLink(h.db, { actor: admin, ...scope });
		const fresh = await regenerateLink(h.db, { actor: admin, ...scope });
		expect(fresh.id).toBe(old.id);
		expect(fresh.token).not.toBe(old.token);
		expect(await h.db.select().from(assessmentLinks).where(eq(assessmentLinks.token, old.token))).toEqual([]);
		expect(await h.db.select().from(assessmentLinks).where(eq(assessmentLinks.token, fresh.token))).toHaveLength(1);
		expect(await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'assessment_link.regenerate'))).toHaveLength(1);
	});

	it('refuses a unit outside the round, a perspective outside the round, a missing link and a closed round', async () => {
		const foreign = await buildUnit(h.db);
		const base = { actor: admin, organizerId, roundId: round.id, unitId: round.units[1].id, perspective: 'students' };
		expect((await refused(() => createLink(h.db, { ...base, unitId: foreign.id }))).code).toBe('NOT_FOUND');
		expect((await refused(() => createLink(h.db, { ...base, perspective: 'leadership' }))).code).toBe('INVALID');
		expect((await refused(() => regenerateLink(h.db, { ...base, perspective: 'staff' }))).code).toBe('NOT_FOUND');
		const closed = await buildRound(h.db, { organizerId, units: round.units, closedAt: new Date() });
		expect((await refused(() => createLink(h.db, { ...base, roundId: closed.id }))).code).toBe('CONFLICT');
	});

	it('is only for those who manage rounds', async () => {
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId, unitId: round.units[0].id }]);
		const e = await refused(() =>
			createLink(h.db, { actor: principal, organizerId, roundId: round.id, unitId: round.units[0].id, perspective: 'staff' })
		);
		expect(e.code).toBe('FORBIDDEN');
	});
});
