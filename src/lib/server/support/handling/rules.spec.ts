// Covers: canSetState, nextLine, otherChain, previousLine.
import { describe, expect, it } from 'vitest';
import { STATES } from '../constants';
import { canSetState, nextLine, otherChain, previousLine } from './rules';

describe('case step rules', () => {
	it('lets an open case move between in progress and the two waiting states, never to the state it is in', () => {
		expect(canSetState('new', 'in_progress')).toBe(true);
		expect(canSetState('in_progress', 'waiting_supplier')).toBe(true);
		expect(canSetState('waiting_requester', 'in_progress')).toBe(true);
		expect(canSetState('in_progress', 'in_progress')).toBe(false);
	});

	it('never sets solved, closed or new by hand, and never moves a solved or closed case', () => {
		for (const from of STATES) {
			expect(canSetState(from, 'solved')).toBe(false);
			expect(canSetState(from, 'closed')).toBe(false);
			expect(canSetState(from, 'new')).toBe(false);
		}
		expect(canSetState('solved', 'in_progress')).toBe(false);
		expect(canSetState('closed', 'waiting_requester')).toBe(false);
		expect(canSetState('bogus', 'in_progress')).toBe(false);
	});

	it('escalates one line up and sends back one line down, with nothing past line 3 or below line 1', () => {
		expect([nextLine(1), nextLine(2), nextLine(3)]).toEqual([2, 3, null]);
		expect([previousLine(1), previousLine(2), previousLine(3)]).toEqual([null, 1, 2]);
		expect(otherChain('technical')).toBe('pedagogical');
		expect(otherChain('pedagogical')).toBe('technical');
	});
});
