import { m } from '$lib/paraglide/messages';
import type { NotificationKind } from './kinds';

type Locale = 'sv' | 'en';
/**
 * A case's number, title and line; an article's notification (article_review) has its slug and review date instead;
 * a colleague question's (qa_duty, qa_answer) the question's id; a tool's (agreement_expiring) its id and end date;
 * an unsigned receipt's (receipt_unsigned) the device's tag as title, the device, the hand-out and its day.
 */
export type NotificationParams = {
	number: number;
	title: string;
	line: number;
	article?: string;
	reviewOn?: string;
	question?: string;
	/** A tool of the register and the day its agreement ends (agreement_expiring). */
	tool?: string;
	endsOn?: string;
	/** The device and its hand-out (a device_events row) whose receipt is unsigned, and the day it was handed out. */
	device?: string;
	event?: string;
	handedOutOn?: string;
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sentence for one notification, in the reader's language. */
export function notificationText(kind: NotificationKind, p: NotificationParams, locale: Locale): string {
	const args = { number: p.number, title: oneLine(p.title), line: p.line };
	const o = { locale };
	switch (kind) {
		case 'article_review':
			return m.kbio_notify_article_review({ title: args.title, date: p.reviewOn ?? '' }, o);
		case 'qa_duty':
			return m.qa_notify_duty({ title: args.title }, o);
		case 'qa_answer':
			return m.qa_notify_answer({ title: args.title }, o);
		case 'agreement_expiring':
			return m.apps_notify_agreement_expiring({ title: args.title, date: p.endsOn ?? '' }, o);
		case 'receipt_unsigned':
			return m.devicereturns_notify_receipt_unsigned({ tag: args.title, date: p.handedOutOn ?? '' }, o);
		case 'new_case':
			return m.notifications_kind_new_case(args, o);
		case 'assigned':
			return m.notifications_kind_assigned(args, o);
		case 'escalated':
			return m.notifications_kind_escalated(args, o);
		case 'requester_reply':
			return m.notifications_kind_requester_reply(args, o);
		case 'sla_at_risk':
			return m.notifications_kind_sla_at_risk(args, o);
		case 'sla_breached':
			return m.notifications_kind_sla_breached(args, o);
		case 'receipt':
			return m.notifications_kind_receipt(args, o);
		case 'sent_back':
			return m.notifyplus_kind_sent_back(args, o);
		case 'chased':
			return m.notifyplus_kind_chased(args, o);
	}
}

/** The label of a kind on the preferences page. */
export function kindLabel(kind: NotificationKind, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	switch (kind) {
		case 'article_review':
			return m.kbio_notify_label_article_review({}, o);
		case 'qa_duty':
			return m.qa_notify_label_duty({}, o);
		case 'qa_answer':
			return m.qa_notify_label_answer({}, o);
		case 'agreement_expiring':
			return m.apps_notify_label_agreement_expiring({}, o);
		case 'receipt_unsigned':
			return m.devicereturns_notify_label_receipt_unsigned({}, o);
		case 'new_case':
			return m.notifications_label_new_case({}, o);
		case 'assigned':
			return m.notifications_label_assigned({}, o);
		case 'escalated':
			return m.notifications_label_escalated({}, o);
		case 'requester_reply':
			return m.notifications_label_requester_reply({}, o);
		case 'sla_at_risk':
			return m.notifications_label_sla_at_risk({}, o);
		case 'sla_breached':
			return m.notifications_label_sla_breached({}, o);
		case 'receipt':
			return m.notifications_label_receipt({}, o);
		case 'sent_back':
			return m.notifyplus_label_sent_back({}, o);
		case 'chased':
			return m.notifyplus_label_chased({}, o);
	}
}

/**
 * Where a notification leads in the app: the case page, the article for an article's notification, the question for
 * a question's, the tool's page for an agreement's, the receipt to sign for an unsigned receipt's.
 */
export function notificationPath(kind: NotificationKind, p: NotificationParams, orgSlug: string): string {
	if (kind === 'article_review') return `/${encodeURIComponent(orgSlug)}/hjalp/${encodeURIComponent(p.article ?? '')}`;
	if (kind === 'qa_duty' || kind === 'qa_answer') return `/${encodeURIComponent(orgSlug)}/fragor/${encodeURIComponent(p.question ?? '')}`;
	if (kind === 'agreement_expiring') return `/${encodeURIComponent(orgSlug)}/appar/register/${encodeURIComponent(p.tool ?? '')}`;
	if (kind === 'receipt_unsigned')
		return `/${encodeURIComponent(orgSlug)}/utrustning/${encodeURIComponent(p.device ?? '')}/kvitto?handelse=${encodeURIComponent(p.event ?? '')}`;
	return `/${encodeURIComponent(orgSlug)}/support/${p.number}`;
}

/** The mail for one notification sent at once: Swedish (the organizer's language), the link, a short English line. */
export function buildNotificationMail(kind: NotificationKind, p: NotificationParams, link: string): { subject: string; body: string } {
	const sv = { locale: 'sv' as const };
	if (
		kind === 'article_review' ||
		kind === 'qa_duty' ||
		kind === 'qa_answer' ||
		kind === 'agreement_expiring' ||
		kind === 'receipt_unsigned'
	) {
		const body = [
			notificationText(kind, p, 'sv'),
			`${m.notifications_mail_open({}, sv)}\n${link}`,
			notificationText(kind, p, 'en'),
			m.notify_mail_automatic({}, sv)
		];
		const subject =
			kind === 'qa_duty'
				? m.qa_notify_duty_subject
				: kind === 'qa_answer'
					? m.qa_notify_answer_subject
					: kind === 'agreement_expiring'
						? m.apps_notify_agreement_expiring_subject
						: kind === 'receipt_unsigned'
							? m.devicereturns_notify_receipt_unsigned_subject
							: m.kbio_notify_article_review_subject;
		return { subject: subject({ title: oneLine(p.title) }, sv), body: `${body.join('\n\n')}\n` };
	}
	const parts = [
		notificationText(kind, p, 'sv'),
		`${m.notifications_mail_open({}, sv)}\n${link}`,
		m.notifications_mail_english({ number: p.number }, { locale: 'en' }),
		m.notify_mail_automatic({}, sv)
	];
	// The receipt has its own subject, so it is not taken for support's answer in the requester's inbox.
	const subject = kind === 'receipt' ? m.notifications_mail_subject_receipt : m.notifications_mail_subject;
	return { subject: subject({ number: p.number, title: oneLine(p.title) }, sv), body: `${parts.join('\n\n')}\n` };
}

/** One mail with the day's notifications of one person, oldest first. */
export function buildDigestMail(items: { kind: NotificationKind; params: NotificationParams; link: string }[]): {
	subject: string;
	body: string;
} {
	const sv = { locale: 'sv' as const };
	const lines = items.map((i) => `• ${notificationText(i.kind, i.params, 'sv')}\n  ${i.link}`);
	const parts = [
		m.notifications_digest_intro({}, sv),
		lines.join('\n'),
		m.notifications_digest_english({}, { locale: 'en' }),
		m.notify_mail_automatic({}, sv)
	];
	return { subject: m.notifications_digest_subject({ count: items.length }, sv), body: `${parts.join('\n\n')}\n` };
}
