/**
 * What a case looks like after its events: the same rules as appendTicketEvent (state, line, waiting
 * since, solved/closed stamps, first response, patches), applied to a whole planned timeline at once so
 * the demo can insert the case and its events in bulk and still agree with the one-event-at-a-time path.
 */
import type { tickets } from '../../db/schema';
import type { PlannedEvent } from './plan-timeline';

export type FoldedCase = Partial<typeof tickets.$inferInsert> & {
	state: string;
	line: number;
	/** The highest line reached (decision 064). */
	maxLine: number;
	updatedAt: Date;
	/** Every team that held the case, with when it first got it. */
	heldBy: Map<string, Date>;
};

/** Folds a non-empty, time-ordered timeline into the case's columns. */
export function foldEvents(events: readonly PlannedEvent[]): FoldedCase {
	const out: FoldedCase = { state: 'new', line: 1, maxLine: 1, updatedAt: events[0].at, heldBy: new Map() };
	for (const e of events) {
		Object.assign(out, e.patch);
		out.updatedAt = e.at;
		if (e.stateTo) {
			out.state = e.stateTo;
			out.waitingSince = e.stateTo === 'waiting_requester' ? e.at : null;
			if (e.stateTo === 'solved') Object.assign(out, { solvedAt: e.at, solvedById: e.actorId });
			if (e.stateTo === 'closed') out.closedAt = e.at;
			if (e.stateTo !== 'solved' && e.stateTo !== 'closed') Object.assign(out, { solvedAt: null, solvedById: null, closedAt: null });
		}
		if (e.lineTo) out.line = e.lineTo;
		out.maxLine = Math.max(out.maxLine, out.line);
		if (e.by === 'handler' && e.public && !out.firstResponseAt) out.firstResponseAt = e.at;
		const teamId = e.patch?.teamId;
		if (teamId && !out.heldBy.has(teamId)) out.heldBy.set(teamId, e.at);
	}
	return out;
}
