import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { capacityAssignments, competenceCourses, competenceEnrolments, roleAssignments } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { KEY_ROLES } from '../../policies/roles';
import { authorize, can, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { loadCompetenceScope } from '../competence-scope';

export type KeyPersonTraining = {
	personId: string;
	name: string;
	/** The key-person role held at the unit, and since when (null when not dated). */
	role: 'pedagogical_key_person' | 'technical_key_person';
	since: string | null;
	until: string | null;
	/** The time allotted for the assignment today (capacity, decision 043), in minutes a week, with its note. */
	minutesPerWeek: number | null;
	note: string;
	courses: { title: string; kind: string; signedUpAt: Date; attended: boolean; completedAt: Date | null }[];
};

/**
 * The key people of each unit the actor may follow (competence.participation: a principal their own units and those
 * below, the organizer-wide readers every unit) — issue 19 item 4's last line: their assignment (the pedagogical or
 * technical key-person role at the unit, its dates, the time allotted for it today) and their own training (every
 * course they signed up to, attended or completed, archived ones too). Nothing of reflections.
 */
export async function findKeyPeopleTraining(db: Db, o: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(o.actor, 'competence.participation', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const today = todayInStockholm(o.now);
	const { byId, resource } = await loadCompetenceScope(db, o.organizerId);
	const roles = (
		await db
			.select({
				personId: roleAssignments.personId,
				unitId: roleAssignments.unitId,
				role: roleAssignments.role,
				startsOn: roleAssignments.startsOn,
				endsOn: roleAssignments.endsOn
			})
			.from(roleAssignments)
			.where(
				and(
					eq(roleAssignments.organizerId, o.organizerId),
					isNotNull(roleAssignments.unitId),
					inArray(roleAssignments.role, [...KEY_ROLES]),
					or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today))
				)
			)
	).filter((r) => !byId.get(r.unitId!)?.archivedAt && can(actor, 'competence.participation', resource(r.unitId)));
	if (!roles.length) return [];
	const personIds = [...new Set(roles.map((r) => r.personId))];
	const [time, enrolments, names] = await Promise.all([
		db
			.select({
				personId: capacityAssignments.personId,
				unitId: capacityAssignments.unitId,
				chain: capacityAssignments.chain,
				minutes: capacityAssignments.minutesPerWeek,
				note: capacityAssignments.note
			})
			.from(capacityAssignments)
			.where(
				and(
					eq(capacityAssignments.organizerId, o.organizerId),
					inArray(capacityAssignments.personId, personIds),
					lte(capacityAssignments.validFrom, today),
					or(isNull(capacityAssignments.validTo), gte(capacityAssignments.validTo, today))
				)
			),
		db
			.select({
				personId: competenceEnrolments.personId,
				title: competenceCourses.title,
				kind: competenceCourses.kind,
				signedUpAt: competenceEnrolments.createdAt,
				attendedAt: competenceEnrolments.attendedAt,
				completedAt: competenceEnrolments.completedAt
			})
			.from(competenceEnrolments)
			.innerJoin(competenceCourses, eq(competenceCourses.id, competenceEnrolments.courseId))
			.where(
				and(
					eq(competenceEnrolments.organizerId, o.organizerId),
					inArray(competenceEnrolments.personId, personIds),
					isNull(competenceEnrolments.cancelledAt)
				)
			),
		shownNamesById(db, { actor, organizerId: o.organizerId, personIds, via: 'competence_participation' })
	]);
	const chainOf = (role: string) => (role === 'technical_key_person' ? 'technical' : 'pedagogical');
	const units = new Map<string, { unitId: string; unitName: string; people: KeyPersonTraining[] }>();
	for (const r of roles) {
		const unitId = r.unitId!;
		const unit = units.get(unitId) ?? { unitId, unitName: byId.get(unitId)?.name ?? '', people: [] };
		const allotted = time.filter((a) => a.personId === r.personId && a.unitId === unitId && a.chain === chainOf(r.role));
		unit.people.push({
			personId: r.personId,
			name: names.get(r.personId) ?? '',
			role: r.role as KeyPersonTraining['role'],
			since: r.startsOn,
			until: r.endsOn,
			minutesPerWeek: allotted.length ? allotted.reduce((s, a) => s + a.minutes, 0) : null,
			note: allotted
				.map((a) => a.note)
				.filter(Boolean)
				.join(' · '),
			courses: enrolments
				.filter((e) => e.personId === r.personId)
				.map((e) => ({ title: e.title, kind: e.kind, signedUpAt: e.signedUpAt, attended: !!e.attendedAt, completedAt: e.completedAt }))
				.sort((a, b) => b.signedUpAt.getTime() - a.signedUpAt.getTime())
		});
		units.set(unitId, unit);
	}
	return [...units.values()]
		.map((u) => ({ ...u, people: u.people.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.role.localeCompare(b.role)) }))
		.sort((a, b) => (byId.get(a.unitId)?.nameSort ?? '').localeCompare(byId.get(b.unitId)?.nameSort ?? ''));
}
