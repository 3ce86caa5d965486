import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments, roleAssignments } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { loadCompetenceScope } from '../competence-scope';

/**
 * Who of each unit's staff signed up, attended and completed which courses (competence.participation): the
 * organizer-wide readers see every unit, a principal their own units and those below. A person counts at every unit
 * where they hold a role. Names as the actor may see them; nothing of reflections, ever.
 */
export async function findParticipation(db: Db, o: { actor: Actor | null; organizerId: string }) {
	authorize(o.actor, 'competence.participation', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const { byId, resource } = await loadCompetenceScope(db, o.organizerId);
	const rows = await db
		.select({
			personId: competenceEnrolments.personId,
			courseId: competenceCourses.id,
			title: competenceCourses.title,
			kind: competenceCourses.kind,
			attendedAt: competenceEnrolments.attendedAt,
			completedAt: competenceEnrolments.completedAt
		})
		.from(competenceEnrolments)
		.innerJoin(competenceCourses, eq(competenceCourses.id, competenceEnrolments.courseId))
		.where(and(eq(competenceEnrolments.organizerId, o.organizerId), isNull(competenceEnrolments.cancelledAt)));
	const personIds = [...new Set(rows.map((r) => r.personId))];
	const roles = personIds.length
		? await db
				.selectDistinct({ personId: roleAssignments.personId, unitId: roleAssignments.unitId })
				.from(roleAssignments)
				.where(
					and(
						eq(roleAssignments.organizerId, o.organizerId),
						isNotNull(roleAssignments.unitId),
						inArray(roleAssignments.personId, personIds)
					)
				)
		: [];
	const seen = roles.filter((r) => r.unitId && can(actor, 'competence.participation', resource(r.unitId)));
	const names = await shownNamesById(db, {
		actor,
		organizerId: o.organizerId,
		personIds: seen.map((r) => r.personId),
		via: 'competence_participation'
	});
	const byPerson = new Map<string, typeof rows>();
	for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
	const units = new Map<
		string,
		{
			unitId: string;
			unitName: string;
			people: { name: string; courses: { title: string; kind: string; attended: boolean; completed: boolean }[] }[];
		}
	>();
	for (const r of seen) {
		const unitId = r.unitId!;
		const unit = units.get(unitId) ?? { unitId, unitName: byId.get(unitId)?.name ?? '', people: [] };
		unit.people.push({
			name: names.get(r.personId) ?? '',
			courses: (byPerson.get(r.personId) ?? []).map((c) => ({
				title: c.title,
				kind: c.kind,
				attended: !!c.attendedAt,
				completed: !!c.completedAt
			}))
		});
		units.set(unitId, unit);
	}
	return [...units.values()]
		.map((u) => ({ ...u, people: u.people.sort((a, b) => a.name.localeCompare(b.name, 'sv')) }))
		.sort((a, b) => (byId.get(a.unitId)?.nameSort ?? '').localeCompare(byId.get(b.unitId)?.nameSort ?? ''));
}
