import type { NotificationKind } from './kinds';

/** Who a notification is meant for, before policies and preferences narrow it to people. */
export type Audience =
	| { type: 'person'; personId: string }
	/** The members of a support team (line 2 or 3). */
	| { type: 'team'; teamId: string }
	/** Whoever works the case's line 1: key persons at its unit and the chain's central support. */
	| { type: 'line1' };

export type NotificationTarget = { kind: NotificationKind; audience: Audience };

type CaseFacts = { line: number; teamId: string | null; assigneeId: string | null; requesterId: string };
type EventFacts = { kind: string; by: string; actorId: string | null; data?: Record<string, unknown> | null };

/** Kinds by which the requester's side writes to support. */
const REQUESTER_WRITES = new Set(['reply', 'reopen']);

/** Whoever holds the case now: its assignee, else the team at line 2/3, else line 1. */
export function holders(c: CaseFacts): Audience {
	if (c.assigneeId) return { type: 'person', personId: c.assigneeId };
	if (c.line > 1 && c.teamId) return { type: 'team', teamId: c.teamId };
	return { type: 'line1' };
}

/**
 * What a case event tells whom (decision 026), before visibility, the actor and inactive people are taken out:
 * a filed case is new for line 1 and a receipt for the requester; an assignment tells the new assignee; an
 * escalation tells the team that now holds the case; the requester's reply or reopening tells the assignee; a
 * case sent back, or chased by an earlier line, tells whoever holds it now (the line that must act).
 * Other events notify no one (the requester hears of public events by the case mail).
 */
export function notificationTargets(c: CaseFacts, e: EventFacts): NotificationTarget[] {
	switch (e.kind) {
		case 'filed':
			return [
				{ kind: 'new_case', audience: { type: 'line1' } },
				{ kind: 'receipt', audience: { type: 'person', personId: c.requesterId } }
			];
		case 'assign': {
			const to = typeof e.data?.assigneeId === 'string' ? e.data.assigneeId : null;
			return to ? [{ kind: 'assigned', audience: { type: 'person', personId: to } }] : [];
		}
		case 'escalate':
			return c.teamId ? [{ kind: 'escalated', audience: { type: 'team', teamId: c.teamId } }] : [];
		case 'send_back':
			return [{ kind: 'sent_back', audience: holders(c) }];
		case 'chase':
			return [{ kind: 'chased', audience: holders(c) }];
		default:
			if (e.by === 'requester' && REQUESTER_WRITES.has(e.kind) && c.assigneeId) {
				return [{ kind: 'requester_reply', audience: { type: 'person', personId: c.assigneeId } }];
			}
			return [];
	}
}

/** Kinds that also go to the holding team's chat channels. */
export const CHANNEL_KINDS: ReadonlySet<NotificationKind> = new Set(['escalated', 'sla_breached']);
