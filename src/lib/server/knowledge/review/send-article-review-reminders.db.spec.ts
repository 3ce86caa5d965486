// Covers: sendArticleReviewReminders, findNotifications (article_review), sendNotificationDigests (article_review).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrganizer } from '../../../../../tests/factories';
import { kbArticles, outbox, notificationPreferences, notifications } from '../../db/schema';
import { findNotifications } from '../../notifications/find-notifications';
import { sendNotificationDigests } from '../../notifications/send-notification-digests';
import { sendArticleReviewReminders } from './send-article-review-reminders';

const t = useTestDatabase();
const NOW = new Date('2027-03-10T06:30:00Z');

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const owner = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
	return { organizer, owner };
}
const remindersOf = (personId: string) =>
	t.db
		.select()
		.from(notifications)
		.where(and(eq(notifications.personId, personId), eq(notifications.kind, 'article_review')));

describe('review reminders', () => {
	it('tell the owner once per review date, again when a new date comes, never early', async () => {
		const { organizer, owner } = await setup();
		const due = await buildArticle(t.db, {
			organizerId: organizer.id,
			slug: 'vpn',
			title: 'Ansluta till VPN',
			ownerId: owner.personId,
			reviewOn: '2027-03-10'
		});
		await buildArticle(t.db, { organizerId: organizer.id, ownerId: owner.personId, reviewOn: '2027-03-11' });
		await buildArticle(t.db, { organizerId: organizer.id, ownerId: owner.personId, reviewOn: '2027-01-01', archivedAt: new Date() });
		await buildArticle(t.db, { organizerId: organizer.id, reviewOn: '2027-01-01' });
		const opts = { organizerId: organizer.id };
		expect(await sendArticleReviewReminders(t.db, NOW, opts)).toEqual({ sent: 1 });
		expect(await sendArticleReviewReminders(t.db, NOW, opts)).toEqual({ sent: 0 });
		const [row] = await remindersOf(owner.personId);
		expect(row).toMatchObject({ articleId: due.id, ticketId: null, email: 'digest' });
		const [item] = await findNotifications(t.db, { actor: owner, locale: 'sv' });
		expect(item).toMatchObject({ href: `/${organizer.slug}/hjalp/vpn`, unread: true });
		expect(item.text).toContain('Ansluta till VPN');
		expect(item.text).toContain('2027-03-10');

		// Reviewed and given a new date: reminded again when that date comes.
		await t.db.update(kbArticles).set({ reviewOn: '2027-09-01' }).where(eq(kbArticles.id, due.id));
		expect(await sendArticleReviewReminders(t.db, new Date('2027-08-31T12:00:00Z'), opts)).toEqual({ sent: 1 }); // the 2027-03-11 one
		expect(await sendArticleReviewReminders(t.db, new Date('2027-09-01T05:00:00Z'), opts)).toEqual({ sent: 1 });
		expect(await remindersOf(owner.personId)).toHaveLength(3);
	});

	it('go into the morning digest with a link to the article, or at once for an owner who chose that', async () => {
		const { organizer, owner } = await setup();
		await buildArticle(t.db, {
			organizerId: organizer.id,
			slug: 'skrivare',
			title: 'Skrivaren',
			ownerId: owner.personId,
			reviewOn: '2027-03-01'
		});
		await sendArticleReviewReminders(t.db, NOW, { organizerId: organizer.id });
		await sendNotificationDigests(t.db, NOW);
		const digest = await t.db.select().from(outbox).where(eq(outbox.organizerId, organizer.id));
		expect(digest.at(-1)?.body).toContain(`/${organizer.slug}/hjalp/skrivare`);

		const other = await setup();
		await t.db.insert(notificationPreferences).values({ personId: other.owner.personId, kind: 'article_review', email: 'immediate' });
		await buildArticle(t.db, {
			organizerId: other.organizer.id,
			title: 'Projektorn',
			ownerId: other.owner.personId,
			reviewOn: '2027-03-01'
		});
		await sendArticleReviewReminders(t.db, NOW, { organizerId: other.organizer.id });
		const [mail] = await t.db.select().from(outbox).where(eq(outbox.organizerId, other.organizer.id));
		expect(mail.subject).toBe('Dags att se över artikeln ”Projektorn”');
	});
});
