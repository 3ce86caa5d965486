import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, notifications, organizers, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { todayInStockholm } from '../../auth/load-actor';
import { env } from '../../env';
import { sendMail } from '../../mail/send-mail';
import { mailChoicesOf } from '../../notifications/mail-opt-outs';
import { buildNotificationMail, notificationPath, type NotificationParams } from '../../notifications/notification-text';

/**
 * Tells each article's owner when its review date has come (the daily article-review job; tests pass a made-up
 * `now`): one `article_review` notification per article and review date, in the app and by mail as the owner chose
 * (the daily digest unless they chose otherwise). Archived articles, articles without an owner and inactive owners
 * get none. Idempotent: the notification's once-only key is the article and its review date, so a new review date
 * reminds again and a second run sends nothing. Returns how many were written.
 */
export async function sendArticleReviewReminders(db: Db, now: Date, opts: { organizerId?: string } = {}): Promise<{ sent: number }> {
	const today = todayInStockholm(now);
	const due = await db
		.select({
			id: kbArticles.id,
			organizerId: kbArticles.organizerId,
			slug: kbArticles.slug,
			title: kbArticles.title,
			reviewOn: kbArticles.reviewOn,
			ownerId: people.id,
			email: people.email,
			orgSlug: organizers.slug
		})
		.from(kbArticles)
		.innerJoin(people, eq(people.id, kbArticles.ownerId))
		.innerJoin(organizers, eq(organizers.id, kbArticles.organizerId))
		.where(
			and(
				isNotNull(kbArticles.reviewOn),
				lte(kbArticles.reviewOn, today),
				isNull(kbArticles.archivedAt),
				eq(people.status, 'active'),
				opts.organizerId ? eq(kbArticles.organizerId, opts.organizerId) : undefined
			)
		);
	if (due.length === 0) return { sent: 0 };
	const mailOf = await mailChoicesOf(
		db,
		due.map((d) => d.ownerId),
		'article_review',
		'handler'
	);
	const origin = env.ORIGIN.replace(/\/+$/, '');
	let sent = 0;
	for (const a of due) {
		const mail = mailOf(a.ownerId);
		const params: NotificationParams = { number: 0, line: 0, title: a.title, article: a.slug, reviewOn: a.reviewOn! };
		const wrote = await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(notifications)
				.values({
					organizerId: a.organizerId,
					personId: a.ownerId,
					kind: 'article_review',
					articleId: a.id,
					params,
					dedupeKey: `article_review:${a.id}:${a.reviewOn}`,
					email: mail === 'off' ? 'none' : mail,
					emailedAt: mail === 'immediate' ? now : null
				})
				.onConflictDoNothing()
				.returning({ id: notifications.id });
			if (!row) return false;
			if (mail === 'immediate') {
				const link = origin + notificationPath('article_review', params, a.orgSlug);
				await sendMail(tx, { organizerId: a.organizerId, to: a.email, ...buildNotificationMail('article_review', params, link) });
			}
			await recordAudit(tx, {
				organizerId: a.organizerId,
				actorId: null,
				action: 'kb.review_remind',
				entityType: 'kb_article',
				entityId: a.id,
				changes: { reviewOn: a.reviewOn, ownerId: a.ownerId }
			});
			return true;
		});
		if (wrote) sent++;
	}
	return { sent };
}
