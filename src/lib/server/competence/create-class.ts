import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceClasses } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { conflict, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { classSchema, type ClassInput, type FormInput } from './competence-input';
import { loadCompetenceScope } from './competence-scope';

export type ClassRow = typeof competenceClasses.$inferSelect;

/**
 * Adds a class (unit + year group + name, e.g. "4B") at a unit where the actor may mark (competence.mark there).
 * A unit where they have no role is refused beside the unit field; a name the unit already has, beside the name.
 */
export async function createClass(
	db: Db,
	o: { actor: Actor | null; organizerId: string; input: FormInput<ClassInput> }
): Promise<ClassRow> {
	authorize(o.actor, 'competence.mark', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const input = parseOrThrow(classSchema, o.input);
	const { byId, resource } = await loadCompetenceScope(db, o.organizerId);
	const unit = isUuid(input.unitId) ? byId.get(input.unitId) : undefined;
	if (!unit || unit.archivedAt) throw invalid('unitId', 'competence_error_unit');
	if (!can(actor, 'competence.mark', resource(unit.id))) throw invalid('unitId', 'competence_error_unit_not_yours');
	return db.transaction(async (tx) => {
		const [taken] = await tx
			.select({ id: competenceClasses.id })
			.from(competenceClasses)
			.where(and(eq(competenceClasses.unitId, unit.id), eq(competenceClasses.name, input.name)));
		if (taken) throw conflict('name', 'competence_error_class_taken');
		const [row] = await tx
			.insert(competenceClasses)
			.values({ organizerId: o.organizerId, unitId: unit.id, stage: input.stage, name: input.name })
			.returning();
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.class.create',
			entityType: 'competence_class',
			entityId: row.id,
			changes: { unitId: [null, row.unitId], stage: [null, row.stage], name: [null, row.name] }
		});
		return row;
	});
}
