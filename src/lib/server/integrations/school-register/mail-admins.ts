import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { organizers, people, roleAssignments } from '../../db/schema';
import { env } from '../../env';
import { bilingualMail } from '../../mail/bilingual-mail';
import { sendMail } from '../../mail/send-mail';

/** Tells the organizer's active administrators that the register check found something to decide, in the outbox. */
export async function mailAdminsAboutDifferences(tx: Db, organizerId: string, n: number) {
	const [org] = await tx.select({ slug: organizers.slug, name: organizers.name }).from(organizers).where(eq(organizers.id, organizerId));
	const admins = await tx
		.selectDistinct({ email: people.email })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				eq(roleAssignments.role, 'org_admin'),
				eq(people.status, 'active'),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, sql`current_date`))
			)
		);
	const link = `${env.ORIGIN.replace(/\/+$/, '')}/${org.slug}/admin/skolenhetsregistret`;
	const mail = bilingualMail((locale) => ({
		subject: m.register_mail_subject({ organizer: org.name }, { locale }),
		paragraphs: [m.register_mail_body({ n: String(n), organizer: org.name }, { locale }), link]
	}));
	for (const a of admins) await sendMail(tx, { organizerId, to: a.email, ...mail });
}
