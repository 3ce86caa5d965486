// Covers: buildHandlerMail, buildRequesterMail, ticketLink.
import { describe, expect, it } from 'vitest';
import { buildHandlerMail, buildRequesterMail, type TicketMailFacts } from './ticket-mail';
import { ticketLink } from './ticket-link';

const facts: TicketMailFacts = {
	number: 42,
	title: 'Projektorn\n i sal 4',
	link: ticketLink('exempelkommun', 42, 'https://rodtrad.exempel.se/'),
	recipientName: 'Anna',
	actorName: 'Hanna',
	kind: 'reply',
	body: '<b>Vi</b> byter lampan.',
	stateTo: null,
	lineTo: null,
	chain: 'technical',
	data: {},
	settings: { autoCloseDays: 5, reopenDays: 14 }
};

describe('mail about a case', () => {
	it('names the case in the subject on one line and links to its page', () => {
		const mail = buildRequesterMail(facts);
		expect(mail.subject).toBe('Ärende 42: Projektorn i sal 4');
		expect(mail.body).toContain('https://rodtrad.exempel.se/exempelkommun/support/42\n');
		expect(mail.body).toContain('<b>Vi</b> byter lampan.');
	});

	it('says where an escalated case went and what status a step set', () => {
		const escalated = buildRequesterMail({ ...facts, kind: 'escalate', body: '', lineTo: 2 });
		expect(escalated.body).toContain('skickats vidare till andra linjen');
		const waiting = buildRequesterMail({ ...facts, stateTo: 'waiting_requester' });
		expect(waiting.body).toContain('”Väntar på anmälaren”');
	});

	it('asks for a rating from 1 to 5 when solved, and tells how long a closed case can be reopened', () => {
		const solved = buildRequesterMail({ ...facts, kind: 'solve', stateTo: 'solved' });
		expect(solved.body).toMatch(/1: https:\/\/rodtrad\.exempel\.se\/exempelkommun\/support\/42\?betyg=1#betyg\n2: /);
		const closed = buildRequesterMail({ ...facts, kind: 'auto_close', actorName: null, body: '', stateTo: 'closed' });
		expect(closed.subject).toBe('Ärende 42 är stängt: Projektorn i sal 4');
		expect(closed.body).toContain('inom 14 dagar');
	});

	it('tells the requester of a duplicate where the work goes on, and the other requester what joined their case', () => {
		const duplicate = buildRequesterMail({ ...facts, kind: 'merge', body: '', stateTo: 'closed', data: { intoNumber: 40 } });
		expect(duplicate.body).toContain('ihop med ärende 40');
		expect(duplicate.body).not.toContain('öppna ärendet igen');
		const kept = buildRequesterMail({ ...facts, kind: 'merge', body: '', actorName: null, data: { fromNumber: 42 } });
		expect(kept.body).toContain('Ärende 42, som gällde samma sak');
	});

	it('tells the handler what the requester wrote', () => {
		const mail = buildHandlerMail({ ...facts, recipientName: 'Hanna', actorName: 'Anna', body: 'Den blinkar.' });
		expect(mail.subject).toContain('Anmälaren har svarat');
		expect(mail.body).toContain('Anna har svarat i ärende 42');
		expect(mail.body).toContain('Den blinkar.');
	});
});
