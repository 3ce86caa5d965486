// Covers: getSelfHelpFigures.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { kbArticleVotes, kbDeflections } from '../../db/schema';
import { getSelfHelpFigures } from './get-self-help-figures';

const t = useTestDatabase();
const FROM = '2026-07-01';
const TO = '2027-07-01';

describe('self-help figures on the follow-up', () => {
	it('counts the filings self-help ended in the period and chain, the articles that ended most, and the votes', async () => {
		const { organizer, actor: admin } = await buildOrgAdmin(t.db);
		const organizerId = organizer.id;
		const wifi = await buildArticle(t.db, { organizerId, title: 'Anslut till wifi', chain: 'technical' });
		const printer = await buildArticle(t.db, { organizerId, title: 'Skriv ut', chain: 'technical' });
		const lesson = await buildArticle(t.db, { organizerId, title: 'Planera en lektion med AI', chain: 'pedagogical' });
		const at = (d: string) => new Date(d);
		await t.db.insert(kbDeflections).values([
			{ organizerId, articleId: wifi.id, query: 'wifi', createdAt: at('2026-09-01T10:00:00Z') },
			{ organizerId, articleId: wifi.id, query: 'nätet', createdAt: at('2026-10-01T10:00:00Z') },
			{ organizerId, articleId: printer.id, query: 'skrivare', createdAt: at('2026-10-02T10:00:00Z') },
			{ organizerId, articleId: lesson.id, query: 'ai', createdAt: at('2026-10-03T10:00:00Z') },
			{ organizerId, articleId: wifi.id, query: 'förra året', createdAt: at('2026-05-01T10:00:00Z') }
		]);
		await t.db.insert(kbArticleVotes).values([
			{ articleId: wifi.id, voterKey: 'a', helpful: true, createdAt: at('2026-09-02T10:00:00Z') },
			{ articleId: printer.id, voterKey: 'b', helpful: false, createdAt: at('2026-09-03T10:00:00Z') },
			{ articleId: lesson.id, voterKey: 'c', helpful: true, createdAt: at('2026-09-03T10:00:00Z') }
		]);

		const all = await getSelfHelpFigures(t.db, { actor: admin, organizerId, from: FROM, to: TO, chain: null });
		expect(all).toEqual({
			deflections: 4,
			byEarlierCases: 0,
			helpfulVotes: 2,
			notHelpfulVotes: 1,
			topArticles: [
				{ slug: wifi.slug, title: 'Anslut till wifi', deflections: 2 },
				{ slug: lesson.slug, title: 'Planera en lektion med AI', deflections: 1 },
				{ slug: printer.slug, title: 'Skriv ut', deflections: 1 }
			]
		});
		const technical = await getSelfHelpFigures(t.db, { actor: admin, organizerId, from: FROM, to: TO, chain: 'technical' });
		expect([technical.deflections, technical.helpfulVotes, technical.topArticles.map((a) => a.title)]).toEqual([
			3,
			1,
			['Anslut till wifi', 'Skriv ut']
		]);
		const other = await buildOrgAdmin(t.db);
		expect(
			(await getSelfHelpFigures(t.db, { actor: other.actor, organizerId: other.organizer.id, from: FROM, to: TO, chain: null })).deflections
		).toBe(0);
	});

	it('is refused to someone who may not read the organizer’s follow-up', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		await expect(
			getSelfHelpFigures(t.db, { actor: staff, organizerId: organizer.id, from: FROM, to: TO, chain: null })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});
