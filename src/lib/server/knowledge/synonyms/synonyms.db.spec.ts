// Covers: addSynonymGroup, removeSynonymGroup, findSynonymGroups.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { auditEvents } from '../../db/schema';
import { findArticles } from '../articles/find-articles';
import { addSynonymGroup } from './add-synonym-group';
import { findSynonymGroups } from './find-synonym-groups';
import { removeSynonymGroup } from './remove-synonym-group';

const t = useTestDatabase();

const failure = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: { field: string; message: string }[] }) => ({ code: e.code, message: e.issues?.[0]?.message })
	);

describe("an organizer's own synonyms", () => {
	it('makes a new word find articles written with the old one, from the next search on, and is audited', async () => {
		const { organizer, actor: admin } = await buildOrgAdmin(t.db);
		await buildArticle(t.db, { organizerId: organizer.id, title: 'Låna en elevdator', body: 'Hämta den i biblioteket.' });
		const search = async (query: string) =>
			(await findArticles(t.db, { actor: admin, organizerId: organizer.id, query })).items.map((a) => a.title);
		expect(await search('kärra')).toEqual([]);

		const group = await addSynonymGroup(t.db, { actor: admin, organizerId: organizer.id, words: 'Kärra,  elevdator\n kärra ' });
		expect(await search('kärra')).toEqual(['Låna en elevdator']);
		const listed = await findSynonymGroups(t.db, { actor: admin, organizerId: organizer.id });
		expect(listed.own).toEqual([{ id: group.id, words: ['kärra', 'elevdator'] }]);
		expect(listed.shipped.some((g) => g.includes('chromebook'))).toBe(true);
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, group.id));
		expect(audit).toMatchObject({ action: 'kb_synonyms.add', actorId: admin.personId, changes: { words: ['kärra', 'elevdator'] } });

		await removeSynonymGroup(t.db, { actor: admin, organizerId: organizer.id, groupId: group.id });
		expect(await search('kärra')).toEqual([]);
		expect((await findSynonymGroups(t.db, { actor: admin, organizerId: organizer.id })).own).toEqual([]);
		expect((await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, group.id))).map((a) => a.action)).toContain(
			'kb_synonyms.remove'
		);
	});

	it('refuses a single word, a repeat of a group and a word without letters, beside the field', async () => {
		const { organizer, actor: admin } = await buildOrgAdmin(t.db);
		const add = (words: string) => failure(addSynonymGroup(t.db, { actor: admin, organizerId: organizer.id, words }));
		expect(await add('dator, dator')).toEqual({ code: 'INVALID', message: 'kb_synonyms_error_too_few' });
		expect(await add('dator, ---')).toEqual({ code: 'INVALID', message: 'kb_synonyms_error_no_letters' });
		expect(await add(`dator, ${'x'.repeat(61)}`)).toEqual({ code: 'INVALID', message: 'kb_synonyms_error_too_long' });
		expect(await add('dator, burk')).toBe('ok');
		expect(await add('BURK; dator')).toEqual({ code: 'CONFLICT', message: 'kb_synonyms_error_exists' });
	});

	it("lets only those who manage the base add or remove, and never another organizer's group", async () => {
		const { organizer, actor: admin } = await buildOrgAdmin(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
		expect(await failure(addSynonymGroup(t.db, { actor: keyPerson, organizerId: organizer.id, words: 'a1, b1' }))).toMatchObject({
			code: 'FORBIDDEN'
		});
		const group = await addSynonymGroup(t.db, { actor: admin, organizerId: organizer.id, words: 'projektor, kanon' });
		const other = await buildOrgAdmin(t.db);
		expect(
			await failure(removeSynonymGroup(t.db, { actor: other.actor, organizerId: other.organizer.id, groupId: group.id }))
		).toMatchObject({
			code: 'NOT_FOUND'
		});
		expect(await failure(removeSynonymGroup(t.db, { actor: admin, organizerId: organizer.id, groupId: 'inte-ett-id' }))).toMatchObject({
			code: 'NOT_FOUND'
		});
		expect((await findSynonymGroups(t.db, { actor: admin, organizerId: organizer.id })).own).toHaveLength(1);
	});
});
