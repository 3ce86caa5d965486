import { m } from '$lib/paraglide/messages';
import { env } from '../../env';
import { bilingualMail, type MailLocale } from '../../mail/bilingual-mail';

/** A session's page for mail: `<ORIGIN>/<org slug>/handledning/<id>`. */
export const sessionLink = (slug: string, sessionId: string, origin: string = env.ORIGIN) =>
	`${origin.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/handledning/${sessionId}`;

/** The session's iCal file for mail: the booker and the host open it signed in. */
export const calendarLink = (slug: string, sessionId: string, origin: string = env.ORIGIN) =>
	`${sessionLink(slug, sessionId, origin)}/kalender.ics`;

/** A session's time as people read it: "tis 9 dec. 2026 14:00–14:45", in Stockholm time. */
export function sessionTime(startsAt: Date, endsAt: Date, locale: MailLocale): string {
	const tag = locale === 'en' ? 'en-GB' : 'sv-SE';
	const zone = { timeZone: 'Europe/Stockholm' } as const;
	const day = new Intl.DateTimeFormat(tag, { ...zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(startsAt);
	const time = new Intl.DateTimeFormat(tag, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
	return `${day} ${time.format(startsAt)}–${time.format(endsAt)}`;
}

/** What the mails say about a session. */
export type MailSession = { id: string; title: string; startsAt: Date; endsAt: Date; where: string; hostName: string };

const whereLine = (s: MailSession, locale: MailLocale) => m.guidance_mail_where({ where: s.where }, { locale });

/** To the booker: the booking, where to meet, and the links to the page and the iCal file. */
export function bookerMail(slug: string, s: MailSession) {
	return bilingualMail((locale) => {
		const o = { locale };
		const when = sessionTime(s.startsAt, s.endsAt, locale);
		return {
			subject: m.guidance_mail_booked_subject({ title: s.title }, o),
			paragraphs: [
				m.guidance_mail_booked_intro({ title: s.title, when, host: s.hostName }, o),
				whereLine(s, locale),
				m.guidance_mail_calendar({ link: calendarLink(slug, s.id) }, o),
				m.guidance_mail_page({ link: sessionLink(slug, s.id) }, o)
			]
		};
	});
}

/** To the host: who booked, what they need help with, and the links. */
export function hostMail(slug: string, s: MailSession, booking: { name: string; note: string; caseNumber: number | null }) {
	return bilingualMail((locale) => {
		const o = { locale };
		const when = sessionTime(s.startsAt, s.endsAt, locale);
		return {
			subject: m.guidance_mail_host_subject({ title: s.title, name: booking.name }, o),
			paragraphs: [
				m.guidance_mail_host_intro({ name: booking.name, title: s.title, when }, o),
				booking.note ? m.guidance_mail_host_note({ note: booking.note }, o) : m.guidance_mail_host_no_note(o),
				...(booking.caseNumber ? [m.guidance_mail_host_case({ number: String(booking.caseNumber) }, o)] : []),
				m.guidance_mail_calendar({ link: calendarLink(slug, s.id) }, o),
				m.guidance_mail_page({ link: sessionLink(slug, s.id) }, o)
			]
		};
	});
}

/** To the host: a booking was cancelled, so the seat is free again. */
export function unbookedMail(slug: string, s: MailSession, name: string) {
	return bilingualMail((locale) => {
		const o = { locale };
		const when = sessionTime(s.startsAt, s.endsAt, locale);
		return {
			subject: m.guidance_mail_unbooked_subject({ title: s.title, name }, o),
			paragraphs: [
				m.guidance_mail_unbooked_intro({ name, title: s.title, when }, o),
				m.guidance_mail_page({ link: sessionLink(slug, s.id) }, o)
			]
		};
	});
}

/** To each booker: the session is cancelled. */
export function cancelledMail(slug: string, s: MailSession) {
	return bilingualMail((locale) => {
		const o = { locale };
		const when = sessionTime(s.startsAt, s.endsAt, locale);
		return {
			subject: m.guidance_mail_cancelled_subject({ title: s.title }, o),
			paragraphs: [
				m.guidance_mail_cancelled_intro({ title: s.title, when, host: s.hostName }, o),
				m.guidance_mail_cancelled_more({ link: `${env.ORIGIN.replace(/\/+$/, '')}/${encodeURIComponent(slug)}/handledning` }, o)
			]
		};
	});
}
