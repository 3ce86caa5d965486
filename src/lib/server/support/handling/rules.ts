import { OPEN_STATES, type TicketState } from '../constants';

/** States a handler may set by hand; solved and closed only come through solving and closing. */
export const SETTABLE_STATES = ['in_progress', 'waiting_requester', 'waiting_supplier'] as const;
export type SettableState = (typeof SETTABLE_STATES)[number];

/**
 * Which hand-set states each state may move to. A solved or closed case moves on only through
 * reopening (the requester) or closing; a state never "moves" to itself.
 */
export const STATE_TRANSITIONS: Record<TicketState, readonly SettableState[]> = {
	new: ['in_progress', 'waiting_requester', 'waiting_supplier'],
	in_progress: ['waiting_requester', 'waiting_supplier'],
	waiting_requester: ['in_progress', 'waiting_supplier'],
	waiting_supplier: ['in_progress', 'waiting_requester'],
	solved: [],
	closed: []
};

/** May a handler set `to` by hand on a case that is in `from`? */
export const canSetState = (from: string, to: string): boolean =>
	(STATE_TRANSITIONS[from as TicketState] ?? []).includes(to as SettableState);

/** Still being worked (not solved, not closed). */
export const isOpen = (state: string): boolean => (OPEN_STATES as readonly string[]).includes(state);

export type Line = 1 | 2 | 3;

/** The line an escalation goes to: only ever the next one, and there is nothing above line 3. */
export const nextLine = (line: number): Line | null => (line === 1 ? 2 : line === 2 ? 3 : null);

/** The line a case is sent back to: only ever the one below, and nothing below line 1. */
export const previousLine = (line: number): Line | null => (line === 3 ? 2 : line === 2 ? 1 : null);

/** The other support chain: a case moves between exactly two. */
export const otherChain = (chain: string): 'technical' | 'pedagogical' => (chain === 'technical' ? 'pedagogical' : 'technical');
