// Covers: findPreventiveWork, recordPreventiveResponse, loadPreventiveTarget.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildTicket, buildUnit, moveTicket } from '../../../../../tests/factories';
import { auditEvents, supportCategories, tickets } from '../../db/schema';
import { findPreventiveWork } from './find-preventive-work';
import { loadPreventiveTarget } from './load-preventive-target';
import { recordPreventiveResponse } from './record-preventive-response';

const t = useTestDatabase();
const NOW = new Date('2026-11-20T10:00:00Z');

const failure = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: { field: string; message: string }[] }) => ({
			code: e.code,
			field: e.issues?.[0]?.field,
			message: e.issues?.[0]?.message
		})
	);

/** An organizer with two schools, a category, central support and a key person at the first school. */
async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const north = await buildUnit(t.db, { organizerId: organizer.id, name: 'Norrskolan' });
	const south = await buildUnit(t.db, { organizerId: organizer.id, name: 'Söderskolan' });
	const [category] = await t.db
		.insert(supportCategories)
		.values({ organizerId: organizer.id, chain: 'technical', name: 'Inloggning', nameSort: 'inloggning' })
		.returning();
	const keyNorth = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: north.id }]);
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id, unitId: null }]);
	return { organizerId: organizer.id, admin, north, south, category, keyNorth, central };
}

/** A case solved on `at` with a cause, perhaps flagged as self-help material. */
async function solvedCase(
	s: Awaited<ReturnType<typeof setUp>>,
	o: { unitId: string; at: string; cause: string; flagged?: boolean; title?: string; categoryId?: string | null }
) {
	const { ticket } = await buildTicket(t.db, {
		organizerId: s.organizerId,
		unitId: o.unitId,
		input: { title: o.title ?? 'Kommer inte in', categoryId: o.categoryId === undefined ? s.category.id : (o.categoryId ?? undefined) }
	});
	const solved = await moveTicket(t.db, ticket, { stateTo: 'solved', handlerId: s.admin.personId, body: 'Löst.', at: new Date(o.at) });
	await t.db
		.update(tickets)
		.set({ cause: o.cause, selfHelpSuggested: o.flagged ?? false })
		.where(eq(tickets.id, solved.id));
	return solved;
}

