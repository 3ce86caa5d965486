// Covers: findQueue.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { supportCategories, units } from '../../db/schema';
import { swedishSortKey } from '$lib/sort-key';
import { findQueue } from './find-queue';

const t = useTestDatabase();

const category = (organizerId: string, chain: string, name: string) =>
	t.db
		.insert(supportCategories)
		.values({ organizerId, chain, name, nameSort: swedishSortKey(name) })
		.returning()
		.then(([c]) => c);

describe('the choices of the queue filter form', () => {
	it('lists the organizer’s unarchived units and categories in Swedish order, categories by chain', async () => {
		const org = await buildOrganizer(t.db);
		const other = await buildOrganizer(t.db);
		const o = await buildUnit(t.db, { organizerId: org.id, name: 'Östra skolan' });
		const a = await buildUnit(t.db, { organizerId: org.id, name: 'Ängens skola' });
		const b = await buildUnit(t.db, { organizerId: org.id, name: 'Björkskolan' });
		const gone = await buildUnit(t.db, { organizerId: org.id, name: 'Arkivskolan' });
		await t.db.update(units).set({ archivedAt: new Date() }).where(eq(units.id, gone.id));
		await buildUnit(t.db, { organizerId: other.id, name: 'Annan skola' });
		const ped = await category(org.id, 'pedagogical', 'Lärplattform');
		const tech2 = await category(org.id, 'technical', 'Skrivare');
		const tech1 = await category(org.id, 'technical', 'Elevdator');
		const old = await category(org.id, 'technical', 'Fax');
		await t.db.update(supportCategories).set({ archivedAt: new Date() }).where(eq(supportCategories.id, old.id));
		await category(other.id, 'technical', 'Annans');
		const actor = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org.id }]);

		const page = { actor, organizerId: org.id, view: 'all' as const };
		const { options } = await findQueue(t.db, { ...page, withFilterOptions: true });
		expect(options!.units).toEqual([b, a, o].map((u) => ({ id: u.id, name: u.name })));
		expect(options!.categories).toEqual([ped, tech1, tech2].map((c) => ({ id: c.id, name: c.name, chain: c.chain })));
		// They come only when asked for.
		expect((await findQueue(t.db, page)).options).toBeNull();
	});

	it('gives empty lists to an organizer without units, categories or device models, and refuses someone without a queue', async () => {
		const org = await buildOrganizer(t.db);
		const actor = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org.id }]);
		expect((await findQueue(t.db, { actor, organizerId: org.id, view: 'all', withFilterOptions: true })).options).toEqual({
			units: [],
			categories: [],
			models: []
		});
		const outsider = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: (await buildOrganizer(t.db)).id }]);
		await expect(findQueue(t.db, { actor: outsider, organizerId: org.id, view: 'all', withFilterOptions: true })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});
