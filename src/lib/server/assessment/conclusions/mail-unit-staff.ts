import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { organizers, people, roleAssignments } from '../../db/schema';
import { env } from '../../env';
import { todayInStockholm } from '../../auth/load-actor';
import { bilingualMail } from '../../mail/bilingual-mail';
import { sendMail } from '../../mail/send-mail';

/** The mail that tells a unit's staff what the unit concluded: the round, the unit, the text and the start page. No names. */
export function buildConclusionMail(f: { roundName: string; unitName: string; summary: string; link: string }) {
	return bilingualMail((locale) => {
		const o = { locale };
		return {
			subject: m.exports_conclusion_mail_subject({ unit: f.unitName }, o),
			paragraphs: [
				m.exports_conclusion_mail_intro({ unit: f.unitName, round: f.roundName }, o),
				f.summary,
				m.exports_conclusion_mail_link({ link: f.link }, o)
			]
		};
	});
}

/**
 * Queues "Ni sa – vi gör" by mail (the outbox, in the caller's transaction; call deliverOutboxLater
 * after) to every active person with a role on the unit today — not only those who answered, and
 * nobody from other units. Returns how many mails were queued.
 */
export async function mailUnitStaff(
	tx: Db,
	f: { organizerId: string; unitId: string; unitName: string; roundName: string; summary: string }
) {
	const today = todayInStockholm();
	const [org] = await tx.select({ slug: organizers.slug }).from(organizers).where(eq(organizers.id, f.organizerId));
	const rows = await tx
		.selectDistinct({ email: people.email })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(
			and(
				eq(roleAssignments.organizerId, f.organizerId),
				eq(roleAssignments.unitId, f.unitId),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
				eq(people.status, 'active')
			)
		);
	const mail = buildConclusionMail({ ...f, link: `${env.ORIGIN.replace(/\/$/, '')}/${org.slug}` });
	const addresses = [...new Set(rows.map((r) => r.email).filter(Boolean))];
	for (const to of addresses) await sendMail(tx, { organizerId: f.organizerId, to, ...mail });
	return addresses.length;
}
