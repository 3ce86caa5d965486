import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { boardReportReaders, boardReports, organizers, people } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import { can } from '../../policies';
import { env } from '../../env';
import { sendMail } from '../../mail/send-mail';
import { bilingualMail } from '../../mail/bilingual-mail';
import { m } from '$lib/paraglide/messages';
import { termOf } from './period';
import { boardResource } from './resource';

/**
 * The term's copy of the board report (the board-report-mail job; tests pass a made-up `now`): each named reader who
 * may still read reports gets one mail through the outbox with a link to the organizer's newest report, once per term
 * and only for a report they were not mailed about. Idempotent: a second run in the same term sends nothing. No PDF:
 * the link opens the page, which prints itself.
 */
export async function sendBoardReportMail(db: Db, now: Date): Promise<{ sent: number }> {
	const readers = await db
		.select({
			organizerId: boardReportReaders.organizerId,
			personId: boardReportReaders.personId,
			lastMailedReportId: boardReportReaders.lastMailedReportId,
			lastMailedAt: boardReportReaders.lastMailedAt,
			email: people.email,
			status: people.status
		})
		.from(boardReportReaders)
		.innerJoin(people, eq(people.id, boardReportReaders.personId));
	if (readers.length === 0) return { sent: 0 };
	const organizerIds = [...new Set(readers.map((r) => r.organizerId))];
	const orgs = await db
		.select({ id: organizers.id, slug: organizers.slug, name: organizers.name })
		.from(organizers)
		.where(inArray(organizers.id, organizerIds));
	const term = termOf(now.toISOString().slice(0, 10));
	let sent = 0;
	for (const org of orgs) {
		const [newest] = await db
			.select({ id: boardReports.id, label: boardReports.label })
			.from(boardReports)
			.where(eq(boardReports.organizerId, org.id))
			.orderBy(desc(boardReports.generatedAt))
			.limit(1);
		if (!newest) continue;
		const link = `${env.ORIGIN}/${org.slug}/uppfoljning/namndrapport/${newest.id}`;
		for (const r of readers.filter((x) => x.organizerId === org.id)) {
			if (r.status !== 'active' || r.lastMailedReportId === newest.id) continue;
			if (r.lastMailedAt && r.lastMailedAt.toISOString().slice(0, 10) >= term.from) continue;
			const actor = await loadActor(db, r.personId);
			if (!can(actor, 'followup.report_read', boardResource(org.id))) continue;
			const mail = bilingualMail((locale) => ({
				subject: m.board_mail_subject({ period: newest.label }, { locale }),
				paragraphs: [
					m.board_mail_body({ period: newest.label, organizer: org.name }, { locale }),
					link,
					m.board_mail_footer({}, { locale })
				]
			}));
			await db.transaction(async (tx) => {
				await sendMail(tx, { organizerId: org.id, to: r.email, subject: mail.subject, body: mail.body });
				await tx
					.update(boardReportReaders)
					.set({ lastMailedReportId: newest.id, lastMailedAt: now })
					.where(and(eq(boardReportReaders.organizerId, org.id), eq(boardReportReaders.personId, r.personId)));
			});
			sent++;
		}
	}
	return { sent };
}
