import { m } from '$lib/paraglide/messages';
import { isChain, isState } from '../constants';
import { ratingLinks } from './ticket-link';

/** What one mail about a case needs to know. Text from users (title, body) goes in as plain text. */
export type TicketMailFacts = {
	number: number;
	title: string;
	link: string;
	recipientName: string;
	/** Who made the event; null for the system. */
	actorName: string | null;
	kind: string;
	body: string;
	stateTo: string | null;
	lineTo: number | null;
	/** The chain the case is in after the event (for move_chain). */
	chain: string;
	/** The event's data (merge: intoNumber on the duplicate, fromNumber on the case it went into). */
	data: Record<string, unknown>;
	settings: { autoCloseDays: number; reopenDays: number };
};

const sv = { locale: 'sv' as const };
const en = { locale: 'en' as const };
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const lower = (s: string) => s.toLocaleLowerCase('sv');

function lineLabel(line: number | null): string {
	if (line === 1) return lower(m.support_line_1({}, sv));
	if (line === 2) return lower(m.support_line_2({}, sv));
	return lower(m.support_line_3({}, sv));
}

function chainLabel(chain: string): string {
	if (!isChain(chain)) return chain;
	return lower(chain === 'technical' ? m.support_chain_technical({}, sv) : m.support_chain_pedagogical({}, sv));
}

function stateLabel(state: string): string {
	if (!isState(state)) return state;
	const labels = {
		new: m.support_state_new,
		in_progress: m.support_state_in_progress,
		waiting_requester: m.support_state_waiting_requester,
		waiting_supplier: m.support_state_waiting_supplier,
		solved: m.support_state_solved,
		closed: m.support_state_closed
	};
	return labels[state]({}, sv);
}

function mergeSentence(data: Record<string, unknown>): string {
	if (typeof data.fromNumber === 'number') return m.notify_mail_merged_from({ number: data.fromNumber }, sv);
	if (typeof data.intoNumber === 'number') return m.notify_mail_merged_into({ number: data.intoNumber }, sv);
	return m.notify_mail_other({}, sv);
}

/** An auto_close of a solved case (closeSolvedTicket) rather than of one that waited on the requester. */
const closedFromSolved = (data: Record<string, unknown>) => data.closedFrom === 'solved' && typeof data.closeSolvedDays === 'number';

/** How many days the requester has left to reopen: counted from the solve when a solved case closed by itself. */
function reopenDaysLeft(f: TicketMailFacts): number {
	return closedFromSolved(f.data) && typeof f.data.reopenDaysLeft === 'number' ? f.data.reopenDaysLeft : f.settings.reopenDays;
}

/** The sentence saying what happened, in Swedish. */
function whatHappened(f: TicketMailFacts): string {
	const who = f.actorName ?? m.notify_mail_support({}, sv);
	switch (f.kind) {
		case 'filed':
			return m.notify_mail_filed({ who }, sv);
		case 'reply':
			return m.notify_mail_reply({ who }, sv);
		case 'state':
			return m.notify_mail_state({ state: stateLabel(f.stateTo ?? '') }, sv);
		case 'assign':
			return m.notify_mail_assign({}, sv);
		case 'escalate':
			return m.notify_mail_escalate({ line: lineLabel(f.lineTo) }, sv);
		case 'send_back':
			return m.notify_mail_send_back({ line: lineLabel(f.lineTo) }, sv);
		case 'move_chain':
			return m.notify_mail_move_chain({ chain: chainLabel(f.chain) }, sv);
		case 'merge':
			return mergeSentence(f.data);
		case 'solve':
			return m.notify_mail_solve({}, sv);
		case 'reopen':
			return m.notify_mail_reopen({}, sv);
		case 'close':
			return m.notify_mail_close({}, sv);
		case 'attachment':
			return m.notify_mail_attachment({ who }, sv);
		case 'reminder':
			return m.notify_mail_reminder({ days: f.settings.autoCloseDays }, sv);
		case 'auto_close':
			return closedFromSolved(f.data)
				? m.notify_mail_auto_close_solved({ days: Number(f.data.closeSolvedDays) }, sv)
				: m.notify_mail_auto_close({}, sv);
		default:
			return m.notify_mail_other({}, sv);
	}
}

const STATE_SAID_BY_KIND = new Set(['state', 'solve', 'close', 'auto_close', 'reopen', 'filed']);

/**
 * The mail to a requester (or the person who filed for them) about a public event on their case: Swedish
 * (the organizer's language), what happened, the public text, the link, and a short English line. A solved
 * case asks for a rating with one link per grade; a closed one says how long it can be reopened.
 */
export function buildRequesterMail(f: TicketMailFacts): { subject: string; body: string } {
	const title = oneLine(f.title);
	const solved = f.stateTo === 'solved';
	const closed = f.stateTo === 'closed';
	const subject = solved
		? m.notify_mail_subject_solved({ number: f.number, title }, sv)
		: closed
			? m.notify_mail_subject_closed({ number: f.number, title }, sv)
			: f.kind === 'reminder'
				? m.notify_mail_subject_reminder({ number: f.number, title }, sv)
				: m.notify_mail_subject({ number: f.number, title }, sv);
	const parts: string[] = [m.notify_mail_greeting({ name: f.recipientName }, sv), whatHappened(f)];
	if (f.body.trim() && f.kind !== 'reminder') parts.push(f.body.trim());
	if (f.stateTo && !STATE_SAID_BY_KIND.has(f.kind)) parts.push(m.notify_mail_state({ state: stateLabel(f.stateTo) }, sv));
	parts.push(`${m.notify_mail_link({}, sv)}\n${f.link}`);
	if (solved) {
		const links = ratingLinks(f.link).map((r) => `${r.rating}: ${r.href}`);
		parts.push([m.notify_mail_rating_intro({}, sv), ...links].join('\n'));
	}
	const reopenDays = reopenDaysLeft(f);
	if (closed && f.kind !== 'merge' && reopenDays > 0) parts.push(m.notify_mail_reopen_within({ days: reopenDays }, sv));
	parts.push(solved ? m.notify_mail_english_rating({ number: f.number }, en) : m.notify_mail_english({ number: f.number }, en));
	parts.push(m.notify_mail_automatic({}, sv));
	return { subject, body: `${parts.join('\n\n')}\n` };
}

/** The mail to the case's handler when the requester writes (a reply, or reopening the case). */
export function buildHandlerMail(f: TicketMailFacts): { subject: string; body: string } {
	const title = oneLine(f.title);
	const who = f.actorName ?? m.notify_mail_support({}, sv);
	const parts: string[] = [
		m.notify_mail_greeting({ name: f.recipientName }, sv),
		f.kind === 'reopen'
			? m.notify_mail_requester_reopened({ who, number: f.number }, sv)
			: m.notify_mail_requester_replied({ who, number: f.number }, sv)
	];
	if (f.body.trim()) parts.push(f.body.trim());
	parts.push(`${m.notify_mail_link({}, sv)}\n${f.link}`);
	parts.push(m.notify_mail_english_handler({ number: f.number }, en));
	parts.push(m.notify_mail_automatic({}, sv));
	return { subject: m.notify_mail_subject_requester_replied({ number: f.number, title }, sv), body: `${parts.join('\n\n')}\n` };
}
