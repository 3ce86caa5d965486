import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyInvitations, surveys } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { getPulseSettings } from './pulse-settings';
import { loadSurveyScope } from './survey-scope';

/**
 * The organizer's surveys for the list page (surveys.results or surveys.manage): each with its kind, state and
 * response rate; drafts only for those who manage surveys. Also what the new-survey form and pulse settings need.
 */
export async function findSurveys(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	const org = { type: 'organizer' as const, organizerId: opts.organizerId };
	const actor = opts.actor;
	const manage = can(actor, 'surveys.manage', org);
	if (!manage) authorize(actor, 'surveys.results', org);
	const rows = await db
		.select({
			id: surveys.id,
			kind: surveys.kind,
			titleSv: surveys.titleSv,
			titleEn: surveys.titleEn,
			anonymous: surveys.anonymous,
			status: surveys.status,
			openedAt: surveys.openedAt,
			closedAt: surveys.closedAt,
			createdAt: surveys.createdAt,
			// eq() names both tables; a bare `${column} = ${column}` here lost them and compared the invitation's own id.
			invited: sql<number>`(select ${count()} from ${surveyInvitations} where ${eq(surveyInvitations.surveyId, surveys.id)})`.mapWith(
				Number
			),
			answered: sql<number>`(select ${count()} from ${surveyInvitations} where ${and(
				eq(surveyInvitations.surveyId, surveys.id),
				isNotNull(surveyInvitations.answeredAt)
			)})`.mapWith(Number)
		})
		.from(surveys)
		.where(eq(surveys.organizerId, opts.organizerId))
		.orderBy(desc(surveys.createdAt));
	const scope = manage ? await loadSurveyScope(db, opts.organizerId) : null;
	return {
		canManage: manage,
		surveys: rows.filter((s) => manage || s.status !== 'draft'),
		units: scope
			? scope.units
					.filter((u) => !u.archivedAt)
					.sort((a, b) => (a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : 0))
					.map((u) => ({ id: u.id, name: u.name }))
			: [],
		pulse: manage ? await getPulseSettings(db, opts.organizerId) : null
	};
}
