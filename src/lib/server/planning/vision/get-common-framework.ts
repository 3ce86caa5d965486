import { and, asc, countDistinct, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	people,
	planningConceptVersions,
	planningConcepts,
	planningFinancingRows,
	planningFrameworkTexts,
	roleAssignments,
	supportTeamOrganizers,
	supportTeams
} from '../../db/schema';
import { shownNamesById } from '../../support/privacy/shown-names';
import { authorize, can, type Actor } from '../../policies';
import { ASSIGNABLE_ROLES } from '../../policies/roles';
import { FINANCING_ROWS } from './financing';
import { organizerPlan } from './organizer-plan';
import { findConceptRenames } from './find-concept-renames';

/**
 * The organizer's common framework for everyone who reads the organizer plan: key concepts with their
 * current and earlier meanings (who wrote each, protected identities as pseudonyms) and earlier names, the roles Rödtråd
 * knows with how many active people hold each and their responsibility text, the support teams and lines,
 * the free-text sections and the financing matrix (the standard rows always, then the organizer's own).
 */
export async function getCommonFramework(db: Db, opts: { actor: Actor; organizerId: string }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'plan.view', organizerPlan(organizerId));
	const [concepts, versions, texts, roleCounts, teams, rows] = await Promise.all([
		db.select().from(planningConcepts).where(eq(planningConcepts.organizerId, organizerId)).orderBy(asc(planningConcepts.name)),
		db
			.select()
			.from(planningConceptVersions)
			.where(eq(planningConceptVersions.organizerId, organizerId))
			.orderBy(desc(planningConceptVersions.createdAt), desc(planningConceptVersions.id)),
		db
			.select({ key: planningFrameworkTexts.key, text: planningFrameworkTexts.text })
			.from(planningFrameworkTexts)
			.where(eq(planningFrameworkTexts.organizerId, organizerId)),
		db
			.select({ role: roleAssignments.role, people: countDistinct(roleAssignments.personId) })
			.from(roleAssignments)
			.innerJoin(people, eq(people.id, roleAssignments.personId))
			.where(and(eq(roleAssignments.organizerId, organizerId), eq(people.status, 'active')))
			.groupBy(roleAssignments.role),
		db
			.select({
				id: supportTeams.id,
				name: supportTeams.name,
				chain: supportTeams.chain,
				line: supportTeams.line,
				supplierName: supportTeams.supplierName
			})
			.from(supportTeams)
			.innerJoin(
				supportTeamOrganizers,
				and(eq(supportTeamOrganizers.teamId, supportTeams.id), eq(supportTeamOrganizers.organizerId, organizerId))
			)
			.where(isNull(supportTeams.archivedAt))
			.orderBy(asc(supportTeams.chain), asc(supportTeams.line), asc(supportTeams.nameSort)),
		db
			.select()
			.from(planningFinancingRows)
			.where(eq(planningFinancingRows.organizerId, organizerId))
			.orderBy(asc(planningFinancingRows.position), asc(planningFinancingRows.createdAt))
	]);
	const renames = await findConceptRenames(
		db,
		organizerId,
		concepts.map((c) => c.id)
	);
	const nameOf = await shownNamesById(db, { actor, organizerId, personIds: versions.map((v) => v.authorId), via: 'planning' });
	const text = new Map(texts.map((t) => [t.key, t.text]));
	const counts = new Map(roleCounts.map((r) => [r.role, Number(r.people)]));
	const standard = new Map(rows.filter((r) => r.rowKey).map((r) => [r.rowKey!, r]));
	return {
		canWrite: can(actor, 'plan.write', organizerPlan(organizerId)),
		concepts: concepts.map((c) => {
			const mine = versions
				.filter((v) => v.conceptId === c.id)
				.map((v) => ({
					id: v.id,
					meaning: v.meaning,
					author: v.authorId ? (nameOf.get(v.authorId) ?? '') : '',
					createdAt: v.createdAt.toISOString()
				}));
			return { id: c.id, name: c.name, current: mine[0] ?? null, earlier: mine.slice(1), earlierNames: renames.get(c.id) ?? [] };
		}),
		texts: Object.fromEntries(text),
		roles: ASSIGNABLE_ROLES.map((role) => ({ role, people: counts.get(role) ?? 0, text: text.get(`role.${role}`) ?? '' })),
		teams,
		financing: [
			...FINANCING_ROWS.map((key) => ({
				id: key,
				rowKey: key as string | null,
				label: '',
				payer: standard.get(key)?.payer ?? null,
				note: standard.get(key)?.note ?? ''
			})),
			...rows.filter((r) => !r.rowKey).map((r) => ({ id: r.id, rowKey: null, label: r.label, payer: r.payer, note: r.note }))
		]
	};
}
