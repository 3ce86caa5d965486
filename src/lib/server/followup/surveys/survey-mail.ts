import { m } from '$lib/paraglide/messages';
import { env } from '../../env';
import { bilingualMail } from '../../mail/bilingual-mail';

/** The respondent's link: the top-level /enkat/<token> page, which needs no sign-in. */
export const surveyLink = (token: string) => `${env.ORIGIN.replace(/\/+$/, '')}/enkat/${token}`;

/** The invitation (or reminder) to answer a survey, Swedish then English. */
export function surveyInvitationMail(opts: {
	name: string;
	titleSv: string;
	titleEn: string;
	anonymous: boolean;
	token: string;
	reminder?: boolean;
	pulseCase?: number;
}) {
	const link = surveyLink(opts.token);
	return bilingualMail((locale) => {
		const o = { locale };
		const title = locale === 'sv' ? opts.titleSv : opts.titleEn;
		return {
			subject: opts.reminder ? m.survey_mail_reminder_subject({ title }, o) : m.survey_mail_subject({ title }, o),
			paragraphs: [
				m.survey_mail_greeting({ name: opts.name }, o),
				opts.pulseCase !== undefined ? m.survey_mail_pulse_body({ number: opts.pulseCase }, o) : m.survey_mail_body({ title }, o),
				opts.anonymous ? m.survey_mail_anonymous({}, o) : m.survey_mail_signed({}, o),
				`${m.survey_mail_link({}, o)}\n${link}`
			]
		};
	});
}
