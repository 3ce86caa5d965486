// Covers: findQueue (filter and options by device model), parseQueueParams / queueQuery (modell).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildTicket, buildUnit } from '../../../../tests/factories';
import { tickets } from '../db/schema';
import { findQueue } from '../support/queues/find-queue';
import { parseQueueParams, queueQuery } from '../support/queues/queue-params';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';

const t = useTestDatabase();

describe('the queue by device model', () => {
	it('lists only the cases about a device of the chosen model, and offers the models', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const unit = await buildUnit(t.db, { organizerId: org });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
		const model = (name: string) =>
			createDeviceModel(t.db, {
				actor: central,
				organizerId: org,
				input: { maker: 'Acme', model: name, type: 'elevdator', purchasePrice: '3000', expectedLifeMonths: '36' }
			});
		const [cheap, dear] = [await model('Billig'), await model('Dyr')];
		const device = (modelId: string, tag: string) =>
			registerDevice(t.db, { actor: central, organizerId: org, input: { assetTag: `${tag}-${org}`, modelId, unitId: unit.id } });
		const [a, b] = [await device(cheap.id, 'A'), await device(dear.id, 'B')];
		const cases = [
			(await buildTicket(t.db, { organizerId: org, unitId: unit.id })).ticket,
			(await buildTicket(t.db, { organizerId: org, unitId: unit.id })).ticket
		];
		await buildTicket(t.db, { organizerId: org, unitId: unit.id });
		await t.db.update(tickets).set({ deviceId: a.id }).where(eq(tickets.id, cases[0].id));
		await t.db.update(tickets).set({ deviceId: b.id }).where(eq(tickets.id, cases[1].id));
		const page = await findQueue(t.db, {
			actor: central,
			organizerId: org,
			view: 'all',
			filters: { modelId: cheap.id },
			withFilterOptions: true
		});
		expect(page.tickets.map((r) => r.number)).toEqual([cases[0].number]);
		expect(page.options!.models.map((mo) => mo.name)).toEqual(['Acme Billig', 'Acme Dyr']);
		const params = parseQueueParams(new URLSearchParams(`vy=all&modell=${dear.id}`));
		expect(params.filters.modelId).toBe(dear.id);
		expect(queueQuery('all', 'newest', params.filters)).toBe(`vy=all&modell=${dear.id}`);
		expect(parseQueueParams(new URLSearchParams('modell=inte-ett-id')).filters.modelId).toBeUndefined();
	});
});
