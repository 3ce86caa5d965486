// Covers: createLinks (anonymous links for many units × perspectives at once).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentLinks, auditEvents } from '../../db/schema';
import { createLink } from './create-link';
import { createLinks } from './create-links';
import { findLinkCards } from './find-link-cards';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

async function setUp(o: { closedAt?: Date } = {}) {
	const organizer = await buildOrganizer(h.db);
	const units = [
		await buildUnit(h.db, { organizerId: organizer.id }),
		await buildUnit(h.db, { organizerId: organizer.id }),
		await buildUnit(h.db, { organizerId: organizer.id })
	];
	const round = await buildRound(h.db, { organizer, units, perspectives: ['leadership', 'staff', 'students'], ...o });
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const links = () => h.db.select().from(assessmentLinks).where(eq(assessmentLinks.roundId, round.id));
	return { organizerId: organizer.id, round, units, admin, links };
}

describe('creating anonymous links by the dozen', () => {
	it('makes a link for every unit × chosen perspective, skips those that exist (same token) and audits only the new ones', async () => {
		const { organizerId, round, units, admin, links } = await setUp();
		const old = await createLink(h.db, { actor: admin, organizerId, roundId: round.id, unitId: units[0].id, perspective: 'students' });
		const r = await createLinks(h.db, { actor: admin, organizerId, roundId: round.id, perspectives: ['students', 'staff'] });
		expect(r).toEqual({ created: 5, skipped: 1 });
		const all = await links();
		expect(all).toHaveLength(6);
		expect(new Set(all.map((l) => `${l.unitId}|${l.perspective}`)).size).toBe(6);
		expect(all.some((l) => l.perspective === 'leadership')).toBe(false);
		expect(all.find((l) => l.unitId === units[0].id && l.perspective === 'students')?.token).toBe(old.token);
		const audits = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, 'assessment_link.create')));
		expect(audits).toHaveLength(6);
		expect(JSON.stringify(audits)).not.toContain(all[1].token);

		expect(await createLinks(h.db, { actor: admin, organizerId, roundId: round.id, perspectives: ['students', 'staff'] })).toEqual({
			created: 0,
			skipped: 6
		});
		expect(await links()).toHaveLength(6);
	});

	it('makes links only for the chosen units when some are chosen', async () => {
		const { organizerId, round, units, admin, links } = await setUp();
		expect(
			await createLinks(h.db, {
				actor: admin,
				organizerId,
				roundId: round.id,
				perspectives: ['leadership'],
				unitIds: [units[2].id.toUpperCase()]
			})
		).toEqual({ created: 1, skipped: 0 });
		expect((await links()).map((l) => l.unitId)).toEqual([units[2].id]);
	});

	it('writes everything in one transaction', async () => {
		const { organizerId, round, admin } = await setUp();
		const spy = vi.spyOn(h.db, 'transaction');
		await createLinks(h.db, { actor: admin, organizerId, roundId: round.id, perspectives: ['staff'] });
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockRestore();
	});

	it('refuses no perspective, a perspective outside the round, a unit outside it, a closed round and a reader, and writes nothing', async () => {
		const { organizerId, round, admin, links } = await setUp();
		const stranger = await buildUnit(h.db, { organizerId });
		const attempt = (o: Partial<Parameters<typeof createLinks>[1]>) =>
			createLinks(h.db, { actor: admin, organizerId, roundId: round.id, perspectives: ['staff'], ...o }).catch((e) => e);
		expect(await attempt({ perspectives: [] })).toMatchObject({
			code: 'INVALID',
			issues: [{ field: 'perspectives', message: 'exports_links_error_perspectives' }]
		});
		expect(await attempt({ perspectives: ['staff', 'key_people'] })).toMatchObject({ code: 'INVALID' });
		expect(await attempt({ unitIds: [round.units[0].id, stranger.id] })).toMatchObject({ code: 'NOT_FOUND' });
		const reader = await buildActor(h.db, [{ role: 'reader', organizerId }]);
		expect(await attempt({ actor: reader })).toMatchObject({ code: 'FORBIDDEN' });
		expect(await links()).toHaveLength(0);

		const closed = await setUp({ closedAt: new Date() });
		expect(
			await createLinks(h.db, {
				actor: closed.admin,
				organizerId: closed.organizerId,
				roundId: closed.round.id,
				perspectives: ['staff']
			}).catch((e) => e)
		).toMatchObject({ code: 'CONFLICT' });
		expect(await closed.links()).toHaveLength(0);
	});
});

describe('the printable link sheet', () => {
	it('gives one card per link with the full address and an SVG QR code, in unit order, optionally for one perspective', async () => {
		const { organizerId, round, admin } = await setUp();
		await createLinks(h.db, { actor: admin, organizerId, roundId: round.id, perspectives: ['students', 'staff'] });
		const { cards } = await findLinkCards(h.db, { actor: admin, organizerId, roundId: round.id, origin: 'https://rodtrad.exempel.se/' });
		expect(cards).toHaveLength(6);
		expect(cards.map((c) => c.perspective).slice(0, 2)).toEqual(['staff', 'students']);
		for (const c of cards) {
			expect(c.url).toMatch(/^https:\/\/rodtrad\.exempel\.se\/s\/[A-Za-z0-9_-]{40,}$/);
			expect(Buffer.from(c.qrDataUri.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(
				/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/
			);
		}
		const students = await findLinkCards(h.db, {
			actor: admin,
			organizerId,
			roundId: round.id,
			origin: 'https://x.se',
			perspective: 'students'
		});
		expect(students.cards.map((c) => c.perspective)).toEqual(['students', 'students', 'students']);
		const reader = await buildActor(h.db, [{ role: 'reader', organizerId }]);
		await expect(findLinkCards(h.db, { actor: reader, organizerId, roundId: round.id, origin: 'https://x.se' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});
