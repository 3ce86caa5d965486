/** The kinds of notification a person gets about a case (decision 026). */
export const NOTIFICATION_KINDS = [
	'new_case',
	'assigned',
	'escalated',
	'requester_reply',
	'sla_at_risk',
	'sla_breached',
	'receipt',
	'sent_back',
	'chased',
	'article_review',
	'qa_duty',
	'qa_answer',
	'agreement_expiring',
	'receipt_unsigned'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const isNotificationKind = (v: string): v is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(v);

/** A person's mail choice for a kind; in the app every notification shows anyway. */
export const EMAIL_CHOICES = ['off', 'immediate', 'digest'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];
export const isEmailChoice = (v: unknown): v is EmailChoice => typeof v === 'string' && (EMAIL_CHOICES as readonly string[]).includes(v);

/** How a person meets the support chain, for the defaults: works cases, works them as a supplier, or files them. */
export type NotificationProfile = 'handler' | 'supplier' | 'requester';

/**
 * The mail a person gets when they have not chosen (decision 026). Handlers: their own work at once, new cases in
 * the app only, warnings in the app and breaches at once. Suppliers: what is escalated or handed to them, at once.
 * Everyone: the receipt for a case they file, at once. A case sent back to one's line, or an earlier line chasing
 * a case one holds, asks for action: at once for those who work cases. An article of one's own due for review is
 * not urgent: in the daily digest, whoever owns it. A colleague question for the key person on duty (qa_duty) and
 * a new answer to one's own question (qa_answer) are worth hearing of while they are fresh: at once, for everyone.
 * A data processing agreement running out (agreement_expiring) leaves weeks to act: in the digest. A reminder to sign
 * the receipt for a device one was handed (receipt_unsigned) goes a few days apart, at most three times: at once.
 */
const DEFAULTS: Record<NotificationProfile, Record<NotificationKind, EmailChoice>> = {
	handler: {
		new_case: 'off',
		assigned: 'immediate',
		escalated: 'immediate',
		requester_reply: 'immediate',
		sla_at_risk: 'off',
		sla_breached: 'immediate',
		receipt: 'immediate',
		sent_back: 'immediate',
		chased: 'immediate',
		article_review: 'digest',
		qa_duty: 'immediate',
		qa_answer: 'immediate',
		agreement_expiring: 'digest',
		receipt_unsigned: 'immediate'
	},
	supplier: {
		new_case: 'off',
		assigned: 'immediate',
		escalated: 'immediate',
		requester_reply: 'immediate',
		sla_at_risk: 'off',
		sla_breached: 'off',
		receipt: 'immediate',
		sent_back: 'immediate',
		chased: 'immediate',
		article_review: 'digest',
		qa_duty: 'immediate',
		qa_answer: 'immediate',
		agreement_expiring: 'digest',
		receipt_unsigned: 'immediate'
	},
	requester: {
		new_case: 'off',
		assigned: 'off',
		escalated: 'off',
		requester_reply: 'off',
		sla_at_risk: 'off',
		sla_breached: 'off',
		receipt: 'immediate',
		sent_back: 'off',
		chased: 'off',
		article_review: 'digest',
		qa_duty: 'immediate',
		qa_answer: 'immediate',
		agreement_expiring: 'digest',
		receipt_unsigned: 'immediate'
	}
};

/** The default mail choice for a kind and profile. */
export const defaultEmail = (profile: NotificationProfile, kind: NotificationKind): EmailChoice => DEFAULTS[profile][kind];

/** The choice in force: the person's own, else the default of their profile. */
export function emailChoice(
	profile: NotificationProfile,
	kind: NotificationKind,
	chosen: ReadonlyMap<string, string> | undefined
): EmailChoice {
	const own = chosen?.get(kind);
	return isEmailChoice(own) ? own : defaultEmail(profile, kind);
}
