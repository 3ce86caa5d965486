import { nameForType } from './check-attachment';
import type { TicketTimeline } from './get-ticket-timeline';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One attachment as the page links to it. */
export type PresentedAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number };

/** One step on the timeline as the page shows it: who, when, what, with names already looked up. */
export type TimelineItem = {
	id: number;
	kind: string;
	at: string;
	/** The person's name; null for a system step. */
	who: string | null;
	by: string;
	internal: boolean;
	/** An internal note's readers: staff | all_lines (null for other steps). */
	audience: string | null;
	body: string;
	stateTo: string | null;
	lineTo: number | null;
	/** For a reminder ("chase"): the line that was reminded. */
	lineAt: number | null;
	teamName: string | null;
	cause: string | null;
	rating: number | null;
	chainTo: string | null;
	mergedInto: number | null;
	onBehalfOf: string | null;
	/** auto_close of a case that had been solved this many working days (null: closed after waiting on the requester). */
	closedAfterSolvedDays: number | null;
	attachments: PresentedAttachment[];
	/** The time the handler wrote for the step (decision 043): for the lines only, null for the requester. */
	minutesSpent: number | null;
};

/** The timeline for the case page, oldest first. Internal notes are already left out for those who may not read them. */
export function presentTimeline(tl: TicketTimeline): TimelineItem[] {
	const filesByEvent = new Map<number, PresentedAttachment[]>();
	for (const a of tl.attachments) {
		if (a.eventId === null) continue;
		const list = filesByEvent.get(a.eventId) ?? [];
		list.push({ id: a.id, fileName: nameForType(a.fileName, a.contentType), contentType: a.contentType, sizeBytes: a.sizeBytes });
		filesByEvent.set(a.eventId, list);
	}
	return tl.events.map((e) => {
		const d = e.data ?? {};
		const teamId = str(d.teamId);
		const onBehalf = str(d.onBehalfOf);
		return {
			id: e.id,
			kind: e.kind,
			at: e.createdAt.toISOString(),
			who: e.actorId ? (tl.people.get(e.actorId) ?? null) : null,
			by: e.by,
			internal: !e.public,
			audience: e.kind === 'note' ? e.audience : null,
			body: e.body,
			stateTo: e.stateTo,
			lineTo: e.lineTo,
			lineAt: e.kind === 'chase' ? num(d.line) : null,
			teamName: teamId ? (tl.teams.get(teamId) ?? null) : null,
			cause: str(d.cause),
			rating: num(d.rating),
			chainTo: str(d.toChain) ?? str(d.chain),
			mergedInto: num(d.intoNumber) ?? num(d.mergedIntoNumber),
			onBehalfOf: onBehalf ? (tl.people.get(onBehalf) ?? null) : null,
			closedAfterSolvedDays: e.kind === 'auto_close' && d.closedFrom === 'solved' ? num(d.closeSolvedDays) : null,
			attachments: filesByEvent.get(e.id) ?? [],
			minutesSpent: tl.can.internal ? e.minutesSpent : null
		};
	});
}

/** The case's own fields for the page header (no SLA internals, no raw ids but the ones links need). */
export function presentCase(tl: TicketTimeline) {
	const t = tl.ticket;
	return {
		number: t.number,
		title: t.title,
		description: t.description,
		state: t.state,
		chain: t.chain,
		line: t.line,
		urgency: t.urgency,
		unitName: tl.unitName,
		categoryName: tl.categoryName,
		teamName: t.teamId ? (tl.teams.get(t.teamId) ?? null) : null,
		requesterName: tl.people.get(t.requesterId) ?? '',
		filedByName: t.filedById !== t.requesterId ? (tl.people.get(t.filedById) ?? '') : null,
		minutesLost: t.minutesLost,
		lostTimeUnit: t.lostTimeUnit,
		studentsAffected: t.studentsAffected,
		deviceType: t.deviceType,
		device: tl.device,
		cause: t.cause,
		rating: t.rating,
		ratingComment: t.ratingComment,
		createdAt: t.createdAt.toISOString(),
		updatedAt: t.updatedAt.toISOString(),
		reopenUntil: tl.reopenUntil?.toISOString() ?? null
	};
}
