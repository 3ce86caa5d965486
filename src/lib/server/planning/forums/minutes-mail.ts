import { m } from '$lib/paraglide/messages';
import { env } from '../../env';
import { planningLink } from '../reminders/action-link';
import { bilingualMail, type MailLocale } from '../../mail/bilingual-mail';
import type { MeetingDetails } from './get-meeting';

/** The meeting's minutes page, for mail: `<ORIGIN>/<org slug>/planering/forum/<forum>/mote/<meeting>/protokoll`. */
export function minutesLink(slug: string, forumId: string, meetingId: string, origin: string = env.ORIGIN): string {
	return planningLink(slug, `planering/forum/${forumId}/mote/${meetingId}/protokoll`, origin);
}

const day = (d: Date | string, locale: MailLocale) =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'medium' }).format(new Date(d));

/** The published minutes as a plain-text mail, Swedish then English: agenda with minutes, decisions, link. */
export function buildMinutesMail(details: MeetingDetails, link: string) {
	return bilingualMail((locale) => {
		const o = { locale };
		const date = day(details.meeting.startsAt, locale);
		const present = details.members.filter((p) => p.present).map((p) => p.name);
		return {
			subject: m.forums_mail_subject({ forum: details.forum.name, date }, o),
			paragraphs: [
				m.forums_mail_intro({ forum: details.forum.name, date }, o),
				m.forums_mail_present({ names: present.length ? present.join(', ') : '–' }, o),
				...details.items.map((item, n) => `${n + 1}. ${item.title}\n${item.minutes || '–'}`),
				details.decisions.length
					? [
							m.forums_mail_decisions(o),
							...details.decisions.map((d) => `- ${d.text} (${d.ownerName}${d.dueOn ? `, ${day(d.dueOn, locale)}` : ''})`)
						].join('\n')
					: m.forums_mail_no_decisions(o),
				m.forums_mail_link({ link }, o)
			]
		};
	});
}
