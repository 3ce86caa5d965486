import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningDecisions, planningMeetingAttendance, planningMeetingItems, planningMeetings } from '../../db/schema';
import { AppError } from '../../errors';
import { can, type Actor, type ForumAction } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { getForum } from './get-forum';
import { stockholmDayTime } from './forum-input';
import { isUuid } from '../../ids';

/**
 * One meeting of a forum as its page and its minutes show it: the agenda with minutes, who was there, the
 * decisions made at it, and the members by their shown names (a protected identity is a pseudonym for all but
 * organization administrators). For members and managers of the forum (or `need`); NOT_FOUND for a meeting of
 * another forum. forMail: names as in a mail to others (pseudonyms for every protected identity).
 */
export async function getMeeting(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string; need?: ForumAction; forMail?: boolean }
) {
	const forum = await getForum(db, opts);
	if (!isUuid(opts.meetingId)) throw new AppError('NOT_FOUND', 'meeting');
	const [meeting] = await db
		.select()
		.from(planningMeetings)
		.where(
			and(
				eq(planningMeetings.id, opts.meetingId),
				eq(planningMeetings.forumId, forum.id),
				eq(planningMeetings.organizerId, opts.organizerId)
			)
		);
	if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
	const [items, attendance, decisions] = await Promise.all([
		db
			.select()
			.from(planningMeetingItems)
			.where(eq(planningMeetingItems.meetingId, meeting.id))
			.orderBy(asc(planningMeetingItems.position)),
		db.select().from(planningMeetingAttendance).where(eq(planningMeetingAttendance.meetingId, meeting.id)),
		db
			.select()
			.from(planningDecisions)
			.where(eq(planningDecisions.meetingId, meeting.id))
			.orderBy(asc(planningDecisions.createdAt), asc(planningDecisions.id))
	]);
	const actionIds = [...items, ...decisions].flatMap((r) => (r.actionId ? [r.actionId] : []));
	const actions = actionIds.length
		? await db
				.select({ id: planningActions.id, dueOn: planningActions.dueOn, status: planningActions.status })
				.from(planningActions)
				.where(inArray(planningActions.id, actionIds))
		: [];
	const actionById = new Map(actions.map((a) => [a.id, a]));
	const carriedIds = items.flatMap((i) => (i.decisionId ? [i.decisionId] : []));
	const carried = carriedIds.length
		? await db
				.select({ id: planningDecisions.id, meetingId: planningDecisions.meetingId, status: planningDecisions.status })
				.from(planningDecisions)
				.where(inArray(planningDecisions.id, carriedIds))
		: [];
	const carriedById = new Map(carried.map((d) => [d.id, d]));
	const nameOf = await shownNamesById(db, {
		actor: opts.forMail ? null : opts.actor,
		organizerId: opts.organizerId,
		personIds: [...forum.memberIds, ...decisions.map((d) => d.ownerId)],
		via: 'planning'
	});
	const present = new Map(attendance.map((a) => [a.personId, a.present]));
	const members = forum.memberIds
		.map((id) => ({ id, name: nameOf.get(id) ?? '', present: present.get(id) ?? null }))
		.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
	return {
		forum: { id: forum.id, name: forum.name, kind: forum.kind, unitId: forum.unitId, canManage: forum.canManage },
		meeting: {
			id: meeting.id,
			startsAt: meeting.startsAt,
			/** The start as the Stockholm day and time the move form shows. */
			...stockholmDayTime(meeting.startsAt),
			place: meeting.place,
			guests: meeting.guests,
			publishedAt: meeting.publishedAt,
			attendanceTaken: attendance.length > 0
		},
		items: items.map((i) => ({
			id: i.id,
			kind: i.kind,
			title: i.title,
			minutes: i.minutes,
			decisionId: i.decisionId,
			actionId: i.actionId,
			actionDueOn: i.actionId ? (actionById.get(i.actionId)?.dueOn ?? null) : null,
			/** For a carried decision: the meeting that made it, and how it stands now. */
			decisionMeetingId: i.decisionId ? (carriedById.get(i.decisionId)?.meetingId ?? null) : null,
			decisionStatus: i.decisionId ? (carriedById.get(i.decisionId)?.status ?? null) : null
		})),
		members,
		decisions: decisions.map((d) => ({
			id: d.id,
			text: d.text,
			ownerId: d.ownerId,
			ownerName: nameOf.get(d.ownerId) ?? '',
			dueOn: d.dueOn,
			status: d.status,
			actionId: d.actionId,
			canChangeStatus: can(opts.actor, 'forum.decision_status', { ...forum.resource, decisionOwnerId: d.ownerId })
		}))
	};
}

export type MeetingDetails = Awaited<ReturnType<typeof getMeeting>>;
