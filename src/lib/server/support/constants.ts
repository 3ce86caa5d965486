/** Fixed vocabularies of the support chain. Labels live in messages/support (support_<kind>_<value>). */
export const CHAINS = ['technical', 'pedagogical'] as const;
export type Chain = (typeof CHAINS)[number];

export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const STATES = ['new', 'in_progress', 'waiting_requester', 'waiting_supplier', 'solved', 'closed'] as const;
export type TicketState = (typeof STATES)[number];
/** States in which the case is still being worked. */
export const OPEN_STATES: readonly TicketState[] = ['new', 'in_progress', 'waiting_requester', 'waiting_supplier'];

/** Causes a handler picks when solving; user_error is handhavandefel. */
export const CAUSES = ['user_error', 'hardware', 'software', 'network', 'account', 'supplier', 'other'] as const;
export type Cause = (typeof CAUSES)[number];

export const EVENT_KINDS = [
	'filed',
	'reply',
	'note',
	'state',
	'assign',
	'escalate',
	'send_back',
	'move_chain',
	'merge',
	'solve',
	'reopen',
	'close',
	'rate',
	'reminder',
	'auto_close',
	'attachment',
	/** An earlier line asks the current line to move the case on (internal; decision 027). */
	'chase',
	/** A handler changed the case's category (internal; decision 035). */
	'category'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const isChain = (v: unknown): v is Chain => (CHAINS as readonly unknown[]).includes(v);
export const isState = (v: unknown): v is TicketState => (STATES as readonly unknown[]).includes(v);

/** Who reads an internal note: the organization's staff (default), or every line on the case, suppliers included. */
export const NOTE_AUDIENCES = ['staff', 'all_lines'] as const;
export type NoteAudience = (typeof NOTE_AUDIENCES)[number];
