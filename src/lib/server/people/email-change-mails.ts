import { m } from '$lib/paraglide/messages';
import { bilingualMail } from '../mail/bilingual-mail';

/** To the new address: the link that makes it the person's sign-in address, and how long it works. */
export function buildConfirmAddressMail(opts: { name: string; link: string; hours: number }) {
	return bilingualMail((locale) => ({
		subject: m.identity_mail_confirm_subject({}, { locale }),
		paragraphs: [
			m.account_mail_greeting({ name: opts.name }, { locale }),
			m.identity_mail_confirm_intro({}, { locale }),
			opts.link,
			m.identity_mail_confirm_validity({ hours: opts.hours }, { locale }),
			m.identity_mail_confirm_ignore({}, { locale }),
			m.account_mail_automatic({}, { locale })
		]
	}));
}

/**
 * To an address that already signs someone in: somebody asked to move an account there, nothing changed.
 * The person asking sees the same answer either way, so the form does not tell which addresses exist.
 */
export function buildAddressTakenMail() {
	return bilingualMail((locale) => ({
		subject: m.identity_mail_taken_subject({}, { locale }),
		paragraphs: [
			m.identity_mail_taken_intro({}, { locale }),
			m.identity_mail_taken_ignore({}, { locale }),
			m.account_mail_automatic({}, { locale })
		]
	}));
}
