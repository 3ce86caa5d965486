// Covers: defaultEmail, emailChoice, holders, notificationTargets, profileOf.
import { describe, expect, it } from 'vitest';
import { defaultEmail, emailChoice } from './kinds';
import { holders, notificationTargets } from './notification-targets';
import { profileOf } from './find-recipients';

const atLine1 = { line: 1, teamId: null, assigneeId: null, requesterId: 'req' };

describe('what a case event tells whom', () => {
	it('tells line 1 of a new case and gives the requester a receipt', () => {
		expect(notificationTargets(atLine1, { kind: 'filed', by: 'requester', actorId: 'req' })).toEqual([
			{ kind: 'new_case', audience: { type: 'line1' } },
			{ kind: 'receipt', audience: { type: 'person', personId: 'req' } }
		]);
	});

	it('tells the new assignee, and no one when the case is taken off its assignee', () => {
		expect(notificationTargets(atLine1, { kind: 'assign', by: 'handler', actorId: 'h', data: { assigneeId: 'a' } })).toEqual([
			{ kind: 'assigned', audience: { type: 'person', personId: 'a' } }
		]);
		expect(notificationTargets(atLine1, { kind: 'assign', by: 'handler', actorId: 'h', data: { assigneeId: null } })).toEqual([]);
	});

	it('tells the team that now holds an escalated case', () => {
		const atThree = { ...atLine1, line: 3, teamId: 'supplier' };
		expect(notificationTargets(atThree, { kind: 'escalate', by: 'handler', actorId: 'h' })).toEqual([
			{ kind: 'escalated', audience: { type: 'team', teamId: 'supplier' } }
		]);
	});

	it('tells the assignee when the requester replies or reopens, and nobody without an assignee or for a handler’s reply', () => {
		const held = { ...atLine1, assigneeId: 'a' };
		for (const kind of ['reply', 'reopen']) {
			expect(notificationTargets(held, { kind, by: 'requester', actorId: 'req' })).toEqual([
				{ kind: 'requester_reply', audience: { type: 'person', personId: 'a' } }
			]);
		}
		expect(notificationTargets(atLine1, { kind: 'reply', by: 'requester', actorId: 'req' })).toEqual([]);
		expect(notificationTargets(held, { kind: 'reply', by: 'handler', actorId: 'a' })).toEqual([]);
		expect(notificationTargets(held, { kind: 'note', by: 'handler', actorId: 'a' })).toEqual([]);
	});

	it('tells whoever holds the case after a send-back or a chase: the line that must act', () => {
		const backAtTwo = { ...atLine1, line: 2, teamId: 'line2' };
		expect(notificationTargets(backAtTwo, { kind: 'send_back', by: 'handler', actorId: 's' })).toEqual([
			{ kind: 'sent_back', audience: { type: 'team', teamId: 'line2' } }
		]);
		expect(notificationTargets(atLine1, { kind: 'send_back', by: 'handler', actorId: 'h' })).toEqual([
			{ kind: 'sent_back', audience: { type: 'line1' } }
		]);
		const heldAtThree = { ...atLine1, line: 3, teamId: 'supplier', assigneeId: 'a' };
		expect(notificationTargets(heldAtThree, { kind: 'chase', by: 'handler', actorId: 'h' })).toEqual([
			{ kind: 'chased', audience: { type: 'person', personId: 'a' } }
		]);
	});

	it('finds who holds a case for SLA warnings: the assignee, else the team at line 2 or 3, else line 1', () => {
		expect(holders({ ...atLine1, assigneeId: 'a', teamId: 't', line: 2 })).toEqual({ type: 'person', personId: 'a' });
		expect(holders({ ...atLine1, teamId: 't', line: 3 })).toEqual({ type: 'team', teamId: 't' });
		expect(holders(atLine1)).toEqual({ type: 'line1' });
	});
});

describe('mail choices', () => {
	const actor = (role: string) => ({ personId: 'p', name: 'P', assignments: [{ organizerId: 'o', unitId: null, role: role as never }] });

	it('gives handlers, suppliers and requesters their defaults', () => {
		expect(profileOf(actor('technical_key_person'), [])).toBe('handler');
		expect(profileOf(actor('staff'), [2])).toBe('handler');
		expect(profileOf(actor('staff'), [3])).toBe('supplier');
		expect(profileOf(actor('staff'), [])).toBe('requester');
		expect(defaultEmail('handler', 'assigned')).toBe('immediate');
		expect(defaultEmail('handler', 'new_case')).toBe('off');
		expect(defaultEmail('supplier', 'escalated')).toBe('immediate');
		expect(defaultEmail('requester', 'receipt')).toBe('immediate');
		expect(defaultEmail('requester', 'escalated')).toBe('off');
		expect(defaultEmail('handler', 'sent_back')).toBe('immediate');
		expect(defaultEmail('supplier', 'chased')).toBe('immediate');
		expect(defaultEmail('requester', 'chased')).toBe('off');
	});

	it('lets a person’s own choice win over the default, and ignores a stored value that is no choice', () => {
		expect(emailChoice('handler', 'assigned', new Map([['assigned', 'digest']]))).toBe('digest');
		expect(emailChoice('handler', 'assigned', new Map([['assigned', 'loud']]))).toBe('immediate');
		expect(emailChoice('supplier', 'new_case', undefined)).toBe('off');
	});
});