describe("the preventive line's workbench", () => {
	it('groups user errors by category and month with the units that had most, and lists flagged cases', async () => {
		const s = await setUp();
		await solvedCase(s, { unitId: s.north.id, at: '2026-11-03T09:00:00Z', cause: 'user_error' });
		await solvedCase(s, { unitId: s.north.id, at: '2026-11-10T09:00:00Z', cause: 'user_error' });
		await solvedCase(s, { unitId: s.south.id, at: '2026-11-12T09:00:00Z', cause: 'user_error' });
		await solvedCase(s, { unitId: s.south.id, at: '2026-11-18T09:00:00Z', cause: 'user_error' });
		await solvedCase(s, { unitId: s.south.id, at: '2026-10-31T23:30:00Z', cause: 'user_error' }); // 1 November in Sweden
		await solvedCase(s, { unitId: s.south.id, at: '2026-10-15T09:00:00Z', cause: 'user_error', categoryId: null });
		await solvedCase(s, { unitId: s.north.id, at: '2026-11-05T09:00:00Z', cause: 'hardware' });
		await solvedCase(s, { unitId: s.north.id, at: '2026-03-05T09:00:00Z', cause: 'user_error' }); // too old
		const flagged = await solvedCase(s, {
			unitId: s.south.id,
			at: '2026-11-15T09:00:00Z',
			cause: 'software',
			flagged: true,
			title: 'Appen kraschar'
		});

		const work = await findPreventiveWork(t.db, { actor: s.central, organizerId: s.organizerId, now: NOW });
		expect(work.clusters.map((c) => [c.month, c.categoryName, c.cases, c.units, c.topUnits])).toEqual([
			['2026-11', 'Inloggning', 5, 2, ['Söderskolan', 'Norrskolan']],
			['2026-10', null, 1, 1, ['Söderskolan']]
		]);
		expect(work.flagged).toEqual([
			expect.objectContaining({
				number: flagged.number,
				title: 'Appen kraschar',
				unitName: 'Söderskolan',
				categoryName: 'Inloggning',
				responses: []
			})
		]);
	});

	it('shows a key person only the cases of their own unit', async () => {
		const s = await setUp();
		await solvedCase(s, { unitId: s.north.id, at: '2026-11-03T09:00:00Z', cause: 'user_error' });
		await solvedCase(s, { unitId: s.south.id, at: '2026-11-04T09:00:00Z', cause: 'user_error', flagged: true });
		const work = await findPreventiveWork(t.db, { actor: s.keyNorth, organizerId: s.organizerId, now: NOW });
		expect(work.clusters.map((c) => [c.cases, c.topUnits])).toEqual([[1, ['Norrskolan']]]);
		expect(work.flagged).toEqual([]);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.north.id }]);
		expect(await failure(findPreventiveWork(t.db, { actor: staff, organizerId: s.organizerId }))).toMatchObject({ code: 'FORBIDDEN' });
	});

	it('records an article written for a flagged case and a training for a cluster, audited, and shows them', async () => {
		const s = await setUp();
		const flagged = await solvedCase(s, { unitId: s.south.id, at: '2026-11-15T09:00:00Z', cause: 'user_error', flagged: true });
		const article = await buildArticle(t.db, { organizerId: s.organizerId, slug: 'logga-in-med-bankid', title: 'Logga in med BankID' });
		await recordPreventiveResponse(t.db, {
			actor: s.central,
			organizerId: s.organizerId,
			target: { ticketNumber: String(flagged.number) },
			input: { kind: 'article', note: '', articleSlug: `http://localhost/x/hjalp/${article.slug}?skapad` }
		});
		await recordPreventiveResponse(t.db, {
			actor: s.central,
			organizerId: s.organizerId,
			target: { categoryId: s.category.id, month: '2026-11' },
			input: { kind: 'training', note: 'Kort genomgång på APT i båda skolorna.' }
		});
		const work = await findPreventiveWork(t.db, { actor: s.central, organizerId: s.organizerId, now: NOW });
		expect(work.flagged[0].responses).toEqual([
			expect.objectContaining({ kind: 'article', articleSlug: article.slug, articleTitle: 'Logga in med BankID' })
		]);
		expect(work.clusters[0].responses).toEqual([
			expect.objectContaining({ kind: 'training', note: 'Kort genomgång på APT i båda skolorna.' })
		]);
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.organizerId, s.organizerId));
		expect(audits.filter((a) => a.action === 'preventive_response.create')).toHaveLength(2);
	});

	it('refuses a missing note, an unknown article and a case or month that is not there, and writes nothing', async () => {
		const s = await setUp();
		const flagged = await solvedCase(s, { unitId: s.south.id, at: '2026-11-15T09:00:00Z', cause: 'user_error', flagged: true });
		const plain = await solvedCase(s, { unitId: s.south.id, at: '2026-11-16T09:00:00Z', cause: 'user_error' });
		const record = (
			target: Parameters<typeof recordPreventiveResponse>[1]['target'],
			input: { kind: string; note: string; articleSlug?: string }
		) => failure(recordPreventiveResponse(t.db, { actor: s.central, organizerId: s.organizerId, target, input }));
		const onCase = { ticketNumber: String(flagged.number) };
		expect(await record(onCase, { kind: 'training', note: '  ' })).toEqual({
			code: 'INVALID',
			field: 'note',
			message: 'prevent_error_note_missing'
		});
		expect(await record(onCase, { kind: 'article', note: '', articleSlug: 'finns-inte' })).toEqual({
			code: 'INVALID',
			field: 'articleSlug',
			message: 'prevent_error_article_unknown'
		});
		expect(await record(onCase, { kind: 'party', note: 'x' })).toMatchObject({ code: 'INVALID', field: 'kind' });
		expect(await record({ ticketNumber: String(plain.number) }, { kind: 'no_action', note: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
		expect(await record({ categoryId: s.category.id, month: '2026-13' }, { kind: 'no_action', note: 'x' })).toMatchObject({
			code: 'NOT_FOUND'
		});
		const other = await buildOrgAdmin(t.db);
		expect(
			await failure(
				loadPreventiveTarget(t.db, {
					actor: other.actor,
					organizerId: other.organizer.id,
					target: { categoryId: s.category.id, month: '2026-11' }
				})
			)
		).toMatchObject({ code: 'NOT_FOUND' });
		expect((await findPreventiveWork(t.db, { actor: s.central, organizerId: s.organizerId, now: NOW })).flagged[0].responses).toEqual([]);
	});
});
