import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { and, eq, isNull } from 'drizzle-orm';
import { emailChanges } from '../db/schema';
import { cancelPasswordResets } from '../auth/cancel-password-resets';
import { deleteSessionsOfPerson } from '../auth/sessions';
import { bilingualMail } from '../mail/bilingual-mail';
import { sendMail } from '../mail/send-mail';

/**
 * What follows a changed sign-in address, inside the change's transaction (decision 018): every session of
 * the person ends, open password-reset links and address-change links stop working, and the old address is told (an instance-level
 * mail no organizer's administrator reads), so a taken-over address cannot go unnoticed.
 */
export async function endAccessAfterEmailChange(
	tx: Db,
	{ personId, name, oldEmail }: { personId: string; name: string; oldEmail: string }
) {
	await deleteSessionsOfPerson(tx, personId);
	await cancelPasswordResets(tx, personId);
	// A change of address the person asked for and has not confirmed stops too: the address is settled now.
	await tx
		.update(emailChanges)
		.set({ usedAt: new Date() })
		.where(and(eq(emailChanges.personId, personId), isNull(emailChanges.usedAt)));
	const mail = bilingualMail((locale) => ({
		subject: m.identity_mail_email_changed_subject({}, { locale }),
		paragraphs: [
			m.account_mail_greeting({ name }, { locale }),
			m.identity_mail_email_changed_intro({}, { locale }),
			m.identity_mail_email_changed_warning({}, { locale }),
			m.account_mail_automatic({}, { locale })
		]
	}));
	await sendMail(tx, { organizerId: null, to: oldEmail, ...mail });
}
